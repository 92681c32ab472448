"""Neo4j's own k shortest paths (SHORTEST k GROUPS) and the in-memory projection's give
the same paths on the bundled dossiers: the projection answers the API on both engines
because it was faster (docs/performance.md), and this keeps the two interchangeable."""

from __future__ import annotations

from typing import Any

import pytest

from graph.model.schema import Schema
from graph.query.neo4j_paths import native_k_shortest_paths
from graph.query.path_search import k_shortest_paths
from graph.query.projection import ProjectionCache

pytestmark = pytest.mark.neo4j

# Pairs that an investigator asks about, and pairs across operations.
PAIRS = [
    ("group:sparks", "group:geckos"),
    ("group:sparks", "group:drones"),
    ("group:geckos", "group:drones"),
    ("operation:2020-sparks", "operation:2020-perfect-storm"),
    ("agency:guardia-di-finanza", "agency:eurojust"),
    ("agency:europol", "country:IT"),
    ("country:GB", "country:NL"),
]
# Large enough that neither side stops early: every simple path within the bound.
EVERY = 500


def projection_paths(store: Any, a: str, b: str, k: int, max_hops: int, **kw: Any) -> list[list[str]]:
    projection = ProjectionCache(store).get(frozenset(kw["types"]) if kw.get("types") else None)
    va, vb = projection.vertex(a), projection.vertex(b)
    assert va is not None and vb is not None
    found = k_shortest_paths(projection.graph, projection.neighbours, va, vb, k=k, max_hops=max_hops)
    return [[projection.ids[v] for v in path] for path in found]


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_every_path_within_three_hops_is_the_same(
    bundled_store: Any, schema: Schema, source: str, target: str
) -> None:
    native = native_k_shortest_paths(
        bundled_store, schema, source, target, k=EVERY, max_hops=3, types=[], labels=[]
    )
    mine = projection_paths(bundled_store, source, target, EVERY, 3)
    # Every pair is linked within three steps, so neither side can agree by finding nothing.
    assert (len(native) > 0, sorted(native)) == (True, sorted(mine))


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_the_three_shortest_have_the_same_lengths(
    bundled_store: Any, schema: Schema, source: str, target: str
) -> None:
    native = native_k_shortest_paths(
        bundled_store, schema, source, target, k=3, max_hops=6, types=[], labels=[]
    )
    mine = projection_paths(bundled_store, source, target, 3, 6)
    assert [len(p) for p in native] == [len(p) for p in mine]


def test_the_comparison_is_not_empty(bundled_store: Any, schema: Schema) -> None:
    # Sparks and Geckos are linked directly, and through the operation that targeted both.
    native = native_k_shortest_paths(
        bundled_store, schema, "group:sparks", "group:geckos", k=EVERY, max_hops=3, types=[], labels=[]
    )
    assert (native[0], ["group:sparks", "operation:2020-sparks", "group:geckos"] in native) == (
        ["group:sparks", "group:geckos"],
        True,
    )
