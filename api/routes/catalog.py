"""Groups, operations, countries, agencies and the timeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from api.deps import RedactorDep, StoreDep
from api.errors import ErrorResponse
from api.models import (
    AgencyList,
    AgencyView,
    CountryList,
    CountryView,
    Coverage,
    GroupLinks,
    GroupList,
    OperationList,
    OperationView,
    Timeline,
)
from api.params import ID_PATTERN, EntityId, Offset, Since, Until, view_links
from graph.query.agencies import agency_view, list_agencies
from graph.query.answer import Redactor
from graph.query.coverage import coverage
from graph.query.groups import group_links, list_groups
from graph.query.operations import list_operations, operation_view
from graph.query.places import country_view, list_countries
from graph.query.timeline import timeline

router = APIRouter()
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}}
Limit = Annotated[int, Query(ge=1, le=500, description="at most this many items")]


def redacted(value: dict[str, Any], redactor: Redactor | None) -> dict[str, Any]:
    if redactor is None:
        return value
    hidden: dict[str, Any] = redactor.value(value)
    return hidden


@router.get(
    "/groups",
    response_model=GroupList,
    tags=["groups"],
    summary="Groups, by how many operations targeted them",
)
def get_groups(
    store: StoreDep,
    kind: Annotated[str | None, Query(max_length=100, examples=["IPTV"])] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    return list_groups(store, kind=kind, limit=limit, offset=offset)


@router.get(
    "/groups/{entity_id}/links",
    response_model=GroupLinks,
    tags=["groups"],
    responses=NOT_FOUND,
    summary="Groups linked to a group, with the reasons",
)
def get_group_links(entity_id: EntityId, store: StoreDep, redactor: RedactorDep) -> dict[str, Any]:
    """Reasons: related_to (a documented relation), shared_operation, shared_infrastructure,
    shared_people, shared_platform; each with what links them and the sources."""
    return redacted(group_links(store, entity_id), redactor)


@router.get("/coverage", response_model=Coverage, tags=["operations"], summary="What the graph covers")
def get_coverage(store: StoreDep) -> dict[str, Any]:
    """Operations per year, per lead country and per kind of target; sources per operation,
    how many are official, and the operations that rest on press reports alone."""
    return coverage(store)


@router.get("/operations", response_model=OperationList, tags=["operations"], summary="Operations, filtered")
def get_operations(
    store: StoreDep,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$", examples=["2020"])] = None,
    country: Annotated[str | None, Query(pattern=ID_PATTERN, examples=["country:NL"])] = None,
    agency: Annotated[str | None, Query(pattern=ID_PATTERN, examples=["agency:eurojust"])] = None,
    target_kind: Annotated[str | None, Query(max_length=100, examples=["IPTV"])] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    return list_operations(
        store, year=year, country=country, agency=agency, target_kind=target_kind, limit=limit, offset=offset
    )


@router.get(
    "/operations/{entity_id}",
    response_model=OperationView,
    tags=["operations"],
    responses=NOT_FOUND,
    summary="The full view of one operation",
)
def get_operation(
    entity_id: EntityId, request: Request, store: StoreDep, redactor: RedactorDep
) -> dict[str, Any]:
    """Lead and participating agencies, countries with roles, targets, infrastructure taken
    down, platforms, people by role, seizures, every claim with its source, events, sources."""
    return {
        **operation_view(store, entity_id, redactor),
        "links": view_links(request, f"/views/operations/{entity_id}"),
    }


@router.get(
    "/countries", response_model=CountryList, tags=["countries"], summary="Countries with their counts"
)
def get_countries(store: StoreDep) -> dict[str, Any]:
    return {"items": list_countries(store)}


@router.get(
    "/countries/{country}",
    response_model=CountryView,
    tags=["countries"],
    responses=NOT_FOUND,
    summary="What one country hosted and saw",
)
def get_country(
    country: Annotated[str, Path(min_length=2, max_length=60, examples=["NL", "Royaume-Uni"])],
    store: StoreDep,
    redactor: RedactorDep,
) -> dict[str, Any]:
    """Servers and domains hosted there (with who operated them and which operation took
    them down), operations that acted there or were connected to it, agencies based there."""
    return redacted(country_view(store, country), redactor)


@router.get(
    "/agencies", response_model=AgencyList, tags=["agencies"], summary="Agencies, by number of operations"
)
def get_agencies(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return list_agencies(store, limit=limit, offset=offset)


@router.get(
    "/agencies/{entity_id}",
    response_model=AgencyView,
    tags=["agencies"],
    responses=NOT_FOUND,
    summary="An agency's operations and who it worked with most often",
)
def get_agency(entity_id: EntityId, store: StoreDep) -> dict[str, Any]:
    return agency_view(store, entity_id)


@router.get("/timeline", response_model=Timeline, tags=["timeline"], summary="Events in date order")
def get_timeline(
    store: StoreDep,
    redactor: RedactorDep,
    since: Since = None,
    until: Until = None,
    kind: Annotated[list[str], Query(max_length=14, examples=[["arrest"]])] = [],  # noqa: B006
    about: Annotated[str | None, Query(pattern=ID_PATTERN, examples=["operation:2020-sparks"])] = None,
    operation: Annotated[
        str | None,
        Query(
            pattern=ID_PATTERN,
            description="the events about this operation or about what it targeted (404 if no operation)",
            examples=["operation:2020-sparks"],
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=68,
            description="the events about this country (a code, country:XX or a name; 404 if none) "
            "or about the operations that acted in it",
            examples=["CY"],
        ),
    ] = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Investigation starts, action days, arrests, charges, extraditions, pleas, sentences.
    Dates are as precise as the sources (2016-09 sorts before 2016-09-01)."""
    return redacted(
        timeline(
            store,
            since=since,
            until=until,
            kinds=kind,
            about=about,
            operation=operation,
            country=country,
            limit=limit,
            offset=offset,
        ),
        redactor,
    )
