"""Load test on loopback: many concurrent clients over a mix of endpoints, for a while.

Run: python -m bench.load_test [--clients 50] [--seconds 60]
Starts its own server (fresh data directory, bundled dossiers), sends requests only to
127.0.0.1, stops by itself; prints throughput, latency percentiles and errors, and writes
bench/results/load_test.json. Issue 7 asks for zero errors at 50 clients for 60 s.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from bench.common import percentiles, table, write_results
from tests.browser import start_server

# A mix an investigator's tools would send: searches, details, neighbourhoods, paths,
# shared, operations, timeline, named queries, analytics.
MIX = [
    "/health",
    "/entities?q=sparks",
    "/entities?q=guardia",
    "/entities/group:sparks",
    "/entities/group:sparks/neighbours?depth=2&limit=200",
    "/entities/operation:2020-perfect-storm/neighbours",
    "/paths?from=group:sparks&to=group:geckos&k=3",
    "/paths?from=group:sparks&to=operation:2020-perfect-storm&k=3",
    "/shared?id=operation:2020-sparks&id=operation:2020-perfect-storm",
    "/operations/operation:2020-perfect-storm",
    "/operations?year=2020",
    "/countries/NL",
    "/agencies/agency:europol",
    "/timeline?since=2020",
    "/groups/group:sparks/links",
    "/queries/servers_by_country?group=group:sparks",
    "/queries/conflicting_claims",
    "/analytics/centrality?measure=pagerank&limit=10",
]


def client_loop(base: str, stop_at: float, seed: int, latencies: list[float], outcomes: Counter[str]) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as http:
        while time.monotonic() < stop_at:
            path = rng.choice(MIX)
            start = time.perf_counter()
            try:
                status = http.get(path).status_code
                outcome = str(status)
            except httpx.HTTPError as exc:
                outcome = type(exc).__name__
            elapsed = (time.perf_counter() - start) * 1000
            with LOCK:
                latencies.append(elapsed)
                outcomes[outcome] += 1


LOCK = threading.Lock()


def run(clients: int, seconds: float) -> dict[str, object]:
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        process, base = start_server(Path(folder), root / "data" / "operations")
        try:
            latencies: list[float] = []
            outcomes: Counter[str] = Counter()
            stop_at = time.monotonic() + seconds
            threads = [
                threading.Thread(target=client_loop, args=(base, stop_at, i, latencies, outcomes))
                for i in range(clients)
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.monotonic() - started
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
    errors = sum(n for outcome, n in outcomes.items() if outcome != "200")
    stats = percentiles(latencies)
    return {
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(latencies),
        "throughput_rps": len(latencies) / wall,
        "p50_ms": stats["p50"],
        "p95_ms": stats["p95"],
        "p99_ms": stats["p99"],
        "errors": errors,
        "outcomes": dict(outcomes),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    result = run(args.clients, args.seconds)
    columns = ["clients", "seconds", "requests", "throughput_rps", "p50_ms", "p95_ms", "p99_ms", "errors"]
    sys.stdout.write(table([result], columns) + "\n")
    sys.stdout.write(f"outcomes: {result['outcomes']}\n")
    sys.stdout.write(f"wrote {write_results('load_test', result)}\n")
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
