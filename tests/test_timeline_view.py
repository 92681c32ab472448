"""The timeline view (/views/timeline): its answers through the API, then in a real Chromium.

Expected events are written out from the bundled dossiers (data/operations/*.yaml) or read
from them with PyYAML, never from the answer under test.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from api.app import create_app
from graph.model.schema import Schema
from graph.query.timeline import (
    TimelineFilters,
    country_scope,
    operation_scope,
    timeline,
    timeline_count,
)
from graph.settings import Settings
from graph.store.base import Store
from graph.store.embedded import EmbeddedEngine
from loaders.dossier import Dossier
from loaders.pipeline import write_plans
from loaders.resolve import build_plan
from loaders.resources import bundled_dossiers_dir
from tests.browser import ROOT, SCREENSHOTS, PageVisit, serving
from tests.clients import bundled_client, graph_name_of
from tests.keys import write_keys

pytestmark = pytest.mark.both_engines

SPARKS_OP = "operation:2020-sparks"
# data/operations/2020-sparks.yaml, its ten events in date order (same-day events in the
# order of their ids, which are hashes of their content).
SPARKS_EVENTS = [
    ("2016-09", "investigation_start", "Europol starts investigating the Sparks group"),
    ("2020-01-08", "indictment", "Sealed indictment filed in SDNY"),
    ("2020-08-23", "arrest", "A UK national is arrested in Paphos, Cyprus, on an INTERPOL Red Notice"),
    (
        "2020-08-25",
        "action_day",
        "About 60 servers taken down in 16 countries (per Eurojust and the seed article)",
    ),
    ("2020-08-25", "arrest", "A member is arrested in Olathe, Kansas"),
    ("2020-08-26", "charge", "Indictments unsealed in SDNY against three members"),
    (
        "2020-08-26",
        "action_day",
        'Servers taken offline "today" per the DOJ release of 26 August; HCC also says 26 August',
    ),
    (
        "2021-05-19",
        "sentence",
        "The member arrested in Kansas is sentenced to 3 years 3 months of supervised release",
    ),
    ("2021-08-31", "extradition", "The UK national is extradited from Cyprus to the US"),
    ("2021-11-18", "plea", "The UK national pleads guilty to conspiracy to commit copyright infringement"),
]
# data/operations/2021-phimmoi-vietnam.yaml: three events are about the site the operation
# targeted (group:phimmoi), one about the operation and the site.
PHIMMOI_OP = "operation:2021-phimmoi-vietnam"
PHIMMOI_EVENTS = [
    ("2012", "other", "Phimmoi launched (per Asia Times)"),
    ("2014", "other", "The operator runs the site from this year (per the police)"),
    ("2020", "other", "Vietnam's three biggest ISPs block the site, which moves to look-alike domains"),
    (
        "2021-08-19",
        "action_day",
        "The Ho Chi Minh City Police investigation agency opens a criminal case for copyright "
        "infringement over phimmoi.net",
    ),
]
# The operations that acted in Cyprus (ACTED_IN), by their dossiers' ids.
CYPRUS_OPERATIONS = {"2019-cyprus-iptv-europol", "2019-malaga-iptv-premier-league", "2020-sparks"}
HOSTILE_OP = "operation:2099-hostile-names"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_CLOSER = "</script><script>alert(1)</script>"
HOSTILE_PUBLISHER = "<img src=x onerror=alert('publisher')>"
HOSTILE_DESCRIPTION = "<img src=x onerror=alert('event')> & </script><script>alert('event')</script>"


# -- expectations read from the dossier files ------------------------------------------------


@cache
def dossiers() -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted(bundled_dossiers_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[data["id"]] = data
    return found


def yaml_events(kinds: set[str] | None = None) -> Counter[tuple[str, str]]:
    """(date, kind) of every event of every dossier, of `kinds` if given. Descriptions are
    left out: a caller without the right sees people's names in them replaced by roles."""
    return Counter(
        (str(e["date"]), e["kind"])
        for d in dossiers().values()
        for e in d.get("events") or []
        if kinds is None or e["kind"] in kinds
    )


def about_operation(event: dict[str, Any]) -> bool:
    """An event's `about` defaults to the dossier's own operation."""
    return "operation" in (event.get("about") or ["operation"])


# -- the page, read as a program would -------------------------------------------------------

DATA = re.compile(r'<script type="application/json" id="timeline-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict[str, Any]:
    found = DATA.search(html)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def view(client: TestClient, query: str) -> dict[str, Any]:
    response = client.get(f"/views/timeline?{query}")
    assert response.status_code == 200, response.text
    return page_data(response.text)


def triples(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(e["date"], e["kind"], e["description"]) for e in data["events"]]


def pairs(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["date"], e["kind"]) for e in data["events"]]


