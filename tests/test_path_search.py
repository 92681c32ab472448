"""The bounded k-shortest-paths search, against every simple path igraph enumerates, on
random graphs with hubs (no engine: the search works on arrays and igraph only)."""

from __future__ import annotations

import random

import igraph
import numpy as np
import pytest

from graph.query.path_search import k_shortest_paths, neighbour_table

EVERY = 10_000


def hubbed_graph(seed: int, vertices: int = 300) -> igraph.Graph:
    """Sparse random links, and three hubs linked to a fifth of the vertices each."""
    rng = random.Random(seed)  # noqa: S311 - a seeded test graph
    pairs = {tuple(sorted(rng.sample(range(vertices), 2))) for _ in range(vertices)}
    for hub in range(3):
        pairs |= {tuple(sorted((hub, v))) for v in rng.sample(range(3, vertices), vertices // 5)}
    graph = igraph.Graph(n=vertices, directed=False)
    graph.add_edges(sorted(pairs))
    return graph


def search(graph: igraph.Graph, a: int, b: int, k: int, hops: int, allowed: object = None) -> list[list[int]]:
    table = neighbour_table(np.array(graph.get_edgelist(), dtype=np.int32), graph.vcount())
    return k_shortest_paths(graph, table, a, b, k=k, max_hops=hops, allowed=allowed)  # type: ignore[arg-type]


def every_path(graph: igraph.Graph, a: int, b: int, hops: int, allowed: object = None) -> list[list[int]]:
    found = graph.get_all_simple_paths(a, to=b, maxlen=hops, mode="all")
    if allowed is not None:
        found = [p for p in found if all(allowed(v) for v in p[1:-1])]  # type: ignore[operator]
    return sorted(found)


PAIRS = [(seed, a, b) for seed in (1, 2, 3) for a, b in ((10, 200), (5, 6), (150, 299), (0, 77))]


@pytest.mark.parametrize(("seed", "a", "b"), PAIRS)
def test_every_path_up_to_four_steps_is_found(seed: int, a: int, b: int) -> None:
    graph = hubbed_graph(seed)
    assert sorted(search(graph, a, b, EVERY, 4)) == every_path(graph, a, b, 4)


@pytest.mark.parametrize(("seed", "a", "b"), PAIRS)
def test_the_k_paths_found_are_the_shortest(seed: int, a: int, b: int) -> None:
    graph = hubbed_graph(seed)
    lengths = sorted(len(p) for p in every_path(graph, a, b, 5))[:3]
    found = search(graph, a, b, 3, 5)
    assert ([len(p) for p in found], all(p in every_path(graph, a, b, 5) for p in found)) == (lengths, True)


@pytest.mark.parametrize(("seed", "a", "b"), PAIRS)
def test_only_allowed_vertices_are_passed_through(seed: int, a: int, b: int) -> None:
    graph = hubbed_graph(seed)

    def allowed(v: int) -> bool:
        return v % 3 != 0  # no hub: 0 is one

    assert sorted(search(graph, a, b, EVERY, 4, allowed)) == every_path(graph, a, b, 4, allowed)


def test_no_path_between_two_parts() -> None:
    graph = igraph.Graph(n=6, edges=[(0, 1), (1, 2), (3, 4), (4, 5)])
    assert search(graph, 0, 5, 3, 6) == []


def test_a_path_longer_than_the_bound_is_not_found() -> None:
    graph = igraph.Graph(n=6, edges=[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)])
    assert (search(graph, 0, 5, 3, 4), search(graph, 0, 5, 3, 5)) == ([], [[0, 1, 2, 3, 4, 5]])
