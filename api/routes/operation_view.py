"""The operation page: one operation's dossier panel beside its graph."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from api.deps import RedactorDep, SchemaDep, StoreDep
from api.params import EntityId
from api.routes.views import VIEW_RESPONSES, Embed, Format
from graph.query.answer import Redactor
from graph.query.operations import operation_view
from graph.render.operation_graph import operation_graph
from graph.render.operation_page import render_operation_page
from graph.render.svg import render_svg

router = APIRouter(prefix="/views", tags=["views"])


def _redacted(answer: dict[str, Any], redactor: Redactor | None) -> dict[str, Any]:
    if redactor is None:
        return answer
    return {
        **answer,
        "nodes": [redactor.node(n) for n in answer["nodes"]],
        "edges": [redactor.edge(e) for e in answer["edges"]],
        "sources": redactor.value(answer["sources"]),
    }


@router.get(
    "/operations/{entity_id}",
    responses=VIEW_RESPONSES,
    summary="View of one operation: its dossier beside its graph",
)
def view_operation(
    entity_id: EntityId,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    limit: Annotated[int, Query(ge=1, le=5000, description="most nodes the graph draws")] = 300,
    embed: Embed = False,
    format: Format = "html",
) -> Response:
    """Agencies and countries by role, targets, platforms with their counts, seizures, claims
    by metric (those that disagree marked), people by role with their places, related
    operations, events in date order and sources; beside them the graph, with claims,
    events and sources closed until asked for. The JSON twin is GET /operations/{id}."""
    view = operation_view(store, entity_id, redactor)
    answer = _redacted(operation_graph(store, view, limit=limit), redactor)
    title = view.get("name") or entity_id
    if format == "svg":
        return Response(render_svg(answer, schema, title=title), media_type="image/svg+xml")
    page = render_operation_page(
        view,
        answer,
        schema,
        embed=embed,
        json_url=f"/operations/{entity_id}",
        svg_url=f"/views/operations/{entity_id}?format=svg",
    )
    return HTMLResponse(page)