def event_of(data: dict[str, Any], date: str) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in data["events"] if e["date"] == date)
    return found


# -- what the view shows -----------------------------------------------------------------------


def test_the_sparks_timeline_lists_its_ten_events_in_date_order(client: TestClient) -> None:
    assert triples(view(client, f"operation={SPARKS_OP}")) == SPARKS_EVENTS


def test_the_sparks_timeline_about_the_operation_is_the_same_list(client: TestClient) -> None:
    # No event of the Sparks dossier is about a target only: both filters give the ten.
    assert triples(view(client, f"about={SPARKS_OP}")) == SPARKS_EVENTS


def test_the_sparks_page_says_ten_events(client: TestClient) -> None:
    html = client.get(f"/views/timeline?operation={SPARKS_OP}").text
    assert re.findall(r'<strong id="count">(.*?)</strong>', html) == ["10 events"]


def test_an_operation_timeline_has_the_events_about_what_it_targeted(client: TestClient) -> None:
    assert triples(view(client, f"operation={PHIMMOI_OP}")) == PHIMMOI_EVENTS


def test_about_the_operation_alone_leaves_out_the_events_about_its_target(client: TestClient) -> None:
    assert triples(view(client, f"about={PHIMMOI_OP}")) == PHIMMOI_EVENTS[3:]


def test_the_sparks_group_has_no_event_of_its_own(client: TestClient) -> None:
    # The Sparks dossier's events are about the operation and two members, not the group.
    assert view(client, "about=group:sparks")["events"] == []


def test_a_group_timeline_links_to_the_operations_that_targeted_it(client: TestClient) -> None:
    html = client.get("/views/timeline?about=group:sparks").text
    assert re.findall(r'<a class="targeted-by" href="(.*?)">(.*?)</a>', html) == [
        (f"/views/timeline?operation={SPARKS_OP}", "Takedown of the Sparks Group")
    ]


def test_an_empty_timeline_says_so(client: TestClient) -> None:
    html = client.get("/views/timeline?about=group:sparks").text
    assert re.findall(r'<p id="empty">(.*?)</p>', html) == ["No events match these filters."]


def test_a_kind_filter_gives_exactly_the_events_of_that_kind(client: TestClient) -> None:
    assert Counter(pairs(view(client, "kind=arrest"))) == yaml_events({"arrest"})


def test_two_kinds_give_exactly_the_events_of_either(client: TestClient) -> None:
    assert Counter(pairs(view(client, "kind=plea&kind=sentence"))) == yaml_events({"plea", "sentence"})


def test_a_kind_filter_within_an_operation(client: TestClient) -> None:
    assert triples(view(client, f"operation={SPARKS_OP}&kind=arrest")) == [
        e for e in SPARKS_EVENTS if e[1] == "arrest"
    ]


def test_a_country_gives_the_events_of_the_operations_that_acted_in_it(client: TestClient) -> None:
    expected = Counter(
        (str(e["date"]), e["kind"])
        for did in CYPRUS_OPERATIONS
        for e in dossiers()[did].get("events") or []
        if about_operation(e)
    )
    assert Counter(pairs(view(client, "country=CY"))) == expected


@pytest.mark.parametrize("given", ["cy", "country:CY", "Chypre", "Cyprus"])
def test_a_country_may_be_given_by_id_or_by_name(client: TestClient, given: str) -> None:
    assert triples(view(client, f"country={given}")) == triples(view(client, "country=CY"))


def test_a_country_and_an_operation_together_keep_what_both_keep(client: TestClient) -> None:
    # Sparks acted in Cyprus, so every Sparks event is also about an operation that did.
    assert triples(view(client, f"country=CY&operation={SPARKS_OP}")) == SPARKS_EVENTS


def test_an_operation_that_did_not_act_in_the_country_gives_nothing(client: TestClient) -> None:
    assert view(client, f"country=JP&operation={SPARKS_OP}")["events"] == []


def test_since_and_until_keep_august_2020(client: TestClient) -> None:
    got = triples(view(client, f"operation={SPARKS_OP}&since=2020-08&until=2020-08"))
    assert got == [e for e in SPARKS_EVENTS if e[0].startswith("2020-08")]


def test_a_month_is_shown_as_the_range_of_its_days(client: TestClient) -> None:
    event = event_of(view(client, f"operation={SPARKS_OP}"), "2016-09")
    assert (event["when"], event["start"], event["end"]) == (
        "1–30 September 2016",
        "2016-09-01",
        "2016-09-30",
    )


