"""Query parameters shared by several endpoints, with their limits."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Depends, Path, Query, Request
from pydantic import AfterValidator, StringConstraints

from graph.model.schema import Label, Rel, get_schema
from graph.query.expand import MAX_EXPANSIONS

# No whitespace or control characters: ids are keys, never free text.
ID_PATTERN = r"^[a-z]+:[^\s\x00-\x1f\x7f]{1,250}$"
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"

# The schema's labels and relationship types, as enums in the OpenAPI document (read from
# graph/schema.yaml, a file of the package: no settings or connections at import).
if TYPE_CHECKING:
    LabelName = str
    TypeName = str
else:
    LabelName = Literal[tuple(get_schema().labels)]
    TypeName = Literal[tuple(get_schema().relationships)]

EntityId = Annotated[
    str, Path(min_length=3, max_length=300, pattern=ID_PATTERN, examples=["group:sparks", "country:GB"])
]
ExpandIds = Annotated[
    list[Annotated[str, StringConstraints(min_length=3, max_length=300, pattern=ID_PATTERN)]],
    Query(
        max_length=MAX_EXPANSIONS,
        description="nodes expanded in place, in order: each adds its neighbours one step away",
        examples=[["group:geckos"]],
    ),
]
Labels = Annotated[
    list[LabelName], Query(max_length=20, description="keep only these labels", examples=[[Label.GROUP]])
]
Types = Annotated[
    list[TypeName],
    Query(max_length=30, description="keep only these relationship types", examples=[[Rel.TARGETED]]),
]


def _real_date(value: str | None) -> str | None:
    """'2020-13-45' matches the pattern but is no date."""
    if value is not None:
        year, month, day = [*value.split("-"), "01", "01"][:3]
        datetime.date(int(year), int(month), int(day))  # ValueError -> 422 naming the field
    return value


Since = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="from this date (YYYY[-MM[-DD]])"),
    AfterValidator(_real_date),
]
Until = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="up to this date (YYYY[-MM[-DD]])"),
    AfterValidator(_real_date),
]
Offset = Annotated[int, Query(ge=0, le=100_000, description="results to skip")]


# The filters below are built by coroutines rather than used as class dependencies:
# FastAPI runs a class (like any plain function) in its thread pool, one hand-off per
# request, where a coroutine that only copies query values runs on the event loop.


@dataclass
class NeighbourhoodFilters:
    """The filters of a neighbourhood, shared by its JSON answer and its view."""

    depth: int
    labels: list[str]
    types: list[str]
    since: str | None
    until: str | None

    def kwargs(self) -> dict[str, Any]:
        return {
            "depth": self.depth,
            "labels": self.labels,
            "types": self.types,
            "since": self.since,
            "until": self.until,
        }


async def neighbourhood_filters(
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    labels: Labels = [],  # noqa: B006 - FastAPI copies defaults
    types: Types = [],  # noqa: B006
    since: Since = None,
    until: Until = None,
) -> NeighbourhoodFilters:
    return NeighbourhoodFilters(depth, labels, types, since, until)


@dataclass
class PathQuery:
    """What a paths question asks, shared by its JSON answer and its view."""

    source: str
    target: str
    k: int
    max_hops: int
    types: list[str]
    labels: list[str]

    def kwargs(self) -> dict[str, Any]:
        return {"k": self.k, "max_hops": self.max_hops, "types": self.types, "labels": self.labels}


async def path_query(
    source: Annotated[str, Query(alias="from", pattern=ID_PATTERN, examples=["group:sparks"])],
    target: Annotated[str, Query(alias="to", pattern=ID_PATTERN, examples=["group:geckos"])],
    k: Annotated[int, Query(ge=1, le=10)] = 3,
    max_hops: Annotated[int, Query(ge=1, le=8)] = 6,
    types: Types = [],  # noqa: B006
    labels: Labels = [],  # noqa: B006
) -> PathQuery:
    return PathQuery(source, target, k, max_hops, types, labels)


NeighbourhoodFiltersDep = Annotated[NeighbourhoodFilters, Depends(neighbourhood_filters)]
PathQueryDep = Annotated[PathQuery, Depends(path_query)]


def view_links(request: Request, view_path: str) -> dict[str, str]:
    """Links from a JSON answer to its view (same parameters) and to its SVG."""
    query = str(request.url.query)
    url = view_path + (f"?{query}" if query else "")
    return {"view": url, "svg": url + ("&" if query else "?") + "format=svg"}


def named_query_values(request: Request, skip: frozenset[str] = frozenset()) -> dict[str, str | list[str]]:
    """A named query's parameters, as the query string gives them (repeated keys: a list)."""
    given: dict[str, str | list[str]] = {}
    for key in request.query_params:
        if key not in skip:
            values = request.query_params.getlist(key)
            given[key] = values if len(values) > 1 else values[0]
    return given
