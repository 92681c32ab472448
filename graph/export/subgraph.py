"""What an export holds: the whole graph (bounded) or the nodes and edges of one answer.

Every exporter takes the one answer shape of graph/query/answer.py (`nodes`, `edges`,
`sources`). Whole-graph answers also give each node its `keys` (the folded names it is
found by), so that a STIX export can be imported back into an identical graph.
"""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher
from graph.model.schema import Schema
from graph.model.statements import decode
from graph.query.answer import Redactor, edge_out, induced, node_out, source_index, source_index_of
from graph.query.neighbours import NeighbourhoodReader, neighbourhood
from graph.store.base import Store

# Whole-graph exports stop here unless asked for more; the API bounds what it may ask.
DEFAULT_LIMIT = 20_000
PAGE = 2_000


def whole_graph(store: Store, *, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """Every node (in id order, up to `limit`) and every relationship among them."""
    nodes: list[dict[str, Any]] = []
    after = ""
    truncated = False
    while True:
        page = store.read(
            cypher("read/page_of_nodes.cypher", store.dialect),
            {"after": after, "limit": min(PAGE, limit - len(nodes) + 1)},
        )
        if not page:
            break
        for row in page:
            if len(nodes) == limit:
                truncated = True
                break
            nodes.append(
                {
                    **node_out(row),
                    "keys": list(row["props"].get("keys") or []),
                    "statements": list(row["props"].get("statements") or []),
                }
            )
        if truncated:
            break
        after = page[-1]["id"]
    ids = [n["id"] for n in nodes]
    kept = set(ids)
    edges: list[dict[str, Any]] = []
    for start in range(0, len(ids), PAGE):
        rows = store.read(
            cypher("read/export_edges.cypher", store.dialect), {"ids": ids[start : start + PAGE]}
        )
        edges += [
            {**edge_out(row), "statements": list(row["props"].get("statements") or [])}
            for row in rows
            if row["dst"] in kept
        ]
    not_shown = 0
    if truncated:
        total = store.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"]
        not_shown = int(total) - len(nodes)
    answer = {
        "nodes": nodes,
        "edges": edges,
        "sources": source_index(store, nodes + edges),
        "truncated": truncated,
        "not_shown": not_shown,
        "limit": limit,
    }
    # A cut graph's statements may cite sources beyond the cut.
    return with_statements(store, answer) if truncated else answer


def neighbours(
    store: Store,
    schema: Schema,
    entity_id: str,
    *,
    depth: int,
    limit: int,
    redactor: Redactor | None = None,
    reader: NeighbourhoodReader | None = None,
) -> dict[str, Any]:
    """An entity's unfiltered neighbourhood, as GET /entities/{id}/neighbours answers it,
    with statements."""
    answer = neighbourhood(
        store,
        schema,
        entity_id,
        depth=depth,
        labels=[],
        types=[],
        since=None,
        until=None,
        limit=limit,
        redactor=redactor,
        reader=reader,
    )
    return answer if redactor is not None else with_statements(store, answer)


def of_answer(store: Store, node_ids: list[str], edge_ids: list[str] | None = None) -> dict[str, Any]:
    """The nodes of a (posted) answer as the graph holds them, and the relationships among
    them: all of them, or only `edge_ids` when the answer lists its edges."""
    answer = with_statements(store, induced(store, node_ids, edge_ids))
    found = {n["id"] for n in answer["nodes"]}
    return {**answer, "not_found": sorted(set(node_ids) - found)}


def with_statements(store: Store, answer: dict[str, Any]) -> dict[str, Any]:
    """The answer with the statements of its nodes, relationships and sources, and every
    source those statements cite: importing its STIX export gives each of them back as the
    graph holds it (loaders/stix/restore.py)."""
    nodes = _statements(store, "read/statements_of_nodes.cypher", {"ids": [n["id"] for n in answer["nodes"]]})
    rows = [{"id": e["id"], "src": e["source"], "dst": e["target"]} for e in answer["edges"] if e.get("id")]
    edges = _statements(store, "read/statements_of_edges.cypher", {"rows": rows})
    cited = {
        s for texts in [*nodes.values(), *edges.values()] for text in texts for s in decode(text).sources
    }
    missing = sorted(cited - answer.get("sources", {}).keys())
    sources = {**answer.get("sources", {}), **(source_index_of(store, missing) if missing else {})}
    of_sources = _statements(store, "read/statements_of_nodes.cypher", {"ids": sorted(sources)})
    return {
        **answer,
        "nodes": [{**n, "statements": nodes.get(n["id"], [])} for n in answer["nodes"]],
        "edges": [{**e, "statements": edges.get(e.get("id") or "", [])} for e in answer["edges"]],
        "sources": {sid: {**info, "statements": of_sources.get(sid, [])} for sid, info in sources.items()},
    }


def _statements(store: Store, query: str, params: dict[str, Any]) -> dict[str, list[str]]:
    return {
        row["id"]: list(row["statements"] or []) for row in store.read(cypher(query, store.dialect), params)
    }


def redacted(answer: dict[str, Any], redactor: Redactor | None) -> dict[str, Any]:
    """The answer as a reader without the right to see people's names gets it. Keys and
    statements are dropped: a named person's keys are their folded name, and their
    statements state it."""
    if redactor is None:
        return answer
    return {
        **answer,
        "nodes": [
            {k: v for k, v in redactor.node(n).items() if k not in {"keys", "statements"}}
            for n in answer["nodes"]
        ],
        "edges": [{k: v for k, v in redactor.edge(e).items() if k != "statements"} for e in answer["edges"]],
        "sources": {
            sid: {k: v for k, v in redactor.value(info).items() if k != "statements"}
            for sid, info in answer.get("sources", {}).items()
        },
    }
