"""The operation page: its dossier panel says what the operation view says, its graph opens
with claims, events and sources closed, and it stays safe, offline and the same every time.

API-level tests read the page the server writes (TestClient on the bundled dossiers); the
browser tests run a real server and a real headless Chromium (tests/browser.py).
"""

from __future__ import annotations

import itertools
import json
import math
import re
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any, ClassVar

import httpx
import pytest
import yaml
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from api.app import create_app
from graph.model.schema import get_schema
from graph.render.operation_layout import UNIT_X, UNIT_Y
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from loaders.dossier import Dossier
from loaders.pipeline import write_plans
from loaders.resolve import build_plan
from loaders.resources import bundled_dossiers_dir
from tests.browser import ROOT, PageVisit, serving
from tests.clients import graph_name_of
from tests.keys import write_keys

PERFECT_STORM = "operation:2020-perfect-storm"
SPARKS = "operation:2020-sparks"
PHASE_3 = "operation:2021-operation-404-phase-3"
HOSTILE = "operation:2099-hostile-names"
HOSTILE_FILE = ROOT / "tests" / "data" / "hostile.yaml"
SUMMARIES = {"summary:Claim", "summary:Event", "summary:Source"}
KEYS = {
    "reader": ("pg_reader_0123456789abcdef", "reader", False),
    "reader-names": ("pg_reader_names_0123456789", "reader", True),
}


# -- reading the page ---------------------------------------------------------------------------


class Element:
    """An element of the page, enough of a DOM to read the panel without a browser."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]

    def find_all(self, test: Callable[[Element], bool]) -> list[Element]:
        found = []
        for child in self.elements():
            if test(child):
                found.append(child)
            found += child.find_all(test)
        return found

    def select(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return self.find_all(lambda e: (tag is None or e.tag == tag) and (cls is None or cls in e.classes))

    def by_id(self, element_id: str) -> Element:
        found = self.find_all(lambda e: e.attrs.get("id") == element_id)
        assert len(found) == 1, element_id
        return found[0]

    def own_text(self) -> str:
        """The element's text without its nested lists (an item's first line)."""
        return "".join(
            c if isinstance(c, str) else c.own_text()
            for c in self.children
            if isinstance(c, str) or c.tag != "ul"
        )


class TreeBuilder(HTMLParser):
    VOID: ClassVar[set[str]] = {
        "meta",
        "br",
        "img",
        "input",
        "link",
        "hr",
        "source",
        "area",
        "base",
        "col",
        "wbr",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    return builder.root


def section(page: Element, key: str) -> Element:
    return page.by_id(f"panel-{key}")


def items(element: Element) -> list[Element]:
    return element.select("li", "item")


def span_text(item: Element, cls: str) -> str | None:
    found = item.select(cls=cls)
    return found[0].text() if found else None


def first_link(item: Element) -> str:
    return item.select("a")[0].text()


def groups(element: Element) -> dict[str, list[Element]]:
    """A section's groups by their heading: the list that follows each <h3>."""
    found: dict[str, list[Element]] = {}
    children = element.elements()
    for i, child in enumerate(children):
        if child.tag == "h3":
            found[child.text()] = items(children[i + 1])
    return found


def graph_data(html: str) -> dict[str, Any]:
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert block is not None
    return dict(json.loads(block.group(1)))


def named_ids(view: dict[str, Any]) -> tuple[set[str], set[str]]:
    """What the view names: the entities the graph opens with, and the claims, events and
    sources it opens on request."""
    core = {view["id"]}
    for part in [*view["agencies"].values(), *view["countries"].values()]:
        core |= {e["id"] for e in part}
    for key in ("targets", "infrastructure", "people", "related_operations"):
        core |= {e["id"] for e in view[key]}
    core |= {p["id"] for p in view["platforms"]} | {p["group"] for p in view["platforms"]}
    core |= {c["about"] for c in view["claims"]} | {c["about"] for c in view["conflicts"]}
    core |= {c["claimed_by"] for c in view["claims"] if c["claimed_by"]}
    provenance = {c["id"] for c in view["claims"]} | {e["id"] for e in view["events"]}
    provenance |= {side["id"] for c in view["conflicts"] for side in (c["a"], c["b"])}
    provenance |= set(view["source_index"])
    return core, provenance


