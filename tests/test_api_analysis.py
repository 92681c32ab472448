"""Centrality, communities and the named queries, against the bundled data.

Scores are recomputed here from the graph with plain Cypher and small textbook algorithms
(Brandes' betweenness, power-iteration PageRank), independently of the igraph projection.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import deque
from functools import cache
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from graph.query.catalogue import parse_named_query
from graph.resources import cypher_dir
from graph.store.falkordb import FalkorDBStore
from loaders.resources import bundled_dossiers_dir
from tests.facts import SPARKS_SERVER_COUNTRIES

pytestmark = pytest.mark.both_engines

PROVENANCE = ["REPORTS", "CITES", "ABOUT", "CLAIMED_BY"]
OPS_AND_AGENCIES = "labels=Operation&labels=Agency"
QUERY_FILES = sorted((cypher_dir() / "queries").glob("*.cypher"))
QUERY_NAMES = [p.stem for p in QUERY_FILES]
PARAM_TYPES = {"str", "int", "float", "bool", "date", "id", "list"}


# -- the Operation + Agency projection, recomputed -------------------------------------------


@cache
def projection(store: FalkorDBStore) -> tuple[list[str], set[tuple[str, str]]]:
    """Nodes (Operations and Agencies with a non-provenance relationship) and the undirected
    simple edges between them."""
    nodes = [
        row["id"]
        for row in store.read(
            "MATCH (x)-[r]-() WHERE (x:Operation OR x:Agency) AND NOT type(r) IN $prov "
            "RETURN DISTINCT x.id AS id",
            {"prov": PROVENANCE},
        )
    ]
    edges = {
        tuple(sorted((row["a"], row["b"])))
        for row in store.read(
            "MATCH (x)-[r]->(y) WHERE (x:Operation OR x:Agency) AND (y:Operation OR y:Agency) "
            "AND NOT type(r) IN $prov AND x.id <> y.id RETURN DISTINCT x.id AS a, y.id AS b",
            {"prov": PROVENANCE},
        )
    }
    return nodes, {(a, b) for a, b in edges}


def neighbours(store: FalkorDBStore) -> dict[str, set[str]]:
    nodes, edges = projection(store)
    adjacent: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in edges:
        adjacent[a].add(b)
        adjacent[b].add(a)
    return adjacent


def degree_by_cypher(store: FalkorDBStore) -> dict[str, int]:
    counted = {
        row["id"]: row["degree"]
        for row in store.read(
            "MATCH (x)-[r]-(y) WHERE (x:Operation OR x:Agency) AND (y:Operation OR y:Agency) "
            "AND NOT type(r) IN $prov AND x.id <> y.id RETURN x.id AS id, count(DISTINCT y.id) AS degree",
            {"prov": PROVENANCE},
        )
    }
    return {n: counted.get(n, 0) for n in projection(store)[0]}


def betweenness(adjacent: dict[str, set[str]]) -> dict[str, float]:
    """Brandes, unweighted and undirected, normalised by (n-1)(n-2)/2."""
    score = dict.fromkeys(adjacent, 0.0)
    for s in adjacent:
        stack: list[str] = []
        preds: dict[str, list[str]] = {v: [] for v in adjacent}
        sigma = dict.fromkeys(adjacent, 0.0)
        dist = dict.fromkeys(adjacent, -1)
        sigma[s], dist[s] = 1.0, 0
        queue = deque([s])
        while queue:
            v = queue.popleft()
            stack.append(v)
            for w in adjacent[v]:
                if dist[w] < 0:
                    dist[w] = dist[v] + 1
                    queue.append(w)
                if dist[w] == dist[v] + 1:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = dict.fromkeys(adjacent, 0.0)
        while stack:
            w = stack.pop()
            for v in preds[w]:
                delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
            if w != s:
                score[w] += delta[w]
    n = len(adjacent)
    # Each pair was counted from both ends: halve, then normalise.
    return {v: b / 2 * 2 / ((n - 1) * (n - 2)) for v, b in score.items()}


def pagerank(adjacent: dict[str, set[str]], damping: float = 0.85) -> dict[str, float]:
    n = len(adjacent)
    rank = dict.fromkeys(adjacent, 1 / n)
    for _ in range(1000):
        dangling = sum(rank[v] for v in adjacent if not adjacent[v])
        new = {
            v: (1 - damping) / n
            + damping * (dangling / n + sum(rank[u] / len(adjacent[u]) for u in adjacent[v]))
            for v in adjacent
        }
        done = sum(abs(new[v] - rank[v]) for v in adjacent) < 1e-14
        rank = new
        if done:
            break
    return rank


def scores(client: TestClient, measure: str, extra: str = OPS_AND_AGENCIES) -> list[dict[str, Any]]:
    response = client.get(f"/analytics/centrality?measure={measure}&{extra}&limit=500")
    assert response.status_code == 200
    items: list[dict[str, Any]] = response.json()["scores"]
    return items


# -- centrality --------------------------------------------------------------------------------


def test_degree_top_entry_is_the_operation_with_most_agencies(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    degree = degree_by_cypher(bundled_store)
    best = min(degree, key=lambda n: (-degree[n], n))
    top = scores(client, "degree")[0]
    assert (top["id"], top["score"]) == (best, degree[best])


def test_degree_top_entry_is_the_404_series_with_5_agencies_and_8_operations(client: TestClient) -> None:
    # MJSP led; Anatel, Ancine, the state civil police and the CNCP took part; six phases
    # are PHASE_OF it, and Operação Animes and the Argentine Magis TV raids RELATED_TO it.
    top = scores(client, "degree")[0]
    assert (top["id"], top["score"]) == ("operation:2019-operation-404-brazil", 13)


def test_degree_ranking_is_the_whole_cypher_count_in_order(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    degree = degree_by_cypher(bundled_store)
    expected = sorted(((n, float(d)) for n, d in degree.items()), key=lambda nd: (-nd[1], nd[0]))
    assert [(s["id"], s["score"]) for s in scores(client, "degree")] == expected


def test_degree_counts_nodes_in_projection(client: TestClient, bundled_store: FalkorDBStore) -> None:
    body = client.get(f"/analytics/centrality?measure=degree&{OPS_AND_AGENCIES}").json()
    assert body["nodes_in_projection"] == len(projection(bundled_store)[0])


def test_degree_limit_cuts_the_ranking(client: TestClient) -> None:
    body = client.get(f"/analytics/centrality?measure=degree&{OPS_AND_AGENCIES}&limit=3").json()
    assert body["scores"] == scores(client, "degree")[:3]


def test_degree_entries_carry_names_and_labels(client: TestClient) -> None:
    top = scores(client, "degree")[0]
    assert (top["name"], top["labels"]) == ("Operation 404 (Operação 404)", ["Operation"])


def test_degree_over_all_labels_top_entry_matches_a_cypher_count(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    rows = bundled_store.read(
        "MATCH (x)-[r]-(y) WHERE NOT type(r) IN $prov AND x.id <> y.id "
        "RETURN x.id AS id, count(DISTINCT y.id) AS degree ORDER BY degree DESC, id LIMIT 1",
        {"prov": PROVENANCE},
    )
    top = client.get("/analytics/centrality?measure=degree&limit=1").json()["scores"][0]
    assert (top["id"], top["score"]) == (rows[0]["id"], rows[0]["degree"])


def test_betweenness_matches_brandes(client: TestClient, bundled_store: FalkorDBStore) -> None:
    expected = betweenness(neighbours(bundled_store))
    got = {s["id"]: s["score"] for s in scores(client, "betweenness")}
    assert [n for n in expected if not math.isclose(got[n], expected[n], abs_tol=1e-9)] == []


def test_betweenness_top_node(client: TestClient, bundled_store: FalkorDBStore) -> None:
    expected = betweenness(neighbours(bundled_store))
    assert scores(client, "betweenness")[0]["id"] == max(expected, key=lambda n: expected[n])


def test_betweenness_is_ordered_highest_first(client: TestClient) -> None:
    values = [s["score"] for s in scores(client, "betweenness")]
    assert values == sorted(values, reverse=True)


def test_pagerank_matches_power_iteration(client: TestClient, bundled_store: FalkorDBStore) -> None:
    expected = pagerank(neighbours(bundled_store))
    got = {s["id"]: s["score"] for s in scores(client, "pagerank")}
    assert [n for n in expected if not math.isclose(got[n], expected[n], rel_tol=1e-6)] == []


def test_pagerank_top_node(client: TestClient, bundled_store: FalkorDBStore) -> None:
    expected = pagerank(neighbours(bundled_store))
    assert scores(client, "pagerank")[0]["id"] == max(expected, key=lambda n: expected[n])


def test_pagerank_scores_sum_to_one(client: TestClient) -> None:
    assert math.isclose(sum(s["score"] for s in scores(client, "pagerank")), 1.0, rel_tol=1e-9)


@pytest.mark.parametrize("measure", ["degree", "betweenness", "pagerank"])
def test_ranking_is_stable_across_calls(client: TestClient, measure: str) -> None:
    assert scores(client, measure) == scores(client, measure)


@pytest.mark.parametrize("measure", ["degree", "betweenness", "pagerank"])
def test_equal_scores_are_ordered_by_id(client: TestClient, measure: str) -> None:
    ranked = [(s["score"], s["id"]) for s in scores(client, measure)]
    ties = [(a, b) for a, b in itertools.pairwise(ranked) if a[0] == b[0] and a[1] > b[1]]
    assert ties == []


def test_types_restrict_the_projection(client: TestClient, bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (x)-[:LED]-(y) WHERE x.id <> y.id "
        "RETURN x.id AS id, count(DISTINCT y.id) AS degree ORDER BY degree DESC, id LIMIT 1"
    )
    top = client.get("/analytics/centrality?measure=degree&types=LED&limit=1").json()["scores"][0]
    assert (top["id"], top["score"]) == (rows[0]["id"], rows[0]["degree"])


def test_unknown_measure_is_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/analytics/centrality?measure=closeness")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "query.measure")


def test_unknown_label_is_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/analytics/centrality?labels=Gang")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "query.labels")


def test_unknown_relationship_type_is_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/analytics/centrality?types=KNOWS")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "query.types")


def test_centrality_limit_zero_is_422(client: TestClient) -> None:
    assert client.get("/analytics/centrality?limit=0").status_code == 422


def test_centrality_over_an_empty_projection_is_an_empty_ranking(client: TestClient) -> None:
    # Claims only link to other nodes through provenance relationships.
    body = client.get("/analytics/centrality?labels=Claim").json()
    assert (body["nodes_in_projection"], body["scores"]) == (0, [])


# -- communities -------------------------------------------------------------------------------


def communities(client: TestClient, extra: str = OPS_AND_AGENCIES) -> dict[str, Any]:
    response = client.get(f"/analytics/communities?{extra}&min_size=1&limit=200")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def members(body: dict[str, Any]) -> list[str]:
    return [m["id"] for c in body["communities"] for m in c["members"]]


def test_communities_are_the_same_on_two_calls(client: TestClient) -> None:
    assert communities(client) == communities(client)


def test_communities_over_the_whole_graph_are_the_same_on_two_calls(client: TestClient) -> None:
    assert communities(client, "") == communities(client, "")


def test_no_node_is_in_two_communities(client: TestClient) -> None:
    found = members(communities(client))
    assert len(found) == len(set(found))


def test_communities_cover_every_node_of_the_projection(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    assert set(members(communities(client))) == set(projection(bundled_store)[0])


def test_community_sizes_are_their_member_counts(client: TestClient) -> None:
    body = communities(client)
    assert [c["size"] for c in body["communities"]] == [len(c["members"]) for c in body["communities"]]


def test_communities_are_largest_first(client: TestClient) -> None:
    sizes = [c["size"] for c in communities(client)["communities"]]
    assert sizes == sorted(sizes, reverse=True)


def test_min_size_drops_small_communities(client: TestClient) -> None:
    body = client.get(f"/analytics/communities?{OPS_AND_AGENCIES}&min_size=10&limit=200").json()
    assert [c["size"] for c in body["communities"]] == [
        c["size"] for c in communities(client)["communities"] if c["size"] >= 10
    ]


def test_sparks_and_its_lead_agencies_share_a_community(client: TestClient) -> None:
    by_node = {m["id"]: i for i, c in enumerate(communities(client)["communities"]) for m in c["members"]}
    assert (
        by_node["operation:2020-sparks"]
        == by_node["agency:us-attorney-s-office-for-the-southern-district-of-new-york"]
    )


def test_modularity_is_between_minus_half_and_one(client: TestClient) -> None:
    assert -0.5 <= communities(client)["modularity"] <= 1


def test_communities_unknown_label_is_422(client: TestClient) -> None:
    assert client.get("/analytics/communities?labels=Gang").status_code == 422


# -- the named-query catalogue -----------------------------------------------------------------


def catalogue(client: TestClient) -> dict[str, dict[str, Any]]:
    return {q["name"]: q for q in client.get("/queries").json()["queries"]}


def declared_columns(name: str) -> list[str]:
    """The `AS` names of the query's last RETURN clause, read from its .cypher file."""
    text = "\n".join(
        line
        for line in (cypher_dir() / "queries" / f"{name}.cypher").read_text().splitlines()
        if not line.strip().startswith("//")
    )
    clause = re.split(r"\bRETURN\b", text)[-1]
    clause = re.split(r"\n\s*(?:ORDER BY|LIMIT|SKIP)\b", clause)[0]
    return re.findall(r"\bAS\s+(\w+)", clause)


