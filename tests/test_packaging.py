"""A built wheel carries the schema, the Cypher catalogue and the bundled dossiers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json
from graph.resources import cypher_dir, schema_file
from loaders.resources import bundled_dossiers_dir
print(json.dumps({"schema": str(schema_file()), "cypher": str(cypher_dir()),
                  "bundled": str(bundled_dossiers_dir()),
                  "dossiers": len(list(bundled_dossiers_dir().glob("*.yaml")))}))
"""


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)], check=True
    )
    wheel = next(out.glob("piracy_graph-*.whl"))
    target = out / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
    )
    return target


def probe(target: Path, cwd: Path) -> dict[str, object]:
    # PYTHONPATH puts the installed wheel ahead of the source checkout; cwd is elsewhere.
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target)},
    )
    return dict(json.loads(result.stdout))


def test_schema_is_read_from_the_installed_package(installed_wheel: Path, tmp_path: Path) -> None:
    assert str(probe(installed_wheel, tmp_path)["schema"]).startswith(str(installed_wheel))


def test_cypher_is_read_from_the_installed_package(installed_wheel: Path, tmp_path: Path) -> None:
    assert str(probe(installed_wheel, tmp_path)["cypher"]).startswith(str(installed_wheel))


def test_bundled_dossiers_ship_in_the_wheel(installed_wheel: Path, tmp_path: Path) -> None:
    found = probe(installed_wheel, tmp_path)
    assert (str(found["bundled"]).startswith(str(installed_wheel)), found["dossiers"]) == (
        True,
        len(list((ROOT / "data" / "operations").glob("*.yaml"))),
    )


def test_the_installed_command_validates_the_bundled_dossiers(installed_wheel: Path, tmp_path: Path) -> None:
    bundled = installed_wheel / "loaders" / "bundled_operations"
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "validate", str(bundled)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(installed_wheel)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
