"""The projection for paths and analytics, built from the in-process snapshot, against the
one read from the engine: the same vertices, links and relationships, so the same paths,
ranks and communities, on the bundled dossiers and on both engines."""

from __future__ import annotations

import random
from typing import Any

import igraph
import pytest

from graph.query.path_search import k_shortest_paths
from graph.query.paths import paths
from graph.query.projection import (
    PROVENANCE_TYPES,
    Projection,
    ProjectionCache,
    build_projection,
    snapshot_projection,
)
from graph.query.snapshot import build_snapshot
from graph.query.snapshot_cache import SnapshotCache

pytestmark = pytest.mark.both_engines

TYPE_FILTERS: list[frozenset[str] | None] = [
    None,
    frozenset({"MEMBER_OF", "TARGETED"}),
    frozenset({"LOCATED_IN", "TOOK_DOWN", "SEIZED"}),
    PROVENANCE_TYPES,
]


@pytest.fixture(scope="module")
def snapshot(bundled_store: Any) -> Any:
    return build_snapshot(bundled_store, bundled_store.generation())


def both(store: Any, snapshot: Any, types: frozenset[str] | None) -> tuple[Projection, Projection]:
    return build_projection(store, types, store.generation()), snapshot_projection(snapshot, types)


def links(projection: Projection) -> dict[tuple[str, str], list[dict[str, Any]]]:
    ids = projection.ids
    found = {}
    for a, b in projection.graph.get_edgelist():
        rels = sorted(projection.relationships(a, b), key=lambda r: (r["id"], r["src"], r["dst"]))
        found[tuple(sorted((ids[a], ids[b])))] = rels
    return found


@pytest.mark.parametrize("types", TYPE_FILTERS)
def test_the_same_vertices_in_the_same_order(bundled_store: Any, snapshot: Any, types: Any) -> None:
    engine, memory = both(bundled_store, snapshot, types)
    assert memory.ids == engine.ids


@pytest.mark.parametrize("types", TYPE_FILTERS)
def test_the_same_relationships_between_the_same_pairs(bundled_store: Any, snapshot: Any, types: Any) -> None:
    engine, memory = both(bundled_store, snapshot, types)
    assert links(memory) == links(engine)


@pytest.mark.parametrize("types", TYPE_FILTERS)
def test_the_same_types(bundled_store: Any, snapshot: Any, types: Any) -> None:
    engine, memory = both(bundled_store, snapshot, types)
    assert memory.types == engine.types


def test_the_vertices_are_in_id_order(bundled_store: Any, snapshot: Any) -> None:
    _, memory = both(bundled_store, snapshot, None)
    assert memory.ids == sorted(memory.ids)


def test_no_provenance_relationship_by_default(bundled_store: Any, snapshot: Any) -> None:
    _, memory = both(bundled_store, snapshot, None)
    assert {r["type"] for rels in links(memory).values() for r in rels} & PROVENANCE_TYPES == set()


def test_the_same_pagerank(bundled_store: Any, snapshot: Any) -> None:
    engine, memory = both(bundled_store, snapshot, None)
    assert memory.graph.pagerank(directed=False) == pytest.approx(engine.graph.pagerank(directed=False))


def test_the_same_communities(bundled_store: Any, snapshot: Any) -> None:
    engine, memory = both(bundled_store, snapshot, None)

    def louvain(projection: Projection) -> list[list[int]]:
        igraph.set_random_number_generator(random.Random(0))  # noqa: S311 - not security
        try:
            return list(projection.graph.community_multilevel())
        finally:
            igraph.set_random_number_generator(random)

    assert louvain(memory) == louvain(engine)


@pytest.mark.parametrize(
    ("source", "target"),
    [("group:sparks", "group:geckos"), ("group:sparks", "group:drones"), ("country:GB", "country:NL")],
)
def test_the_same_paths(bundled_store: Any, snapshot: Any, source: str, target: str) -> None:
    engine, memory = both(bundled_store, snapshot, None)

    def found(projection: Projection) -> list[list[str]]:
        a, b = projection.vertex(source), projection.vertex(target)
        assert a is not None and b is not None
        return [
            [projection.ids[v] for v in p]
            for p in k_shortest_paths(projection.graph, projection.neighbours, a, b, k=50, max_hops=4)
        ]

    paths = found(engine)
    assert (len(paths) > 0, found(memory)) == (True, paths)


PAIRS = [
    ("group:sparks", "group:geckos", [], []),
    ("group:sparks", "group:drones", [], []),
    ("country:GB", "country:NL", [], []),
    ("group:sparks", "country:US", ["TARGETED", "LOCATED_IN", "OPERATED"], []),
    ("group:sparks", "group:geckos", [], ["Operation", "Agency"]),
]


@pytest.mark.parametrize(("source", "target", "types", "labels"), PAIRS)
def test_a_paths_answer_from_the_copy_is_the_engines(
    bundled_store: Any,
    schema: Any,
    snapshot: Any,
    source: str,
    target: str,
    types: list[str],
    labels: list[str],
) -> None:
    """Nodes, relationships and sources of the paths: from the copy the projection was made
    from, or read from the engine."""
    copies = SnapshotCache(bundled_store, max_entities=1)
    copies.adopt(snapshot)

    def answer(projections: ProjectionCache) -> dict[str, Any]:
        return paths(
            bundled_store,
            schema,
            projections,
            source,
            target,
            k=3,
            max_hops=6,
            types=types,
            labels=labels,
            redactor=None,
        )

    from_engine = answer(ProjectionCache(bundled_store))
    assert (len(from_engine["paths"]) > 0, answer(ProjectionCache(bundled_store, snapshots=copies))) == (
        True,
        from_engine,
    )
