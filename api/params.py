"""Query parameters shared by several endpoints, with their limits."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import Path, Query, Request
from pydantic import AfterValidator

from graph.errors import InvalidInput
from graph.schema import Schema, get_schema

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
Labels = Annotated[
    list[LabelName], Query(max_length=20, description="keep only these labels", examples=[["Group"]])
]
Types = Annotated[
    list[TypeName],
    Query(max_length=30, description="keep only these relationship types", examples=[["TARGETED"]]),
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


def check_names(schema: Schema, labels: list[str], types: list[str]) -> None:
    """Labels and types are checked against the schema before any query sees them."""
    for label in labels:
        if label not in schema.labels:
            raise InvalidInput(f"unknown label {label!r}", field="query.labels")
    for rel_type in types:
        if rel_type not in schema.relationships:
            raise InvalidInput(f"unknown relationship type {rel_type!r}", field="query.types")


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
