"""A load written in many chunks: its shared nodes ("hubs") are settled once, at the end.

Chunks are cut to one dossier each here, so that every node two dossiers name is a hub;
a real load cuts them at tens of thousands of rows (loaders/pipeline.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph.errors import EngineUnavailable, PiracyGraphError
from graph.model.plan import Changes, Plan, PlannedNode
from graph.model.schema import Schema
from graph.store.falkordb import FalkorDBStore
from graph.store.neo4j import Neo4jStore
from graph.store.stats import digest
from loaders import pipeline
from loaders.load import load_paths
from loaders.pipeline import Hubs, hubs_of, loaded_dossiers
from tests.test_statements import files, load_in_order, reference_digest  # noqa: F401 - a fixture

pytestmark = pytest.mark.both_engines

US = "country:US"


@pytest.fixture
def one_dossier_per_chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The digest of the bundled and conflicting dossiers written in one chunk
    (tests/test_statements.py); then chunks of one dossier each."""
    written_in_one_chunk: str = request.getfixturevalue("reference_digest")
    monkeypatch.setattr(pipeline, "CHUNK_ROWS", 1)
    monkeypatch.setattr(pipeline, "MAX_CHUNK_ROWS", 1)
    return written_in_one_chunk


def decisions(monkeypatch: pytest.MonkeyPatch) -> list[Changes]:
    """Every change the loader works out from here on (the writes happen as before)."""
    seen: list[Changes] = []
    real = pipeline.decide

    def spy(*args: Any, **kwargs: Any) -> tuple[Changes, pipeline.Overlay]:
        changes, after = real(*args, **kwargs)
        seen.append(changes)
        return changes, after

    monkeypatch.setattr(pipeline, "decide", spy)
    return seen


