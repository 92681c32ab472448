"""The in-process snapshot follows this process's writes (graph/query/snapshot.py,
graph/store/journal.py): after an upload or an unload, the new copy is the old one with
what the write touched read again, and every answer it gives is the engine's answer.

Checked on both engines, on a graph of the 2019 and 2020 dossiers, with an operation added
that shares agencies with them, then one taken away.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.model.plan import Changes, EdgeRow, NodeRow
from graph.model.schema import Schema
from graph.query.answer import nodes_by_id
from graph.query.snapshot import Snapshot, build_snapshot
from graph.query.snapshot_cache import SnapshotCache
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.journal import MAX_TOUCHED, WriteJournal
from loaders.load import load_paths
from loaders.pipeline import unload
from tests.clients import graph_name_of
from tests.keys import write_keys
from tests.neighbourhood_answers import answers, entries_out_of_order, look_up_every_node, ranked_out_of_order

pytestmark = pytest.mark.both_engines

ADDED = "2019-jetflicks.yaml"
TAKEN = "2020-sparks.yaml"
TAKEN_ID = "2020-sparks"


@pytest.fixture
def base(empty_store: Any, schema: Schema, bundled_dir: Path) -> Any:
    files = [
        f
        for f in sorted(bundled_dir.glob("*.yaml"))
        if f.name != ADDED and f.name.startswith(("2019", "2020"))
    ]
    load_paths(empty_store, schema, files)
    return empty_store


@pytest.fixture
def cache(base: Any) -> Iterator[SnapshotCache]:
    made = SnapshotCache(base, max_entities=1_000_000)
    yield made
    made.finish(timeout=60)


@pytest.fixture
def before(cache: SnapshotCache) -> Snapshot:
    """The copy of the graph before the test's writes."""
    made = cache.wait(timeout=60)
    assert made is not None
    return made


def follow(cache: SnapshotCache, before: Snapshot) -> Snapshot:
    after = cache.wait(timeout=60)
    assert after is not None and after is not before
    return after


def upload_and_unload(
    base: Any, schema: Schema, bundled_dir: Path, cache: SnapshotCache, before: Snapshot
) -> Snapshot:
    """The copy after one dossier is uploaded and another unloaded."""
    load_paths(base, schema, [bundled_dir / ADDED])
    unload(base, schema, TAKEN_ID)
    return follow(cache, before)


def test_after_an_upload_every_answer_is_the_engines(
    base: Any, schema: Schema, bundled_dir: Path, cache: SnapshotCache, before: Snapshot
) -> None:
    load_paths(base, schema, [bundled_dir / ADDED])
    after = follow(cache, before)
    assert answers(base, schema, after) == answers(base, schema, None)


def test_an_upload_is_followed_not_read_anew(
    base: Any, schema: Schema, bundled_dir: Path, cache: SnapshotCache, before: Snapshot
) -> None:
    load_paths(base, schema, [bundled_dir / ADDED])
    # A followed copy appends to the texts of the copy before it; a new one has its own.
    assert follow(cache, before).node_text is before.node_text


def test_after_an_unload_every_answer_is_the_engines(
    base: Any, schema: Schema, cache: SnapshotCache, before: Snapshot
) -> None:
    unload(base, schema, TAKEN_ID)
    after = follow(cache, before)
    assert (after.node_text is before.node_text, answers(base, schema, after)) == (
        True,
        answers(base, schema, None),
    )


def test_after_an_unload_the_copy_holds_what_a_new_copy_holds(
    base: Any, schema: Schema, cache: SnapshotCache, before: Snapshot
) -> None:
    unload(base, schema, TAKEN_ID)
    after = follow(cache, before)
    fresh = build_snapshot(base, base.generation())
    assert (after.node_count, after.relationships, sorted(after.node_ids())) == (
        fresh.node_count,
        fresh.relationships,
        sorted(fresh.node_ids()),
    )


def test_the_copy_before_a_write_still_answers_as_before(
    base: Any, schema: Schema, bundled_dir: Path, cache: SnapshotCache, before: Snapshot
) -> None:
    then = answers(base, schema, before)
    load_paths(base, schema, [bundled_dir / ADDED])
    unload(base, schema, TAKEN_ID)
    follow(cache, before)
    assert answers(base, schema, before, sorted(then)) == then


def test_an_upload_then_an_unload_are_followed_together(
    base: Any, schema: Schema, bundled_dir: Path, cache: SnapshotCache, before: Snapshot
) -> None:
    after = upload_and_unload(base, schema, bundled_dir, cache, before)
    assert (after.node_text is before.node_text, answers(base, schema, after)) == (
        True,
        answers(base, schema, None),
    )


def test_after_writes_nodes_new_and_old_are_ranked_in_id_order(
    base: Any, schema: Schema, bundled_dir: Path, cache: SnapshotCache, before: Snapshot
) -> None:
    after = upload_and_unload(base, schema, bundled_dir, cache, before)
    assert (len(after.ids) > len(before.ids), ranked_out_of_order(after)) == (True, [])