def test_catalogue_has_at_least_12_queries(client: TestClient) -> None:
    assert len(catalogue(client)) >= 12


def test_catalogue_lists_every_query_file(client: TestClient) -> None:
    assert sorted(catalogue(client)) == QUERY_NAMES


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_catalogue_entry_has_a_title_and_a_description(client: TestClient, name: str) -> None:
    entry = catalogue(client)[name]
    assert bool(entry["title"].strip()) and bool(entry["description"].strip())


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_catalogue_parameters_are_typed_with_defaults(client: TestClient, name: str) -> None:
    bad = [
        p["name"]
        for p in catalogue(client)[name]["parameters"]
        if p["type"] not in PARAM_TYPES or p["default"] is None or not p["description"].strip()
    ]
    assert bad == []


def test_catalogue_parameters_of_servers_by_country(client: TestClient) -> None:
    params = catalogue(client)["servers_by_country"]["parameters"]
    assert [(p["name"], p["type"], p["default"]) for p in params] == [
        ("group", "id", "group:sparks"),
        ("limit", "int", 1000),
    ]


def test_a_named_querys_limit_cuts_its_rows(client: TestClient) -> None:
    body = client.get("/queries/servers_by_country?limit=2").json()
    assert (len(body["rows"]), body["truncated"]) == (2, True)


