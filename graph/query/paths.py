"""How two entities are linked: the k shortest undirected paths, every step with evidence."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from graph.cypher_text import cypher
from graph.errors import InvalidInput, NotFound
from graph.model.schema import Schema
from graph.query.answer import Redactor, edge_out, nodes_by_id, redacted_sources, source_index
from graph.query.path_search import k_shortest_paths
from graph.query.projection import ProjectionCache
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
    projection = projections.get(frozenset(types) if types else None)
    copy = projection.snapshot
    ends = copy.nodes([source, target]) if copy is not None else nodes_by_id(store, [source, target])
    for entity_id in (source, target):
        if entity_id not in ends:
            raise NotFound(f"no entity {entity_id!r}")
    a, b = projection.vertex(source), projection.vertex(target)
    ids = projection.ids
    # Intermediate nodes must carry one of `labels`; the two ends are what was asked for.
    allowed = (lambda v: schema.label_of_id(ids[v]) in labels) if labels else None
    found: list[list[int]] = []
    if a is not None and b is not None:
        found = k_shortest_paths(
            projection.graph, projection.neighbours, a, b, k=k, max_hops=max_hops, allowed=allowed
        )
    steps: list[dict[str, Any]] = []
    # Relationship number -> {id, src, dst, type}, in the order the paths use them.
    rels: dict[int, dict[str, Any]] = {}
    for path in found:
        path_edges: list[str] = []
        for u, v in pairwise(path):
            for number in projection.relationship_numbers(u, v):
                if number not in rels:
                    rels[number] = projection.relationship(number)
                path_edges.append(rels[number]["id"])
        steps.append({"length": len(path) - 1, "nodes": [ids[v] for v in path], "edges": path_edges})
    node_ids = sorted({n for step in steps for n in step["nodes"]})
    if copy is not None:
        shown, edges, sources = copy.items(node_ids, list(rels))
        nodes = list(shown.values())
    else:
        nodes, edges = _details_from_the_engine(store, node_ids, list(rels.values()))
        sources = source_index(store, nodes + edges)
    if redactor is not None:
        nodes = [redactor.node(n) for n in nodes]
        edges = [redactor.edge(e) for e in edges]
    return {
        "source": source,
        "target": target,
        "paths": steps,
        "nodes": nodes,
        "edges": edges,
        "sources": redacted_sources(sources, redactor),
        "k": k,
        "max_hops": max_hops,
        "truncated": False,
    }


def _details_from_the_engine(
    store: Store, node_ids: list[str], rels: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The path's nodes and relationships as the engine holds them."""
    edge_rows = store.read(cypher("read/edges_by_id.cypher", store.dialect), {"rows": rels}) if rels else []
    return list(nodes_by_id(store, node_ids).values()), [edge_out(r) for r in edge_rows]
