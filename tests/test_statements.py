"""Statements: every value keeps its dossier and sources, whatever the load order.

The bundled dossiers plus two made-up ones (tests/data/statements/) that describe shared
nodes differently: the US Department of Justice (two kinds, two confidences), Telegram
(two kinds) and a group both target (two kinds, two claims).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.errors import DossierError, NotFound
from graph.model.schema import Schema
from graph.model.statements import value_text
from graph.query.catalogue import run_named_query
from graph.query.entities import entity_detail
from graph.settings import Settings
from graph.store import open_store
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.format import OldFormat, check_format
from graph.store.stats import digest
from loaders.load import load_bytes, load_paths
from loaders.pipeline import unload
from loaders.stix.restore import statement_problem
from tests.clients import graph_name_of
from tests.keys import write_keys

pytestmark = pytest.mark.both_engines

HERE = Path(__file__).parent / "data" / "statements"
CONFLICT_A = HERE / "conflict-a.yaml"
CONFLICT_B = HERE / "conflict-b.yaml"
DOJ = "agency:us-department-of-justice"
TELEGRAM = "platform:telegram"
ALPHA = "group:testgroup-alpha"


def files(bundled_dir: Path) -> list[Path]:
    return [*sorted(bundled_dir.glob("*.yaml")), CONFLICT_A, CONFLICT_B]


def load_in_order(store: Any, schema: Schema, paths: list[Path], seed: int) -> None:
    """`paths` shuffled by `seed`, cut into folder loads and single uploads at random."""
    rng = random.Random(seed)  # noqa: S311 - a seeded order, not a secret
    order = list(paths)
    rng.shuffle(order)
    while order:
        take = rng.randint(1, 5)
        part, order = order[:take], order[take:]
        if rng.random() < 0.5:
            load_paths(store, schema, part, workers=0)
        else:
            for path in part:
                load_bytes(store, schema, path.read_bytes(), path.name)


def statements_of(store: Any, schema: Schema, entity: str, prop: str) -> list[tuple[Any, str, str | None]]:
    detail = entity_detail(store, schema, entity)
    return sorted(
        (s["value"], s["dossier"], s["confidence"]) for s in detail["statements"] if s["property"] == prop
    )


@pytest.fixture
def conflicted(empty_store: Any, schema: Schema, bundled_dir: Path) -> Any:
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    return empty_store


@pytest.fixture
def reference_digest(empty_store: Any, schema: Schema, bundled_dir: Path) -> str:
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    value = digest(empty_store)
    empty_store.clear()
    empty_store.ensure_schema()
    return value


# -- order independence -----------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_any_order_and_split_gives_the_same_graph(
    empty_store: Any, schema: Schema, bundled_dir: Path, reference_digest: str, seed: int
) -> None:
    load_in_order(empty_store, schema, files(bundled_dir), seed)
    assert digest(empty_store) == reference_digest


def test_reverse_file_order_gives_the_same_graph(
    empty_store: Any, schema: Schema, bundled_dir: Path, reference_digest: str
) -> None:
    for path in reversed(files(bundled_dir)):
        load_paths(empty_store, schema, [path], workers=0)
    assert digest(empty_store) == reference_digest


# -- the values shown and the alternatives --------------------------------------------------------


def test_a_shared_agency_keeps_every_kind_with_its_dossier(conflicted: Any, schema: Schema) -> None:
    kinds = statements_of(conflicted, schema, DOJ, "kind")
    assert [(v, d) for v, d, _ in kinds if d.startswith("test-")] == [
        ("federal department", "test-conflict-b"),
        ("federal prosecutor", "test-conflict-a"),
    ]


def test_the_kind_shown_is_the_one_with_the_most_sources(conflicted: Any, schema: Schema) -> None:
    detail = entity_detail(conflicted, schema, TELEGRAM)
    kinds = {s["value"]: len(s["sources"]) for s in detail["statements"] if s["property"] == "kind"}
    best = max(kinds.values())
    assert detail["properties"]["kind"] in {v for v, n in kinds.items() if n == best}


def test_a_tie_in_sources_goes_to_the_more_official_source(empty_store: Any, schema: Schema) -> None:
    # Telegram: one source each; conflict-b's is a court record, conflict-a's an official
    # release too; the group: two sources (court, news) against one (release).
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    assert entity_detail(empty_store, schema, ALPHA)["properties"]["kind"] == "IPTV reseller network"


def test_a_tie_in_sources_and_rank_goes_to_the_value_that_sorts_first(
    empty_store: Any, schema: Schema
) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    assert entity_detail(empty_store, schema, TELEGRAM)["properties"]["kind"] == "messaging"


def test_a_dossiers_confidence_stays_with_its_statements(conflicted: Any, schema: Schema) -> None:
    kinds = statements_of(conflicted, schema, DOJ, "kind")
    assert [(d, c) for _, d, c in kinds if d.startswith("test-")] == [
        ("test-conflict-b", "high"),
        ("test-conflict-a", "low"),
    ]


def test_a_shared_agency_carries_no_confidence_of_its_own(conflicted: Any, schema: Schema) -> None:
    assert "confidence" not in entity_detail(conflicted, schema, DOJ)["properties"]


def test_notes_stay_with_the_dossier_that_wrote_them(conflicted: Any, schema: Schema) -> None:
    assert statements_of(conflicted, schema, DOJ, "notes") == [
        ("The blog calls it a prosecutor.", "test-conflict-a", "low")
    ]


def test_notes_are_not_a_value_of_the_shared_entity(conflicted: Any, schema: Schema) -> None:
    assert "notes" not in entity_detail(conflicted, schema, DOJ)["properties"]


def test_every_statement_cites_a_source(conflicted: Any, schema: Schema) -> None:
    for entity in (DOJ, TELEGRAM, ALPHA):
        detail = entity_detail(conflicted, schema, entity)
        assert [s for s in detail["statements"] if not s["sources"]] == []


def test_low_confidence_facts_point_at_the_dossier_and_value(conflicted: Any, schema: Schema) -> None:
    answer = run_named_query(conflicted, "low_confidence_facts", {})
    rows = [dict(zip(answer["columns"], row, strict=True)) for row in answer["rows"]]
    doj = sorted(
        (r["property"], r["value"], r["dossier"]) for r in rows if r["from"] == DOJ and r["type"] == "NODE"
    )
    assert doj == [
        ("jurisdiction", "US", "test-conflict-a"),
        ("kind", "federal prosecutor", "test-conflict-a"),
        ("name", "US Department of Justice", "test-conflict-a"),
        ("notes", "The blog calls it a prosecutor.", "test-conflict-a"),
    ]


def test_single_source_facts_name_each_value_that_rests_on_one_source(
    conflicted: Any, schema: Schema
) -> None:
    """The purpose of a use both dossiers state is one news page's word, though the use
    itself has two sources."""
    answer = run_named_query(conflicted, "single_source_facts", {"dossier": "test-conflict-b"})
    rows = [dict(zip(answer["columns"], row, strict=True)) for row in answer["rows"]]
    assert [(r["from"], r["type"], r["to"], r["property"], r["value"], r["dossiers"]) for r in rows] == [
        (DOJ, "LED", "operation:test-conflict-b", "", True, ["test-conflict-b"]),
        (DOJ, "LED", "operation:test-conflict-b", "role", "prosecution", ["test-conflict-b"]),
        ("claim:123b58738a0d", "ABOUT", "group:testgroup-alpha", "", True, ["test-conflict-b"]),
        (
            "group:testgroup-alpha",
            "USED",
            "platform:telegram",
            "purpose",
            "customer support",
            ["test-conflict-b"],
        ),
        ("operation:test-conflict-b", "TARGETED", "group:testgroup-alpha", "", True, ["test-conflict-b"]),
        (
            "operation:test-conflict-b",
            "TARGETED",
            "group:testgroup-alpha",
            "role",
            "main target",
            ["test-conflict-b"],
        ),
    ]


# -- corrections and unloading ----------------------------------------------------------------------


def test_loading_a_changed_dossier_replaces_its_statements(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [CONFLICT_A], workers=0)
    changed = CONFLICT_A.read_text().replace(
        "  - {metric: subscribers, value: 12000, unit: subscribers, about: alpha, sources: [blog], "
        "confidence: low}\n",
        "",
    )
    load_bytes(empty_store, schema, changed.encode(), "conflict-a.yaml")
    claims = run_named_query(empty_store, "claims_by_metric", {"text": "subscribers"})["rows"]
    assert claims == []


def test_a_corrected_dossier_gives_the_graph_it_alone_would_give(empty_store: Any, schema: Schema) -> None:
    changed = CONFLICT_A.read_text().replace("kind: messaging app", "kind: chat service")
    load_bytes(empty_store, schema, changed.encode(), "conflict-a.yaml")
    alone = digest(empty_store)
    empty_store.clear()
    empty_store.ensure_schema()
    load_paths(empty_store, schema, [CONFLICT_A], workers=0)
    load_bytes(empty_store, schema, changed.encode(), "conflict-a.yaml")
    assert digest(empty_store) == alone


def test_a_correction_that_does_not_validate_changes_nothing(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [CONFLICT_A], workers=0)
    before = digest(empty_store)
    broken = CONFLICT_A.read_text().replace("kind: messaging app", "kind: messaging app, colour: red")
    with pytest.raises(DossierError):
        load_bytes(empty_store, schema, broken.encode(), "conflict-a.yaml")
    assert digest(empty_store) == before


def test_a_figure_another_dossier_supports_stays(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    changed = CONFLICT_A.read_text().replace(
        "properties: {role: prosecution}, sources: [release]", "sources: [release]"
    )
    load_bytes(empty_store, schema, changed.encode(), "conflict-a.yaml")
    rows = empty_store.read(
        "MATCH (:Agency {id: $a})-[r:LED]->(:Operation {id: $o}) RETURN r.role AS role",
        {"a": DOJ, "o": "operation:test-conflict-b"},
    )
    assert rows == [{"role": "prosecution"}]


def test_load_a_load_b_unload_b_is_load_a(empty_store: Any, schema: Schema, bundled_dir: Path) -> None:
    load_paths(empty_store, schema, [bundled_dir, CONFLICT_A], workers=0)
    alone = digest(empty_store)
    load_paths(empty_store, schema, [CONFLICT_B], workers=0)
    unload(empty_store, schema, "test-conflict-b")
    assert digest(empty_store) == alone


def test_unloading_a_dossier_whose_record_is_lost_finds_its_statements(
    empty_store: Any, schema: Schema
) -> None:
    load_paths(empty_store, schema, [CONFLICT_A], workers=0)
    alone = digest(empty_store)
    load_paths(empty_store, schema, [CONFLICT_B], workers=0)
    empty_store.write("MATCH (d:LoadedDossier {id: 'test-conflict-b'}) DELETE d")
    unload(empty_store, schema, "test-conflict-b")
    assert digest(empty_store) == alone


def test_each_loaded_dossier_has_a_record(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    rows = empty_store.read("MATCH (d:LoadedDossier) RETURN d.id AS id ORDER BY id")
    assert rows == [{"id": "test-conflict-a"}, {"id": "test-conflict-b"}]


def test_an_unloaded_dossiers_record_goes(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    unload(empty_store, schema, "test-conflict-a")
    rows = empty_store.read("MATCH (d:LoadedDossier) RETURN d.id AS id ORDER BY id")
    assert rows == [{"id": "test-conflict-b"}]


def test_unloading_removes_what_only_that_dossier_supported(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    unload(empty_store, schema, "test-conflict-a")
    rows = empty_store.read("MATCH (n:Operation) RETURN n.id AS id")
    assert rows == [{"id": "operation:test-conflict-b"}]


def test_unloading_keeps_a_shared_node_with_the_other_dossiers_values(
    empty_store: Any, schema: Schema
) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    unload(empty_store, schema, "test-conflict-b")
    assert entity_detail(empty_store, schema, TELEGRAM)["properties"]["kind"] == "messaging app"


def test_unloading_every_dossier_leaves_an_empty_graph(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    unload(empty_store, schema, "test-conflict-a")
    unload(empty_store, schema, "test-conflict-b")
    assert empty_store.read("MATCH (n) WHERE n:Entity OR n:LoadedDossier RETURN count(n) AS n") == [{"n": 0}]


def test_unloading_a_dossier_that_is_not_loaded_is_refused(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [CONFLICT_A], workers=0)
    before = digest(empty_store)
    with pytest.raises(NotFound, match="no dossier 'test-conflict-b' is loaded"):
        unload(empty_store, schema, "test-conflict-b")
    assert digest(empty_store) == before


# -- over HTTP ----------------------------------------------------------------------------------------

KEYS = {"writer": ("pg_writer_statements_0123456789", "writer", False)}
WRITER = {"Authorization": f"Bearer {KEYS['writer'][0]}"}


@pytest.fixture
def writer_client(empty_store: Any, engine: EmbeddedEngine, tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(empty_store),
        load_bundled_on_start=False,
        api_keys_file=write_keys(tmp_path / "keys.yaml", KEYS),
    )
    with TestClient(create_app(settings, store=empty_store)) as test_client:
        yield test_client


def test_delete_dossier_unloads_it(
    writer_client: TestClient, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    response = writer_client.delete("/dossiers/test-conflict-b", headers=WRITER)
    assert (response.status_code, response.json()["dossier"]) == (200, "test-conflict-b")


def test_delete_dossier_without_a_key_is_401_and_changes_nothing(
    writer_client: TestClient, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_paths(empty_store, schema, [CONFLICT_A], workers=0)
    before = digest(empty_store)
    status = writer_client.delete("/dossiers/test-conflict-a").status_code
    assert (status, digest(empty_store)) == (401, before)


def test_delete_of_an_unknown_dossier_is_404(writer_client: TestClient) -> None:
    assert writer_client.delete("/dossiers/test-nothing-here", headers=WRITER).status_code == 404


def test_delete_with_a_malformed_id_is_422(writer_client: TestClient) -> None:
    assert writer_client.delete("/dossiers/Not%20An%20Id", headers=WRITER).status_code == 422


def test_entity_detail_lists_statements(
    writer_client: TestClient, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    body = writer_client.get(f"/entities/{TELEGRAM}", headers=WRITER).json()
    kinds = sorted((s["value"], s["dossier"]) for s in body["statements"] if s["property"] == "kind")
    assert kinds == [("messaging", "test-conflict-b"), ("messaging app", "test-conflict-a")]


# -- a graph written by an older version ------------------------------------------------------


def test_a_graph_written_without_statements_is_refused(empty_store: Any) -> None:
    empty_store.write("CREATE (:Group:Entity {id: 'group:old', name: 'Old', kind: 'torrent site'})")
    with pytest.raises(OldFormat, match="Load the dossiers again into a new data directory"):
        check_format(empty_store)


def test_a_graph_written_by_this_version_is_read(conflicted: Any) -> None:
    assert check_format(conflicted) is None


def test_opening_an_old_graph_says_to_load_again(engine: EmbeddedEngine, schema: Schema) -> None:
    old = FalkorDBStore.embedded_at(engine, "statements-old-format", schema)
    old.clear()
    old.write("CREATE (:Group:Entity {id: 'group:old', name: 'Old'})")
    settings = Settings(data_dir=engine.data_dir, graph_name="statements-old-format")
    try:
        with pytest.raises(OldFormat, match="piracy-graph load data/operations --data-dir NEW_DIR"):
            open_store(settings)
    finally:
        old.clear()


def test_a_neighbourhood_shows_the_values_dossiers_disagree_on(
    writer_client: TestClient, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    body = writer_client.get(f"/entities/{ALPHA}/neighbours?depth=1", headers=WRITER).json()
    alpha = next(node for node in body["nodes"] if node["id"] == ALPHA)
    shown = [(a["property"], a["value"], a["dossiers"]) for a in alpha["alternatives"]]
    assert shown == [("kind", "IPTV service", ["test-conflict-a"])]


def test_a_node_dossiers_agree_on_has_no_alternatives(
    writer_client: TestClient, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_paths(empty_store, schema, [CONFLICT_A, CONFLICT_B], workers=0)
    body = writer_client.get(f"/entities/{ALPHA}/neighbours?depth=1", headers=WRITER).json()
    us = next(node for node in body["nodes"] if node["id"] == "operation:test-conflict-a")
    assert "alternatives" not in us


# -- loading a folder again -----------------------------------------------------------------------


def test_loading_a_folder_again_writes_nothing(empty_store: Any, schema: Schema) -> None:
    load_paths(empty_store, schema, [HERE], workers=0)
    before = empty_store.generation()
    load_paths(empty_store, schema, [HERE], workers=0)
    assert empty_store.generation() == before


def test_loading_a_folder_again_reports_every_dossier(empty_store: Any, schema: Schema) -> None:
    first = load_paths(empty_store, schema, [HERE], workers=0)
    again = load_paths(empty_store, schema, [HERE], workers=0)
    assert [(r.path, r.dossier, r.nodes, r.edges) for r in again] == [
        (r.path, r.dossier, r.nodes, r.edges) for r in first
    ]


def test_a_file_changed_in_a_folder_is_read_again(empty_store: Any, schema: Schema, tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    (folder / "a.yaml").write_text(CONFLICT_A.read_text())
    (folder / "b.yaml").write_text(CONFLICT_B.read_text())
    load_paths(empty_store, schema, [folder], workers=0)
    (folder / "b.yaml").write_text(CONFLICT_B.read_text().replace("kind: messaging}", "kind: chat}"))
    load_paths(empty_store, schema, [folder], workers=0)
    kinds = statements_of(empty_store, schema, TELEGRAM, "kind")
    assert [(v, d) for v, d, _ in kinds] == [
        ("chat", "test-conflict-b"),
        ("messaging app", "test-conflict-a"),
    ]


VALUES = [
    'a"b\\',
    "é\u2028x",
    "ctl\x01",
    "",
    3,
    -7,
    0,
    True,
    False,
    None,
    1.5,
    2.0,
    [1, "é"],
    {"b": 1, "a": [2]},
]


@pytest.mark.parametrize("value", VALUES, ids=[repr(v) for v in VALUES])
def test_a_value_text_is_the_canonical_json_of_the_value(value: Any) -> None:
    """Statements are compared by their text: the fast paths must write what json.dumps does."""
    assert value_text(value) == json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_an_exported_statement_with_unsorted_sources_is_refused() -> None:
    text = 'kind|2020-sparks|high|3|source:bbb source:aaa|"release group"'
    assert statement_problem(text) == (f"{text[:80]!r} is not written as the graph writes statements")