# -- the API's page -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(client: TestClient) -> dict[str, tuple[str, dict[str, Any]]]:
    """Each operation's page and its JSON twin, as an anonymous reader gets them."""
    found = {}
    for op in (PERFECT_STORM, SPARKS, PHASE_3):
        page = client.get(f"/views/operations/{op}")
        assert page.status_code == 200
        found[op] = (page.text, client.get(f"/operations/{op}").json())
    return found


def test_perfect_storm_panel_lists_the_platforms_with_their_counts(pages: Any) -> None:
    panel = section(parse(pages[PERFECT_STORM][0]), "platforms")
    rows = [(first_link(i), span_text(i, "count")) for i in items(panel)]
    assert rows == [("Cryptocurrencies", None), ("PayPal", "334 accounts"), ("Telegram", "350 channels")]


def test_both_5500_claims_appear_with_their_claimants_marked_as_disagreeing(pages: Any) -> None:
    claims = groups(section(parse(pages[PERFECT_STORM][0]), "claims"))["servers shut down"]
    rows = [(span_text(c, "value"), span_text(c, "claimant"), span_text(c, "badge")) for c in claims]
    assert rows == [
        ("5,500 servers", "Eurojust", "disagrees"),
        ("5,500 IT resources", "Guardia di Finanza", "disagrees"),
    ]


def test_each_5500_claim_says_what_the_other_claims(pages: Any) -> None:
    claims = groups(section(parse(pages[PERFECT_STORM][0]), "claims"))["servers shut down"]
    said = [[line.text() for line in c.select("li", "disagreement")] for c in claims]
    assert said == [
        ["disagrees with 5,500 IT resources (Guardia di Finanza): counts another thing"],
        ["disagrees with 5,500 servers (Eurojust): counts another thing"],
    ]


@pytest.mark.parametrize("op", [PERFECT_STORM, SPARKS])
def test_the_claims_marked_as_disagreeing_are_the_views_conflicts(pages: Any, op: str) -> None:
    html, view = pages[op]
    marked = {c.attrs["data-node"] for c in section(parse(html), "claims").select("li", "disagrees")}
    assert marked == {side["id"] for c in view["conflicts"] for side in (c["a"], c["b"])}


@pytest.mark.parametrize("op", [PERFECT_STORM, SPARKS])
def test_every_claim_shows_who_claimed_it_and_its_sources(pages: Any, op: str) -> None:
    html, view = pages[op]
    shown = {
        c.attrs["data-node"]: (
            span_text(c, "claimant"),
            [s.attrs["data-source"] for s in c.select("li", "source")],
        )
        for c in section(parse(html), "claims").select("li", "claim")
    }
    assert shown == {
        c["id"]: (c["claimed_by_name"] or "claimant not named", c["sources"]) for c in view["claims"]
    }


def test_claims_are_grouped_by_metric(pages: Any) -> None:
    html, view = pages[PERFECT_STORM]
    shown = {
        metric: [c.attrs["data-node"] for c in claims]
        for metric, claims in groups(section(parse(html), "claims")).items()
    }
    expected: dict[str, list[str]] = {}
    for claim in view["claims"]:
        expected.setdefault(claim["metric"], []).append(claim["id"])
    assert shown == expected


def test_perfect_storm_agencies_by_role(pages: Any) -> None:
    html, view = pages[PERFECT_STORM]
    shown = {
        role: [first_link(i) for i in rows] for role, rows in groups(section(parse(html), "agencies")).items()
    }
    assert shown == {
        "Led": [e["name"] for e in view["agencies"]["led"]],
        "Took part": [e["name"] for e in view["agencies"]["participated"]],
    }


def test_each_agency_shows_its_relationships_role(pages: Any) -> None:
    html, view = pages[PERFECT_STORM]
    shown = {
        i.attrs["data-node"]: [r.text() for r in i.select("li", "role")]
        for i in items(section(parse(html), "agencies"))
    }
    expected: dict[str, list[str]] = {}
    for entry in [*view["agencies"]["led"], *view["agencies"]["participated"]]:
        expected.setdefault(entry["id"], []).append(entry["relationship"]["role"])
    assert shown == expected


def test_sparks_countries_by_role(pages: Any) -> None:
    html, view = pages[SPARKS]
    shown = {
        role: [i.attrs["data-node"] for i in rows]
        for role, rows in groups(section(parse(html), "countries")).items()
    }
    expected = {
        "Acted in": list(dict.fromkeys(e["id"] for e in view["countries"]["acted_in"])),
        "Connected to": list(dict.fromkeys(e["id"] for e in view["countries"]["connected_to"])),
    }
    assert shown == {role: ids for role, ids in expected.items() if ids}


