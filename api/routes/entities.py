"""Entities: search, detail with provenance, neighbourhoods."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from api.answers import json_answer
from api.deps import CurrentSnapshotDep, RedactorDep, SchemaDep, StoreDep
from api.errors import ErrorResponse
from api.models import EntityDetail, Neighbourhood, SearchResults
from api.params import EntityId, LabelName, NeighbourhoodFiltersDep, Offset, view_links
from graph.model.schema import Label
from graph.model.statements import ALIAS, NAME
from graph.query.entities import SOURCES_PAGE, entity_detail
from graph.query.neighbours import neighbourhood
from graph.query.search import search

router = APIRouter(tags=["entities"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}}

# Which neighbourhoods are answered on the event loop, which in the thread pool. From the
# in-process copy at 10^5 nodes, redaction and JSON included (bench.api; docs/performance.md,
# API): depth 1 for the 200 centres with the most relationships up to 100, 3.6 ms at the
# median and 8.9 ms at most; a centre with 1,000 relationships, 46 ms; depth 3 with limit
# 1000, 78 ms at the median and 129 ms at most. The loop serves no one else meanwhile, so
# it computes only answers of a few ms, the order of the interpreter's 5 ms switch
# interval: in a worker thread such an answer would hold the GIL, and keep the loop
# waiting, for up to 5 ms anyway, and the hop costs ~150 us. Larger ones, and every
# answer read from the engine, go to the thread pool.
INLINE_MAX_DEGREE = 100


@router.get("/entities", response_model=SearchResults, summary="Search entities by name or alias")
def search_entities(
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    q: Annotated[str, Query(min_length=1, max_length=200, examples=["guardia", "Sparks"])],
    label: Annotated[LabelName | None, Query(description="only this label", examples=[Label.AGENCY])] = None,
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
        statements = detail["statements"]
        if Label.PERSON in detail["labels"] and detail["properties"].get("named"):
            statements = [s for s in statements if s["property"] not in {NAME, ALIAS}]
        detail = {
            **detail,
            "name": redacted["name"],
            "properties": redacted["properties"],
            "statements": redactor.value(statements),
        }
    return detail


@router.get(
    "/entities/{entity_id}/neighbours",
    response_model=Neighbourhood,
    responses=NOT_FOUND,
    summary="An entity's neighbourhood, 1 to 3 steps, filtered and bounded",
)
async def get_neighbours(
    entity_id: EntityId,
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    snapshot: CurrentSnapshotDep,
    filters: NeighbourhoodFiltersDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="at most this many nodes")] = 100,
) -> Response:
    """Countries and sources are not expanded beyond the first step (everything is two
    steps from them). Undated relationships pass the date filter."""

    def answer() -> Response:
        found = neighbourhood(
            store,
            schema,
            entity_id,
            **filters.kwargs(),
            limit=limit,
            redactor=redactor,
            reader=snapshot,
            written=True,
        )
        return json_answer({**found, "links": view_links(request, f"/views/entities/{entity_id}")})

    if snapshot is not None and filters.depth == 1 and snapshot.degree(entity_id) <= INLINE_MAX_DEGREE:
        return answer()
    return await run_in_threadpool(answer)
