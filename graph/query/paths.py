"""How two entities are linked: the k shortest undirected paths, every step with evidence."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from graph.cypher_text import cypher
from graph.errors import InvalidInput, NotFound
from graph.model.schema import Schema
from graph.query.answer import Redactor, edge_out, nodes_by_id, redacted_sources, source_index
from graph.query.projection import ProjectionCache, k_shortest_paths
from graph.store.base import Store


def paths(
    store: Store,
    schema: Schema,
    projections: ProjectionCache,
    source: str,
    target: str,
    *,
    k: int,
    max_hops: int,
    types: list[str],
    labels: list[str],
    redactor: Redactor | None,
) -> dict[str, Any]:
    unknown = [t for t in types if t not in schema.relationships] + [
        lb for lb in labels if lb not in schema.labels
    ]
    if unknown:
        raise InvalidInput(f"unknown label or relationship type {unknown[0]!r}")
    if source == target:
        raise InvalidInput("a path needs two different entities")
    ends = nodes_by_id(store, [source, target])
    for entity_id in (source, target):
        if entity_id not in ends:
            raise NotFound(f"no entity {entity_id!r}")
    projection = projections.get(frozenset(types) if types else None)
    a, b = projection.vertex(source), projection.vertex(target)
    # Intermediate nodes must carry one of `labels`; the two ends are what was asked for.
    allowed = (lambda node_id: schema.label_of_id(node_id) in labels) if labels else None
    found: list[list[int]] = []
    if a is not None and b is not None:
        found = k_shortest_paths(projection, a, b, k=k, max_hops=max_hops, allowed=allowed)
    ids = projection.ids
    steps: list[dict[str, Any]] = []
    rows: dict[str, dict[str, Any]] = {}
    for path in found:
        path_edges: list[str] = []
        for u, v in pairwise(path):
            for rel in projection.relationships(u, v):
                path_edges.append(rel["id"])
                rows[rel["id"]] = rel
        steps.append({"length": len(path) - 1, "nodes": [ids[v] for v in path], "edges": path_edges})
    edge_rows = (
        store.read(cypher("read/edges_by_id.cypher", store.dialect), {"rows": list(rows.values())})
        if rows
        else []
    )
    edges = [edge_out(r) for r in edge_rows]
    nodes = list(nodes_by_id(store, sorted({n for step in steps for n in step["nodes"]})).values())
    if redactor is not None:
        nodes = [redactor.node(n) for n in nodes]
        edges = [redactor.edge(e) for e in edges]
    return {
        "source": source,
        "target": target,
        "paths": steps,
        "nodes": nodes,
        "edges": edges,
        "sources": redacted_sources(source_index(store, nodes + edges), redactor),
        "k": k,
        "max_hops": max_hops,
        "truncated": False,
    }
