"""GET /entities?q=... (search) and the redaction of people's names in GET /entities/{id}.

Expected answers come from the bundled dossiers (data/operations/*.yaml). A caller without an
API key is an anonymous reader: it may not see, nor find, the names of named people.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.model.ids import fold
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from tests.clients import graph_name_of
from tests.keys import write_keys

pytestmark = pytest.mark.both_engines

# The three Sparks members the SDNY charged (2020-sparks.yaml: member-cy, member-us, member-no).
BRIDI = "person:050ed3b391cf"
CORREA = "person:6aff0fa88474"
AHMAD = "person:87f52925bc75"
ROLES = {
    BRIDI: "member; arranged pickup and mailing of pre-release discs from distributors",
    CORREA: "member (alias 'Raid'); received discs and ripped and encoded them",
    AHMAD: "member (alias 'Artist'); arranged disc deliveries",
}
NAMES_KEY = "pg_test-investigator-key-that-may-see-names"


def search(client: TestClient, q: str, **params: Any) -> dict[str, Any]:
    response = client.get("/entities", params={"q": q, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def ids(client: TestClient, q: str, **params: Any) -> list[str]:
    return [hit["id"] for hit in search(client, q, **params)["results"]]


def named_people(bundled_store: FalkorDBStore) -> list[str]:
    rows = bundled_store.read("MATCH (p:Person) WHERE p.named = true RETURN p.name AS name")
    return [row["name"] for row in rows]


def names_in(body: Any, names: list[str]) -> set[str]:
    """The full names found anywhere in an answer, in any case, with or without accents/punctuation."""
    text = fold(json.dumps(body, ensure_ascii=False))
    return {name for name in names if fold(name) in text}


@pytest.fixture(scope="module")
def names_client(
    bundled_store: FalkorDBStore, engine: EmbeddedEngine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The same bundled graph behind a server with one reader key allowed to see names."""
    keys_file = write_keys(
        tmp_path_factory.mktemp("keys") / "keys.yaml", {"investigator": (NAMES_KEY, "reader", True)}
    )
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(bundled_store),
        load_bundled_on_start=False,
        api_keys_file=Path(keys_file),
    )
    with TestClient(create_app(settings, store=bundled_store)) as test_client:
        test_client.headers["X-API-Key"] = NAMES_KEY
        yield test_client


# --- finding things -------------------------------------------------------------------


def test_guardia_finds_the_guardia_di_finanza(client: TestClient) -> None:
    assert "agency:guardia-di-finanza" in ids(client, "guardia")


def test_guardia_among_agencies_is_only_the_guardia_di_finanza(client: TestClient) -> None:
    assert ids(client, "guardia", label="Agency") == ["agency:guardia-di-finanza"]


def test_a_word_prefix_finds_the_guardia_di_finanza(client: TestClient) -> None:
    # "guard" begins "Guardia" and "Guarda" (Portugal's Guarda Nacional Republicana) alike.
    assert ids(client, "guard", label="Agency") == [
        "agency:guarda-nacional-republicana",
        "agency:guardia-di-finanza",
    ]


def test_sparks_exact_name_ranks_first(client: TestClient) -> None:
    # Fourteen other hits score the same; by id alone agency:national-authorities... would lead.
    assert ids(client, "Sparks")[0] == "group:sparks"


def test_sparks_finds_every_name_that_contains_the_word(client: TestClient) -> None:
    # 2020-sparks.yaml: the group, the operation, the servers, the national authorities,
    # ten source titles and one event; no other dossier mentions Sparks.
    assert sorted(hit["name"] for hit in search(client, "sparks", limit=100)["results"]) == [
        "2016-09 investigation_start: Europol starts investigating the Sparks group",
        "Europol and 18 countries end global piracy group Sparks",
        "Global operation brings down Sparks",
        "National authorities of 18 countries (Sparks operation)",
        "Pirate group Sparks broken up",
        "Police smash Sparks piracy group",
        "SDNY announces extradition of British national over Sparks Group role",
        "Scene notice says Sparks raids took down dozens of sites",
        "Sparks",
        "Sparks Group member pleads guilty",
        "Sparks raid hit 18 nations and 60 servers",
        "Sparks servers taken down",
        "Supply of illegal downloads collapsed after Sparks arrests",
        "Takedown of the Sparks Group",
        "US seeks significant prison sentence for Sparks member",
    ]


def test_search_ignores_case(client: TestClient) -> None:
    assert ids(client, "SPARKS") == ids(client, "sparks")


def test_eurojust_exact_name_ranks_first(client: TestClient) -> None:
    assert ids(client, "eurojust")[0] == "agency:eurojust"


def test_eurojust_among_agencies_is_one_node_for_all_dossiers(client: TestClient) -> None:
    assert ids(client, "eurojust", label="Agency") == ["agency:eurojust"]


def test_gdf_alias_ranks_first_above_a_higher_scoring_title(client: TestClient) -> None:
    # The source titled "Pezzotto blocked by GdF" scores higher; the exact alias still leads.
    assert ids(client, "GdF")[0] == "agency:guardia-di-finanza"


