"""Node positions computed before the page loads, so large views are usable at once."""

from __future__ import annotations

import math
from typing import Any

import igraph

# Up to this many nodes the browser lays the graph out itself (bounded stabilisation);
# above it positions are computed here and physics is off.
BROWSER_LAYOUT_MAX_NODES = 150


def positions(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """id -> (x, y) in pixels, spread so that labels have room."""
    if not nodes:
        return {}
    index = {node["id"]: i for i, node in enumerate(nodes)}
    pairs = {
        (index[e["source"]], index[e["target"]])
        for e in edges
        if e["source"] in index and e["target"] in index and e["source"] != e["target"]
    }
    graph = igraph.Graph(n=len(nodes), edges=sorted(pairs), directed=False)
    # Fruchterman-Reingold: 0.1 s for 5,000 nodes with fewer iterations and the grid
    # variant (DrL took 6 s and graphopt 30 s for the same graph here).
    big = len(nodes) > 1000
    layout = graph.layout_fruchterman_reingold(niter=150 if big else 500, grid=big)
    coords = layout.coords
    x0 = min(c[0] for c in coords)
    y0 = min(c[1] for c in coords)
    span = max(max(c[0] for c in coords) - x0, max(c[1] for c in coords) - y0, 1e-9)
    size = 140.0 * math.sqrt(len(nodes))  # about 140 px between neighbours on average
    return {
        node["id"]: ((coords[i][0] - x0) / span * size, (coords[i][1] - y0) / span * size)
        for i, node in enumerate(nodes)
    }
