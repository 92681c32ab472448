"""The operation page: the dossier panel beside the operation's graph, as one self-contained page.

The panel is rendered by the template (autoescaped); the graph travels as JSON in a
non-executable script block and is drawn by vis-network, inlined from the pyvis package,
at positions computed here (graph/render/operation_layout.py). Claims, events and sources
start closed, each as one summary node that a control opens.
"""

from __future__ import annotations

import secrets
from functools import cache
from typing import Any

from markupsafe import Markup

from graph.model.schema import Label, Rel, Schema
from graph.render.citation import DATE_UNKNOWN
from graph.render.network import VIS_DIR, environment, script_json
from graph.render.operation_graph import COLLAPSED_LABELS
from graph.render.operation_layout import sector_layout
from graph.render.operation_panel import figure, panel_sections

LABEL_CHARS = 32
# The order of sectors around the operation, clockwise from twelve o'clock.
LABEL_ORDER: tuple[str, ...] = (
    Label.AGENCY,
    Label.ORGANIZATION,
    Label.GROUP,
    Label.SERVER,
    Label.DOMAIN,
    Label.PLATFORM,
    Label.PERSON,
    Label.OPERATION,
    Label.COUNTRY,
)
PLURAL: dict[str, str] = {
    Label.AGENCY: "Agencies",
    Label.ORGANIZATION: "Organizations",
    Label.GROUP: "Groups",
    Label.SERVER: "Servers",
    Label.DOMAIN: "Domains",
    Label.PLATFORM: "Platforms",
    Label.PERSON: "People",
    Label.OPERATION: "Related operations",
    Label.COUNTRY: "Countries",
    Label.CLAIM: "Claims",
    Label.EVENT: "Events",
    Label.SOURCE: "Sources",
}
# Within a sector, what the operation did to or with a node comes first: those who led
# before those who took part, countries it acted in before those it is connected to.
RELATION_RANK = {Rel.LED: 0, Rel.ACTED_IN: 0, Rel.TARGETED: 0, Rel.PARTICIPATED_IN: 1, Rel.CONNECTED_TO: 1}
HIDDEN_PROPERTIES = {"document", "dossiers"}  # a seed file's path, and bookkeeping
SUMMARY_PREFIX = "summary:"
SECTOR_PREFIX = "sector:"


