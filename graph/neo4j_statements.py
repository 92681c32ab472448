"""Every statement the Neo4j store can run, as (name, text) pairs, for the offline lint.

tests/test_neo4j_cypher.py sends them all to tools/cypherlint/lint.mjs (Neo4j's own parser
and semantic analysis). The statements, in the Neo4j dialect:

* every file under cypher/read, cypher/write and cypher/queries (and the Neo4j-only files
  under cypher/neo4j/ in those folders), read with cypher(path, "neo4j"). Templates are
  expanded for every label the schema accepts, for every relationship type with each of
  its allowed endpoint pairs, and with the parameter names the store uses;
* the files in BUILT_BY, which are run only as built by schema_statements(), by
  plan_segments() or by k_shortest_statement(): schema_statements(schema) itself,
  plan_segments() for one node of every label and one relationship of every (type, from
  label, to label), plan_segments() for the plan of a real bundled dossier, and
  k_shortest_statement() for k=3 within 6 hops;
* the Cypher literals that library code passes straight to a store's read() or write().

A file the Neo4j store never runs must have a Neo4j variant under cypher/neo4j/ (the
variant is what is checked), or be listed in EXCLUDED with the reason.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from itertools import product
from pathlib import Path
from typing import Any

import graph
from graph.cypher_text import cypher, splice
from graph.neo4j_paths import k_shortest_statement
from graph.plan import Plan, PlannedEdge, PlannedNode
from graph.resources import bundled_dossiers_dir, cypher_dir
from graph.schema import ENTITY_LABEL, Schema
from graph.store.neo4j import plan_segments, schema_statements

FOLDERS = ("read", "write", "queries")

# Files the Neo4j store runs only through a builder, which is checked instead.
BUILT_BY = {
    "write/merge_nodes.cypher": "plan_segments",
    "write/merge_edges.cypher": "plan_segments",
    "write/create_nodes.cypher": "plan_segments",
    "write/create_edges.cypher": "plan_segments",
    "write/create_constraint.cypher": "schema_statements",
    "write/create_index.cypher": "schema_statements",
    "write/create_fulltext_index.cypher": "schema_statements",
    "read/k_shortest_paths.cypher": "k_shortest_statement",
}

# Files the Neo4j store never runs, with the reason. Keep this empty where possible: a
# file that serves FalkorDB only should rather get a Neo4j variant under cypher/neo4j/.
EXCLUDED: dict[str, str] = {
    "write/append_nodes.cypher": "FalkorDB only: FalkorDBStore.write_plan() merges nodes with rows as lists "
    "(one JSON text); the Neo4j store sends maps to merge_nodes.cypher.",
    "write/append_edges.cypher": "FalkorDB only: FalkorDBStore.write_plan() merges relationships with rows "
    "as lists (one JSON text); the Neo4j store sends maps to merge_edges.cypher.",
}

# The bundled dossier whose write plan is checked as the store would write it.
DOSSIER = "2020-sparks.yaml"

# Parameter-name tokens, with the names the store splices in.
NAMES = {"ROWS": "rows"}

# Library code whose literal queries are checked: everything but the FalkorDB adapter.
PACKAGES = ("graph", "api", "loaders", "cli")
NOT_NEO4J = {"graph/store/falkordb.py"}

# Labels the store writes besides the schema's: every node's Entity, and the Neo4j store's
# own bookkeeping node (cypher/neo4j/write/generation.cypher).
STORE_LABELS = (ENTITY_LABEL, "PiracyGraphMeta")

_TOKEN = re.compile(r"__([A-Z]+)__")
_CYPHER_START = re.compile(r"^\s*(MATCH|OPTIONAL|UNWIND|CALL|RETURN|WITH|MERGE|CREATE|SHOW)\b")


def cypher_files() -> list[str]:
    """Relative paths (like "read/groups.cypher") of every file in FOLDERS, portable or
    Neo4j-only."""
    root = cypher_dir()
    found = set()
    for base in (root, root / "neo4j"):
        for folder in FOLDERS:
            found |= {p.relative_to(base).as_posix() for p in (base / folder).glob("*.cypher")}
    return sorted(found)


def expand(relative_path: str, schema: Schema) -> Iterator[tuple[str, str]]:
    """The file's Neo4j statement with its __TOKEN__s filled every way the schema allows."""
    text = cypher(relative_path, "neo4j")
    tokens = set(_TOKEN.findall(text))
    names = {token: NAMES[token] for token in tokens & NAMES.keys()}
    rest = tokens - names.keys()
    if not rest:
        yield relative_path, splice(text, schema, names=names)
    elif rest == {"LABEL"}:
        for label in [*schema.labels, ENTITY_LABEL]:
            yield (
                f"{relative_path} LABEL={label}",
                splice(text, schema, labels={"LABEL": label}, names=names),
            )
    elif rest == {"TYPE"}:
        for rel_type in schema.relationships:
            yield (
                f"{relative_path} TYPE={rel_type}",
                splice(text, schema, types={"TYPE": rel_type}, names=names),
            )
    elif rest == {"FROM", "TO", "TYPE"}:
        for rel_type, spec in schema.relationships.items():
            for source, target in spec.endpoints:
                yield (
                    f"{relative_path} TYPE={rel_type} FROM={source} TO={target}",
                    splice(
                        text,
                        schema,
                        labels={"FROM": source, "TO": target},
                        types={"TYPE": rel_type},
                        names=names,
                    ),
                )
    else:
        raise ValueError(f"{relative_path}: no expansion known for tokens {sorted(rest)}")