def test_a_named_query_without_a_limit_line_is_refused() -> None:
    with pytest.raises(ValueError, match="no '// param limit: int' line"):
        parse_named_query("unbounded", "// title: Every operation\nMATCH (o:Operation) RETURN o.id AS id\n")


def test_a_limit_above_the_rows_is_not_a_cut(client: TestClient) -> None:
    body = client.get("/queries/servers_by_country?limit=1000").json()
    assert body["truncated"] is False


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_runs_with_its_defaults(client: TestClient, name: str) -> None:
    assert client.get(f"/queries/{name}").status_code == 200


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_answers_the_columns_it_declares(client: TestClient, name: str) -> None:
    assert client.get(f"/queries/{name}").json()["columns"] == declared_columns(name)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_echoes_its_default_parameters(client: TestClient, name: str) -> None:
    defaults = {p["name"]: p["default"] for p in catalogue(client)[name]["parameters"]}
    assert client.get(f"/queries/{name}").json()["parameters"] == defaults


def test_a_query_with_no_rows_still_answers_its_columns(client: TestClient) -> None:
    body = client.get("/queries/servers_by_country?group=group:no-such-group").json()
    assert body["columns"] == declared_columns("servers_by_country")


# -- specific answers --------------------------------------------------------------------------


def sparks_server_countries() -> list[str]:
    """The countries the Sparks dossier locates the group's servers in (names -> codes)."""
    names = {"France": "FR", "Suisse": "CH", "Royaume-Uni": "GB"}
    data = yaml.safe_load((bundled_dossiers_dir() / "2020-sparks.yaml").read_text(encoding="utf-8"))
    refs = [
        r["to"].split(":", 1)[1]
        for r in data["relationships"]
        if r["type"] == "LOCATED_IN" and r["from"] == "sparks-servers"
    ]
    return sorted(names.get(ref, ref) for ref in refs)


