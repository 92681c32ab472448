#!/usr/bin/env node
// Lint Cypher with Neo4j's own front end, offline.
//
// @neo4j-cypher/language-support ships Neo4j's ANTLR grammar and Neo4j's Java semantic
// analysis compiled to JavaScript: syntax errors, undefined variables, type errors,
// Neo4j 4 syntax that Neo4j 5 removed, deprecations, unknown functions and procedures.
//
// Usage:
//   node lint.mjs [options] [FILE | -]
//
// Input (FILE, or stdin when FILE is "-" or missing): a JSON list of
//   {"name": "...", "query": "..."}
// Each query is one statement as a driver would send it (more than one is an error).
//
// Output (stdout): JSON
//   {"ok": bool, "checked": n, "errors": n, "warnings": n,
//    "results": [{"name", "diagnostics": [{"severity", "message", "line", "column",
//                 "deprecated"}]}]}
// with one entry per input query, in input order, clean ones included.
//
// Exit status: 0 clean, 1 problems (errors; warnings too with --strict), 2 usage or input.
//
// Options:
//   --strict                 warnings (deprecations, planner notifications) fail too
//   --cypher-version 5|25    the language the server runs (default 5: Neo4j 5)
//   --allow NS[,NS]          also accept these procedure/function namespaces (apoc, gds)
//   --ignore TEXT            drop diagnostics whose message contains TEXT (repeatable)
//   --schema FILE            JSON {labels, relationshipTypes, propertyKeys, graphSchema}:
//                            names outside it are reported (as warnings)
//   --no-signatures          no function/procedure list (unknown ones are not reported)
//
// Function and procedure signatures come from the package's testData.mockSchema, a dump
// of SHOW FUNCTIONS / SHOW PROCEDURES from a recent Neo4j Enterprise server with APOC and
// GDS; only the built-ins are kept unless --allow adds a namespace back.
//
// The package's semantic analysis fails open (an internal exception gives no diagnostics),
// so every run first lints a query with a known type error and exits 2 if it is not found.

import { readFileSync } from 'node:fs';
import {
  isNotParamError,
  lintCypherQuery,
  parseStatementsStrs,
  testData,
} from '@neo4j-cypher/language-support';

const USAGE =
  'usage: node lint.mjs [--strict] [--cypher-version 5|25] [--allow apoc,gds] ' +
  '[--ignore TEXT]... [--schema FILE] [--no-signatures] [FILE | -]';
