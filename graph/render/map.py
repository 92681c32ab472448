"""The map: countries filled by their role, as SVG drawn on the server, in a page or for print.

The shapes come from graph/render/world.py, so the page needs no map library and loads
nothing from any other host. Country shapes carry `data-country` (ISO alpha-2, from the
bundled geometry) and `data-roles` (our role keys); names and facts from the data never
enter the SVG as markup: the page gets them as escaped JSON, the print SVG as escaped XML text.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

from graph.render.network import environment, script_json
from graph.render.world import MAX_ASPECT, dot_at, drawable, fit, shape_path, sphere_path, world

NO_ROLE_FILL = "#e3e3e3"
OCEAN_FILL = "#f2f6fa"
STRIPE = 2.4  # width of one role's stripe where a country has several roles (print)
STRIPE_PIXELS = 4  # the same on screen, whatever the zoom (the page rescales the patterns)
DOT_RADIUS = 3.5  # countries too small for the 1:110m shapes


@dataclass(frozen=True)
class RoleStyle:
    title: str
    short: str
    colour: str


# Okabe-Ito colours: told apart with the common kinds of colour blindness.
ROLE_STYLES: dict[str, RoleStyle] = {
    "hosting": RoleStyle("Servers or domains hosted there", "servers", "#0072B2"),
    "enforcement": RoleStyle("Enforcement there (an operation acted)", "enforcement", "#D55E00"),
    "connected": RoleStyle("Connected to the case, no enforcement reported", "connected", "#F0E442"),
    "arrests": RoleStyle("People arrested there", "arrests", "#CC79A7"),
    "based": RoleStyle("Agencies or groups based there", "based there", "#009E73"),
}


def pattern_id(roles: list[str]) -> str:
    return "stripes-" + "-".join(roles)


def fill_of(roles: list[str]) -> str:
    if not roles:
        return NO_ROLE_FILL
    if len(roles) == 1:
        return ROLE_STYLES[roles[0]].colour
    return f"url(#{pattern_id(roles)})"


LEGEND_PATTERN = "stripes-legend"
LEGEND_SAMPLE = ["hosting", "enforcement"]  # the legend's example of a country with several roles


def _patterns(combinations: list[list[str]], *, legend: bool = False) -> str:
    """One diagonal stripe pattern per set of roles drawn: a stripe of each role's colour
    (with `legend`, the legend's sample under its own id)."""
    out = []
    for roles in combinations:
        width = STRIPE * len(roles)
        stripes = "".join(
            f'<rect x="{i * STRIPE:.1f}" y="0" width="{STRIPE:.1f}" height="{width:.1f}" '
            f'fill="{ROLE_STYLES[role].colour}"/>'
            for i, role in enumerate(roles)
        )
        ident = LEGEND_PATTERN if legend else pattern_id(roles)
        out.append(
            f'<pattern id="{ident}" patternUnits="userSpaceOnUse" width="{width:.1f}" '
            f'height="{width:.1f}" patternTransform="rotate(45)">{stripes}</pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def roles_by_code(answer: dict[str, Any]) -> dict[str, list[str]]:
    return {country["code"]: list(country["roles"]) for country in answer["countries"]}


def map_svg(answer: dict[str, Any], *, titles: bool, x: float = 0, y: float = 0, size: str = "") -> str:
    """The map as one <svg> element: every country of the geometry as a shape, the marked
    ones filled by role; marked countries too small for the shapes as dots. `titles` adds a
    <title> to each marked shape (the tooltip of a standalone SVG; the page has its own)."""
    marked = roles_by_code(answer)
    names = {country["code"]: country["name"] for country in answer["countries"]}
    vx0, vy0, vx1, vy1 = fit(sorted(marked))
    combinations = sorted({tuple(roles) for roles in marked.values() if len(roles) > 1})
    out = [
        f'<svg id="map-svg" class="map" x="{x}" y="{y}" {size} viewBox="{vx0:.1f} {vy0:.1f} '
        f'{vx1 - vx0:.1f} {vy1 - vy0:.1f}" preserveAspectRatio="xMidYMid meet" '
        'xmlns="http://www.w3.org/2000/svg">',
        _patterns([list(c) for c in combinations]),
        f'<path class="sphere" d="{sphere_path()}" fill="{OCEAN_FILL}" stroke="#c9d6e2" stroke-width="0.5"/>',
    ]
    # Unmarked countries first, so that marked borders are drawn on top.
    codes = sorted(world()["shapes"], key=lambda code: (code in marked, code))
    for code in codes:
        roles = marked.get(code, [])
        out.append(_shape(code, roles, names.get(code), titles=titles))
    for code in sorted(c for c in marked if c not in world()["shapes"] and c in world()["points"]):
        out.append(_dot(code, marked[code], names.get(code), titles=titles))
    out.append("</svg>")
    return "".join(out)


def _attributes(code: str, roles: list[str]) -> str:
    marked = ' tabindex="0" role="button"' if roles else ""
    return (
        f'data-country="{code}" data-roles="{" ".join(roles)}" class="country{" marked" if roles else ""}" '
        f'fill="{fill_of(roles)}"{marked}'
    )


def _title(code: str, roles: list[str], name: str | None, *, titles: bool) -> str:
    if not (titles and roles):
        return ""
    label = name or world()["shapes"].get(code, world()["points"].get(code, {})).get("name") or code
    return f"<title>{escape(label)}: {escape(', '.join(ROLE_STYLES[r].title for r in roles))}</title>"


def _shape(code: str, roles: list[str], name: str | None, *, titles: bool) -> str:
    path = shape_path(code)
    stroke = ' stroke="#ffffff" stroke-width="0.4"' if not roles else ' stroke="#333333" stroke-width="0.5"'
    return (
        f'<path {_attributes(code, roles)}{stroke} vector-effect="non-scaling-stroke" d="{path}">'
        f"{_title(code, roles, name, titles=titles)}</path>"
    )


def _dot(code: str, roles: list[str], name: str | None, *, titles: bool) -> str:
    cx, cy = dot_at(code)
    return (
        f'<circle {_attributes(code, roles)} stroke="#333333" stroke-width="0.6" '
        f'vector-effect="non-scaling-stroke" cx="{cx:.1f}" cy="{cy:.1f}" r="{DOT_RADIUS}">'
        f"{_title(code, roles, name, titles=titles)}</circle>"
    )


def legend_items(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """Each role with its colour and how many countries have it."""
    counts = {role: 0 for role in ROLE_STYLES}
    for country in answer["countries"]:
        for role in country["roles"]:
            counts[role] += 1
    return [
        {"role": role, "title": style.title, "colour": style.colour, "countries": counts[role]}
        for role, style in ROLE_STYLES.items()
    ]


def not_drawn(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """Countries of the answer that the bundled geometry has no shape or point for."""
    return [country for country in answer["countries"] if not drawable(country["code"])]


PRINT_WIDTH = 1200
LEGEND_ROW = 20


def render_map_svg(answer: dict[str, Any], *, title: str, subtitle: str) -> str:
    """A standalone SVG for print: title, the map, and the legend under it."""
    vx0, vy0, vx1, vy1 = fit(sorted(roles_by_code(answer)))
    map_height = round(PRINT_WIDTH * (vy1 - vy0) / (vx1 - vx0))
    top = 52
    legend_top = top + map_height + 16
    rows = [*legend_items(answer)]
    missing = not_drawn(answer)
    height = legend_top + (len(rows) + 3) * LEGEND_ROW + (LEGEND_ROW if missing else 0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{PRINT_WIDTH}" height="{height}" '
        f'viewBox="0 0 {PRINT_WIDTH} {height}" font-family="sans-serif">',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        _patterns([LEGEND_SAMPLE], legend=True),
        f'<text x="12" y="24" font-size="18" font-weight="bold">{escape(title)}</text>',
        f'<text x="12" y="42" font-size="12" fill="#555555">{escape(subtitle)}</text>',
        map_svg(answer, titles=True, x=0, y=top, size=f'width="{PRINT_WIDTH}" height="{map_height}"'),
        f'<g id="legend" font-size="12" transform="translate(12 {legend_top})">',
    ]
    for i, item in enumerate(rows):
        out.append(_legend_row(i, quoteattr(item["colour"]), f"{item['title']} ({item['countries']})"))
    out.append(
        _legend_row(
            len(rows), quoteattr(f"url(#{LEGEND_PATTERN})"), "Several roles: a stripe of each role's colour"
        )
    )
    out.append(_legend_row(len(rows) + 1, quoteattr(NO_ROLE_FILL), "No role in this map"))
    if missing:
        names = "Not drawn (no shape): " + ", ".join(
            f"{c['name'] or c['code']} ({c['code']})" for c in missing
        )
        out.append(f'<text x="0" y="{(len(rows) + 2) * LEGEND_ROW + 10}">{escape(names)}</text>')
    out.append("</g></svg>")
    return "\n".join(out)


def _legend_row(i: int, fill: str, text: str) -> str:
    y = i * LEGEND_ROW
    return (
        f'<rect x="0" y="{y}" width="14" height="14" fill={fill} stroke="#333333" stroke-width="0.5"/>'
        f'<text x="22" y="{y + 11}">{escape(text)}</text>'
    )


def render_map_page(
    answer: dict[str, Any],
    *,
    title: str,
    subtitle: str,
    embed: bool = False,
    json_url: str | None = None,
    svg_url: str | None = None,
    base_url: str = "",
) -> str:
    """The interactive page: the server-drawn SVG, the legend, and the facts as escaped JSON."""
    data = {
        "countries": {country["code"]: country for country in answer["countries"]},
        # What a source line shows: its title and language would double the page at 10^5.
        "sources": {
            sid: {key: source.get(key) for key in ("publisher", "date", "url")}
            for sid, source in answer.get("sources", {}).items()
        },
        "roles": {
            role: {"title": s.title, "short": s.short, "colour": s.colour} for role, s in ROLE_STYLES.items()
        },
        "names": {code: entry["name"] for code, entry in world()["shapes"].items()},
        "baseUrl": base_url,
        "stripe": STRIPE,
        "stripePixels": STRIPE_PIXELS,
    }
    vx0, vy0, vx1, vy1 = fit(sorted(roles_by_code(answer)))
    return (
        environment()
        .get_template("map.html")
        .render(
            title=title,
            subtitle=subtitle,
            embed=embed,
            json_url=json_url,
            svg_url=svg_url,
            legend=legend_items(answer),
            several=f"url(#{LEGEND_PATTERN})",
            # Markup: drawn here from constants, as is the map (from the bundled geometry
            # and the role keys, never from data text).
            several_patterns=Markup(_patterns([LEGEND_SAMPLE], legend=True)),  # noqa: S704
            no_role=NO_ROLE_FILL,
            # The map box takes the shape of the first view (within reason).
            aspect=f"{min(MAX_ASPECT, max(1.5, (vx1 - vx0) / (vy1 - vy0))):.3f}",
            country_count=len(answer["countries"]),
            not_drawn=not_drawn(answer),
            nonce=secrets.token_urlsafe(16),
            map_svg=Markup(map_svg(answer, titles=False)),  # noqa: S704
            data_json=Markup(script_json(data)),  # noqa: S704
        )
    )
