"""Named queries: cypher/queries/*.cypher, each with a header declaring its parameters.

Header lines, before the statement:
    // title: Servers by country for a group
    // description: one or more lines
    // param group: str = "group:sparks" -- the group's id
    // json: value
`json:` names the columns that hold a statement's value as its JSON text; the runner
decodes them, so no query counts characters to cut quotes off (engines count them
differently) and escaped text comes out as it was stated.
Types: str, int, float, bool, date (YYYY[-MM[-DD]]), id (an entity id), list (of str).
Every parameter has a default, so every query runs as it is; ints are capped at 1000.
Every query declares `// param limit: int = ... -- at most this many rows` and ends with
`LIMIT $limit` (per branch of a UNION): the runner passes one more than the rows it shows,
so the engine stops there and a cut answer still says it was cut.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from graph.cypher_text import cypher
from graph.errors import InvalidInput, NotFound
from graph.query.console import MAX_ROWS, run_console
from graph.resources import cypher_dir
from graph.store.base import Store

_PARAM = re.compile(r"^(?P<name>[a-z][a-z0-9_]*):\s*(?P<type>\w+)\s*=\s*(?P<default>.+?)\s*--\s*(?P<doc>.+)$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z]+:[^\s]{1,250}$")
TYPES = {"str", "int", "float", "bool", "date", "id", "list"}
MAX_INT = 1000


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: Any
    description: str

    def convert(self, raw: str | list[str]) -> Any:
        """Text from a query string -> the declared type, or InvalidInput naming the field."""
        field = f"query.{self.name}"
        if self.type == "list":
            values = raw if isinstance(raw, list) else [v for v in raw.split(",") if v]
            if len(values) > 50 or any(len(v) > 300 for v in values):
                raise InvalidInput(f"{self.name}: at most 50 values of 300 characters", field=field)
            return values
        text = raw[-1] if isinstance(raw, list) else raw
        if len(text) > 300:
            raise InvalidInput(f"{self.name}: at most 300 characters", field=field)
        try:
            if self.type == "int":
                value = int(text)
                if not 0 <= value <= MAX_INT:
                    raise InvalidInput(f"{self.name}: must be between 0 and {MAX_INT}", field=field)
                return value
            if self.type == "float":
                return float(text)
        except ValueError:
            raise InvalidInput(f"{self.name}: not a {self.type}: {text!r}", field=field) from None
        if self.type == "bool":
            if text.lower() not in {"true", "false", "1", "0"}:
                raise InvalidInput(f"{self.name}: not a boolean: {text!r}", field=field)
            return text.lower() in {"true", "1"}
        if self.type == "date" and not _DATE.match(text):
            raise InvalidInput(f"{self.name}: not a date (YYYY[-MM[-DD]]): {text!r}", field=field)
        if self.type == "id" and not _ID.match(text):
            raise InvalidInput(f"{self.name}: not an entity id (like group:sparks): {text!r}", field=field)
        return text


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str  # the portable statement (FalkorDB's)
    json_columns: tuple[str, ...] = ()

    def text_for(self, dialect: str) -> str:
        return cypher(f"queries/{self.name}.cypher", dialect)

    def bind(self, given: dict[str, str | list[str]]) -> dict[str, Any]:
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise InvalidInput(
                f"{self.name} has no parameter {unknown[0]!r} (it takes: {', '.join(known) or 'none'})",
                field=f"query.{unknown[0]}",
            )
        return {name: (p.convert(given[name]) if name in given else p.default) for name, p in known.items()}


def parse_named_query(name: str, source: str) -> NamedQuery:
    title, description, params, json_columns = "", [], [], []
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            continue
        body = stripped[2:].strip()
        if body.startswith("title:"):
            title = body[len("title:") :].strip()
        elif body.startswith("description:"):
            description.append(body[len("description:") :].strip())
        elif body.startswith("json:"):
            json_columns.extend(body[len("json:") :].replace(",", " ").split())
        elif body.startswith("param "):
            match = _PARAM.match(body[len("param ") :])
            if not match or match["type"] not in TYPES:
                raise ValueError(f"{name}.cypher: bad parameter line {body!r}")
            default = yaml.safe_load(match["default"])
            params.append(Parameter(match["name"], match["type"], default, match["doc"]))
        elif description and body:
            description.append(body)
    if not title:
        raise ValueError(f"{name}.cypher has no '// title:' line")
    if not any(p.name == "limit" and p.type == "int" for p in params):
        # The runner stops the engine one row past it (run_named_query).
        raise ValueError(f"{name}.cypher has no '// param limit: int' line")
    text = cypher(f"queries/{name}.cypher")
    return NamedQuery(name, title, " ".join(description), tuple(params), text, tuple(json_columns))


@cache
def catalogue() -> dict[str, NamedQuery]:
    folder = cypher_dir() / "queries"
    return {
        path.stem: parse_named_query(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.cypher"))
    }


def named_query(name: str) -> NamedQuery:
    found = catalogue().get(name)
    if found is None:
        raise NotFound(f"no named query {name!r}; GET /queries lists them")
    return found


NAMED_QUERY_TIMEOUT_MS = 5_000


def run_named_query(store: Store, name: str, given: dict[str, str | list[str]]) -> dict[str, Any]:
    """Bind the caller's values to a named query's declared parameters and run it read-only,
    within the time and row limits of the console: {name, parameters, columns, rows, ...}."""
    query = named_query(name)
    params = query.bind(given)
    # The engine stops one row past the limit: enough to tell a cut answer, without
    # sending (and the client reading) every row of a whole-graph report.
    limit = max(1, min(int(params["limit"]), MAX_ROWS))
    sent = {**params, "limit": limit + 1}
    result = run_console(
        store, query.text_for(store.dialect), sent, limit=limit, timeout_ms=NAMED_QUERY_TIMEOUT_MS
    )
    decode_json_columns(result, query.json_columns)
    return {"name": name, "title": query.title, "parameters": params, **result}


def decode_json_columns(result: dict[str, Any], names: tuple[str, ...]) -> None:
    """Each value of the named columns, from its JSON text (a statement's value) to the
    value itself, in place."""
    positions = [i for i, column in enumerate(result["columns"]) if column in names]
    for row in result["rows"]:
        for i in positions:
            if isinstance(row[i], str):
                row[i] = json.loads(row[i])