def test_sparks_targets(pages: Any) -> None:
    html, view = pages[SPARKS]
    assert [first_link(i) for i in items(section(parse(html), "targets"))] == [
        t["name"] for t in view["targets"]
    ]


def test_sparks_events_are_listed_in_date_order(pages: Any) -> None:
    html, view = pages[SPARKS]
    rows = [
        (span_text(i, "date"), span_text(i, "kind"), span_text(i, "description"))
        for i in items(section(parse(html), "events"))
    ]
    assert rows == [
        (e["properties"]["date"], e["properties"]["kind"].replace("_", " "), e["properties"]["description"])
        for e in sorted(view["events"], key=lambda e: e["properties"]["date"])
    ]


def test_sparks_event_dates_never_go_back(pages: Any) -> None:
    dates = [span_text(i, "date") or "" for i in items(section(parse(pages[SPARKS][0]), "events"))]
    assert dates == sorted(dates)


@pytest.mark.parametrize("op", [PERFECT_STORM, SPARKS])
def test_every_source_line_shows_its_date_or_date_unknown(pages: Any, op: str) -> None:
    html, view = pages[op]
    lines = parse(html).by_id("panel").find_all(lambda e: "data-source" in e.attrs)
    shown = [(line.attrs["data-source"], span_text(line, "date")) for line in lines]
    index = view["source_index"]
    assert shown == [(sid, index[sid]["date"] or "date unknown") for sid, _ in shown]


@pytest.mark.parametrize("op", [PERFECT_STORM, SPARKS])
def test_the_sources_section_lists_every_source_once(pages: Any, op: str) -> None:
    html, view = pages[op]
    listed = [i.attrs["data-source"] for i in items(section(parse(html), "sources"))]
    assert sorted(listed) == sorted(view["source_index"])


def test_a_source_with_no_url_shows_its_publisher_and_date_unknown(pages: Any) -> None:
    html, view = pages[PERFECT_STORM]
    seed = next(sid for sid, s in view["source_index"].items() if s["document"])
    line = next(i for i in items(section(parse(html), "sources")) if i.attrs["data-source"] == seed)
    assert line.own_text() == f"{view['source_index'][seed]['publisher']} · date unknown · view"


@pytest.mark.parametrize("op", [PERFECT_STORM, SPARKS])
def test_no_internal_path_reaches_the_page(pages: Any, op: str) -> None:
    html, view = pages[op]
    documents = {s["document"] for s in view["source_index"].values() if s["document"]}
    assert [d for d in documents if d in html] == []


@pytest.mark.parametrize("op", [PERFECT_STORM, SPARKS])
def test_no_internal_path_reaches_the_svg(client: TestClient, pages: Any, op: str) -> None:
    svg = client.get(f"/views/operations/{op}?format=svg").text
    documents = {s["document"] for s in pages[op][1]["source_index"].values() if s["document"]}
    assert [d for d in documents if d in svg] == []


def test_the_seed_documents_exist_in_the_json(pages: Any) -> None:
    """The test above reads something: both operations cite a seed file with no URL."""
    assert all(
        any(s["document"] for s in pages[op][1]["source_index"].values()) for op in (PERFECT_STORM, SPARKS)
    )


@pytest.mark.parametrize("op", [PERFECT_STORM, SPARKS, PHASE_3])
def test_every_link_in_the_panel_opens_an_entity_view_here_or_a_source_elsewhere(pages: Any, op: str) -> None:
    links = parse(pages[op][0]).by_id("panel").select("a")
    odd = [
        a.attrs["href"]
        for a in links
        if not (
            (
                re.fullmatch(r"/views/(entities|operations)/[a-z]+:[^?#\s]+", a.attrs["href"])
                and "target" not in a.attrs
            )
            or (
                a.attrs["href"].startswith(("https://", "http://"))
                and a.attrs.get("rel") == "noopener noreferrer"
            )
        )
    ]
    assert odd == []


def test_operations_link_to_their_operation_page(pages: Any) -> None:
    html, view = pages[PHASE_3]
    hrefs = [i.select("a")[0].attrs["href"] for i in items(section(parse(html), "related"))]
    assert hrefs == [f"/views/operations/{op['id']}" for op in view["related_operations"]]


def test_related_operations_say_how_they_are_related(pages: Any) -> None:
    html, view = pages[PHASE_3]
    names = {op["id"]: op["name"] for op in view["related_operations"]}
    rows = [i.own_text() for i in items(section(parse(html), "related"))]
    assert rows == [
        f"phase of {names['operation:2019-operation-404-brazil']}",
        f"follows {names['operation:2020-operacao-404-fase-2']}",
        f"followed by {names['operation:2022-operation-404-phase-4']}",
    ]


