"""Dependencies shared by routers: the store, the schema, caches, and who is calling.

Dependencies that only read app state are `async def`: FastAPI runs a plain `def`
dependency in its thread pool, a hop per dependency per request. Those that talk to the
engine stay plain functions, so a slow engine never blocks the event loop.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.security import Reader
from graph.answer import Redactor
from graph.projection import ProjectionCache
from graph.schema import Schema, get_schema
from graph.snapshot import Snapshot, SnapshotCache
from graph.store import Store


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_projections(request: Request) -> ProjectionCache:
    cache: ProjectionCache = request.app.state.projections
    return cache


def current_snapshot(request: Request) -> Snapshot | None:
    """The in-process snapshot if it is of the graph's current generation (read by the
    redactor dependency earlier in this request, if it ran), else None: ask the engine."""
    cache: SnapshotCache = request.app.state.snapshots
    return cache.current(getattr(request.state, "generation", None))


def get_redactor(request: Request, who: Reader) -> Redactor | None:
    """None for callers who may see people's names; else the redactor of this generation."""
    if who.see_names:
        return None
    store: Store = request.app.state.store
    generation = store.generation()
    request.state.generation = generation  # for current_snapshot: one round trip, not two
    cached = getattr(request.app.state, "redactor", None)
    if cached is None or cached[0] != generation:
        cached = (generation, Redactor.from_store(store))
        request.app.state.redactor = cached
    redactor: Redactor = cached[1]
    return redactor


async def get_schema_dep() -> Schema:
    return get_schema()


StoreDep = Annotated[Store, Depends(get_store)]
SchemaDep = Annotated[Schema, Depends(get_schema_dep)]
ProjectionsDep = Annotated[ProjectionCache, Depends(get_projections)]
RedactorDep = Annotated[Redactor | None, Depends(get_redactor)]
