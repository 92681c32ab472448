"""The k shortest undirected paths as Neo4j finds them itself (SHORTEST k GROUPS).

The API finds paths in the in-memory projection on both engines (graph/query/projection.py):
measured at 10^5 nodes it answered faster than Neo4j's own search (docs/performance.md).
This module is the native alternative that was measured, kept so that the comparison can
be run again (bench.queries --engine neo4j) and its answers checked against the
projection's (tests/test_neo4j_paths.py).
"""

from __future__ import annotations

from graph.cypher_text import cypher
from graph.model.schema import Schema
from graph.query.projection import PROVENANCE_TYPES
from graph.store.base import Store


def k_shortest_statement(k: int, max_hops: int) -> str:
    """The statement for `k` and `max_hops`: Neo4j takes neither as a parameter."""
    if not (1 <= k <= 1000 and 1 <= max_hops <= 20):
        raise ValueError(f"k={k}, max_hops={max_hops}: out of range")
    text = cypher("read/k_shortest_paths.cypher", "neo4j")
    return text.replace("__K__", str(k)).replace("__HOPS__", str(max_hops))


def native_k_shortest_paths(
    store: Store,
    schema: Schema,
    source: str,
    target: str,
    *,
    k: int,
    max_hops: int,
    types: list[str],
    labels: list[str],
) -> list[list[str]]:
    """Up to `k` simple paths as lists of entity ids, shortest first, ties by their ids.

    The same relationship filter as the projection: `types`, or every type but the
    provenance ones. Parallel relationships make several Neo4j paths of one node sequence:
    each sequence is kept once, and sequences that visit a node twice are dropped."""
    rel_types = types or sorted(set(schema.relationships) - PROVENANCE_TYPES)
    rows = store.read(
        k_shortest_statement(k, max_hops),
        {"source": source, "target": target, "types": rel_types, "labels": labels},
    )
    found = {tuple(row["nodes"]) for row in rows if len(set(row["nodes"])) == len(row["nodes"])}
    return [list(path) for path in sorted(found, key=lambda path: (len(path), path))[:k]]
