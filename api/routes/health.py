"""GET /health: engine, version and counts."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request

from api.deps import StoreDep, current_snapshot
from api.models import Health
from graph.store.stats import counts

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Engine, version and counts")
def health(store: StoreDep, request: Request) -> Health:
    summary = counts(store)
    in_memory = current_snapshot(request) is not None
    warming: list[Literal["neighbourhoods", "paths"]] = []
    if not in_memory and request.app.state.snapshots.warming:
        warming.append("neighbourhoods")
    if request.app.state.projections.building:
        warming.append("paths")
    return Health(
        neighbourhoods="memory" if in_memory else "engine",
        warming=warming,
        status="ok",
        engine=store.engine,
        version=store.version(),
        graph=request.app.state.settings.graph_name,
        **summary,
    )
