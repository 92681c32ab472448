"""`piracy-graph copy`: a graph moved to another store arrives identical (digest)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.copy import copy_graph
from graph.schema import Schema
from graph.stats import counts, digest
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore

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
