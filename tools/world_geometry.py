"""Convert world-atlas's TopoJSON (Natural Earth) into graph/render/geo/world.json, keyed by ISO alpha-2.

Run once, when the geometry is updated, from the unpacked npm package:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/world_geometry.py package/

Countries come from the 1:110m file as polygons of [lon, lat] rings, rounded to 0.01 degree.
Countries too small for 1:110m (Malta, Andorra, Monaco, Gibraltar...) get a point instead:
the centroid of their largest polygon in the 1:10m file, so that the map can still mark them.

Natural Earth shapes with no ISO 3166-1 numeric code: Kosovo takes XK, the code the
European Commission and most registries use for it (user-assigned in ISO 3166-1);
Northern Cyprus and Somaliland are drawn as part of Cyprus (CY) and Somalia (SO), the
countries ISO 3166-1 counts them in. Other shapes without a code (Siachen Glacier, the
Indian Ocean Territories of the 1:10m file) are left out, and so is Antarctica: nothing in
the graph is there, and it would take a sixth of the map's height.

Rings that cross the antimeridian (Russia's Chukotka, Fiji) are cut in two there, so that
every ring lies within -180..180 and a flat projection draws no stripe across the map.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

import pycountry

OUT = Path(__file__).resolve().parent.parent / "graph" / "render" / "geo" / "world.json"
SOURCE = "world-atlas 2.0.2 (npm, ISC), Natural Earth 4.1.0 admin-0 countries (public domain)"
NO_NUMERIC_CODE = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
LEFT_OUT = {"AQ"}
DIGITS = 2

Ring = list[tuple[float, float]]


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Quantized, delta-encoded arcs -> absolute [lon, lat] points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(indexes: list[int], arcs: list[Ring]) -> Ring:
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)  # arcs share their end points
    return ring


def polygons_of(geometry: dict[str, Any], arcs: list[Ring]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [[ring_of(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_of(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def alpha_2(geometry: dict[str, Any]) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if geometry.get("id") is None:
        return NO_NUMERIC_CODE.get(name)
    country = pycountry.countries.get(numeric=str(geometry["id"]).zfill(3))
    return country.alpha_2 if country is not None else None


def unwrapped(ring: Ring) -> Ring | None:
    """The ring with longitudes made continuous across the antimeridian (some past 180);
    None for a ring around a pole, which never comes back to its starting offset."""
    out: Ring = []
    offset = 0.0
    for lon, lat in ring:
        if out and lon + offset - out[-1][0] > 180:
            offset -= 360
        elif out and lon + offset - out[-1][0] < -180:
            offset += 360
        out.append((lon + offset, lat))
    if offset != 0:
        return None
    return [(lon + 360, lat) for lon, lat in out] if min(lon for lon, _ in out) < -180 else out


def clipped(ring: Ring, *, east: bool) -> Ring:
    """The part of `ring` east (or west) of the 180th meridian (Sutherland-Hodgman, one edge)."""

    def inside(point: tuple[float, float]) -> bool:
        return point[0] >= 180 if east else point[0] <= 180

    def crossing(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
        t = (180 - a[0]) / (b[0] - a[0])
        return 180.0, a[1] + t * (b[1] - a[1])

    out: Ring = []
    for previous, current in zip(ring[-1:] + ring[:-1], ring, strict=True):
        if inside(current):
            if not inside(previous):
                out.append(crossing(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(crossing(previous, current))
    return out


def split_at_antimeridian(polygon: list[Ring]) -> list[list[Ring]]:
    """One polygon, or two where its outer ring crosses the antimeridian (its holes, none
    of which cross at 1:110m, stay with the western part)."""
    outer = polygon[0]
    crosses = any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(outer))
    if not crosses:
        return [polygon]
    whole = unwrapped(outer)
    if whole is None:
        return []
    west = clipped(whole, east=False)
    east = [(lon - 360, lat) for lon, lat in clipped(whole, east=True)]
    return [rings for rings in ([west, *polygon[1:]], [east]) if len(rings[0]) >= 3]


def rounded(ring: Ring) -> list[float]:
    """A ring as a flat [lon, lat, lon, lat, ...] list, consecutive repeats dropped."""
    flat: list[float] = []
    last = None
    for lon, lat in ring:
        point = (round(lon, DIGITS), round(lat, DIGITS))
        if point != last:
            flat.extend(point)
            last = point
    return flat


def area_and_centroid(ring: Ring) -> tuple[float, tuple[float, float]]:
    """Planar (shoelace) area and centroid in degrees: good enough to place a dot."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, ring[0]
    return abs(area / 2), (cx / (3 * area), cy / (3 * area))


def country_name(code: str, fallback: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return fallback  # XK: not in ISO 3166-1 itself
    return str(getattr(country, "common_name", None) or country.name)


def convert(package: Path) -> dict[str, Any]:
    shapes: dict[str, dict[str, Any]] = {}
    topology = json.loads((package / "countries-110m.json").read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha_2(geometry)
        if code is None or code in LEFT_OUT:
            continue
        entry = shapes.setdefault(
            code, {"name": country_name(code, geometry["properties"]["name"]), "polygons": []}
        )
        parts = [part for whole in polygons_of(geometry, arcs) for part in split_at_antimeridian(whole)]
        for polygon in parts:
            rings = [flat for flat in (rounded(r) for r in polygon) if len(flat) >= 6]
            if rings:
                entry["polygons"].append(rings)
    points: dict[str, dict[str, Any]] = {}
    detailed = json.loads((package / "countries-10m.json").read_text(encoding="utf-8"))
    detailed_arcs = decode_arcs(detailed)
    for geometry in detailed["objects"]["countries"]["geometries"]:
        code = alpha_2(geometry)
        if code is None or code in LEFT_OUT or code in shapes or code in points:
            continue
        outer = [polygon[0] for polygon in polygons_of(geometry, detailed_arcs)]
        if not outer:
            continue
        _, (lon, lat) = max((area_and_centroid(ring) for ring in outer), key=lambda found: found[0])
        points[code] = {
            "name": country_name(code, geometry["properties"]["name"]),
            "at": [round(lon, DIGITS), round(lat, DIGITS)],
        }
    return {
        "source": SOURCE,
        "shapes": dict(sorted(shapes.items())),
        "points": dict(sorted(points.items())),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python tools/world_geometry.py PATH_TO_UNPACKED_WORLD_ATLAS\n")
        return 2
    world = convert(Path(argv[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(world, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(
        f"{OUT}: {len(world['shapes'])} shapes, {len(world['points'])} points, {OUT.stat().st_size} bytes\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
