"""tools/neo4j: a real Neo4j on a free loopback port, gone when its parent is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from graph.model.schema import Schema
from graph.store.neo4j import Neo4jStore
from tests.neo4j_server import Neo4jServer

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parent.parent

PARENT = """
import time
from tests.neo4j_server import start_neo4j
server = start_neo4j(heap="512m", pagecache_mb=64)
print(server.process.pid, server.uri, flush=True)
time.sleep(600)
"""


def test_the_server_is_neo4j_5_26_community_on_loopback(
    neo4j_scratch_server: Neo4jServer, schema: Schema
) -> None:
    store = Neo4jStore.connect(
        neo4j_scratch_server.uri, neo4j_scratch_server.user, neo4j_scratch_server.password, None, schema
    )
    try:
        assert (neo4j_scratch_server.uri.startswith("bolt://127.0.0.1:"), store.version()) == (
            True,
            "5.26.30 community",
        )
    finally:
        store.close()


def test_the_launcher_stops_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    pid, uri = parent.stdout.readline().split()
    launcher = psutil.Process(int(pid))
    parent.kill()
    parent.wait()
    try:
        launcher.wait(timeout=90)
        stopped_by_itself = True
    except psutil.TimeoutExpired:
        stopped_by_itself = False
        launcher.kill()  # leave nothing behind, but fail
    assert (uri.startswith("bolt://127.0.0.1:"), stopped_by_itself) == (True, True)