def test_a_year_is_shown_as_the_range_of_its_days(client: TestClient) -> None:
    event = event_of(view(client, f"operation={PHIMMOI_OP}"), "2012")
    assert (event["when"], event["start"], event["end"]) == (
        "1 Jan – 31 Dec 2012",
        "2012-01-01",
        "2012-12-31",
    )


def test_a_day_is_one_day(client: TestClient) -> None:
    event = event_of(view(client, f"operation={SPARKS_OP}"), "2020-01-08")
    assert (event["when"], event["start"], event["end"]) == ("8 January 2020", "2020-01-08", "2020-01-08")


def test_the_page_carries_the_sources_the_events_cite(client: TestClient) -> None:
    data = view(client, f"operation={SPARKS_OP}")
    publishers = {data["sources"][s]["publisher"] for s in event_of(data, "2021-11-18")["sources"]}
    assert publishers == {"World IP Review"}


def test_the_page_carries_the_names_of_the_entities(client: TestClient) -> None:
    data = view(client, f"operation={PHIMMOI_OP}")
    assert {i: e["name"] for i, e in data["entities"].items()} == {
        "group:phimmoi": "Phimmoi",
        PHIMMOI_OP: "Ho Chi Minh City Police criminal case against pirate movie site Phimmoi",
    }


def test_a_cut_timeline_says_how_many_events_it_leaves_out(client: TestClient) -> None:
    html = client.get("/views/timeline?limit=5").text
    total = sum(yaml_events().values())
    assert re.findall(r'<p class="cut" id="cut-note">(.*?)</p>', html) == [
        f"Cut: the first 5 of {total} events are shown; narrow the filters (kind, dates) to see the rest."
    ]


def test_a_cut_timeline_holds_the_first_events(client: TestClient) -> None:
    everything = triples(view(client, ""))
    assert triples(view(client, "limit=5")) == everything[:5]


def test_the_whole_timeline_has_every_event_of_every_dossier(client: TestClient) -> None:
    assert Counter(pairs(view(client, ""))) == yaml_events()


def test_an_uncut_timeline_has_no_cut_note(client: TestClient) -> None:
    assert 'id="cut-note"' not in client.get(f"/views/timeline?operation={SPARKS_OP}").text


def test_the_page_links_to_its_json_twin(client: TestClient) -> None:
    html = client.get(f"/views/timeline?about={SPARKS_OP}&kind=arrest&embed=1").text
    assert re.findall(r'<a id="json-link" href="(.*?)">', html) == [
        "/timeline?about=operation:2020-sparks&amp;kind=arrest&amp;limit=500"
    ]


@pytest.mark.parametrize("query", [f"about={SPARKS_OP}", "kind=arrest&kind=plea", "since=2021&until=2021-06"])
def test_the_json_twin_gives_the_same_events(client: TestClient, query: str) -> None:
    items = client.get(f"/timeline?{query}&limit=500").json()["items"]
    assert [e["id"] for e in items] == [e["id"] for e in view(client, query)["events"]]


@pytest.mark.parametrize("query", [f"operation={PHIMMOI_OP}", "country=CY"])
def test_the_json_twin_gives_the_same_events_for_the_new_filters(client: TestClient, query: str) -> None:
    items = client.get(f"/timeline?{query}&limit=500").json()["items"]
    assert [e["id"] for e in items] == [e["id"] for e in view(client, query)["events"]]


def test_the_title_names_the_operation(client: TestClient) -> None:
    html = client.get(f"/views/timeline?operation={SPARKS_OP}").text
    assert re.findall(r'<h1 id="title">(.*?)</h1>', html) == ["Timeline: Takedown of the Sparks Group"]


def test_the_page_carries_a_content_security_policy_with_its_nonce(client: TestClient) -> None:
    html = client.get(f"/views/timeline?operation={SPARKS_OP}").text
    nonces = set(re.findall(r"'nonce-([^']+)'", html))
    scripts = re.findall(r"<script nonce=\"([^\"]+)\">", html)
    assert (len(nonces), scripts) == (1, list(nonces))


def test_the_page_loads_nothing_from_another_host(client: TestClient) -> None:
    html = client.get(f"/views/timeline?operation={SPARKS_OP}").text
    assert re.findall(r'(?:src|href)="(?!/|#)[^"]*"', html) == []


