"""The views behind `piracy-graph render ...`: the same pages as the server, in a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.export.subgraph import neighbours
from graph.model.schema import get_schema
from graph.query.catalogue import run_named_query
from graph.query.operations import operation_view
from graph.query.paths import paths
from graph.query.projection import ProjectionCache
from graph.render.network import render_page
from graph.render.operation_graph import operation_graph
from graph.render.operation_page import render_operation_page
from graph.render.query_view import query_view_answer
from graph.render.subgraph import whole_graph
from graph.render.svg import render_svg
from graph.store.base import Store


def write_view(answer: dict[str, Any], output: Path, *, title: str, subtitle: str, base_url: str) -> None:
    schema = get_schema()
    if output.suffix.lower() == ".svg":
        output.write_text(render_svg(answer, schema, title=title), encoding="utf-8")
    else:
        output.write_text(
            render_page(answer, schema, title=title, subtitle=subtitle, base_url=base_url), encoding="utf-8"
        )


def name_of(answer: dict[str, Any], entity_id: str) -> str:
    return next((n.get("name") or entity_id for n in answer["nodes"] if n["id"] == entity_id), entity_id)


def neighbours_view(
    store: Store, entity_id: str, depth: int, limit: int, output: Path, base_url: str
) -> None:
    answer = neighbours(store, get_schema(), entity_id, depth=depth, limit=limit)
    write_view(
        answer,
        output,
        title=name_of(answer, entity_id),
        subtitle=f"neighbourhood, {depth} steps",
        base_url=base_url,
    )


def paths_view(
    store: Store, source: str, target: str, k: int, max_hops: int, output: Path, base_url: str
) -> None:
    answer = paths(
        store,
        get_schema(),
        ProjectionCache(store),
        source,
        target,
        k=k,
        max_hops=max_hops,
        types=[],
        labels=[],
        redactor=None,
    )
    write_view(
        answer,
        output,
        title=f"{name_of(answer, source)} – {name_of(answer, target)}",
        subtitle=f"{len(answer['paths'])} shortest paths",
        base_url=base_url,
    )


def operation_page(store: Store, operation_id: str, output: Path, base_url: str) -> None:
    """The operation page the API serves at /views/operations/{id}: its dossier panel
    beside its graph (or, to .svg, the graph for print)."""
    view = operation_view(store, operation_id, None)
    answer = operation_graph(store, view, limit=300)
    title = view.get("name") or operation_id
    if output.suffix.lower() == ".svg":
        output.write_text(render_svg(answer, get_schema(), title=title), encoding="utf-8")
        return
    page = render_operation_page(view, answer, get_schema(), base_url=base_url)
    output.write_text(page, encoding="utf-8")


def query_view(store: Store, name: str, params: dict[str, str], output: Path, base_url: str) -> None:
    result = run_named_query(store, name, dict(params))
    write_view(
        query_view_answer(store, result),
        output,
        title=result["title"],
        subtitle="named query",
        base_url=base_url,
    )


def graph_view(store: Store, limit: int, output: Path, base_url: str) -> None:
    answer = whole_graph(store, limit=limit, provenance=False)
    write_view(
        answer,
        output,
        title="The whole graph",
        subtitle=f"the {limit} most connected nodes",
        base_url=base_url,
    )