def test_sparks_people_with_their_places(pages: Any) -> None:
    html, view = pages[SPARKS]
    shown = {
        i.attrs["data-node"]: [p.text() for p in i.select("li", "place")]
        for i in items(section(parse(html), "people"))
    }
    words = {"NATIONAL_OF": "national of", "ARRESTED_IN": "arrested in", "RESIDES_IN": "resides in"}
    assert shown == {
        p["id"]: [
            f"{words[pl['relation']]} {pl['place'] + ', ' if pl['place'] else ''}{pl['country_name']}"
            + (f" ({pl['date']})" if pl["date"] else "")
            for pl in p["places"]
        ]
        for p in view["people"]
    }


def test_the_graph_holds_exactly_what_the_view_names(pages: Any) -> None:
    html, view = pages[PERFECT_STORM]
    core, provenance = named_ids(view)
    assert {n["id"] for n in graph_data(html)["nodes"]} == core | provenance


def test_claims_events_and_sources_start_closed(pages: Any) -> None:
    assert graph_data(pages[PERFECT_STORM][0])["closed"] == ["Claim", "Event", "Source"]


def test_the_same_page_is_laid_out_the_same_way(client: TestClient) -> None:
    first = graph_data(client.get(f"/views/operations/{PERFECT_STORM}").text)
    second = graph_data(client.get(f"/views/operations/{PERFECT_STORM}").text)
    assert first == second


def test_the_operation_sits_in_the_centre(pages: Any) -> None:
    node = next(n for n in graph_data(pages[PERFECT_STORM][0])["nodes"] if n["id"] == PERFECT_STORM)
    assert (node["x"], node["y"]) == (0, 0)


def test_no_two_nodes_share_a_place(pages: Any) -> None:
    nodes = graph_data(pages[PERFECT_STORM][0])["nodes"]
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)


@pytest.mark.parametrize("op", [PERFECT_STORM, SPARKS])
def test_each_label_keeps_to_a_sector_of_its_own(pages: Any, op: str) -> None:
    """Around the centre, the nodes of one label take one arc that no other label enters
    (the claims, events and sources in their outer band likewise)."""
    data = graph_data(pages[op][0])
    arcs: dict[tuple[bool, str], list[float]] = {}
    for node in [*data["nodes"], *data["summaries"]]:
        if node["id"] == op:
            continue
        outer = node["kind"] in data["closed"] and not node["id"].startswith("summary:")
        turn = math.atan2(node["y"] / UNIT_Y, node["x"] / UNIT_X) + math.pi / 2  # from twelve o'clock
        arcs.setdefault((outer, node["kind"]), []).append(turn % (2 * math.pi))
    spans = sorted((outer, min(a), max(a)) for (outer, _), a in arcs.items())
    overlaps = [(a, b) for a, b in itertools.pairwise(spans) if a[0] == b[0] and b[1] <= a[2]]
    assert (len(spans), overlaps) == (len(arcs), [])


def test_a_graph_cut_to_its_limit_says_so_and_the_panel_still_lists_everything(client: TestClient) -> None:
    html = client.get(f"/views/operations/{PERFECT_STORM}?limit=10").text
    page = parse(html)
    assert (len(graph_data(html)["nodes"]), [first_link(i) for i in items(section(page, "platforms"))]) == (
        10,
        ["Cryptocurrencies", "PayPal", "Telegram"],
    )


def test_a_cut_graph_says_how_many_entities_it_leaves_out(client: TestClient, pages: Any) -> None:
    core, provenance = named_ids(pages[PERFECT_STORM][1])
    note = parse(client.get(f"/views/operations/{PERFECT_STORM}?limit=10").text).by_id("cut-note").text()
    assert (
        note
        == f"{len(core | provenance) - 10} more entities not drawn in the graph (the panel lists them all)"
    )


def test_the_page_carries_a_policy_with_a_nonce_on_every_script(pages: Any) -> None:
    page = parse(pages[PERFECT_STORM][0])
    policy = page.find_all(lambda e: e.attrs.get("http-equiv") == "Content-Security-Policy")[0].attrs[
        "content"
    ]
    nonce = re.search(r"'nonce-([^']+)'", policy)
    scripts = [
        s.attrs.get("nonce") for s in page.select("script") if s.attrs.get("type") != "application/json"
    ]
    assert (nonce is not None, scripts) == (True, [nonce.group(1) if nonce else None] * 2)