def test_two_pages_have_two_nonces(client: TestClient) -> None:
    pages = [client.get("/views/timeline?kind=plea").text for _ in range(2)]
    nonces = {re.search(r"'nonce-([^']+)'", p).group(1) for p in pages}  # type: ignore[union-attr]
    assert len(nonces) == 2


# -- the two ways of reading events ---------------------------------------------------------------

# Filters that name entities: the events are read from those entities (timeline_from.cypher),
# not from every event (timeline.cypher, which filters by date and kind only). The rule
# they must follow, checked here against every event of those dates and kinds.
NAMING_ENTITIES = {
    "operation": TimelineFilters(operation=SPARKS_OP),
    "about a group": TimelineFilters(about="group:phimmoi"),
    "country": TimelineFilters(country="CY"),
    "operation and kind": TimelineFilters(operation=PHIMMOI_OP, kinds=["other"]),
    "country and dates": TimelineFilters(country="ES", since="2019", until="2021-06"),
    "about and country": TimelineFilters(about=SPARKS_OP, country="CY"),
}


def kept_by_rule(store: Store, filters: TimelineFilters) -> list[dict[str, Any]]:
    """Every event of the filters' dates and kinds, kept by what it is about."""
    dated = TimelineFilters(since=filters.since, until=filters.until, kinds=filters.kinds)
    every = timeline(
        store, since=dated.since, until=dated.until, kinds=dated.kinds, about=None, limit=100_000, offset=0
    )["items"]
    scopes = [
        {filters.about} if filters.about else None,
        set(operation_scope(store, filters.operation)) if filters.operation else None,
        set(country_scope(store, filters.country)) if filters.country else None,
    ]
    return [e for e in every if all(scope is None or scope & set(e["about"]) for scope in scopes)]


@pytest.mark.parametrize("name", NAMING_ENTITIES)
def test_events_read_from_the_entities_follow_the_rule(bundled_store: Store, name: str) -> None:
    filters = NAMING_ENTITIES[name]
    got = timeline(
        bundled_store,
        since=filters.since,
        until=filters.until,
        kinds=filters.kinds,
        about=filters.about,
        operation=filters.operation,
        country=filters.country,
        limit=500,
        offset=0,
    )["items"]
    expected = kept_by_rule(bundled_store, filters)
    assert (len(got) > 0, got) == (True, expected)


@pytest.mark.parametrize("name", NAMING_ENTITIES)
def test_the_count_of_events_read_from_the_entities_follows_the_rule(bundled_store: Store, name: str) -> None:
    filters = NAMING_ENTITIES[name]
    assert timeline_count(bundled_store, filters) == len(kept_by_rule(bundled_store, filters))


def test_the_count_of_every_event(bundled_store: Store) -> None:
    assert timeline_count(bundled_store, TimelineFilters()) == sum(yaml_events().values())


def test_the_count_of_a_kind_and_dates(bundled_store: Store) -> None:
    filters = TimelineFilters(kinds=["arrest"], since="2020", until="2021")
    expected = sum(n for (date, _), n in yaml_events({"arrest"}).items() if "2020" <= date[:4] <= "2021")
    assert timeline_count(bundled_store, filters) == expected


# -- print ---------------------------------------------------------------------------------------


def test_the_svg_lists_the_events_in_date_order(client: TestClient) -> None:
    response = client.get(f"/views/timeline?operation={SPARKS_OP}&format=svg")
    root = ET.fromstring(response.text)
    lines = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text and " · " in t.text]
    assert lines[1:] == [f"{when} · {kind.replace('_', ' ')} · {text}" for when, kind, text in SPARKS_WHEN]


SPARKS_WHEN = [
    ("1–30 September 2016", "investigation_start", SPARKS_EVENTS[0][2]),
    ("8 January 2020", "indictment", SPARKS_EVENTS[1][2]),
    ("23 August 2020", "arrest", SPARKS_EVENTS[2][2]),
    ("25 August 2020", "action_day", SPARKS_EVENTS[3][2]),
    ("25 August 2020", "arrest", SPARKS_EVENTS[4][2]),
    ("26 August 2020", "charge", SPARKS_EVENTS[5][2]),
    ("26 August 2020", "action_day", SPARKS_EVENTS[6][2]),
    ("19 May 2021", "sentence", SPARKS_EVENTS[7][2]),
    ("31 August 2021", "extradition", SPARKS_EVENTS[8][2]),
    ("18 November 2021", "plea", SPARKS_EVENTS[9][2]),
]


def test_the_svg_is_svg(client: TestClient) -> None:
    response = client.get(f"/views/timeline?operation={SPARKS_OP}&format=svg")
    assert response.headers["content-type"] == "image/svg+xml"