def test_policia_without_accent_finds_the_policia_nacional(client: TestClient) -> None:
    assert "agency:policia-nacional" in ids(client, "policia")


def test_policia_among_agencies_is_the_iberian_and_latin_american_police(client: TestClient) -> None:
    # Policía Nacional (ES), Polícia Judiciária (PT), Policía Federal Argentina and three
    # Brazilian state civil police forces; the Italian Polizia is another word.
    assert set(ids(client, "policia", label="Agency")) == {
        "agency:policia-nacional",
        "agency:policia-judiciaria",
        "agency:policia-federal-argentina",
        "agency:policia-civil-de-alagoas",
        "agency:policia-civil-de-mato-grosso",
        "agency:policia-civil-de-minas-gerais",
    }


def test_royaume_uni_finds_the_united_kingdom_only(client: TestClient) -> None:
    assert ids(client, "Royaume-Uni") == ["country:GB"]


def test_suisse_finds_switzerland_only(client: TestClient) -> None:
    assert ids(client, "Suisse") == ["country:CH"]


def test_hits_have_the_country_name_in_english(client: TestClient) -> None:
    assert search(client, "Royaume-Uni")["results"][0]["name"] == "United Kingdom"


def test_the_answer_echoes_the_query_text(client: TestClient) -> None:
    assert search(client, "Royaume-Uni")["query"] == "Royaume-Uni"


def test_label_filter_keeps_only_that_label(client: TestClient) -> None:
    labels = {tuple(hit["labels"]) for hit in search(client, "eurojust", label="Source")["results"]}
    assert labels == {("Source",)}


def test_hits_never_show_the_internal_entity_label(client: TestClient) -> None:
    labels = {label for hit in search(client, "sparks", limit=100)["results"] for label in hit["labels"]}
    assert "Entity" not in labels


# --- pagination -------------------------------------------------------------------------


def test_first_page_is_cut_to_the_limit(client: TestClient) -> None:
    assert len(search(client, "sparks", limit=5)["results"]) == 5


def test_first_page_says_it_is_truncated(client: TestClient) -> None:
    assert search(client, "sparks", limit=5)["truncated"] is True


def test_first_page_gives_the_next_offset(client: TestClient) -> None:
    assert search(client, "sparks", limit=5)["next_offset"] == 5


def test_last_page_is_not_truncated(client: TestClient) -> None:
    page = search(client, "sparks", limit=5, offset=10)
    assert (len(page["results"]), page["truncated"], page["next_offset"]) == (5, False, None)


def test_pages_put_together_are_the_whole_answer(client: TestClient) -> None:
    whole = ids(client, "sparks", limit=100)
    pages = [hit for offset in (0, 5, 10) for hit in ids(client, "sparks", limit=5, offset=offset)]
    assert pages == whole


def test_an_offset_past_the_end_is_an_empty_page(client: TestClient) -> None:
    page = search(client, "sparks", limit=5, offset=15)
    assert (page["results"], page["truncated"], page["next_offset"]) == ([], False, None)


def test_the_answer_echoes_limit_and_offset(client: TestClient) -> None:
    page = search(client, "sparks", limit=3, offset=6)
    assert (page["limit"], page["offset"]) == (3, 6)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}])
def test_out_of_range_paging_is_422(client: TestClient, params: dict[str, int]) -> None:
    response = client.get("/entities", params={"q": "sparks", **params})
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (
        422,
        f"query.{next(iter(params))}",
    )


def test_a_page_hidden_from_an_anonymous_reader_is_still_full(client: TestClient) -> None:
    # "Raid" is Jonatan Correa's alias (his node ranks first as an exact match) and a word in
    # five visible titles; the first page of one must hold the first visible hit.
    assert len(search(client, "Raid", limit=1)["results"]) == 1


# --- bad input --------------------------------------------------------------------------


def test_empty_query_is_422_with_the_error_shape(client: TestClient) -> None:
    response = client.get("/entities", params={"q": ""})
    assert (response.status_code, sorted(response.json()["error"])) == (422, ["code", "details", "message"])


def test_missing_query_is_422_naming_q(client: TestClient) -> None:
    response = client.get("/entities")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "query.q")


@pytest.mark.parametrize("q", ["!!!", "   ", "*", "-- ()"])
def test_punctuation_only_query_finds_nothing(client: TestClient, q: str) -> None:
    # Nothing searchable is left of it: an empty answer, not an error.
    response = client.get("/entities", params={"q": q})
    assert (response.status_code, response.json()["results"]) == (200, [])


def test_too_long_query_is_422_naming_q(client: TestClient) -> None:
    response = client.get("/entities", params={"q": "a" * 201})
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "query.q")


def test_unknown_label_is_422(client: TestClient) -> None:
    response = client.get("/entities", params={"q": "sparks", "label": "Gang"})
    assert (response.status_code, response.json()["error"]["code"]) == (422, "invalid_parameter")


def test_unknown_label_names_the_label_field(client: TestClient) -> None:
    details = client.get("/entities", params={"q": "sparks", "label": "Gang"}).json()["error"]["details"]
    assert [d["field"] for d in details] == ["query.label"]