def test_each_response_has_its_own_nonce(client: TestClient) -> None:
    def nonce() -> str:
        found = re.search(r"'nonce-([^']+)'", client.get(f"/views/operations/{SPARKS}").text)
        assert found is not None
        return found.group(1)

    assert nonce() != nonce()


def test_an_embedded_page_keeps_its_links_embedded(client: TestClient) -> None:
    page = parse(client.get(f"/views/operations/{SPARKS}?embed=1").text)
    hrefs = [a.attrs["href"] for a in page.by_id("panel").select("a") if a.attrs["href"].startswith("/")]
    assert (page.select("body")[0].attrs["class"], [h for h in hrefs if not h.endswith("?embed=1")]) == (
        "embed",
        [],
    )


def test_the_svg_shows_the_operation(client: TestClient) -> None:
    response = client.get(f"/views/operations/{PERFECT_STORM}?format=svg")
    title = ET.fromstring(response.text).find("{http://www.w3.org/2000/svg}text")
    assert (response.headers["content-type"], title.text if title is not None else None) == (
        "image/svg+xml",
        'Operation "The Perfect Storm" against illegal IPTV (Italy-led, Europe-wide)',
    )


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/views/operations/operation:1999-nothing", 404),
        ("/views/operations/group:sparks", 404),
        ("/views/operations/not an id", 422),
        (f"/views/operations/{SPARKS}?format=pdf", 422),
        (f"/views/operations/{SPARKS}?limit=0", 422),
    ],
)
def test_a_callers_mistake_gets_a_json_error(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert (response.status_code, sorted(response.json()["error"])) == (
        status,
        ["code", "details", "message"],
    )


# -- people's names -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def keyed(
    bundled_store: FalkorDBStore, engine: EmbeddedEngine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(bundled_store),
        load_bundled_on_start=False,
        api_keys_file=write_keys(tmp_path_factory.mktemp("keys") / "keys.yaml", KEYS),
    )
    with TestClient(create_app(settings, store=bundled_store)) as test_client:
        yield test_client


def sparks_names() -> list[str]:
    data = yaml.safe_load((bundled_dossiers_dir() / "2020-sparks.yaml").read_text(encoding="utf-8"))
    return sorted(
        e["name"]
        for e in data["entities"].values()
        if e["label"] == "Person" and e["properties"].get("publicly_charged")
    )


def names_on(text: str) -> list[str]:
    """Full names in any case, and surnames as a word with its capital (as the redactor
    hides them; a source's URL may spell one in lower case)."""
    found = [n for n in sparks_names() if n.lower() in text.lower()]
    found += [n.split()[-1] for n in sparks_names() if re.search(rf"\b{n.split()[-1]}\b", text)]
    return found


def test_the_sparks_dossier_names_three_people() -> None:
    assert sparks_names() == ["George Bridi", "Jonatan Correa", "Umar Ahmad"]


@pytest.mark.parametrize("fmt", ["html", "svg"])
def test_a_reader_without_the_right_sees_no_name(keyed: TestClient, fmt: str) -> None:
    page = keyed.get(f"/views/operations/{SPARKS}?format={fmt}", headers={"X-API-Key": KEYS["reader"][0]})
    assert names_on(page.text) == []


def test_a_reader_without_the_right_sees_each_person_by_role(keyed: TestClient) -> None:
    headers = {"X-API-Key": KEYS["reader"][0]}
    people = keyed.get(f"/operations/{SPARKS}", headers=headers).json()["people"]
    page = parse(keyed.get(f"/views/operations/{SPARKS}", headers=headers).text)
    assert [first_link(i) for i in items(section(page, "people"))] == [
        p["properties"]["role"] for p in people
    ]


def test_a_reader_with_the_right_sees_the_names(keyed: TestClient) -> None:
    page = keyed.get(f"/views/operations/{SPARKS}", headers={"X-API-Key": KEYS["reader-names"][0]})
    assert sorted({n for n in names_on(page.text) if " " in n}) == sparks_names()


def test_the_page_needs_a_key_when_keys_are_set(keyed: TestClient) -> None:
    assert keyed.get(f"/views/operations/{SPARKS}").status_code == 401


# -- hostile names ------------------------------------------------------------------------------


