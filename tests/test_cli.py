"""The piracy-graph command: load, stats, validate, with clear errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.dossiers import MINIMAL

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    path = tmp_path / "minimal.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


def test_load_then_stats_reports_the_same_digest(tmp_path: Path, dossier: Path) -> None:
    loaded = run("load", str(dossier), "--data-dir", str(tmp_path / "data"))
    stats = json.loads(run("stats", "--json", "--data-dir", str(tmp_path / "data")).stdout)
    assert f"digest {stats['digest']}" in loaded.stderr


def test_stats_counts_nodes_by_label(tmp_path: Path, dossier: Path) -> None:
    run("load", str(dossier), "--data-dir", str(tmp_path / "data"))
    stats = json.loads(run("stats", "--json", "--data-dir", str(tmp_path / "data")).stdout)
    assert stats["nodes"] == {"Agency": 1, "Claim": 1, "Country": 2, "Group": 1, "Operation": 1, "Source": 1}


def test_load_of_a_broken_dossier_exits_non_zero_naming_file_and_field(tmp_path: Path, dossier: Path) -> None:
    dossier.write_text(MINIMAL.replace("type: TARGETED", "type: HUNTED"), encoding="utf-8")
    result = run("load", str(dossier), "--data-dir", str(tmp_path / "data"))
    assert (
        result.returncode,
        f"{dossier}: relationships[1].type: line 27, column 23: unknown relationship type" in result.stderr,
    ) == (2, True), result.stderr


def test_load_of_a_missing_path_exits_non_zero(tmp_path: Path) -> None:
    result = run("load", str(tmp_path / "nope.yaml"), "--data-dir", str(tmp_path / "data"))
    assert (result.returncode, "no such file or folder" in result.stderr) == (2, True)


def test_validate_accepts_the_bundled_dossiers() -> None:
    result = run("validate", str(ROOT / "data" / "operations"))
    assert result.returncode == 0, result.stderr


def test_graph_name_option_keeps_graphs_apart(tmp_path: Path, dossier: Path) -> None:
    run("load", str(dossier), "--data-dir", str(tmp_path / "data"), "--graph", "one")
    stats = json.loads(run("stats", "--json", "--data-dir", str(tmp_path / "data"), "--graph", "two").stdout)
    assert stats["nodes"] == {}
