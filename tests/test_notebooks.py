"""The investigator's walkthrough (notebooks/) runs top to bottom against the embedded engine."""

from __future__ import annotations

import json
import os
import sys
import uuid
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
WALKTHROUGH = ROOT / "notebooks" / "walkthrough.ipynb"
KERNEL = "piracy-graph-test"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The notebook run in a fresh kernel, on a fresh data directory and graph name."""
    notebook = nbformat.read(WALKTHROUGH, as_version=4)
    work = tmp_path_factory.mktemp("notebook")
    # A kernel spec of our own: this interpreter, whatever `python3` kernels the machine has.
    spec = work / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"})
    )
    env = {
        "JUPYTER_PATH": str(work / "jupyter"),
        "PIRACY_GRAPH_DATA_DIR": str(work / "data"),
        "PIRACY_GRAPH_GRAPH_NAME": f"notebook-{uuid.uuid4().hex[:12]}",
    }
    others = ["PIRACY_GRAPH_FALKORDB_URL", "PIRACY_GRAPH_NEO4J_URI"]
    saved = {key: os.environ.get(key) for key in [*env, *others]}
    os.environ.update(env)
    for key in others:  # the embedded engine, whatever the caller uses
        os.environ.pop(key, None)
    try:
        # The kernel inherits this environment; a failing cell raises CellExecutionError.
        NotebookClient(
            notebook, timeout=300, kernel_name=KERNEL, resources={"metadata": {"path": str(ROOT)}}
        ).execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return notebook


def outputs(notebook: Any) -> list[dict[str, Any]]:
    return [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]


def text(notebook: Any) -> str:
    return "".join(out.get("text", "") for out in outputs(notebook) if out["output_type"] == "stream")


def test_the_walkthrough_is_stored_without_outputs() -> None:
    notebook = nbformat.read(WALKTHROUGH, as_version=4)
    kept = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code" and cell.outputs]
    assert kept == []


def test_the_walkthrough_runs_without_an_error_or_a_warning(executed: Any) -> None:
    problems = [
        out.get("text", out.get("ename", ""))
        for out in outputs(executed)
        if out["output_type"] == "error" or out.get("name") == "stderr"
    ]
    assert problems == []


def test_it_links_sparks_and_geckos_directly_and_through_the_operation(executed: Any) -> None:
    lines = [line for line in text(executed).splitlines() if line.startswith("Sparks -> ")]
    assert lines[:2] == ["Sparks -> Geckos", "Sparks -> Takedown of the Sparks Group -> Geckos"]


def test_it_lists_the_platforms_of_perfect_storm(executed: Any) -> None:
    lines = text(executed).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith('Operation "The Perfect Storm"'))
    assert [line.split()[0] for line in lines[start + 1 : start + 4]] == [
        "Cryptocurrencies",
        "PayPal",
        "Telegram",
    ]


def test_it_draws_the_timeline(executed: Any) -> None:
    images = [out for out in outputs(executed) if "image/png" in out.get("data", {})]
    assert len(images) == 1


def test_it_embeds_the_view_in_an_escaped_iframe(executed: Any) -> None:
    pages = [out["data"]["text/html"] for out in outputs(executed) if "text/html" in out.get("data", {})]
    assert [(p.startswith('<div><iframe srcdoc="&lt;!DOCTYPE html&gt;'), "<script" in p) for p in pages] == [
        (True, False)
    ]
