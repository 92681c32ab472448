"""What two or more entities have in common, with the relationships that show it."""

from __future__ import annotations

import re
from typing import Any

from graph.cypher_text import cypher
from graph.errors import InvalidInput, NotFound
from graph.query.answer import (
    MAX_SOURCES,
    Redactor,
    edge_out,
    edges_among,
    node_out,
    nodes_by_id,
    redacted_sources,
    source_index,
)
from graph.store.base import Store

ID = re.compile(r"^[a-z]+:[^\s]{1,250}$")


def shared(store: Store, ids: list[str], *, redactor: Redactor | None) -> dict[str, Any]:
    for entity_id in ids:
        if not ID.match(entity_id):
            raise InvalidInput(f"not an entity id (like group:sparks): {entity_id[:80]!r}", field="query.id")
    unique = list(dict.fromkeys(ids))
    if len(unique) < 2:
        raise InvalidInput("give at least two different entities")
    found = nodes_by_id(store, unique)
    missing = [i for i in unique if i not in found]
    if missing:
        raise NotFound(f"no entity {missing[0]!r}")
    rows = store.read(
        cypher("read/shared.cypher", store.dialect), {"ids": unique, "max_sources": MAX_SOURCES}
    )
    common = [node_out(r) for r in rows]
    # Relationships between the entities themselves: a phase and its operation, two
    # related groups.
    direct = edges_among(store, unique)
    edges = direct + [edge_out(link) for r in rows for link in r["links"]]
    nodes = [found[i] for i in unique] + common
    if redactor is not None:
        nodes = [redactor.node(n) for n in nodes]
        common = [redactor.node(n) for n in common]
        edges = [redactor.edge(e) for e in edges]
    by_label: dict[str, list[str]] = {}
    for node in common:
        for label in node["labels"]:
            by_label.setdefault(label, []).append(node["id"])
    return {
        "entities": unique,
        "shared": by_label,
        "direct": [e["id"] for e in direct],
        "nodes": nodes,
        "edges": edges,
        "sources": redacted_sources(source_index(store, nodes + edges), redactor),
        "truncated": False,
    }