def hostile_dossier() -> dict[str, Any]:
    return dict(yaml.safe_load(HOSTILE_FILE.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def hostile_page(engine: EmbeddedEngine) -> Iterator[str]:
    """The page of the hostile dossier, written into a graph of its own past validation."""
    schema = get_schema()
    store = FalkorDBStore.embedded_at(engine, f"test-hostile-{uuid.uuid4().hex[:12]}", schema)
    store.ensure_schema()
    write_plans(
        store, schema, [build_plan(Dossier.model_validate(hostile_dossier()), schema, HOSTILE_FILE.name)]
    )
    settings = Settings(
        data_dir=engine.data_dir, graph_name=graph_name_of(store), load_bundled_on_start=False
    )
    with TestClient(create_app(settings, store=store)) as test_client:
        yield test_client.get(f"/views/operations/{HOSTILE}").text
    store.clear()


def test_hostile_target_names_show_as_text(hostile_page: str) -> None:
    names = [first_link(i) for i in items(section(parse(hostile_page), "targets"))]
    assert names == ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"]


def test_a_hostile_publisher_shows_as_text(hostile_page: str) -> None:
    publisher = hostile_dossier()["sources"]["forum"]["publisher"]
    assert [span_text(i, "publisher") for i in items(section(parse(hostile_page), "sources"))] == [publisher]


def test_hostile_names_make_no_element(hostile_page: str) -> None:
    page = parse(hostile_page)
    made = page.find_all(
        lambda e: e.tag in {"img", "svg", "iframe", "b"} or any(a.startswith("on") for a in e.attrs)
    )
    assert made == []


def test_hostile_names_add_no_script(hostile_page: str) -> None:
    scripts = [
        s.attrs.get("type", "nonce" if s.attrs.get("nonce") else "")
        for s in parse(hostile_page).select("script")
    ]
    assert scripts == ["application/json", "nonce", "nonce"]


def test_a_hostile_url_is_no_link_to_a_script(hostile_page: str) -> None:
    hrefs = [a.attrs["href"] for a in parse(hostile_page).select("a")]
    assert [h for h in hrefs if h.lower().startswith(("javascript:", "data:"))] == []


# -- in a real browser --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(
        tmp_path_factory.mktemp("operation-page"), ROOT / "data" / "operations", past_validation=HOSTILE_FILE
    ) as base:
        yield base


class Visit(PageVisit):
    """An operation page once drawn."""

    ready = "window.piracyGraph && window.piracyGraph.ready"

    def drawn(self) -> set[str]:
        return set(self.page.evaluate("() => window.piracyGraph.drawnIds()"))

    def out_of_view(self) -> list[str]:
        """The drawn nodes whose centre is outside the graph's box on the screen."""
        return list(
            self.page.evaluate(
                """() => { const n = window.piracyGraph.network;
                           const c = document.getElementById('network');
                           const where = n.getPositions(window.piracyGraph.drawnIds());
                           return Object.keys(where).filter(id => { const d = n.canvasToDOM(where[id]);
                             return d.x < 0 || d.y < 0 || d.x > c.clientWidth || d.y > c.clientHeight;
                           }); }"""
            )
        )

    def canvas(self) -> str:
        return str(self.page.evaluate("() => document.querySelector('#network canvas').toDataURL()"))


def view_json(server: str, op: str) -> dict[str, Any]:
    return dict(httpx.get(f"{server}/operations/{op}", timeout=10).json())


@pytest.fixture(scope="module")
def storm(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}")
    visit.screenshot("operation-perfect-storm")
    yield visit
    visit.page.close()


def test_the_browser_shows_telegram_and_paypal_with_their_counts(storm: Visit) -> None:
    rows = storm.page.eval_on_selector_all(
        "#panel-platforms li.item",
        """items => items.map(i => [i.querySelector('a').textContent,
                                   (i.querySelector('.count') || {}).textContent || null])""",
    )
    assert rows == [["Cryptocurrencies", None], ["PayPal", "334 accounts"], ["Telegram", "350 channels"]]


def test_the_graph_opens_with_claims_events_and_sources_closed(storm: Visit, server: str) -> None:
    core, _ = named_ids(view_json(server, PERFECT_STORM))
    assert storm.drawn() == core | SUMMARIES


def test_the_control_opens_claims_events_and_sources(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}")
    visit.page.click("#expand-all")
    core, provenance = named_ids(view_json(server, PERFECT_STORM))
    drawn = visit.drawn()
    visit.page.close()
    assert drawn == core | provenance


def test_the_claims_button_opens_the_claims_alone(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}")
    visit.page.click("#toolbar button.expand[data-label=Claim]")
    view = view_json(server, PERFECT_STORM)
    core, _ = named_ids(view)
    drawn = visit.drawn()
    visit.page.close()
    claims = {c["id"] for c in view["claims"]} | {
        s["id"] for c in view["conflicts"] for s in (c["a"], c["b"])
    }
    assert drawn == core | claims | {"summary:Event", "summary:Source"}


def test_closing_again_draws_what_the_page_opened_with(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}")
    before = visit.canvas()
    visit.page.click("#expand-all")
    visit.page.click("#expand-all")
    after = visit.canvas()
    visit.page.close()
    assert after == before


def test_the_page_draws_the_same_way_every_time(browser: Browser, server: str, storm: Visit) -> None:
    again = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}")
    drawn = again.canvas()
    again.page.close()
    assert drawn == storm.canvas()


