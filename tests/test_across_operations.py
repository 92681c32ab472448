"""Questions across the 49 bundled operations, answered with whole sets: who took part in
what, how a series of phases hangs together, which groups meet on one platform."""

from __future__ import annotations

from typing import Any

import pytest

from graph.errors import NotFound
from graph.query.coverage import source_kind, target_category
from graph.query.operations import operation_view

pytestmark = pytest.mark.both_engines

SERIES = "operation:2019-operation-404-brazil"
PEZZOTTO = "group:network-of-pirate-iptv-platforms-pezzotto-services-and-italian-reseller-network"
SOIK = "agency:statsadvokaten-for-saerlig-okonomisk-og-international-kriminalitet"


def ids(store: Any, query: str, **params: Any) -> set[str]:
    return {row["id"] for row in store.read(query, params)}


def operations_of(store: Any, agency: str) -> set[str]:
    return ids(
        store,
        "MATCH (:Agency {id: $agency})-[:LED|PARTICIPATED_IN]->(o:Operation) RETURN DISTINCT o.id AS id",
        agency=agency,
    )


def test_the_49_operations_are_loaded(bundled_store: Any) -> None:
    described = ids(bundled_store, "MATCH (o:Operation) WHERE o.name IS NOT NULL RETURN o.id AS id")
    assert len(described) == 49


def test_operations_the_guardia_di_finanza_took_part_in(bundled_store: Any) -> None:
    assert operations_of(bundled_store, "agency:guardia-di-finanza") == {
        "operation:2017-odissea-3",
        "operation:2020-gdf-roma-iptv-serie-a",
        "operation:2020-gdf-venezia-teramo-iptv",
        "operation:2020-perfect-storm",
        "operation:2021-euro-strike-2020",
        "operation:2025-italy-gdf-lecce-pezzotto-users",
    }


def test_operations_the_rome_prosecutors_took_part_in(bundled_store: Any) -> None:
    assert operations_of(bundled_store, "agency:procura-della-repubblica-di-roma") == {
        "operation:2017-odissea-3",
        "operation:2020-gdf-roma-iptv-serie-a",
        "operation:2025-italy-gdf-lecce-pezzotto-users",
    }


def test_the_three_danish_operations_reach_one_soik_node(bundled_store: Any) -> None:
    assert operations_of(bundled_store, SOIK) == {
        "operation:2018-denmark-soik-pirate-tv",
        "operation:2020-danishbits-nordicbits",
        "operation:2021-danishbytes-shareuniversity",
    }


def test_the_brazilian_ministry_ran_the_404_series_and_operacao_animes(bundled_store: Any) -> None:
    assert operations_of(bundled_store, "agency:ministerio-da-justica-e-seguranca-publica") == {
        SERIES,
        "operation:2020-operacao-404-fase-2",
        "operation:2021-operation-404-phase-3",
        "operation:2022-operation-404-phase-4",
        "operation:2023-operation-404-phase-5",
        "operation:2024-operation-404-phase-7",
        "operation:2025-operation-404-phase-8",
        "operation:2023-operacao-animes",
    }


def test_operation_404_phases_are_phases_of_the_series(bundled_store: Any) -> None:
    rows = bundled_store.read(
        "MATCH (p:Operation)-[r:PHASE_OF]->(:Operation {id: $series}) RETURN p.id AS id, r.phase AS phase",
        {"series": SERIES},
    )
    assert {row["phase"]: row["id"] for row in rows} == {
        "2": "operation:2020-operacao-404-fase-2",
        "3": "operation:2021-operation-404-phase-3",
        "4": "operation:2022-operation-404-phase-4",
        "5": "operation:2023-operation-404-phase-5",
        "7": "operation:2024-operation-404-phase-7",
        "8": "operation:2025-operation-404-phase-8",
    }


def test_each_404_phase_follows_the_one_before(bundled_store: Any) -> None:
    rows = bundled_store.read(
        "MATCH (later:Operation)-[:FOLLOWS]->(earlier:Operation) WHERE later.id CONTAINS '404'"
        " RETURN later.id AS later, earlier.id AS earlier"
    )
    assert {(row["later"], row["earlier"]) for row in rows} == {
        ("operation:2021-operation-404-phase-3", "operation:2020-operacao-404-fase-2"),
        ("operation:2022-operation-404-phase-4", "operation:2021-operation-404-phase-3"),
        ("operation:2023-operation-404-phase-5", "operation:2022-operation-404-phase-4"),
        ("operation:2024-operation-404-phase-7", "operation:2023-operation-404-phase-5"),
        ("operation:2025-operation-404-phase-8", "operation:2024-operation-404-phase-7"),
    }


