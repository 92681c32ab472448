"""API overhead: the same queries through HTTP vs a direct library call, and throughput
under concurrent clients.

Run: python -m bench.api --nodes 10000 [--runs 100] [--clients 1 2 4 8]

The app is served by `piracy-graph serve` in its own process, joined to the benchmark's
embedded engine (a second process on the same data directory shares it), so the client
and the server do not share one interpreter. Each call is asked of two clients, both
with keep-alive: httpx, and the standard library's http.client, whose own work per call
is the smaller, so its figure is closer to what the server and the loopback add. Each
client's own CPU time per call is reported beside its overhead. The direct call is the
library call the route makes, with the same redaction the route applies to an anonymous
reader. Target (issue 6): median overhead <= 2 ms over the direct call.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

import httpx

from bench.common import percentiles, table, write_results
from bench.queries import build_snapshot_row, loaded_store, sample_ids, unfiltered_neighbourhood

TARGET_OVERHEAD_MS = 2.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(store: Any, memory: bool) -> tuple[subprocess.Popen[bytes], str]:
    """`piracy-graph serve` on the benchmark's engine and graph, in another process; with
    `memory`, ready once its neighbourhoods come from its in-process snapshot."""
    port = free_port()
    env = {**os.environ, "PIRACY_GRAPH_LOAD_BUNDLED_ON_START": "false"}
    command = [sys.executable, "-m", "cli.main", "serve", "--data-dir", str(store.embedded.data_dir)]
    command += ["--graph", store.graph_name, "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            health = httpx.get(f"{base}/health", timeout=5)
            if health.status_code == 200 and (not memory or health.json()["neighbourhoods"] == "memory"):
                return server, base
            time.sleep(0.2)
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the API server was not ready within 120 s")


def measure(store: Any, scale: int, runs: int, clients: list[int]) -> list[dict[str, Any]]:
    from graph.model.schema import get_schema
    from graph.query.answer import Redactor
    from graph.query.search import search

    schema = get_schema()
    redactor = Redactor.from_store(store)  # what the API applies for an anonymous reader
    groups = sample_ids(store, "Group", 50)  # the same sample as bench.queries draws from
    names = [
        store.read("MATCH (g:Group {id: $id}) RETURN g.name AS name", {"id": group})[0]["name"]
        for group in groups
    ]
    snapshot, _ = build_snapshot_row(store, scale)  # the direct call reads what the server reads
    rows = [] if snapshot is None else on_the_loop(store, snapshot, redactor, groups, scale)
    server, base = serve(store, memory=snapshot is not None)
    try:
        port = int(base.rsplit(":", 1)[1])
        with httpx.Client(base_url=base) as http, StdlibClient(port) as stdlib:

            def neighbours_direct(i: int) -> Any:
                return unfiltered_neighbourhood(store, groups[i % len(groups)], 1, redactor, snapshot)

            def neighbours_url(i: int) -> str:
                return f"/entities/{groups[i % len(groups)]}/neighbours?depth=1&limit=500"

            def search_direct(i: int) -> Any:
                text = names[i % len(names)][:5]
                return search(store, schema, text, label=None, limit=20, offset=0, redactor=redactor)

            def search_url(i: int) -> str:
                return "/entities?" + urlencode({"q": names[i % len(names)][:5], "limit": 20})

            cases: list[tuple[str, Callable[[int], Any], Callable[[int], str]]] = [
                ("neighbours depth 1", neighbours_direct, neighbours_url),
                ("search", search_direct, search_url),
                ("health", lambda i: None, lambda i: "/health"),
            ]
            for label, direct, url in cases:
                row: dict[str, Any] = {"scale": scale, "query": label}
                over_http = {
                    "httpx": asking(lambda path: http.get(path).status_code, url),
                    "http.client": asking(stdlib.get, url),
                }
                d, by_client = paired(direct, over_http, runs)
                row["direct_p50"] = d["p50"]
                for client, (h, overhead, cpu) in by_client.items():
                    row[f"{client} http_p50"] = h["p50"]
                    row[f"{client} client_cpu_p50"] = cpu
                    row[f"{client} http_p95"] = h["p95"]
                    row[f"{client} overhead_p50"] = overhead
                    if label != "health":
                        row[f"{client} met"] = overhead <= TARGET_OVERHEAD_MS
                row["target"] = TARGET_OVERHEAD_MS if label != "health" else None
                rows.append(row)
        for n in clients:
            rows.append(
                {"scale": scale, "query": f"neighbours depth 1, {n} clients", **throughput(base, groups, n)}
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def on_the_loop(
    store: Any, snapshot: Any, redactor: Any, groups: list[str], scale: int
) -> list[dict[str, Any]]:
    """How long the thread that computes a neighbourhood from memory is busy, JSON included:
    for the largest centres the route answers on the event loop (depth 1, up to
    INLINE_MAX_DEGREE relationships: the 200 with the most), and for depth 3
    with limit 1000 from the sampled groups, the largest question (left to the thread pool)."""
    from api.answers import json_answer
    from api.routes.entities import INLINE_MAX_DEGREE
    from graph.export.subgraph import neighbours
    from graph.model.schema import get_schema

    schema = get_schema()

    def busy_ms(entity_id: str, depth: int, limit: int) -> float:
        start = time.perf_counter()
        answer = neighbours(
            store, schema, entity_id, depth=depth, limit=limit, redactor=redactor, reader=snapshot
        )
        json_answer(answer)
        return (time.perf_counter() - start) * 1000

    inline = sorted(
        (node for node in snapshot.node_ids() if snapshot.degree(node) <= INLINE_MAX_DEGREE),
        key=lambda node: (-snapshot.degree(node), node),
    )[:200]
    rows = []
    for label, ids, depth, limit in [
        (f"depth 1, {len(inline)} centres of <= {INLINE_MAX_DEGREE} relationships (loop)", inline, 1, 500),
        ("depth 3, limit 1000 (thread pool)", groups, 3, 1000),
    ]:
        gc.disable()  # a collection in this process is no part of an answer's work
        try:
            busy = [busy_ms(entity_id, depth, limit) for entity_id in ids]
        finally:
            gc.enable()
        rows.append(
            {"scale": scale, "query": label, "direct_p50": statistics.median(busy), "direct_max": max(busy)}
        )
    return rows


class StdlibClient:
    """The standard library's HTTP client on one keep-alive connection."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, url: str) -> int:
        """The answer's status, its body read."""
        self.connection.request("GET", url)
        response = self.connection.getresponse()
        response.read()
        return response.status

    def __enter__(self) -> StdlibClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def asking(get: Callable[[str], int], url: Callable[[int], str]) -> Callable[[int], None]:
    """A call that asks one client (`get`: URL -> status) for the i-th URL and fails on an
    error status."""

    def ask(i: int) -> None:
        status = get(url(i))
        if status != 200:
            raise RuntimeError(f"the API answered {status}")

    return ask


