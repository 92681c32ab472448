"""The operation page: one operation's dossier panel beside its graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import RedactorDep, SchemaDep, StoreDep, current_snapshot
from api.params import EntityId
from api.routes.views import VIEW_RESPONSES, Embed, Format, name_of, respond
from graph.query.neighbours import neighbourhood

router = APIRouter(prefix="/views", tags=["views"])


@router.get(
    "/operations/{entity_id}",
    responses=VIEW_RESPONSES,
    summary="View of one operation",
)
def view_operation(
    entity_id: EntityId,
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    limit: Annotated[int, Query(ge=1, le=5000)] = 300,
    embed: Embed = False,
    format: Format = "html",
) -> Response:
    answer = neighbourhood(
        store,
        schema,
        entity_id,
        depth=1,
        labels=[],
        types=[],
        since=None,
        until=None,
        limit=limit,
        redactor=None,
        reader=current_snapshot(request),
    )
    return respond(
        answer,
        schema,
        redactor,
        title=name_of(answer, entity_id),
        subtitle="operation",
        embed=embed,
        fmt=format,
        json_url=f"/operations/{entity_id}",
    )
