"""Groups, operations, countries, agencies and the timeline, checked against the dossiers.

Expectations come from the bundled YAML files themselves (read here with PyYAML, not with
the loader), so a wrong answer from the API cannot also be the expectation.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

import loaders
from graph.store.falkordb import FalkorDBStore
from loaders.resources import bundled_dossiers_dir
from tests.facts import SPARKS_SERVER_COUNTRIES

pytestmark = pytest.mark.both_engines

SPARKS = "operation:2020-sparks"
STORM = "operation:2020-perfect-storm"
# Country names the bundled dossiers use instead of ISO codes.
COUNTRY_NAMES = {"France": "FR", "Suisse": "CH", "Royaume-Uni": "GB", "Chypre": "CY"}


# -- expectations read from the dossier files ----------------------------------------------


@cache
def dossiers() -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted(bundled_dossiers_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[data["id"]] = data
    return found


@cache
def canonical_names() -> dict[str, str]:
    """Gazetteer aliases -> canonical name (so "GdF" and "Guardia di Finanza" are one)."""
    raw = yaml.safe_load((Path(loaders.__file__).parent / "gazetteer.yaml").read_text(encoding="utf-8"))
    names = {}
    for entries in raw.values():
        for entry in entries:
            for alias in [entry["name"], *entry.get("aliases", [])]:
                names[alias.casefold()] = entry["name"]
    return names


def canonical(name: str) -> str:
    return canonical_names().get(name.casefold(), name)


def code(ref: str) -> str:
    text = ref.split(":", 1)[1]
    return COUNTRY_NAMES.get(text, text)


def entity(dossier: dict[str, Any], key: str) -> dict[str, Any]:
    return dossier["entities"][key]


def relationships(dossier: dict[str, Any], rel_type: str) -> list[dict[str, Any]]:
    return [r for r in dossier.get("relationships") or [] if r["type"] == rel_type]


def countries_of(dossier: dict[str, Any], rel_type: str) -> set[str]:
    return {code(r["to"]) for r in relationships(dossier, rel_type) if r["from"] == "operation"}


def agencies_of(dossier: dict[str, Any]) -> set[str]:
    """Canonical names of the Agency entities that LED or PARTICIPATED_IN the operation."""
    return {
        canonical(entity(dossier, r["from"])["name"])
        for rel_type in ("LED", "PARTICIPATED_IN")
        for r in relationships(dossier, rel_type)
        if r["to"] == "operation" and entity(dossier, r["from"])["label"] == "Agency"
    }


def partners_of(dossier: dict[str, Any]) -> set[str]:
    """Everyone (agencies and organisations) that LED or PARTICIPATED_IN the operation."""
    return {
        canonical(entity(dossier, r["from"])["name"])
        for rel_type in ("LED", "PARTICIPATED_IN")
        for r in relationships(dossier, rel_type)
        if r["to"] == "operation"
    }


def targeted_groups(dossier: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        entity(dossier, r["to"])
        for r in relationships(dossier, "TARGETED")
        if r["from"] == "operation" and entity(dossier, r["to"])["label"] == "Group"
    ]


def all_groups() -> dict[str, dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for dossier in dossiers().values():
        for value in (dossier.get("entities") or {}).values():
            if value["label"] == "Group":
                groups.setdefault(value["name"], value)
    return groups


def operations_targeting(name: str) -> int:
    return sum(any(g["name"] == name for g in targeted_groups(d)) for d in dossiers().values())


def event_dates(dossier: dict[str, Any] | None = None) -> list[str]:
    chosen = [dossier] if dossier else list(dossiers().values())
    return sorted(str(e["date"]) for d in chosen for e in d.get("events") or [])


def event_pairs(dossier: dict[str, Any] | None = None) -> Counter[tuple[str, str]]:
    chosen = [dossier] if dossier else list(dossiers().values())
    return Counter((str(e["date"]), e["kind"]) for d in chosen for e in d.get("events") or [])


def source_id(store: FalkorDBStore, dossier_id: str, key: str) -> str:
    """The id the graph gave to a dossier's source, found by its URL or document name."""
    source = dossiers()[dossier_id]["sources"][key]
    rows = store.read(
        "MATCH (s:Source) WHERE s.url = $url OR s.document = $doc RETURN s.id AS id",
        {"url": source.get("url") or "", "doc": source.get("document") or ""},
    )
    assert len(rows) == 1
    return str(rows[0]["id"])


