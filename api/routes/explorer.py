"""The explorer page at /: search, neighbourhoods, paths, shared, operations, named queries.

The page's state (the view in its frame and the panel's controls) lives in its address and
is restored by the page's own script (templates/explorer.js), so this route only renders
what every state needs: the lists, the schema's labels and types, the query forms.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import SchemaDep, StoreDep
from api.session import COOKIE
from graph.query.catalogue import NamedQuery, catalogue
from graph.query.coverage import coverage, lead_name
from graph.query.operations import list_operations
from graph.render.network import environment
from graph.store.stats import counts

router = APIRouter(tags=["explorer"])


def _as_text(value: Any) -> str:
    """A parameter's default as the query string would carry it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return "" if value is None else str(value)


def query_form(query: NamedQuery) -> dict[str, Any]:
    """A named query as the panel offers it: a title, and one field per parameter."""
    return {
        "name": query.name,
        "title": query.title,
        "description": query.description,
        "parameters": [
            {"name": p.name, "type": p.type, "default": _as_text(p.default), "description": p.description}
            for p in query.parameters
        ],
    }


@router.get(
    "/",
    summary="The explorer page",
    description="Its address holds its state, e.g. `/?view=paths&from=group:sparks&to=group:geckos&k=3`.",
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "the page"}},
)
def explorer(request: Request, store: StoreDep, schema: SchemaDep) -> HTMLResponse:
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
            queries=[query_form(q) for q in catalogue().values()],
            labels=list(schema.labels),
            types=list(schema.relationships),
            coverage=coverage(store),
            lead_name=lead_name,
            # The key a browser session stands for (a program's key is in its own header).
            signed_in=getattr(request.state, "key_id", None) if COOKIE in request.cookies else None,
        )
    )
    return HTMLResponse(page)