@cache
def _vis_assets() -> tuple[str, str]:
    return (
        (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        (VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
    )


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def primary_label(node: dict[str, Any], schema: Schema) -> str:
    return next((lb for lb in node["labels"] if lb in schema.labels), "Entity")


def node_label(node: dict[str, Any], label: str) -> str:
    """What a node says on the canvas: a claim its figure, an event its day and kind, a
    source its publisher (their whole text is in the tooltip and the panel)."""
    props = node.get("properties", {})
    if label == Label.CLAIM:
        return figure(props.get("value"), props.get("value_text"), props.get("unit"))
    if label == Label.EVENT:
        return f"{props.get('date') or DATE_UNKNOWN} {str(props.get('kind') or '').replace('_', ' ')}"
    if label == Label.SOURCE:
        return str(props.get("publisher") or node.get("name") or node["id"])
    return str(node.get("name") or node["id"])


def _visible(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k not in HIDDEN_PROPERTIES}


def _groups(answer: dict[str, Any], schema: Schema, centre: str) -> dict[str, list[dict[str, Any]]]:
    """The nodes other than the centre by label, each list in the order its sector shows it."""
    rank: dict[str, int] = {}
    for edge in answer["edges"]:
        if centre in (edge["source"], edge["target"]):
            other = edge["target"] if edge["source"] == centre else edge["source"]
            rank[other] = min(rank.get(other, 2), RELATION_RANK.get(edge["type"], 2))
    groups: dict[str, list[dict[str, Any]]] = {}
    for node in answer["nodes"]:
        if node["id"] != centre:
            groups.setdefault(primary_label(node, schema), []).append(node)

    def order(node: dict[str, Any]) -> tuple[Any, ...]:
        props = node.get("properties", {})
        when = props.get("date") or "9999"  # events and sources in date order, undated last
        return (rank.get(node["id"], 2), when, (node.get("name") or "").lower(), node["id"])

    return {label: sorted(nodes, key=order) for label, nodes in groups.items()}


def graph_data(answer: dict[str, Any], schema: Schema, centre: str, *, base_url: str) -> dict[str, Any]:
    """What the page's script draws: nodes at fixed positions, summaries, edges, titles."""
    groups = _groups(answer, schema, centre)
    core = [lb for lb in LABEL_ORDER if lb in groups] + sorted(
        lb for lb in groups if lb not in LABEL_ORDER and lb not in COLLAPSED_LABELS
    )
    closed = [lb for lb in COLLAPSED_LABELS if lb in groups]
    inner = [(lb, [n["id"] for n in groups[lb]]) for lb in core]
    inner += [(SUMMARY_PREFIX + lb, [SUMMARY_PREFIX + lb]) for lb in closed]
    layout = sector_layout(centre, inner, [(lb, [n["id"] for n in groups[lb]]) for lb in closed])

    def style(label: str) -> dict[str, str]:
        return schema.labels[label].style if label in schema.labels else {}

    nodes = []
    for node in answer["nodes"]:
        label = primary_label(node, schema)
        x, y = layout.positions[node["id"]]
        nodes.append(
            {
                "id": node["id"],
                "label": _short(node_label(node, label)),
                "kind": label,
                "shape": style(label).get("shape", "dot"),
                "color": style(label).get("color", "#97c2fc"),
                "x": round(x, 1),
                "y": round(y, 1),
                **({"size": 30, "font": {"size": 15}} if node["id"] == centre else {}),
            }
        )
    summaries = [
        {
            "id": SUMMARY_PREFIX + lb,
            "label": f"{len(groups[lb])} {PLURAL[lb].lower() if len(groups[lb]) > 1 else lb.lower()} ▸",
            "kind": lb,
            "shape": "box",
            "color": style(lb).get("color", "#cccccc"),
            "font": {"size": 15},
            "margin": 8,
            "x": round(layout.positions[SUMMARY_PREFIX + lb][0], 1),
            "y": round(layout.positions[SUMMARY_PREFIX + lb][1], 1),
        }
        for lb in closed
    ]
    # On a phone, each sector is first drawn as one box at its centre, which a tap opens:
    # a whole operation fits 390 px only as a dozen labels.
    # The box sits where the sector's title would, on the outer ring, away from the centre.
    title_at = {h.label: (h.x, h.y) for h in layout.headers}
    sectors = []
    for lb in core:
        members = [n for n in nodes if n["kind"] == lb and n["id"] != centre]
        if len(members) > 1:
            x, y = title_at.get(lb) or (
                sum(n["x"] for n in members) / len(members),
                sum(n["y"] for n in members) / len(members),
            )
            sectors.append(
                {
                    "id": SECTOR_PREFIX + lb,
                    "label": f"{len(members)} {PLURAL.get(lb, lb).lower()} ▸",
                    "kind": lb,
                    "shape": "box",
                    "color": style(lb).get("color", "#cccccc"),
                    "margin": 8,
                    "x": round(x, 1),
                    "y": round(y, 1),
                }
            )
    # One entry per relationship id: the page's data sets refuse a second one.
    unique: dict[str, dict[str, Any]] = {}
    for e in answer["edges"]:
        unique.setdefault(e.get("id") or f"{e['source']}|{e['type']}|{e['target']}", e)
    kept = list(unique.items())
    edges = [{"id": key, "from": e["source"], "to": e["target"], "type": e["type"]} for key, e in kept]
    headers = [
        {
            "label": h.label,
            "text": f"{PLURAL.get(h.label, h.label)} ({len(groups[h.label])})",
            "x": round(h.x, 1),
            "y": round(h.y, 1),
            "align": h.align,
            "outer": h.outer,
        }
        for h in layout.headers
        if not h.label.startswith(SUMMARY_PREFIX)
    ]
    details = {
        n["id"]: {
            "name": n.get("name"),
            "labels": n["labels"],
            "properties": _visible(n.get("properties", {})),
            "sources": n.get("sources", []),
            "alternatives": n.get("alternatives", []),
        }
        for n in answer["nodes"]
    }
    edge_details = {
        e["id"]: {
            "type": e["type"],
            "properties": _visible(src.get("properties", {})),
            "sources": src.get("sources", []),
            "alternatives": src.get("alternatives", []),
        }
        for e, (_, src) in zip(edges, kept, strict=True)
    }
    return {
        "centre": centre,
        "nodes": nodes,
        "summaries": summaries,
        "sectors": sectors,
        "edges": edges,
        "closed": closed,
        "headers": headers,
        "details": details,
        "edgeDetails": edge_details,
        "sources": {sid: _visible(src) for sid, src in answer.get("sources", {}).items()},
        "baseUrl": base_url,
    }


def _names(view: dict[str, Any], answer: dict[str, Any]) -> dict[str, str]:
    names = {n["id"]: n["name"] for n in answer["nodes"] if n.get("name")}
    for use in view["platforms"]:
        names.setdefault(use["id"], use.get("name") or use["id"])
    return names


def render_operation_page(
    view: dict[str, Any],
    answer: dict[str, Any],
    schema: Schema,
    *,
    embed: bool = False,
    base_url: str = "",
    json_url: str | None = None,
    svg_url: str | None = None,
) -> str:
    """The whole page as text. `view` is the operation view (graph.query.operations) and
    `answer` the graph of the entities it names (graph.render.operation_graph), both
    already redacted for the reader."""
    data = graph_data(answer, schema, view["id"], base_url=base_url)
    present = sorted({n["kind"] for n in data["nodes"] if n["kind"] in schema.labels})
    script, css = _vis_assets()
    return (
        environment()
        .get_template("operation.html")
        .render(
            title=view.get("name") or view["id"],
            embed=embed,
            sections=panel_sections(view, _names(view, answer), base_url=base_url, embed=embed),
            legend=[{"label": lb, **schema.labels[lb].style} for lb in present],
            closed=[
                {"label": lb, "text": PLURAL[lb], "count": sum(1 for n in data["nodes"] if n["kind"] == lb)}
                for lb in data["closed"]
            ],
            node_count=len(answer["nodes"]),
            edge_count=len(answer["edges"]),
            not_shown=int(answer.get("not_shown") or 0),
            json_url=json_url,
            svg_url=svg_url,
            nonce=secrets.token_urlsafe(16),
            # Markup: the package's own vis-network files, and our JSON escaped for <script>.
            vis_script=Markup(script),  # noqa: S704
            vis_css=Markup(css),  # noqa: S704
            data_json=Markup(script_json(data)),  # noqa: S704
        )
    )