def test_after_writes_the_entries_stay_sorted_for_look_ups(
    base: Any,
    schema: Schema,
    bundled_dir: Path,
    cache: SnapshotCache,
    before: Snapshot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    after = upload_and_unload(base, schema, bundled_dir, cache, before)
    look_up_every_node(monkeypatch)
    assert (entries_out_of_order(after), answers(base, schema, after)) == ([], answers(base, schema, None))


def test_a_write_this_process_did_not_record_is_read_anew(
    base: Any, schema: Schema, cache: SnapshotCache, before: Snapshot
) -> None:
    base.write("MATCH (n:Entity {id: 'group:sparks'}) SET n.note = 'written by hand'")
    after = follow(cache, before)
    shown = after.nodes(["group:sparks"])["group:sparks"]
    assert (after.node_text is before.node_text, shown["properties"]["note"], shown) == (
        False,
        "written by hand",
        nodes_by_id(base, ["group:sparks"])["group:sparks"],
    )


# -- the journal alone -------------------------------------------------------------------


def changes(*node_ids: str, deleted: tuple[str, ...] = ()) -> Changes:
    edge = EdgeRow("LOCATED_IN", "r1", "server:a", "Server", "country:FR", "Country", {})
    return Changes(
        "a test write",
        create_nodes=[NodeRow("Group", i, {}) for i in node_ids],
        delete_nodes=[NodeRow("Group", i, {}) for i in deleted],
        create_edges=[edge],
    )


def test_the_journal_joins_what_consecutive_writes_touched() -> None:
    journal = WriteJournal()
    journal.record(5, changes("group:a"))
    journal.record(6, changes("group:b", deleted=("group:c",)))
    touched = journal.since(4, 6)
    assert (touched is not None, touched and sorted(touched.nodes), touched and sorted(touched.cut)) == (
        True,
        ["group:a", "group:b", "group:c"],
        ["group:c"],
    )


def test_the_journal_names_relationships_by_ends_type_and_id() -> None:
    journal = WriteJournal()
    journal.record(1, changes("group:a"))
    touched = journal.since(0, 1)
    assert touched is not None and touched.edges == {("server:a", "country:FR", "LOCATED_IN", "r1")}


def test_a_generation_not_recorded_is_a_gap() -> None:
    journal = WriteJournal()
    journal.record(5, changes("group:a"))
    journal.record(7, changes("group:b"))
    assert journal.since(4, 7) is None


def test_a_write_of_unknown_changes_is_a_gap() -> None:
    journal = WriteJournal()
    journal.record(5, None)
    assert journal.since(4, 5) is None


def test_a_write_too_large_to_follow_is_a_gap() -> None:
    journal = WriteJournal()
    journal.record(5, changes(*(f"group:{i}" for i in range(MAX_TOUCHED + 1))))
    assert journal.since(4, 5) is None


def test_a_generation_behind_the_copy_is_a_gap() -> None:
    journal = WriteJournal()
    journal.record(5, changes("group:a"))
    assert journal.since(6, 5) is None


def test_the_journal_keeps_the_latest_writes() -> None:
    journal = WriteJournal(keep=2)
    for generation in (1, 2, 3):
        journal.record(generation, changes(f"group:{generation}"))
    assert (journal.since(0, 3), journal.since(1, 3) is not None) == (None, True)


# -- through the API -------------------------------------------------------------------------

KEYS = {"writer": ("pg_writer_follow_0123456789", "writer", False)}
WRITER = {"Authorization": f"Bearer {KEYS['writer'][0]}"}


@pytest.fixture
def server(base: Any, engine: EmbeddedEngine, tmp_path: Path) -> Iterator[TestClient]:
    """The API over the base graph, its copy of the graph made before the test's requests."""
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(base),
        load_bundled_on_start=False,
        api_keys_file=write_keys(tmp_path / "keys.yaml", KEYS),
    )
    with TestClient(create_app(settings, store=base)) as client:
        assert client.app.state.snapshots.wait(timeout=60) is not None  # type: ignore[attr-defined]
        yield client


def neighbours(client: TestClient, entity_id: str) -> dict[str, Any]:
    answer: dict[str, Any] = client.get(
        f"/entities/{entity_id}/neighbours", params={"limit": 1000}, headers=WRITER
    ).json()
    return {
        "nodes": sorted(node["id"] for node in answer["nodes"]),
        "edges": sorted(edge["id"] for edge in answer["edges"]),
        "sources": sorted(answer["sources"]),
    }


def test_an_uploaded_dossier_is_answered_from_memory_once_followed(
    server: TestClient, base: Any, schema: Schema, bundled_dir: Path
) -> None:
    uploaded = server.post("/dossiers", content=(bundled_dir / ADDED).read_bytes(), headers=WRITER)
    followed = server.app.state.snapshots.wait(timeout=60)  # type: ignore[attr-defined]
    engine_answer = json.loads(
        answers(base, schema, None, ["operation:2019-jetflicks"])["operation:2019-jetflicks"]
    )
    assert (uploaded.status_code, server.get("/health").json()["neighbourhoods"], followed is not None) == (
        201,
        "memory",
        True,
    )
    assert neighbours(server, "operation:2019-jetflicks") == {
        "nodes": sorted(node["id"] for node in engine_answer["nodes"]),
        "edges": sorted(edge["id"] for edge in engine_answer["edges"]),
        "sources": sorted(engine_answer["sources"]),
    }


def test_an_unloaded_dossier_is_gone_from_memory_once_followed(server: TestClient, base: Any) -> None:
    unloaded = server.delete(f"/dossiers/{TAKEN_ID}", headers=WRITER)
    followed = server.app.state.snapshots.wait(timeout=60)  # type: ignore[attr-defined]
    assert (unloaded.status_code, followed is not None, f"operation:{TAKEN_ID}" in followed) == (
        200,
        True,
        False,
    )
    assert server.get(f"/entities/operation:{TAKEN_ID}/neighbours", headers=WRITER).status_code == 404


def test_a_followed_copy_is_frozen_out_of_the_collector(
    base: Any, schema: Schema, bundled_dir: Path, cache: SnapshotCache, before: Snapshot
) -> None:
    """Else every full collection walks its objects again (graph/query/longlived.py)."""
    gc.unfreeze()
    load_paths(base, schema, [bundled_dir / ADDED])
    after = follow(cache, before)
    assert gc.get_freeze_count() >= len(after.label_sets)
