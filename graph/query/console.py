"""The read-only Cypher console for trusted users: bounded in time, rows and size."""

from __future__ import annotations

import re
from typing import Any

from graph.errors import InvalidInput
from graph.store.base import Store

MAX_QUERY_CHARS = 10_000
MAX_ROWS = 1000
MAX_TIMEOUT_MS = 10_000
LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)


def _without_comments(query: str) -> str:
    """Comments become spaces, so LOAD/* */CSV is still seen as LOAD CSV."""
    return _COMMENTS.sub(" ", query)


def _check_params(params: dict[str, Any]) -> None:
    def plain(value: Any, depth: int = 0) -> bool:
        if value is None or isinstance(value, str | int | float | bool):
            return True
        if isinstance(value, list) and depth < 2:
            return all(plain(v, depth + 1) for v in value)
        return False

    for name, value in params.items():
        if not name.isidentifier():
            raise InvalidInput(f"parameter name {name!r} is not an identifier", field="body.params")
        if not plain(value):
            raise InvalidInput(
                f"parameter {name!r} must be a scalar or a list of scalars", field="body.params"
            )


def run_console(
    store: Store, query: str, params: dict[str, Any], *, limit: int, timeout_ms: int
) -> dict[str, Any]:
    """Run a caller's query. The engine itself refuses writes (FalkorDB's GRAPH.RO_QUERY;
    a read transaction on Neo4j), so no text filter has to be trusted for that."""
    if not query.strip():
        raise InvalidInput("the query is empty", field="body.query")
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidInput(f"the query is over {MAX_QUERY_CHARS} characters", field="body.query")
    _check_params(params)
    if LOAD_CSV.search(_without_comments(query)):
        # Read-only to the engine, but it fetches any URL: the server would make requests
        # for the caller (to hosts on its network) or read files.
        raise InvalidInput("LOAD CSV is not allowed in the console", field="body.query")
    limit = min(limit, MAX_ROWS)
    # One row more than shown tells whether the answer was cut.
    columns, rows = store.run_untrusted(
        query, params, timeout_ms=min(timeout_ms, MAX_TIMEOUT_MS), max_rows=limit + 1
    )
    return {
        "columns": columns,
        "rows": [[row[c] for c in columns] for row in rows[:limit]],
        "truncated": len(rows) > limit,
        "row_count": min(len(rows), limit),
    }