def test_an_empty_svg_says_so(client: TestClient) -> None:
    root = ET.fromstring(client.get("/views/timeline?about=group:sparks&format=svg").text)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "No events match these filters." in texts


# -- a caller's mistakes -------------------------------------------------------------------------

MISTAKES = [
    ("about=group:no-such-group", 404, "not_found"),
    ("operation=operation:2099-none", 404, "not_found"),
    ("operation=group:sparks", 404, "not_found"),
    ("country=Atlantis", 404, "not_found"),
    ("country=%00%00", 404, "not_found"),
    ("about=sparks", 422, "invalid_parameter"),
    ("about=operation:%00", 422, "invalid_parameter"),
    ("operation=2020-sparks", 422, "invalid_parameter"),
    ("country=C", 422, "invalid_parameter"),
    ("kind=bogus", 422, "invalid_parameter"),
    ("kind=%00", 422, "invalid_parameter"),
    ("since=2020-13", 422, "invalid_parameter"),
    ("until=yesterday", 422, "invalid_parameter"),
    ("limit=0", 422, "invalid_parameter"),
    ("limit=501", 422, "invalid_parameter"),
    ("format=png", 422, "invalid_parameter"),
    ("&".join("kind=arrest" for _ in range(15)), 422, "invalid_parameter"),
]


@pytest.mark.parametrize(("query", "status", "code"), MISTAKES)
def test_a_caller_mistake_is_a_4xx_in_the_error_shape(
    client: TestClient, query: str, status: int, code: str
) -> None:
    response = client.get(f"/views/timeline?{query}")
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


def test_a_bad_parameter_names_its_field(client: TestClient) -> None:
    response = client.get("/views/timeline?since=2020-13")
    assert response.json()["error"]["details"][0]["field"] == "query.since"


# -- people's names --------------------------------------------------------------------------------

KEYS = {
    "reader": ("pg_timeline_reader_0123456789", "reader", False),
    "reader-names": ("pg_timeline_names_0123456789", "reader", True),
}
JETFLICKS = "/views/timeline?operation=operation:2019-jetflicks"


@pytest.fixture(scope="module")
def keyed(
    bundled_store: Store, engine: EmbeddedEngine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(bundled_store),
        load_bundled_on_start=False,
        api_keys_file=write_keys(tmp_path_factory.mktemp("keys") / "keys.yaml", KEYS),
    )
    with TestClient(create_app(settings, store=bundled_store)) as test_client:
        yield test_client


def test_a_reader_sees_no_named_person_on_the_timeline(keyed: TestClient) -> None:
    html = keyed.get(JETFLICKS, headers={"Authorization": f"Bearer {KEYS['reader'][0]}"}).text
    assert "Dallmann" not in html


def test_a_key_with_the_right_sees_the_name(keyed: TestClient) -> None:
    html = keyed.get(JETFLICKS, headers={"Authorization": f"Bearer {KEYS['reader-names'][0]}"}).text
    assert "Kristopher Dallmann" in html


# -- hostile names ----------------------------------------------------------------------------------


def hostile_dossier(folder: Path) -> Path:
    """tests/data/hostile.yaml with two events that cite its hostile source and name its
    hostile groups (the file itself has no event)."""
    raw = yaml.safe_load((ROOT / "tests" / "data" / "hostile.yaml").read_text(encoding="utf-8"))
    raw["events"] = [
        {
            "date": "2099-01",
            "kind": "action_day",
            "description": HOSTILE_DESCRIPTION,
            "about": ["operation", "img", "closer"],
            "sources": ["forum"],
        },
        {
            "date": "2099-01-02",
            "kind": "arrest",
            "description": HOSTILE_CLOSER,
            "about": ["img"],
            "sources": ["forum"],
        },
    ]
    path = folder / "hostile-events.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def hostile_client(
    empty_store: Store, engine: EmbeddedEngine, schema: Schema, tmp_path: Path
) -> Iterator[TestClient]:
    """A graph holding the hostile dossier, written past validation (the loader refuses it)."""
    path = hostile_dossier(tmp_path)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    write_plans(empty_store, schema, [build_plan(Dossier.model_validate(raw), schema, path.name)])
    with bundled_client(empty_store, engine, snapshot=False) as test_client:
        yield test_client


def test_hostile_text_opens_no_tag_in_the_page(hostile_client: TestClient) -> None:
    html = hostile_client.get(f"/views/timeline?operation={HOSTILE_OP}").text
    assert [bad for bad in ("<img", "<b>", "<script>alert", "<svg", "<iframe") if bad in html] == []


