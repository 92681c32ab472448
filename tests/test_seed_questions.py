"""The questions the project started from, answered from the bundled dossiers."""

from __future__ import annotations

import pytest

from graph.store.falkordb import FalkorDBStore
from tests.facts import SPARKS_SERVER_COUNTRIES

pytestmark = pytest.mark.both_engines


def test_sparks_servers_were_taken_down_in_exactly_16_countries(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (:Group {id: 'group:sparks'})-[:OPERATED]->(s:Server)<-[:TOOK_DOWN]-(:Operation),"
        " (s)-[:LOCATED_IN]->(c:Country) RETURN DISTINCT c.code AS code"
    )
    assert {r["code"] for r in rows} == SPARKS_SERVER_COUNTRIES


def test_groups_targeted_together_with_sparks(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (o:Operation)-[:TARGETED]->(:Group {id: 'group:sparks'}),"
        " (o)-[:TARGETED]->(g:Group) WHERE g.id <> 'group:sparks' RETURN g.name AS name"
    )
    assert {r["name"] for r in rows} == {"Geckos", "Drones", "Rovers", "Sprinter", "Splinters"}


def test_every_sparks_server_country_edge_cites_a_source(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (:Group {id: 'group:sparks'})-[:OPERATED]->(:Server)-[r:LOCATED_IN]->(c:Country)"
        " WHERE size(r.sources) = 0 RETURN c.code AS code"
    )
    assert rows == []


def test_perfect_storm_platforms_with_their_counts(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (:Operation {id: 'operation:2020-perfect-storm'})-[:TARGETED]->(g:Group)"
        "-[u:USED]->(p:Platform) WHERE u.count IS NOT NULL"
        " RETURN p.name AS platform, u.count AS count, u.unit AS unit"
    )
    assert {(r["platform"], r["count"], r["unit"]) for r in rows} == {
        ("Telegram", 350, "channels"),
        ("PayPal", 334, "accounts"),
    }


def test_perfect_storm_both_5500_claims_with_their_sources(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (c:Claim)-[:ABOUT]->(:Operation {id: 'operation:2020-perfect-storm'}),"
        " (c)-[:CLAIMED_BY]->(by) WHERE c.value = 5500"
        " MATCH (c)-[:CITES]->(s:Source)"
        " RETURN c.unit AS unit, by.name AS by, collect(s.publisher) AS publishers"
    )
    by_unit = {r["unit"]: r for r in rows}
    assert set(by_unit) == {"servers", "IT resources"}
    assert by_unit["servers"]["by"] == "Eurojust"
    assert by_unit["IT resources"]["by"] == "Guardia di Finanza"
    assert all(r["publishers"] for r in rows)


def test_perfect_storm_eur_10_6_million_seizure(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (c:Claim)-[:ABOUT]->(:Operation {id: 'operation:2020-perfect-storm'})"
        " WHERE c.unit = 'EUR' AND c.value >= 10000000 RETURN c.value AS value"
    )
    assert {r["value"] for r in rows} == {10619000, 10600000}


def test_perfect_storm_seed_article_is_a_source(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (s:Source)-[:REPORTS]->(:Operation {id: 'operation:2020-perfect-storm'})"
        " WHERE s.document = 'seeds/004_35ad6fa11d22df70.txt' RETURN s.language AS language"
    )
    assert rows == [{"language": "fr"}]


def test_sparks_action_day_is_kept_as_both_reported_dates(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (e:Event {kind: 'action_day'})-[:ABOUT]->(:Operation {id: 'operation:2020-sparks'})"
        " RETURN e.date AS date"
    )
    assert sorted(r["date"] for r in rows) == ["2020-08-25", "2020-08-26"]


def test_all_49_operations_are_loaded(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read("MATCH (o:Operation) RETURN o.id AS id")
    assert {r["id"] for r in rows} == {
        "operation:2016-operation-fake",
        "operation:2016-popcorn-time-no",
        "operation:2017-german-usenet-portals",
        "operation:2017-haruka-yume-no-ato",
        "operation:2017-lul-to",
        "operation:2017-odissea-3",
        "operation:2017-spain-laliga-streaming-links",
        "operation:2017-t411",
        "operation:2018-bamtoki",
        "operation:2018-denmark-soik-pirate-tv",
        "operation:2018-in-our-sites-ix",
        "operation:2019-cyprus-iptv-europol",
        "operation:2019-jetflicks",
        "operation:2019-malaga-iptv-premier-league",
        "operation:2019-mangamura",
        "operation:2019-moonwalk-cdn",
        "operation:2019-openload-streamango",
        "operation:2019-operation-404-brazil",
        "operation:2020-danishbits-nordicbits",
        "operation:2020-gdf-roma-iptv-serie-a",
        "operation:2020-gdf-venezia-teramo-iptv",
        "operation:2020-kboxserv-switzerland",
        "operation:2020-operacao-404-fase-2",
        "operation:2020-operacion-rex-spain",
        "operation:2020-perfect-storm",
        "operation:2020-spain-iptv-europol",
        "operation:2020-sparks",
        "operation:2020-team-xecuter",
        "operation:2021-danishbytes-shareuniversity",
        "operation:2021-dark-stream-portugal",
        "operation:2021-euro-strike-2020",
        "operation:2021-mobdro-streamblock",
        "operation:2021-operation-404-phase-3",
        "operation:2021-phimmoi-vietnam",
        "operation:2021-spain-iptv-resale-network",
        "operation:2022-laliga-bars-spain",
        "operation:2022-operation-404-phase-4",
        "operation:2022-z-library",
        "operation:2023-ace-vietnam-2embed-zoro",
        "operation:2023-flawless-iptv-uk",
        "operation:2023-operacao-animes",
        "operation:2023-operation-404-phase-5",
        "operation:2024-fmovies",
        "operation:2024-greece-thessaloniki-iptv-reseller",
        "operation:2024-operation-404-phase-7",
        "operation:2025-argentina-magis-tv-raids",
        "operation:2025-italy-gdf-lecce-pezzotto-users",
        "operation:2025-operation-404-phase-8",
        "operation:2026-operation-kratos-2",
    }


def test_no_node_lacks_a_source(bundled_store: FalkorDBStore) -> None:
    # :Entity is the graph's content; Neo4j also holds the store's write counter.
    rows = bundled_store.read(
        "MATCH (n:Entity) WHERE n.sources IS NULL OR size(n.sources) = 0 RETURN n.id AS id"
    )
    assert rows == []


def test_no_relationship_lacks_a_source(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (a)-[r]->(b) WHERE r.sources IS NULL OR size(r.sources) = 0"
        " RETURN a.id AS a, type(r) AS type, b.id AS b"
    )
    assert rows == []


def test_only_publicly_charged_people_are_named(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read(
        "MATCH (p:Person) WHERE p.named = true AND"
        " (p.publicly_charged <> true OR p.name_basis IS NULL) RETURN p.id AS id"
    )
    assert rows == []


def test_guardia_di_finanza_is_one_node_known_as_gdf(bundled_store: FalkorDBStore) -> None:
    rows = bundled_store.read("MATCH (a:Agency) WHERE 'gdf' IN a.keys RETURN a.id AS id")
    assert rows == [{"id": "agency:guardia-di-finanza"}]
