"""Entity detail (graph/query/entities.py, GET /entities/{id}): degrees by type and the pages of
sources, on the bundled dossiers in the real engine."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.model.schema import Schema
from graph.query.entities import entity_detail
from graph.store.falkordb import FalkorDBStore

pytestmark = pytest.mark.both_engines

SPARKS = "group:sparks"


def counted_degrees(store: FalkorDBStore, entity_id: str) -> Counter[tuple[str, str]]:
    """Degrees by expanding every relationship: what the detail's counts must equal."""
    out = store.read("MATCH (n:Entity {id: $id})-[r]->() RETURN type(r) AS type", {"id": entity_id})
    inc = store.read("MATCH (n:Entity {id: $id})<-[r]-() RETURN type(r) AS type", {"id": entity_id})
    return Counter([(r["type"], "out") for r in out] + [(r["type"], "in") for r in inc])


def test_every_entitys_degrees_are_its_relationships_counted(
    bundled_store: FalkorDBStore, schema: Schema
) -> None:
    ids = [r["id"] for r in bundled_store.read("MATCH (n:Entity) RETURN n.id AS id ORDER BY id")]
    wrong = []
    for entity_id in ids:
        by_type = entity_detail(bundled_store, schema, entity_id)["degree"]["by_type"]
        if Counter({(d["type"], d["direction"]): d["count"] for d in by_type}) != counted_degrees(
            bundled_store, entity_id
        ):
            wrong.append(entity_id)
    assert wrong == []


def test_the_degrees_of_sparks_are_its_eleven_relationships_and_its_provenance(client: TestClient) -> None:
    by_type = {
        (d["type"], d["direction"]): d["count"]
        for d in client.get(f"/entities/{SPARKS}").json()["degree"]["by_type"]
    }
    assert {k: v for k, v in by_type.items() if k[0] not in {"ABOUT", "CITES", "REPORTS", "CLAIMED_BY"}} == {
        ("TARGETED", "in"): 1,
        ("RELATED_TO", "in"): 4,
        ("OPERATED", "out"): 1,
        ("MEMBER_OF", "in"): 3,
        ("INFRINGED", "out"): 1,
        ("USED", "out"): 1,
    }


def sources_page(client: TestClient, entity_id: str, **params: int) -> dict[str, Any]:
    response = client.get(f"/entities/{entity_id}", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_detail_says_how_many_sources_cite_the_entity(client: TestClient) -> None:
    body = sources_page(client, SPARKS)
    assert (body["sources_total"], len(body["sources"])) == (4, 4)


def test_pages_of_sources_add_up_to_the_whole_list_in_order(client: TestClient) -> None:
    whole = [s["id"] for s in sources_page(client, SPARKS)["sources"]]
    pages = [
        s["id"]
        for offset in (0, 2)
        for s in sources_page(client, SPARKS, sources_limit=2, sources_offset=offset)["sources"]
    ]
    assert pages == whole


def test_a_page_past_the_end_is_empty_and_keeps_the_total(client: TestClient) -> None:
    body = sources_page(client, SPARKS, sources_offset=50)
    assert (body["sources"], body["sources_total"]) == ([], 4)


def test_a_country_lists_one_page_of_its_sources(client: TestClient) -> None:
    body = sources_page(client, "country:NL", sources_limit=3)
    assert (len(body["sources"]), body["sources_total"] > 3) == (3, True)


@pytest.mark.parametrize(
    ("name", "value"), [("sources_limit", 0), ("sources_limit", 1001), ("sources_offset", -1)]
)
def test_a_page_out_of_bounds_is_refused_with_the_field_named(
    client: TestClient, name: str, value: int
) -> None:
    response = client.get(f"/entities/{SPARKS}", params={name: value})
    details = response.json()["error"]["details"]
    assert (response.status_code, [d["field"] for d in details]) == (422, [f"query.{name}"])
