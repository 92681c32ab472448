"""Neighbourhoods: an entity and what lies within 1-3 steps, filtered and bounded."""

from __future__ import annotations

from typing import Any

from graph.answer import Redactor, edge_out, nodes_by_id, source_index
from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.schema import Schema
from graph.store.base import Store

# Not expanded beyond the first step: everything is two steps from a country or a source.
HUB_LABELS = {"Country", "Source"}


def neighbourhood(
    store: Store,
    schema: Schema,
    entity_id: str,
    *,
    depth: int,
    labels: list[str],
    types: list[str],
    since: str | None,
    until: str | None,
    limit: int,
    redactor: Redactor | None,
) -> dict[str, Any]:
    start = nodes_by_id(store, [entity_id])
    if not start:
        raise NotFound(f"no entity {entity_id!r}")
    seen: dict[str, int] = {entity_id: 0}
    edges: dict[str, dict[str, Any]] = {}
    frontier = [entity_id]
    not_shown = 0
    filters = {"types": types, "labels": labels, "since": since, "until": until}
    for level in range(1, depth + 1):
        room = limit - len(seen)
        if not frontier or room <= 0:
            break
        rows = store.read(
            cypher("read/neighbour_step.cypher"), {"ids": frontier, "cap": room * 20 + 50, **filters}
        )
        next_frontier: list[str] = []
        cut = False
        for row in rows:
            other = row["neighbour"]
            if other not in seen:
                if len(seen) >= limit:
                    cut = True
                    continue
                seen[other] = level
                next_frontier.append(other)
            edge = edge_out(row)
            edges.setdefault(edge["id"] or f"{row['src']}|{row['type']}|{row['dst']}", edge)
        if cut or len(rows) >= room * 20 + 50:
            total = store.read(cypher("read/neighbour_count.cypher"), {"ids": frontier, **filters})
            reached = sum(1 for lvl in seen.values() if lvl == level)
            not_shown += max(0, int(total[0]["neighbours"]) - reached)
        frontier = next_frontier
        if level < depth:
            details = nodes_by_id(store, frontier)
            frontier = [i for i in frontier if not HUB_LABELS & set(details[i]["labels"])]
    nodes = nodes_by_id(store, list(seen))
    node_list = [dict(nodes[i], depth=seen[i]) for i in seen if i in nodes]
    edge_list = [e for e in edges.values() if e["source"] in nodes and e["target"] in nodes]
    if redactor is not None:
        node_list = [redactor.node(n) for n in node_list]
        edge_list = [redactor.edge(e) for e in edge_list]
    return {
        "center": entity_id,
        "depth": depth,
        "nodes": node_list,
        "edges": edge_list,
        "sources": source_index(store, node_list + edge_list),
        "truncated": not_shown > 0,
        "not_shown": not_shown,
        "limit": limit,
    }
