"""Faults: the engine or the server killed mid-load; nothing half-written, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from api.app import create_app
from graph.errors import EngineUnavailable
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine, Endpoint
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import digest
from loaders.load import load_paths
from loaders.resources import bundled_dossiers_dir
from tests.browser import ROOT, free_port
from tests.keys import write_keys


@pytest.fixture(scope="module")
def clean_digest(engine: EmbeddedEngine, schema: Schema) -> str:
    """The digest of a clean load of the bundled dossiers."""
    store = FalkorDBStore.embedded_at(engine, "faults-clean", schema)
    store.ensure_schema()
    load_paths(store, schema, [bundled_dossiers_dir()])
    found = digest(store)
    store.clear()
    return found


@pytest.fixture
def own_engine(tmp_path: Path, schema: Schema) -> Iterator[FalkorDBStore]:
    store = FalkorDBStore.embedded_at(EmbeddedEngine(tmp_path), "g", schema)
    store.ensure_schema()
    yield store
    store.close()


def kill_engine_during_load(store: FalkorDBStore, schema: Schema, after_files: int) -> Exception | None:
    """Load the bundled folder, SIGKILL the engine once `after_files` dossiers are in."""
    assert store.embedded is not None and store.embedded.process is not None
    pid = store.embedded.process.pid
    done = 0

    def on_file(_: Path) -> None:
        nonlocal done
        done += 1
        if done == after_files:
            os.kill(pid, signal.SIGKILL)
            store.embedded.process.wait()  # type: ignore[union-attr]

    try:
        load_paths(store, schema, [bundled_dossiers_dir()], on_file=on_file)
    except EngineUnavailable as exc:
        return exc
    return None


def test_a_load_whose_engine_is_killed_carries_on_with_a_restarted_engine(
    own_engine: FalkorDBStore, schema: Schema
) -> None:
    assert kill_engine_during_load(own_engine, schema, after_files=3) is None


def test_a_load_whose_engine_is_killed_ends_equal_to_a_clean_load(
    own_engine: FalkorDBStore, schema: Schema, clean_digest: str
) -> None:
    kill_engine_during_load(own_engine, schema, after_files=7)
    assert digest(own_engine) == clean_digest


def test_the_api_answers_503_while_a_remote_engine_is_down(tmp_path: Path, schema: Schema) -> None:
    engine = EmbeddedEngine(tmp_path / "remote")
    endpoint = engine.start()
    store = FalkorDBStore.from_url(f"redis://:{endpoint.password}@127.0.0.1:{endpoint.port}", "g", schema)
    store.ensure_schema()
    engine.stop()  # nobody here can restart a remote engine
    settings = Settings(data_dir=tmp_path, graph_name="g", load_bundled_on_start=False)
    with TestClient(create_app(settings, store=store)) as client:
        assert client.get("/health").status_code == 503


def test_the_store_restarts_its_engine_after_a_kill(
    own_engine: FalkorDBStore, schema: Schema, tmp_path: Path
) -> None:
    assert own_engine.embedded is not None and own_engine.embedded.process is not None
    os.kill(own_engine.embedded.process.pid, signal.SIGKILL)
    own_engine.embedded.process.wait()
    settings = Settings(data_dir=tmp_path, graph_name="g", load_bundled_on_start=False)
    with TestClient(create_app(settings, store=own_engine)) as client:
        assert client.get("/health").status_code == 200  # the store restarted its engine


def test_rerunning_a_load_cut_by_an_engine_kill_equals_a_clean_load(
    own_engine: FalkorDBStore, schema: Schema, clean_digest: str
) -> None:
    kill_engine_during_load(own_engine, schema, after_files=5)
    own_engine.recover()
    load_paths(own_engine, schema, [bundled_dossiers_dir()])
    assert digest(own_engine) == clean_digest


def test_dossiers_written_before_a_kill_survive_it(own_engine: FalkorDBStore, schema: Schema) -> None:
    first_four = sorted(bundled_dossiers_dir().glob("*.yaml"))[:4]
    load_paths(own_engine, schema, first_four)
    assert own_engine.embedded is not None and own_engine.embedded.process is not None
    os.kill(own_engine.embedded.process.pid, signal.SIGKILL)
    own_engine.embedded.process.wait()
    own_engine.recover()
    rows = own_engine.read("MATCH (o:Operation) RETURN o.id AS id ORDER BY id")
    assert [r["id"] for r in rows] == [f"operation:{p.stem}" for p in first_four]


def test_a_read_from_a_hung_engine_is_answered_by_a_restarted_one(tmp_path: Path, schema: Schema) -> None:
    store = FalkorDBStore.embedded_at(EmbeddedEngine(tmp_path, answer_timeout=2.0), "g", schema)
    try:
        store.ensure_schema()
        first_four = sorted(bundled_dossiers_dir().glob("*.yaml"))[:4]
        load_paths(store, schema, first_four)
        assert store.embedded is not None and store.embedded.process is not None
        # A stopped process keeps its connections open and answers nothing, as a deadlocked
        # engine does.
        os.kill(store.embedded.process.pid, signal.SIGSTOP)
        rows = store.read("MATCH (o:Operation) RETURN o.id AS id ORDER BY id")
        assert [r["id"] for r in rows] == [f"operation:{p.stem}" for p in first_four]
    finally:
        store.close()


def test_a_hung_engine_is_killed_before_its_successor_starts(tmp_path: Path, schema: Schema) -> None:
    store = FalkorDBStore.embedded_at(EmbeddedEngine(tmp_path, answer_timeout=2.0), "g", schema)
    try:
        store.ensure_schema()
        assert store.embedded is not None and store.embedded.process is not None
        hung = store.embedded.process
        os.kill(hung.pid, signal.SIGSTOP)
        store.read("MATCH (n) RETURN count(n) AS n")
        assert hung.poll() == -signal.SIGKILL
    finally:
        store.close()


# -- the server killed in the middle of uploads --------------------------------------------

WRITER_KEY = "fault-writer-key-0123456789"


def serve(data_dir: Path, keys: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PIRACY_GRAPH_API_KEYS_FILE": str(keys),
        "PIRACY_GRAPH_LOAD_BUNDLED_ON_START": "false",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port), "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def upload(port: int, path: Path) -> int:
    import urllib.request

    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/dossiers?name={path.name}",
        data=path.read_bytes(),
        headers={"Authorization": f"Bearer {WRITER_KEY}", "Content-Type": "application/yaml"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except OSError:
        return 0


def wait_up(port: int) -> None:
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("server did not start")


def test_a_server_killed_during_uploads_then_restarted_reaches_the_clean_digest(
    tmp_path: Path, schema: Schema, clean_digest: str
) -> None:
    keys = write_keys(tmp_path / "keys.yaml", {"w": (WRITER_KEY, "writer", False)})
    data_dir = tmp_path / "data"
    files = sorted(bundled_dossiers_dir().glob("*.yaml"))
    port = free_port()
    server = serve(data_dir, keys, port)
    wait_up(port)
    statuses = []
    for index, path in enumerate(files):
        if index == 6:
            server.send_signal(signal.SIGKILL)  # mid-series; its engine dies with it
            server.wait()
            break
        statuses.append(upload(port, path))
    port = free_port()
    server = serve(data_dir, keys, port)
    try:
        wait_up(port)
        for path in files:
            upload(port, path)
        store = FalkorDBStore.embedded_at(EmbeddedEngine(data_dir), "piracy", schema)
        try:
            found = digest(store)
        finally:
            store.close()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert (statuses, found) == ([201] * 6, clean_digest)


def test_the_engine_state_file_is_json(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path)
    engine.start()
    try:
        assert set(json.loads((tmp_path / "engine.json").read_text())) == {"pid", "port", "owner_pid"}
    finally:
        engine.stop()


def _paused_engine(endpoint: Endpoint, milliseconds: int) -> None:
    """Every client of the engine waits this long for its next command's answer."""
    admin = redis.Redis(host=endpoint.host, port=endpoint.port, password=endpoint.password)
    admin.execute_command("CLIENT", "PAUSE", milliseconds, "ALL")
    admin.close()


