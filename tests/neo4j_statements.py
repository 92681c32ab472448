"""Every statement the Neo4j store can run, as (name, text) pairs, for the offline lint.

tests/test_neo4j_cypher.py sends them all to tools/cypherlint/lint.mjs (Neo4j's own parser
and semantic analysis). The statements, in the Neo4j dialect:

* every file under cypher/read, cypher/write and cypher/queries (and the Neo4j-only files
  under cypher/neo4j/ in those folders), read with cypher(path, "neo4j"). Templates are
  expanded for every label the schema accepts, for every relationship type with each of
  its allowed endpoint pairs, and with the parameter names the store uses;
* the files in BUILT_BY, which are run only as built by schema_statements(), by
  change_segments() or by k_shortest_statement(): schema_statements(schema) itself,
  change_segments() creating, updating and deleting one node of every label and one
  relationship of every (type, from label, to label), change_segments() for the changes a
  real bundled dossier makes to an empty graph, and k_shortest_statement() for k=3 within
  6 hops;
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
from graph.model.plan import Changes, DossierRecord, EdgeRow, NodeRow
from graph.model.schema import ENTITY_LABEL, Schema
from graph.query.neo4j_paths import k_shortest_statement
from graph.resources import cypher_dir
from graph.store.neo4j import change_segments, schema_statements
from loaders.resources import bundled_dossiers_dir

FOLDERS = ("read", "write", "queries")

# Files the Neo4j store runs only through a builder, which is checked instead.
BUILT_BY = {
    "write/create_nodes.cypher": "change_segments",
    "write/update_nodes.cypher": "change_segments",
    "write/delete_nodes.cypher": "change_segments",
    "write/create_edges.cypher": "change_segments",
    "write/update_edges.cypher": "change_segments",
    "write/delete_edges.cypher": "change_segments",
    "write/record_dossiers.cypher": "change_segments",
    "write/forget_dossiers.cypher": "change_segments",
    "write/seal_dossiers.cypher": "change_segments",
    "write/create_constraint.cypher": "schema_statements",
    "write/create_index.cypher": "schema_statements",
    "write/create_fulltext_index.cypher": "schema_statements",
    "read/k_shortest_paths.cypher": "k_shortest_statement",
}

# Files the Neo4j store never runs, with the reason. Keep this empty where possible: a
# file that serves FalkorDB only should rather get a Neo4j variant under cypher/neo4j/.
EXCLUDED: dict[str, str] = {
    "read/snapshot_top_id.cypher": "FalkorDB pages the snapshot's reads by engine id ranges; Neo4j "
    "by our ids (cypher/neo4j/read/snapshot_nodes.cypher), which needs no top",
}

# The bundled dossier whose write plan is checked as the store would write it.
DOSSIER = "2020-sparks.yaml"

# Parameter-name tokens, with the names the store splices in.
NAMES = {"ROWS": "rows"}

# Library code whose literal queries are checked: everything but the FalkorDB adapter.
PACKAGES = ("graph", "api", "loaders", "cli")
NOT_NEO4J = {"graph/store/falkordb.py"}

# Labels the store writes besides the schema's: every node's Entity, the Neo4j store's
# own bookkeeping node (cypher/neo4j/write/generation.cypher) and the records of loaded
# dossiers (cypher/write/record_dossiers.cypher).
STORE_LABELS = (ENTITY_LABEL, "PiracyGraphMeta", "LoadedDossier")

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


def every_kind_change_segments(schema: Schema) -> Iterator[tuple[str, str]]:
    """change_segments() creating, updating and deleting one node of every label and one
    relationship of every allowed (type, from label, to label): every write statement a
    load or an unload can produce."""
    changes = Changes(
        "lint", records={"d": DossierRecord(["n"], ["e"], "f")}, forget=["f"], seals={"s": ("f", "sha")}
    )
    for text, _ in change_segments(changes, schema):
        yield "change_segments write/record_dossiers.cypher, forget_ and seal_dossiers.cypher", text
    steps = ("create", "update", "delete")
    for step in steps:
        for label in schema.labels:
            changes = Changes("lint")
            getattr(changes, f"{step}_nodes").append(NodeRow(label, "n", {"id": "n", "name": "n"}))
            for text, _ in change_segments(changes, schema):
                yield f"change_segments write/{step}_nodes.cypher LABEL={label}", text
        for rel_type, spec in schema.relationships.items():
            for source, target in spec.endpoints:
                changes = Changes("lint")
                edge = EdgeRow(rel_type, "e", "a", source, "b", target, {"id": "e"})
                getattr(changes, f"{step}_edges").append(edge)
                for text, _ in change_segments(changes, schema):
                    where = f"TYPE={rel_type} FROM={source} TO={target}"
                    yield f"change_segments write/{step}_edges.cypher {where}", text


def dossier_change_segments(schema: Schema, filename: str = DOSSIER) -> Iterator[tuple[str, str]]:
    """change_segments() for a bundled dossier written to an empty graph."""
    from loaders.load import validate_file
    from loaders.pipeline import edge_row, node_row
    from loaders.resolve import build_plan

    path = bundled_dossiers_dir() / filename
    plan = build_plan(validate_file(path, schema), schema, str(path))
    changes = Changes(plan.dossier)
    changes.create_nodes = [node_row(schema, n.label, n.id, n.statements) for n in plan.nodes.values()]
    changes.create_edges = [edge_row(e, e.statements) for e in plan.edges.values()]
    for i, (text, _) in enumerate(change_segments(changes, schema)):
        yield f"change_segments {plan.dossier} #{i:02d}", text


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
    yield from every_kind_change_segments(schema)
    yield from dossier_change_segments(schema)
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
