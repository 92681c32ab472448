"""The API over the bundled dossiers, with or without its in-process copy of the graph."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.base import Store
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from loaders.load import load_paths
from loaders.resources import bundled_dossiers_dir


@contextmanager
def bundled_client(bundled_store: Store, engine: EmbeddedEngine, *, snapshot: bool) -> Iterator[TestClient]:
    """The API over the bundled dossiers. With `snapshot`, once its neighbourhoods come from
    the in-process copy (waited for, so that every test sees the same path); without, the
    copy is off and the engine answers."""
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=getattr(bundled_store, "graph_name", "piracy"),
        load_bundled_on_start=False,
        snapshot_max_entities=1_000_000 if snapshot else 0,
    )
    with TestClient(create_app(settings, store=bundled_store)) as test_client:
        if snapshot:
            assert test_client.app.state.snapshots.wait(timeout=60) is not None  # type: ignore[attr-defined]
        yield test_client


def graph_name_of(store: Store) -> str:
    """The graph name settings give for `store` (Neo4j has one database, not named graphs)."""
    return str(getattr(store, "graph_name", "piracy"))


@contextmanager
def keyed_client(
    engine: EmbeddedEngine, schema: Schema, folder: Path, keys_file: Path
) -> Iterator[TestClient]:
    """The API over a fresh graph of the bundled dossiers, asking for the keys of
    `keys_file`; the graph is cleared afterwards."""
    store = FalkorDBStore.embedded_at(engine, f"test-keyed-{uuid.uuid4().hex[:8]}", schema)
    store.ensure_schema()
    load_paths(store, schema, [bundled_dossiers_dir()])
    settings = Settings(
        data_dir=folder,
        graph_name=graph_name_of(store),
        api_keys_file=keys_file,
        load_bundled_on_start=False,
    )
    try:
        with TestClient(create_app(settings, store=store)) as client:
            yield client
    finally:
        store.clear()
