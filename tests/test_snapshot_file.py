"""The snapshot kept on disk between runs (graph/query/snapshot_file.py): read back, it
answers as the copy it was; it is never used for another generation or another graph; a
damaged file is ignored; a restarted server reads it instead of the whole graph."""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.model.schema import Schema
from graph.query.snapshot import Snapshot, build_snapshot
from graph.query.snapshot_file import load, save
from graph.settings import Settings
from graph.store.stats import counts
from loaders.pipeline import unload
from tests.clients import graph_name_of
from tests.neighbourhood_answers import answers

pytestmark = pytest.mark.both_engines


def entities(store: Any) -> int:
    total = counts(store)
    return sum(total["nodes"].values()) + sum(total["relationships"].values())


@pytest.fixture(scope="module")
def snapshot(bundled_store: Any) -> Snapshot:
    return build_snapshot(bundled_store, bundled_store.generation())


def test_a_saved_copy_reads_back_with_the_same_answers(
    bundled_store: Any, schema: Schema, snapshot: Snapshot, tmp_path: Path
) -> None:
    save(snapshot, tmp_path / "copy.npz", entities(bundled_store))
    again = load(tmp_path / "copy.npz", snapshot.generation, entities(bundled_store))
    assert again is not None and answers(bundled_store, schema, again) == answers(
        bundled_store, schema, snapshot
    )


def test_a_saved_copy_reads_back_with_the_same_counts(
    bundled_store: Any, snapshot: Snapshot, tmp_path: Path
) -> None:
    save(snapshot, tmp_path / "copy.npz", entities(bundled_store))
    again = load(tmp_path / "copy.npz", snapshot.generation, entities(bundled_store))
    assert again is not None
    assert (again.node_count, again.relationships, again.types) == (
        snapshot.node_count,
        snapshot.relationships,
        snapshot.types,
    )


def test_a_copy_of_another_generation_is_not_used(
    bundled_store: Any, snapshot: Snapshot, tmp_path: Path
) -> None:
    save(snapshot, tmp_path / "copy.npz", entities(bundled_store))
    assert load(tmp_path / "copy.npz", snapshot.generation + 1, entities(bundled_store)) is None


def test_a_copy_of_a_graph_of_other_counts_is_not_used(
    bundled_store: Any, snapshot: Snapshot, tmp_path: Path
) -> None:
    save(snapshot, tmp_path / "copy.npz", entities(bundled_store))
    assert load(tmp_path / "copy.npz", snapshot.generation, entities(bundled_store) + 1) is None


def test_a_damaged_copy_is_ignored(bundled_store: Any, snapshot: Snapshot, tmp_path: Path) -> None:
    path = tmp_path / "copy.npz"
    save(snapshot, path, entities(bundled_store))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert load(path, snapshot.generation, entities(bundled_store)) is None


def test_no_copy_is_no_copy(tmp_path: Path) -> None:
    assert load(tmp_path / "none.npz", 1, 1) is None


def test_a_followed_copy_keeps_its_removed_nodes_removed(
    empty_store: Any, schema: Schema, bundled_dir: Path, tmp_path: Path
) -> None:
    from graph.query.snapshot_cache import SnapshotCache
    from loaders.load import load_paths

    load_paths(empty_store, schema, [bundled_dir / "2020-sparks.yaml", bundled_dir / "2019-jetflicks.yaml"])
    cache = SnapshotCache(empty_store, max_entities=1_000_000)
    assert cache.wait(timeout=60) is not None
    unload(empty_store, schema, "2019-jetflicks")
    followed = cache.wait(timeout=60)
    assert followed is not None
    save(followed, tmp_path / "copy.npz", entities(empty_store))
    again = load(tmp_path / "copy.npz", followed.generation, entities(empty_store))
    assert again is not None and sorted(again.node_ids()) == sorted(
        row["id"] for row in empty_store.read("MATCH (n:Entity) RETURN n.id AS id")
    )


def test_a_restarted_server_reads_its_copy_from_the_file(
    bundled_store: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        graph_name=graph_name_of(bundled_store),
        load_bundled_on_start=False,
        snapshot_file=True,
    )
    with TestClient(create_app(settings, store=bundled_store)) as first:
        assert first.app.state.snapshots.wait(timeout=60) is not None  # type: ignore[attr-defined]
    caplog.set_level(logging.INFO, logger="graph.query.snapshot_cache")
    with TestClient(create_app(settings, store=bundled_store)) as second:
        assert second.app.state.snapshots.wait(timeout=60) is not None  # type: ignore[attr-defined]
        health = second.get("/health").json()
    read = [r.getMessage() for r in caplog.records if "read from" in r.getMessage()]
    assert (len(read), health["neighbourhoods"]) == (1, "memory")


def test_health_says_nothing_is_warming_once_ready(bundled_store: Any, tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path, graph_name=graph_name_of(bundled_store), load_bundled_on_start=False
    )
    with TestClient(create_app(settings, store=bundled_store)) as client:
        client.app.state.snapshots.wait(timeout=60)  # type: ignore[attr-defined]
        client.app.state.snapshots.finish(timeout=60)  # type: ignore[attr-defined]
        health = client.get("/health").json()
    assert (health["neighbourhoods"], health["warming"]) == ("memory", [])


def test_a_copy_read_from_its_file_is_frozen_out_of_the_collector(
    bundled_store: Any, snapshot: Snapshot, tmp_path: Path
) -> None:
    """Else every full collection walks its objects again (graph/query/longlived.py)."""
    save(snapshot, tmp_path / "copy.npz", entities(bundled_store))
    gc.unfreeze()
    again = load(tmp_path / "copy.npz", snapshot.generation, entities(bundled_store))
    assert (again is not None, gc.get_freeze_count() >= len(again.label_sets)) == (True, True)