def walk(client: TestClient, path: str, page_size: int) -> list[dict[str, Any]]:
    """Every item of a paged list, page by page."""
    items: list[dict[str, Any]] = []
    offset: int | None = 0
    sep = "&" if "?" in path else "?"
    while offset is not None:
        body = client.get(f"{path}{sep}limit={page_size}&offset={offset}").json()
        items += body["items"]
        offset = body["next_offset"]
    return items


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


# -- groups ----------------------------------------------------------------------------------


def test_groups_lists_every_group_of_the_dossiers(client: TestClient) -> None:
    names = {g["name"] for g in client.get("/groups?limit=500").json()["items"]}
    assert names == set(all_groups())


def test_groups_count_the_operations_that_targeted_each(client: TestClient) -> None:
    counted = {g["name"]: g["operations"] for g in client.get("/groups?limit=500").json()["items"]}
    assert counted == {name: operations_targeting(name) for name in all_groups()}


def test_groups_are_ordered_by_operations_then_name(client: TestClient) -> None:
    items = client.get("/groups?limit=500").json()["items"]
    assert items == sorted(items, key=lambda g: (-g["operations"], g["name"]))


def test_groups_kind_filter_keeps_exactly_the_groups_of_that_kind(client: TestClient) -> None:
    names = {g["name"] for g in client.get("/groups?kind=IPTV&limit=500").json()["items"]}
    expected = {n for n, g in all_groups().items() if "iptv" in g["properties"]["kind"].lower()}
    assert names == expected


def test_groups_kind_filter_is_case_insensitive(client: TestClient) -> None:
    upper = client.get("/groups?kind=TORRENT SITE").json()["items"]
    assert upper == client.get("/groups?kind=torrent site").json()["items"]


def test_groups_kind_filter_with_no_match_is_an_empty_page(client: TestClient) -> None:
    body = client.get("/groups?kind=no-such-kind").json()
    assert (body["items"], body["truncated"], body["next_offset"]) == ([], False, None)


def test_groups_pages_put_together_give_the_whole_list(client: TestClient) -> None:
    assert walk(client, "/groups", 7) == client.get("/groups?limit=500").json()["items"]


def test_groups_first_page_says_more_follow(client: TestClient) -> None:
    body = client.get("/groups?limit=5").json()
    assert (len(body["items"]), body["truncated"], body["next_offset"]) == (5, True, 5)


def test_groups_last_page_says_nothing_follows(client: TestClient) -> None:
    total = len(all_groups())
    body = client.get(f"/groups?limit=5&offset={total - 2}").json()
    assert (len(body["items"]), body["truncated"], body["next_offset"]) == (2, False, None)


# -- group links -----------------------------------------------------------------------------


def sparks_links(client: TestClient) -> dict[str, dict[str, Any]]:
    body = client.get("/groups/group:sparks/links").json()
    return {g["name"]: g for g in body["linked_groups"]}


def expected_sparks_reasons() -> dict[str, set[tuple[str, str | None]]]:
    """related_to from RELATED_TO with Sparks; shared_operation from each operation that
    targeted Sparks and the other group."""
    reasons: dict[str, set[tuple[str, str | None]]] = {}
    for dossier_id, dossier in dossiers().items():
        ents = dossier.get("entities") or {}
        for r in relationships(dossier, "RELATED_TO"):
            if r["from"] not in ents or r["to"] not in ents:
                continue  # operation to operation
            names = {ents[r["from"]].get("name"), ents[r["to"]].get("name")}
            if "Sparks" in names:
                (other,) = names - {"Sparks"}
                reasons.setdefault(other, set()).add(("related_to", None))
        targeted = [g["name"] for g in targeted_groups(dossier)]
        if "Sparks" in targeted:
            for other in set(targeted) - {"Sparks"}:
                reasons.setdefault(other, set()).add(("shared_operation", f"operation:{dossier_id}"))
    return reasons


def test_sparks_is_linked_to_exactly_the_groups_its_dossier_relates_or_co_targets(
    client: TestClient,
) -> None:
    assert set(sparks_links(client)) == set(expected_sparks_reasons())


def test_sparks_links_give_the_right_reasons(client: TestClient) -> None:
    got = {
        name: {(r["reason"], r["via"]) for r in group["reasons"]}
        for name, group in sparks_links(client).items()
    }
    assert got == expected_sparks_reasons()


def test_sparks_related_to_link_carries_the_documented_nature(client: TestClient) -> None:
    reasons = sparks_links(client)["Geckos"]["reasons"]
    (related,) = [r for r in reasons if r["reason"] == "related_to"]
    assert related["detail"] == (
        "connected Scene release group; key members covered by the same US indictments"
    )