def test_a_remote_engine_that_answers_after_5_s_still_answers(tmp_path: Path, schema: Schema) -> None:
    # redis-py 8 gives a client made from a URL a 5 s socket timeout; a chunk written at
    # 10^6 nodes or a whole-graph read can take longer, and the answer would be lost.
    engine = EmbeddedEngine(tmp_path / "remote")
    endpoint = engine.start()
    try:
        store = FalkorDBStore.from_url(f"redis://:{endpoint.password}@127.0.0.1:{endpoint.port}", "g", schema)
        store.write("CREATE (:Probe {name: 'answered'})")
        _paused_engine(endpoint, 5_500)
        assert store.read("MATCH (p:Probe) RETURN p.name AS name") == [{"name": "answered"}]
    finally:
        engine.stop()


def test_a_socket_timeout_in_the_url_is_kept(tmp_path: Path, schema: Schema) -> None:
    engine = EmbeddedEngine(tmp_path / "remote")
    endpoint = engine.start()
    try:
        url = f"redis://:{endpoint.password}@127.0.0.1:{endpoint.port}?socket_timeout=0.5"
        store = FalkorDBStore.from_url(url, "g", schema)
        _paused_engine(endpoint, 1_500)
        with pytest.raises(EngineUnavailable, match="does not answer"):
            store.read("RETURN 1 AS one")
    finally:
        engine.stop()