def paired(
    direct: Callable[[int], Any], over_http: dict[str, Callable[[int], Any]], runs: int
) -> tuple[dict[str, float], dict[str, tuple[dict[str, float], float, float]]]:
    """The direct call and each client's HTTP call alternate on the same entity, so a busy
    spell on the shared machine hits them all; a client's overhead is the median of its
    differences from the direct call of the same round. Also each client's own CPU time
    per call (median): what the client, not the server, spends on a call."""
    direct(0)
    for call in over_http.values():
        call(0)
    direct_ms: list[float] = []
    http_ms: dict[str, list[float]] = {client: [] for client in over_http}
    cpu_ms: dict[str, list[float]] = {client: [] for client in over_http}
    for i in range(runs):
        start = time.perf_counter()
        direct(i)
        direct_ms.append((time.perf_counter() - start) * 1000)
        for client, call in over_http.items():
            start, cpu = time.perf_counter(), time.thread_time()
            call(i)
            http_ms[client].append((time.perf_counter() - start) * 1000)
            cpu_ms[client].append((time.thread_time() - cpu) * 1000)
    by_client = {
        client: (
            percentiles(times),
            statistics.median(h - d for d, h in zip(direct_ms, times, strict=True)),
            statistics.median(cpu_ms[client]),
        )
        for client, times in http_ms.items()
    }
    return percentiles(direct_ms), by_client


def throughput(base: str, groups: list[str], clients: int, seconds: float = 3.0) -> dict[str, Any]:
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []

    def worker() -> None:
        with httpx.Client(base_url=base) as http:
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                group = groups[len(latencies) % len(groups)]
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
    "direct_max",
    "httpx http_p50",
    "httpx overhead_p50",
    "httpx client_cpu_p50",
    "httpx met",
    "http.client http_p50",
    "http.client overhead_p50",
    "http.client client_cpu_p50",
    "http.client met",
    "target",
    "http_p50",
    "requests_per_s",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--results", default="api", help="name of the JSON file in bench/results/")
    args = parser.parse_args(argv)
    rows = []
    for nodes in args.nodes:
        with loaded_store(nodes) as store:
            rows += measure(store, nodes, args.runs, args.clients)
    sys.stdout.write(table(rows, COLUMNS) + "\n")
    sys.stdout.write(f"wrote {write_results(args.results, {'rows': rows})}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
