"""A named query's view: its result table, and the graph of the entities its rows mention."""

from __future__ import annotations

from typing import Any

from graph.query.answer import induced
from graph.render.subgraph import ids_in_rows
from graph.store.base import Store

# Entities drawn at most; the table keeps every row.
MAX_DRAWN = 2000


def query_view_answer(store: Store, result: dict[str, Any]) -> dict[str, Any]:
    """`result` as run_named_query gives it -> a graph answer with the table beside it
    (`table`), and how many entities the rows mention (`mentioned`)."""
    mentioned = ids_in_rows(result["rows"])
    graph = induced(store, mentioned[:MAX_DRAWN])
    table = {
        "name": result["name"],
        "columns": result["columns"],
        "rows": result["rows"],
        "truncated": bool(result["truncated"]),
        "limit": result["parameters"].get("limit"),
    }
    return {
        **graph,
        "truncated": bool(result["truncated"]) or len(mentioned) > MAX_DRAWN,
        "mentioned": len(mentioned),
        "table": table,
    }
