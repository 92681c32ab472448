"""`piracy-graph serve` as a user runs it: a fresh data directory, the bundled data, a clean stop."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(port: int, timeout: float = 60.0) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                return dict(json.load(response))
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("the server did not answer")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Run the server once; report what /health said and whether the engine outlived it."""
    data_dir = tmp_path_factory.mktemp("serve")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port), "--data-dir", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        health = wait_for_health(port)
        engine_pid = json.loads((data_dir / "engine.json").read_text())["pid"]
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    return {"health": health, "engine_alive": Path(f"/proc/{engine_pid}").exists()}


def test_serve_loads_the_bundled_operations_on_first_start(served: dict[str, Any]) -> None:
    assert served["health"]["nodes"]["Operation"] == 49


def test_serve_stops_its_engine_on_exit(served: dict[str, Any]) -> None:
    assert served["engine_alive"] is False
