"""The in-process snapshot (graph/query/snapshot.py) against the engine, on the bundled dossiers.

A neighbourhood read from the snapshot must be the very answer the engine gives: every
entity, every depth, every filter. And the snapshot must never answer for a graph that
has been written since it was taken.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import product
from typing import Any

import orjson
import pytest

from graph.model.schema import Schema
from graph.query.answer import Redactor
from graph.query.neighbours import neighbourhood
from graph.query.shared import shared
from graph.query.snapshot import Snapshot, _edge_answers_of, _kept_edge, build_snapshot
from graph.query.snapshot_cache import SnapshotCache
from graph.store.falkordb import FalkorDBStore
from loaders.load import load_paths
from tests.facts import SPARKS_SERVER_COUNTRIES
from tests.neighbourhood_answers import entries_out_of_order, look_up_every_node, ranked_out_of_order

pytestmark = pytest.mark.both_engines

CacheOf = Callable[[int], SnapshotCache]

SPARKS = "group:sparks"
SPARKS_SERVERS = "server:2020-sparks-sparks-servers"

FILTERS: list[dict[str, Any]] = [
    {},
    {"types": ["MEMBER_OF", "TARGETED"]},
    {"types": ["LOCATED_IN"]},
    {"labels": ["Group"]},
    {"labels": ["Person", "Country"]},
    {"since": "2020"},
    {"until": "2019-12"},
    {"since": "2018-06", "until": "2021"},
    {"types": ["TOOK_DOWN", "SEIZED", "LOCATED_IN"], "since": "2020-08-25"},
]


# A neighbourhood's options unless a test gives them.
OPTIONS: dict[str, Any] = {"depth": 1, "labels": [], "types": [], "since": None, "until": None, "limit": 1000}


def ask(store: FalkorDBStore, schema: Schema, entity_id: str, reader: Any = None, **options: Any) -> str:
    """The answer as canonical JSON: nodes and edges in a fixed order."""
    answer = neighbourhood(store, schema, entity_id, **{**OPTIONS, **options}, redactor=None, reader=reader)
    answer["nodes"].sort(key=lambda n: n["id"])
    answer["edges"].sort(key=lambda e: (e["id"], e["source"], e["target"]))
    return json.dumps(answer, sort_keys=True)


def differing(
    store: FalkorDBStore, schema: Schema, snapshot: Snapshot, ids: list[str], **options: Any
) -> list[str]:
    """The entities whose neighbourhood the snapshot answers otherwise than the engine."""
    return [i for i in ids if ask(store, schema, i, **options) != ask(store, schema, i, snapshot, **options)]


@pytest.fixture(scope="module")
def snapshot(bundled_store: FalkorDBStore) -> Snapshot:
    return build_snapshot(bundled_store, bundled_store.generation())


@pytest.fixture(scope="module")
def entity_ids(bundled_store: FalkorDBStore) -> list[str]:
    return [row["id"] for row in bundled_store.read("MATCH (n:Entity) RETURN n.id AS id ORDER BY id")]


def test_the_snapshot_holds_every_node_and_relationship(
    bundled_store: FalkorDBStore, snapshot: Snapshot
) -> None:
    nodes = bundled_store.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"]
    relationships = bundled_store.read("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n")[0]["n"]
    assert (snapshot.node_count, snapshot.relationships) == (nodes, relationships)


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_every_unfiltered_neighbourhood_is_the_engines_answer(
    bundled_store: FalkorDBStore, schema: Schema, snapshot: Snapshot, entity_ids: list[str], depth: int
) -> None:
    # Three steps from anything reach most of the graph: every fourth entity will do.
    sample = entity_ids if depth < 3 else entity_ids[::4]
    assert differing(bundled_store, schema, snapshot, sample, depth=depth) == []


@pytest.mark.parametrize(("filters", "depth"), list(product(FILTERS, [1, 2])))
def test_filtered_neighbourhoods_are_the_engines_answer(
    bundled_store: FalkorDBStore,
    schema: Schema,
    snapshot: Snapshot,
    entity_ids: list[str],
    filters: dict[str, Any],
    depth: int,
) -> None:
    sample = [
        i for i in entity_ids if i.split(":")[0] in {"group", "operation", "agency", "country", "server"}
    ]
    assert differing(bundled_store, schema, snapshot, sample, depth=depth, **filters) == []


@pytest.mark.parametrize(("filters", "depth"), [({}, 1), ({}, 2), (FILTERS[1], 2), (FILTERS[7], 2)])
def test_answers_are_the_engines_when_every_node_is_looked_up(
    bundled_store: FalkorDBStore,
    schema: Schema,
    snapshot: Snapshot,
    entity_ids: list[str],
    filters: dict[str, Any],
    depth: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    look_up_every_node(monkeypatch)
    assert differing(bundled_store, schema, snapshot, entity_ids, depth=depth, **filters) == []


def test_every_nodes_entries_are_sorted_by_the_other_end(snapshot: Snapshot) -> None:
    assert entries_out_of_order(snapshot) == []


def test_every_node_is_ranked_in_id_order(snapshot: Snapshot) -> None:
    assert ranked_out_of_order(snapshot) == []


@pytest.mark.parametrize("limit", [1, 3, 7, 12])
def test_a_cut_neighbourhood_keeps_the_same_nodes_as_the_engines(
    bundled_store: FalkorDBStore, schema: Schema, snapshot: Snapshot, limit: int
) -> None:
    # Sparks has 11 neighbours and many more two steps away: each limit cuts a level.
    assert ask(bundled_store, schema, SPARKS, depth=2, limit=limit) == ask(
        bundled_store, schema, SPARKS, snapshot, depth=2, limit=limit
    )


def test_the_snapshot_places_the_sparks_servers_in_their_16_countries(
    bundled_store: FalkorDBStore, schema: Schema, snapshot: Snapshot
) -> None:
    answer = json.loads(ask(bundled_store, schema, SPARKS_SERVERS, snapshot, types=["LOCATED_IN"]))
    assert {n["id"] for n in answer["nodes"] if n["id"] != SPARKS_SERVERS} == {
        f"country:{code}" for code in SPARKS_SERVER_COUNTRIES
    }


def test_an_unknown_id_is_not_found_in_the_snapshot_either(
    bundled_store: FalkorDBStore, schema: Schema, snapshot: Snapshot
) -> None:
    from graph.errors import NotFound

    with pytest.raises(NotFound):
        ask(bundled_store, schema, "group:no-such-group", snapshot)


def written(
    store: FalkorDBStore, schema: Schema, entity_id: str, reader: Any, as_json: bool, **options: Any
) -> bytes:
    """The answer as the API writes it out: from JSON the copy kept, or from decoded dicts."""
    answer = neighbourhood(
        store, schema, entity_id, **{**OPTIONS, **options}, redactor=None, reader=reader, written=as_json
    )
    return orjson.dumps(answer)


@pytest.mark.parametrize(("filters", "depth"), [({}, 1), ({}, 2), ({}, 3), *product(FILTERS[1:], [2])])
def test_the_json_the_copy_kept_is_written_as_the_decoded_answer_would_be(
    bundled_store: FalkorDBStore,
    schema: Schema,
    snapshot: Snapshot,
    entity_ids: list[str],
    filters: dict[str, Any],
    depth: int,
) -> None:
    """Byte for byte, in the same order: nodes, relationships (parallel ones too) and sources."""
    sample = entity_ids if depth < 3 else entity_ids[::4]
    assert [
        i
        for i in sample
        if written(bundled_store, schema, i, snapshot, True, depth=depth, **filters)
        != written(bundled_store, schema, i, snapshot, False, depth=depth, **filters)
    ] == []


def test_the_engine_reader_answers_as_before_when_json_is_asked_for(
    bundled_store: FalkorDBStore, schema: Schema
) -> None:
    assert written(bundled_store, schema, SPARKS, None, True, depth=2) == written(
        bundled_store, schema, SPARKS, None, False, depth=2
    )


def test_a_redacted_answer_is_made_from_dicts_even_when_json_is_asked_for(
    bundled_store: FalkorDBStore, schema: Schema, snapshot: Snapshot
) -> None:
    redactor = Redactor.from_store(bundled_store)
    options = {**OPTIONS, "depth": 2}
    asked = neighbourhood(
        bundled_store, schema, SPARKS, **options, redactor=redactor, reader=snapshot, written=True
    )
    assert asked == neighbourhood(
        bundled_store, schema, SPARKS, **options, redactor=redactor, reader=snapshot
    )


def test_the_sparks_neighbourhood_has_names_to_redact(
    bundled_store: FalkorDBStore, schema: Schema, snapshot: Snapshot
) -> None:
    """The test above compares answers in which something was hidden."""
    options = {**OPTIONS, "depth": 2}
    redactor = Redactor.from_store(bundled_store)
    hidden = neighbourhood(bundled_store, schema, SPARKS, **options, redactor=redactor, reader=snapshot)
    shown = neighbourhood(bundled_store, schema, SPARKS, **options, redactor=None, reader=snapshot)
    assert [n["name"] for n in hidden["nodes"]] != [n["name"] for n in shown["nodes"]]


def test_an_unknown_id_is_not_found_in_the_copys_json_either(
    bundled_store: FalkorDBStore, schema: Schema, snapshot: Snapshot
) -> None:
    from graph.errors import NotFound

    with pytest.raises(NotFound):
        written(bundled_store, schema, "group:no-such-group", snapshot, True)


def shared_answer(store: FalkorDBStore, ids: list[str], reader: Snapshot | None) -> str:
    """What /shared answers, with the relationships in a fixed order."""
    answer = shared(store, ids, redactor=None, reader=reader)
    for key in ("edges", "nodes"):
        answer[key].sort(key=lambda item: json.dumps(item, sort_keys=True))
    answer["direct"].sort()
    return json.dumps(answer, sort_keys=True)


@pytest.fixture(scope="module")
def shared_asks(entity_ids: list[str]) -> list[list[str]]:
    """Every pair of operations; pairs of groups; operations with countries (hubs) and
    agencies; triples of operations."""
    of = {
        prefix: [i for i in entity_ids if i.startswith(prefix + ":")]
        for prefix in ("operation", "group", "country", "agency")
    }
    operations, groups = of["operation"], of["group"][::3]
    pairs = [[a, b] for kind in (operations, groups) for n, a in enumerate(kind) for b in kind[n + 1 :]]
    mixed = [[o, other] for o in operations[::2] for other in of["country"][::4] + of["agency"][::4]]
    triples = [operations[n : n + 3] for n in range(len(operations) - 2)]
    return pairs + mixed + triples


def test_what_entities_share_is_the_engines_answer_from_the_copy(
    bundled_store: FalkorDBStore, snapshot: Snapshot, shared_asks: list[list[str]]
) -> None:
    assert [
        ids
        for ids in shared_asks
        if shared_answer(bundled_store, ids, snapshot) != shared_answer(bundled_store, ids, None)
    ] == []


def test_the_copy_finds_what_geckos_and_drones_share(
    bundled_store: FalkorDBStore, snapshot: Snapshot
) -> None:
    answer = shared(bundled_store, ["group:geckos", "group:drones"], redactor=None, reader=snapshot)
    assert answer["shared"] == {"Group": [SPARKS], "Operation": ["operation:2020-sparks"]}


def test_an_entity_the_copy_does_not_hold_is_not_found_in_what_is_shared(
    bundled_store: FalkorDBStore, snapshot: Snapshot
) -> None:
    from graph.errors import NotFound

    with pytest.raises(NotFound):
        shared(bundled_store, [SPARKS, "group:no-such-group"], redactor=None, reader=snapshot)


# --- the cache: never an answer for another generation -----------------------------------


@pytest.fixture
def loaded_store(empty_store: FalkorDBStore, schema: Schema, bundled_dir: Any) -> FalkorDBStore:
    load_paths(empty_store, schema, [bundled_dir / "2020-sparks.yaml"])
    return empty_store


@pytest.fixture
def cache_of(loaded_store: FalkorDBStore) -> Iterator[CacheOf]:
    """Caches over the loaded store; every copy still under way is finished before the
    store is cleared and closed, as the app does at shutdown."""
    made: list[SnapshotCache] = []

    def make(max_entities: int) -> SnapshotCache:
        made.append(SnapshotCache(loaded_store, max_entities=max_entities))
        return made[-1]

    yield make
    for cache in made:
        cache.finish(timeout=60)


def test_the_first_question_starts_a_copy_and_the_engine_answers(
    loaded_store: FalkorDBStore, cache_of: CacheOf
) -> None:
    cache = cache_of(1_000_000)
    assert cache.current() is None


def test_the_copy_is_used_once_built(loaded_store: FalkorDBStore, cache_of: CacheOf) -> None:
    cache = cache_of(1_000_000)
    built = cache.wait(timeout=30)
    assert built is not None and cache.current() is built


def test_the_copy_is_of_the_stores_generation(loaded_store: FalkorDBStore, cache_of: CacheOf) -> None:
    cache = cache_of(1_000_000)
    built = cache.wait(timeout=30)
    assert built is not None and built.generation == loaded_store.generation()


def test_a_write_retires_the_copy_at_once(
    loaded_store: FalkorDBStore,
    schema: Schema,
    bundled_dir: Any,
    cache_of: CacheOf,
) -> None:
    cache = cache_of(1_000_000)
    built = cache.wait(timeout=30)
    load_paths(loaded_store, schema, [bundled_dir / "2019-jetflicks.yaml"])
    assert (built is not None, cache.current()) == (True, None)


def test_after_a_write_the_new_copy_holds_the_new_nodes(
    loaded_store: FalkorDBStore,
    schema: Schema,
    bundled_dir: Any,
    cache_of: CacheOf,
) -> None:
    cache = cache_of(1_000_000)
    cache.wait(timeout=30)
    load_paths(loaded_store, schema, [bundled_dir / "2019-jetflicks.yaml"])
    rebuilt = cache.wait(timeout=30)
    assert rebuilt is not None and "operation:2019-jetflicks" in rebuilt


def test_a_graph_over_the_bound_is_never_copied(loaded_store: FalkorDBStore, cache_of: CacheOf) -> None:
    # The same graph under a bound it fits is copied: only the bound tells them apart.
    fits = cache_of(1_000_000).wait(timeout=30)
    over = cache_of(10).wait(timeout=30)
    assert (fits is not None, over) == (True, None)


def test_a_bound_of_zero_turns_the_copy_off(loaded_store: FalkorDBStore, cache_of: CacheOf) -> None:
    cache = cache_of(0)
    assert (cache.current(), cache.wait(timeout=1)) == (None, None)


def test_the_copy_is_served_only_for_the_generation_the_caller_read(
    loaded_store: FalkorDBStore, cache_of: CacheOf
) -> None:
    cache = cache_of(1_000_000)
    built = cache.wait(timeout=30)
    assert built is not None
    assert (cache.current(built.generation), cache.current(built.generation + 1)) == (built, None)


def edges_of(snapshot: Snapshot) -> list[str]:
    every = snapshot.edges_among(snapshot.node_ids(), {})
    assert len(every) == snapshot.relationships
    return sorted(json.dumps(edge, sort_keys=True) for edge in every)


def test_a_copy_read_in_small_pages_is_the_same(
    bundled_store: FalkorDBStore, snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("graph.query.snapshot.PAGE", 7)  # many pages, a last one part full
    monkeypatch.setattr("graph.query.snapshot.RELATIONSHIP_PAGE", 5)
    paged = build_snapshot(bundled_store, bundled_store.generation())
    assert (sorted(paged.node_ids()), paged.nodes(paged.node_ids()), edges_of(paged)) == (
        sorted(snapshot.node_ids()),
        snapshot.nodes(snapshot.node_ids()),
        edges_of(snapshot),
    )


@pytest.mark.parametrize(
    "rel_id",
    [
        "operation:jetflicks|ACTED_IN|country:US",
        "operation:jetflicks|ACTED_IN|country:US|prosecution",  # a parallel relationship's key
        "operation:jetflicks|ACTED_IN|country:USA",  # the id of another pair, one letter on
        "relationship--0d7c6f3a",
        None,
    ],
)
def test_a_relationship_id_comes_back_from_what_the_copy_keeps_of_it(rel_id: str | None) -> None:
    ends = ("operation:jetflicks", "ACTED_IN", "country:US")
    answer = {"id": rel_id, "properties": {"role": "prosecution"}, "sources": ["source:s"]}
    kept = _kept_edge(answer, *ends)
    # A text written out as it was kept must start with whatever it kept of an id.
    assert (next(iter(kept)) in {"id", "key"}) == (rel_id != "|".join(ends))
    assert _edge_answers_of([kept], [ends]) == [
        {**answer, "source": "operation:jetflicks", "target": "country:US", "type": "ACTED_IN"}
    ]
