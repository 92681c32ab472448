"""The k shortest simple paths between two vertices of a projection, up to a length.

Every node of a path of length <= L lies within i steps of one end or within L - i of the
other, for any split i. So the search grows two breadth-first balls, always the one
whose next step reads fewer relationships (a hub on one side is reached, not expanded),
until their depths add up to L. The nodes of paths of length <= L are then those whose
distances to both ends add up to at most L, measured inside the two balls less their
outermost layers (a node met only in a ball's last layer is too far from the other end).
Yen's algorithm (igraph) runs on those nodes alone, for L = 1, 2, ... until it finds k
paths. At 10^6 nodes the balls reach 10^5 nodes through a country while the paths use a
few dozen: the balls are arrays, never graphs.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import igraph
else:
    from graph.igraph_lib import igraph

Table = tuple[np.ndarray, np.ndarray]  # (start of each vertex's neighbours, neighbours)


def neighbour_table(edges: np.ndarray, vertices: int) -> Table:
    """Each vertex's neighbours, in vertex order, from the (a, b) rows of a simple
    undirected graph's edges."""
    ends = np.concatenate([edges[:, 0], edges[:, 1]])
    others = np.concatenate([edges[:, 1], edges[:, 0]])
    order = np.lexsort((others, ends))
    start = np.zeros(vertices + 1, dtype=np.int64)
    np.cumsum(np.bincount(ends, minlength=vertices), out=start[1:])
    return start, others[order]


def _neighbours(table: Table, vertices: np.ndarray) -> np.ndarray:
    """Every neighbour of `vertices`, repeated as often as it is one."""
    start, others = table
    first, counts = start[vertices], start[vertices + 1] - start[vertices]
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=others.dtype)
    offsets = np.repeat(first - np.cumsum(counts) + counts, counts)
    return others[offsets + np.arange(total)]


class _Ball:
    """Distances from one vertex, a breadth-first step at a time, through the vertices of
    `inside` only when given."""

    def __init__(self, table: Table, centre: int, inside: np.ndarray | None = None):
        self.table = table
        self.inside = inside
        self.distance = np.full(len(table[0]) - 1, -1, dtype=np.int16)
        self.distance[centre] = 0
        self.layers = [np.array([centre], dtype=np.int64)]

    @property
    def depth(self) -> int:
        return len(self.layers) - 1

    def next_step_reads(self) -> int:
        start = self.table[0]
        return int((start[self.layers[-1] + 1] - start[self.layers[-1]]).sum())

    def grow(self) -> None:
        found = _neighbours(self.table, self.layers[-1])
        found = found[self.distance[found] < 0]
        if self.inside is not None:
            found = found[self.inside[found]]
        found = np.unique(found)
        self.distance[found] = len(self.layers)
        self.layers.append(found)

    def within(self, depth: int) -> np.ndarray:
        return np.concatenate(self.layers[: depth + 1]) if depth >= 0 else self.layers[0][:0]


def _on_paths(table: Table, around_a: _Ball, around_b: _Ball, bound: int, a: int, b: int) -> np.ndarray:
    """The vertices on walks from a to b of at most `bound` steps, in vertex order (with
    a and b whenever there is one)."""
    ia, ib = around_a.depth, around_b.depth
    last_a = around_a.layers[ia]
    region = np.unique(
        np.concatenate(
            [
                np.array([a, b], dtype=np.int64),
                around_a.within(ia - 1),
                around_b.within(ib - 1),
                last_a[around_b.distance[last_a] >= 0],  # the layers' meeting points
            ]
        )
    )
    inside = np.zeros(len(table[0]) - 1, dtype=bool)
    inside[region] = True
    from_a, from_b = _Ball(table, a, inside), _Ball(table, b, inside)
    for ball in (from_a, from_b):
        while ball.depth < bound and ball.layers[-1].size:
            ball.grow()
    da, db = from_a.distance[region], from_b.distance[region]
    kept: np.ndarray = region[(da >= 0) & (db >= 0) & (da + db <= bound)]
    return kept


def k_shortest_paths(
    graph: igraph.Graph,
    table: Table,
    a: int,
    b: int,
    k: int,
    max_hops: int,
    allowed: Callable[[int], bool] | None = None,
) -> list[list[int]]:
    """The k shortest simple paths of at most `max_hops` steps, shortest first (ties as
    Yen's algorithm orders them on the vertices of the shortest walks, in vertex order).
    `allowed` (a vertex -> bool) restricts the vertices a path may pass through."""
    inside = None
    if allowed is not None:
        inside = np.fromiter((v in (a, b) or allowed(v) for v in range(graph.vcount())), bool, graph.vcount())
    around_a, around_b = _Ball(table, a, inside), _Ball(table, b, inside)
    for bound in range(1, max_hops + 1):
        while around_a.depth + around_b.depth < bound:
            smaller = around_a if around_a.next_step_reads() <= around_b.next_step_reads() else around_b
            smaller.grow()
        if not around_a.layers[-1].size and around_a.distance[b] < 0:
            return []  # every vertex a reaches is known, and b is not one
        keep = _on_paths(table, around_a, around_b, bound, a, b)
        if not keep.size:
            continue
        sub = graph.induced_subgraph(keep.tolist())
        position = np.searchsorted(keep, [a, b])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "couldn't reach some vertices"
            found = sub.get_k_shortest_paths(int(position[0]), to=int(position[1]), k=k, mode="all")
        paths = [keep[p].tolist() for p in found if p and len(p) - 1 <= bound]
        if len(paths) >= k or bound == max_hops:
            return paths
    return []
