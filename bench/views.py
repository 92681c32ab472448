"""Views: time to build the HTML, its size, and time to interactive in headless Chromium.

Run: python -m bench.views [--sizes 100 1000 5000] [--runs 3]
Target (issue 4/6): a 5,000-node view is interactive in <= 2 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from bench.common import percentiles, table, write_results
from graph.model.schema import get_schema
from graph.render.network import render_page
from tests.browser import CHROMIUM_ARGS, chromium_path

LABELS = ["Group", "Server", "Country", "Agency", "Operation", "Platform", "Person", "Domain"]


def synthetic_answer(n: int, seed: int = 7) -> dict[str, Any]:
    """A connected answer of n nodes and about 2n relationships, every item with a source."""
    rng = random.Random(seed)
    nodes = [
        {
            "id": f"{label.lower()}:n{i}",
            "labels": [label],
            "name": f"{label} {i}",
            "properties": {"kind": "synthetic", "first_seen": "2020"},
            "sources": ["source:s1"],
        }
        for i, label in ((i, LABELS[i % len(LABELS)]) for i in range(n))
    ]
    edges = []
    for i in range(1, n):
        for j in {rng.randrange(i), rng.randrange(max(1, i // 2))}:
            edges.append(
                {
                    "id": f"e{i}-{j}",
                    "source": nodes[i]["id"],
                    "target": nodes[j]["id"],
                    "type": "RELATED_TO",
                    "properties": {},
                    "sources": ["source:s1"],
                }
            )
    sources = {
        "source:s1": {
            "name": "s",
            "url": "https://example.org/",
            "document": None,
            "publisher": "Example",
            "date": "2020-01-01",
            "language": "en",
        }
    }
    return {"nodes": nodes, "edges": edges, "sources": sources, "truncated": False}


def measure(sizes: list[int], runs: int) -> list[dict[str, Any]]:
    schema = get_schema()
    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for size in sizes:
            answer = synthetic_answer(size)
            build_ms, ready_ms = [], []
            html = ""
            for _ in range(runs):
                start = time.perf_counter()
                html = render_page(answer, schema, title=f"{size} nodes")
                build_ms.append((time.perf_counter() - start) * 1000)
            path = Path(folder) / f"view-{size}.html"
            path.write_text(html, encoding="utf-8")
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(path.as_uri())
                page.wait_for_function("() => window.piracyGraph && window.piracyGraph.ready", timeout=60_000)
                # From the start of navigation to the first drawn, clickable frame.
                ready_ms.append(page.evaluate("() => performance.now()"))
                page.close()
            rows.append(
                {
                    "nodes": size,
                    "edges": len(answer["edges"]),
                    "html_kb": len(html.encode()) / 1024,
                    "build_ms_p50": percentiles(build_ms)["p50"],
                    "interactive_ms_p50": percentiles(ready_ms)["p50"],
                    "interactive_ms_max": max(ready_ms),
                    "target_ms": 2000 if size >= 5000 else None,
                }
            )
        browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--results", default="views", help="name of the JSON file in bench/results/")
    args = parser.parse_args(argv)
    rows = measure(args.sizes, args.runs)
    columns = [
        "nodes",
        "edges",
        "html_kb",
        "build_ms_p50",
        "interactive_ms_p50",
        "interactive_ms_max",
        "target_ms",
    ]
    sys.stdout.write(table(rows, columns) + "\n")
    path = write_results(args.results, {"rows": rows})
    sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