def test_countries_operation_404_acted_in_over_its_phases(bundled_store: Any) -> None:
    rows = bundled_store.read(
        "MATCH (o:Operation)-[:ACTED_IN]->(c:Country)"
        " WHERE o.id = $series OR (o)-[:PHASE_OF]->(:Operation {id: $series})"
        " RETURN DISTINCT c.code AS code",
        {"series": SERIES},
    )
    assert {row["code"] for row in rows} == {"AR", "BR", "EC", "GB", "PE", "PY", "US"}


def test_groups_that_used_telegram(bundled_store: Any) -> None:
    assert ids(
        bundled_store, "MATCH (g:Group)-[:USED]->(:Platform {id: 'platform:telegram'}) RETURN g.id AS id"
    ) == {
        PEZZOTTO,
        "group:two-telegram-channels-that-extorted-iptv-subscribers-2020-gdf-rome-case",
        "group:unnamed-iptv-m3u-distribution-network-run-via-closed-social-media-and-messaging-groups-operation-rex",
        "group:unnamed-piracy-centrals-selling-subscriptions-and-games-via-telegram-2025-operation-404-phase-8",
    }


def test_groups_linked_through_a_shared_platform(bundled_store: Any) -> None:
    rows = bundled_store.read(
        "MATCH (a:Group)-[:USED]->(p:Platform)<-[:USED]-(b:Group) WHERE a.id < b.id"
        " RETURN a.id AS a, p.id AS platform, b.id AS b"
    )
    pairs = {(row["a"], row["platform"], row["b"]) for row in rows}
    assert {(a, b) for a, platform, b in pairs if platform == "platform:cryptocurrencies"} == {
        ("group:bamtoki", "group:danishbits"),
        ("group:bamtoki", PEZZOTTO),
        ("group:danishbits", PEZZOTTO),
    }


def test_operations_europol_took_part_in(bundled_store: Any) -> None:
    assert operations_of(bundled_store, "agency:europol") == {
        "operation:2016-operation-fake",
        "operation:2018-in-our-sites-ix",
        "operation:2019-cyprus-iptv-europol",
        "operation:2019-malaga-iptv-premier-league",
        "operation:2020-kboxserv-switzerland",
        "operation:2020-spain-iptv-europol",
        "operation:2020-sparks",
        "operation:2021-mobdro-streamblock",
        "operation:2026-operation-kratos-2",
    }


def test_no_operation_is_only_mentioned(bundled_store: Any) -> None:
    # Every operation another dossier links to has its own dossier.
    assert ids(bundled_store, "MATCH (o:Operation) WHERE o.name IS NULL RETURN o.id AS id") == set()


def test_an_unknown_operation_is_not_found(bundled_store: Any) -> None:
    with pytest.raises(NotFound):
        operation_view(bundled_store, "operation:2099-nothing", None)


@pytest.mark.parametrize(
    ("official", "kind"),
    [
        ("yes (reprint of DOJ release)", "official"),
        ("reprint of official release", "official"),
        ("yes (industry release)", "industry"),
        ("industry statement", "industry"),
        ("press quoting Europol", "press"),
        ("trade press (court filings)", "press"),
        (None, "unknown"),
    ],
)
def test_a_source_is_classed_by_its_official_field(official: str | None, kind: str) -> None:
    assert source_kind(official) == kind


@pytest.mark.parametrize(
    ("kind", "categories"),
    [
        ("IPTV service", ["IPTV or pay-TV network"]),
        ("torrent tracker", ["Torrent tracker or site"]),
        ("manga piracy website", ["Link or streaming site", "Manga, webtoon or e-book site"]),
        ("Scene release group", ["Scene or release group"]),
        ("approval body", ["other"]),
        (None, ["other"]),
    ],
)
def test_a_target_kind_falls_in_its_categories(kind: str | None, categories: list[str]) -> None:
    assert target_category(kind) == categories
