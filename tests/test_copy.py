"""`piracy-graph copy`: a graph moved to another store arrives identical (digest)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from graph.model.schema import Schema
from graph.store.copy import copy_graph
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import counts, digest
from loaders.load import load_paths
from loaders.resources import bundled_dossiers_dir
from tests.conftest import neo4j_store, new_store
from tests.neo4j_server import Neo4jServer

pytestmark = pytest.mark.both_engines


def test_copy_to_another_falkordb_graph_gives_the_same_digest(
    bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    result = copy_graph(bundled_store, empty_store, schema, batch=97)
    assert (result.identical, digest(empty_store)) == (True, digest(bundled_store))


def test_copy_counts_every_node_and_relationship(
    bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    result = copy_graph(bundled_store, empty_store, schema, batch=500)
    summary = counts(bundled_store)
    assert (result.nodes, result.relationships) == (
        sum(summary["nodes"].values()),
        sum(summary["relationships"].values()),
    )


def test_copying_twice_changes_nothing(
    bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    copy_graph(bundled_store, empty_store, schema, batch=500)
    first = digest(empty_store)
    copy_graph(bundled_store, empty_store, schema, batch=211)
    assert digest(empty_store) == first


def test_the_copy_answers_like_the_source(
    bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    copy_graph(bundled_store, empty_store, schema)
    query = (
        "MATCH (:Group {id: 'group:sparks'})-[:OPERATED]->(:Server)-[:LOCATED_IN]->(c:Country)"
        " RETURN c.code AS c"
    )
    assert sorted(r["c"] for r in empty_store.read(query)) == sorted(
        r["c"] for r in bundled_store.read(query)
    )


def test_the_copy_command_reports_identical_digests(
    engine: EmbeddedEngine, schema: Schema, tmp_path: Path
) -> None:
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cli.main",
            "load",
            str(root / "data" / "operations" / "2020-sparks.yaml"),
            "--data-dir",
            str(tmp_path),
        ],
        cwd=root,
        check=True,
        capture_output=True,
    )
    assert engine.endpoint is not None
    url = f"redis://:{engine.endpoint.password}@127.0.0.1:{engine.endpoint.port}"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cli.main",
            "copy",
            "--to",
            url,
            "--to-graph",
            "copied",
            "--data-dir",
            str(tmp_path),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = dict(line.rsplit(" ", 1) for line in result.stderr.splitlines() if " digest " in line)
    assert (result.returncode, lines["source digest"]) == (0, lines["target digest"])


# --- between the embedded FalkorDB and a live Neo4j ----------------------------------


@pytest.fixture(scope="module")
def falkordb_bundled(engine: EmbeddedEngine, schema: Schema) -> FalkorDBStore:
    store = new_store(engine, schema)
    load_paths(store, schema, [bundled_dossiers_dir()])
    return store


@pytest.mark.neo4j
def test_copy_to_a_live_neo4j_and_back_gives_the_same_digest(
    falkordb_bundled: FalkorDBStore,
    neo4j_scratch_server: Neo4jServer,
    engine: EmbeddedEngine,
    schema: Schema,
) -> None:
    target = neo4j_store(neo4j_scratch_server, schema)
    back = new_store(engine, schema)
    try:
        copy_graph(falkordb_bundled, target, schema, batch=300)
        copy_graph(target, back, schema, batch=300)
        assert (digest(target), digest(back)) == (digest(falkordb_bundled), digest(falkordb_bundled))
    finally:
        target.close()
        back.clear()


def _copy_command(args: list[str], env: dict[str, str]) -> dict[str, str]:
    """`piracy-graph copy ARGS`: its exit code and the two digests it printed."""
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "copy", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )
    lines = dict(line.rsplit(" ", 1) for line in result.stderr.splitlines() if " digest " in line)
    return {"returncode": str(result.returncode), **lines}


@pytest.mark.neo4j
def test_the_copy_command_to_a_live_neo4j_and_back_reports_identical_digests(
    neo4j_scratch_server: Neo4jServer, engine: EmbeddedEngine, schema: Schema, tmp_path: Path
) -> None:
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, "-m", "cli.main", "load", str(bundled_dossiers_dir()), "--data-dir", str(tmp_path)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    neo4j_store(neo4j_scratch_server, schema).close()  # cleared
    there = _copy_command(
        ["--to", neo4j_scratch_server.uri, "--data-dir", str(tmp_path)],
        {"PIRACY_GRAPH_COPY_PASSWORD": neo4j_scratch_server.password},
    )
    assert engine.endpoint is not None
    url = f"redis://:{engine.endpoint.password}@127.0.0.1:{engine.endpoint.port}"
    graph_back = f"back-{uuid.uuid4().hex[:8]}"
    back = _copy_command(
        ["--to", url, "--to-graph", graph_back],
        {
            "PIRACY_GRAPH_NEO4J_URI": neo4j_scratch_server.uri,
            "PIRACY_GRAPH_NEO4J_USER": neo4j_scratch_server.user,
            "PIRACY_GRAPH_NEO4J_PASSWORD": neo4j_scratch_server.password,
            "PIRACY_GRAPH_DATA_DIR": str(tmp_path / "unused"),
        },
    )
    assert (there["returncode"], there["target digest"], back["returncode"], back["target digest"]) == (
        "0",
        there["source digest"],
        "0",
        there["source digest"],
    )
