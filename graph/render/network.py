"""Graph answer -> pyvis network -> one self-contained, escaped HTML page.

pyvis builds the nodes, edges and options; our own Jinja template (autoescaped) inlines
vis-network from the pyvis package, so the page loads nothing from any other host. Text
from the data never becomes HTML: it travels as JSON in a non-executable script block
and is put on the page with textContent.
"""

from __future__ import annotations

import json
import secrets
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from graph.model.schema import Schema
from graph.render.layout import BROWSER_LAYOUT_MAX_NODES, positions

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
LABEL_CHARS = 40
EDGE_LABELS_MAX = 400


@cache
def _vis_assets() -> tuple[str, str]:
    return (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"), (
        VIS_DIR / "vis-network.css"
    ).read_text(encoding="utf-8")


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("graph.render", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
    )


def script_json(value: Any) -> str:
    """JSON that is safe inside <script>: no '<', '>', '&' or line separators survive."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _short(text: str | None) -> str:
    text = text or ""
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def build_network(answer: dict[str, Any], schema: Schema) -> tuple[Network, bool]:
    """The pyvis network of an answer, and whether its layout was precomputed."""
    nodes, edges = answer["nodes"], answer["edges"]
    precomputed = len(nodes) > BROWSER_LAYOUT_MAX_NODES
    where = positions(nodes, edges) if precomputed else {}
    net = Network(directed=True, cdn_resources="in_line")
    for node in nodes:
        label = next((lb for lb in node["labels"] if lb in schema.labels), "Entity")
        style = schema.labels[label].style if label in schema.labels else {}
        extra: dict[str, Any] = {}
        if node["id"] in where:
            extra = {"x": where[node["id"]][0], "y": where[node["id"]][1], "physics": False}
        net.add_node(
            node["id"],
            label=_short(node.get("name") or node["id"]),
            shape=style.get("shape", "dot"),
            color=style.get("color", "#97c2fc"),
            **extra,
        )
    ids = {node["id"] for node in nodes}
    # Thousands of edge labels cost drawing time and read as noise; tooltips keep the type.
    labelled = len(edges) <= EDGE_LABELS_MAX
    for edge in edges:
        if edge["source"] in ids and edge["target"] in ids:
            label = edge["type"] if labelled else None
            net.add_edge(edge["source"], edge["target"], label=label, id=edge.get("id"), type=edge["type"])
    if precomputed:
        net.toggle_physics(False)
    else:
        net.barnes_hut(gravity=-8000, spring_length=160)
    return net, precomputed


def render_page(
    answer: dict[str, Any],
    schema: Schema,
    *,
    title: str,
    subtitle: str = "",
    embed: bool = False,
    base_url: str = "",
    json_url: str | None = None,
) -> str:
    """The whole page as text: vis-network inlined, data as escaped JSON."""
    net, precomputed = build_network(answer, schema)
    vis_nodes, vis_edges, *_ = net.get_network_data()
    options = json.loads(net.options.to_json())
    options["physics"]["stabilization"] = {"enabled": not precomputed, "iterations": 300, "fit": True}
    options["interaction"] = {"hover": True, "tooltipDelay": 150, "navigationButtons": False}
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"size": 9, "align": "middle"},
        "color": {"color": "#999999"},
        "smooth": False,
    }
    details = {
        node["id"]: {
            "name": node.get("name"),
            "labels": node["labels"],
            "properties": node.get("properties", {}),
            "sources": node.get("sources", []),
            "alternatives": node.get("alternatives", []),
        }
        for node in answer["nodes"]
    }
    edge_details = {
        edge.get("id") or f"{edge['source']}|{edge['type']}|{edge['target']}": {
            "type": edge["type"],
            "properties": edge.get("properties", {}),
            "sources": edge.get("sources", []),
            "alternatives": edge.get("alternatives", []),
        }
        for edge in answer["edges"]
    }
    present = sorted({lb for node in answer["nodes"] for lb in node["labels"] if lb in schema.labels})
    legend = [{"label": lb, **schema.labels[lb].style} for lb in present]
    data = {
        "nodes": vis_nodes,
        "edges": vis_edges,
        "options": options,
        "details": details,
        "edgeDetails": edge_details,
        "sources": answer.get("sources", {}),
        "baseUrl": base_url,
        "precomputed": precomputed,
    }
    script, css = _vis_assets()
    not_shown = int(answer.get("not_shown") or 0)
    return (
        environment()
        .get_template("view.html")
        .render(
            title=title,
            subtitle=subtitle,
            embed=embed,
            legend=legend,
            node_count=len(answer["nodes"]),
            edge_count=len(answer["edges"]),
            not_shown=not_shown,
            truncated=bool(answer.get("truncated")),
            json_url=json_url,
            nonce=secrets.token_urlsafe(16),
            # Markup: the package's own vis-network files, and our JSON escaped for <script>.
            vis_script=Markup(script),  # noqa: S704
            vis_css=Markup(css),  # noqa: S704
            data_json=Markup(script_json(data)),  # noqa: S704
        )
    )
