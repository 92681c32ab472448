"""Neighbourhoods: an entity and what lies within 1-3 steps, filtered and bounded."""

from __future__ import annotations

from typing import Any

from graph.answer import Redactor, edges_among, nodes_by_id, source_index
from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.schema import Schema
from graph.store.base import Store

# Reached but not expanded further: everything is two steps from a country or a source.
HUB_LABELS = ["Country", "Source"]
# Nodes discovered per step at most; beyond it `not_shown` is a lower bound.
DISCOVERY_CAP = 20_000


def date_bounds(since: str | None, until: str | None) -> dict[str, str | None]:
    """Partial dates are ranges: until 2021-05 includes 2021-05-19, since 2021 includes 2021-03.
    '~' sorts after digits and '-', so 'YYYY-MM~' is above every day of that month."""
    return {"since_lo": since, "until_hi": f"{until}~" if until else None}


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
    filters = {"types": types, "labels": labels, **date_bounds(since, until)}
    level_of: dict[str, int] = {entity_id: 0}  # every node reached, in breadth-first order
    frontier = [entity_id]
    capped = False
    for level in range(1, depth + 1):
        if not frontier:
            break
        row = store.read(
            cypher("read/neighbour_ids.cypher", store.dialect),
            {"ids": frontier, "cap": DISCOVERY_CAP, "hub_labels": HUB_LABELS, **filters},
        )[0]
        capped = capped or len(row["ids"]) >= DISCOVERY_CAP
        hubs = set(row["hubs"])
        frontier = []
        for node_id in row["ids"]:
            if node_id not in level_of:
                level_of[node_id] = level
                if node_id not in hubs:
                    frontier.append(node_id)
    shown = list(level_of)[:limit]
    nodes = nodes_by_id(store, shown)
    if entity_id not in nodes:  # an unknown id reaches nothing, not even itself
        raise NotFound(f"no entity {entity_id!r}")
    edge_list = edges_among(store, [i for i in shown if i in nodes], filters)
    node_list = [dict(nodes[i], depth=level_of[i]) for i in shown if i in nodes]
    if redactor is not None:
        node_list = [redactor.node(n) for n in node_list]
        edge_list = [redactor.edge(e) for e in edge_list]
    not_shown = len(level_of) - len(shown)
    return {
        "center": entity_id,
        "depth": depth,
        "nodes": node_list,
        "edges": edge_list,
        "sources": source_index(store, node_list + edge_list),
        "truncated": not_shown > 0 or capped,
        "not_shown": not_shown,
        "limit": limit,
    }