def test_the_page_requests_nothing_beyond_its_host(storm: Visit, server: str) -> None:
    assert [url for url in storm.requests if not url.startswith(server)] == []


def test_a_panel_link_opens_the_entitys_view_in_the_same_window(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}")
    visit.page.click("#panel-platforms a:text-is('Telegram')")
    visit.page.wait_for_function("() => window.piracyGraph && window.piracyGraph.ready", timeout=20_000)
    opened = (visit.page.url, len(visit.page.context.pages))
    visit.page.close()
    assert opened == (f"{server}/views/entities/platform:telegram", 1)


def test_clicking_a_summary_node_opens_its_label(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}")
    point = visit.page.evaluate(
        """() => { const n = window.piracyGraph.network;
                   const d = n.canvasToDOM(n.getPositions(['summary:Event'])['summary:Event']);
                   const r = document.getElementById('network').getBoundingClientRect();
                   return {x: d.x + r.left, y: d.y + r.top}; }"""
    )
    visit.page.mouse.click(point["x"], point["y"])
    events = {e["id"] for e in view_json(server, PERFECT_STORM)["events"]}
    drawn = visit.drawn()
    visit.page.close()
    assert (events <= drawn, "summary:Event" in drawn) == (True, False)


@pytest.fixture(scope="module")
def sparks(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/operations/{SPARKS}")
    visit.screenshot("operation-sparks")
    yield visit
    visit.page.close()


def test_the_browser_lists_sparks_events_in_date_order(sparks: Visit, server: str) -> None:
    dates = sparks.page.eval_on_selector_all(
        "#panel-events li.item > .date", "d => d.map(x => x.textContent)"
    )
    expected = sorted(e["properties"]["date"] for e in view_json(server, SPARKS)["events"])
    assert dates == expected


def test_the_sparks_page_requests_nothing_beyond_its_host(sparks: Visit, server: str) -> None:
    assert [url for url in sparks.requests if not url.startswith(server)] == []


@pytest.fixture(scope="module")
def phone(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}", width=390, height=844)
    visit.screenshot("operation-phone")
    yield visit
    visit.page.close()


def test_on_a_phone_the_graph_gets_the_width(phone: Visit) -> None:
    box = phone.page.locator("#network").bounding_box()
    assert (box or {}).get("width") == 390


def test_on_a_phone_the_whole_graph_is_in_view(phone: Visit) -> None:
    assert phone.out_of_view() == []


def test_on_a_phone_the_graph_fits_the_screen(phone: Visit) -> None:
    box = phone.page.locator("#network").bounding_box() or {}
    assert box.get("y", 0) + box.get("height", 0) <= 844


# The smallest label on screen, in CSS pixels: the font size vis-network draws it at,
# times the zoom.
SMALLEST_LABEL = """() => { const n = window.piracyGraph.network;
    const sizes = window.piracyGraph.drawnIds().map(id => n.body.nodes[id].options.font.size);
    return Math.min(...sizes) * n.getScale(); }"""


def test_on_a_phone_every_label_is_at_least_12_px(phone: Visit) -> None:
    assert phone.page.evaluate(SMALLEST_LABEL) >= 12


CLOSED_SUMMARIES = ("summary:Claim", "summary:Event", "summary:Source")
PAGE_NODES = "() => JSON.parse(document.getElementById('graph-data').textContent).nodes"


def test_on_a_phone_each_sector_starts_as_one_box(phone: Visit) -> None:
    nodes = phone.page.evaluate(PAGE_NODES)
    kinds = Counter(n["kind"] for n in nodes if n["id"] != PERFECT_STORM)
    outer = {"Claim", "Event", "Source"}
    boxes = {f"sector:{k}" for k, count in kinds.items() if count > 1 and k not in outer}
    alone = {n["id"] for n in nodes if kinds[n["kind"]] == 1 and n["id"] != PERFECT_STORM}
    expected = boxes | alone | {PERFECT_STORM, *CLOSED_SUMMARIES}
    assert (phone.drawn(), len(boxes) >= 5) == (expected, True)


def test_on_a_phone_a_tap_on_a_sector_shows_its_members_readably(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}", width=390, height=844)
    visit.page.evaluate("() => window.piracyGraph.setOpen('Country', true)")
    visit.screenshot("operation-phone-countries")
    countries = {i for i in visit.drawn() if i.startswith("country:")}
    smallest = visit.page.evaluate(SMALLEST_LABEL)
    outside = visit.out_of_view()
    expected = {n["id"] for n in visit.page.evaluate(PAGE_NODES) if n["id"].startswith("country:")}
    visit.page.close()
    cut = [i for i in outside if i.startswith("country:")]
    assert (countries, smallest >= 12, cut) == (expected, True, [])


def test_on_a_phone_overview_closes_the_sectors_again(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}", width=390, height=844)
    first = visit.drawn()
    visit.page.evaluate("() => window.piracyGraph.setOpen('Country', true)")
    visit.page.click("#overview")
    again = visit.drawn()
    hidden = visit.page.is_hidden("#overview")
    visit.page.close()
    assert (again, hidden) == (first, True)


def test_a_wide_screen_draws_no_sector_box(storm: Visit) -> None:
    assert [i for i in storm.drawn() if i.startswith("sector:")] == []


def test_the_whole_graph_is_in_view(storm: Visit) -> None:
    assert storm.out_of_view() == []


def test_the_whole_opened_graph_is_in_view(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}")
    visit.page.click("#expand-all")
    outside = visit.out_of_view()
    visit.page.close()
    assert outside == []


def test_on_a_phone_the_panel_waits_behind_a_button(phone: Visit) -> None:
    assert (phone.page.is_visible("#panel"), phone.page.is_visible("#panel-toggle")) == (False, True)


def test_on_a_phone_the_button_opens_the_panel(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}", width=390, height=844)
    visit.page.click("#panel-toggle")
    visit.screenshot("operation-phone-panel")
    shown = (
        visit.page.is_visible("#panel"),
        visit.page.is_visible("#network"),
        visit.page.inner_text("#panel-toggle"),
    )
    visit.page.close()
    assert shown == (True, False, "Graph")


def test_on_a_phone_the_button_brings_the_graph_back(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{PERFECT_STORM}", width=390, height=844)
    visit.page.click("#panel-toggle")
    visit.page.click("#panel-toggle")
    shown = (visit.page.is_visible("#panel"), visit.page.is_visible("#network"))
    visit.page.close()
    assert shown == (False, True)


def test_an_embedded_page_opens_its_panel_beside_the_graph(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{SPARKS}?embed=1", width=900, height=600)
    visit.page.click("#panel-toggle")
    shown = (visit.page.is_visible("#panel"), visit.page.is_visible("#panel-toggle"))
    visit.page.close()
    assert shown == (True, True)


def test_an_embedded_page_is_compact(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/operations/{SPARKS}?embed=1", width=900, height=600)
    visit.screenshot("operation-embedded")
    shown = (
        visit.page.is_visible("header"),
        visit.page.is_visible("#panel"),
        visit.page.is_visible("#panel-toggle"),
    )
    visit.page.close()
    assert shown == (False, False, True)


@pytest.fixture(scope="module")
def hostile(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/operations/{HOSTILE}")
    visit.screenshot("operation-hostile")
    yield visit
    visit.page.close()


def test_no_script_from_the_data_runs(hostile: Visit) -> None:
    assert hostile.dialogs == []


def test_the_hostile_title_shows_as_text(hostile: Visit) -> None:
    assert hostile.page.inner_text("#title") == hostile_dossier()["operation"]["name"]


def test_the_hostile_targets_show_as_text_in_the_browser(hostile: Visit) -> None:
    names = hostile.page.eval_on_selector_all("#panel-targets li.item > a", "a => a.map(x => x.textContent)")
    assert names == ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"]


def test_no_element_from_hostile_data_reaches_the_page(hostile: Visit) -> None:
    found = hostile.page.evaluate(
        "() => document.querySelectorAll('img, iframe, svg, b, [onerror], [onload], [onmouseover]').length"
    )
    assert found == 0
