"""Views: every graph answer as an interactive page (or SVG for print), linked to its JSON."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import ProjectionsDep, RedactorDep, SchemaDep, StoreDep, current_snapshot
from api.params import (
    EntityId,
    ExpandIds,
    NeighbourhoodFilters,
    NeighbourhoodFiltersDep,
    PathQueryDep,
    named_query_values,
)
from graph.model.schema import Schema
from graph.query.answer import Redactor
from graph.query.catalogue import run_named_query
from graph.query.expand import EXPAND_LIMIT, OneStep, expand_answer
from graph.query.neighbours import neighbourhood
from graph.query.paths import paths
from graph.query.shared import shared
from graph.render.network import render_page
from graph.render.query_view import query_view_answer
from graph.render.subgraph import whole_graph
from graph.render.svg import render_svg

router = APIRouter(prefix="/views", tags=["views"])
Embed = Annotated[bool, Query(description="a page without chrome, for an iframe")]
Format = Annotated[str, Query(pattern="^(html|svg)$", description="html (interactive) or svg (print)")]
# Views answer HTML (or SVG); their errors are JSON like everywhere else, so the route keeps
# the default JSON response class and documents its page here.
VIEW_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/html": {"schema": {"type": "string"}},
            "image/svg+xml": {"schema": {"type": "string"}},
        },
        "description": "the view",
    }
}


def _json_twin(request: Request, path: str) -> str:
    """The JSON endpoint answering the same question, with the same parameters."""
    # `expand` is the view's own drawing: the JSON answers the question itself.
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in {"embed", "format", "expand"}]
    return path + ("?" + urlencode(params) if params else "")


def respond(
    answer: dict[str, Any],
    schema: Schema,
    redactor: Redactor | None,
    *,
    title: str,
    subtitle: str,
    embed: bool,
    fmt: str,
    json_url: str,
) -> Response:
    if redactor is not None:
        answer = {
            **answer,
            "nodes": [redactor.node(n) for n in answer["nodes"]],
            "edges": [redactor.edge(e) for e in answer["edges"]],
            # A source's title or publisher can name a person ("US v. <name>").
            "sources": redactor.value(answer.get("sources") or {}),
        }
        title = str(redactor.text(title))
    if fmt == "svg":
        return Response(render_svg(answer, schema, title=title), media_type="image/svg+xml")
    page = render_page(answer, schema, title=title, subtitle=subtitle, embed=embed, json_url=json_url)
    return HTMLResponse(page)


def one_step(
    store: StoreDep, schema: Schema, request: Request, filters: NeighbourhoodFilters | None = None
) -> OneStep:
    """An expansion: one step of neighbours, with a neighbourhood view's own filters."""
    unfiltered = NeighbourhoodFilters(depth=1, labels=[], types=[], since=None, until=None)
    kept = {**(filters or unfiltered).kwargs(), "depth": 1}

    def step(entity_id: str) -> dict[str, Any]:
        return neighbourhood(
            store,
            schema,
            entity_id,
            **kept,
            limit=EXPAND_LIMIT,
            redactor=None,
            reader=current_snapshot(request),
        )

    return step


def name_of(answer: dict[str, Any], entity_id: str) -> str:
    return next((n.get("name") or entity_id for n in answer["nodes"] if n["id"] == entity_id), entity_id)


@router.get(
    "/entities/{entity_id}",
    responses=VIEW_RESPONSES,
    summary="View of an entity's neighbourhood",
)
def view_neighbourhood(
    entity_id: EntityId,
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    filters: NeighbourhoodFiltersDep,
    limit: Annotated[int, Query(ge=1, le=5000)] = 150,
    expand: ExpandIds = [],  # noqa: B006 - FastAPI copies defaults
    embed: Embed = False,
    format: Format = "html",
) -> Response:
    answer = neighbourhood(
        store,
        schema,
        entity_id,
        **filters.kwargs(),
        limit=limit,
        redactor=None,
        reader=current_snapshot(request),
    )
    answer = expand_answer(answer, expand, one_step(store, schema, request, filters))
    return respond(
        answer,
        schema,
        redactor,
        title=name_of(answer, entity_id),
        subtitle=f"neighbourhood, {filters.depth} step{'s' if filters.depth > 1 else ''}",
        embed=embed,
        fmt=format,
        json_url=_json_twin(request, f"/entities/{entity_id}/neighbours"),
    )