def fail_writes_of(dossier: str, store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the engine's write of any change that records `dossier` fail."""

    def refuse(changes: Changes) -> None:
        if dossier in changes.records:
            raise PiracyGraphError(f"the engine refused {dossier} (made to fail by the test)")

    if isinstance(store, FalkorDBStore):
        prepare = FalkorDBStore.prepare_changes

        def failing_prepare(self: FalkorDBStore, changes: Changes) -> Callable[[], None]:
            refuse(changes)
            return prepare(self, changes)

        monkeypatch.setattr(FalkorDBStore, "prepare_changes", failing_prepare)
    else:
        write_locked = Neo4jStore.write_locked

        def failing_write(self: Neo4jStore, work: Callable[[Any], Changes]) -> Changes:
            def checked(reader: Any) -> Changes:
                changes = work(reader)
                refuse(changes)
                return changes

            return write_locked(self, checked)

        monkeypatch.setattr(Neo4jStore, "write_locked", failing_write)


# -- which nodes are hubs (no engine) ---------------------------------------------------------


def plan_naming(dossier: str, *nodes: str) -> Plan:
    return Plan(dossiers=[dossier], nodes={n: PlannedNode("Country", n) for n in nodes})


def test_a_node_named_in_two_chunks_is_a_hub() -> None:
    batches = [[plan_naming("a", US, "country:FR")], [plan_naming("b", US, "country:DE")]]
    assert hubs_of(batches) == {US: "Country"}


def test_a_node_named_twice_in_one_chunk_is_not_a_hub() -> None:
    batches = [[plan_naming("a", US), plan_naming("b", US)], [plan_naming("c", "country:DE")]]
    assert hubs_of(batches) == {}


# -- the graph a chunked load gives -------------------------------------------------------------


def test_a_load_in_many_chunks_gives_the_graph_of_one(
    empty_store: Any, schema: Schema, bundled_dir: Path, one_dossier_per_chunk: str
) -> None:
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    assert digest(empty_store) == one_dossier_per_chunk


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_chunked_loads_in_any_order_and_split_give_the_same_graph(
    empty_store: Any, schema: Schema, bundled_dir: Path, one_dossier_per_chunk: str, seed: int
) -> None:
    load_in_order(empty_store, schema, files(bundled_dir), seed)
    assert digest(empty_store) == one_dossier_per_chunk


def test_a_hub_is_written_once_by_a_chunked_load(
    empty_store: Any,
    schema: Schema,
    bundled_dir: Path,
    one_dossier_per_chunk: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = decisions(monkeypatch)
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    writes = [c.what for c in seen for row in [*c.create_nodes, *c.update_nodes] if row.id == US]
    assert len(writes) == 2  # created by the first dossier naming it, settled by the last write


def test_a_chunked_load_seals_every_record(
    empty_store: Any, schema: Schema, bundled_dir: Path, one_dossier_per_chunk: str
) -> None:
    results = load_paths(empty_store, schema, files(bundled_dir), workers=0)
    records = loaded_dossiers(empty_store, [r.dossier for r in results])
    assert sorted(d for d, r in records.items() if not r.fingerprint or not r.file_sha256) == []


def test_loading_a_chunked_folder_again_writes_nothing(
    empty_store: Any, schema: Schema, bundled_dir: Path, one_dossier_per_chunk: str
) -> None:
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    before = empty_store.generation()
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    assert empty_store.generation() == before


# -- a chunked load cut off -----------------------------------------------------------------------


def cut_off_settling_after(writes: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine goes away after `writes` of the writes that settle the hubs."""
    settling = Hubs.settling

    def lost(reader: Any) -> Changes:
        raise EngineUnavailable("the engine went away (made to by the test)")

    def cut(self: Hubs, schema: Schema) -> list[Callable[[Any], Changes]]:
        works = settling(self, schema)
        assert len(works) > writes  # the cut falls before the last write
        return [*works[:writes], lost]

    monkeypatch.setattr(Hubs, "settling", cut)


@pytest.fixture
def one_hub_per_settling_write(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "SETTLE_STATEMENTS", 1)


def test_hubs_settled_one_per_write_give_the_graph_of_one_write(
    empty_store: Any,
    schema: Schema,
    bundled_dir: Path,
    one_dossier_per_chunk: str,
    one_hub_per_settling_write: None,
) -> None:
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    assert digest(empty_store) == one_dossier_per_chunk


def test_hubs_are_settled_in_writes_of_bounded_size(
    empty_store: Any,
    schema: Schema,
    bundled_dir: Path,
    one_dossier_per_chunk: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "SETTLE_STATEMENTS", 40)
    seen = decisions(monkeypatch)
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    settling = [c for c in seen if "nodes shared by the chunks" in c.what]
    too_big = [
        c.what
        for c in settling
        if len(c.update_nodes) > 1 and sum(len(row.props["statements"]) for row in c.update_nodes) > 40
    ]
    assert len(settling) > 1
    assert too_big == []


@pytest.mark.parametrize("after", [0, 1])
def test_a_load_cut_off_before_its_last_settling_write_leaves_records_unsealed(
    empty_store: Any,
    schema: Schema,
    bundled_dir: Path,
    one_dossier_per_chunk: str,
    one_hub_per_settling_write: None,
    monkeypatch: pytest.MonkeyPatch,
    after: int,
) -> None:
    cut_off_settling_after(after, monkeypatch)
    with pytest.raises(EngineUnavailable):
        load_paths(empty_store, schema, files(bundled_dir), workers=0)
    records = loaded_dossiers(empty_store, [p.stem for p in files(bundled_dir)])
    assert [d for d, r in records.items() if r.fingerprint] == []


@pytest.mark.parametrize("after", [0, 1])
def test_loading_again_after_a_load_cut_off_gives_the_clean_graph(
    empty_store: Any,
    schema: Schema,
    bundled_dir: Path,
    one_dossier_per_chunk: str,
    one_hub_per_settling_write: None,
    monkeypatch: pytest.MonkeyPatch,
    after: int,
) -> None:
    with monkeypatch.context() as patch:
        cut_off_settling_after(after, patch)
        with pytest.raises(EngineUnavailable):
            load_paths(empty_store, schema, files(bundled_dir), workers=0)
    load_paths(empty_store, schema, files(bundled_dir), workers=0)
    assert digest(empty_store) == one_dossier_per_chunk


def test_a_write_of_seals_alone_is_written(empty_store: Any, schema: Schema, bundled_dir: Path) -> None:
    first = files(bundled_dir)[0]
    load_paths(empty_store, schema, [first], workers=0)
    empty_store.write_locked(lambda reader: Changes("seals only", seals={first.stem: ("f" * 64, "0" * 64)}))
    assert loaded_dossiers(empty_store, [first.stem])[first.stem].fingerprint == "f" * 64


def test_a_dossier_refused_mid_load_leaves_those_before_it_with_their_hub_statements(
    empty_store: Any,
    schema: Schema,
    bundled_dir: Path,
    one_dossier_per_chunk: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = files(bundled_dir)
    at_fault = 5
    load_paths(empty_store, schema, paths[:at_fault], workers=0)
    expected = digest(empty_store)
    empty_store.clear()
    empty_store.ensure_schema()
    fail_writes_of(paths[at_fault].stem, empty_store, monkeypatch)
    with pytest.raises(PiracyGraphError, match="made to fail by the test"):
        load_paths(empty_store, schema, paths, workers=0)
    assert digest(empty_store) == expected
