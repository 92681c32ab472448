"""What the API does on its event loop: the write generation is read there, without a
thread hop, and small neighbourhoods are answered there from the in-process copy; nothing
that waits on the engine runs there."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient

import api.routes.entities
from api.app import create_app
from graph.model.ids import fold
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.base import GenerationReader, ThreadedGeneration
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.neo4j import Neo4jStore
from loaders.load import load_paths
from tests.clients import bundled_client, graph_name_of

SPARKS = "group:sparks"  # 11 relationships (tests/test_api_neighbours.py)


def read_once(reader: GenerationReader) -> int:
    async def read_and_close() -> int:
        try:
            return await reader.read()
        finally:
            await reader.aclose()

    return asyncio.run(read_and_close())


@pytest.fixture
def no_thread_hops(monkeypatch: pytest.MonkeyPatch) -> None:
    async def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("a hand-off to a worker thread")

    monkeypatch.setattr(anyio.to_thread, "run_sync", refuse)


# --- the store's reader -----------------------------------------------------------------


def test_the_loop_reads_the_generation_the_store_reads(empty_store: FalkorDBStore) -> None:
    assert empty_store.generation() > 0  # the schema's indexes were written
    assert read_once(empty_store.generation_reader()) == empty_store.generation()


def test_falkordb_reads_the_generation_on_the_loop_itself(
    empty_store: FalkorDBStore, no_thread_hops: None
) -> None:
    assert read_once(empty_store.generation_reader()) == empty_store.generation()


def test_the_loop_reads_a_write_at_once(
    empty_store: FalkorDBStore, schema: Schema, bundled_dir: Path
) -> None:
    async def around_a_write() -> tuple[int, int]:
        reader = empty_store.generation_reader()
        try:
            before = await reader.read()
            load_paths(empty_store, schema, [bundled_dir / "2020-sparks.yaml"])
            return before, await reader.read()
        finally:
            await reader.aclose()

    before, after = asyncio.run(around_a_write())
    assert (after > before, after) == (True, empty_store.generation())


@pytest.mark.parametrize("scheme", ["redis", "falkor"])
def test_a_store_opened_by_url_reads_on_the_loop_too(
    engine: EmbeddedEngine, empty_store: FalkorDBStore, schema: Schema, scheme: str, no_thread_hops: None
) -> None:
    endpoint = engine.endpoint
    assert endpoint is not None
    url = f"{scheme}://:{endpoint.password}@{endpoint.host}:{endpoint.port}"
    remote = FalkorDBStore.from_url(url, empty_store.graph_name, schema)
    try:
        assert read_once(remote.generation_reader()) == empty_store.generation()
    finally:
        remote.close()


def test_a_store_that_cannot_say_where_its_engine_is_reads_in_a_thread(
    empty_store: FalkorDBStore, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A client made elsewhere (no URL, no embedded engine): the store's own read, in a worker.
    store = FalkorDBStore(empty_store.client, empty_store.graph_name, schema)
    hops: list[int] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func: Callable[[], Any]) -> Any:
        hops.append(1)
        return await run_sync(func)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    assert (read_once(store.generation_reader()), hops) == (empty_store.generation(), [1])


def test_a_reader_used_on_a_second_loop_reads_there_in_a_thread(empty_store: FalkorDBStore) -> None:
    # Its connections belong to the first loop; used on another they would fail.
    first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
    reader = empty_store.generation_reader()
    try:
        found = [first.run_until_complete(reader.read()), second.run_until_complete(reader.read())]
        assert found == [empty_store.generation()] * 2
    finally:
        first.run_until_complete(reader.aclose())
        first.close()
        second.close()


def test_the_reader_follows_its_store_to_a_restarted_engine(tmp_path: Path, schema: Schema) -> None:
    store = FalkorDBStore.embedded_at(EmbeddedEngine(tmp_path), "g", schema)
    store.ensure_schema()
    loop = asyncio.new_event_loop()
    reader = store.generation_reader()
    try:
        loop.run_until_complete(reader.read())
        assert store.embedded is not None and store.embedded.process is not None
        os.kill(store.embedded.process.pid, signal.SIGKILL)
        store.embedded.process.wait()
        assert store.recover()
        assert loop.run_until_complete(reader.read()) == store.generation()
    finally:
        loop.run_until_complete(reader.aclose())
        loop.close()
        store.close()


def test_the_threaded_reader_reads_in_a_worker_thread() -> None:
    threads: list[threading.Thread] = []

    def generation() -> int:
        threads.append(threading.current_thread())
        return 7

    assert (read_once(ThreadedGeneration(generation)), threads != [threading.main_thread()]) == (7, True)


def test_neo4j_reads_the_generation_in_a_worker_thread(
    schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Neo4jStore(driver=None, database=None, schema=schema)  # type: ignore[arg-type]
    threads: list[threading.Thread] = []

    def generation() -> int:
        threads.append(threading.current_thread())
        return 12

    monkeypatch.setattr(store, "generation", generation)
    assert (read_once(store.generation_reader()), len(threads)) == (12, 1)
    assert threads[0] is not threading.main_thread()


# --- the app ----------------------------------------------------------------------------


def counting(monkeypatch: pytest.MonkeyPatch, store: Any, name: str) -> list[int]:
    """Counts the calls of `store.<name>`, which still answers."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(store, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(store, name, counted)
    return calls