INJECTIONS = ["x') RETURN 1 //", "*", "@name:{x}", "sparks* | -x", "'}) MATCH (n) DETACH DELETE n //"]


@pytest.mark.parametrize("q", INJECTIONS)
def test_injection_looking_text_is_harmless(client: TestClient, q: str) -> None:
    assert client.get("/entities", params={"q": q}).status_code in {200, 422}


def test_injection_looking_text_changes_nothing_in_the_graph(client: TestClient) -> None:
    before = client.get("/health").json()
    for q in INJECTIONS:
        client.get("/entities", params={"q": q})
        client.get("/entities", params={"q": "sparks", "label": q})
    assert client.get("/health").json() == before


def test_query_syntax_characters_are_plain_text(client: TestClient) -> None:
    # "@name:{x}" folds to the words "name x": no entity has both.
    assert ids(client, "@name:{x}") == []


# --- people's names ---------------------------------------------------------------------


@pytest.mark.parametrize("q", ["George Bridi", "Bridi", "Jonatan Correa", "Correa", "Umar Ahmad", "Ahmad"])
def test_anonymous_reader_does_not_find_named_people_by_name(client: TestClient, q: str) -> None:
    assert ids(client, q) == []


@pytest.mark.parametrize("q", ["Raid", "Artist"])
def test_anonymous_reader_does_not_find_named_people_by_alias(client: TestClient, q: str) -> None:
    assert {CORREA, AHMAD} & set(ids(client, q, limit=100)) == set()


def test_anonymous_reader_finds_people_described_by_role(client: TestClient) -> None:
    assert set(ids(client, "resellers", label="Person")) == {
        "person:2020-gdf-roma-iptv-serie-a-resellers",
        "person:2020-gdf-venezia-teramo-iptv-resellers",
        "person:2020-operacao-404-fase-2-suspects",
        "person:2020-perfect-storm-resellers",
        "person:2021-spain-iptv-resale-network-resellers",
        "person:2025-argentina-magis-tv-raids-distributors",
    }


def test_a_reader_allowed_names_finds_a_named_person(names_client: TestClient) -> None:
    assert [(h["id"], h["name"]) for h in search(names_client, "George Bridi")["results"]] == [
        (BRIDI, "George Bridi")
    ]


def test_anonymous_search_hits_never_show_a_named_persons_name(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    body = search(client, "Kristopher Dallmann")
    assert names_in([hit["name"] for hit in body["results"]], named_people(bundled_store)) == set()


# --- GET /entities/{id} for people --------------------------------------------------------


def sparks_members(client: TestClient) -> list[str]:
    body = client.get("/entities/group:sparks/neighbours", params={"types": "MEMBER_OF"}).json()
    return sorted(n["id"] for n in body["nodes"] if n["id"] != "group:sparks")


def test_the_three_sparks_members_are_the_named_people(client: TestClient) -> None:
    assert sparks_members(client) == sorted(ROLES)


def test_named_people_have_hashed_ids(client: TestClient) -> None:
    assert [m for m in sparks_members(client) if not re.fullmatch(r"person:[0-9a-f]{12}", m)] == []


def test_named_people_exist_under_their_hashed_ids(client: TestClient) -> None:
    assert [client.get(f"/entities/{pid}").status_code for pid in ROLES] == [200, 200, 200]


def test_named_person_is_marked_named(client: TestClient) -> None:
    assert client.get(f"/entities/{BRIDI}").json()["properties"]["named"] is True


def test_anonymous_reader_sees_a_named_persons_role_as_name(client: TestClient) -> None:
    assert {pid: client.get(f"/entities/{pid}").json()["name"] for pid in ROLES} == ROLES


def test_anonymous_reader_does_not_see_a_named_persons_aliases(client: TestClient) -> None:
    assert "aliases" not in client.get(f"/entities/{CORREA}").json()["properties"]


@pytest.mark.parametrize("pid", sorted(ROLES))
def test_anonymous_detail_of_a_named_person_has_no_name_anywhere(
    client: TestClient, bundled_store: FalkorDBStore, pid: str
) -> None:
    assert names_in(client.get(f"/entities/{pid}").json(), named_people(bundled_store)) == set()


def test_entity_detail_hides_the_internal_search_text(client: TestClient) -> None:
    assert "search" not in client.get("/entities/group:sparks").json()["properties"]


def test_a_reader_allowed_names_sees_the_name_in_the_detail(names_client: TestClient) -> None:
    assert names_client.get(f"/entities/{BRIDI}").json()["name"] == "George Bridi"


def test_a_reader_allowed_names_sees_the_aliases(names_client: TestClient) -> None:
    assert names_client.get(f"/entities/{CORREA}").json()["properties"]["aliases"] == ["Raid"]


def test_a_server_with_keys_refuses_a_wrong_key(names_client: TestClient) -> None:
    response = names_client.get(f"/entities/{BRIDI}", headers={"X-API-Key": "pg_not-a-key"})
    assert (response.status_code, response.json()["error"]["code"]) == (401, "unauthenticated")
