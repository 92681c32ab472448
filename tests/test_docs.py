"""The README's commands are the ones CI runs, and the docs cover what users see."""

from __future__ import annotations

import re
from pathlib import Path

from cli.main import app
from graph.model.schema import get_schema

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    assert len(quick_start_commands()) == 2


def test_ci_runs_the_readme_test_command_and_nothing_else() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = [
        line
        for line in script
        if line.strip() and not line.startswith("#") and not line.startswith(("set -", "cd "))
    ]
    assert steps == [quick_start_commands()[1]]


def test_readme_documents_every_cli_command() -> None:
    names = {command.name or command.callback.__name__ for command in app.registered_commands}
    assert {name for name in names if f"piracy-graph {name}" not in README} == set()


def test_every_label_has_a_style() -> None:
    assert {
        n for n, spec in get_schema().labels.items() if not {"color", "shape"} <= set(spec.style)
    } == set()
