"""GET /entities/{id}/neighbours against the bundled dossiers in the real engine.

Every expected answer is read off data/operations/2020-sparks.yaml (and 2019-jetflicks.yaml
for redaction): group:sparks is touched by exactly eleven relationships there, and by none
in any other dossier.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.model.ids import fold
from graph.store.falkordb import FalkorDBStore
from tests.facts import SPARKS_SERVER_COUNTRIES

pytestmark = pytest.mark.both_engines

SPARKS = "group:sparks"
OPERATION = "operation:2020-sparks"
BRIDI = "person:050ed3b391cf"  # member-cy, George Bridi
CORREA = "person:6aff0fa88474"  # member-us, Jonatan Correa
AHMAD = "person:87f52925bc75"  # member-no, Umar Ahmad
SERVERS = "server:2020-sparks-sparks-servers"
TOPSITES = "server:2020-sparks-topsites"
STUDIOS = "org:major-us-film-studios"
P2P = "platform:bittorrent-p2p-networks-and-streaming-websites"
RELATED_GROUPS = {"group:geckos", "group:drones", "group:rovers", "group:sprinter"}

# Every relationship of 2020-sparks.yaml that touches the group Sparks.
SPARKS_EDGES = {
    (OPERATION, "TARGETED", SPARKS),
    ("group:geckos", "RELATED_TO", SPARKS),
    ("group:drones", "RELATED_TO", SPARKS),
    ("group:rovers", "RELATED_TO", SPARKS),
    ("group:sprinter", "RELATED_TO", SPARKS),
    (SPARKS, "OPERATED", SERVERS),
    (BRIDI, "MEMBER_OF", SPARKS),
    (CORREA, "MEMBER_OF", SPARKS),
    (AHMAD, "MEMBER_OF", SPARKS),
    (SPARKS, "INFRINGED", STUDIOS),
    (SPARKS, "USED", P2P),
}
SPARKS_NEIGHBOURS = {OPERATION, SERVERS, BRIDI, CORREA, AHMAD, STUDIOS, P2P} | RELATED_GROUPS


@pytest.fixture(scope="module")
def client(client_each_path: TestClient) -> TestClient:
    """Every test twice: neighbourhoods from the in-process snapshot, and from the engine."""
    return client_each_path


def neighbours(client: TestClient, entity_id: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"/entities/{entity_id}/neighbours", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def node_ids(body: dict[str, Any]) -> set[str]:
    return {n["id"] for n in body["nodes"]}


def depths(body: dict[str, Any]) -> dict[str, int]:
    return {n["id"]: n["depth"] for n in body["nodes"]}


def triples(body: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(e["source"], e["type"], e["target"]) for e in body["edges"]}


def error(client: TestClient, entity_id: str, **params: Any) -> tuple[int, str, list[str]]:
    response = client.get(f"/entities/{entity_id}/neighbours", params=params)
    body = response.json()["error"]
    return response.status_code, body["code"], [d["field"] for d in body["details"]]


# --- depth 1 ----------------------------------------------------------------------------


def test_depth_1_of_sparks_is_its_eleven_neighbours_and_itself(client: TestClient) -> None:
    assert node_ids(neighbours(client, SPARKS)) == SPARKS_NEIGHBOURS | {SPARKS}


def test_depth_1_marks_the_centre_0_and_every_neighbour_1(client: TestClient) -> None:
    assert depths(neighbours(client, SPARKS)) == {SPARKS: 0} | dict.fromkeys(SPARKS_NEIGHBOURS, 1)


def test_depth_1_of_sparks_has_exactly_its_eleven_relationships(client: TestClient) -> None:
    assert {t for t in triples(neighbours(client, SPARKS)) if SPARKS in (t[0], t[2])} == SPARKS_EDGES


def test_depth_1_lists_each_relationship_once(client: TestClient) -> None:
    edges = neighbours(client, SPARKS)["edges"]
    assert len(edges) == len({e["id"] for e in edges})


def test_depth_1_shows_relationships_among_the_neighbours_too(client: TestClient) -> None:
    assert ("operation:2020-sparks", "TARGETED", "group:geckos") in triples(neighbours(client, SPARKS))


def test_the_answer_names_its_centre_depth_and_limit(client: TestClient) -> None:
    body = neighbours(client, SPARKS)
    assert (body["center"], body["depth"], body["limit"]) == (SPARKS, 1, 100)


def test_an_uncut_answer_is_not_truncated(client: TestClient) -> None:
    body = neighbours(client, SPARKS)
    assert (body["truncated"], body["not_shown"]) == (False, 0)


def test_every_edge_cites_at_least_one_source(client: TestClient) -> None:
    assert [e["id"] for e in neighbours(client, SPARKS)["edges"] if not e["sources"]] == []


def test_sources_resolve_exactly_what_nodes_and_edges_cite(client: TestClient) -> None:
    body = neighbours(client, SPARKS)
    cited = {s for item in body["nodes"] + body["edges"] for s in item["sources"]}
    assert set(body["sources"]) == cited


def test_the_targeted_edge_cites_its_three_sources(client: TestClient) -> None:
    # doj-sdny, eurojust and seed-fr in 2020-sparks.yaml.
    body = neighbours(client, SPARKS)
    edge = next(e for e in body["edges"] if e["type"] == "TARGETED" and e["target"] == SPARKS)
    assert sorted(body["sources"][s]["publisher"] for s in edge["sources"]) == [
        "Content Cafe NZ (republishing Eurojust release)",
        'French news site, "Sur le web" section (article signed Olivier), citing Europol',
        "STL.News (verbatim reprint of US Attorney SDNY press release)",
    ]


# --- filters ----------------------------------------------------------------------------


def test_types_filter_keeps_the_three_members(client: TestClient) -> None:
    assert node_ids(neighbours(client, SPARKS, types="MEMBER_OF")) == {SPARKS, BRIDI, CORREA, AHMAD}


def test_labels_filter_keeps_the_four_related_groups(client: TestClient) -> None:
    assert node_ids(neighbours(client, SPARKS, labels="Group")) == {SPARKS} | RELATED_GROUPS


def test_two_labels_keep_groups_and_people(client: TestClient) -> None:
    body = neighbours(client, SPARKS, labels=["Group", "Person"])
    assert node_ids(body) == {SPARKS, BRIDI, CORREA, AHMAD} | RELATED_GROUPS


def test_types_and_labels_together(client: TestClient) -> None:
    # The one TARGETED neighbour of Sparks is the operation, which is not a Group.
    assert node_ids(neighbours(client, SPARKS, types="TARGETED", labels="Group")) == {SPARKS}


def test_depth_2_reaches_splinters_through_sprinter(client: TestClient) -> None:
    body = neighbours(client, SPARKS, depth=2, types="RELATED_TO")
    assert depths(body) == {SPARKS: 0} | dict.fromkeys(RELATED_GROUPS, 1) | {"group:splinters": 2}


def test_depth_2_reaches_the_other_targets_through_the_operation(client: TestClient) -> None:
    body = neighbours(client, SPARKS, depth=2, types="TARGETED")
    assert depths(body) == {SPARKS: 0, OPERATION: 1} | dict.fromkeys(RELATED_GROUPS | {"group:splinters"}, 2)


def test_depth_2_edges_are_the_six_targeted_edges(client: TestClient) -> None:
    body = neighbours(client, SPARKS, depth=2, types="TARGETED")
    assert triples(body) == {
        (OPERATION, "TARGETED", target) for target in RELATED_GROUPS | {SPARKS, "group:splinters"}
    }


def test_countries_are_not_expanded_beyond_their_step(client: TestClient) -> None:
    # Sparks -> its servers -> the 16 server countries; at depth 3 the countries are not
    # expanded (other dossiers' servers in France, Germany... stay out).
    body = neighbours(client, SPARKS, depth=3, types=["OPERATED", "LOCATED_IN"])
    assert depths(body) == {SPARKS: 0, SERVERS: 1} | {f"country:{c}": 2 for c in SPARKS_SERVER_COUNTRIES}


def test_since_keeps_relationships_from_that_date(client: TestClient) -> None:
    # Arrests 2020-08-23 and 2020-08-25; convictions 2021-05-19 and 2021-11-18.
    body = neighbours(client, OPERATION, types=["ARRESTED", "CONVICTED"], since="2021")
    assert triples(body) == {(OPERATION, "CONVICTED", BRIDI), (OPERATION, "CONVICTED", CORREA)}


def test_until_keeps_relationships_up_to_that_date(client: TestClient) -> None:
    body = neighbours(client, OPERATION, types=["ARRESTED", "CONVICTED"], until="2020-12")
    assert triples(body) == {(OPERATION, "ARRESTED", BRIDI), (OPERATION, "ARRESTED", CORREA)}


def test_since_and_until_keep_the_window(client: TestClient) -> None:
    body = neighbours(client, OPERATION, types=["ARRESTED", "CONVICTED"], since="2020-08-24", until="2021-06")
    assert triples(body) == {(OPERATION, "ARRESTED", CORREA), (OPERATION, "CONVICTED", CORREA)}


def test_a_date_window_drops_the_neighbours_it_leaves_out(client: TestClient) -> None:
    body = neighbours(client, OPERATION, types=["ARRESTED", "CONVICTED"], since="2020-08-24", until="2021-06")
    assert node_ids(body) == {OPERATION, CORREA}


def test_undated_relationships_pass_the_date_filter(client: TestClient) -> None:
    # TOOK_DOWN the servers is dated 2020-08-25; TOOK_DOWN the topsites is undated.
    body = neighbours(client, OPERATION, types="TOOK_DOWN", since="2020-09")
    assert node_ids(body) == {OPERATION, TOPSITES}


def test_until_a_month_includes_the_days_of_that_month(client: TestClient) -> None:
    body = neighbours(client, OPERATION, types="CONVICTED", until="2021-05")
    assert triples(body) == {(OPERATION, "CONVICTED", CORREA)}


# --- the limit --------------------------------------------------------------------------


def test_limit_counts_the_centre_among_its_nodes(client: TestClient) -> None:
    assert len(neighbours(client, OPERATION, types="TARGETED", limit=3)["nodes"]) == 3


def test_a_cut_answer_says_it_is_truncated(client: TestClient) -> None:
    assert neighbours(client, OPERATION, types="TARGETED", limit=3)["truncated"] is True


def test_a_cut_answer_counts_what_it_left_out(client: TestClient) -> None:
    # The operation TARGETED six groups; two are shown.
    assert neighbours(client, OPERATION, types="TARGETED", limit=3)["not_shown"] == 4


def test_a_cut_answer_keeps_only_edges_between_shown_nodes(client: TestClient) -> None:
    body = neighbours(client, OPERATION, types="TARGETED", limit=3)
    assert {e["target"] for e in body["edges"]} == node_ids(body) - {OPERATION}


def test_a_cut_answer_echoes_its_limit(client: TestClient) -> None:
    assert neighbours(client, OPERATION, types="TARGETED", limit=3)["limit"] == 3


def test_a_limit_that_fits_everything_is_not_truncated(client: TestClient) -> None:
    body = neighbours(client, OPERATION, types="TARGETED", limit=7)
    assert (len(body["nodes"]), body["truncated"], body["not_shown"]) == (7, False, 0)


def test_not_shown_of_a_cut_depth_1_is_the_rest_of_the_neighbours(client: TestClient) -> None:
    assert neighbours(client, SPARKS, limit=5)["not_shown"] == 7


def test_a_limit_filled_by_depth_1_truncates_a_depth_2_answer(client: TestClient) -> None:
    assert neighbours(client, SPARKS, depth=2, limit=12)["truncated"] is True


def test_not_shown_counts_the_levels_the_limit_kept_out(client: TestClient) -> None:
    body = neighbours(client, SPARKS, depth=2, types=["TARGETED", "RELATED_TO"], limit=3)
    assert body["not_shown"] == 4


def test_not_shown_of_a_cut_depth_2_counts_only_new_nodes(client: TestClient) -> None:
    # From Geckos: depth 1 the operation and Sparks; depth 2 Drones, Rovers, Sprinter,
    # Splinters. Limit 5 shows two of those four.
    body = neighbours(client, "group:geckos", depth=2, types=["TARGETED", "RELATED_TO"], limit=5)
    assert body["not_shown"] == 2


def test_depth_2_from_geckos_without_limit(client: TestClient) -> None:
    body = neighbours(client, "group:geckos", depth=2, types=["TARGETED", "RELATED_TO"])
    assert depths(body) == {"group:geckos": 0, OPERATION: 1, SPARKS: 1} | dict.fromkeys(
        {"group:drones", "group:rovers", "group:sprinter", "group:splinters"}, 2
    )


# --- errors -----------------------------------------------------------------------------


def test_unknown_entity_is_404(client: TestClient) -> None:
    assert error(client, "group:no-such-group")[:2] == (404, "not_found")


def test_depth_4_is_422_naming_depth(client: TestClient) -> None:
    assert error(client, SPARKS, depth=4) == (422, "invalid_parameter", ["query.depth"])


def test_depth_0_is_422_naming_depth(client: TestClient) -> None:
    assert error(client, SPARKS, depth=0) == (422, "invalid_parameter", ["query.depth"])


def test_unknown_type_is_422_naming_types(client: TestClient) -> None:
    assert error(client, SPARKS, types="FRIENDS_WITH") == (422, "invalid_parameter", ["query.types"])


def test_unknown_type_message_names_the_type(client: TestClient) -> None:
    response = client.get(f"/entities/{SPARKS}/neighbours", params={"types": "FRIENDS_WITH"})
    assert "FRIENDS_WITH" in response.json()["error"]["message"]


def test_unknown_label_is_422_naming_labels(client: TestClient) -> None:
    assert error(client, SPARKS, labels="Gang") == (422, "invalid_parameter", ["query.labels"])


def test_limit_0_is_422_naming_limit(client: TestClient) -> None:
    assert error(client, SPARKS, limit=0) == (422, "invalid_parameter", ["query.limit"])


def test_a_date_that_is_not_a_date_is_422_naming_since(client: TestClient) -> None:
    assert error(client, SPARKS, since="yesterday") == (422, "invalid_parameter", ["query.since"])


def test_an_impossible_date_is_422(client: TestClient) -> None:
    assert client.get(f"/entities/{SPARKS}/neighbours", params={"until": "2020-13-45"}).status_code == 422


def test_injection_in_types_is_refused_and_changes_nothing(client: TestClient) -> None:
    before = client.get("/health").json()
    client.get(f"/entities/{SPARKS}/neighbours", params={"types": "TARGETED]-() DETACH DELETE n //"})
    client.get(f"/entities/{SPARKS}/neighbours", params={"labels": "Group) DETACH DELETE n //"})
    assert client.get("/health").json() == before


# --- people's names ---------------------------------------------------------------------


def test_anonymous_reader_sees_roles_instead_of_names(client: TestClient) -> None:
    people = {n["id"]: n["name"] for n in neighbours(client, SPARKS, types="MEMBER_OF")["nodes"]}
    assert people == {
        SPARKS: "Sparks",
        BRIDI: "member; arranged pickup and mailing of pre-release discs from distributors",
        CORREA: "member (alias 'Raid'); received discs and ripped and encoded them",
        AHMAD: "member (alias 'Artist'); arranged disc deliveries",
    }


def test_anonymous_reader_gets_no_aliases_of_named_people(client: TestClient) -> None:
    body = neighbours(client, SPARKS, types="MEMBER_OF")
    assert [n["id"] for n in body["nodes"] if "aliases" in n["properties"] and "Person" in n["labels"]] == []


def named_people(bundled_store: FalkorDBStore) -> list[str]:
    rows = bundled_store.read("MATCH (p:Person) WHERE p.named = true RETURN p.name AS name")
    return [row["name"] for row in rows]


def names_in(body: Any, names: list[str]) -> set[str]:
    text = fold(json.dumps(body, ensure_ascii=False))
    return {name for name in names if fold(name) in text}


@pytest.mark.parametrize("center", [SPARKS, OPERATION, "operation:2019-jetflicks", "group:jetflicks"])
def test_no_named_persons_name_anywhere_in_a_depth_2_answer(
    client: TestClient, bundled_store: FalkorDBStore, center: str
) -> None:
    body = neighbours(client, center, depth=2, limit=1000)
    assert names_in(body, named_people(bundled_store)) == set()


def test_a_name_in_an_events_text_is_replaced_by_the_role(client: TestClient) -> None:
    # 2019-jetflicks.yaml: "Jetflicks founder Kristopher Dallmann reported sentenced to 84 months...".
    body = neighbours(client, "operation:2019-jetflicks", types="ABOUT")
    event = next(n for n in body["nodes"] if n["properties"].get("date") == "2025")
    assert event["properties"]["description"] == (
        "Jetflicks founder [founder and manager of Jetflicks] reported sentenced to 84 months (7 years)"
        " in prison"
    )


def test_surnames_of_named_people_are_not_shown_either(client: TestClient) -> None:
    body = neighbours(client, "operation:2019-jetflicks", types="ABOUT")
    event = next(n for n in body["nodes"] if n["properties"].get("date") == "2024-06")
    surnames = {"Dallmann", "Courson", "Garcia", "Jaurequi", "Huber"}
    assert {s for s in surnames if s in event["properties"]["description"]} == set()


@pytest.mark.parametrize("center", [SPARKS, OPERATION, "operation:2019-jetflicks"])
def test_probing_every_node_finds_the_same_relationships_as_expanding_them(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, center: str
) -> None:
    # Nodes wider than WIDE_FANOUT are probed against the shown set instead of expanded;
    # with a fan-out of 0 every node is probed, with a huge one every node is expanded.
    monkeypatch.setattr("graph.query.answer.WIDE_FANOUT", 10**9)
    expanded = neighbours(client, center, depth=2, limit=1000)
    monkeypatch.setattr("graph.query.answer.WIDE_FANOUT", 0)
    probed = neighbours(client, center, depth=2, limit=1000)
    assert triples(probed) == triples(expanded)


def test_probing_keeps_the_type_filter(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("graph.query.answer.WIDE_FANOUT", 0)
    body = neighbours(client, SPARKS, depth=2, types="TARGETED")
    assert {e["type"] for e in body["edges"]} == {"TARGETED"}


@pytest.mark.parametrize(
    "path",
    [
        f"/entities/{OPERATION}/neighbours?limit=1000",
        f"/paths?from={OPERATION}&to=group:geckos&k=5",
        f"/shared?id={OPERATION}&id=group:geckos",
    ],
)
def test_a_source_title_never_names_a_person_to_an_anonymous_reader(client: TestClient, path: str) -> None:
    # A Sparks source is titled after the case "US v. <surname>": the index of sources is
    # redacted like the nodes and relationships.
    assert "Bridi" not in json.dumps(client.get(path).json()["sources"], ensure_ascii=False)