@router.get(
    "/paths",
    responses=VIEW_RESPONSES,
    summary="View of the paths between two entities",
)
def view_paths(
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    projections: ProjectionsDep,
    redactor: RedactorDep,
    ask: PathQueryDep,
    expand: ExpandIds = [],  # noqa: B006
    embed: Embed = False,
    format: Format = "html",
) -> Response:
    answer = paths(store, schema, projections, ask.source, ask.target, **ask.kwargs(), redactor=None)
    answer = expand_answer(answer, expand, one_step(store, schema, request))
    title = f"{name_of(answer, ask.source)} – {name_of(answer, ask.target)}"
    return respond(
        answer,
        schema,
        redactor,
        title=title,
        subtitle=f"{len(answer['paths'])} shortest paths",
        embed=embed,
        fmt=format,
        json_url=_json_twin(request, "/paths"),
    )


@router.get("/shared", responses=VIEW_RESPONSES, summary="View of what entities share")
def view_shared(
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    ids: Annotated[list[str], Query(alias="id", min_length=2, max_length=10)],
    expand: ExpandIds = [],  # noqa: B006
    embed: Embed = False,
    format: Format = "html",
) -> Response:
    answer = shared(store, ids, redactor=None, reader=current_snapshot(request))
    answer = expand_answer(answer, expand, one_step(store, schema, request))
    title = " & ".join(name_of(answer, i) for i in answer["entities"])
    return respond(
        answer,
        schema,
        redactor,
        title=title,
        subtitle="what they share",
        embed=embed,
        fmt=format,
        json_url=_json_twin(request, "/shared"),
    )


@router.get(
    "/queries/{name}",
    responses=VIEW_RESPONSES,
    summary="View of the entities a named query returns",
)
def view_named_query(
    name: Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{0,63}$")],
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    expand: ExpandIds = [],  # noqa: B006
) -> Response:
    """The result table (every column, sortable), beside the graph of the entities its rows
    mention and the relationships among them."""
    values = named_query_values(request, frozenset({"embed", "format", "expand"}))
    result = run_named_query(store, name, values)
    answer = expand_answer(query_view_answer(store, result), expand, one_step(store, schema, request))
    if redactor is not None:
        # The rows as the JSON twin shows them: named people become their role.
        answer = {**answer, "table": redactor.value(answer["table"])}
    embed = request.query_params.get("embed") in {"1", "true"}
    fmt = request.query_params.get("format", "html")
    return respond(
        answer,
        schema,
        redactor,
        title=result["title"],
        subtitle="named query",
        embed=embed,
        fmt="svg" if fmt == "svg" else "html",
        json_url=_json_twin(request, f"/queries/{name}"),
    )


@router.get(
    "/graph",
    responses=VIEW_RESPONSES,
    summary="View of the whole graph, bounded to its most connected nodes",
)
def view_graph(
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    provenance: Annotated[bool, Query(description="include sources, claims and events")] = False,
    expand: ExpandIds = [],  # noqa: B006
    embed: Embed = False,
    format: Format = "html",
) -> Response:
    answer = whole_graph(store, limit=limit, provenance=provenance)
    answer = expand_answer(answer, expand, one_step(store, schema, request))
    return respond(
        answer,
        schema,
        redactor,
        title="The whole graph",
        subtitle=f"the {limit} most connected nodes",
        embed=embed,
        fmt=format,
        json_url="/health",
    )
