"""GET /health: engine, version and counts."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import StoreDep, current_snapshot
from api.models import Health
from graph.store.stats import counts

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Engine, version and counts")
def health(store: StoreDep, request: Request) -> Health:
    summary = counts(store)
    return Health(
        neighbourhoods="memory" if current_snapshot(request) is not None else "engine",
        status="ok",
        engine=store.engine,
        version=store.version(),
        graph=request.app.state.settings.graph_name,
        **summary,
    )
