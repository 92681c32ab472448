"""The timeline: dated events (investigation starts, action days, arrests, sentences...)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.model.countries import country_code, country_name
from graph.query.answer import names_by_id, source_index_of
from graph.query.groups import page
from graph.query.neighbours import date_bounds
from graph.store.base import Store


@dataclass
class TimelineFilters:
    """What a timeline asks for. `about`: the events about that one entity; `operation`:
    the events about it or about what it targeted; `country` (a code, country:XX or a
    name): the events about it or about the operations that acted in it. An event must
    pass every filter given."""

    since: str | None = None
    until: str | None = None
    kinds: list[str] = field(default_factory=list)
    about: str | None = None
    operation: str | None = None
    country: str | None = None


def country_id(code_or_name: str) -> str:
    """'GB', 'country:GB', 'Royaume-Uni' -> 'country:GB'; NotFound for no country at all."""
    code = country_code(code_or_name.removeprefix("country:"))
    if code is None:
        raise NotFound(f"no country {code_or_name!r}")
    return f"country:{code}"


def _operation(store: Store, operation_id: str) -> dict[str, Any]:
    rows = store.read(cypher("read/timeline_operation_scope.cypher", store.dialect), {"id": operation_id})
    if not rows:
        raise NotFound(f"no operation {operation_id!r}")
    return rows[0]


def operation_scope(store: Store, operation_id: str) -> list[str]:
    """The operation's id and those of its targets; NotFound when it is no operation."""
    return [operation_id, *sorted(_operation(store, operation_id)["targets"])]


def country_scope(store: Store, country: str) -> list[str]:
    """The country's id and those of the operations that acted in it."""
    cid = country_id(country)
    rows = store.read(cypher("read/timeline_country_scope.cypher", store.dialect), {"id": cid})
    return [cid, *sorted(rows[0]["operations"] if rows else [])]


def _params(store: Store, filters: TimelineFilters) -> dict[str, Any]:
    operation = operation_scope(store, filters.operation) if filters.operation else None
    country = country_scope(store, filters.country) if filters.country else None
    return {
        **date_bounds(filters.since, filters.until),
        "kinds": filters.kinds,
        "about": filters.about,
        "operation_scope": operation,
        "country_scope": country,
        # Where timeline_from.cypher starts: the entities of the narrowest filter; None
        # when no filter names an entity (then timeline.cypher reads every event).
        "start": [filters.about] if filters.about else operation or country,
    }


def _read(store: Store, params: dict[str, Any], *, count: bool = False) -> list[dict[str, Any]]:
    name = "timeline" if params["start"] is None else "timeline_from"
    return store.read(cypher(f"read/{name}{'_count' if count else ''}.cypher", store.dialect), params)


def _page(store: Store, params: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    return page(_read(store, {**params, "limit": limit + 1, "offset": offset}), limit, offset)


def timeline(
    store: Store,
    *,
    since: str | None,
    until: str | None,
    kinds: list[str],
    about: str | None,
    limit: int,
    offset: int,
    operation: str | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """One page of events in date order (the JSON answer of GET /timeline)."""
    filters = TimelineFilters(since, until, kinds, about, operation, country)
    return _page(store, _params(store, filters), limit, offset)


def timeline_count(store: Store, filters: TimelineFilters) -> int:
    """How many events the filters keep."""
    return int(_read(store, _params(store, filters), count=True)[0]["total"])


def timeline_subject(store: Store, filters: TimelineFilters) -> dict[str, dict[str, Any]]:
    """The entities the filters name, by role ('about', 'operation', 'country'), each with
    its id, name and labels: what a view's title says; `about` also lists the operations
    that targeted it (`targeted_by`: id, name). NotFound for an unknown entity."""
    subject: dict[str, dict[str, Any]] = {}
    if filters.about:
        found = names_by_id(store, [filters.about]).get(filters.about)
        if found is None:
            raise NotFound(f"no entity {filters.about!r}")
        targeted_by = store.read(
            cypher("read/timeline_targeted_by.cypher", store.dialect), {"id": filters.about}
        )
        subject["about"] = {"id": filters.about, **found, "targeted_by": targeted_by}
    if filters.operation:
        found = _operation(store, filters.operation)
        subject["operation"] = {"id": filters.operation, "name": found["name"], "labels": ["Operation"]}
    if filters.country:
        cid = country_id(filters.country)
        subject["country"] = {"id": cid, "name": country_name(cid.split(":", 1)[1]), "labels": ["Country"]}
    return subject


def timeline_in_context(store: Store, filters: TimelineFilters, *, limit: int) -> dict[str, Any]:
    """The first `limit` events with what a reader needs beside them: the names and labels
    of the entities they are about, the sources they cite (publisher, date, url), and how
    many events the filters keep in all (counted only when the list is cut)."""
    params = _params(store, filters)
    answer = _page(store, params, limit, 0)
    events: list[dict[str, Any]] = answer["items"]
    total = int(_read(store, params, count=True)[0]["total"]) if answer["truncated"] else len(events)
    entity_ids = sorted({x for event in events for x in event["about"]})
    source_ids = sorted({s for event in events for s in event["sources"] or []})
    return {
        "events": events,
        "total": total,
        "truncated": answer["truncated"],
        "entities": names_by_id(store, entity_ids),
        "sources": source_index_of(store, source_ids),
    }
