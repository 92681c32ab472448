"""Query latency p50/p95/p99 at each scale, through the library calls the API makes.

Run: python -m bench.queries --nodes 10000 100000 [--runs 50] [--engine neo4j] [--keep DIR]
     [--engine-reads]  (only what the engine answers: no copy or projection is built)
     [--warm N]  (untimed calls of each case first: 1 by default)

The synthetic network is loaded with the product's loader into a fresh engine (not
timed here: see bench.load). Entities are drawn with a fixed seed. Targets (p95, at every
scale to 10^6): neighbourhood depth 1 <= 5 ms, depth 2 (capped at 500 nodes) <= 25 ms,
paths (k=3, <= 6 hops, undirected) <= 50 ms, search <= 10 ms, shared between two
operations <= 50 ms, every named query <= 500 ms, degree and PageRank <= 5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.common import percentiles, table, write_results
from bench.load import data_dir, open_engine, open_neo4j
from bench.synth import generate
from graph.errors import PiracyGraphError

TARGETS_MS = {
    "neighbours depth 1": 5.0,
    "neighbours depth 2": 25.0,
    "paths k=3 <=6 hops": 50.0,
    "search": 10.0,
    "shared (2 operations)": 50.0,
    "centrality degree": 5_000.0,
    "centrality pagerank": 5_000.0,
}
NAMED_QUERY_TARGET_MS = 500.0  # every named query (issue 23)


def target_ms(query: str) -> float | None:
    if query.startswith("named: "):
        return NAMED_QUERY_TARGET_MS
    return TARGETS_MS.get(query)


@contextmanager
def engine_store(engine_name: str, keep: Path | None = None) -> Iterator[Any]:
    """A store on the embedded FalkorDB or on a Neo4j of tools/neo4j, stopped after: in
    `keep` if given (what an earlier run loaded there stays), else in a fresh directory."""
    with tempfile.TemporaryDirectory() as fresh:
        home = keep or Path(fresh)
        if engine_name == "neo4j":
            server, store = open_neo4j(home, pagecache_mb=page_cache_mb(home))
            try:
                yield store
            finally:
                store.close()
                server.stop()
            return
        engine, store = open_engine(home)
        try:
            yield store
        finally:
            engine.stop()


def page_cache_mb(home: Path) -> int:
    """A page cache that holds the database's store files, as Neo4j's operations manual
    advises for reads (at least 1 GB): a store already loaded is measured, not paged in."""
    files = [f for f in (home / "data" / "databases").rglob("*") if f.is_file()] if home.is_dir() else []
    return max(1024, sum(f.stat().st_size for f in files) * 5 // 4 // 2**20)


@contextmanager
def loaded_store(nodes: int, engine_name: str = "falkordb", keep: Path | None = None) -> Iterator[Any]:
    """The synthetic network of `nodes`, loaded by the product's loader. With `keep`, a
    directory per scale and engine under it holds the loaded engine for later runs (a
    10^6 load takes minutes); a directory that holds a loaded network is measured as is."""
    from graph.model.schema import get_schema
    from graph.store.stats import counts
    from loaders.load import load_paths

    folder = data_dir(nodes)
    generate(nodes, folder)
    home = keep / f"{engine_name}-{nodes}" if keep else None
    if home:
        home.mkdir(parents=True, exist_ok=True)
    with engine_store(engine_name, home) as store:
        if home and sum(counts(store)["nodes"].values()) > 0 and (home / LOADED).exists():
            yield store
            return
        store.ensure_schema()
        load_paths(store, get_schema(), [folder])
        if home:
            (home / LOADED).write_text(f"{nodes}\n", encoding="ascii")
        yield store


LOADED = "piracy-graph-bench-loaded"  # written once the load is complete


def sample_ids(store: Any, label: str, count: int, seed: int = 7) -> list[str]:
    rows = store.read(f"MATCH (n:{label}) RETURN n.id AS id ORDER BY id")
    ids = [r["id"] for r in rows]
    return random.Random(seed).sample(ids, min(count, len(ids)))


class EngineClock:
    """Sums the execution time the engine itself reports for every query a call makes,
    to tell the engine's share of a latency from the client's (transfer, parsing, Python)."""

    def __init__(self, store: Any):
        self.ms = 0.0
        graph = store.graph
        original = graph.execute_command

        def execute_command(*args: Any, **kwargs: Any) -> Any:
            reply = original(*args, **kwargs)
            if args and str(args[0]).startswith("GRAPH.") and isinstance(reply, list) and reply:
                stats = reply[-1] if isinstance(reply[-1], list) else []
                for line in stats:
                    text = line.decode() if isinstance(line, bytes) else str(line)
                    if text.startswith("Query internal execution time"):
                        self.ms += float(text.split(": ")[1].split(" ")[0])
            return reply

        graph.execute_command = execute_command


def timed(
    call: Callable[[], Any], runs: int, clock: EngineClock | None = None, warm: int = 1
) -> dict[str, float]:
    """Percentiles of `runs` calls, after `warm` calls that are not timed (caches, the
    client's schema look-ups; a JVM's compiler, which takes hundreds of calls)."""
    for _ in range(warm):
        call()
    samples, engine = [], []
    for _ in range(runs):
        before = clock.ms if clock else 0.0
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
        if clock:
            engine.append(clock.ms - before)
    result = percentiles(samples)
    if clock:
        spent = percentiles(engine)
        result.update(engine_p50=spent["p50"], engine_p95=spent["p95"])
    return result


def unfiltered_neighbourhood(
    store: Any, entity_id: str, depth: int, redactor: Any = None, snapshot: Any = None
) -> Any:
    """What GET /entities/{id}/neighbours answers with no filters and at most 500 nodes, as
    the JSON it writes out: from the in-process snapshot when given (as the API serves them),
    else from the engine."""
    import orjson

    from graph.model.schema import get_schema
    from graph.query.neighbours import neighbourhood

    return orjson.dumps(
        neighbourhood(
            store,
            get_schema(),
            entity_id,
            depth=depth,
            labels=[],
            types=[],
            since=None,
            until=None,
            limit=500,
            redactor=redactor,
            reader=snapshot,
            written=True,
        )
    )


def cases(store: Any, runs: int, snapshot: Any) -> list[tuple[str, Callable[[], Any], int]]:
    """(name, call, runs): each call picks the next sample entity."""
    from graph.model.schema import get_schema
    from graph.query.analytics import centrality, communities
    from graph.query.catalogue import catalogue, run_named_query
    from graph.query.paths import paths
    from graph.query.projection import ProjectionCache
    from graph.query.search import search
    from graph.query.shared import shared
    from graph.query.snapshot_cache import SnapshotCache

    schema = get_schema()
    groups = sample_ids(store, "Group", 200)
    operations = sample_ids(store, "Operation", 200)
    names = [r["name"] for r in store.read("MATCH (g:Group) RETURN g.name AS name ORDER BY name LIMIT 500")]
    snapshots = SnapshotCache(store, max_entities=1)  # serves the snapshot given, builds none
    if snapshot is not None:
        snapshots.adopt(snapshot)
    projections = ProjectionCache(store, snapshots=snapshots)
    counter = iter(range(10**9))

    def nxt(items: list[str]) -> str:
        return items[next(counter) % len(items)]

    def neighbours(depth: int, reader: Any = None) -> Callable[[], Any]:
        return lambda: unfiltered_neighbourhood(store, nxt(groups), depth, snapshot=reader)

    def pairs() -> Callable[[], tuple[str, str]]:
        """Pairs of distinct groups, the same sequence for each path method."""
        own = iter(range(10**9))

        def pair() -> tuple[str, str]:
            i = next(own)
            return groups[i % len(groups)], groups[(i + 1 + (i * 7) % (len(groups) - 1)) % len(groups)]

        return pair

    projection_pair, native_pair = pairs(), pairs()

    def path() -> Any:
        return paths(
            store,
            schema,
            projections,
            *projection_pair(),
            k=3,
            max_hops=6,
            types=[],
            labels=[],
            redactor=None,
        )

    def native_path() -> Any:
        from graph.query.neo4j_paths import native_k_shortest_paths

        return native_k_shortest_paths(store, schema, *native_pair(), k=3, max_hops=6, types=[], labels=[])

    native = [("paths k=3 <=6 hops, Neo4j SHORTEST 3 GROUPS", native_path, runs)]

    out: list[tuple[str, Callable[[], Any], int]] = [
        # As the API serves them: from its in-process snapshot (graph/query/snapshot.py) when the
        # graph is within its size bound, else from the engine. The engine rows are what a
        # caller gets right after a write, while the snapshot is rebuilt.
        ("neighbours depth 1", neighbours(1, snapshot), runs),
        ("neighbours depth 2", neighbours(2, snapshot), runs),
        ("neighbours depth 1, engine", neighbours(1), runs),
        ("neighbours depth 2, engine", neighbours(2), runs),
        ("paths k=3 <=6 hops", path, runs),
        *(native if store.engine == "neo4j" else []),
        # As the API serves it: from the copy when there is one.
        (
            "shared (2 operations)",
            lambda: shared(store, [nxt(operations), nxt(operations)], redactor=None, reader=snapshot),
            runs,
        ),
        *(
            [
                (
                    "shared (2 operations), engine",
                    lambda: shared(store, [nxt(operations), nxt(operations)], redactor=None),
                    runs,
                )
            ]
            if snapshot is not None
            else []
        ),
        (
            "search",
            lambda: search(store, schema, nxt(names)[:5], label=None, limit=20, offset=0, redactor=None),
            runs,
        ),
    ]
    for name, query in catalogue().items():
        given: dict[str, str | list[str]] = {}
        for p in query.parameters:
            if p.type == "id" and str(p.default).startswith("group:"):
                given[p.name] = groups[0]
            elif p.type == "id" and str(p.default).startswith("operation:"):
                given[p.name] = operations[0]
        out.append(
            (
                f"named: {name}",
                lambda name=name, given=given: run_named_query(store, name, given),
                max(5, runs // 5),
            )
        )
    analytics_runs = 3
    out += [
        (
            "centrality degree",
            lambda: centrality(store, schema, projections, measure="degree", labels=[], types=[], limit=20),
            analytics_runs,
        ),
        (
            "centrality pagerank",
            lambda: centrality(store, schema, projections, measure="pagerank", labels=[], types=[], limit=20),
            analytics_runs,
        ),
        (
            "centrality betweenness (Group)",
            lambda: centrality(
                store, schema, projections, measure="betweenness", labels=["Group"], types=[], limit=20
            ),
            analytics_runs,
        ),
        (
            "communities",
            lambda: communities(store, schema, projections, labels=[], types=[], min_size=2, limit=20),
            analytics_runs,
        ),
    ]
    return out


def rss_mb() -> float:
    """This process's resident memory now (ru_maxrss is the peak, which a build would hide)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def build_snapshot_row(store: Any, scale: int) -> tuple[Any, dict[str, Any]]:
    """The snapshot the API would hold, if the graph is within the default size bound."""
    from graph.query.snapshot import build_snapshot
    from graph.settings import Settings
    from graph.store.stats import counts

    bound = Settings.model_fields["snapshot_max_entities"].default
    total = counts(store)
    entities = sum(total["nodes"].values()) + sum(total["relationships"].values())
    row: dict[str, Any] = {"scale": scale, "query": "snapshot build (once per write)", "n": 1}
    if entities > bound:
        row["error"] = (
            f"{entities:,} entities, over the default bound of {bound:,}: neighbourhoods from the engine"
        )
        return None, row
    before, start = rss_mb(), time.perf_counter()
    snapshot = build_snapshot(store, store.generation())
    row.update(
        p50=(time.perf_counter() - start) * 1000,
        memory_mb=snapshot.nbytes() / 2**20,
        rss_growth_mb=rss_mb() - before,
    )
    return snapshot, row


