"""`piracy-graph render`: the same views written to files, HTML and SVG."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("render")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cli.main",
            "load",
            str(ROOT / "data" / "operations" / "2020-sparks.yaml"),
            "--data-dir",
            str(folder),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return folder


def render(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "render", *args, "--data-dir", str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_render_writes_a_page_with_vis_network_inlined(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "sparks.html"
    render(data_dir, "neighbours", "group:sparks", "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert ("vis-network" in page, "<script src=" in page, "<link " in page) == (True, False, False)


def test_render_page_names_the_entity(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "sparks.html"
    render(data_dir, "neighbours", "group:sparks", "-o", str(out))
    assert '<h1 id="title">Sparks</h1>' in out.read_text(encoding="utf-8")


def test_render_svg_is_well_formed_and_labels_every_node(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "sparks.svg"
    render(data_dir, "neighbours", "group:sparks", "-o", str(out))
    texts = [t.text for t in ET.parse(out).getroot().iter("{http://www.w3.org/2000/svg}text")]
    assert {"Sparks", "Geckos", "Drones", "Rovers", "Sprinter"} <= set(texts)


def test_render_paths_of_an_unknown_entity_fails_with_a_message(data_dir: Path, tmp_path: Path) -> None:
    result = render(data_dir, "paths", "group:sparks", "group:nobody", "-o", str(tmp_path / "p.html"))
    assert (result.returncode, "no entity 'group:nobody'" in result.stderr) == (2, True)
