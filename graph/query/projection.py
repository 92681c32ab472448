"""An in-memory, undirected projection of the graph for path finding and analytics.

FalkorDB only finds shortest paths in one direction, and undirected variable-length
matching takes seconds near hubs (see the research notes). So paths are found here, in
igraph (C), over a projection rebuilt whenever the store's write generation moves.
Provenance relationships (a source REPORTS an operation, a claim CITES a source...) are
left out by default: through them everything is two steps from everything.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from graph.cypher_text import cypher
from graph.model.schema import Rel
from graph.query.longlived import built_to_last
from graph.query.path_search import Table, neighbour_table
from graph.store.base import Store

if TYPE_CHECKING:
    import igraph
else:
    from graph.igraph_lib import igraph

if TYPE_CHECKING:
    from graph.query.snapshot import Snapshot
    from graph.query.snapshot_cache import SnapshotCache

PROVENANCE_TYPES = frozenset({Rel.REPORTS, Rel.CITES, Rel.ABOUT, Rel.CLAIMED_BY})


@dataclass
class Projection:
    """Vertices are the entities that a kept relationship touches, in id order, so that
    ranks and communities do not depend on the order the engine returns rows in."""

    generation: int
    types: frozenset[str]
    graph: igraph.Graph  # simple and undirected: one edge per linked pair
    index: dict[str, int]  # entity id -> vertex
    ids: list[str]  # vertex -> entity id
    pair_start: np.ndarray  # graph edge e's relationships: grouped[pair_start[e]:pair_start[e + 1]]
    grouped: np.ndarray  # relationship numbers, by linked pair
    relationship: Callable[[int], dict[str, Any]]  # number -> {id, src, dst, type}
    neighbours: Table  # each vertex's neighbours, for path search (graph/query/path_search.py)
    # The copy the projection was made from, whose relationship numbers it uses; None when
    # it was read from the engine.
    snapshot: Snapshot | None = None

    def vertex(self, entity_id: str) -> int | None:
        return self.index.get(entity_id)

    def relationships(self, a: int, b: int) -> list[dict[str, Any]]:
        return [self.relationship(r) for r in self.relationship_numbers(a, b)]

    def relationship_numbers(self, a: int, b: int) -> list[int]:
        """The numbers of the relationships between vertices a and b."""
        edge = self.graph.get_eid(a, b)
        numbers: list[int] = self.grouped[self.pair_start[edge] : self.pair_start[edge + 1]].tolist()
        return numbers


def kept_types(types: frozenset[str] | None, present: Sequence[str]) -> list[bool]:
    """Per relationship type: is it in the projection (`types`, or all but provenance)."""
    if types is not None:
        return [t in types for t in present]
    return [t not in PROVENANCE_TYPES for t in present]


def project(
    generation: int,
    types: frozenset[str] | None,
    ids: Sequence[str],
    src: np.ndarray,
    dst: np.ndarray,
    type_codes: np.ndarray,
    type_names: Sequence[str],
    relationship: Callable[[int], dict[str, Any]],
    rank: np.ndarray | None = None,
) -> Projection:
    """The projection of relationships numbered 0..len(src)-1, from node src[r] to node
    dst[r] (positions in `ids`), of type type_names[type_codes[r]]. `rank`: each node's
    place in id order, where known (the snapshot keeps it), else the ids are sorted.
    At 10^6 nodes the temporaries outweigh the projection, so they are int32 and dropped
    as soon as they are used."""
    keep = np.flatnonzero(np.array(kept_types(types, type_names), dtype=bool)[type_codes])
    present = {type_names[c] for c in np.unique(type_codes[keep]).tolist()}
    src, dst = src[keep].astype(np.int32), dst[keep].astype(np.int32)
    touched = np.unique(np.concatenate([src, dst]))
    if rank is not None:
        by_id = touched[np.argsort(rank[touched], kind="stable")]
    else:
        by_id = np.array(sorted(touched.tolist(), key=ids.__getitem__), dtype=np.int64)
    del touched
    vertex_of = np.full(len(ids), -1, dtype=np.int32)
    vertex_of[by_id] = np.arange(len(by_id), dtype=np.int32)
    a, b = vertex_of[src], vertex_of[dst]
    del src, dst, vertex_of
    linked = a != b
    keep, a, b = keep[linked], a[linked], b[linked]
    del linked
    low, high = np.minimum(a, b), np.maximum(a, b)
    del a, b
    pair = low.astype(np.int64) * max(len(by_id), 1) + high
    order = np.argsort(pair, kind="stable")
    _, starts = np.unique(pair[order], return_index=True)
    del pair
    edges = np.column_stack([low[order[starts]], high[order[starts]]])
    del low, high
    vertex_ids = [ids[v] for v in by_id.tolist()]
    # add_edges reads the array as it is; Graph(edges=...) converted it row by row, and at
    # 10^6 nodes took three times as long and 3x the memory (docs/performance.md).
    graph = igraph.Graph(n=len(by_id), directed=False)
    graph.add_edges(edges)
    neighbours = neighbour_table(edges, len(by_id))
    return Projection(
        generation=generation,
        types=types or frozenset(present),
        graph=graph,
        index={node_id: v for v, node_id in enumerate(vertex_ids)},
        ids=vertex_ids,
        pair_start=np.append(starts, len(order)),
        grouped=keep[order],
        relationship=relationship,
        neighbours=neighbours,
    )


def build_projection(store: Store, types: frozenset[str] | None, generation: int) -> Projection:
    """The projection read from the engine: every relationship between two entities."""
    index: dict[str, int] = {}
    ids: list[str] = []
    type_index: dict[str, int] = {}
    rows = store.read(cypher("read/projection_edges.cypher", store.dialect))

    def number(value: str, numbers: dict[str, int]) -> int:
        found = numbers.get(value)
        if found is None:
            found = numbers[value] = len(numbers)
        return found

    with built_to_last():
        src = np.fromiter((number(r["src"], index) for r in rows), dtype=np.int64, count=len(rows))
        dst = np.fromiter((number(r["dst"], index) for r in rows), dtype=np.int64, count=len(rows))
        codes = np.fromiter((number(r["type"], type_index) for r in rows), dtype=np.int64, count=len(rows))
        ids = list(index)

        def relationship(r: int) -> dict[str, Any]:
            row = rows[r]
            return {"id": row["id"], "src": row["src"], "dst": row["dst"], "type": row["type"]}

        return project(generation, types, ids, src, dst, codes, list(type_index), relationship)


def snapshot_projection(snapshot: Snapshot, types: frozenset[str] | None) -> Projection:
    """The projection of an in-process snapshot: no engine read, a few seconds at 10^6."""
    with built_to_last():
        projection = project(
            snapshot.generation,
            types,
            snapshot.ids,
            snapshot.edge_src,
            snapshot.edge_dst,
            snapshot.edge_type,
            snapshot.types,
            snapshot.relationship,
            snapshot.rank,
        )
    projection.snapshot = snapshot
    return projection


class ProjectionCache:
    """Projections by relationship-type filter, rebuilt when the store has been written:
    from the in-process snapshot of that generation when there is one, else from the engine."""

    def __init__(self, store: Store, size: int = 4, snapshots: SnapshotCache | None = None):
        self.store = store
        self.size = size
        self.snapshots = snapshots
        self._cache: dict[frozenset[str] | None, Projection] = {}
        self._lock = threading.Lock()
        self._building = 0

    @property
    def building(self) -> bool:
        """Whether a projection is being made (the first question after a write waits)."""
        return self._building > 0

    def get(self, types: frozenset[str] | None = None) -> Projection:
        generation = self.store.generation()
        with self._lock:
            found = self._cache.get(types)
            if found is not None and found.generation == generation:
                return found
            self._building += 1
        try:
            snapshot = self.snapshots.current(generation) if self.snapshots is not None else None
            if snapshot is not None:
                built = snapshot_projection(snapshot, types)
            else:
                built = build_projection(self.store, types, generation)
        finally:
            with self._lock:
                self._building -= 1
        with self._lock:
            if len(self._cache) >= self.size:
                self._cache.pop(next(iter(self._cache)))
            self._cache[types] = built
        return built
