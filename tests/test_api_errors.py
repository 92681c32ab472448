"""The API's error contract: engine down is 503, in the one error shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore


@pytest.fixture
def client_with_dead_engine(tmp_path: Path, schema: Schema) -> Iterator[TestClient]:
    # A remote engine that goes away: the store cannot restart it.
    engine = EmbeddedEngine(tmp_path)
    endpoint = engine.start()
    store = FalkorDBStore.from_url(f"redis://:{endpoint.password}@127.0.0.1:{endpoint.port}", "g", schema)
    store.ensure_schema()
    settings = Settings(data_dir=tmp_path, graph_name="g", load_bundled_on_start=False)
    with TestClient(create_app(settings, store=store), raise_server_exceptions=False) as client:
        engine.stop()
        yield client


@pytest.mark.parametrize(
    "path",
    [
        "/health",
        "/entities/group:sparks",
        "/entities?q=sparks",
        "/paths?from=group:a&to=group:b",
        "/timeline",
    ],
)
def test_engine_down_is_503_engine_unavailable(client_with_dead_engine: TestClient, path: str) -> None:
    response = client_with_dead_engine.get(path)
    assert (response.status_code, response.json()["error"]["code"]) == (503, "engine_unavailable")
