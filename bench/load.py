"""Load throughput and peak memory: the product's loader vs one MERGE per record vs the
engine's own bulk loader (`falkordb-bulk-loader`), on the same synthetic network.

Run: python -m bench.load --nodes 10000 100000 [--baseline-seconds 30] [--results load]
     python -m bench.load --engine neo4j --nodes 10000 100000 --results load-neo4j

With `--engine neo4j` the same network goes into a real Neo4j (tools/neo4j, started per
method): the product's loader over Bolt against Neo4j's own bulk path, `neo4j-admin
database import full` from CSV files into a stopped database (the files' writing is not
timed; the server's start on the imported store is not either).

Each method runs in a fresh process with a fresh embedded engine, so peak memory (the
client's max RSS, the engine's peak) is its own. "Entities" are nodes + relationships in
the graph after the load. The product's loader reads the YAML dossiers (parsing,
validation, resolution, writes: everything `piracy-graph load` does); the baselines get
the same nodes and relationships as plain records (exported from the product's graph),
so they skip parsing YAML: the bulk loader reads CSV files, whose writing is not timed.
One MERGE per record writes the whole network; with `--baseline-seconds` it is timed on
a sample instead (about that long, nodes then the relationships among them) and
extrapolated, which underestimates it: at 10^5 a 30 s sample gave 279 s, the whole network
436 s, as each write takes longer in a larger graph.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.common import table, write_results
from bench.synth import generate

WORK = Path(tempfile.gettempdir()) / "piracy-graph-bench"


def data_dir(nodes: int) -> Path:
    return WORK / f"synth-{nodes}"


def open_engine(folder: Path) -> tuple[Any, Any]:
    from graph.model.schema import get_schema
    from graph.store.embedded import EmbeddedEngine
    from graph.store.falkordb import FalkorDBStore

    engine = EmbeddedEngine(folder)
    engine.start()
    store = FalkorDBStore.embedded_at(engine, "bench", get_schema())
    return engine, store


def engine_peak_mb(store: Any) -> float:
    info = store.client.connection.info("memory")
    return float(info["used_memory_peak"]) / 2**20


def client_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def engine_cpu_s(store: Any) -> float:
    """CPU seconds the engine process has used so far, all its threads (Redis's INFO cpu)."""
    info = store.client.connection.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def client_cpu_s() -> float:
    """CPU seconds of this process and of its children that have ended (YAML workers, the
    bulk loader's process)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def cpu_spent(store: Any, client_before: float, engine_before: float) -> dict[str, float]:
    """The CPU a method used: on two cores its wall time is at least half the sum."""
    return {
        "client_cpu_s": client_cpu_s() - client_before,
        "engine_cpu_s": engine_cpu_s(store) - engine_before,
    }


def counts(store: Any) -> tuple[int, int]:
    nodes = store.read("MATCH (n:Entity) RETURN count(n) AS c")[0]["c"]
    edges = store.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return nodes, edges


def export_records(store: Any, path: Path) -> None:
    """The graph's nodes and relationships as plain records, for the baselines."""
    nodes: list[tuple[str, dict[str, Any]]] = []
    skip = 0
    while True:
        rows = store.read(
            "MATCH (n:Entity) RETURN labels(n) AS labels, properties(n) AS props SKIP $skip LIMIT 100000",
            {"skip": skip},
        )
        nodes += [(next(lb for lb in r["labels"] if lb != "Entity"), r["props"]) for r in rows]
        skip += len(rows)
        if len(rows) < 100000:
            break
    edges: list[tuple[str, str, str, str, str, dict[str, Any]]] = []
    skip = 0
    while True:
        rows = store.read(
            "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS src, b.id AS dst, type(r) AS type, "
            "properties(r) AS props SKIP $skip LIMIT 100000",
            {"skip": skip},
        )
        edges += [(r["type"], r["src"], r["dst"], "", "", r["props"]) for r in rows]
        skip += len(rows)
        if len(rows) < 100000:
            break
    label_of = {props["id"]: label for label, props in nodes}
    edges = [(t, s, d, label_of[s], label_of[d], p) for t, s, d, _, _, p in edges]
    path.write_bytes(pickle.dumps({"nodes": nodes, "edges": edges}))


# -- the three methods, each run in its own process ---------------------------------------
def run_product(folder: Path, records: Path | None) -> dict[str, Any]:
    from graph.model.schema import get_schema
    from graph.store.stats import digest
    from loaders.load import load_paths

    with tempfile.TemporaryDirectory() as engine_dir:
        engine, store = open_engine(Path(engine_dir))
        try:
            store.ensure_schema()
            cpu = client_cpu_s(), engine_cpu_s(store)
            start = time.perf_counter()
            load_paths(store, get_schema(), [folder])
            seconds = time.perf_counter() - start
            spent = cpu_spent(store, *cpu)
            nodes, edges = counts(store)
            result = {
                "seconds": seconds,
                "nodes": nodes,
                "edges": edges,
                "client_peak_mb": client_peak_mb(),
                # The loader's YAML workers, ended by now (the engine, still running, is not counted).
                "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "engine_peak_mb": engine_peak_mb(store),
                **spent,
            }
            first = digest(store)
            again = time.perf_counter()
            load_paths(store, get_schema(), [folder])
            result["reload_seconds"] = time.perf_counter() - again
            result["idempotent"] = digest(store) == first
            # The same network gives the same graph: its records are exported once.
            if records is not None and not records.exists():
                export_records(store, records)
            return result
        finally:
            engine.stop()


def run_per_record(records: Path, budget: float | None) -> dict[str, Any]:
    data = pickle.loads(records.read_bytes())  # noqa: S301 - our own file
    nodes, edges = data["nodes"], data["edges"]
    with tempfile.TemporaryDirectory() as engine_dir:
        engine, store = open_engine(Path(engine_dir))
        try:
            store.ensure_schema()
            written: set[str] = set()
            cpu = client_cpu_s(), engine_cpu_s(store)
            start = time.perf_counter()
            n = 0
            for label, props in nodes:
                store.graph.query(
                    f"MERGE (n:{label} {{id: $id}}) SET n += $props, n:Entity",
                    {"id": props["id"], "props": {k: v for k, v in props.items() if k != "id"}},
                )
                written.add(props["id"])
                n += 1
                if budget is not None and time.perf_counter() - start > budget / 2:
                    break
            node_seconds = time.perf_counter() - start
            start = time.perf_counter()
            m = 0
            for rel_type, src, dst, src_label, dst_label, props in edges:
                if src not in written or dst not in written:
                    continue
                store.graph.query(
                    f"MATCH (a:{src_label} {{id: $src}}) MATCH (b:{dst_label} {{id: $dst}}) "
                    f"MERGE (a)-[r:{rel_type} {{id: $id}}]->(b) SET r += $props",
                    {"src": src, "dst": dst, "id": props["id"], "props": props},
                )
                m += 1
                if budget is not None and time.perf_counter() - start > budget / 2:
                    break
            edge_seconds = time.perf_counter() - start
            spent = cpu_spent(store, *cpu)
            if n == len(nodes) and m == len(edges):  # the whole network: what the graph holds
                seconds, extrapolated = node_seconds + edge_seconds, False
                node_count, edge_count = counts(store)
            else:
                seconds = len(nodes) / (n / node_seconds) + (len(edges) / (m / edge_seconds) if m else 0)
                node_count, edge_count, extrapolated = len(nodes), len(edges), True
            return {
                "seconds": seconds,
                "extrapolated": extrapolated,
                "sample_nodes": n,
                "sample_edges": m,
                "sample_seconds": node_seconds + edge_seconds,
                "nodes": node_count,
                "edges": edge_count,
                "client_peak_mb": client_peak_mb(),
                "engine_peak_mb": engine_peak_mb(store),
                **({} if extrapolated else spent),  # a sample's CPU says little of the whole
            }
        finally:
            engine.stop()


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ",".join(json.dumps(str(v)) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


Grouped = tuple[dict[str, list[dict[str, Any]]], dict[str, list[tuple[str, str, dict[str, Any]]]]]


def grouped_records(records: Path) -> Grouped:
    """The records' nodes by label and relationships (source, target, properties) by type."""
    data = pickle.loads(records.read_bytes())  # noqa: S301 - our own file
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for label, props in data["nodes"]:
        by_label[label].append(props)
    by_type: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for rel_type, src, dst, _, _, props in data["edges"]:
        by_type[rel_type].append((src, dst, props))
    return by_label, by_type


def write_csv(records: Path, folder: Path) -> tuple[list[tuple[str, Path]], list[tuple[str, Path]], int, int]:
    by_label, by_type = grouped_records(records)
    node_files = []
    for label, rows in sorted(by_label.items()):
        keys = sorted({k for r in rows for k in r} - {"id"})
        path = folder / f"{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, escapechar="\\")
            out.writerow(["id:ID(e)", *keys])
            for r in rows:
                out.writerow([r["id"], *(_cell(r.get(k, "")) for k in keys)])
        node_files.append((f"{label}:Entity", path))
    edge_files = []
    for rel_type, rows in sorted(by_type.items()):
        keys = sorted({k for _, _, p in rows for k in p})
        path = folder / f"{rel_type}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, escapechar="\\")
            out.writerow([":START_ID(e)", ":END_ID(e)", *keys])
            for src, dst, p in rows:
                out.writerow([src, dst, *(_cell(p.get(k, "")) for k in keys)])
        edge_files.append((rel_type, path))
    return node_files, edge_files, sum(map(len, by_label.values())), sum(map(len, by_type.values()))


def run_bulk(records: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as engine_dir, tempfile.TemporaryDirectory() as csv_dir:
        node_files, edge_files, n, m = write_csv(records, Path(csv_dir))
        engine, store = open_engine(Path(engine_dir))
        try:
            endpoint = engine.start()
            # redis-py 8 gives a URL's client a 5 s socket timeout, which one of the bulk
            # loader's buffers outlasted at 10^6 ("Timeout writing to socket").
            url = f"redis://:{endpoint.password}@{endpoint.host}:{endpoint.port}?socket_timeout=3600"
            command = [str(Path(sys.executable).parent / "falkordb-bulk-insert"), "bench", "-u", url]
            for label, path in node_files:
                command += ["-N", label, str(path)]
            for rel_type, path in edge_files:
                command += ["-R", rel_type, str(path)]
            for label, _ in node_files:
                command += ["-i", f"{label.split(':')[0]}:id"]
            cpu = client_cpu_s(), engine_cpu_s(store)
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - start
            spent = cpu_spent(store, *cpu)
            if done.returncode:
                raise RuntimeError(done.stderr[-2000:] or done.stdout[-2000:])
            nodes, edges = counts(store)
            return {
                "seconds": seconds,
                "nodes": nodes,
                "edges": edges,
                "expected": [n, m],
                "client_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                "engine_peak_mb": engine_peak_mb(store),
                **spent,
            }
        finally:
            engine.stop()


# -- Neo4j: the product's loader over Bolt, and neo4j-admin import ------------------------
def open_neo4j(home: Path | None = None, pagecache_mb: int = 1024) -> tuple[Any, Any]:
    from graph.model.schema import get_schema
    from graph.store.neo4j import Neo4jStore
    from tests.neo4j_server import start_neo4j

    server = start_neo4j(heap="2g", pagecache_mb=pagecache_mb, data_dir=home)
    store = Neo4jStore.connect(server.uri, server.user, server.password, None, get_schema())
    return server, store


def jvm_peak_mb(server: Any) -> float:
    """The Neo4j process's peak resident memory (VmHWM)."""
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def jvm_cpu_s(server: Any) -> float:
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_product_neo4j(folder: Path) -> dict[str, Any]:
    from graph.model.schema import get_schema
    from loaders.load import load_paths

    server, store = open_neo4j()
    try:
        store.ensure_schema()
        client_before, engine_before = client_cpu_s(), jvm_cpu_s(server)
        start = time.perf_counter()
        load_paths(store, get_schema(), [folder])
        seconds = time.perf_counter() - start
        nodes, edges = counts(store)
        return {
            "seconds": seconds,
            "nodes": nodes,
            "edges": edges,
            "client_peak_mb": client_peak_mb(),
            "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "engine_peak_mb": jvm_peak_mb(server),
            "client_cpu_s": client_cpu_s() - client_before,
            "engine_cpu_s": jvm_cpu_s(server) - engine_before,
        }
    finally:
        store.close()
        server.stop()


NEO4J_TYPES = {bool: "boolean", int: "int", float: "float", list: "string[]"}


def _neo4j_column(values: list[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {int, float}:
        return "float"
    return NEO4J_TYPES.get(next(iter(kinds)), "") if len(kinds) == 1 else ""


def _neo4j_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def write_neo4j_csv(records: Path, folder: Path) -> tuple[list[Path], list[Path]]:
    """The records as neo4j-admin import files: one per label and one per type."""
    by_label, by_type = grouped_records(records)
    node_files = []
    for label, rows in sorted(by_label.items()):
        keys = sorted({k for r in rows for k in r} - {"id"})
        kinds = {k: _neo4j_column([r.get(k) for r in rows]) for k in keys}
        path = folder / f"nodes-{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            # `id:ID` is also stored as the property `id`.
            out.writerow(["id:ID", ":LABEL", *(f"{k}:{kinds[k]}" if kinds[k] else k for k in keys)])
            for r in rows:
                out.writerow([r["id"], f"{label};Entity", *(_neo4j_cell(r.get(k)) for k in keys)])
        node_files.append(path)
    edge_files = []
    for rel_type, edges in sorted(by_type.items()):
        keys = sorted({k for _, _, p in edges for k in p})
        kinds = {k: _neo4j_column([p.get(k) for _, _, p in edges]) for k in keys}
        path = folder / f"relationships-{rel_type}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(
                [":START_ID", ":END_ID", ":TYPE", *(f"{k}:{kinds[k]}" if kinds[k] else k for k in keys)]
            )
            for src, dst, p in edges:
                out.writerow([src, dst, rel_type, *(_neo4j_cell(p.get(k)) for k in keys)])
        edge_files.append(path)
    return node_files, edge_files


def run_bulk_neo4j(records: Path) -> dict[str, Any]:
    from tests.neo4j_server import admin_import

    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as csv_dir:
        node_files, edge_files = write_neo4j_csv(records, Path(csv_dir))
        before = client_cpu_s()
        start = time.perf_counter()
        admin_import(Path(home), node_files, edge_files)
        seconds = time.perf_counter() - start
        import_cpu = client_cpu_s() - before
        server, store = open_neo4j(Path(home))
        try:
            nodes, edges = counts(store)
        finally:
            store.close()
            server.stop()
        return {
            "seconds": seconds,
            "nodes": nodes,
            "edges": edges,
            # neo4j-admin is a child process: its peak and CPU are the children's.
            "client_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "engine_cpu_s": import_cpu,
        }


def in_process(method: str, *args: str) -> dict[str, Any]:
    """Run one method in a fresh interpreter; its JSON answer."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.load", "--method", method, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"{method} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(
    nodes: int, baseline_seconds: float | None, baselines: bool = True, engine: str = "falkordb"
) -> list[dict[str, Any]]:
    folder = data_dir(nodes)
    meta = generate(nodes, folder)
    records = folder.parent / f"records-{nodes}.pickle"
    if records.exists() and records.stat().st_mtime < (folder / "synth.json").stat().st_mtime:
        records.unlink()  # exported from an older network
    rows = []
    if engine == "neo4j":
        if not records.exists():  # the baseline's records come from the product's graph
            in_process("product", str(folder), str(records))
        product = in_process("product-neo4j", str(folder))
        rows.append({"method": "product loader (YAML dossiers) -> Neo4j", **product})
        if baselines:
            bulk = in_process("bulk-neo4j", str(records))
            rows.append({"method": "neo4j-admin database import (CSV)", **bulk})
    else:
        product = in_process("product", str(folder), str(records))
        rows.append({"method": "product loader (YAML dossiers)", **product})
    if baselines and engine == "falkordb":
        bulk = in_process("bulk", str(records))
        rows.append({"method": "falkordb-bulk-loader (CSV)", **bulk})
        budget = [] if baseline_seconds is None else [str(baseline_seconds)]
        per_record = in_process("per-record", str(records), *budget)
        extrapolated = " (extrapolated)" if per_record["extrapolated"] else ""
        rows.append({"method": f"one MERGE per record{extrapolated}", **per_record})
    for row in rows:
        row["scale"] = nodes
        row["engine"] = engine
        row["dossiers"] = meta["operations"]
        row["entities"] = row["nodes"] + row["edges"]
        row["entities_per_s"] = row["entities"] / row["seconds"]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--baseline-seconds",
        type=float,
        help="time one MERGE per record on a sample this long (default: the whole network)",
    )
    parser.add_argument("--results", default="load", help="name of the JSON file in bench/results/")
    parser.add_argument(
        "--engine", nargs="+", choices=["falkordb", "neo4j"], default=["falkordb"], help="one or both"
    )
    parser.add_argument("--method", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.method == "product":
        records = Path(args.args[1]) if len(args.args) > 1 else None
        sys.stdout.write(json.dumps(run_product(Path(args.args[0]), records)) + "\n")
        return 0
    if args.method == "bulk":
        sys.stdout.write(json.dumps(run_bulk(Path(args.args[0]))) + "\n")
        return 0
    if args.method == "product-neo4j":
        sys.stdout.write(json.dumps(run_product_neo4j(Path(args.args[0]))) + "\n")
        return 0
    if args.method == "bulk-neo4j":
        sys.stdout.write(json.dumps(run_bulk_neo4j(Path(args.args[0]))) + "\n")
        return 0
    if args.method == "per-record":
        budget = float(args.args[1]) if len(args.args) > 1 else None
        sys.stdout.write(json.dumps(run_per_record(Path(args.args[0]), budget)) + "\n")
        return 0
    rows = []
    for nodes in args.nodes:
        for engine in args.engine:
            rows += measure(nodes, args.baseline_seconds, engine=engine)
    report(rows, args.results)
    return 0


COLUMNS = [
    "scale",
    "engine",
    "method",
    "nodes",
    "edges",
    "seconds",
    "entities_per_s",
    "client_peak_mb",
    "workers_peak_mb",
    "engine_peak_mb",
    "client_cpu_s",
    "engine_cpu_s",
]


def report(rows: list[dict[str, Any]], name: str = "load") -> Path:
    sys.stdout.write(table(rows, COLUMNS) + "\n")
    path = write_results(name, {"rows": rows})
    sys.stdout.write(f"wrote {path}\n")
    return path


if __name__ == "__main__":
    raise SystemExit(main())
