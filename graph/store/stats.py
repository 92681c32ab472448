"""What the graph holds: counts by label and type, and a digest of its whole content."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from graph.cypher_text import cypher
from graph.model.schema import get_schema
from graph.store.base import Store


def counts(store: Store) -> dict[str, dict[str, int]]:
    """Nodes by label and relationships by type: the graph's content, without the store's
    bookkeeping nodes (the records of loaded dossiers, the generation counter)."""
    labels = get_schema().labels
    result: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
    for row in store.read(cypher("write/counts.cypher", store.dialect)):
        if row["kind"] == "node" and row["name"] not in labels:
            continue
        group = "nodes" if row["kind"] == "node" else "relationships"
        result[group][row["name"]] = int(row["count"])
    return {group: dict(sorted(values.items())) for group, values in result.items()}


# Lists the loader writes sorted; an imported graph (a STIX bundle, a copy) may not.
SET_PROPERTIES = ("sources", "dossiers", "aliases", "keys", "statements")


def _canonical(props: dict[str, Any]) -> dict[str, Any]:
    return {
        key: sorted(value, key=str) if key in SET_PROPERTIES and isinstance(value, list) else value
        for key, value in props.items()
    }


def digest(store: Store) -> str:
    """sha256 over every node and relationship with all their properties, order-free.
    Two graphs with the same content have the same digest, whatever the engine."""
    nodes = sorted(
        json.dumps([sorted(row["labels"]), _canonical(row["props"])], sort_keys=True)
        for row in store.read(cypher("write/digest_nodes.cypher", store.dialect))
    )
    edges = sorted(
        json.dumps([row["src"], row["type"], row["dst"], _canonical(row["props"])], sort_keys=True)
        for row in store.read(cypher("write/digest_edges.cypher", store.dialect))
    )
    hasher = hashlib.sha256()
    for line in [*nodes, "--", *edges]:
        hasher.update(line.encode("utf-8"))
        hasher.update(b"\n")
    return hasher.hexdigest()