def test_servers_by_country_of_sparks_are_the_16_countries(client: TestClient) -> None:
    rows = client.get("/queries/servers_by_country?group=group:sparks").json()["rows"]
    assert sorted(row[0] for row in rows) == sorted(SPARKS_SERVER_COUNTRIES)


def test_servers_by_country_of_sparks_match_the_dossier(client: TestClient) -> None:
    rows = client.get("/queries/servers_by_country?group=group:sparks").json()["rows"]
    assert sorted(row[0] for row in rows) == sparks_server_countries()


def test_servers_by_country_of_sparks_were_taken_down_by_the_sparks_operation(client: TestClient) -> None:
    rows = client.get("/queries/servers_by_country").json()["rows"]
    assert {tuple(row[5]) for row in rows} == {("operation:2020-sparks",)}


def conflicts(client: TestClient) -> list[dict[str, Any]]:
    body = client.get("/queries/conflicting_claims").json()
    return [dict(zip(body["columns"], row, strict=True)) for row in body["rows"]]


def test_conflicting_claims_include_perfect_storm_servers_vs_it_resources(client: TestClient) -> None:
    pairs = {
        (c["metric_a"], c["value_a"], c["value_b"], frozenset({c["unit_a"], c["unit_b"]}), c["differ"])
        for c in conflicts(client)
        if c["about"] == "operation:2020-perfect-storm"
    }
    assert (
        "servers shut down",
        5500,
        5500,
        frozenset({"servers", "IT resources"}),
        "what is counted",
    ) in pairs


