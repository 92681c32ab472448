"""Node positions computed before the page loads, so large views are usable at once."""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import igraph
else:
    from graph.igraph_lib import igraph


# Up to this many nodes the browser lays the graph out itself (bounded stabilisation);
# above it positions are computed here and physics is off.
BROWSER_LAYOUT_MAX_NODES = 150
# igraph's Fruchterman-Reingold moves nodes by random steps: a fixed seed draws the same
# answer the same way every time.
LAYOUT_SEED = 150
# The grid variant only repels nearby nodes: 40 ms instead of 0.8 s for 1,000 nodes (and
# 0.14 s instead of 20 s for 5,000), and the drawing is as readable once physics is off.
GRID_ABOVE_NODES = 400
_IGRAPH_RNG = threading.Lock()


@contextmanager
def seeded_igraph(seed: int) -> Iterator[None]:
    """igraph draws from one process-wide generator: seed it for one call, then put back
    Python's own, with a lock so that two requests never share a seeded run."""
    with _IGRAPH_RNG:
        igraph.set_random_number_generator(random.Random(seed))  # noqa: S311 - a layout, not security
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


def positions(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """id -> (x, y) in pixels, spread so that labels have room; the same nodes and edges in
    any order give the same positions."""
    if not nodes:
        return {}
    ids = sorted({node["id"] for node in nodes})
    index = {node_id: i for i, node_id in enumerate(ids)}
    pairs = {
        tuple(sorted((index[e["source"]], index[e["target"]])))
        for e in edges
        if e["source"] in index and e["target"] in index and e["source"] != e["target"]
    }
    graph = igraph.Graph(n=len(ids), edges=sorted(pairs), directed=False)
    grid = len(ids) > GRID_ABOVE_NODES
    with seeded_igraph(LAYOUT_SEED):
        layout = graph.layout_fruchterman_reingold(niter=150 if len(ids) > 1000 else 300, grid=grid)
    coords = layout.coords
    x0 = min(c[0] for c in coords)
    y0 = min(c[1] for c in coords)
    span = max(max(c[0] for c in coords) - x0, max(c[1] for c in coords) - y0, 1e-9)
    size = 140.0 * math.sqrt(len(ids))  # about 140 px between neighbours on average
    return {
        node_id: (
            round((coords[i][0] - x0) / span * size, 1),
            round((coords[i][1] - y0) / span * size, 1),
        )
        for i, node_id in enumerate(ids)
    }
