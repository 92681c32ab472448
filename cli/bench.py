"""`piracy-graph bench`: the benchmark suite of bench/, from a source checkout."""

from __future__ import annotations

import importlib


def run_benchmarks(quick: bool, nodes: list[int] | None) -> int:
    """Run bench/run.py; the benchmarks and their generator live beside the sources, not
    in the wheel, so an installed package without them says so."""
    try:
        runner = importlib.import_module("bench.run")
    except ModuleNotFoundError as exc:
        raise SystemExit("the benchmarks run from a source checkout (bench/ is not installed)") from exc
    result: int = runner.run(quick, nodes)
    return result
