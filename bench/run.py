"""All the benchmarks in one run: load, queries, API, views; `piracy-graph bench`.

Run: python -m bench.run [--quick] [--nodes 10000 100000 1000000]
--quick: 10^4 nodes only, short samples; finishes in under 3 minutes on 2 cores.
Results: one table per benchmark on stdout, JSON in bench/results/.
"""

from __future__ import annotations

import argparse
import sys

from bench import api, load, queries, views


def run(quick: bool, nodes: list[int] | None) -> int:
    scales = nodes or ([10_000] if quick else [10_000, 100_000])
    rows = []
    for scale in scales:
        rows += load.measure(scale, baseline_seconds=5.0 if quick else None)
    load.report(rows, "load-quick" if quick else "load")
    suffix = "-quick" if quick else ""  # a quick run never overwrites the full results
    queries.main(
        ["--nodes", *map(str, scales), "--runs", "20" if quick else "100", "--results", f"queries{suffix}"]
    )
    if quick:
        api_args = ["--nodes", str(scales[0]), "--runs", "30", "--clients", "1", "2", "4"]
    else:  # the overhead target is set at 10^5, so the full run measures every scale
        api_args = ["--nodes", *map(str, scales), "--runs", "200", "--clients", "1", "2", "4", "8"]
    api.main([*api_args, "--results", f"api{suffix}"])
    views.main(["--runs", "1" if quick else "3", "--results", f"views{suffix}"])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--nodes", type=int, nargs="+")
    args = parser.parse_args(argv)
    return run(args.quick, args.nodes)


if __name__ == "__main__":
    sys.exit(main())