def every_kind_plan_segments(schema: Schema) -> Iterator[tuple[str, str]]:
    """plan_segments() for one node of every label and one relationship of every allowed
    (type, from label, to label), known and new: every write statement a dossier can
    produce."""
    for new in (False, True):
        step = "create" if new else "merge"
        for label in schema.labels:
            plan = Plan("lint", nodes={"n": PlannedNode(label, "n", "n")}, new_nodes={"n"} if new else set())
            for text, _ in plan_segments(plan, schema):
                yield f"plan_segments write/{step}_nodes.cypher LABEL={label}", text
        for rel_type, spec in schema.relationships.items():
            for source, target in spec.endpoints:
                edge = PlannedEdge(rel_type, "e", "a", source, "b", target)
                plan = Plan("lint", edges={"e": edge}, new_edges={"e"} if new else set())
                for text, _ in plan_segments(plan, schema):
                    yield (
                        f"plan_segments write/{step}_edges.cypher TYPE={rel_type} FROM={source} TO={target}",
                        text,
                    )


def dossier_plan_segments(schema: Schema, filename: str = DOSSIER) -> Iterator[tuple[str, str]]:
    """plan_segments() for a bundled dossier, planned on an empty graph."""
    from loaders.load import validate_file
    from loaders.resolve import build_plan

    path = bundled_dossiers_dir() / filename
    plan = build_plan(validate_file(path, schema), schema, lambda label, keys: {}, str(path))
    for i, (text, _) in enumerate(plan_segments(plan, schema)):
        yield f"plan_segments {plan.dossier} #{i:02d}", text


def inline_statements() -> Iterator[tuple[str, str]]:
    """Literal Cypher passed as the first argument of a .read() / .write() call in library
    code (e.g. `store.read("MATCH (g:Group {id: $id}) RETURN g.id AS id", ...)`)."""
    root = Path(graph.__file__).resolve().parent.parent
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative in NOT_NEO4J:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), relative)):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in {"read", "write"}
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and _CYPHER_START.match(node.args[0].value)
                ):
                    yield f"{relative}:{node.lineno}", node.args[0].value


def neo4j_statements(schema: Schema) -> Iterator[tuple[str, str]]:
    """Every (name, statement) the Neo4j store can run; names are unique."""
    for relative_path in cypher_files():
        if relative_path not in BUILT_BY and relative_path not in EXCLUDED:
            yield from expand(relative_path, schema)
    for i, text in enumerate(schema_statements(schema)):
        yield f"schema_statements #{i:02d}", text
    yield from every_kind_plan_segments(schema)
    yield from dossier_plan_segments(schema)
    yield "k_shortest_statement k=3 max_hops=6", k_shortest_statement(3, 6)
    yield from inline_statements()


def lint_schema(schema: Schema) -> dict[str, Any]:
    """The graph's names for lint.mjs --schema: a label, relationship type or (from, type,
    to) step outside them is reported. Every node also carries the label Entity."""
    steps = set()
    for rel_type, spec in schema.relationships.items():
        for source, target in spec.endpoints:
            for a, b in product((source, ENTITY_LABEL), (target, ENTITY_LABEL)):
                steps.add((a, rel_type, b))
    return {
        "labels": [*schema.labels, *STORE_LABELS],
        "relationshipTypes": list(schema.relationships),
        "graphSchema": [{"from": a, "relType": t, "to": b} for a, t, b in sorted(steps)],
    }
