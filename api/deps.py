"""Dependencies shared by routers: the store, the schema, caches, and who is calling.

Dependencies are `async def`: FastAPI runs a plain `def` dependency in its thread pool, a
hop per dependency per request. Those that ask the engine something do it without
blocking the event loop: the write generation through the app's asyncio reader, anything
else in the thread pool.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from api.security import Reader
from graph.model.schema import Schema, get_schema
from graph.query.answer import Redactor
from graph.query.projection import ProjectionCache
from graph.query.snapshot import Snapshot
from graph.query.snapshot_cache import SnapshotCache
from graph.store import Store
from graph.store.base import GenerationReader


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_projections(request: Request) -> ProjectionCache:
    cache: ProjectionCache = request.app.state.projections
    return cache


async def read_generation(request: Request) -> int:
    """The graph's write generation, read once per request: on the event loop by the
    reader the app made at start (api/app.py), else in the thread pool."""
    generation: int | None = getattr(request.state, "generation", None)
    if generation is None:
        reader: GenerationReader | None = getattr(request.app.state, "generation_reader", None)
        if reader is not None:
            generation = await reader.read()
        else:
            store: Store = request.app.state.store
            generation = await run_in_threadpool(store.generation)
        request.state.generation = generation
    return generation


def current_snapshot(request: Request) -> Snapshot | None:
    """The in-process snapshot if it is of the graph's current generation (read by the
    redactor dependency earlier in this request, if it ran), else None: ask the engine.
    For routes that run in the thread pool; on the event loop, `get_current_snapshot`."""
    cache: SnapshotCache = request.app.state.snapshots
    return cache.current(getattr(request.state, "generation", None))


async def get_current_snapshot(request: Request) -> Snapshot | None:
    """`current_snapshot`, with the generation read on the event loop."""
    cache: SnapshotCache = request.app.state.snapshots
    if not cache.enabled:
        return None
    return cache.current(await read_generation(request))


async def get_redactor(request: Request, who: Reader) -> Redactor | None:
    """None for callers who may see people's names; else the redactor of this generation."""
    if who.see_names:
        return None
    generation = await read_generation(request)  # kept for the snapshot: one round trip, not two
    cached = getattr(request.app.state, "redactor", None)
    if cached is None or cached[0] != generation:
        store: Store = request.app.state.store
        cached = (generation, await run_in_threadpool(Redactor.from_store, store))  # engine queries
        request.app.state.redactor = cached
    redactor: Redactor = cached[1]
    return redactor


async def get_schema_dep() -> Schema:
    return get_schema()


StoreDep = Annotated[Store, Depends(get_store)]
SchemaDep = Annotated[Schema, Depends(get_schema_dep)]
ProjectionsDep = Annotated[ProjectionCache, Depends(get_projections)]
RedactorDep = Annotated[Redactor | None, Depends(get_redactor)]
CurrentSnapshotDep = Annotated[Snapshot | None, Depends(get_current_snapshot)]
