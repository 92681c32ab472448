"""The map view: countries by their role in operations, drawn offline as SVG, and its JSON twin.

Two routers: `router` (prefix /views) serves the page and its SVG, `json_router` serves
GET /map, the same answer as JSON.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field

from api.deps import RedactorDep, StoreDep
from api.errors import ErrorResponse
from api.models import Model, SourceInfo
from api.params import ID_PATTERN, view_links
from api.routes.views import VIEW_RESPONSES, Embed, Format
from graph.query.map import PER_ROLE_DEFAULT, country_map
from graph.render.map import render_map_page, render_map_svg

router = APIRouter(prefix="/views", tags=["views"])
json_router = APIRouter(tags=["countries"])

Role = Literal["hosting", "enforcement", "connected", "arrests", "based"]
ScopeId = Annotated[str | None, Query(min_length=3, max_length=300, pattern=ID_PATTERN)]
PerRole = Annotated[
    int,
    Query(ge=1, le=1000, description="at most this many relationships listed per country and role"),
]
ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}}


class MapFact(Model):
    role: Role
    id: str
    name: str | None
    label: str | None
    details: list[str] = Field(
        description="what the relationships say: their role, an arrest's place and date"
    )
    sources: list[str] = Field(description="source ids, described in the answer's `sources`")


class MapCountry(Model):
    code: str = Field(description="ISO 3166-1 alpha-2")
    name: str | None
    roles: list[Role]
    facts: list[MapFact]
    totals: dict[str, int] = Field(description="entities per role, listed or not")


class MapScope(Model):
    kind: Literal["graph", "operation", "group", "agency"]
    id: str | None
    name: str | None


class MapAnswer(Model):
    scope: MapScope
    countries: list[MapCountry]
    sources: dict[str, SourceInfo]
    links: dict[str, str] = Field(default_factory=dict, description="the map's view, and as SVG")


def _answer(
    store: StoreDep,
    redactor: RedactorDep,
    operation: str | None,
    group: str | None,
    agency: str | None,
    per_role: int,
) -> dict[str, Any]:
    return country_map(
        store, operation=operation, group=group, agency=agency, per_role=per_role, redactor=redactor
    )


@json_router.get(
    "/map",
    response_model=MapAnswer,
    responses=ERRORS,
    summary="Countries by their role, for the whole graph or one operation, group or agency",
)
def get_map(
    request: Request,
    store: StoreDep,
    redactor: RedactorDep,
    operation: ScopeId = None,
    group: ScopeId = None,
    agency: ScopeId = None,
    per_role: PerRole = PER_ROLE_DEFAULT,
) -> dict[str, Any]:
    """Roles: `hosting` (servers or domains located there), `enforcement` (an operation
    acted there), `connected` (tied to a case without reported enforcement), `arrests`
    (people arrested there), `based` (agencies, and on a group's map the group, based
    there). An operation's map: its countries, those of the servers and domains it took
    down or seized, of the people it arrested and of its agencies; a group's: its servers'
    and domains' countries and its own; an agency's: the countries of the operations it led
    or joined. At most one of operation, group and agency."""
    answer = _answer(store, redactor, operation, group, agency, per_role)
    return {**answer, "links": view_links(request, "/views/map")}


def _twin(request: Request, path: str, **extra: str) -> str:
    """`path` with this request's parameters, less the view's own (embed, format)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in {"embed", "format"}]
    params += list(extra.items())
    return path + ("?" + urlencode(params) if params else "")


@router.get("/map", responses={**VIEW_RESPONSES, **ERRORS}, summary="Map of countries by their role")
def view_map(
    request: Request,
    store: StoreDep,
    redactor: RedactorDep,
    operation: ScopeId = None,
    group: ScopeId = None,
    agency: ScopeId = None,
    per_role: PerRole = PER_ROLE_DEFAULT,
    embed: Embed = False,
    format: Format = "html",
) -> Response:
    """The countries of GET /map as a choropleth drawn on the server (no map library, no
    tiles): a colour per role, stripes for several, a tooltip and a panel with each
    country's facts and their sources; `format=svg` for print."""
    answer = _answer(store, redactor, operation, group, agency, per_role)
    scope = answer["scope"]
    if scope["kind"] == "graph":
        title, subtitle = "Countries by role", "every operation in the graph"
    else:
        title = f"{scope['name'] or scope['id']}: countries by role"
        subtitle = f"{scope['kind']} {scope['id']}"
    if format == "svg":
        return Response(render_map_svg(answer, title=title, subtitle=subtitle), media_type="image/svg+xml")
    page = render_map_page(
        answer,
        title=title,
        subtitle=subtitle,
        embed=embed,
        json_url=_twin(request, "/map"),
        svg_url=_twin(request, "/views/map", format="svg"),
    )
    return HTMLResponse(page)
