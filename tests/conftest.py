"""Fixtures: every test run gets its own embedded engine in a temporary data directory.

Modules marked `both_engines` run every test that uses a store (`bundled_store`,
`empty_store` and what is built on them) twice: on the embedded FalkorDB, and on a real
Neo4j. The Neo4j runs carry the marker `neo4j` (`pytest -m neo4j`, or `-m "not neo4j"`).
The suite starts two Neo4j servers with the launcher of tools/neo4j (built by
`scripts/test`): one holds the bundled dossiers, the other is cleared for every test that
asks for an empty store. PIRACY_GRAPH_TEST_NEO4J_URI (with _USER and _PASSWORD) uses a
running server for the bundled dossiers instead, and PIRACY_GRAPH_TEST_NEO4J_SCRATCH_URI
(with _SCRATCH_USER and _SCRATCH_PASSWORD) one for the empty stores. Both must be
throwaway databases: the suite clears them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from graph.model.schema import Schema, get_schema
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.neo4j import Neo4jStore
from loaders.load import load_paths
from loaders.resources import bundled_dossiers_dir
from tests.browser import chromium
from tests.clients import bundled_client
from tests.neo4j_server import Neo4jServer, start_neo4j

# Many test graphs share a data directory and reach the same write generations: a copy
# kept on disk by one must never be read for another. tests/test_snapshot_file.py turns
# it on for its own servers.
os.environ["PIRACY_GRAPH_SNAPSHOT_FILE"] = "false"

BOTH_ENGINES = ["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "neo4j: runs against a real Neo4j (started by the suite)")
    config.addinivalue_line("markers", "both_engines: the module's store tests run on FalkorDB and on Neo4j")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Every test that reaches a store is parametrized, on one engine or both, so that a
    # session's FalkorDB stores are one fixture instance whichever module asks for them.
    if "store_engine" in metafunc.fixturenames:
        if metafunc.definition.get_closest_marker("neo4j") is not None:
            engines = BOTH_ENGINES[1:]  # a Neo4j-only test
        elif metafunc.definition.get_closest_marker("both_engines") is not None:
            engines = BOTH_ENGINES
        else:
            engines = ["falkordb"]
        metafunc.parametrize("store_engine", engines, indirect=True, scope="session")


@pytest.fixture(scope="session")
def store_engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "falkordb"))


@pytest.fixture(scope="session")
def schema() -> Schema:
    return get_schema()


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedEngine]:
    engine = EmbeddedEngine(tmp_path_factory.mktemp("engine"))
    engine.start()
    yield engine
    engine.stop()


def _server(role: str) -> Iterator[Neo4jServer]:
    suffix = "" if role == "bundled" else "_SCRATCH"
    uri = os.environ.get(f"PIRACY_GRAPH_TEST_NEO4J{suffix}_URI")
    if uri:
        yield Neo4jServer(
            uri,
            os.environ.get(f"PIRACY_GRAPH_TEST_NEO4J{suffix}_USER", "neo4j"),
            os.environ.get(f"PIRACY_GRAPH_TEST_NEO4J{suffix}_PASSWORD", ""),
        )
        return
    server = start_neo4j()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def neo4j_bundled_server() -> Iterator[Neo4jServer]:
    """The Neo4j that holds the bundled dossiers."""
    yield from _server("bundled")


@pytest.fixture(scope="session")
def neo4j_scratch_server() -> Iterator[Neo4jServer]:
    """The Neo4j cleared for each test that asks for an empty store."""
    yield from _server("scratch")


def neo4j_store(server: Neo4jServer, schema: Schema) -> Neo4jStore:
    """A store on `server`, cleared, with the schema's constraints and indexes."""
    store = Neo4jStore.connect(server.uri, server.user, server.password, None, schema)
    store.clear()
    store.ensure_schema()
    return store


def new_store(engine: EmbeddedEngine, schema: Schema) -> FalkorDBStore:
    """A FalkorDB store on a graph name no other test uses."""
    store = FalkorDBStore.embedded_at(engine, f"test-{uuid.uuid4().hex[:12]}", schema)
    store.ensure_schema()
    return store


@pytest.fixture
def empty_store(
    request: pytest.FixtureRequest, store_engine: str, engine: EmbeddedEngine, schema: Schema
) -> Iterator[Any]:
    store: Any
    if store_engine == "neo4j":
        store = neo4j_store(request.getfixturevalue("neo4j_scratch_server"), schema)
    else:
        store = new_store(engine, schema)
    yield store
    store.clear()
    if store_engine == "neo4j":
        store.close()


@pytest.fixture(scope="session")
def bundled_store(
    request: pytest.FixtureRequest, store_engine: str, engine: EmbeddedEngine, schema: Schema
) -> Any:
    """The bundled dossiers, loaded once per engine; tests must not write to it."""
    store: Any
    if store_engine == "neo4j":
        store = neo4j_store(request.getfixturevalue("neo4j_bundled_server"), schema)
    else:
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


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every view test."""
    with chromium() as launched:
        yield launched
