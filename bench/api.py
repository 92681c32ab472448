"""API overhead: the same queries through HTTP vs a direct library call, and throughput
under concurrent clients.

Run: python -m bench.api --nodes 10000 [--runs 100] [--clients 1 2 4 8]

The app is served by uvicorn on loopback in this process, on the same store; the client is
httpx with keep-alive. Target (issue 6): median overhead <= 2 ms over the direct call.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from bench.common import percentiles, table, write_results
from bench.queries import loaded_store, sample_ids, timed

TARGET_OVERHEAD_MS = 2.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(store: Any) -> tuple[Any, str]:
    import uvicorn

    from api.app import create_app
    from graph.settings import Settings

    app = create_app(Settings(load_bundled_on_start=False), store=store)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def measure(store: Any, scale: int, runs: int, clients: list[int]) -> list[dict[str, Any]]:
    from graph.neighbours import neighbourhood
    from graph.schema import get_schema
    from graph.search import search

    schema = get_schema()
    group = sample_ids(store, "Group", 1)[0]
    name = store.read("MATCH (g:Group {id: $id}) RETURN g.name AS name", {"id": group})[0]["name"]
    server, base = serve(store)
    rows = []
    try:
        with httpx.Client(base_url=base) as http:
            pairs = [
                (
                    "neighbours depth 1",
                    lambda: neighbourhood(
                        store,
                        schema,
                        group,
                        depth=1,
                        labels=[],
                        types=[],
                        since=None,
                        until=None,
                        limit=500,
                        redactor=None,
                    ),
                    lambda: http.get(f"/entities/{group}/neighbours", params={"depth": 1, "limit": 500}),
                ),
                (
                    "search",
                    lambda: search(store, schema, name[:5], label=None, limit=20, offset=0, redactor=None),
                    lambda: http.get("/entities", params={"q": name[:5], "limit": 20}),
                ),
                ("health", lambda: None, lambda: http.get("/health")),
            ]
            for label, direct, over_http in pairs:
                response = over_http()
                response.raise_for_status()
                d = timed(direct, runs)
                h = timed(over_http, runs)
                overhead = h["p50"] - d["p50"]
                rows.append(
                    {
                        "scale": scale,
                        "query": label,
                        "direct_p50": d["p50"],
                        "http_p50": h["p50"],
                        "http_p95": h["p95"],
                        "overhead_p50": overhead,
                        "target": TARGET_OVERHEAD_MS if label != "health" else None,
                        "met": overhead <= TARGET_OVERHEAD_MS if label != "health" else None,
                    }
                )
        for n in clients:
            rows.append(
                {"scale": scale, "query": f"neighbours depth 1, {n} clients", **throughput(base, group, n)}
            )
    finally:
        server.should_exit = True
    return rows


def throughput(base: str, group: str, clients: int, seconds: float = 3.0) -> dict[str, Any]:
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []

    def worker() -> None:
        with httpx.Client(base_url=base) as http:
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                http.get(f"/entities/{group}/neighbours", params={"depth": 1}).raise_for_status()
                latencies.append((time.perf_counter() - start) * 1000)

    with ThreadPoolExecutor(clients) as pool:
        for future in [pool.submit(worker) for _ in range(clients)]:
            future.result()
    return {"requests_per_s": len(latencies) / seconds, "http_p50": percentiles(latencies)["p50"]}


COLUMNS = [
    "scale",
    "query",
    "direct_p50",
    "http_p50",
    "http_p95",
    "overhead_p50",
    "target",
    "met",
    "requests_per_s",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 2, 4, 8])
    args = parser.parse_args(argv)
    rows = []
    for nodes in args.nodes:
        with loaded_store(nodes) as store:
            rows += measure(store, nodes, args.runs, args.clients)
    sys.stdout.write(table(rows, COLUMNS) + "\n")
    sys.stdout.write(f"wrote {write_results('api', {'rows': rows})}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