def test_a_request_reads_the_generation_on_the_loop(
    client: TestClient, bundled_store: FalkorDBStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counting(monkeypatch, bundled_store, "generation")
    assert client.get(f"/entities/{SPARKS}/neighbours").status_code == 200
    assert calls == []  # the app's reader asked the engine itself


def test_without_its_reader_the_app_reads_the_generation_in_the_thread_pool(
    client: TestClient, bundled_store: FalkorDBStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_reader = client.get(f"/entities/{SPARKS}/neighbours", params={"depth": 2}).json()
    monkeypatch.delattr(client.app.state, "generation_reader")  # type: ignore[attr-defined]
    calls = counting(monkeypatch, bundled_store, "generation")
    without = client.get(f"/entities/{SPARKS}/neighbours", params={"depth": 2}).json()
    assert (without, len(calls)) == (with_reader, 1)  # once per request, shared by both uses


def test_the_app_closes_its_reader_at_shutdown(bundled_store: FalkorDBStore, engine: EmbeddedEngine) -> None:
    closed: list[int] = []
    with bundled_client(bundled_store, engine, snapshot=False) as test_client:
        reader = test_client.app.state.generation_reader  # type: ignore[attr-defined]
        original = reader.aclose

        async def aclose() -> None:
            closed.append(1)
            await original()

        reader.aclose = aclose
        assert test_client.get(f"/entities/{SPARKS}/neighbours").status_code == 200
    assert closed == [1]


@pytest.fixture
def thread_hops(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the neighbours route's hand-offs to the thread pool."""
    hops: list[int] = []
    original = api.routes.entities.run_in_threadpool

    async def counted(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        hops.append(1)
        return await original(func, *args, **kwargs)

    monkeypatch.setattr(api.routes.entities, "run_in_threadpool", counted)
    return hops


def test_a_small_depth_1_neighbourhood_from_memory_is_answered_on_the_loop(
    client: TestClient, thread_hops: list[int]
) -> None:
    assert client.get(f"/entities/{SPARKS}/neighbours").status_code == 200
    assert thread_hops == []


def test_an_unknown_entity_answered_on_the_loop_is_404(client: TestClient, thread_hops: list[int]) -> None:
    response = client.get("/entities/group:no-such-group/neighbours")
    assert (response.status_code, response.json()["error"]["code"], thread_hops) == (404, "not_found", [])


def test_deeper_neighbourhoods_are_answered_in_the_thread_pool(
    client: TestClient, thread_hops: list[int]
) -> None:
    assert client.get(f"/entities/{SPARKS}/neighbours", params={"depth": 2}).status_code == 200
    assert thread_hops == [1]


def test_a_centre_with_many_relationships_is_answered_in_the_thread_pool(
    client: TestClient, thread_hops: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api.routes.entities, "INLINE_MAX_DEGREE", 10)
    assert client.get(f"/entities/{SPARKS}/neighbours").status_code == 200
    assert thread_hops == [1]


def test_neighbourhoods_from_the_engine_are_answered_in_the_thread_pool(
    bundled_store: FalkorDBStore, engine: EmbeddedEngine, thread_hops: list[int]
) -> None:
    with bundled_client(bundled_store, engine, snapshot=False) as engine_client:
        assert engine_client.get(f"/entities/{SPARKS}/neighbours").status_code == 200
    assert thread_hops == [1]


@pytest.fixture
def sparks_app(
    empty_store: FalkorDBStore, schema: Schema, bundled_dir: Path, tmp_path: Path
) -> Iterator[TestClient]:
    """Only the Sparks dossier, neighbourhoods from memory; the test may write."""
    load_paths(empty_store, schema, [bundled_dir / "2020-sparks.yaml"])
    settings = Settings(data_dir=tmp_path, graph_name=graph_name_of(empty_store), load_bundled_on_start=False)
    with TestClient(create_app(settings, store=empty_store)) as test_client:
        assert test_client.app.state.snapshots.wait(timeout=60) is not None  # type: ignore[attr-defined]
        yield test_client


def test_a_request_right_after_a_write_sees_the_write(
    sparks_app: TestClient, empty_store: FalkorDBStore, schema: Schema, bundled_dir: Path
) -> None:
    jetflicks = "operation:2019-jetflicks"
    assert sparks_app.get(f"/entities/{jetflicks}/neighbours").status_code == 404
    load_paths(empty_store, schema, [bundled_dir / "2019-jetflicks.yaml"])
    response = sparks_app.get(f"/entities/{jetflicks}/neighbours")
    assert response.status_code == 200
    assert "group:jetflicks" in {node["id"] for node in response.json()["nodes"]}


def test_the_names_a_write_adds_are_withheld_at_once(
    sparks_app: TestClient, empty_store: FalkorDBStore, schema: Schema, bundled_dir: Path
) -> None:
    sparks_app.get(f"/entities/{SPARKS}/neighbours")  # the redactor of the Sparks-only graph
    load_paths(empty_store, schema, [bundled_dir / "2019-jetflicks.yaml"])
    named = [
        row["name"] for row in empty_store.read("MATCH (p:Person) WHERE p.named = true RETURN p.name AS name")
    ]
    response = sparks_app.get("/entities/group:jetflicks/neighbours", params={"depth": 2})
    people = [n for n in response.json()["nodes"] if "Person" in n["labels"] and n["properties"].get("named")]
    assert len(people) > 0
    assert {name for name in named if fold(name) in fold(response.text)} == set()
