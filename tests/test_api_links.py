"""GET /paths and GET /shared against the bundled dossiers in the real engine.

Expected answers are read off data/operations/2020-sparks.yaml and 2020-perfect-storm.yaml.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.model.ids import fold
from graph.store.falkordb import FalkorDBStore

pytestmark = pytest.mark.both_engines

SPARKS = "group:sparks"
GECKOS = "group:geckos"
DRONES = "group:drones"
SPLINTERS = "group:splinters"
OPERATION = "operation:2020-sparks"
PERFECT_STORM = "operation:2020-perfect-storm"
BRIDI = "person:050ed3b391cf"  # member-cy, George Bridi
CORREA = "person:6aff0fa88474"  # member-us, Jonatan Correa
AHMAD = "person:87f52925bc75"  # member-no, Umar Ahmad
SERVERS = "server:2020-sparks-sparks-servers"
PROVENANCE = {"REPORTS", "CITES", "ABOUT", "CLAIMED_BY"}


def paths(client: TestClient, source: str, target: str, **params: Any) -> dict[str, Any]:
    response = client.get("/paths", params={"from": source, "to": target, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def node_lists(body: dict[str, Any]) -> list[list[str]]:
    return [p["nodes"] for p in body["paths"]]


def error(client: TestClient, url: str, params: Any) -> tuple[int, str, list[str]]:
    response = client.get(url, params=params)
    body = response.json()["error"]
    return response.status_code, body["code"], [d["field"] for d in body["details"]]


def named_people(bundled_store: FalkorDBStore) -> list[str]:
    rows = bundled_store.read("MATCH (p:Person) WHERE p.named = true RETURN p.name AS name")
    return [row["name"] for row in rows]


def names_in(body: Any, names: list[str]) -> set[str]:
    text = fold(json.dumps(body, ensure_ascii=False))
    return {name for name in names if fold(name) in text}


# --- /paths: Sparks and Geckos ------------------------------------------------------------


def test_shortest_path_sparks_geckos_is_the_related_to_edge(client: TestClient) -> None:
    assert paths(client, SPARKS, GECKOS)["paths"][0] == {
        "length": 1,
        "nodes": [SPARKS, GECKOS],
        "edges": ["group:geckos|RELATED_TO|group:sparks"],
    }


def test_the_related_to_edge_goes_from_geckos_to_sparks(client: TestClient) -> None:
    edges = {e["id"]: e for e in paths(client, SPARKS, GECKOS)["edges"]}
    edge = edges["group:geckos|RELATED_TO|group:sparks"]
    assert (edge["source"], edge["type"], edge["target"]) == (GECKOS, "RELATED_TO", SPARKS)


def test_the_related_to_edge_cites_torrentfreak(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS)
    edge = next(e for e in body["edges"] if e["id"] == "group:geckos|RELATED_TO|group:sparks")
    assert [body["sources"][s]["publisher"] for s in edge["sources"]] == ["TorrentFreak"]


def test_default_k_gives_three_paths_shortest_first(client: TestClient) -> None:
    assert [p["length"] for p in paths(client, SPARKS, GECKOS)["paths"]] == [1, 2, 3]


def test_second_path_goes_through_the_operation(client: TestClient) -> None:
    assert paths(client, SPARKS, GECKOS)["paths"][1] == {
        "length": 2,
        "nodes": [SPARKS, OPERATION, GECKOS],
        "edges": [f"{OPERATION}|TARGETED|{SPARKS}", f"{OPERATION}|TARGETED|{GECKOS}"],
    }


def test_ten_paths_are_ordered_by_length(client: TestClient) -> None:
    # 1 direct, 1 through the operation, 7 through a neighbour of both Sparks and the
    # operation (3 members, the servers, Drones, Rovers, Sprinter), then a longer one.
    assert [p["length"] for p in paths(client, SPARKS, GECKOS, k=10)["paths"]] == [
        1,
        2,
        3,
        3,
        3,
        3,
        3,
        3,
        3,
        4,
    ]


def test_the_seven_paths_of_length_3_pass_each_common_neighbour(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    assert sorted(p["nodes"] for p in body["paths"] if p["length"] == 3) == sorted(
        [SPARKS, middle, OPERATION, GECKOS]
        for middle in (BRIDI, CORREA, AHMAD, SERVERS, DRONES, "group:rovers", "group:sprinter")
    )


def test_a_step_lists_every_relationship_between_its_two_nodes(client: TestClient) -> None:
    # The operation ARRESTED, CHARGED and CONVICTED the member arrested in Cyprus.
    body = paths(client, SPARKS, GECKOS, k=10)
    step = next(p for p in body["paths"] if p["nodes"] == [SPARKS, BRIDI, OPERATION, GECKOS])
    assert sorted(step["edges"]) == sorted(
        [
            f"{BRIDI}|MEMBER_OF|{SPARKS}",
            f"{OPERATION}|ARRESTED|{BRIDI}",
            f"{OPERATION}|CHARGED|{BRIDI}",
            f"{OPERATION}|CONVICTED|{BRIDI}",
            f"{OPERATION}|TARGETED|{GECKOS}",
        ]
    )


def test_paths_are_all_different(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    assert len({tuple(p["nodes"]) for p in body["paths"]}) == 10


def test_every_path_starts_and_ends_at_the_asked_entities(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    assert {(p["nodes"][0], p["nodes"][-1]) for p in body["paths"]} == {(SPARKS, GECKOS)}


def test_every_length_is_the_number_of_steps(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    assert [p["length"] for p in body["paths"]] == [len(p["nodes"]) - 1 for p in body["paths"]]


def test_every_edge_of_every_path_is_in_edges(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    listed = {e["id"] for e in body["edges"]}
    assert {edge for p in body["paths"] for edge in p["edges"]} - listed == set()


def test_edges_are_only_those_of_the_paths(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    assert {e["id"] for e in body["edges"]} == {edge for p in body["paths"] for edge in p["edges"]}


def test_every_edge_joins_consecutive_nodes_of_its_path(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    ends = {e["id"]: frozenset((e["source"], e["target"])) for e in body["edges"]}
    wrong = []
    for p in body["paths"]:
        steps = {frozenset(pair) for pair in zip(p["nodes"], p["nodes"][1:], strict=False)}
        wrong += [edge for edge in p["edges"] if ends.get(edge) not in steps]
    assert wrong == []


def test_every_node_of_every_path_is_in_nodes(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    assert {n for p in body["paths"] for n in p["nodes"]} == {n["id"] for n in body["nodes"]}


def test_every_edge_cites_at_least_one_source(client: TestClient) -> None:
    assert [e["id"] for e in paths(client, SPARKS, GECKOS, k=10)["edges"] if not e["sources"]] == []


def test_every_cited_source_resolves_in_sources(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    cited = {s for item in body["edges"] + body["nodes"] for s in item["sources"]}
    assert cited - set(body["sources"]) == set()


def test_provenance_relationships_are_left_out_by_default(client: TestClient) -> None:
    assert {e["type"] for e in paths(client, SPARKS, GECKOS, k=10)["edges"]} & PROVENANCE == set()


def test_the_answer_echoes_its_parameters(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=4, max_hops=5)
    assert (body["source"], body["target"], body["k"], body["max_hops"], body["truncated"]) == (
        SPARKS,
        GECKOS,
        4,
        5,
        False,
    )


# --- /paths: bounds and filters -------------------------------------------------------------


def test_max_hops_1_keeps_only_the_direct_path(client: TestClient) -> None:
    assert node_lists(paths(client, SPARKS, GECKOS, k=10, max_hops=1)) == [[SPARKS, GECKOS]]


def test_max_hops_2_keeps_the_paths_of_at_most_two_steps(client: TestClient) -> None:
    assert node_lists(paths(client, SPARKS, GECKOS, k=10, max_hops=2)) == [
        [SPARKS, GECKOS],
        [SPARKS, OPERATION, GECKOS],
    ]


def test_no_path_within_max_hops_is_an_empty_list(client: TestClient) -> None:
    # Splinters is RELATED_TO Sprinter and TARGETED by the operation, never tied to Sparks directly.
    assert paths(client, SPLINTERS, SPARKS, max_hops=1)["paths"] == []


def test_splinters_reaches_sparks_in_two_ways_of_two_steps(client: TestClient) -> None:
    assert sorted(node_lists(paths(client, SPLINTERS, SPARKS, k=10, max_hops=2))) == [
        [SPLINTERS, "group:sprinter", SPARKS],
        [SPLINTERS, OPERATION, SPARKS],
    ]


def test_only_targeted_gives_the_path_through_the_operation(client: TestClient) -> None:
    assert node_lists(paths(client, SPARKS, GECKOS, k=10, types="TARGETED")) == [[SPARKS, OPERATION, GECKOS]]


def test_only_targeted_lists_only_targeted_edges(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10, types="TARGETED")
    assert {e["type"] for e in body["edges"]} == {"TARGETED"}


def test_labels_restrict_the_nodes_a_path_passes_through(client: TestClient) -> None:
    assert node_lists(paths(client, SPARKS, GECKOS, k=10, labels="Operation")) == [
        [SPARKS, GECKOS],
        [SPARKS, OPERATION, GECKOS],
    ]


def test_a_label_no_path_can_use_leaves_the_direct_path(client: TestClient) -> None:
    # Geckos's only neighbours are Sparks and the operation, so no path passes people only.
    assert node_lists(paths(client, SPARKS, GECKOS, k=10, labels="Person")) == [[SPARKS, GECKOS]]


def test_labels_filter_finds_k_paths_that_satisfy_it(client: TestClient) -> None:
    assert node_lists(paths(client, GECKOS, DRONES, k=1, labels="Group")) == [[GECKOS, SPARKS, DRONES]]


def test_no_path_at_all_is_an_empty_answer(client: TestClient) -> None:
    body = paths(client, SPARKS, "group:jetflicks", types="RELATED_TO")
    assert (body["paths"], body["nodes"], body["edges"], body["sources"]) == ([], [], [], {})


@pytest.mark.parametrize(
    ("source", "target"), [(SPARKS, GECKOS), (SPARKS, DRONES), (GECKOS, DRONES)], ids=["S-G", "S-D", "G-D"]
)
def test_sparks_geckos_and_drones_are_linked_through_the_operation(
    client: TestClient, source: str, target: str
) -> None:
    assert node_lists(paths(client, source, target, types="TARGETED")) == [[source, OPERATION, target]]


@pytest.mark.parametrize(
    ("source", "target"), [(SPARKS, GECKOS), (SPARKS, DRONES), (GECKOS, DRONES)], ids=["S-G", "S-D", "G-D"]
)
def test_each_pair_has_a_default_path_through_the_operation(
    client: TestClient, source: str, target: str
) -> None:
    assert [source, OPERATION, target] in node_lists(paths(client, source, target))


# --- /paths: errors -----------------------------------------------------------------------


def test_same_from_and_to_is_422(client: TestClient) -> None:
    assert error(client, "/paths", {"from": SPARKS, "to": SPARKS})[:2] == (422, "invalid_input")


def test_k_11_is_422_naming_k(client: TestClient) -> None:
    params = {"from": SPARKS, "to": GECKOS, "k": 11}
    assert error(client, "/paths", params) == (422, "invalid_parameter", ["query.k"])


def test_k_0_is_422_naming_k(client: TestClient) -> None:
    params = {"from": SPARKS, "to": GECKOS, "k": 0}
    assert error(client, "/paths", params) == (422, "invalid_parameter", ["query.k"])


def test_max_hops_9_is_422_naming_max_hops(client: TestClient) -> None:
    params = {"from": SPARKS, "to": GECKOS, "max_hops": 9}
    assert error(client, "/paths", params) == (422, "invalid_parameter", ["query.max_hops"])


def test_missing_to_is_422_naming_to(client: TestClient) -> None:
    assert error(client, "/paths", {"from": SPARKS}) == (422, "invalid_parameter", ["query.to"])


def test_unknown_type_is_422_naming_types(client: TestClient) -> None:
    params = {"from": SPARKS, "to": GECKOS, "types": "FRIENDS_WITH"}
    assert error(client, "/paths", params) == (422, "invalid_parameter", ["query.types"])


def test_unknown_label_is_422_naming_labels(client: TestClient) -> None:
    params = {"from": SPARKS, "to": GECKOS, "labels": "Gang"}
    assert error(client, "/paths", params) == (422, "invalid_parameter", ["query.labels"])


def test_unknown_from_is_404(client: TestClient) -> None:
    assert error(client, "/paths", {"from": "group:no-such-group", "to": GECKOS})[:2] == (404, "not_found")


def test_unknown_to_is_404(client: TestClient) -> None:
    assert error(client, "/paths", {"from": SPARKS, "to": "group:no-such-group"})[:2] == (404, "not_found")


def test_malformed_id_is_422_naming_from(client: TestClient) -> None:
    assert error(client, "/paths", {"from": "sparks", "to": GECKOS}) == (
        422,
        "invalid_parameter",
        ["query.from"],
    )


# --- /paths: people's names -----------------------------------------------------------------


def test_people_on_a_path_are_shown_by_role(client: TestClient) -> None:
    body = paths(client, SPARKS, GECKOS, k=10)
    assert {n["id"]: n["name"] for n in body["nodes"] if "Person" in n["labels"]} == {
        BRIDI: "member; arranged pickup and mailing of pre-release discs from distributors",
        CORREA: "member (alias 'Raid'); received discs and ripped and encoded them",
        AHMAD: "member (alias 'Artist'); arranged disc deliveries",
    }


@pytest.mark.parametrize(
    ("source", "target"),
    [(SPARKS, GECKOS), (SPARKS, "group:jetflicks"), ("operation:2019-jetflicks", "person:176f25988e70")],
)
def test_no_named_persons_name_anywhere_in_paths(
    client: TestClient, bundled_store: FalkorDBStore, source: str, target: str
) -> None:
    body = paths(client, source, target, k=10, max_hops=8)
    assert names_in(body, named_people(bundled_store)) == set()


# --- /shared --------------------------------------------------------------------------------

SHARED_COUNTRIES = ["CH", "DE", "ES", "FR", "GB", "IT", "NL", "RO", "SE", "US"]

# Each operation's relationships to what both share (2020-sparks.yaml, 2020-perfect-storm.yaml).
SHARED_EDGES = {
    "agency:eurojust|LED|operation:2020-sparks",
    "agency:eurojust|PARTICIPATED_IN|operation:2020-perfect-storm",
    f"{OPERATION}|ACTED_IN|country:CH|servers",
    f"{PERFECT_STORM}|CONNECTED_TO|country:CH|users",
    f"{OPERATION}|ACTED_IN|country:DE|servers",
    f"{PERFECT_STORM}|ACTED_IN|country:DE|searches",
    f"{PERFECT_STORM}|ACTED_IN|country:DE|servers",
    f"{OPERATION}|ACTED_IN|country:ES|servers",
    f"{PERFECT_STORM}|ACTED_IN|country:ES|searches",
    f"{OPERATION}|ACTED_IN|country:FR|servers",
    f"{PERFECT_STORM}|ACTED_IN|country:FR|searches",
    f"{PERFECT_STORM}|ACTED_IN|country:FR|servers",
    f"{OPERATION}|ACTED_IN|country:GB|servers",
    f"{PERFECT_STORM}|ACTED_IN|country:GB|non-eu",
    f"{OPERATION}|ACTED_IN|country:IT|other",
    f"{PERFECT_STORM}|ACTED_IN|country:IT|lead",
    f"{PERFECT_STORM}|ACTED_IN|country:IT|servers",
    f"{OPERATION}|ACTED_IN|country:NL|servers",
    f"{PERFECT_STORM}|ACTED_IN|country:NL|searches",
    f"{PERFECT_STORM}|ACTED_IN|country:NL|servers",
    f"{OPERATION}|ACTED_IN|country:RO|servers",
    f"{OPERATION}|ACTED_IN|country:RO|other",
    f"{PERFECT_STORM}|ACTED_IN|country:RO|searches",
    f"{PERFECT_STORM}|ACTED_IN|country:RO|servers",
    f"{OPERATION}|ACTED_IN|country:SE|servers",
    f"{PERFECT_STORM}|ACTED_IN|country:SE|searches",
    f"{PERFECT_STORM}|ACTED_IN|country:SE|servers",
    f"{OPERATION}|ACTED_IN|country:US|arrest",
    f"{PERFECT_STORM}|ACTED_IN|country:US|non-eu",
}


def shared(client: TestClient, *ids: str) -> dict[str, Any]:
    response = client.get("/shared", params={"id": list(ids)})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture(scope="module")
def two_operations(client: TestClient) -> dict[str, Any]:
    return shared(client, OPERATION, PERFECT_STORM)


def test_the_two_operations_share_eurojust_and_ten_countries(two_operations: dict[str, Any]) -> None:
    # Eurojust LED Sparks and PARTICIPATED_IN Perfect Storm; the countries are those where both
    # ACTED_IN (or Perfect Storm is CONNECTED_TO: Switzerland). Europol, the US agencies, the
    # Italian agencies, groups, servers and people belong to one operation only.
    assert two_operations["shared"] == {
        "Agency": ["agency:eurojust"],
        "Country": [f"country:{c}" for c in SHARED_COUNTRIES],
    }


def test_shared_names_the_entities_compared(two_operations: dict[str, Any]) -> None:
    assert two_operations["entities"] == [OPERATION, PERFECT_STORM]


def test_shared_nodes_are_the_two_operations_and_what_they_share(two_operations: dict[str, Any]) -> None:
    assert {n["id"] for n in two_operations["nodes"]} == {
        OPERATION,
        PERFECT_STORM,
        "agency:eurojust",
        *(f"country:{c}" for c in SHARED_COUNTRIES),
    }


def test_shared_edges_are_every_tie_of_each_operation_to_each_shared_node(
    two_operations: dict[str, Any],
) -> None:
    assert {e["id"] for e in two_operations["edges"]} == SHARED_EDGES


def test_shared_lists_each_edge_once(two_operations: dict[str, Any]) -> None:
    assert len(two_operations["edges"]) == len(SHARED_EDGES)


def test_each_shared_node_is_tied_to_both_operations(two_operations: dict[str, Any]) -> None:
    operations = {OPERATION, PERFECT_STORM}
    ties: dict[str, set[str]] = {}
    for e in two_operations["edges"]:
        ends = {e["source"], e["target"]}
        (other,) = ends - operations
        ties.setdefault(other, set()).update(ends & operations)
    assert {node: ops for node, ops in ties.items() if ops != operations} == {}


def test_shared_edges_cite_sources_that_resolve(two_operations: dict[str, Any]) -> None:
    assert [
        e["id"]
        for e in two_operations["edges"]
        if not e["sources"] or set(e["sources"]) - set(two_operations["sources"])
    ] == []


def test_shared_is_not_truncated(two_operations: dict[str, Any]) -> None:
    assert two_operations["truncated"] is False


def test_geckos_and_drones_share_sparks_and_the_operation(client: TestClient) -> None:
    assert shared(client, GECKOS, DRONES)["shared"] == {"Group": [SPARKS], "Operation": [OPERATION]}


def test_three_entities_share_only_what_all_three_share(client: TestClient) -> None:
    # Sparks is tied to its operation only; Perfect Storm never touches it.
    assert shared(client, OPERATION, PERFECT_STORM, SPARKS)["shared"] == {}


def test_the_same_id_twice_counts_once(client: TestClient) -> None:
    assert shared(client, OPERATION, PERFECT_STORM, OPERATION)["entities"] == [OPERATION, PERFECT_STORM]


def test_one_id_is_422_naming_id(client: TestClient) -> None:
    assert error(client, "/shared", {"id": [OPERATION]}) == (422, "invalid_parameter", ["query.id"])


def test_no_id_is_422_naming_id(client: TestClient) -> None:
    assert error(client, "/shared", {}) == (422, "invalid_parameter", ["query.id"])


def test_one_id_given_twice_is_422(client: TestClient) -> None:
    assert error(client, "/shared", {"id": [OPERATION, OPERATION]})[:2] == (422, "invalid_input")


def test_eleven_ids_is_422_naming_id(client: TestClient) -> None:
    ids = [OPERATION, PERFECT_STORM, *(f"group:g{i}" for i in range(9))]
    assert error(client, "/shared", {"id": ids}) == (422, "invalid_parameter", ["query.id"])


def test_unknown_id_is_404(client: TestClient) -> None:
    assert error(client, "/shared", {"id": [OPERATION, "operation:1999-nothing"]})[:2] == (404, "not_found")


def test_unknown_id_is_named_in_the_message(client: TestClient) -> None:
    response = client.get("/shared", params={"id": [OPERATION, "operation:1999-nothing"]})
    assert "operation:1999-nothing" in response.json()["error"]["message"]


def test_shared_between_two_named_people_shows_roles(client: TestClient) -> None:
    body = shared(client, BRIDI, CORREA)
    assert {n["id"]: n["name"] for n in body["nodes"] if "Person" in n["labels"]} == {
        BRIDI: "member; arranged pickup and mailing of pre-release discs from distributors",
        CORREA: "member (alias 'Raid'); received discs and ripped and encoded them",
    }


def test_two_named_people_share_their_group_and_operation(client: TestClient) -> None:
    # Both MEMBER_OF Sparks; the operation ARRESTED, CHARGED and CONVICTED both. Their
    # nationalities differ (GB, US).
    assert shared(client, BRIDI, CORREA)["shared"] == {"Group": [SPARKS], "Operation": [OPERATION]}


def test_no_named_persons_name_anywhere_in_shared(client: TestClient, bundled_store: FalkorDBStore) -> None:
    body = shared(client, BRIDI, CORREA, AHMAD)
    assert names_in(body, named_people(bundled_store)) == set()


def test_shared_and_paths_change_nothing_in_the_graph(client: TestClient) -> None:
    before = client.get("/health").json()
    client.get("/paths", params={"from": SPARKS, "to": "group:x'}) DETACH DELETE n //"})
    client.get("/shared", params={"id": [OPERATION, "group:x'}) DETACH DELETE n //"]})
    client.get("/paths", params={"from": SPARKS, "to": GECKOS, "types": "TARGETED]-() DELETE r //"})
    assert client.get("/health").json() == before
