"""GET /health and GET /entities/{id} against the bundled data in the real engine."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph.model.schema import get_schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from tests.clients import bundled_client


def test_health_names_the_engine_and_its_version(client: TestClient) -> None:
    body = client.get("/health").json()
    assert (body["status"], body["engine"], body["version"].split(".")[0]) == ("ok", "falkordb", "4")


def test_health_counts_the_49_operations(client: TestClient) -> None:
    assert client.get("/health").json()["nodes"]["Operation"] == 49


def test_health_says_neighbourhoods_come_from_memory_once_the_copy_is_built(client: TestClient) -> None:
    assert client.get("/health").json()["neighbourhoods"] == "memory"


def test_health_says_neighbourhoods_come_from_the_engine_when_the_copy_is_off(
    bundled_store: FalkorDBStore, engine: EmbeddedEngine
) -> None:
    with bundled_client(bundled_store, engine, snapshot=False) as client:
        assert client.get("/health").json()["neighbourhoods"] == "engine"


def test_entity_detail_of_sparks_has_its_labels(client: TestClient) -> None:
    assert client.get("/entities/group:sparks").json()["labels"] == ["Group"]


def test_entity_detail_of_sparks_lists_its_sources(client: TestClient) -> None:
    sources = client.get("/entities/group:sparks").json()["sources"]
    assert {s["publisher"] for s in sources} == {
        "STL.News (verbatim reprint of US Attorney SDNY press release)",
        "The Hill",
        "SiliconANGLE",
        'French news site, "Sur le web" section (article signed Olivier), citing Europol',
    }


def test_entity_detail_gives_degree_by_relationship_type(client: TestClient) -> None:
    degree = client.get("/entities/group:sparks").json()["degree"]
    by_type = {(d["type"], d["direction"]): d["count"] for d in degree["by_type"]}
    assert (by_type[("TARGETED", "in")], by_type[("MEMBER_OF", "in")], by_type[("OPERATED", "out")]) == (
        1,
        3,
        1,
    )


def test_entity_detail_total_degree_is_the_sum_by_type(client: TestClient) -> None:
    degree = client.get("/entities/group:sparks").json()["degree"]
    assert degree["total"] == sum(d["count"] for d in degree["by_type"])


def test_entity_detail_hides_the_internal_match_keys(client: TestClient) -> None:
    assert "keys" not in client.get("/entities/agency:guardia-di-finanza").json()["properties"]


def test_country_entity_by_iso_code(client: TestClient) -> None:
    assert client.get("/entities/country:GB").json()["name"] == "United Kingdom"


def test_unknown_entity_is_404_with_the_error_shape(client: TestClient) -> None:
    response = client.get("/entities/group:no-such-group")
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


def test_unknown_id_prefix_is_404(client: TestClient) -> None:
    assert client.get("/entities/gang:sparks").status_code == 404


def test_malformed_id_is_422_naming_the_parameter(client: TestClient) -> None:
    response = client.get("/entities/sparks")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "path.entity_id")


def test_an_injection_attempt_in_the_id_finds_nothing(client: TestClient) -> None:
    response = client.get("/entities/group:x'})-[r]-()DELETE(r)//")
    assert response.status_code == 404


def test_an_injection_attempt_does_not_change_the_graph(client: TestClient) -> None:
    before = client.get("/health").json()
    client.get("/entities/group:x'})-[r]-()DELETE(r)//")
    assert client.get("/health").json() == before


def test_first_start_on_an_empty_graph_loads_the_bundled_dossiers(
    engine: EmbeddedEngine, tmp_path: Path
) -> None:
    settings = Settings(data_dir=engine.data_dir, graph_name="first-start")
    store = FalkorDBStore.embedded_at(engine, settings.graph_name, get_schema())
    store.ensure_schema()
    try:
        with TestClient(create_app(settings, store=store)) as client:
            assert client.get("/health").json()["nodes"]["Operation"] == 49
    finally:
        store.clear()
