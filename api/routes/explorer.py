"""The explorer page at /: search, neighbourhoods, paths and named queries in one place."""

from __future__ import annotations

import secrets

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import StoreDep
from graph.query.catalogue import catalogue
from graph.query.coverage import coverage, lead_name
from graph.query.operations import list_operations
from graph.render.network import environment
from graph.store.stats import counts

router = APIRouter(tags=["explorer"])


@router.get(
    "/",
    summary="The explorer page",
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "the page"}},
)
def explorer(store: StoreDep) -> HTMLResponse:
    summary = counts(store)
    totals = f"{sum(summary['nodes'].values())} nodes, {sum(summary['relationships'].values())} relationships"
    operations = list_operations(
        store, year=None, country=None, agency=None, target_kind=None, limit=500, offset=0
    )
    page = (
        environment()
        .get_template("explorer.html")
        .render(
            nonce=secrets.token_urlsafe(16),
            counts=totals,
            operations=operations["items"],
            queries=list(catalogue().values()),
            coverage=coverage(store),
            lead_name=lead_name,
        )
    )
    return HTMLResponse(page)