def test_the_only_scripts_are_the_page_data_and_its_own_code(hostile_client: TestClient) -> None:
    html = hostile_client.get(f"/views/timeline?operation={HOSTILE_OP}").text
    tags = [re.sub(r'nonce="[^"]+"', 'nonce="N"', tag) for tag in re.findall(r"<script[^>]*>", html)]
    assert tags == ['<script type="application/json" id="timeline-data">', '<script nonce="N">']


def test_hostile_text_arrives_whole_in_the_page_data(hostile_client: TestClient) -> None:
    data = view(hostile_client, f"operation={HOSTILE_OP}")
    assert (
        [e["description"] for e in data["events"]],
        sorted(e["name"] for e in data["entities"].values()),
        [s["publisher"] for s in data["sources"].values()],
    ) == (
        [HOSTILE_DESCRIPTION, HOSTILE_CLOSER],
        sorted(
            [HOSTILE_CLOSER, HOSTILE_IMG, "Operation <b>bold</b> & </script><script>alert('op')</script>"]
        ),
        [HOSTILE_PUBLISHER],
    )


def test_a_hostile_title_is_escaped(hostile_client: TestClient) -> None:
    html = hostile_client.get(f"/views/timeline?operation={HOSTILE_OP}").text
    assert re.findall(r'<h1 id="title">(.*?)</h1>', html) == [
        "Timeline: Operation &lt;b&gt;bold&lt;/b&gt; &amp; &lt;/script&gt;&lt;script&gt;alert(&#39;op&#39;)"
        "&lt;/script&gt;"
    ]


# -- in a real Chromium ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(
        tmp_path_factory.mktemp("timeline-views"),
        ROOT / "data" / "operations",
        past_validation=hostile_dossier(tmp_path_factory.mktemp("hostile")),
    ) as base:
        yield base


class Visit(PageVisit):
    """A timeline page once drawn."""

    ready = "window.piracyTimeline && window.piracyTimeline.ready"

    def marks(self) -> list[str]:
        """The ids of the events drawn on the axis."""
        ids: list[str] = self.page.eval_on_selector_all("#axis .mark", "ms => ms.map(m => m.dataset.id)")
        return ids

    def box(self, selector: str) -> dict[str, float]:
        found = self.page.locator(selector).first.bounding_box()
        assert found is not None
        return dict(found)


@pytest.fixture(scope="module")
def sparks(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}")
    visit.page.click("#list .event >> nth=0")
    visit.screenshot("timeline-sparks")
    yield visit
    visit.page.close()


def test_the_browser_lists_the_sparks_events_in_date_order(sparks: Visit) -> None:
    rows = sparks.page.eval_on_selector_all(
        "#list .event",
        "bs => bs.map(b => [b.querySelector('.when').textContent,"
        " b.querySelector('.desc .text').textContent])",
    )
    assert [tuple(r) for r in rows] == [(when, text) for when, _, text in SPARKS_WHEN]


def test_the_list_names_what_else_each_event_is_about(sparks: Visit) -> None:
    # The two members are described by their role: the view has no key that sees names.
    rows = sparks.page.eval_on_selector_all(
        "#list .event", "bs => bs.map(b => (b.querySelector('.about-names') || {}).textContent || '')"
    )
    member_cy = "[member; arranged pickup and mailing of pre-release discs from distributors]"
    member_us = "[member (alias 'Raid'); received discs and ripped and encoded them]"
    assert rows == ["", "", member_cy, "", member_us, "", "", member_us, member_cy, member_cy]


def test_the_axis_draws_every_sparks_event(sparks: Visit) -> None:
    assert len(sparks.marks()) == 10


def test_the_sparks_page_requests_nothing_beyond_its_server(sparks: Visit, server: str) -> None:
    assert [url for url in sparks.requests if not url.startswith(server + "/")] == []


def test_the_panel_shows_the_sources_of_the_clicked_event(sparks: Visit) -> None:
    # 2016-09: cited by the French seed article, which has a file name, no URL and no date:
    # it is named by its publisher, never by the path of its file.
    items = sparks.page.locator("#selected ul.sources li").all_inner_texts()
    assert items == [
        'French news site, "Sur le web" section (article signed Olivier), citing Europol, date unknown'
    ]


def test_the_panel_shows_the_range_of_a_partial_date(sparks: Visit) -> None:
    assert sparks.page.inner_text("#selected .panel-when") == "1–30 September 2016"


