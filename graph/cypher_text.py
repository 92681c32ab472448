"""Cypher text from cypher/: read once, header comments stripped, schema names spliced in."""

from __future__ import annotations

import re
from functools import cache

from graph.model.schema import Schema
from graph.resources import cypher_dir

_TOKEN = re.compile(r"__([A-Z]+)__")


DIALECTS = ("falkordb", "neo4j")


@cache
def cypher(relative_path: str, dialect: str = "falkordb") -> str:
    """The statement in cypher/<relative_path>, without its `//` header lines.

    Where the engines differ, the Neo4j statement sits at cypher/neo4j/<relative_path>,
    next to the portable file it replaces; every other file serves both engines."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown Cypher dialect {dialect!r}")
    path = cypher_dir() / relative_path
    if dialect == "neo4j" and (cypher_dir() / "neo4j" / relative_path).is_file():
        path = cypher_dir() / "neo4j" / relative_path
    text = path.read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(body).strip()


def splice(
    text: str,
    schema: Schema,
    *,
    labels: dict[str, str] | None = None,
    types: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
    assignments: dict[str, tuple[str, list[tuple[str, str]]]] | None = None,
) -> str:
    """Replace __TOKEN__s: labels and types only after the schema's allow-list accepts them,
    names (parameter names we generate) only when they are plain identifiers.

    `assignments` maps a token to (variable, [(property, expression)]): the token becomes
    `, variable.property = expression` for each, property names only when they are plain
    identifiers; the expressions are the caller's own (never data)."""
    values: dict[str, str] = {}
    for token, (variable, pairs) in (assignments or {}).items():
        sets = []
        for prop, expression in pairs:
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", prop):
                raise ValueError(f"not a property name: {prop!r}")
            sets.append(f",\n    {variable}.`{prop}` = {expression}")
        values[token] = "".join(sets)
    for token, label in (labels or {}).items():
        values[token] = schema.check_label(label)
    for token, rel_type in (types or {}).items():
        values[token] = schema.check_type(rel_type)
    for token, name in (names or {}).items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise ValueError(f"not a parameter name: {name!r}")
        values[token] = name

    def replace(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _TOKEN.sub(replace, text)