def test_conflicting_claims_leave_out_agreeing_claims(client: TestClient) -> None:
    # Perfect Storm: 23 suspects per Gazzetta and per the seed agree, so they are no conflict.
    metrics = {
        c[side]
        for c in conflicts(client)
        if c["about"] == "operation:2020-perfect-storm"
        for side in ("metric_a", "metric_b")
    }
    assert "suspects identified" not in metrics


def test_agency_partners_query_agrees_with_the_agency_view(client: TestClient) -> None:
    rows = client.get("/queries/agency_partners?agency=agency:europol").json()["rows"]
    partners = client.get("/agencies/agency:europol").json()["partners"]
    assert [(r[0], r[2]) for r in rows] == [(p["id"], p["shared_operations"]) for p in partners]


def test_events_about_sparks_are_its_ten_events_in_date_order(client: TestClient) -> None:
    dates = [row[0] for row in client.get("/queries/events_about").json()["rows"]]
    data = yaml.safe_load((bundled_dossiers_dir() / "2020-sparks.yaml").read_text(encoding="utf-8"))
    assert dates == sorted(str(e["date"]) for e in data["events"])


def test_query_limit_parameter_limits_rows(client: TestClient) -> None:
    assert client.get("/queries/countries_by_operations?limit=3").json()["row_count"] == 3


# -- bad calls ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, field",
    [
        ("/queries/agency_partners?limit=abc", "query.limit"),
        ("/queries/agency_partners?limit=2.5", "query.limit"),
        ("/queries/agency_partners?limit=5000", "query.limit"),
        ("/queries/agency_partners?limit=-1", "query.limit"),
        ("/queries/agency_partners?agency=europol", "query.agency"),
        ("/queries/servers_by_country?group=group%20sparks", "query.group"),
        ("/queries/single_source_facts?limit=many", "query.limit"),
        ("/queries/claims_by_metric?text=" + "x" * 301, "query.text"),
    ],
)
def test_a_bad_parameter_type_is_422_naming_the_field(client: TestClient, path: str, field: str) -> None:
    response = client.get(path)
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, field)


def test_an_unknown_parameter_is_422_naming_it(client: TestClient) -> None:
    response = client.get("/queries/servers_by_country?country=NL")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "query.country")


def test_a_parameter_a_query_does_not_declare_is_422(client: TestClient) -> None:
    assert client.get("/queries/conflicting_claims?depth=5").status_code == 422


def test_an_unknown_query_is_404(client: TestClient) -> None:
    response = client.get("/queries/no_such_query")
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


def test_a_query_name_with_a_path_trick_is_rejected(client: TestClient) -> None:
    assert client.get("/queries/..%2Fread%2Fgroups").status_code in {404, 422}
