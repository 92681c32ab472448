"""The timeline view: events in date order, filterable, each with its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import RedactorDep, StoreDep
from api.params import ID_PATTERN, Since, Until
from api.routes.views import VIEW_RESPONSES, Embed, Format
from graph.model.schema import Label, get_schema
from graph.query.timeline import TimelineFilters, timeline_in_context, timeline_subject
from graph.render.timeline import describe, render_timeline_page, render_timeline_svg, title_of

router = APIRouter(prefix="/views", tags=["views"])

# The event kinds of graph/schema.yaml, as an enum in the OpenAPI document.
if TYPE_CHECKING:
    EventKind = str
else:
    EventKind = Literal[get_schema().labels[Label.EVENT].values["kind"]]
# GET /timeline answers at most this many events a page: the view shows as many, so that
# its JSON twin gives the same events.
MAX_EVENTS = 500


def json_twin(request: Request, limit: int) -> str:
    """GET /timeline with the view's filters and its limit."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in {"embed", "format", "limit"}]
    return "/timeline?" + urlencode([*params, ("limit", str(limit))], safe=":")


@router.get("/timeline", responses=VIEW_RESPONSES, summary="View of the events in date order")
def view_timeline(
    request: Request,
    store: StoreDep,
    redactor: RedactorDep,
    about: Annotated[
        str | None,
        Query(
            pattern=ID_PATTERN,
            max_length=300,
            description="the events about this entity",
            examples=["person:2020-perfect-storm-resellers"],
        ),
    ] = None,
    operation: Annotated[
        str | None,
        Query(
            pattern=ID_PATTERN,
            max_length=300,
            description="the events about this operation or about what it targeted",
            examples=["operation:2020-sparks"],
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=68,
            description="the events about this country (a code, country:XX, or a name) or about "
            "the operations that acted in it",
            examples=["CY"],
        ),
    ] = None,
    kind: Annotated[list[EventKind], Query(max_length=14, examples=[["arrest"]])] = [],  # noqa: B006
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=MAX_EVENTS, description="at most this many events")] = MAX_EVENTS,
    embed: Embed = False,
    format: Format = "html",
) -> Response:
    """Events on a date axis (a day as a dot, a month or a year as a bar), listed by year;
    a click shows the event's sources and the entities it is about. Unknown entities in
    the filters are 404; a filter that keeps nothing gives a page that says so."""
    filters = TimelineFilters(since, until, list(kind), about, operation, country)
    subject = timeline_subject(store, filters)
    answer: dict[str, Any] = {
        **timeline_in_context(store, filters, limit=limit),
        "targeted_by": subject.get("about", {}).get("targeted_by", []),
    }
    title, subtitle = title_of(subject), describe(subject, filters.kinds, since, until)
    if redactor is not None:
        answer = redactor.value(answer)
        title, subtitle = str(redactor.text(title)), str(redactor.text(subtitle))
    if format == "svg":
        return Response(
            render_timeline_svg(answer, title=title, subtitle=subtitle), media_type="image/svg+xml"
        )
    form = {
        "about": about,
        "operation": operation,
        "country": country,
        "kind": filters.kinds,
        "since": since,
        "until": until,
        "limit": request.query_params.get("limit"),
    }
    page = render_timeline_page(
        answer,
        title=title,
        subtitle=subtitle,
        form=form,
        subject_ids=[entity["id"] for entity in subject.values()],
        embed=embed,
        json_url=json_twin(request, limit),
    )
    return HTMLResponse(page)
