"""A graph answer as GraphML or GEXF (through networkx), for Gephi, yEd, Cytoscape.

Nodes keep their id, name, label and every property; lists (aliases, sources, dossiers)
travel as JSON text, since neither format has lists. In GEXF, nodes and edges carry
`start` / `end` dates (an operation from its start or action day, an event on its date, a
relationship over its period), so Gephi's timeline plays the operations; the dates as the
sources gave them stay in `start_text` / `end_text`.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from graph.export.stix import period_end, period_start
from graph.export.values import flat, property_types
from graph.model.schema import Label, Schema

# GEXF gives these attribute names a meaning of its own (label, interval, edge kind, weight).
if TYPE_CHECKING:
    import networkx as nx

GEXF_RESERVED = {"label", "start", "end", "type", "weight", "id", "key", "pid"}


def _label(node: dict[str, Any], schema: Schema) -> str:
    return next((lb for lb in node["labels"] if lb in schema.labels), "")


def _attributes(item: dict[str, Any], types: dict[str, str], gexf: bool) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for key, value in item.get("properties", {}).items():
        name = f"{key}_text" if gexf and key in GEXF_RESERVED else key
        converted = flat(value, types.get(key))
        if converted is not None:
            attrs[name] = converted
    attrs["sources"] = json.dumps(item.get("sources", []))
    return attrs


def _interval(props: dict[str, Any], label: str) -> dict[str, str]:
    """GEXF dates (YYYY-MM-DD) of a node or edge: when it shows on Gephi's timeline."""
    if label == Label.OPERATION:
        start = props.get("started") or props.get("action_day")
        end = props.get("ended")
    elif label in {Label.EVENT, Label.CLAIM}:
        start = end = props.get("date")
    elif label == Label.GROUP:
        start = props.get("active_since") or props.get("first_seen")
        end = props.get("active_until") or props.get("last_seen")
    else:
        start = props.get("start") or props.get("first_seen")
        end = props.get("end") or props.get("last_seen")
    out = {}
    first, last = period_start(start), period_end(end)
    if first:
        out["start"] = first[:10]
    if last and (not first or last[:10] >= first[:10]):
        out["end"] = last[:10]
    return out


def to_networkx(answer: dict[str, Any], schema: Schema, *, gexf: bool = False) -> nx.MultiDiGraph:
    # Imported here: networkx is 10 MB and 285 modules that only an export needs.
    import networkx as nx

    types = property_types(schema)
    graph = nx.MultiDiGraph(name="piracy-graph")
    if gexf:
        graph.graph["mode"] = "dynamic"
    for node in answer["nodes"]:
        label = _label(node, schema)
        attrs = _attributes(node, types, gexf)
        attrs |= {"label": node.get("name") or node["id"], "name": node.get("name") or "", "labels": label}
        if gexf:
            attrs |= _interval(node["properties"], label)
        graph.add_node(node["id"], **attrs)
    for edge in answer["edges"]:
        if edge["source"] not in graph or edge["target"] not in graph:
            continue
        attrs = _attributes(edge, types, gexf)
        attrs |= {"label": edge["type"], "rel_type": edge["type"]}
        if gexf:
            attrs |= _interval(edge["properties"], "")
        graph.add_edge(edge["source"], edge["target"], key=edge["id"], id=edge["id"], **attrs)
    return graph


def to_graphml(answer: dict[str, Any], schema: Schema) -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(answer, schema), buffer, encoding="utf-8", edge_id_from_attribute="id")
    return buffer.getvalue()


def to_gexf(answer: dict[str, Any], schema: Schema) -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_gexf(to_networkx(answer, schema, gexf=True), buffer, encoding="utf-8")
    return buffer.getvalue()
