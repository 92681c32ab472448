"""The timeline: dated events (investigation starts, action days, arrests, sentences...)."""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher
from graph.query.groups import page
from graph.query.neighbours import date_bounds
from graph.store.base import Store


def timeline(
    store: Store,
    *,
    since: str | None,
    until: str | None,
    kinds: list[str],
    about: str | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    params = {
        **date_bounds(since, until),
        "kinds": kinds,
        "about": about,
        "limit": limit + 1,
        "offset": offset,
    }
    return page(store.read(cypher("read/timeline.cypher", store.dialect), params), limit, offset)