def test_the_panel_links_each_source_to_its_url(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}&kind=plea")
    visit.page.click("#list .event >> nth=0")
    links = visit.page.eval_on_selector_all(
        "#selected a.source-link", "as => as.map(a => [a.textContent, a.getAttribute('href')])"
    )
    visit.page.close()
    assert links == [
        [
            "World IP Review, 2021-11-22",
            "https://www.worldipreview.com/news/sparks-group-member-pleads-guilty-to-copyright-infringement-21914",
        ]
    ]


def test_a_partial_date_is_drawn_as_a_bar_over_its_month(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}")
    visit.page.click("#list section[data-year='2016'] button.year-zoom")
    axis = visit.box("#axis")
    bar = visit.box("#axis .mark.range")
    visit.page.close()
    # The axis shows 2016 with 5 days each side (366 + 10 days); September has 30.
    assert abs(bar["width"] - axis["width"] * 30 / 376) < 1.0


def test_a_day_is_drawn_as_a_dot(sparks: Visit) -> None:
    sizes = sparks.page.eval_on_selector_all(
        "#axis .mark.day", "ms => ms.map(m => [m.offsetWidth, m.offsetHeight])"
    )
    assert {tuple(s) for s in sizes} == {(12, 12)}


def test_zooming_to_a_year_draws_that_year_only(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}")
    visit.page.click("#list section[data-year='2021'] button.year-zoom")
    drawn = visit.marks()
    data = json.loads(visit.page.inner_text("#timeline-data"))
    visit.page.close()
    assert sorted(drawn) == sorted(e["id"] for e in data["events"] if e["date"].startswith("2021"))


def test_zoom_buttons_narrow_and_restore_the_axis(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}")
    before = visit.page.inner_text("#range")
    visit.page.click("#zoom-in")
    zoomed = visit.page.inner_text("#range")
    visit.page.click("#zoom-fit")
    after = visit.page.inner_text("#range")
    visit.page.close()
    assert (zoomed != before, after) == (True, before)


def test_the_wheel_zooms_in_on_the_axis(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}")
    axis = visit.box("#axis")
    visit.page.mouse.move(axis["x"] + axis["width"] / 2, axis["y"] + axis["height"] / 2)
    span = "() => { const [a, b] = document.getElementById('range').textContent.split(' – ');"
    span += " return (Date.parse(b) - Date.parse(a)) / 86400000; }"
    before = visit.page.evaluate(span)
    visit.page.mouse.wheel(0, -100)
    visit.page.wait_for_timeout(100)
    after = visit.page.evaluate(span)
    visit.page.close()
    assert round(after / before, 2) == 0.8


def test_hiding_a_kind_takes_its_events_off_the_axis_and_the_list(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}")
    visit.page.click("#kinds button[data-kind='action_day']")
    shown = (
        len(visit.marks()),
        visit.page.locator("#list .event").count(),
        visit.page.inner_text("#count"),
    )
    visit.page.close()
    assert shown == (8, 8, "8 of 10 events (some kinds hidden)")


def test_an_entity_link_opens_its_view_in_the_same_frame(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={PHIMMOI_OP}")
    visit.page.click("#list .event >> nth=0")
    link = visit.page.locator("#selected a.entity-view").first
    target = link.get_attribute("target")
    link.click()
    visit.page.wait_for_url(f"{server}/views/entities/group:phimmoi")
    visit.page.close()
    assert target is None


def test_an_operation_in_the_panel_links_to_its_own_timeline(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?about={PHIMMOI_OP}")
    visit.page.click("#list .event >> nth=0")
    hrefs = visit.page.eval_on_selector_all(
        "#selected a.entity-timeline", "as => as.map(a => a.getAttribute('href'))"
    )
    visit.page.close()
    assert hrefs == ["/views/timeline?about=group:phimmoi", f"/views/timeline?operation={PHIMMOI_OP}"]


def test_the_filter_form_asks_the_server_again(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}")
    visit.page.select_option("#filters select[name=kind]", "arrest")
    visit.page.click("#filters button[type=submit]")
    visit.page.wait_for_url("**kind=arrest")
    visit.page.wait_for_function("() => window.piracyTimeline && window.piracyTimeline.ready")
    asked = parse_qsl(urlsplit(visit.page.url).query)
    count = visit.page.inner_text("#count")
    visit.page.close()
    assert (asked, count) == ([("operation", SPARKS_OP), ("kind", "arrest")], "2 events")


@pytest.fixture(scope="module")
def printed(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}", width=1100, height=1400)
    visit.page.emulate_media(media="print")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(SCREENSHOTS / "timeline-print.png"), full_page=True)
    yield visit
    visit.page.close()


SHOWN = "sel => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null).length"


def test_print_keeps_every_event_on_the_axis(printed: Visit) -> None:
    assert printed.page.evaluate(f"({SHOWN})('#axis .mark')") == 10


def test_print_keeps_every_event_in_the_list(printed: Visit) -> None:
    assert printed.page.evaluate(f"({SHOWN})('#list .event')") == 10


def test_print_keeps_the_years_of_the_list(printed: Visit) -> None:
    assert printed.page.locator("#list .year-text").all_inner_texts() == ["2016", "2020", "2021"]


def test_print_keeps_a_key_to_the_colours(printed: Visit) -> None:
    assert printed.page.locator("#print-legend .item").all_inner_texts() == [
        "action day (2)",
        "arrest (2)",
        "charge (1)",
        "extradition (1)",
        "indictment (1)",
        "investigation start (1)",
        "plea (1)",
        "sentence (1)",
    ]


def test_print_draws_the_marks_inside_the_page(printed: Visit) -> None:
    right = printed.page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('#axis .mark')]"
        ".map(m => m.getBoundingClientRect().right))"
    )
    assert right <= printed.box("#axis")["x"] + printed.box("#axis")["width"]


