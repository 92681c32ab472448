"""The API over the bundled dossiers, with or without its in-process copy of the graph."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import Settings
from graph.store.base import Store
from graph.store.embedded import EmbeddedEngine


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
