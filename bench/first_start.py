"""First start: how long a new user waits for `piracy-graph serve` on an empty data directory.

Run: python -m bench.first_start [--runs 3]
Each run starts `serve` on a fresh data directory (the app starts the embedded engine and
loads the bundled dossiers before it answers) and polls /health until it answers. Reports
the wall time to the first answer and, separately, the bundled load alone on an engine that
is already up (the part the dossiers' number drives). Writes bench/results/first_start.json.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.common import table, write_results
from graph.model.schema import get_schema
from graph.settings import Settings
from graph.store import open_store
from loaders.load import load_paths
from loaders.resources import bundled_dossiers_dir
from tests.browser import free_port

ROOT = Path(__file__).resolve().parent.parent


def time_to_first_answer(data_dir: Path) -> tuple[float, int]:
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port), "--data-dir", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    body = json.load(response)
                    return time.perf_counter() - started, sum(body["nodes"].values())
            except OSError:
                if time.perf_counter() - started > 120:
                    raise TimeoutError("serve did not answer within 120 s") from None
                time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


def bundled_load_alone(data_dir: Path) -> tuple[float, int]:
    store = open_store(Settings(data_dir=data_dir, graph_name="first-start"))
    try:
        started = time.perf_counter()
        results = load_paths(store, get_schema(), [bundled_dossiers_dir()])
        return time.perf_counter() - started, len(results)
    finally:
        store.close()


def run(runs: int) -> dict[str, object]:
    rows = []
    for index in range(runs):
        with tempfile.TemporaryDirectory() as served, tempfile.TemporaryDirectory() as loaded:
            first_answer, nodes = time_to_first_answer(Path(served))
            load, dossiers = bundled_load_alone(Path(loaded))
        rows.append(
            {
                "run": index + 1,
                "first_answer_s": round(first_answer, 2),
                "bundled_load_s": round(load, 2),
                "dossiers": dossiers,
                "nodes": nodes,
            }
        )
    return {"runs": rows, "worst_first_answer_s": max(r["first_answer_s"] for r in rows)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    results = run(args.runs)
    print(table(results["runs"], ["run", "first_answer_s", "bundled_load_s", "dossiers", "nodes"]))
    print("wrote", write_results("first_start", results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