const EXTENSION_NAMESPACES = ['apoc', 'gds'];
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function fail(message) {
  process.stderr.write(`lint.mjs: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    strict: false,
    version: 'CYPHER 5',
    allow: [],
    ignore: [],
    schema: null,
    signatures: true,
    input: '-',
  };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--strict') options.strict = true;
    else if (arg === '--no-signatures') options.signatures = false;
    else if (arg === '--cypher-version') {
      const v = value();
      if (v !== '5' && v !== '25') fail(`--cypher-version must be 5 or 25, not ${v}`);
      options.version = `CYPHER ${v}`;
    } else if (arg === '--allow') {
      options.allow.push(...value().split(',').filter(Boolean));
    } else if (arg === '--ignore') options.ignore.push(value());
    else if (arg === '--schema') options.schema = value();
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length > 1) fail('at most one input file');
  if (positional.length === 1) options.input = positional[0];
  const unknown = options.allow.filter((ns) => !EXTENSION_NAMESPACES.includes(ns));
  if (unknown.length) fail(`--allow knows only ${EXTENSION_NAMESPACES.join(', ')}`);
  return options;
}

function readJson(path, what) {
  let text;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    fail(`cannot read ${what} ${path}: ${err.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(`${what} ${path} is not JSON: ${err.message}`);
  }
}

function readQueries(path) {
  const items = readJson(path, 'input');
  if (!Array.isArray(items)) fail('input must be a JSON list of {"name", "query"}');
  const names = new Set();
  items.forEach((item, i) => {
    if (
      item === null ||
      typeof item !== 'object' ||
      typeof item.name !== 'string' ||
      typeof item.query !== 'string'
    ) {
      fail(`input item ${i} is not {"name": string, "query": string}`);
    }
    if (names.has(item.name)) fail(`input name ${JSON.stringify(item.name)} appears twice`);
    names.add(item.name);
  });
  return items;
}

// Keep the signatures of one Cypher version, dropping extension namespaces not allowed.
function signatures(registry, allow) {
  const dropped = EXTENSION_NAMESPACES.filter((ns) => !allow.includes(ns));
  const kept = {};
  for (const [name, signature] of Object.entries(registry ?? {})) {
    const namespace = name.split('.')[0];
    if (signature.isBuiltIn === false && !allow.includes(namespace)) continue;
    if (dropped.includes(namespace)) continue;
    kept[name] = signature;
  }
  return kept;
}

function buildDbSchema(options) {
  const dbSchema = { defaultLanguage: options.version };
  if (options.signatures) {
    const mock = testData.mockSchema;
    dbSchema.functions = {};
    dbSchema.procedures = {};
    for (const version of Object.keys(mock.functions)) {
      dbSchema.functions[version] = signatures(mock.functions[version], options.allow);
      dbSchema.procedures[version] = signatures(mock.procedures[version], options.allow);
    }
  }
  if (options.schema) {
    const schema = readJson(options.schema, 'schema');
    for (const key of ['labels', 'relationshipTypes', 'propertyKeys', 'graphSchema']) {
      if (schema[key] !== undefined) dbSchema[key] = schema[key];
    }
  }
  return dbSchema;
}

function diagnostic(severity, message, line, column, deprecated = false) {
  return { severity, message, line, column, deprecated };
}

function lintOne(query, dbSchema, options) {
  const found = [];
  // A driver sends one statement per query; Neo4j refuses a second one.
  const statements = parseStatementsStrs(query);
  if (statements.length === 0) {
    found.push(diagnostic('error', 'Empty query: no statement to run.', 1, 1));
  } else if (statements.length > 1) {
    found.push(
      diagnostic(
        'error',
        `${statements.length} statements in one query; a Neo4j driver runs one statement per query.`,
        1,
        1,
      ),
    );
  }
  // lint.mjs's own check: a statement may not pin another language than the target.
  const other = options.version === 'CYPHER 5' ? '25' : '5';
  for (const statement of statements) {
    const head = statement.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
    if (new RegExp(`^CYPHER\\s+${other}\\b`, 'i').test(head)) {
      found.push(
        diagnostic(
          'error',
          `Statement pins CYPHER ${other}, but the target language is ${options.version}.`,
          1,
          1,
        ),
      );
    }
  }
  const { diagnostics } = lintCypherQuery(query, dbSchema, { consoleCommandsEnabled: false });
  for (const d of diagnostics) {
    // $parameters are bound at run time; the linter cannot know them.
    if (!isNotParamError(d)) continue;
    if (options.ignore.some((text) => d.message.includes(text))) continue;
    found.push(
      diagnostic(
        SEVERITY[d.severity] ?? 'error',
        d.message,
        d.range.start.line + 1,
        d.range.start.character + 1,
        (Array.isArray(d.tags) && d.tags.includes(2)) || /deprecated/i.test(d.message),
      ),
    );
  }
  return found;
}

// Guard against the analysis failing open: a known type error must be reported.
function selfCheck(dbSchema, options) {
  const found = lintOne("RETURN 'a' - 1 AS x", dbSchema, { ...options, ignore: [] });
  if (!found.some((d) => d.severity === 'error' && d.message.startsWith('Type mismatch'))) {
    process.stderr.write('lint.mjs: the semantic analysis did not report a known type error; not trusted\n');
    process.exit(2);
  }
}

function lintAll(items, dbSchema, options) {
  selfCheck(dbSchema, options);
  return items.map(({ name, query }) => ({ name, diagnostics: lintOne(query, dbSchema, options) }));
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const items = readQueries(options.input);
  const results = lintAll(items, buildDbSchema(options), options);
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const ok = errors === 0 && (!options.strict || warnings === 0);
  const report = { ok, strict: options.strict, checked: items.length, errors, warnings, results };
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  process.exitCode = ok ? 0 : 1;
}

main();
