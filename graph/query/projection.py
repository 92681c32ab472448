"""An in-memory, undirected projection of the graph for path finding and analytics.

FalkorDB only finds shortest paths in one direction, and undirected variable-length
matching takes seconds near hubs (see the research notes). So paths are found here, in
igraph (C), over a projection rebuilt whenever the store's write generation moves.
Provenance relationships (a source REPORTS an operation, a claim CITES a source...) are
left out by default: through them everything is two steps from everything.
"""

from __future__ import annotations

import threading
import warnings
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import igraph

from graph.cypher_text import cypher
from graph.model.schema import Rel
from graph.query.longlived import built_to_last
from graph.store.base import Store

PROVENANCE_TYPES = frozenset({Rel.REPORTS, Rel.CITES, Rel.ABOUT, Rel.CLAIMED_BY})


@dataclass
class Projection:
    generation: int
    types: frozenset[str]
    graph: igraph.Graph  # simple and undirected: one edge per linked pair
    index: dict[str, int]  # entity id -> vertex
    ids: list[str]  # vertex -> entity id
    links: dict[tuple[int, int], list[dict[str, Any]]]  # vertex pair -> relationships

    def vertex(self, entity_id: str) -> int | None:
        return self.index.get(entity_id)

    def relationships(self, a: int, b: int) -> list[dict[str, Any]]:
        return self.links[(a, b) if a < b else (b, a)]


def build_projection(store: Store, types: frozenset[str] | None, generation: int) -> Projection:
    index: dict[str, int] = {}
    ids: list[str] = []
    links: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)

    def vertex(entity_id: str) -> int:
        found = index.get(entity_id)
        if found is None:
            found = index[entity_id] = len(ids)
            ids.append(entity_id)
        return found

    present: set[str] = set()
    with built_to_last():
        for row in store.read(cypher("read/projection_edges.cypher", store.dialect)):
            rel_type = row["type"]
            if (types is not None and rel_type not in types) or (
                types is None and rel_type in PROVENANCE_TYPES
            ):
                continue
            present.add(rel_type)
            a, b = vertex(row["src"]), vertex(row["dst"])
            if a == b:
                continue
            links[(a, b) if a < b else (b, a)].append(
                {"id": row["id"], "src": row["src"], "dst": row["dst"], "type": rel_type}
            )
        graph = igraph.Graph(n=len(ids), edges=list(links), directed=False)
    return Projection(generation, types or frozenset(present), graph, index, ids, dict(links))


class ProjectionCache:
    """Projections by relationship-type filter, rebuilt when the store has been written."""

    def __init__(self, store: Store, size: int = 4):
        self.store = store
        self.size = size
        self._cache: dict[frozenset[str] | None, Projection] = {}
        self._lock = threading.Lock()

    def get(self, types: frozenset[str] | None = None) -> Projection:
        generation = self.store.generation()
        with self._lock:
            found = self._cache.get(types)
            if found is not None and found.generation == generation:
                return found
        built = build_projection(self.store, types, generation)
        with self._lock:
            if len(self._cache) >= self.size:
                self._cache.pop(next(iter(self._cache)))
            self._cache[types] = built
        return built


def k_shortest_paths(
    projection: Projection,
    a: int,
    b: int,
    k: int,
    max_hops: int,
    allowed: Callable[[str], bool] | None = None,
) -> list[list[int]]:
    """The k shortest simple paths of at most `max_hops` steps, shortest first.

    Every node of a path of length <= L lies within ceil(L/2) steps of `a` or floor(L/2)
    steps of `b`; so Yen's algorithm runs on the subgraph those two balls induce, for
    L = 1, 2, ... until k paths are found, instead of on the whole graph.
    `allowed` (an entity id -> bool) restricts the nodes a path may pass through.
    """
    graph = projection.graph
    if allowed is not None:
        keep = [v for v, node_id in enumerate(projection.ids) if v in (a, b) or allowed(node_id)]
        graph = graph.induced_subgraph(keep)
        a, b = keep.index(a), keep.index(b)
        paths = _k_shortest(graph, a, b, k, max_hops)
        return [[keep[v] for v in path] for path in paths]
    return _k_shortest(graph, a, b, k, max_hops)


def _k_shortest(graph: igraph.Graph, a: int, b: int, k: int, max_hops: int) -> list[list[int]]:
    for bound in range(1, max_hops + 1):
        around_a = graph.neighborhood(a, order=(bound + 1) // 2)
        if bound == 1 and b not in around_a:
            continue
        region = sorted(set(around_a) | set(graph.neighborhood(b, order=bound // 2)))
        ball = graph.induced_subgraph(region)
        position = {v: i for i, v in enumerate(region)}
        # A node of a path of at most `bound` steps is at most `bound` steps from a and b
        # together: Yen's algorithm runs on those alone (a fraction of the two balls when
        # one end is a hub), which finds paths of the same lengths.
        from_a, from_b = ball.distances(source=[position[a], position[b]])
        keep = [i for i in range(len(region)) if from_a[i] + from_b[i] <= bound]
        if not keep:  # a and b are more than `bound` steps apart
            if bound == max_hops:
                return []
            continue
        sub = ball.induced_subgraph(keep)
        inner = {i: j for j, i in enumerate(keep)}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "couldn't reach some vertices"
            found = sub.get_k_shortest_paths(inner[position[a]], to=inner[position[b]], k=k, mode="all")
        paths = [[region[keep[i]] for i in p] for p in found if p and len(p) - 1 <= bound]
        if len(paths) >= k or bound == max_hops:
            return paths
    return []
