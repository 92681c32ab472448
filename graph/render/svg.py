"""A static SVG of a graph answer, for print: the labels' shapes and colours, arrows, edge
labels kept apart, a legend, and the sources as numbered footnotes."""

from __future__ import annotations

import math
import textwrap
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from graph.model.schema import Schema
from graph.render.citation import citation
from graph.render.layout import positions

MARGIN = 60
LEGEND_WIDTH = 190
NODE_RADIUS = 10
FOOTNOTE_LINE = 14
LABEL_CHARS = 40
EDGE_LABEL_HEIGHT = 10
# Parallel edges between one pair are drawn this many pixels apart, as arcs.
PARALLEL_SPREAD = 18


def render_svg(answer: dict[str, Any], schema: Schema, *, title: str) -> str:
    nodes, edges = answer["nodes"], answer["edges"]
    where = positions(nodes, edges)
    notes = Footnotes(answer.get("sources") or {})
    xs = [x for x, _ in where.values()] or [0.0]
    ys = [y for _, y in where.values()] or [0.0]
    top = 40
    graph_height = max(ys) - min(ys) + 2 * MARGIN
    width = max(max(xs) - min(xs) + 2 * MARGIN + LEGEND_WIDTH, 640)

    def at(node_id: str) -> tuple[float, float]:
        x, y = where[node_id]
        return x - min(xs) + MARGIN, y - min(ys) + MARGIN + top

    placed: list[tuple[float, float, float]] = []  # label boxes: centre x, baseline y, width
    shapes: list[str] = []
    present: list[str] = []
    for node in nodes:
        label = next((lb for lb in node["labels"] if lb in schema.labels), None)
        style = schema.labels[label].style if label else {}
        if label and label not in present:
            present.append(label)
        x, y = at(node["id"])
        name = _short(node.get("name") or node["id"])
        cited = notes.cite(node.get("sources") or [])
        lx, ly = _node_label_spot(placed, x, y, 5.5 * len(name + cited))
        shapes.append(_shape(style.get("shape", "dot"), x, y, style.get("color", "#97c2fc")))
        shapes.append(
            f'<text class="node-label" x="{lx:.1f}" y="{ly:.1f}" font-size="10" text-anchor="middle">'
            + escape(name)
            + (f'<tspan font-size="7" dy="-4">{escape(cited)}</tspan>' if cited else "")
            + "</text>"
        )
    # Edges first, so that shapes are drawn over them; their labels avoid the names.
    body = _edges(edges, where, at, notes, placed) + shapes
    legend = _legend(sorted(present), schema, width - LEGEND_WIDTH + 10, MARGIN + top)
    # Each source is one <text>, wrapped into lines that fit the width.
    footnotes = [textwrap.wrap(note, width=int((width - 2 * MARGIN) / 5.2)) for note in notes.lines()]
    height = graph_height + top + 30 + FOOTNOTE_LINE * sum(len(lines) for lines in footnotes)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif">',
        "<defs>"
        '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#888888"/></marker>'
        "</defs>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="26" font-size="18" font-weight="bold">{escape(title)}</text>',
        *body,
        *legend,
    ]
    y = graph_height + top + 20
    if footnotes:
        out.append(f'<text x="{MARGIN}" y="{y:.0f}" font-size="12" font-weight="bold">Sources</text>')
    for lines in footnotes:
        y += FOOTNOTE_LINE
        first, *more = lines
        out.append(
            f'<text class="footnote" x="{MARGIN}" y="{y:.0f}" font-size="10">{escape(first)}'
            + "".join(
                f'<tspan x="{MARGIN + 12}" dy="{FOOTNOTE_LINE}"> {escape(line)}</tspan>' for line in more
            )
            + "</text>"
        )
        y += FOOTNOTE_LINE * len(more)
    out.append("</svg>")
    return "\n".join(out)


class Footnotes:
    """Sources numbered in the order the drawing first cites them."""

    def __init__(self, sources: dict[str, dict[str, Any]]):
        self.sources = sources
        self.numbers: dict[str, int] = {}

    def cite(self, ids: list[str]) -> str:
        numbers = sorted({self.numbers.setdefault(i, len(self.numbers) + 1) for i in ids})
        return "[" + ",".join(map(str, numbers)) + "]" if numbers else ""

    def lines(self) -> list[str]:
        out = []
        for source_id, number in sorted(self.numbers.items(), key=lambda item: item[1]):
            out.append(f"{number}. " + citation(self.sources.get(source_id) or {}, source_id))
        return out


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _node_label_spot(
    placed: list[tuple[float, float, float]], x: float, y: float, width: float
) -> tuple[float, float]:
    """Below the shape, else above it, else further out: the first spot whose box overlaps
    no name placed yet."""
    for dx, dy in ((0, 24), (0, -16), (0, 36), (0, -28), (45, 24), (-45, 24), (0, 48), (0, -40)):
        cx, cy = x + dx, y + dy
        if _free(placed, cx, cy, width, 12):
            placed.append((cx, cy, width))
            return cx, cy
    placed.append((x, y + 24, width))
    return x, y + 24


def _free(placed: list[tuple[float, float, float]], x: float, y: float, width: float, height: float) -> bool:
    return all(abs(x - px) * 2 >= width + pw or abs(y - py) >= height for px, py, pw in placed)