def test_sparks_related_to_link_cites_the_relationship_sources(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    reasons = sparks_links(client)["Drones"]["reasons"]
    (related,) = [r for r in reasons if r["reason"] == "related_to"]
    assert related["sources"] == [source_id(bundled_store, "2020-sparks", "torrentfreak")]


def test_sparks_shared_operation_link_names_the_operation(client: TestClient) -> None:
    reasons = sparks_links(client)["Rovers"]["reasons"]
    (shared,) = [r for r in reasons if r["reason"] == "shared_operation"]
    assert shared["detail"] == dossiers()["2020-sparks"]["operation"]["name"]


def test_sparks_shared_operation_link_cites_the_source_of_the_linked_groups_targeting(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    reasons = sparks_links(client)["Splinters"]["reasons"]
    (shared,) = [r for r in reasons if r["reason"] == "shared_operation"]
    assert source_id(bundled_store, "2020-sparks", "futurezone") in shared["sources"]


def test_group_links_of_an_unknown_group_is_404(client: TestClient) -> None:
    assert client.get("/groups/group:no-such-group/links").status_code == 404


def test_group_links_of_an_operation_id_is_404(client: TestClient) -> None:
    assert client.get(f"/groups/{SPARKS}/links").status_code == 404


# -- operations list ---------------------------------------------------------------------------


def operations_where(keep: Any) -> list[str]:
    return sorted(f"operation:{i}" for i, d in dossiers().items() if keep(d))


def listed(client: TestClient, query: str) -> list[str]:
    return sorted(ids(client.get(f"/operations?{query}&limit=500").json()["items"]))


def test_operations_lists_all_49_in_action_day_order(client: TestClient) -> None:
    expected = [
        f"operation:{i}"
        for i, _ in sorted(dossiers().items(), key=lambda kv: (str(kv[1]["operation"]["action_day"]), kv[0]))
    ]
    assert ids(client.get("/operations").json()["items"]) == expected


@pytest.mark.parametrize("year", ["2019", "2020", "2021", "2015"])
def test_operations_year_filter_gives_exactly_that_years_operations(client: TestClient, year: str) -> None:
    expected = operations_where(lambda d: str(d["operation"]["action_day"]).startswith(year))
    assert listed(client, f"year={year}") == expected


def test_operations_of_2020_are_the_ten_2020_dossiers(client: TestClient) -> None:
    assert listed(client, "year=2020") == [
        "operation:2020-danishbits-nordicbits",
        "operation:2020-gdf-roma-iptv-serie-a",
        "operation:2020-gdf-venezia-teramo-iptv",
        "operation:2020-kboxserv-switzerland",
        "operation:2020-operacao-404-fase-2",
        "operation:2020-operacion-rex-spain",
        STORM,
        "operation:2020-spain-iptv-europol",
        SPARKS,
        "operation:2020-team-xecuter",
    ]


@pytest.mark.parametrize("country", ["NL", "FR", "GB", "CH", "CY", "US", "CN"])
def test_operations_country_filter_keeps_operations_that_acted_there(
    client: TestClient, country: str
) -> None:
    expected = operations_where(lambda d: country in countries_of(d, "ACTED_IN"))
    assert listed(client, f"country=country:{country}") == expected


def test_operations_country_filter_leaves_out_countries_only_connected(client: TestClient) -> None:
    # The 2016 FAKE operation is CONNECTED_TO China (decoder origin), with no enforcement there.
    assert listed(client, "country=country:CN") == []


@pytest.mark.parametrize(
    "agency, name",
    [
        ("agency:europol", "Europol"),
        ("agency:eurojust", "Eurojust"),
        ("agency:alliance-for-creativity-and-entertainment", "Alliance for Creativity and Entertainment"),
        ("agency:guardia-di-finanza", "Guardia di Finanza"),
    ],
)
def test_operations_agency_filter_keeps_operations_it_led_or_joined(
    client: TestClient, agency: str, name: str
) -> None:
    expected = operations_where(lambda d: name in agencies_of(d))
    assert listed(client, f"agency={agency}") == expected


@pytest.mark.parametrize("kind", ["IPTV", "release group", "torrent", "cyberlocker"])
def test_operations_target_kind_filter_keeps_operations_targeting_that_kind(
    client: TestClient, kind: str
) -> None:
    expected = operations_where(
        lambda d: any(kind.lower() in g["properties"]["kind"].lower() for g in targeted_groups(d))
    )
    assert listed(client, f"target_kind={kind}") == expected


def test_operations_filters_combine(client: TestClient) -> None:
    expected = operations_where(
        lambda d: str(d["operation"]["action_day"]).startswith("2020") and "NL" in countries_of(d, "ACTED_IN")
    )
    assert listed(client, "year=2020&country=country:NL") == expected


def test_operations_pages_put_together_give_the_whole_list(client: TestClient) -> None:
    assert walk(client, "/operations", 4) == client.get("/operations?limit=500").json()["items"]


def test_operations_list_names_the_lead_agencies(client: TestClient) -> None:
    items = {o["id"]: o for o in client.get("/operations").json()["items"]}
    assert sorted(items[SPARKS]["led_by"]) == [
        "Eurojust",
        "US Attorney's Office for the Southern District of New York",
    ]


# -- one operation -----------------------------------------------------------------------------

# Read from data/operations/2020-sparks.yaml and 2020-perfect-storm.yaml.
LED = {
    SPARKS: {"agency:eurojust", "agency:us-attorney-s-office-for-the-southern-district-of-new-york"},
    STORM: {"agency:guardia-di-finanza", "agency:procura-della-repubblica-di-napoli"},
}
PARTICIPATED = {
    SPARKS: {
        "agency:europol",
        "agency:homeland-security-investigations",
        "agency:interpol",
        "agency:national-authorities-of-18-countries-sparks-operation",
        "agency:us-department-of-justice",
        "agency:us-postal-inspection-service",
    },
    STORM: {"agency:eurojust", "agency:hellenic-police", "agency:polizia-di-stato-polizia-postale"},
}
STORM_ACTED_IN = ["IT", "MT", "ES", "DE", "BG", "GR", "LT", "SI", "SE", "BE", "RO", "NL", "FR", "US"]
STORM_ACTED_IN += ["GB", "RU"]
ACTED_IN = {
    SPARKS: {f"country:{c}" for c in {*SPARKS_SERVER_COUNTRIES, "IT", "CY", "US"}},
    STORM: {f"country:{c}" for c in STORM_ACTED_IN},
}
CONNECTED_TO = {SPARKS: set(), STORM: {"country:CH"}}
BOTH = [SPARKS, STORM]


@cache
def operation(client: TestClient, operation_id: str) -> dict[str, Any]:
    response = client.get(f"/operations/{operation_id}")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_lead_agencies(client: TestClient, operation_id: str) -> None:
    assert set(ids(operation(client, operation_id)["agencies"]["led"])) == LED[operation_id]


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_participating_agencies(client: TestClient, operation_id: str) -> None:
    got = set(ids(operation(client, operation_id)["agencies"]["participated"]))
    assert got == PARTICIPATED[operation_id]


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_countries_acted_in(client: TestClient, operation_id: str) -> None:
    got = set(ids(operation(client, operation_id)["countries"]["acted_in"]))
    assert got == ACTED_IN[operation_id]


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_countries_acted_in_match_the_dossier(client: TestClient, operation_id: str) -> None:
    dossier = dossiers()[operation_id.split(":", 1)[1]]
    got = set(ids(operation(client, operation_id)["countries"]["acted_in"]))
    assert got == {f"country:{c}" for c in countries_of(dossier, "ACTED_IN")}


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_countries_connected_to(client: TestClient, operation_id: str) -> None:
    got = set(ids(operation(client, operation_id)["countries"]["connected_to"]))
    assert got == CONNECTED_TO[operation_id]


def test_operation_acted_in_keeps_one_entry_per_role(client: TestClient) -> None:
    # Sparks ACTED_IN Romania twice: servers taken down, and other measures.
    roles = {
        e["relationship"]["role"]
        for e in operation(client, SPARKS)["countries"]["acted_in"]
        if e["id"] == "country:RO"
    }
    assert roles == {"servers taken down", "other measures (in addition to servers)"}


def test_sparks_targets_are_the_six_release_groups(client: TestClient) -> None:
    expected = {g["name"] for g in targeted_groups(dossiers()["2020-sparks"])}
    assert {t["name"] for t in operation(client, SPARKS)["targets"]} == expected


def test_sparks_servers_taken_down_are_located_in_the_16_countries(client: TestClient) -> None:
    (servers,) = [
        i for i in operation(client, SPARKS)["infrastructure"] if i["name"] == "Sparks servers taken down"
    ]
    assert set(servers["located_in"]) == {f"country:{c}" for c in SPARKS_SERVER_COUNTRIES}


def test_perfect_storm_platforms_with_their_counts(client: TestClient) -> None:
    got = {(p["name"], p["count"], p["unit"]) for p in operation(client, STORM)["platforms"]}
    assert got == {
        ("Telegram", 350, "channels"),
        ("PayPal", 334, "accounts"),
        ("Cryptocurrencies", None, None),
    }


def test_sparks_platforms(client: TestClient) -> None:
    got = {(p["name"], p["count"]) for p in operation(client, SPARKS)["platforms"]}
    assert got == {("BitTorrent / P2P networks and streaming websites", None)}


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_lists_every_claim_of_its_dossier(client: TestClient, operation_id: str) -> None:
    dossier = dossiers()[operation_id.split(":", 1)[1]]
    got = Counter((c["metric"], c["value"], c["unit"]) for c in operation(client, operation_id)["claims"])
    expected = Counter((c["metric"], c.get("value"), c.get("unit")) for c in dossier["claims"])
    assert got == expected


def test_perfect_storm_keeps_both_5500_server_claims_with_who_claims_them(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    def source(key: str) -> str:
        return source_id(bundled_store, "2020-perfect-storm", key)

    got = {
        (c["value"], c["unit"], c["claimed_by"], c["claimed_by_name"], frozenset(c["sources"]))
        for c in operation(client, STORM)["claims"]
        if c["metric"] == "servers shut down"
    }
    assert got == {
        (5500, "servers", "agency:eurojust", "Eurojust", frozenset({source("seed-fr")})),
        (
            5500,
            "IT resources",
            "agency:guardia-di-finanza",
            "Guardia di Finanza",
            frozenset({source("gdf-release"), source("repubblica")}),
        ),
    }


def test_perfect_storm_eur_seizure_claims(client: TestClient) -> None:
    values = sorted(
        c["value"]
        for c in operation(client, STORM)["claims"]
        if c["metric"] == "assets ordered seized" and c["unit"] == "EUR"
    )
    assert values == [10_600_000, 10_619_000, 10_619_000]


def test_perfect_storm_seizures_include_the_eur_claims(client: TestClient) -> None:
    values = {s.get("value") for s in operation(client, STORM)["seizures"] if s.get("unit") == "EUR"}
    assert values == {10_600_000, 10_619_000}


def test_perfect_storm_seizures_include_the_paypal_accounts_seized(client: TestClient) -> None:
    seized = [s for s in operation(client, STORM)["seizures"] if s.get("relation") == "SEIZED"]
    assert [(s["id"], s["relationship"]["count"]) for s in seized] == [("platform:paypal", 334)]


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_events_are_sorted_by_date(client: TestClient, operation_id: str) -> None:
    dossier = dossiers()[operation_id.split(":", 1)[1]]
    dates = [e["properties"]["date"] for e in operation(client, operation_id)["events"]]
    assert dates == event_dates(dossier)


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_events_are_those_of_its_dossier(client: TestClient, operation_id: str) -> None:
    dossier = dossiers()[operation_id.split(":", 1)[1]]
    got = Counter(
        (e["properties"]["date"], e["properties"]["kind"]) for e in operation(client, operation_id)["events"]
    )
    assert got == event_pairs(dossier)


@pytest.mark.parametrize("operation_id", BOTH)
def test_every_claim_source_resolves_in_the_source_index(client: TestClient, operation_id: str) -> None:
    view = operation(client, operation_id)
    cited = {s for c in view["claims"] for s in c["sources"]}
    assert cited - set(view["source_index"]) == set()


@pytest.mark.parametrize("operation_id", BOTH)
def test_source_index_gives_publisher_and_language(client: TestClient, operation_id: str) -> None:
    index = operation(client, operation_id)["source_index"]
    assert [sid for sid, s in index.items() if not (s["publisher"] and s["language"])] == []


@pytest.mark.parametrize("operation_id", BOTH)
def test_operation_sources_are_every_source_of_its_dossier(
    client: TestClient, bundled_store: FalkorDBStore, operation_id: str
) -> None:
    dossier_id = operation_id.split(":", 1)[1]
    expected = sorted(source_id(bundled_store, dossier_id, key) for key in dossiers()[dossier_id]["sources"])
    assert sorted(operation(client, operation_id)["sources"]) == expected


@pytest.mark.parametrize(
    "operation_id",
    [
        SPARKS,
        STORM,
    ],
)
def test_every_source_id_in_the_view_resolves_in_the_source_index(
    client: TestClient, operation_id: str
) -> None:
    view = operation(client, operation_id)
    assert set(view["sources"]) - set(view["source_index"]) == set()


def test_unknown_operation_is_404(client: TestClient) -> None:
    assert client.get("/operations/operation:2099-nothing").status_code == 404


def test_a_group_id_is_not_an_operation(client: TestClient) -> None:
    assert client.get("/operations/group:sparks").status_code == 404


# -- countries ---------------------------------------------------------------------------------


def operations_by_country(rel_type: str) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for dossier in dossiers().values():
        counts.update(countries_of(dossier, rel_type))
    return dict(counts)


def country_items(client: TestClient) -> dict[str, dict[str, Any]]:
    return {c["code"]: c for c in client.get("/countries").json()["items"]}


def test_countries_are_every_country_the_dossiers_mention(client: TestClient) -> None:
    expected: set[str] = set()
    for dossier in dossiers().values():
        for r in dossier.get("relationships") or []:
            expected |= {code(ref) for ref in (r["from"], r["to"]) if ref.startswith("country:")}
        for value in (dossier.get("entities") or {}).values():
            if value.get("country") and value["country"] not in {"EU", "INT"}:
                expected.add(code(f"country:{value['country']}"))
            expected |= {code(f"country:{place}") for place in places_of(value)}
    assert set(country_items(client)) == expected


def places_of(entity: dict[str, Any]) -> list[str]:
    """A person's countries: nationality, arrested_in, resides_in; each a code, a mapping
    with `country`, or a list of either."""
    found = []
    for field in ("nationality", "arrested_in", "resides_in"):
        value = entity.get(field) or []
        for place in value if isinstance(value, list) else [value]:
            found.append(place["country"] if isinstance(place, dict) else place)
    return found


def test_countries_count_the_operations_that_acted_there(client: TestClient) -> None:
    got = {
        c: item["operations_acted"] for c, item in country_items(client).items() if item["operations_acted"]
    }
    assert got == operations_by_country("ACTED_IN")


def test_countries_count_the_operations_connected_to_them(client: TestClient) -> None:
    got = {
        c: item["operations_connected"]
        for c, item in country_items(client).items()
        if item["operations_connected"]
    }
    assert got == operations_by_country("CONNECTED_TO")


def test_country_list_counts_servers_hosted_in_nl(client: TestClient) -> None:
    # NL hosts: Usenetrevolution servers, the Cyprus IPTV NL servers, the Malaga servers,
    # Moonwalk's servers, the KBoxServ servers, the Perfect Storm IT resources and the
    # Sparks servers.
    assert country_items(client)["NL"]["servers_and_domains"] == 7


def test_country_list_counts_agencies_based_in_gb(client: TestClient) -> None:
    # British investigators (Malaga), UK IPO, PIPCU, the City of London Police and the
    # British embassy in Brazil (404 phases), H&F Trading Standards, FACT, Crimestoppers
    # and GAIN (Flawless).
    assert country_items(client)["GB"]["agencies"] == 9


def test_country_list_is_sorted_by_code(client: TestClient) -> None:
    codes = [c["code"] for c in client.get("/countries").json()["items"]]
    assert codes == sorted(codes)


def nl_view(client: TestClient) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/countries/NL").json()
    return body


def test_country_nl_names_itself(client: TestClient) -> None:
    body = nl_view(client)
    assert (body["id"], body["code"], body["name"]) == ("country:NL", "NL", "Netherlands")


def test_country_nl_hosted_the_servers_of_six_operations(client: TestClient) -> None:
    taken_down = {op for h in nl_view(client)["hosted"] for op in h["taken_down_by"]}
    assert taken_down == {
        "operation:2019-cyprus-iptv-europol",
        "operation:2019-malaga-iptv-premier-league",
        "operation:2019-moonwalk-cdn",
        "operation:2020-kboxserv-switzerland",
        STORM,
        SPARKS,
    }


def test_country_nl_hosted_sparks_servers_operated_by_sparks(client: TestClient) -> None:
    hosted = {h["id"]: h for h in nl_view(client)["hosted"]}
    assert hosted["server:2020-sparks-sparks-servers"]["operated_by"] == ["group:sparks"]


def test_country_nl_operations_with_their_relation(client: TestClient) -> None:
    got = {(o["id"], o["relation"]) for o in nl_view(client)["operations"]}
    expected = {
        (f"operation:{i}", rel)
        for i, d in dossiers().items()
        for rel in ("ACTED_IN", "CONNECTED_TO")
        if "NL" in countries_of(d, rel)
    }
    assert got == expected


def test_country_nl_agencies_based_there(client: TestClient) -> None:
    assert ids(nl_view(client)["agencies"]) == [
        "agency:dutch-court-that-granted-the-ex-parte-orders-2019-moonwalk-case",
        "agency:fiod",
        "agency:stichting-brein",
    ]


def test_country_by_french_name_resolves_to_nl(client: TestClient) -> None:
    assert client.get("/countries/Pays-Bas").json()["id"] == "country:NL"


def test_country_by_french_name_gives_the_same_view_as_the_code(client: TestClient) -> None:
    assert client.get("/countries/Pays-Bas").json() == nl_view(client)


def test_country_by_lower_case_code(client: TestClient) -> None:
    assert client.get("/countries/gb").json()["id"] == "country:GB"


def test_unknown_country_is_404(client: TestClient) -> None:
    response = client.get("/countries/Narnia")
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


def test_real_country_in_no_dossier_is_404(client: TestClient) -> None:
    assert client.get("/countries/Antarctica").status_code == 404


# -- agencies ----------------------------------------------------------------------------------


def agency_operation_counts() -> dict[str, int]:
    counts: Counter[str] = Counter()
    for dossier in dossiers().values():
        counts.update(agencies_of(dossier))
    return dict(counts)


def test_agencies_count_the_operations_each_led_or_joined(client: TestClient) -> None:
    got = {a["name"]: a["operations"] for a in walk(client, "/agencies", 50)}
    expected = agency_operation_counts()
    assert {n: c for n, c in got.items() if c} == expected


def test_agencies_are_ordered_by_operations_then_name(client: TestClient) -> None:
    items = walk(client, "/agencies", 50)
    assert items == sorted(items, key=lambda a: (-a["operations"], a["name"]))


def test_agencies_top_two_are_ace_and_europol_with_nine_each(client: TestClient) -> None:
    top = client.get("/agencies?limit=2").json()["items"]
    assert [(a["id"], a["operations"]) for a in top] == [
        ("agency:alliance-for-creativity-and-entertainment", 9),
        ("agency:europol", 9),
    ]


def test_europol_view_lists_its_operations(client: TestClient) -> None:
    body = client.get("/agencies/agency:europol").json()
    expected = operations_where(lambda d: "Europol" in agencies_of(d))
    assert sorted(ids(body["operations"])) == expected


def test_europol_partners_are_ranked_by_shared_operations(client: TestClient) -> None:
    shared: Counter[str] = Counter()
    for dossier in dossiers().values():
        partners = partners_of(dossier)
        if "Europol" in partners:
            shared.update(partners - {"Europol"})
    expected = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    body = client.get("/agencies/agency:europol").json()
    assert [(p["name"], p["shared_operations"]) for p in body["partners"]] == expected


def test_europol_top_partners_are_eurojust_and_policia_nacional(client: TestClient) -> None:
    partners = client.get("/agencies/agency:europol").json()["partners"]
    assert [(p["id"], p["shared_operations"]) for p in partners[:2]] == [
        ("agency:eurojust", 6),
        ("agency:policia-nacional", 4),
    ]


def test_unknown_agency_is_404(client: TestClient) -> None:
    assert client.get("/agencies/agency:no-such-agency").status_code == 404


def test_a_group_is_not_an_agency(client: TestClient) -> None:
    assert client.get("/agencies/group:sparks").status_code == 404


# -- timeline ----------------------------------------------------------------------------------


def events(client: TestClient, query: str = "") -> list[dict[str, Any]]:
    body = client.get(f"/timeline?limit=500&{query}").json()
    assert body["truncated"] is False
    items: list[dict[str, Any]] = body["items"]
    return items


def test_timeline_has_every_event_of_every_dossier(client: TestClient) -> None:
    assert Counter((e["date"], e["kind"]) for e in events(client)) == event_pairs()


def test_timeline_is_ordered_by_date(client: TestClient) -> None:
    assert [e["date"] for e in events(client)] == event_dates()


def test_timeline_since_until_with_full_dates(client: TestClient) -> None:
    got = [e["date"] for e in events(client, "since=2021-01-01&until=2021-12-31")]
    assert got == [d for d in event_dates() if d.startswith("2021")]


def test_timeline_until_a_year_includes_the_whole_year(client: TestClient) -> None:
    got = [e["date"] for e in events(client, "since=2021&until=2021")]
    assert got == [d for d in event_dates() if d.startswith("2021")]


def test_timeline_since_keeps_later_events_only(client: TestClient) -> None:
    # A partial date is a range: an event of "2023-05" may be on or after 2023-05-31.
    got = [e["date"] for e in events(client, "since=2023-05-31")]
    assert got == [d for d in event_dates() if d >= "2023-05-31" or "2023-05-31".startswith(d)]


def test_timeline_kind_filter_with_two_kinds(client: TestClient) -> None:
    got = Counter((e["date"], e["kind"]) for e in events(client, "kind=arrest&kind=sentence"))
    assert got == Counter({p: n for p, n in event_pairs().items() if p[1] in {"arrest", "sentence"}})


def test_timeline_about_an_operation_gives_its_events(client: TestClient) -> None:
    got = [e["date"] for e in events(client, f"about={STORM}")]
    assert got == event_dates(dossiers()["2020-perfect-storm"])


def test_timeline_about_a_person_gives_the_events_about_them(client: TestClient) -> None:
    got = [(e["date"], e["kind"]) for e in events(client, "about=person:2020-perfect-storm-resellers")]
    assert got == [("2020-11", "search")]


def test_timeline_pages_put_together_give_the_whole_timeline(client: TestClient) -> None:
    assert walk(client, "/timeline", 25) == events(client)


def test_timeline_rejects_a_date_that_is_not_a_date(client: TestClient) -> None:
    response = client.get("/timeline?since=yesterday")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "query.since")


def test_timeline_rejects_an_impossible_month(client: TestClient) -> None:
    response = client.get("/timeline?since=2020-13")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "query.since")


# -- OpenAPI -----------------------------------------------------------------------------------


def test_openapi_lists_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    documented = {(path, method.upper()) for path, ops in paths.items() for method in ops}
    app = client.app
    assert isinstance(app, FastAPI)
    routes = {
        (route.path, method)
        for route in app.routes
        if isinstance(route, APIRoute) and route.include_in_schema
        for method in route.methods
    }
    assert routes - documented == set()


@pytest.mark.parametrize(
    "path, method",
    [
        ("/groups", "get"),
        ("/groups/{entity_id}/links", "get"),
        ("/operations", "get"),
        ("/operations/{entity_id}", "get"),
        ("/countries", "get"),
        ("/countries/{country}", "get"),
        ("/agencies", "get"),
        ("/agencies/{entity_id}", "get"),
        ("/timeline", "get"),
        ("/analytics/centrality", "get"),
        ("/analytics/communities", "get"),
        ("/queries", "get"),
        ("/queries/{name}", "get"),
        ("/cypher", "post"),
        ("/dossiers", "post"),
    ],
)
def test_openapi_documents_the_endpoint(client: TestClient, path: str, method: str) -> None:
    assert method in client.get("/openapi.json").json()["paths"].get(path, {})


# -- caller mistakes are 4xx, never 500 --------------------------------------------------------

BAD_INPUTS = [
    "/groups?limit=0",
    "/groups?limit=501",
    "/groups?limit=ten",
    "/groups?offset=-1",
    "/groups?kind=" + "x" * 101,
    "/groups/sparks/links",
    "/groups/group:nope/links",
    "/groups/group:" + "a" * 300 + "/links",
    "/operations?year=20",
    "/operations?year=20201",
    "/operations?country=NL",
    "/operations?agency=europol",
    "/operations?offset=100001",
    "/operations/operation:2099-none",
    "/operations/2020-sparks",
    "/operations/operation:x'}) DETACH DELETE o //",
    "/countries/X",
    "/countries/" + "x" * 61,
    "/countries/Atlantis",
    "/agencies?limit=0",
    "/agencies?offset=x",
    "/agencies/europol",
    "/agencies/agency:nope",
    "/timeline?since=2020-1",
    "/timeline?until=20",
    "/timeline?limit=501",
    "/timeline?about=sparks",
    "/timeline?" + "&".join(f"kind=k{i}" for i in range(15)),
]
NUL_INPUTS = [
    "/groups?kind=%00",
    "/operations?target_kind=%00",
    "/operations?country=country:%00",
    "/operations?agency=agency:%00",
    "/operations/operation:%00",
    "/groups/group:%00/links",
    "/agencies/agency:%00",
    "/timeline?kind=%00",
    "/timeline?about=operation:%00",
]


@pytest.fixture(scope="module")
def lenient(client: TestClient) -> TestClient:
    """The same app, answering 500 instead of raising, to see what a caller would get."""
    return TestClient(client.app, raise_server_exceptions=False)


@pytest.mark.parametrize("path", BAD_INPUTS)
def test_a_caller_mistake_is_a_4xx_with_the_error_shape(lenient: TestClient, path: str) -> None:
    response = lenient.get(path)
    assert (response.status_code // 100, sorted(response.json()["error"])) == (
        4,
        ["code", "details", "message"],
    )


@pytest.mark.parametrize("path", NUL_INPUTS)
def test_a_nul_character_in_a_parameter_is_not_a_500(lenient: TestClient, path: str) -> None:
    assert lenient.get(path).status_code // 100 == 4
