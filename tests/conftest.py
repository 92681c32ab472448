"""Fixtures: every test run gets its own embedded engine in a temporary data directory."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.resources import bundled_dossiers_dir
from graph.schema import Schema, get_schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from loaders.load import load_paths


@pytest.fixture(scope="session")
def schema() -> Schema:
    return get_schema()


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedEngine]:
    engine = EmbeddedEngine(tmp_path_factory.mktemp("engine"))
    engine.start()
    yield engine
    engine.stop()


def new_store(engine: EmbeddedEngine, schema: Schema) -> FalkorDBStore:
    """A store on a graph name no other test uses."""
    store = FalkorDBStore.embedded_at(engine, f"test-{uuid.uuid4().hex[:12]}", schema)
    store.ensure_schema()
    return store


@pytest.fixture
def empty_store(engine: EmbeddedEngine, schema: Schema) -> Iterator[FalkorDBStore]:
    store = new_store(engine, schema)
    yield store
    store.clear()


@pytest.fixture(scope="session")
def bundled_store(engine: EmbeddedEngine, schema: Schema) -> FalkorDBStore:
    """The bundled dossiers, loaded once; tests must not write to it."""
    store = new_store(engine, schema)
    load_paths(store, schema, [bundled_dossiers_dir()])
    return store


@pytest.fixture(scope="session")
def client(bundled_store: FalkorDBStore, engine: EmbeddedEngine) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=engine.data_dir, graph_name=bundled_store.graph_name, load_bundled_on_start=False
    )
    with TestClient(create_app(settings, store=bundled_store)) as test_client:
        yield test_client


@pytest.fixture
def bundled_dir() -> Path:
    return bundled_dossiers_dir()
