"""Depth-1 neighbourhood answers as canonical JSON, to compare two readers of one graph
(the engine and an in-process snapshot) entity by entity."""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

from graph.model.schema import Schema
from graph.query.neighbours import neighbourhood


def answers(store: Any, schema: Schema, reader: Any, ids: list[str] | None = None) -> dict[str, str]:
    """Every entity's depth-1 neighbourhood (of those the graph holds, or of `ids`), read
    through `reader` (None: the engine), nodes and edges in a fixed order."""
    if ids is None:
        ids = [row["id"] for row in store.read("MATCH (n:Entity) RETURN n.id AS id ORDER BY id")]
    found = {}
    for entity_id in ids:
        answer = neighbourhood(
            store,
            schema,
            entity_id,
            depth=1,
            labels=[],
            types=[],
            since=None,
            until=None,
            limit=1000,
            redactor=None,
            reader=reader,
        )
        answer["nodes"].sort(key=lambda n: n["id"])
        answer["edges"].sort(key=lambda e: (e["id"], e["source"], e["target"]))
        found[entity_id] = json.dumps(answer, sort_keys=True)
    return found


def entries_out_of_order(snapshot: Any) -> list[str]:
    """The nodes whose adjacency entries are not sorted by (other end, relationship), as
    the snapshot's look-ups need them."""
    ptr, others, edges = snapshot.adj_ptr.tolist(), snapshot.adj_node.tolist(), snapshot.adj_edge.tolist()
    return [
        snapshot.ids[i]
        for i in range(len(ptr) - 1)
        if (entries := list(zip(others[ptr[i] : ptr[i + 1]], edges[ptr[i] : ptr[i + 1]], strict=True)))
        != sorted(entries)
    ]


def look_up_every_node(monkeypatch: Any) -> None:
    """Make the snapshot's edges_among look every node's members up, as it does for nodes
    with many relationships, instead of reading its entries."""
    monkeypatch.setattr("graph.query.snapshot.LOOK_UP_ABOVE", 0)
    monkeypatch.setattr("graph.query.snapshot.LOOK_UP_FACTOR", 0)


def ranked_out_of_order(snapshot: Any) -> list[str]:
    """The node ids that by_id does not hold in id order, or whose rank is not their place
    in it."""
    by_id = snapshot.by_id.tolist()
    in_order = [snapshot.ids[i] for i in by_id]
    wrong = {a for a, b in pairwise(in_order) if a > b}
    wrong |= {snapshot.ids[i] for place, i in enumerate(by_id) if snapshot.rank[i] != place}
    if sorted(by_id) != list(range(len(snapshot.ids))):
        wrong.add("(by_id does not hold every node once)")
    return sorted(wrong)