# The cases answered by the engine alone, whatever the copy and the projection hold.
ENGINE_READS = ("search", "shared", "named: ", ", engine", "Neo4j SHORTEST")


def measure(
    store: Any,
    scale: int,
    runs: int,
    only: str | None = None,
    skip: tuple[str, ...] = (),
    engine_reads: bool = False,
    warm: int = 1,
) -> list[dict[str, Any]]:
    """With `engine_reads`, only the cases that the engine answers, without building the
    copy or the projection (which take minutes at 10^6)."""
    from graph.query.projection import build_projection, snapshot_projection

    if engine_reads:
        return measure_cases(store, scale, cases(store, runs, None), only, skip, ENGINE_READS, warm)
    rows = []
    snapshot, row = build_snapshot_row(store, scale)
    rows.append(row)
    start = time.perf_counter()
    build_projection(store, None, store.generation())
    rows.append(
        {
            "scale": scale,
            "query": "projection build from the engine",
            "p50": (time.perf_counter() - start) * 1000,
            "n": 1,
        }
    )
    if snapshot is not None:
        start = time.perf_counter()
        snapshot_projection(snapshot, None)
        rows.append(
            {
                "scale": scale,
                "query": "projection build from the snapshot (once per write)",
                "p50": (time.perf_counter() - start) * 1000,
                "n": 1,
            }
        )
    return rows + measure_cases(store, scale, cases(store, runs, snapshot), only, skip, warm=warm)


