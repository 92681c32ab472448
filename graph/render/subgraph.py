"""Subgraphs that only views need: the whole graph (bounded), and a named query's rows."""

from __future__ import annotations

import re
from typing import Any

from graph.cypher_text import cypher
from graph.query.answer import induced
from graph.store.base import Store

ID_LIKE = re.compile(r"^[a-z]+:[^\s]{1,250}$")


def whole_graph(store: Store, *, limit: int, provenance: bool) -> dict[str, Any]:
    """The most connected nodes up to `limit` and the relationships among them."""
    rows = store.read(
        cypher("read/top_nodes.cypher", store.dialect), {"limit": limit + 1, "provenance": provenance}
    )
    answer = induced(store, [r["id"] for r in rows[:limit]])
    total = store.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"]
    return {
        **answer,
        "truncated": len(rows) > limit,
        "not_shown": max(0, int(total) - len(answer["nodes"])),
        # Said back, so that a view can explain why it shows fewer nodes than asked for.
        "limit": limit,
        "provenance": provenance,
    }


def ids_in_rows(rows: list[list[Any]]) -> list[str]:
    """Entity ids anywhere in a result table (cells or lists in cells), in order of appearance."""
    seen: dict[str, None] = {}

    def visit(value: Any) -> None:
        if isinstance(value, str) and ID_LIKE.match(value):
            seen.setdefault(value, None)
        elif isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    for row in rows:
        visit(row)
    return list(seen)
