"""Restart: how long `piracy-graph serve` takes to answer, and to answer from memory, when
it starts again on a data directory that holds a large graph.

Run: python -m bench.restart --nodes 1000000 [--graph bench] [--data-dir DIR]

The data directory must hold the synthetic network of that size, loaded by the product's
loader (bench.load, or `piracy-graph load` into the graph named by --graph). The server is
started three times: the first start reads the whole graph into memory (and keeps the copy
on disk, graph/query/snapshot_file.py) and is stopped once /health says nothing is warming;
each restart is then timed to its first /health answer and to the moment neighbourhoods
come from memory and nothing is warming. The server's peak memory (VmHWM) and its memory
once ready (VmRSS) are read just before each stop; the engine is a separate process.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.common import table, write_results
from tests.browser import free_port

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 900.0


def memory_mb(pid: int, field: str) -> float:
    """VmHWM (peak) or VmRSS (now) of a process, in MB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def health(port: int) -> dict[str, Any] | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=30) as response:
            body: dict[str, Any] = json.load(response)
            return body
    except OSError:
        return None


def one_start(data_dir: Path, graph: str) -> dict[str, Any]:
    port = free_port()
    env = {**os.environ, "PIRACY_GRAPH_GRAPH_NAME": graph, "PIRACY_GRAPH_LOAD_BUNDLED_ON_START": "false"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port), "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    first_answer = ready = None
    try:
        while time.perf_counter() - started < LIMIT_S:
            body = health(port)
            now = time.perf_counter() - started
            if body is not None:
                first_answer = first_answer or now
                if body["neighbourhoods"] == "memory" and not body.get("warming"):
                    ready = now
                    break
            time.sleep(0.2)
        peak, resident = memory_mb(process.pid, "VmHWM"), memory_mb(process.pid, "VmRSS")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=300)
    return {
        "first_answer_s": first_answer,
        "ready_s": ready,
        "server_peak_mb": peak,
        "server_rss_mb": resident,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, required=True, help="the size of the network, for the record")
    parser.add_argument("--data-dir", type=Path, required=True, help="the embedded engine's data directory")
    parser.add_argument("--graph", default="bench")
    parser.add_argument("--results", default="restart")
    args = parser.parse_args(argv)
    data_dir = args.data_dir
    rows = []
    for run, label in enumerate(["first start (reads the graph)", "restart", "restart"], start=1):
        if run == 1:  # a copy kept by an earlier run would make this a restart too
            (data_dir / "snapshots" / f"falkordb-{args.graph}.npz").unlink(missing_ok=True)
        rows.append({"scale": args.nodes, "run": run, "start": label, **one_start(data_dir, args.graph)})
        sys.stderr.write(f"{rows[-1]}\n")
    print(
        table(rows, ["scale", "run", "start", "first_answer_s", "ready_s", "server_peak_mb", "server_rss_mb"])
    )
    print("wrote", write_results(args.results, {"rows": rows}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