def measure_cases(
    store: Any,
    scale: int,
    calls: list[tuple[str, Callable[[], Any], int]],
    only: str | None,
    skip: tuple[str, ...],
    kept: tuple[str, ...] = ("",),
    warm: int = 1,
) -> list[dict[str, Any]]:
    """The rows of the cases whose name holds `only` (if given) and one of `kept`, and
    none of `skip`; each after `warm` calls that are not timed."""
    rows: list[dict[str, Any]] = []
    clock = EngineClock(store) if store.engine == "falkordb" else None
    for name, call, n in calls:
        if (only is not None and only not in name) or any(text in name for text in skip):
            continue
        if not any(text in name for text in kept):
            continue
        target = target_ms(name)
        try:
            result = timed(call, n, clock, warm)
        except PiracyGraphError as exc:  # a named query over its time limit, at 10^6
            rows.append({"scale": scale, "query": name, "target_p95": target, "error": str(exc)})
        else:
            row = {"scale": scale, "query": name, **result, "target_p95": target}
            if target is not None:
                row["met"] = result["p95"] <= target
                row["by"] = None if row["met"] else f"{result['p95'] / target:.1f}x over"
            rows.append(row)
        sys.stderr.write(f"{rows[-1]}\n")  # progress: a large scale runs for many minutes
    return rows


