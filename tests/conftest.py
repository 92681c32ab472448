"""Fixtures: every test run gets its own embedded engine in a temporary data directory.

With PIRACY_GRAPH_TEST_NEO4J_URI set (and _USER, _PASSWORD, _DATABASE as needed), the
stores of the API and loader tests are on that Neo4j instead. It must be a throwaway
database (compose.yml starts one): each store there is cleared before use.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.resources import bundled_dossiers_dir
from graph.schema import Schema, get_schema
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.neo4j import Neo4jStore
from loaders.load import load_paths
from tests.clients import bundled_client


@pytest.fixture(scope="session")
def schema() -> Schema:
    return get_schema()


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedEngine]:
    engine = EmbeddedEngine(tmp_path_factory.mktemp("engine"))
    engine.start()
    yield engine
    engine.stop()


NEO4J_URI = os.environ.get("PIRACY_GRAPH_TEST_NEO4J_URI")


def new_store(engine: EmbeddedEngine, schema: Schema) -> Any:
    """A store on a graph name no other test uses (or the test Neo4j, cleared)."""
    if NEO4J_URI:
        neo4j_store = Neo4jStore.connect(
            NEO4J_URI,
            os.environ.get("PIRACY_GRAPH_TEST_NEO4J_USER", "neo4j"),
            os.environ.get("PIRACY_GRAPH_TEST_NEO4J_PASSWORD", ""),
            os.environ.get("PIRACY_GRAPH_TEST_NEO4J_DATABASE"),
            schema,
        )
        neo4j_store.clear()
        neo4j_store.ensure_schema()
        return neo4j_store
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
    with bundled_client(bundled_store, engine, snapshot=True) as test_client:
        yield test_client


@pytest.fixture(scope="module", params=["snapshot", "engine"])
def client_each_path(
    request: pytest.FixtureRequest, bundled_store: FalkorDBStore, engine: EmbeddedEngine
) -> Iterator[TestClient]:
    """Every test that uses it runs twice: neighbourhoods from the in-process snapshot, and
    from the engine."""
    with bundled_client(bundled_store, engine, snapshot=request.param == "snapshot") as test_client:
        yield test_client


@pytest.fixture
def bundled_dir() -> Path:
    return bundled_dossiers_dir()
