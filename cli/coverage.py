"""`piracy-graph coverage`: what the graph covers, as a table for readers (docs/coverage.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli.interop import DataDir, GraphName, _fail, _open
from graph.errors import PiracyGraphError
from graph.query.coverage import coverage as coverage_of
from graph.query.coverage import coverage_markdown
from loaders.load import load_bundled_if_empty

console = Console(stderr=True, soft_wrap=True)


def coverage(
    data_dir: DataDir = None,
    graph: GraphName = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of Markdown")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write to this file")] = None,
) -> None:
    """Operations per year, lead country and kind of target; sources per operation and how
    many are official; the operations with only press sources. A new, empty graph gets the
    bundled dossiers first, as `serve` does."""
    try:
        store = _open(data_dir, graph)
    except PiracyGraphError as exc:
        _fail(exc)
        return
    try:
        load_bundled_if_empty(store)
        report = coverage_of(store)
    except PiracyGraphError as exc:
        _fail(exc)
        return
    finally:
        store.close()
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n" if as_json else coverage_markdown(report)
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    console.print(f"wrote {output}: {report['operations']} operations", highlight=False)
