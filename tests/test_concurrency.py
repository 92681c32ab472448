"""Concurrent loads of overlapping dossiers: no duplicate entities, the same content."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from graph.model.schema import Schema
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from loaders.load import load_paths
from loaders.resources import bundled_dossiers_dir
from tests.dossiers import MINIMAL, SECOND

ROOT = Path(__file__).resolve().parent.parent

DUPLICATE_IDS = "MATCH (n:Entity) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id"
SHARED_NAMES = (
    "MATCH (a:Entity), (b:Entity) WHERE a.id < b.id AND labels(a) = labels(b)"
    " AND (a:Group OR a:Agency OR a:Platform OR a:Organization) AND a.name = b.name RETURN a.id, b.id"
)


def load_together(store: FalkorDBStore, schema: Schema, *folders: list[Path]) -> list[BaseException]:
    errors: list[BaseException] = []

    def run(paths: list[Path]) -> None:
        try:
            load_paths(store, schema, paths)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(paths,)) for paths in folders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_loads_of_the_same_folder_at_once_leave_no_duplicate_ids(
    empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_together(empty_store, schema, [bundled_dossiers_dir()], [bundled_dossiers_dir()])
    assert empty_store.read(DUPLICATE_IDS) == []


def test_two_loads_at_once_leave_no_two_entities_of_one_name(
    empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_together(empty_store, schema, [bundled_dossiers_dir()], [bundled_dossiers_dir()])
    assert empty_store.read(SHARED_NAMES) == []


def test_overlapping_dossiers_loaded_at_once_meet_on_one_agency(
    empty_store: FalkorDBStore, schema: Schema, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b" / "two.yaml").write_text(SECOND, encoding="utf-8")
    errors = load_together(empty_store, schema, [tmp_path / "a"], [tmp_path / "b"])
    rows = empty_store.read("MATCH (a:Agency) RETURN a.id AS id")
    assert (errors, rows) == ([], [{"id": "agency:guardia-di-finanza"}])


def test_two_processes_loading_one_data_directory_share_its_engine(tmp_path: Path, schema: Schema) -> None:
    command = [
        sys.executable,
        "-m",
        "cli.main",
        "load",
        str(bundled_dossiers_dir()),
        "--data-dir",
        str(tmp_path),
    ]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    second = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    codes = (first.wait(timeout=180), second.wait(timeout=180))
    assert first.stderr is not None and second.stderr is not None
    errors = first.stderr.read().decode()[-600:] + second.stderr.read().decode()[-600:]
    store = FalkorDBStore.embedded_at(EmbeddedEngine(tmp_path), "piracy", schema)
    try:
        duplicates = store.read(DUPLICATE_IDS)
    finally:
        store.close()
    assert (codes, duplicates) == ((0, 0), []), errors
