"""`piracy-graph resolve`, and the near-miss names that `validate` and `load` report: what
resolution asks an analyst to judge (loaders/candidates.py, loaders/judgements.py)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console

from cli.interop import DataDir, GraphName, _fail, _open
from graph.errors import PiracyGraphError
from graph.model.schema import get_schema
from loaders.candidates import Candidate
from loaders.judgements import JUDGEMENTS_FILE

console = Console(stderr=True, soft_wrap=True)
SHOWN = 50  # candidates printed after a load or validation; `resolve` prints them all


def print_candidates(found: list[Candidate], *, heading: str, limit: int | None = SHOWN) -> None:
    """One line per pair: both ids and names, the score and the reason."""
    if not found:
        return
    console.print(f"{heading}: {len(found)} (never merged without a judgement)", highlight=False)
    for candidate in found[:limit] if limit else found:
        console.print(
            f"  {candidate.left} ({candidate.left_name}) ~ {candidate.right} ({candidate.right_name}): "
            f"{candidate.score:g}, {candidate.reason}",
            markup=False,
            highlight=False,
        )
    if limit and len(found) > limit:
        console.print(
            f"  ... and {len(found) - limit} more: `piracy-graph resolve` lists them all", highlight=False
        )
    console.print(f"  judge each pair same or different in {JUDGEMENTS_FILE}", highlight=False)


def resolve(
    data_dir: DataDir = None,
    graph: GraphName = None,
    as_json: Annotated[bool, typer.Option("--json", help="print a JSON list of pairs")] = False,
) -> None:
    """Pairs of nodes whose names closely resemble each other and that nobody has judged yet."""
    from loaders.review import graph_candidates

    try:
        store = _open(data_dir, graph)
    except PiracyGraphError as exc:
        _fail(exc)
        return
    try:
        found = graph_candidates(store, get_schema())
    except PiracyGraphError as exc:
        _fail(exc)
        return
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps([c.as_dict() for c in found], ensure_ascii=False, indent=2) + "\n")
        return
    if not found:
        console.print("no pair of names to judge", highlight=False)
    print_candidates(found, heading="pairs to judge", limit=None)
