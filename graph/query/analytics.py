"""Centrality and communities over a chosen projection (labels, relationship types).

Computed with igraph on the same in-memory projection that answers paths, so the scores
are the same whichever engine holds the graph: FalkorDB's algo.* procedures take one
label and one type at most, and Neo4j has no algorithms without the GDS plugin.
"""

from __future__ import annotations

import random
import threading
from typing import TYPE_CHECKING, Any

from graph.errors import InvalidInput
from graph.model.schema import Schema
from graph.query.answer import names_by_id
from graph.query.projection import Projection, ProjectionCache
from graph.store.base import Store

if TYPE_CHECKING:
    import igraph
else:
    from graph.igraph_lib import igraph

MEASURES = ("degree", "betweenness", "pagerank")
_SEEDED = threading.Lock()


def _restricted(projection: Projection, schema: Schema, labels: list[str]) -> tuple[Any, list[str]]:
    """The projection's graph, restricted to nodes of `labels` (all when empty)."""
    ids = projection.ids
    if not labels:
        return projection.graph, ids
    keep = [v for v, node_id in enumerate(ids) if schema.label_of_id(node_id) in labels]
    return projection.graph.induced_subgraph(keep), [ids[v] for v in keep]


def centrality(
    store: Store,
    schema: Schema,
    projections: ProjectionCache,
    *,
    measure: str,
    labels: list[str],
    types: list[str],
    limit: int,
) -> dict[str, Any]:
    if measure not in MEASURES:
        raise InvalidInput(f"unknown measure {measure!r} (one of {', '.join(MEASURES)})", field="measure")
    graph, ids = _restricted(projections.get(frozenset(types) if types else None), schema, labels)
    if graph.vcount() == 0:
        scores: list[float] = []
    elif measure == "degree":
        scores = [float(d) for d in graph.degree()]
    elif measure == "betweenness":
        n = graph.vcount()
        raw = graph.betweenness(directed=False)
        # Normalised to [0, 1] like most tools report it.
        scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
        scores = [b * scale for b in raw]
    else:
        scores = graph.pagerank(directed=False)
    ranked = sorted(range(len(ids)), key=lambda v: (-scores[v], ids[v]))[:limit]
    details = names_by_id(store, [ids[v] for v in ranked])
    return {
        "measure": measure,
        "labels": labels,
        "types": types,
        "nodes_in_projection": len(ids),
        "scores": [
            {
                "id": ids[v],
                "name": details.get(ids[v], {}).get("name"),
                "labels": details.get(ids[v], {}).get("labels", []),
                "score": scores[v],
            }
            for v in ranked
        ],
    }


def communities(
    store: Store,
    schema: Schema,
    projections: ProjectionCache,
    *,
    labels: list[str],
    types: list[str],
    min_size: int,
    limit: int,
) -> dict[str, Any]:
    graph, ids = _restricted(projections.get(frozenset(types) if types else None), schema, labels)
    if graph.vcount() == 0:
        return {"labels": labels, "types": types, "communities": [], "modularity": None}
    with _SEEDED:
        # Louvain visits nodes in random order: a fixed seed gives the same answer each time.
        igraph.set_random_number_generator(random.Random(0))  # noqa: S311 - not security
        clustering = graph.community_multilevel()
        igraph.set_random_number_generator(random)
    groups = sorted((sorted(ids[v] for v in members) for members in clustering), key=lambda m: (-len(m), m))
    groups = [g for g in groups if len(g) >= min_size][:limit]
    names = names_by_id(store, [i for g in groups for i in g])
    return {
        "labels": labels,
        "types": types,
        "modularity": clustering.modularity,
        "communities": [
            {
                "size": len(members),
                "members": [
                    {
                        "id": i,
                        "name": names.get(i, {}).get("name"),
                        "labels": names.get(i, {}).get("labels", []),
                    }
                    for i in members
                ],
            }
            for members in groups
        ],
    }
