"""Graph answers are written without a pass through their response model (api/answers.py):
each must still be exactly its model (extra fields are refused), whatever the entity, and
on both neighbourhood paths (the in-process snapshot and the engine)."""

from __future__ import annotations

from typing import Any

import pydantic_core
import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from api.models import Neighbourhood, Paths, SearchResults, Shared
from graph.store.falkordb import FalkorDBStore

pytestmark = pytest.mark.both_engines

GROUPS = ["group:sparks", "group:geckos", "group:drones"]
OPERATIONS = ["operation:2020-sparks", "operation:2020-perfect-storm", "operation:2019-jetflicks"]


@pytest.fixture(scope="module")
def entity_ids(bundled_store: FalkorDBStore) -> list[str]:
    rows = bundled_store.read("MATCH (n:Entity) WHERE NOT n:Source RETURN n.id AS id ORDER BY id")
    return [row["id"] for row in rows]


def body_of(client: TestClient, url: str, params: dict[str, Any] | None = None) -> Any:
    response = client.get(url, params=params)
    assert (response.status_code, response.headers["content-type"]) == (200, "application/json"), (
        response.text
    )
    return response.json()


def refused(model: Any, body: Any) -> str | None:
    """None when `body` is exactly an instance of `model`, else pydantic's complaint."""
    try:
        TypeAdapter(model).validate_python(body)
    except ValueError as exc:
        return str(exc)
    return None


@pytest.mark.parametrize("depth", [1, 2])
def test_every_neighbourhood_is_exactly_its_model(
    client_each_path: TestClient, entity_ids: list[str], depth: int
) -> None:
    complaints = {
        entity_id: refused(
            Neighbourhood, body_of(client_each_path, f"/entities/{entity_id}/neighbours", {"depth": depth})
        )
        for entity_id in entity_ids[:: 3 if depth == 1 else 9]
    }
    assert {k: v for k, v in complaints.items() if v is not None} == {}


def test_a_cut_neighbourhood_is_exactly_its_model(client_each_path: TestClient) -> None:
    body = body_of(client_each_path, "/entities/country:NL/neighbours", {"depth": 2, "limit": 5})
    assert (body["truncated"], refused(Neighbourhood, body)) == (True, None)


@pytest.mark.parametrize("text", ["sparks", "guardia", "iptv", "a", "zzzz-nothing"])
def test_search_results_are_exactly_their_model(client_each_path: TestClient, text: str) -> None:
    assert refused(SearchResults, body_of(client_each_path, "/entities", {"q": text})) is None


@pytest.mark.parametrize(("source", "target"), [(GROUPS[0], GROUPS[1]), (GROUPS[0], OPERATIONS[1])])
def test_paths_are_exactly_their_model(client_each_path: TestClient, source: str, target: str) -> None:
    assert refused(Paths, body_of(client_each_path, "/paths", {"from": source, "to": target})) is None


def test_shared_is_exactly_its_model(client_each_path: TestClient) -> None:
    assert refused(Shared, body_of(client_each_path, "/shared", {"id": OPERATIONS[:2]})) is None


def test_a_model_refuses_an_answer_with_a_field_it_does_not_know(client_each_path: TestClient) -> None:
    body = body_of(client_each_path, "/entities/group:sparks/neighbours")
    assert refused(Neighbourhood, {**body, "internal": 1}) is not None


def test_answers_are_the_json_pydantic_would_write(
    client_each_path: TestClient, entity_ids: list[str]
) -> None:
    """orjson writes them (api/answers.py): the same bytes as pydantic_core.to_json."""
    differing = []
    for entity_id in entity_ids[::3]:
        response = client_each_path.get(f"/entities/{entity_id}/neighbours", params={"depth": 2})
        if response.content != pydantic_core.to_json(response.json()):
            differing.append(entity_id)
    assert differing == []
