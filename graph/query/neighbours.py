"""Neighbourhoods: an entity and what lies within 1-3 steps, filtered and bounded.

The same walk reads either the engine (`EngineReader`) or the in-process snapshot of the
current write generation (graph/query/snapshot.py), which answers without a round trip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.model.schema import Schema
from graph.query.answer import Redactor, edges_among, nodes_by_id, redacted_sources, source_index
from graph.store.base import Store

# Nodes discovered per step at most; beyond it `not_shown` is a lower bound.
DISCOVERY_CAP = 20_000


@dataclass(frozen=True)
class Walk:
    """The nodes a neighbourhood shows, in order, with the step each was reached at; how
    many nodes the walk reached in all; whether a step found DISCOVERY_CAP nodes."""

    shown: list[str]
    levels: list[int]
    reached: int
    capped: bool


@dataclass(frozen=True)
class JsonContents:
    """A neighbourhood's nodes (each with its `depth`), relationships and sources, already
    written as JSON: orjson writes them into an answer as they are."""

    nodes: Any  # orjson.Fragment
    edges: Any
    sources: Any


@runtime_checkable
class JsonContentsReader(Protocol):
    def contents_json(self, entity_id: str, walk: Walk, filters: dict[str, Any]) -> JsonContents | None: ...


class NeighbourhoodReader(Protocol):
    def walk(
        self, entity_id: str, depth: int, filters: dict[str, Any], limit: int, hub_labels: list[str]
    ) -> Walk: ...

    def contents(
        self, shown: list[str], filters: dict[str, Any]
    ) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]: ...


class EngineReader:
    """A neighbourhood's reads as Cypher queries."""

    def __init__(self, store: Store):
        self.store = store

    def walk(
        self, entity_id: str, depth: int, filters: dict[str, Any], limit: int, hub_labels: list[str]
    ) -> Walk:
        """Breadth first from `entity_id`, one query a step; hubs are shown, not walked
        through. Within a step, new nodes go in id order: which nodes a limit cuts off does
        not depend on the order the engine happens to find them in (past the limit, order
        is moot)."""
        level_of: dict[str, int] = {entity_id: 0}  # every node reached, in the order shown
        frontier = [entity_id]
        capped = False
        for level in range(1, depth + 1):
            if not frontier:
                break
            row = self.store.read(
                cypher("read/neighbour_ids.cypher", self.store.dialect),
                {"ids": frontier, "cap": DISCOVERY_CAP, "hub_labels": hub_labels, **filters},
            )[0]
            found, hubs = row["ids"], set(row["hubs"])
            capped = capped or len(found) >= DISCOVERY_CAP
            frontier = []
            for node_id in sorted(found) if len(level_of) < limit else found:
                if node_id not in level_of:
                    level_of[node_id] = level
                    if node_id not in hubs:
                        frontier.append(node_id)
        shown = list(level_of)[:limit]
        return Walk(shown, [level_of[i] for i in shown], len(level_of), capped)

    def contents(
        self, shown: list[str], filters: dict[str, Any]
    ) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """The nodes of `shown` the graph holds, the relationships among them that pass
        `filters`, and the sources both cite."""
        nodes = nodes_by_id(self.store, shown)
        edges = edges_among(self.store, [i for i in shown if i in nodes], filters)
        return nodes, edges, source_index(self.store, [*nodes.values(), *edges])


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
    reader: NeighbourhoodReader | None = None,
    written: bool = False,
) -> dict[str, Any]:
    """`reader`: where to read from (the API passes the current snapshot); the engine by default.
    `written`: the nodes, relationships and sources may come as JSON already written (where
    the reader keeps them so and nothing is redacted), for an answer that orjson writes out."""
    read = reader if reader is not None else EngineReader(store)
    filters = {"types": types, "labels": labels, **date_bounds(since, until)}
    walk = read.walk(entity_id, depth, filters, limit, sorted(schema.labels_where("hub")))
    if written and redactor is None and isinstance(read, JsonContentsReader):
        found = read.contents_json(entity_id, walk, filters)
        if found is None:
            raise NotFound(f"no entity {entity_id!r}")
        return _answer(entity_id, depth, limit, walk, found.nodes, found.edges, found.sources)
    nodes, edge_list, sources = read.contents(walk.shown, filters)
    if entity_id not in nodes:  # an unknown id reaches nothing, not even itself
        raise NotFound(f"no entity {entity_id!r}")
    node_list = [
        dict(nodes[i], depth=level) for i, level in zip(walk.shown, walk.levels, strict=True) if i in nodes
    ]
    if redactor is not None:
        node_list = [redactor.node(n) for n in node_list]
        edge_list = [redactor.edge(e) for e in edge_list]
    return _answer(entity_id, depth, limit, walk, node_list, edge_list, redacted_sources(sources, redactor))


def _answer(
    entity_id: str, depth: int, limit: int, walk: Walk, nodes: Any, edges: Any, sources: Any
) -> dict[str, Any]:
    not_shown = walk.reached - len(walk.shown)
    return {
        "center": entity_id,
        "depth": depth,
        "nodes": nodes,
        "edges": edges,
        "sources": sources,
        "truncated": not_shown > 0 or walk.capped,
        "not_shown": not_shown,
        "limit": limit,
    }
