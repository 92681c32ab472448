"""A static SVG of a graph answer, for print: the same colours, labels and legend."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from graph.model.schema import Schema
from graph.render.layout import positions

MARGIN = 60
LEGEND_WIDTH = 180


def render_svg(answer: dict[str, Any], schema: Schema, *, title: str) -> str:
    nodes, edges = answer["nodes"], answer["edges"]
    where = positions(nodes, edges)
    xs = [x for x, _ in where.values()] or [0.0]
    ys = [y for _, y in where.values()] or [0.0]
    width = max(xs) - min(xs) + 2 * MARGIN + LEGEND_WIDTH
    height = max(ys) - min(ys) + 2 * MARGIN + 30

    def at(node_id: str) -> tuple[float, float]:
        x, y = where[node_id]
        return x - min(xs) + MARGIN, y - min(ys) + MARGIN + 30

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif">',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="24" font-size="18" font-weight="bold">{escape(title)}</text>',
    ]
    for edge in edges:
        if edge["source"] in where and edge["target"] in where:
            (x1, y1), (x2, y2) = at(edge["source"]), at(edge["target"])
            out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#aaaaaa"/>')
            out.append(
                f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2:.1f}" font-size="8" fill="#777777" '
                f'text-anchor="middle">{escape(edge["type"])}</text>'
            )
    present: list[str] = []
    for node in nodes:
        label = next((lb for lb in node["labels"] if lb in schema.labels), None)
        color = schema.labels[label].style["color"] if label else "#97c2fc"
        if label and label not in present:
            present.append(label)
        x, y = at(node["id"])
        name = node.get("name") or node["id"]
        name = name if len(name) <= 40 else name[:39] + "…"
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill={quoteattr(color)} stroke="#333333"/>')
        out.append(
            f'<text x="{x:.1f}" y="{y + 22:.1f}" font-size="10" text-anchor="middle">{escape(name)}</text>'
        )
    lx = width - LEGEND_WIDTH + 10
    for i, label in enumerate(sorted(present)):
        color = schema.labels[label].style["color"]
        y = MARGIN + 30 + i * 20
        out.append(f'<rect x="{lx:.0f}" y="{y - 10}" width="12" height="12" fill={quoteattr(color)}/>')
        out.append(f'<text x="{lx + 18:.0f}" y="{y}" font-size="12">{escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out)
