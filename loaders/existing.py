"""Values already in the graph win: a later dossier adds provenance and missing properties.

Without this, two dossiers that describe the same agency differently would overwrite each
other's `kind` or `notes` in load order, and a text would end up cited by the sources of
a dossier that never said it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.cypher_text import cypher, splice
from graph.plan import Plan
from graph.schema import Schema
from graph.store.base import Store

# Lists that only grow, merged as sets on write: never read for the values check (a
# country's sources, and those of a relationship between two hubs, run to thousands at
# 10^6 nodes; reading them for every write made loading grow faster than the data).
SET_PROPERTIES = ["sources", "dossiers", "aliases", "keys", "search"]


def keep_existing_values(store: Store, schema: Schema, plan: Plan) -> list[str]:
    """Drop from `plan` every property the graph already holds; return the conflicts seen."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    ids_by_label: dict[str, list[str]] = defaultdict(list)
    for node in plan.nodes.values():
        ids_by_label[node.label].append(node.id)
    for label, ids in ids_by_label.items():
        query = splice(cypher("read/node_scalars.cypher"), schema, labels={"LABEL": label})
        for row in store.read(query, {"ids": ids, "lists": SET_PROPERTIES}):
            nodes[row["id"]] = dict(row["props"])
    rows_by_type: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for edge in plan.edges.values():
        if edge.props:
            rows_by_type[(edge.type, edge.source_label, edge.target_label)].append(
                {"id": edge.id, "src": edge.source, "dst": edge.target}
            )
    for (rel_type, source, target), rows in rows_by_type.items():
        query = splice(
            cypher("write/edge_scalars.cypher"),
            schema,
            labels={"FROM": source, "TO": target},
            types={"TYPE": rel_type},
        )
        for row in store.read(query, {"rows": rows, "lists": SET_PROPERTIES}):
            edges[row["id"]] = dict(row["props"])
    return apply_known(plan, nodes, edges)


def apply_known(plan: Plan, nodes: dict[str, dict[str, Any]], edges: dict[str, dict[str, Any]]) -> list[str]:
    """Drop from `plan` the properties `nodes` and `edges` (id -> the graph's values)
    already hold; the graph's name wins. Returns the conflicts seen."""
    conflicts: list[str] = []
    for node in plan.nodes.values():
        existing = nodes.get(node.id)
        if existing is not None:
            node.name = existing.get("name", node.name)
            conflicts += _drop_known(node.id, node.props, existing)
    for edge in plan.edges.values():
        found = edges.get(edge.id)
        if found is not None and edge.props:
            conflicts += _drop_known(edge.id, edge.props, found)
    return conflicts


def _drop_known(owner: str, props: dict[str, Any], existing: dict[str, Any]) -> list[str]:
    conflicts = []
    for key in [k for k in props if existing.get(k) is not None]:
        value = props.pop(key)
        if value is not None and value != existing[key]:
            conflicts.append(f"{owner}.{key}: kept {existing[key]!r}, not {value!r}")
    return conflicts