def test_the_empty_page_says_so_in_the_browser(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?about=group:sparks")
    text = visit.page.inner_text("#empty")
    visit.page.close()
    assert text == "No events match these filters."


def test_the_embedded_page_has_no_header(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}&embed=1")
    visible = visit.page.is_visible("header")
    visit.page.close()
    assert visible is False


@pytest.fixture(scope="module")
def phone(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}", width=390, height=844)
    visit.page.click("#list .event >> nth=3")
    visit.screenshot("timeline-phone")
    yield visit
    visit.page.close()


def test_on_a_phone_the_axis_keeps_the_width_of_the_screen(phone: Visit) -> None:
    assert phone.box("#axis")["width"] >= 350


def test_on_a_phone_the_panel_opens_over_the_bottom_of_the_screen(phone: Visit) -> None:
    panel = phone.box("#panel")
    assert (panel["x"], panel["width"], round(panel["y"] + panel["height"])) == (0, 390, 844)


def test_on_a_phone_the_panel_shows_the_chosen_event(phone: Visit) -> None:
    assert phone.page.inner_text("#selected .desc-text") == SPARKS_EVENTS[3][2]


def test_on_a_phone_the_panel_closes(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/timeline?operation={SPARKS_OP}", width=390, height=844)
    visit.page.click("#list .event >> nth=0")
    visit.page.click("#close-panel")
    visible = visit.page.is_visible("#panel")
    visit.page.close()
    assert visible is False


@pytest.fixture(scope="module")
def hostile(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/timeline?operation={HOSTILE_OP}")
    visit.page.click("#list .event >> nth=0")
    visit.page.hover("#axis .mark >> nth=0")
    visit.screenshot("timeline-hostile")
    yield visit
    visit.page.close()


def test_no_script_from_the_data_runs_on_the_timeline(hostile: Visit) -> None:
    assert hostile.dialogs == []


def test_no_element_from_the_data_reaches_the_timeline(hostile: Visit) -> None:
    found = hostile.page.evaluate(
        "() => document.querySelectorAll('img, iframe, svg, b, [onerror], [onload], [onmouseover]').length"
    )
    assert found == 0


def test_a_hostile_description_shows_as_text(hostile: Visit) -> None:
    assert hostile.page.inner_text("#selected .desc-text") == HOSTILE_DESCRIPTION


def test_hostile_names_show_as_text_in_the_panel(hostile: Visit) -> None:
    names = hostile.page.locator("#selected a.entity-view").all_inner_texts()
    assert sorted(names) == sorted(
        [HOSTILE_IMG, HOSTILE_CLOSER, "Operation <b>bold</b> & </script><script>alert('op')</script>"]
    )


def test_a_hostile_publisher_shows_as_text(hostile: Visit) -> None:
    assert hostile.page.locator("#selected ul.sources li").all_inner_texts() == [
        f"{HOSTILE_PUBLISHER}, date unknown"
    ]


def test_the_hostile_title_shows_as_text(hostile: Visit) -> None:
    assert hostile.page.inner_text("#title") == (
        "Timeline: Operation <b>bold</b> & </script><script>alert('op')</script>"
    )


def test_the_hostile_page_requests_nothing_beyond_its_server(hostile: Visit, server: str) -> None:
    assert [url for url in hostile.requests if not url.startswith(server + "/")] == []
