"""Groups, and each group's links to other groups with the reason for every link."""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.model.schema import Label
from graph.query.answer import node_of_label
from graph.store.base import Store


def list_groups(store: Store, *, kind: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows = store.read(
        cypher("read/groups.cypher", store.dialect),
        {"kind": kind.lower() if kind else None, "limit": limit + 1, "offset": offset},
    )
    return page(rows, limit, offset)


def group_links(store: Store, group_id: str) -> dict[str, Any]:
    if node_of_label(store, Label.GROUP, group_id) is None:
        raise NotFound(f"no group {group_id!r}")
    linked: dict[str, dict[str, Any]] = {}
    for row in store.read(cypher("read/group_links.cypher", store.dialect), {"id": group_id}):
        entry = linked.setdefault(row["id"], {"id": row["id"], "name": row["name"], "reasons": []})
        reason = {
            "reason": row["reason"],
            "via": row["via"],
            "detail": row["detail"],
            "sources": row["sources"] or [],
        }
        if reason not in entry["reasons"]:
            entry["reasons"].append(reason)
    links = sorted(linked.values(), key=lambda e: (-len(e["reasons"]), e["name"] or ""))
    return {"group": group_id, "linked_groups": links}


def page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A list answer: the rows of one page, and whether more follow."""
    more = len(rows) > limit
    return {
        "items": rows[:limit],
        "limit": limit,
        "offset": offset,
        "truncated": more,
        "next_offset": offset + limit if more else None,
    }
