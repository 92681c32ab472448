"""World geometry for the map: the bundled countries, projected, and the view that fits a set of them.

graph/render/geo/world.json (Natural Earth via world-atlas, see its README) holds each
country's 1:110m shape by ISO alpha-2, or a point for those too small at that scale. They
are projected here with the Natural Earth I projection, once per process.
"""

from __future__ import annotations

import itertools
import json
import math
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

SCALE = 180.0  # projected units per radian: the world is about 985 units wide
MIN_VIEW_WIDTH = 260.0  # a map of one small country still shows its neighbours
PAD = 0.06
MAX_ASPECT = 2.4  # width / height of a view at most
WHOLE_WIDTH_FROM = 0.45  # marks spread wider than this share of the world: show its whole width

Box = tuple[float, float, float, float]  # min x, min y, max x, max y


@cache
def world() -> dict[str, Any]:
    path = Path(str(resources.files("graph.render").joinpath("geo", "world.json")))
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def project(lon: float, lat: float) -> tuple[float, float]:
    """Natural Earth I (Šavrič, Patterson, Jenny 2015), as d3-geo writes it; y grows downwards."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x * SCALE, -y * SCALE


@cache
def _projected(code: str) -> tuple[str, Box, Box]:
    """A shape's SVG path, its bounding box, and the box of its largest polygon (its
    mainland: France without French Guiana, for fitting the view)."""
    parts: list[str] = []
    boxes: list[Box] = []
    for polygon in world()["shapes"][code]["polygons"]:
        for i, ring in enumerate(polygon):
            points = [project(ring[k], ring[k + 1]) for k in range(0, len(ring), 2)]
            parts.append(_ring_path(points))
            if i == 0:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                boxes.append((min(xs), min(ys), max(xs), max(ys)))
    mainland = max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    return "".join(parts), _union(boxes), mainland


def _ring_path(points: list[tuple[float, float]]) -> str:
    """A closed ring as path data in tenths of a unit, each point relative to the one before:
    a third the size of absolute coordinates."""
    tenths = [(round(x * 10), round(y * 10)) for x, y in points]
    steps = [f"{_tenths(bx - ax)} {_tenths(by - ay)}" for (ax, ay), (bx, by) in itertools.pairwise(tenths)]
    return f"M{_tenths(tenths[0][0])} {_tenths(tenths[0][1])}l" + " ".join(steps) + "z"


def _tenths(value: int) -> str:
    """12 -> '1.2', -3 -> '-.3', 20 -> '2'."""
    sign, value = ("-" if value < 0 else ""), abs(value)
    whole, tenth = divmod(value, 10)
    text = (str(whole) if whole else "") + (f".{tenth}" if tenth else "")
    return sign + (text or "0")


def _union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@cache
def world_box() -> Box:
    return _union([_projected(code)[1] for code in world()["shapes"]])


def dot_at(code: str) -> tuple[float, float]:
    lon, lat = world()["points"][code]["at"]
    return project(lon, lat)


def drawable(code: str) -> bool:
    return code in world()["shapes"] or code in world()["points"]


def fit(codes: list[str]) -> Box:
    """The view: the mainlands of the marked countries, padded, and never narrower than
    MIN_VIEW_WIDTH; the whole world when nothing is marked."""
    boxes: list[Box] = []
    for code in codes:
        if code in world()["shapes"]:
            boxes.append(_projected(code)[2])
        elif code in world()["points"]:
            x, y = dot_at(code)
            boxes.append((x, y, x, y))
    if not boxes:
        return world_box()
    x0, y0, x1, y1 = _union(boxes)
    wx0, wy0, wx1, wy1 = world_box()
    if x1 - x0 > WHOLE_WIDTH_FROM * (wx1 - wx0):
        # Marks on several continents: a cut through the Pacific would look like an error.
        x0, x1 = wx0, wx1
    grow = max(0.0, MIN_VIEW_WIDTH - (x1 - x0)) / 2
    x0, x1 = x0 - grow, x1 + grow
    # A thin band (Canada to Korea) is given some height: a map, not a strip.
    grow = max(0.0, (x1 - x0) / MAX_ASPECT - (y1 - y0)) / 2
    y0, y1 = y0 - grow, y1 + grow
    pad = PAD * max(x1 - x0, y1 - y0)
    return (max(wx0, x0 - pad), max(wy0, y0 - pad), min(wx1, x1 + pad), min(wy1, y1 + pad))


@cache
def sphere_path() -> str:
    """The outline of the projected globe, for the ocean."""
    east = [project(180, lat) for lat in range(-90, 91, 5)]
    west = [project(-180, lat) for lat in range(90, -91, -5)]
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in east + west) + "Z"


def shape_path(code: str) -> str:
    """The SVG path data of a country's shape (a code of world()["shapes"])."""
    return _projected(code)[0]
