"""Parsing dossiers in worker processes gives what parsing them in the loader gives."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from graph.errors import DossierError
from graph.model.schema import Schema
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import digest
from loaders import parse_pool
from loaders.load import load_paths
from loaders.parse_pool import Parsed, parsed_files
from tests.conftest import new_store
from tests.dossiers import MINIMAL


@pytest.fixture
def pool_for_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers even for the few kilobytes of a test folder (the pool's threshold is 4 MiB)."""
    monkeypatch.setattr(parse_pool, "POOL_MIN_BYTES", 0)
    monkeypatch.setattr(parse_pool, "FILES_PER_TASK", 2)  # several tasks per worker


@pytest.fixture
def folder(tmp_path: Path, bundled_dir: Path) -> Path:
    """The bundled dossiers, then a malformed file and a hostile one among them."""
    for path in sorted(bundled_dir.glob("*.yaml")):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "2015-broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    hostile = MINIMAL.replace("id: 2099-test-op", "id: 2099-hostile-op").replace(
        "name: Example IPTV", "name: Example <script>IPTV</script>"
    )
    (tmp_path / "2016-hostile.yaml").write_text(hostile, encoding="utf-8")
    return tmp_path


def files_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def answers(parsed: Iterator[Parsed]) -> list[tuple[Path, object, list[tuple[str, str]] | None]]:
    return [(p.path, p.document, p.problems) for p in parsed]


@pytest.mark.usefixtures("pool_for_any_size")
def test_workers_give_every_document_in_file_order(folder: Path) -> None:
    files = files_in(folder)
    assert answers(parsed_files(files, workers=2)) == answers(parsed_files(files, workers=0))


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_malformed_file_gets_the_same_message_from_a_worker(folder: Path) -> None:
    broken = next(p for p in parsed_files(files_in(folder), workers=2) if p.path.name == "2015-broken.yaml")
    assert broken.problems == next(parsed_files([folder / "2015-broken.yaml"], workers=0)).problems


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_malformed_file_from_a_worker_raises_its_dossier_error(folder: Path) -> None:
    broken = next(p for p in parsed_files(files_in(folder), workers=2) if p.path.name == "2015-broken.yaml")
    with pytest.raises(DossierError) as raised:
        broken.get()
    where = folder / "2015-broken.yaml"
    assert str(raised.value) == f"{where}: line 2, column 1: malformed YAML: did not find expected ',' or ']'"


@pytest.mark.usefixtures("pool_for_any_size")
def test_workers_screen_exactly_the_clean_files(folder: Path) -> None:
    unscreened = {p.path.name for p in parsed_files(files_in(folder), workers=2) if not p.screened}
    assert unscreened == {"2015-broken.yaml", "2016-hostile.yaml"}


def test_parsing_in_process_leaves_the_screening_to_the_dossier_check(folder: Path) -> None:
    assert not any(p.screened for p in parsed_files(files_in(folder), workers=0))


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_missing_file_raises_as_it_would_without_workers(folder: Path) -> None:
    files = [*files_in(folder), folder / "2099-vanished.yaml"]
    with pytest.raises(FileNotFoundError):
        list(parsed_files(files, workers=2))


@pytest.mark.usefixtures("pool_for_any_size")
def test_files_left_by_a_killed_worker_are_parsed_in_process(folder: Path) -> None:
    files = files_in(folder)
    parsed = parsed_files(files, workers=2)
    first = next(parsed)
    workers = [c for c in psutil.Process().children() if "loaders.parse_pool" in " ".join(c.cmdline())]
    for worker in workers:
        worker.kill()
    rest = answers(parsed)
    assert len(workers) == 2
    assert answers(iter([first])) + rest == answers(parsed_files(files, workers=0))


@pytest.mark.usefixtures("pool_for_any_size")
def test_workers_end_with_the_parse(folder: Path) -> None:
    list(parsed_files(files_in(folder), workers=2))
    assert [c for c in psutil.Process().children() if "loaders.parse_pool" in " ".join(c.cmdline())] == []


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_hostile_file_parsed_by_a_worker_still_stops_the_load(
    empty_store: FalkorDBStore, schema: Schema, folder: Path
) -> None:
    (folder / "2015-broken.yaml").unlink()
    before = digest(empty_store)
    with pytest.raises(DossierError) as raised:
        load_paths(empty_store, schema, [folder], workers=2)
    assert str(raised.value) == (
        f"{folder / '2016-hostile.yaml'}: entities.net.name: "
        "line 16, column 5: looks like HTML markup or script; dossier values are plain text"
    )
    assert digest(empty_store) == before


@pytest.mark.usefixtures("pool_for_any_size")
def test_a_load_with_workers_is_the_load_without(
    engine: EmbeddedEngine, schema: Schema, bundled_dir: Path
) -> None:
    with_workers, without = new_store(engine, schema), new_store(engine, schema)
    try:
        load_paths(with_workers, schema, [bundled_dir], workers=2)
        load_paths(without, schema, [bundled_dir], workers=0)
        assert digest(with_workers) == digest(without)
    finally:
        with_workers.clear()
        without.clear()
