"""What two or more entities have in common, with the relationships that show it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from graph.cypher_text import cypher
from graph.errors import InvalidInput, NotFound
from graph.model.schema import Label
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

if TYPE_CHECKING:
    from graph.query.snapshot import Snapshot

ID = re.compile(r"^[a-z]+:[^\s]{1,250}$")
# Provenance is not what two entities share (as read/shared.cypher leaves it out).
LEFT_OUT = (Label.SOURCE, Label.CLAIM, Label.EVENT)


def shared(
    store: Store, ids: list[str], *, redactor: Redactor | None, reader: Snapshot | None = None
) -> dict[str, Any]:
    """`reader`: the in-process copy of the store's current generation, if there is one;
    the engine answers otherwise."""
    for entity_id in ids:
        if not ID.match(entity_id):
            raise InvalidInput(f"not an entity id (like group:sparks): {entity_id[:80]!r}", field="query.id")
    unique = list(dict.fromkeys(ids))
    if len(unique) < 2:
        raise InvalidInput("give at least two different entities")
    from_copy = _copy_shared(reader, unique) if reader is not None else None
    nodes, common, direct, edges, sources = from_copy or _engine_shared(store, unique)
    return _answer(unique, nodes, common, direct, edges, sources, redactor)


Found = tuple[
    list[dict[str, Any]],
    list[dict[str, Any]],
    list[dict[str, Any]],
    list[dict[str, Any]],
    dict[str, dict[str, Any]],
]


def _copy_shared(reader: Snapshot, unique: list[str]) -> Found | None:
    """As `_engine_shared`, from the copy; None unless it holds every one of `unique`."""
    found = reader.shared_among(unique, LEFT_OUT)
    if found is None:
        return None
    held, edges, sources = reader.items(unique + found.common, found.direct + found.links)
    common = [held[i] for i in found.common]
    return [held[i] for i in unique] + common, common, edges[: len(found.direct)], edges, sources


def _engine_shared(store: Store, unique: list[str]) -> Found:
    """The entities and their common neighbours; their common neighbours alone; the
    relationships among the entities; those and the ones with the neighbours after them;
    the sources all of these cite."""
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
    return nodes, common, direct, edges, source_index(store, nodes + edges)


def _answer(
    unique: list[str],
    nodes: list[dict[str, Any]],
    common: list[dict[str, Any]],
    direct: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    sources: dict[str, dict[str, Any]],
    redactor: Redactor | None,
) -> dict[str, Any]:
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
        "sources": redacted_sources(sources, redactor),
        "truncated": False,
    }
