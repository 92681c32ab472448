"""Graph answer -> one self-contained, escaped HTML page (vis-network inlined).

pyvis gives the network options and the vis-network files; our own Jinja template
(autoescaped) inlines them, so the page loads nothing from any other host. Text from the
data never becomes HTML: the answer travels as JSON in a non-executable script block and
is put on the page with textContent. The page turns the answer's nodes into drawn nodes
with one function, used for the first draw and for every node it expands in place, so
short labels, shapes and tooltips follow one rule.
"""

from __future__ import annotations

import json
import secrets
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from graph.model.schema import Schema
from graph.query.expand import EXPAND_LIMIT
from graph.render.citation import citation
from graph.render.layout import BROWSER_LAYOUT_MAX_NODES, LAYOUT_SEED, positions
from graph.render.scope_note import scope_notes

# Found without importing pyvis, which brings networkx and IPython (about 18 MB) into
# every process that renders; only view_options needs it.
VIS_DIR = Path(getattr(find_spec("pyvis"), "origin", "") or "").parent / "templates" / "lib" / "vis-9.1.2"
EDGE_LABELS_MAX = 400
# Labels drawn below this many pixels are noise: they appear as one zooms in. The most
# connected nodes keep theirs at every zoom (the page's TOP_LABELLED).
LABEL_DRAW_THRESHOLD = 12
# What the page may keep from a node or relationship; everything else stays on the server.
NODE_FIELDS = ("id", "labels", "name", "properties", "sources", "alternatives")
EDGE_FIELDS = ("id", "source", "target", "type", "properties", "sources", "alternatives")
# A source's `document` is a path on the server (seeds/000_....txt): never sent to a page.
INTERNAL_PROPERTIES = frozenset({"document"})


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


def view_options(precomputed: bool) -> dict[str, Any]:
    """vis-network options: pyvis' physics, a fixed layout seed, bounded stabilisation."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    if precomputed:
        net.toggle_physics(False)
    else:
        net.barnes_hut(gravity=-8000, spring_length=160)
    options: dict[str, Any] = json.loads(net.options.to_json())
    options["physics"]["stabilization"] = {"enabled": not precomputed, "iterations": 300, "fit": True}
    # The same answer starts from the same positions, so it settles the same way.
    options["layout"] = {"randomSeed": LAYOUT_SEED}
    options["interaction"] = {"hover": True, "tooltipDelay": 150, "navigationButtons": False}
    options["nodes"] = {
        "font": {"size": 14, "face": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"},
        "scaling": {"label": {"drawThreshold": LABEL_DRAW_THRESHOLD}},
    }
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"size": 9, "align": "middle"},
        "color": {"color": "#999999"},
        "smooth": False,  # parallel relationships get their own curves on the page
    }
    return options


def page_data(answer: dict[str, Any], schema: Schema, *, base_url: str, embed: bool) -> dict[str, Any]:
    """Everything the page's script needs, in a fixed order: nodes by id, edges by ends."""
    nodes = sorted(({k: n[k] for k in NODE_FIELDS if k in n} for n in answer["nodes"]), key=lambda n: n["id"])
    ids = {node["id"] for node in nodes}
    edges = sorted(
        (
            {k: e[k] for k in EDGE_FIELDS if k in e}
            for e in answer["edges"]
            if e["source"] in ids and e["target"] in ids
        ),
        key=lambda e: (e["source"], e["target"], e["type"], e.get("id") or ""),
    )
    for node in nodes:
        if INTERNAL_PROPERTIES & set(node.get("properties") or {}):
            props = node["properties"]
            node["properties"] = {k: v for k, v in props.items() if k not in INTERNAL_PROPERTIES}
    sources = {
        sid: {k: v for k, v in src.items() if k not in INTERNAL_PROPERTIES}
        for sid, src in (answer.get("sources") or {}).items()
    }
    precomputed = len(nodes) > BROWSER_LAYOUT_MAX_NODES
    return {
        "nodes": nodes,
        "edges": edges,
        "positions": positions(nodes, edges) if precomputed else {},
        "precomputed": precomputed,
        "options": view_options(precomputed),
        "styles": {name: dict(spec.style) for name, spec in schema.labels.items()},
        "labels": list(schema.labels),
        "types": sorted(schema.relationships),
        "prefixes": sorted(schema.label_by_prefix),
        "edgeLabels": len(edges) <= EDGE_LABELS_MAX,
        "focus": [answer["center"]] if answer.get("center") in ids else [],
        "sources": sources,
        "table": answer.get("table"),
        "baseUrl": base_url,
        "embed": embed,
        "expandLimit": EXPAND_LIMIT,
    }


def print_sources(sources: dict[str, dict[str, Any]]) -> list[str]:
    """The sources as print footnotes, by publisher: publisher, title, date, URL."""
    ordered = sorted(sources.items(), key=lambda item: (str(item[1].get("publisher")), item[0]))
    return [citation(info, source_id) for source_id, info in ordered]


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
    data = page_data(answer, schema, base_url=base_url, embed=embed)
    present = sorted({lb for node in data["nodes"] for lb in node["labels"] if lb in schema.labels})
    table = answer.get("table")
    script, css = _vis_assets()
    return (
        environment()
        .get_template("view.html")
        .render(
            title=title,
            subtitle=subtitle,
            embed=embed,
            legend=[{"label": lb, **schema.labels[lb].style} for lb in present],
            node_count=len(data["nodes"]),
            edge_count=len(data["edges"]),
            notes=scope_notes(answer, schema),
            table=table,
            row_count=len(table["rows"]) if table else 0,
            print_sources=print_sources(answer.get("sources") or {}),
            json_url=json_url,
            nonce=secrets.token_urlsafe(16),
            # Markup: the package's own vis-network files, and our JSON escaped for <script>.
            vis_script=Markup(script),  # noqa: S704
            vis_css=Markup(css),  # noqa: S704
            data_json=Markup(script_json(data)),  # noqa: S704
        )
    )
