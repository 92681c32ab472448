"""The FastAPI application: the store opens with the app and closes with it."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from api.audit import AuditLog
from api.errors import ErrorResponse, install_error_handlers
from api.offline_docs import keep_docs_on_this_host
from api.routes import (
    analysis,
    catalog,
    dossiers,
    entities,
    explorer,
    exports,
    extract,
    health,
    links,
    map_view,
    operation_view,
    sign_in,
    timeline_view,
    views,
)
from api.security import requires
from api.session import Sessions
from graph.access import KeyRing, Role
from graph.query.projection import ProjectionCache
from graph.query.snapshot_cache import SnapshotCache
from graph.settings import Settings, get_settings, snapshot_path
from graph.store import Store, open_store
from loaders.load import load_bundled_if_empty

log = logging.getLogger(__name__)

# Every route can answer these, in the one error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "no API key, or not a valid one"},
    403: {"model": ErrorResponse, "description": "the key's role does not allow this"},
    404: {"model": ErrorResponse, "description": "no such entity, query or page"},
    422: {"model": ErrorResponse, "description": "invalid parameters or input, with the field"},
    503: {"model": ErrorResponse, "description": "the graph engine is unavailable"},
}


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """Build the app. Pass `store` to share one already open (it is then not closed)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        app.state.store = store if store is not None else open_store(settings)
        app.state.snapshots = SnapshotCache(
            app.state.store,
            settings.snapshot_max_entities,
            file=snapshot_path(settings, app.state.store.engine),
            # Paths and analytics ready as soon as the copy is: their projection is made from it.
            on_ready=lambda _: app.state.projections.get(None),
        )
        app.state.projections = ProjectionCache(app.state.store, snapshots=app.state.snapshots)
        # On the serving loop: the write generation read by requests without a thread hop.
        app.state.generation_reader = app.state.store.generation_reader()
        try:
            if settings.load_bundled_on_start:
                load_bundled_if_empty(app.state.store)
            app.state.snapshots.start()  # the first copy, in the background
            yield
        finally:
            try:
                await anyio.to_thread.run_sync(app.state.snapshots.finish, 30.0)
                await anyio.to_thread.run_sync(app.state.snapshots.save_current)
                await app.state.generation_reader.aclose()
            finally:
                if own:
                    app.state.store.close()

    # FastAPIOffline: FastAPI with /docs and /redoc reading Swagger UI and ReDoc from the
    # package's own files instead of a CDN.
    app = FastAPIOffline(
        title="piracy-graph",
        version="0.1.0",
        lifespan=lifespan,
        description="Investigators' API over a knowledge graph of piracy networks "
        "and enforcement operations. Every fact keeps its source.",
    )
    app.state.settings = settings
    app.state.keys = KeyRing.from_file(settings.api_keys_file)
    app.state.sessions = Sessions.new()
    app.state.audit = AuditLog(settings.audit_log or settings.data_dir / "audit.jsonl")
    install_error_handlers(app)
    keep_docs_on_this_host(app)
    app.include_router(health.router, responses=ERROR_RESPONSES)  # open: a liveness check
    app.include_router(sign_in.router, responses=ERROR_RESPONSES)  # open: it is how one gets in
    # Every read needs a reader (anyone, on a server without keys).
    for router in (
        entities.router,
        links.router,
        catalog.router,
        analysis.router,
        views.router,
        operation_view.router,
        timeline_view.router,
        map_view.router,
        map_view.json_router,
        explorer.router,
        exports.router,
        extract.router,
    ):
        app.include_router(router, dependencies=[requires(Role.reader)], responses=ERROR_RESPONSES)
    app.include_router(dossiers.router, responses=ERROR_RESPONSES)
    return app
