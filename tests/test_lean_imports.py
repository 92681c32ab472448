"""The API server loads only what serving needs: the Neo4j driver, pyvis, networkx, the
article extractor and igraph's drawing back-ends are imported by the code that uses them,
when it runs. Each test starts a fresh interpreter, since this one has imported
everything already."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

NOT_AT_START = [
    "IPython",
    "dateparser",
    "extraction.article",
    "matplotlib",
    "neo4j",
    "networkx",
    "plotly",
    "pyvis",
]


def modules_after(code: str) -> list[str]:
    """Which of NOT_AT_START a fresh interpreter holds after running `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {NOT_AT_START!r} if m in sys.modules]))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_api_app_imports_none_of_them() -> None:
    assert modules_after("import api.app") == []


def test_igraph_comes_without_its_drawing_back_ends() -> None:
    assert modules_after("from graph.igraph_lib import igraph\nigraph.Graph(n=2)") == []


def test_a_drawing_back_end_imports_as_usual_after_igraph() -> None:
    pytest.importorskip("matplotlib")
    assert modules_after("from graph.igraph_lib import igraph\nimport matplotlib") == ["matplotlib"]


def test_the_views_find_the_vis_network_files_without_importing_pyvis() -> None:
    probe = "from graph.render.network import VIS_DIR\nprint((VIS_DIR / 'vis-network.min.js').is_file())"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
