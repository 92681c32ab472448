"""Entities: search, detail with provenance, neighbourhoods."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from api.answers import json_answer
from api.deps import RedactorDep, SchemaDep, StoreDep, current_snapshot
from api.errors import ErrorResponse
from api.models import EntityDetail, Neighbourhood, SearchResults
from api.params import EntityId, LabelName, NeighbourhoodFiltersDep, Offset, view_links
from graph.entities import SOURCES_PAGE, entity_detail
from graph.neighbours import neighbourhood
from graph.search import search

router = APIRouter(tags=["entities"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}}


@router.get("/entities", response_model=SearchResults, summary="Search entities by name or alias")
def search_entities(
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    q: Annotated[str, Query(min_length=1, max_length=200, examples=["guardia", "Sparks"])],
    label: Annotated[LabelName | None, Query(description="only this label", examples=["Agency"])] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
) -> Response:
    """Full-text search over names and aliases, whatever the case or accents; words match
    by prefix ("guard" finds the Guardia di Finanza). Exact names come first."""
    return json_answer(search(store, schema, q, label=label, limit=limit, offset=offset, redactor=redactor))


@router.get(
    "/entities/{entity_id}",
    response_model=EntityDetail,
    responses=NOT_FOUND,
    summary="One entity with its properties, sources and degree by type",
)
def get_entity(
    entity_id: EntityId,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    sources_limit: Annotated[int, Query(ge=1, le=1000, description="sources listed at most")] = SOURCES_PAGE,
    sources_offset: Annotated[int, Query(ge=0, le=1_000_000, description="sources to skip")] = 0,
) -> dict[str, Any]:
    """`sources_total` says how many sources cite the entity; page through them with
    `sources_offset`."""
    detail = entity_detail(
        store, schema, entity_id, sources_limit=sources_limit, sources_offset=sources_offset
    )
    if redactor is not None:
        redacted = redactor.node(detail)
        detail = {**detail, "name": redacted["name"], "properties": redacted["properties"]}
    return detail


@router.get(
    "/entities/{entity_id}/neighbours",
    response_model=Neighbourhood,
    responses=NOT_FOUND,
    summary="An entity's neighbourhood, 1 to 3 steps, filtered and bounded",
)
def get_neighbours(
    entity_id: EntityId,
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    filters: NeighbourhoodFiltersDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="at most this many nodes")] = 100,
) -> Response:
    """Countries and sources are not expanded beyond the first step (everything is two
    steps from them). Undated relationships pass the date filter."""
    answer = neighbourhood(
        store,
        schema,
        entity_id,
        **filters.kwargs(),
        limit=limit,
        redactor=redactor,
        reader=current_snapshot(request),
    )
    return json_answer({**answer, "links": view_links(request, f"/views/entities/{entity_id}")})