COLUMNS = [
    "engine",
    "scale",
    "query",
    "p50",
    "p95",
    "p99",
    "engine_p50",
    "engine_p95",
    "n",
    "memory_mb",
    "rss_growth_mb",
    "target_p95",
    "met",
    "by",
    "error",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--results", default="queries", help="name of the JSON file in bench/results/")
    parser.add_argument("--only", help="only the queries whose name contains this text")
    parser.add_argument(
        "--skip", nargs="+", default=[], help="leave out the queries whose name contains any of these"
    )
    parser.add_argument(
        "--engine", nargs="+", choices=["falkordb", "neo4j"], default=["falkordb"], help="one or both"
    )
    parser.add_argument(
        "--engine-reads",
        action="store_true",
        help="only what the engine answers (search, shared, named queries, neighbourhoods from the "
        "engine), without building the copy or the projection",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep each loaded engine in a folder under this one, and measure it as is next time",
    )
    parser.add_argument(
        "--warm",
        type=int,
        default=1,
        help="calls of each case before it is timed (1; a few hundred measure a JVM engine "
        "as a server in use runs, its compiler done)",
    )
    args = parser.parse_args(argv)
    rows = []
    for nodes in args.nodes:
        for engine in args.engine:
            with loaded_store(nodes, engine, args.keep) as store:
                rows += [
                    {"engine": engine, **row}
                    for row in measure(
                        store, nodes, args.runs, args.only, tuple(args.skip), args.engine_reads, args.warm
                    )
                ]
    sys.stdout.write(table(rows, COLUMNS) + "\n")
    sys.stdout.write(f"wrote {write_results(args.results, {'rows': rows, 'warm_calls': args.warm})}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
