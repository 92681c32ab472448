"""scripts/test, the test command: a missing tool stops it before any test runs, with a
message that says what to install."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_with_only(tmp_path: Path, tools: list[str], fake: list[str]) -> subprocess.CompletedProcess[str]:
    """scripts/test with a PATH that holds `tools` (the machine's) and `fake` (empty
    scripts standing for installed programs), and nothing else."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in tools:
        found = shutil.which(tool)
        assert found is not None, tool
        (folder / tool).symlink_to(found)
    for name in fake:
        (folder / name).write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return subprocess.run(
        [str(folder / "bash"), str(ROOT / "scripts" / "test")],
        env={"PATH": str(folder)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_chromium_or_apt_get_it_says_to_install_chromium(tmp_path: Path) -> None:
    done = run_with_only(tmp_path, ["bash", "dirname"], [])
    assert (done.returncode, done.stderr) == (
        1,
        "scripts/test: Chromium is missing: install it (Debian: apt-get install chromium)\n",
    )


def test_without_npm_it_says_to_install_node_and_npm(tmp_path: Path) -> None:
    done = run_with_only(tmp_path, ["bash", "dirname"], ["chromium"])
    assert (done.returncode, done.stderr) == (
        1,
        "scripts/test: npm is missing: install Node.js 20 or newer with npm\n",
    )
