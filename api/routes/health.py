"""GET /health: engine, version and counts."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import SnapshotsDep, StoreDep
from api.models import Health
from graph.stats import counts

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Engine, version and counts")
def health(store: StoreDep, snapshots: SnapshotsDep, request: Request) -> Health:
    summary = counts(store)
    return Health(
        neighbourhoods="memory" if snapshots.current() is not None else "engine",
        status="ok",
        engine=store.engine,
        version=store.version(),
        graph=request.app.state.settings.graph_name,
        **summary,
    )