def _edges(
    edges: list[dict[str, Any]],
    where: dict[str, tuple[float, float]],
    at: Any,
    notes: Footnotes,
    placed: list[tuple[float, float, float]],
) -> list[str]:
    out: list[str] = []
    by_pair: dict[tuple[str, ...], int] = {}
    for edge in edges:
        if edge["source"] not in where or edge["target"] not in where:
            continue
        pair = tuple(sorted((edge["source"], edge["target"])))
        rank = by_pair.get(pair, 0)
        by_pair[pair] = rank + 1
        (x1, y1), (x2, y2) = at(edge["source"]), at(edge["target"])
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        # Stop at the shapes' edges so the arrow head shows.
        sx, sy = x1 + ux * NODE_RADIUS, y1 + uy * NODE_RADIUS
        tx, ty = x2 - ux * (NODE_RADIUS + 2), y2 - uy * (NODE_RADIUS + 2)
        # The k-th edge of a pair bends to alternate sides, further each time.
        bend = 0.0 if rank == 0 else PARALLEL_SPREAD * ((rank + 1) // 2) * (1 if rank % 2 else -1)
        mx, my = (sx + tx) / 2 - uy * bend, (sy + ty) / 2 + ux * bend
        out.append(
            f'<path d="M {sx:.1f} {sy:.1f} Q {mx:.1f} {my:.1f} {tx:.1f} {ty:.1f}" fill="none" '
            f'stroke="#aaaaaa" marker-end="url(#arrow)"/>'
        )
        text = edge["type"] + notes.cite(edge.get("sources") or [])
        lx, ly = _free_spot(
            placed, (sx + tx) / 2 - uy * bend / 2, (sy + ty) / 2 + ux * bend / 2, text, ux, uy
        )
        out.append(
            f'<text class="edge-label" x="{lx:.1f}" y="{ly:.1f}" font-size="8" fill="#666666" '
            f'text-anchor="middle">{escape(text)}</text>'
        )
    return out


def _free_spot(
    placed: list[tuple[float, float, float]], x: float, y: float, text: str, ux: float, uy: float
) -> tuple[float, float]:
    """The label's centre moved along its edge, then to either side of it, to the first
    place where its box overlaps no label placed yet."""
    width = 4.5 * len(text)
    for along in (0.0, 12.0, -12.0, 24.0, -24.0, 36.0, -36.0, 48.0, -48.0):
        for side in (0.0, 11.0, -11.0, 22.0, -22.0):
            cx, cy = x + ux * along - uy * side, y + uy * along + ux * side
            if all(
                abs(cx - px) * 2 >= width + pw or abs(cy - py) >= EDGE_LABEL_HEIGHT for px, py, pw in placed
            ):
                placed.append((cx, cy, width))
                return cx, cy
    placed.append((x, y, width))
    return x, y


def _shape(shape: str, x: float, y: float, color: str) -> str:
    fill, r = quoteattr(color), NODE_RADIUS
    stroke = 'stroke="#333333"'
    if shape in {"square", "box"}:
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" fill={fill} {stroke}/>'
        )
    if shape == "text":  # a label drawn as its name alone: a dashed frame marks its place
        return (
            f'<rect x="{x - r:.1f}" y="{y - r / 2:.1f}" width="{2 * r}" height="{r}" fill="none" '
            f'stroke={fill} stroke-dasharray="2,2"/>'
        )
    if shape == "circle":  # told apart from "dot" by a white ring inside
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill={fill} {stroke} stroke-width="1"/>' + (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r * 0.55:.1f}" fill="none" stroke="#ffffff"/>'
        )
    if shape == "database":  # a cylinder
        top, bottom, rx = y - r, y + r, r
        return (
            f'<path d="M {x - rx:.1f} {top:.1f} A {rx} {r / 3:.1f} 0 0 0 {x + rx:.1f} {top:.1f} '
            f"L {x + rx:.1f} {bottom:.1f} A {rx} {r / 3:.1f} 0 0 1 {x - rx:.1f} {bottom:.1f} Z "
            f'M {x - rx:.1f} {top:.1f} A {rx} {r / 3:.1f} 0 0 1 {x + rx:.1f} {top:.1f}" '
            f"fill={fill} {stroke}/>"
        )
    if shape == "ellipse":
        return f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{1.6 * r}" ry="{r}" fill={fill} {stroke}/>'
    corners = {
        "triangle": [(0, -1.2), (1.05, 0.7), (-1.05, 0.7)],
        "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
        "hexagon": [(math.cos(a), math.sin(a)) for a in (i * math.pi / 3 for i in range(6))],
        "star": [
            (
                (1.3 if i % 2 == 0 else 0.55) * math.sin(i * math.pi / 5),
                -(1.3 if i % 2 == 0 else 0.55) * math.cos(i * math.pi / 5),
            )
            for i in range(10)
        ],
        "triangleDown": [(0, 1.2), (1.05, -0.7), (-1.05, -0.7)],
    }.get(shape)
    if corners:
        points = " ".join(f"{x + cx * r:.1f},{y + cy * r:.1f}" for cx, cy in corners)
        return f"<polygon points={quoteattr(points)} fill={fill} {stroke}/>"
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill={fill} {stroke}/>'


def _legend(labels: list[str], schema: Schema, x: float, y: float) -> list[str]:
    out = [f'<text x="{x:.0f}" y="{y - 16:.0f}" font-size="12" font-weight="bold">Legend</text>']
    for i, label in enumerate(labels):
        style = schema.labels[label].style
        row = y + i * 24
        out.append(_shape(style.get("shape", "dot"), x + 8, row - 4, style.get("color", "#97c2fc")))
        out.append(f'<text x="{x + 32:.0f}" y="{row:.0f}" font-size="12">{escape(label)}</text>')
    return out
