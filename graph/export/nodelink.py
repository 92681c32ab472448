"""A graph answer as node-link JSON: networkx's layout, our fields.

`networkx.node_link_graph(data, edges="links")` reads it back; D3 and most notebook tools
read it as it is. Each node keeps {id, labels, name, properties, sources}, each link
{source, target, key, id, type, properties, sources}, and the graph the sources they cite.
"""

from __future__ import annotations

from typing import Any


def to_nodelink(answer: dict[str, Any]) -> dict[str, Any]:
    ids = {node["id"] for node in answer["nodes"]}
    nodes = [
        {k: node[k] for k in ("id", "labels", "name", "properties", "sources")} for node in answer["nodes"]
    ]
    links = [
        {
            "source": e["source"],
            "target": e["target"],
            "key": e["id"],
            **{k: e[k] for k in ("id", "type", "properties", "sources")},
        }
        for e in answer["edges"]
        if e["source"] in ids and e["target"] in ids
    ]
    graph = {"name": "piracy-graph", "sources": answer.get("sources", {})}
    for key in ("truncated", "not_shown"):
        if key in answer:
            graph[key] = answer[key]
    return {"directed": True, "multigraph": True, "graph": graph, "nodes": nodes, "links": links}
