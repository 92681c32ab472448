"""The map: countries by role, as JSON (GET /map), as a page (/views/map) and as SVG for print.

Answers are checked against the bundled dossiers on both engines; the page runs in a real
headless Chromium against a real server, with a hostile dossier loaded beside the bundled ones.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from api.app import create_app
from api.routes import map_view
from graph.model.ids import source_id
from graph.query.answer import Redactor
from graph.query.map import ROLES, country_map
from graph.render.map import ROLE_STYLES
from graph.render.world import drawable, project, world
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from tests.browser import ROOT, PageVisit, free_port, get_json, write_past_validation
from tests.clients import graph_name_of
from tests.facts import SPARKS_SERVER_COUNTRIES

pytestmark = pytest.mark.both_engines

SPARKS = "operation:2020-sparks"
HOSTILE_OPERATION = "operation:2099-hostile-names"
HELLENIC_POLICE = "agency:hellenic-police"
BRIDI = "person:050ed3b391cf"  # named in the DOJ's charges; arrested in Paphos
EUROPOL_BPN = source_id(
    "https://www.brandsprotectionnews.com/en/europol-and-agencies-in-18-countries-put-an-end-to-global-piracy-group-sparks/",
    None,
)
SVG_NS = "{http://www.w3.org/2000/svg}"
KASSEL = (9.5, 51.3)  # the middle of Germany
PARIS = (2.35, 48.85)
SCOPES = [{"operation": SPARKS}, {"group": "group:sparks"}, {"agency": HELLENIC_POLICE}]
HOSTILE_SERVER = "<svg onload=alert('server')>"


def with_map_json(app: Any) -> Any:
    """The app with GET /map, until api/app.py registers map_view.json_router itself."""
    if not any(getattr(route, "path", None) == "/map" for route in app.routes):
        app.include_router(map_view.json_router)
    return app


@pytest.fixture(scope="module")
def client(bundled_store: Any, engine: EmbeddedEngine) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(bundled_store),
        load_bundled_on_start=False,
        snapshot_max_entities=0,
    )
    with TestClient(with_map_json(create_app(settings, store=bundled_store))) as test_client:
        yield test_client


def codes_with(answer: dict[str, Any], role: str) -> set[str]:
    return {country["code"] for country in answer["countries"] if role in country["roles"]}


def country_of(answer: dict[str, Any], code: str) -> dict[str, Any]:
    return next(country for country in answer["countries"] if country["code"] == code)


# -- the answer, on both engines --------------------------------------------------------------


def test_sparks_map_marks_exactly_the_16_countries_of_its_servers(client: TestClient) -> None:
    answer = client.get("/map", params={"operation": SPARKS}).json()
    assert codes_with(answer, "hosting") == SPARKS_SERVER_COUNTRIES


def test_sparks_map_marks_where_the_operation_acted(client: TestClient) -> None:
    answer = client.get("/map", params={"operation": SPARKS}).json()
    assert codes_with(answer, "enforcement") == SPARKS_SERVER_COUNTRIES | {"US", "CY", "IT"}


def test_sparks_map_marks_where_its_people_were_arrested(client: TestClient) -> None:
    answer = client.get("/map", params={"operation": SPARKS}).json()
    assert codes_with(answer, "arrests") == {"US", "CY"}


def test_sparks_map_marks_where_its_agencies_are_based(client: TestClient) -> None:
    # Europol and Eurojust are EU bodies: no country.
    answer = client.get("/map", params={"operation": SPARKS}).json()
    assert codes_with(answer, "based") == {"US"}


def test_latvia_on_the_sparks_map_lists_the_servers_with_their_source(client: TestClient) -> None:
    latvia = country_of(client.get("/map", params={"operation": SPARKS}).json(), "LV")
    hosting = [(f["id"], f["sources"]) for f in latvia["facts"] if f["role"] == "hosting"]
    assert hosting == [("server:2020-sparks-sparks-servers", [EUROPOL_BPN])]


def test_every_cited_source_is_described(client: TestClient) -> None:
    answer = client.get("/map", params={"operation": SPARKS}).json()
    cited = {s for country in answer["countries"] for fact in country["facts"] for s in fact["sources"]}
    assert set(answer["sources"]) == cited


def test_an_arrest_says_where_and_when(client: TestClient) -> None:
    cyprus = country_of(client.get("/map", params={"operation": SPARKS}).json(), "CY")
    arrest = next(f for f in cyprus["facts"] if f["role"] == "arrests")
    assert (arrest["id"], arrest["details"]) == (BRIDI, ["Paphos, 2020-08-23"])


def test_a_reader_without_the_right_sees_a_role_not_a_name(bundled_store: Any) -> None:
    answer = country_map(bundled_store, operation=SPARKS, redactor=Redactor.from_store(bundled_store))
    assert "Bridi" not in json.dumps(answer)


def test_group_map_marks_the_countries_of_its_servers(client: TestClient) -> None:
    answer = client.get("/map", params={"group": "group:sparks"}).json()
    assert codes_with(answer, "hosting") == SPARKS_SERVER_COUNTRIES


def test_agency_map_marks_the_countries_of_its_operations(client: TestClient) -> None:
    answer = client.get("/map", params={"agency": HELLENIC_POLICE}).json()
    marked = {c["code"]: c["roles"] for c in answer["countries"]}
    enforcement = ["BE", "BG", "CY", "DE", "ES", "FR", "GB", "GR", "IT", "LT", "MT", "NL", "RO", "RU"]
    enforcement += ["SE", "SI", "US"]
    assert marked == {**{code: ["enforcement"] for code in enforcement}, "CH": ["connected"]}


def test_greece_on_the_hellenic_police_map_names_both_its_operations(client: TestClient) -> None:
    greece = country_of(client.get("/map", params={"agency": HELLENIC_POLICE}).json(), "GR")
    assert [f["id"] for f in greece["facts"]] == [
        "operation:2019-cyprus-iptv-europol",
        "operation:2020-perfect-storm",
    ]


def test_whole_map_marks_every_country_that_hosts_something(client: TestClient, bundled_store: Any) -> None:
    rows = bundled_store.read("MATCH (c:Country)<-[:LOCATED_IN]-() RETURN DISTINCT c.code AS code")
    assert codes_with(client.get("/map").json(), "hosting") == {r["code"] for r in rows}


def test_whole_map_holds_every_scoped_map(client: TestClient) -> None:
    def pairs(answer: dict[str, Any]) -> set[tuple[str, str]]:
        return {(c["code"], role) for c in answer["countries"] for role in c["roles"]}

    whole = pairs(client.get("/map").json())
    scoped = [client.get("/map", params=p).json() for p in SCOPES]
    assert [pairs(answer) - whole for answer in scoped] == [set(), set(), set()]


def test_per_role_bounds_the_facts_listed_but_not_the_totals(client: TestClient) -> None:
    answer = client.get("/map", params={"per_role": 1}).json()
    germany = country_of(answer, "DE")
    listed = {role: sum(1 for f in germany["facts"] if f["role"] == role) for role in germany["roles"]}
    assert (listed, germany["totals"]["based"] > 1) == (dict.fromkeys(germany["roles"], 1), True)


def test_the_answer_links_to_its_view(client: TestClient) -> None:
    links = client.get("/map", params={"group": "group:sparks"}).json()["links"]
    assert links == {
        "view": "/views/map?group=group%3Asparks",
        "svg": "/views/map?group=group%3Asparks&format=svg",
    }


# -- the caller's mistakes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"operation": SPARKS, "group": "group:sparks"}, 422, "query.group, query.operation"),
        ({"operation": "sparks"}, 422, "query.operation"),
        ({"per_role": "0"}, 422, "query.per_role"),
        ({"operation": "operation:nothing-here"}, 404, None),
        ({"operation": "group:sparks"}, 404, None),
        ({"agency": "<script>alert(1)</script>"}, 422, "query.agency"),
    ],
)
@pytest.mark.parametrize("path", ["/map", "/views/map"])
def test_a_callers_mistake_is_a_json_error(
    client: TestClient, path: str, params: dict[str, str], status: int, field: str | None
) -> None:
    response = client.get(path, params=params)
    fields = [d["field"] for d in response.json()["error"]["details"]] or [None]
    assert (response.status_code, fields) == (status, [field])


def test_view_refuses_an_unknown_format(client: TestClient) -> None:
    assert client.get("/views/map", params={"format": "png"}).status_code == 422


# -- the page and the SVG, as the server sends them ------------------------------------------


def marked_in(svg: ET.Element, role: str) -> set[str]:
    return {
        el.get("data-country", "")
        for el in svg.iter()
        if el.get("data-country") and role in (el.get("data-roles") or "").split()
    }


@pytest.fixture(scope="module")
def print_svg(client: TestClient) -> ET.Element:
    response = client.get("/views/map", params={"operation": SPARKS, "format": "svg"})
    assert response.headers["content-type"] == "image/svg+xml"
    return ET.fromstring(response.text)


def test_print_svg_marks_the_16_server_countries(print_svg: ET.Element) -> None:
    assert marked_in(print_svg, "hosting") == SPARKS_SERVER_COUNTRIES


def test_print_svg_keeps_every_shape(print_svg: ET.Element) -> None:
    drawn = {el.get("data-country") for el in print_svg.iter(f"{SVG_NS}path") if el.get("data-country")}
    assert drawn == set(world()["shapes"])


def test_print_svg_keeps_the_legend(print_svg: ET.Element) -> None:
    legend = next(el for el in print_svg.iter(f"{SVG_NS}g") if el.get("id") == "legend")
    texts = [t.text or "" for t in legend.iter(f"{SVG_NS}text")]
    assert [re.sub(r" \(\d+\)$", "", t) for t in texts] == [
        *(style.title for style in ROLE_STYLES.values()),
        "Several roles: a stripe of each role's colour",
        "No role in this map",
    ]


def test_kosovo_has_its_own_shape_under_xk() -> None:
    assert "XK" in world()["shapes"]


def test_northern_cyprus_is_drawn_within_cyprus() -> None:
    # Natural Earth's Cyprus and Northern Cyprus: two polygons under one code.
    assert len(world()["shapes"]["CY"]["polygons"]) == 2


def test_countries_too_small_for_the_shapes_have_a_dot() -> None:
    assert {"MT", "AD", "MC", "SM", "GI", "LI", "SG"} <= set(world()["points"])


def test_no_ring_crosses_the_antimeridian() -> None:
    jumps = [
        code
        for code, shape in world()["shapes"].items()
        for polygon in shape["polygons"]
        for ring in polygon
        if any(abs(ring[k] - ring[k + 2]) > 180 for k in range(0, len(ring) - 2, 2))
    ]
    assert jumps == []


def test_every_country_of_the_bundled_dossiers_can_be_drawn(client: TestClient) -> None:
    assert [c["code"] for c in client.get("/map").json()["countries"] if not drawable(c["code"])] == []


def test_every_role_has_a_style() -> None:
    assert list(ROLE_STYLES) == list(ROLES)


def test_page_scripts_all_carry_the_nonce_of_its_policy(client: TestClient) -> None:
    page = client.get("/views/map", params={"operation": SPARKS}).text
    nonce = re.search(r"script-src 'nonce-([^']+)'", page)
    scripts = re.findall(r"<script([^>]*)>", page)
    assert nonce is not None
    assert [s for s in scripts if f'nonce="{nonce.group(1)}"' not in s] == [
        ' type="application/json" id="map-data"'
    ]


# -- in a real browser --------------------------------------------------------------------------

SERVE = """
import sys
from pathlib import Path
import uvicorn
from api.app import create_app
from api.routes.map_view import json_router
from graph.settings import Settings
app = create_app(Settings(data_dir=Path(sys.argv[1])))
if not any(getattr(route, "path", None) == "/map" for route in app.routes):
    app.include_router(json_router)  # until api/app.py registers it
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def hostile_map_dossier(folder: Path) -> Path:
    """tests/data/hostile.yaml with places: a server it took down in NL, enforcement in FR."""
    raw = yaml.safe_load((ROOT / "tests" / "data" / "hostile.yaml").read_text(encoding="utf-8"))
    raw["entities"]["server"] = {"label": "Server", "name": HOSTILE_SERVER, "sources": ["forum"]}
    raw["relationships"] += [
        {"from": "img", "type": "OPERATED", "to": "server", "sources": ["forum"]},
        {"from": "operation", "type": "TOOK_DOWN", "to": "server", "sources": ["forum"]},
        {
            "from": "server",
            "type": "LOCATED_IN",
            "to": "country:NL",
            "properties": {"role": "<img src=x onerror=alert('located')>"},
            "sources": ["forum"],
        },
        {
            "from": "operation",
            "type": "ACTED_IN",
            "to": "country:FR",
            "properties": {"role": "</script><script>alert('acted')</script>"},
            "sources": ["forum"],
        },
    ]
    path = folder / "hostile-map.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled dossiers and the hostile one, served by the app with GET /map."""
    data_dir = tmp_path_factory.mktemp("map")
    write_past_validation(data_dir, hostile_map_dossier(tmp_path_factory.mktemp("hostile")))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cli.main",
            "load",
            str(ROOT / "data" / "operations"),
            "--data-dir",
            str(data_dir),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(data_dir), str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.2)
    yield base
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)


class MapVisit(PageVisit):
    """A map page once drawn."""

    ready = "window.piracyMap && window.piracyMap.ready"

    def marked(self, role: str) -> set[str]:
        codes = self.page.eval_on_selector_all(
            f'#map-svg [data-roles~="{role}"]', "els => els.map(e => e.getAttribute('data-country'))"
        )
        return set(codes)

    def at(self, lon: float, lat: float) -> tuple[float, float]:
        """Where a place is on the screen (a shape's bounding box can be mostly sea:
        France's holds French Guiana)."""
        x, y = project(lon, lat)
        point = self.page.evaluate(
            """([x, y]) => { const svg = document.getElementById('map-svg');
                             const p = svg.createSVGPoint(); p.x = x; p.y = y;
                             const s = p.matrixTransform(svg.getScreenCTM()); return [s.x, s.y]; }""",
            [x, y],
        )
        return point[0], point[1]

    def hover(self, lon: float, lat: float) -> None:
        self.page.mouse.move(*self.at(lon, lat))
        self.page.wait_for_selector("#tooltip:not([hidden])")


def source_text(source: dict[str, Any]) -> str:
    return f"{source.get('publisher')}, {source.get('date') or 'date unknown'}"


@pytest.fixture(scope="module")
def sparks_page(browser: Browser, server: str) -> Iterator[MapVisit]:
    visit = MapVisit(browser, f"{server}/views/map?operation={SPARKS}")
    visit.screenshot("map-sparks")
    yield visit
    visit.page.close()


def test_sparks_page_marks_exactly_the_16_server_countries(sparks_page: MapVisit) -> None:
    assert sparks_page.marked("hosting") == SPARKS_SERVER_COUNTRIES


def test_sparks_page_requests_nothing_beyond_its_host(sparks_page: MapVisit, server: str) -> None:
    assert [url for url in sparks_page.requests if not url.startswith(server)] == []


def test_sparks_page_runs_without_errors(sparks_page: MapVisit) -> None:
    assert sparks_page.errors == []


def test_sparks_page_links_to_its_json(sparks_page: MapVisit) -> None:
    assert (
        sparks_page.page.get_attribute("#json-link", "href") == f"/map?operation={SPARKS.replace(':', '%3A')}"
    )


def test_tooltip_lists_a_countrys_facts_with_their_sources(sparks_page: MapVisit, server: str) -> None:
    answer = get_json(f"{server}/map?operation={SPARKS}")
    germany = country_of(answer, "DE")
    sparks_page.hover(*KASSEL)
    shown = sparks_page.page.eval_on_selector_all(
        "#tooltip li[data-fact]",
        "items => items.map(li => [li.getAttribute('data-fact'),"
        " [...li.querySelectorAll('.sources li')].map(s => s.textContent)])",
    )
    expected = [
        [f"{f['role']} {f['id']}", [source_text(answer["sources"][s]) for s in f["sources"]]]
        for f in germany["facts"]
    ]
    assert shown == expected


def test_clicking_a_country_lists_its_facts_with_links_to_the_sources(
    sparks_page: MapVisit, server: str
) -> None:
    answer = get_json(f"{server}/map?operation={SPARKS}")
    sparks_page.page.click('#country-table tr[data-code="CY"]')
    lines = sparks_page.page.eval_on_selector_all(
        "#selected .sources li",
        "items => items.map(li => [li.querySelector('a')?.href ?? null, li.textContent])",
    )
    expected = []
    for fact in country_of(answer, "CY")["facts"]:
        for sid in fact["sources"]:
            source = answer["sources"][sid]
            text = source_text(source)
            # A source without a web address reads as its publisher and date: never a file path.
            expected.append([source["url"], text] if source["url"] else [None, text])
    assert lines == expected


def test_whole_map_draws_every_marked_country(browser: Browser, server: str) -> None:
    visit = MapVisit(browser, f"{server}/views/map")
    visit.screenshot("map-whole")
    drawn = visit.page.eval_on_selector_all(
        "#map-svg .country.marked", "els => els.map(e => e.getAttribute('data-country'))"
    )
    assert sorted(drawn) == sorted(c["code"] for c in get_json(f"{server}/map")["countries"])
    visit.page.close()


def test_embedded_map_has_no_header_and_no_table(browser: Browser, server: str) -> None:
    visit = MapVisit(browser, f"{server}/views/map?operation={SPARKS}&embed=1", width=800, height=500)
    visit.screenshot("map-embedded")
    assert (visit.page.is_visible("header"), visit.page.is_visible("#country-table")) == (False, False)
    visit.page.close()


def test_zooming_in_keeps_the_country_under_the_pointer(browser: Browser, server: str) -> None:
    visit = MapVisit(browser, f"{server}/views/map?operation={SPARKS}")
    box = visit.page.locator('#map-svg [data-country="DE"]').bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    visit.page.mouse.move(x, y)
    for _ in range(4):
        visit.page.mouse.wheel(0, -200)
    visit.page.wait_for_timeout(200)
    visit.screenshot("map-sparks-zoomed")
    under = visit.page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('[data-country]').getAttribute('data-country')",
        [x, y],
    )
    assert under == "DE"
    visit.page.close()


def test_phone_page_fits_390_pixels(browser: Browser, server: str) -> None:
    visit = MapVisit(
        browser,
        f"{server}/views/map?operation={SPARKS}",
        width=390,
        height=844,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    visit.screenshot("map-phone")
    assert visit.page.evaluate("() => document.documentElement.scrollWidth") <= 390
    visit.page.close()


def test_tapping_a_country_on_a_phone_shows_its_facts(browser: Browser, server: str) -> None:
    visit = MapVisit(
        browser,
        f"{server}/views/map?operation={SPARKS}",
        width=390,
        height=844,
        is_mobile=True,
        has_touch=True,
    )
    visit.page.touchscreen.tap(*visit.at(*KASSEL))
    visit.screenshot("map-phone-tapped")
    assert visit.page.get_attribute("#selected .country-card", "data-code") == "DE"
    visit.page.close()


@pytest.fixture(scope="module")
def hostile_page(browser: Browser, server: str) -> Iterator[MapVisit]:
    visit = MapVisit(browser, f"{server}/views/map?operation={HOSTILE_OPERATION}")
    visit.page.click('#country-table tr[data-code="NL"]')
    visit.hover(*PARIS)
    visit.screenshot("map-hostile")
    yield visit
    visit.page.close()


def test_no_script_from_the_data_runs_on_the_map(hostile_page: MapVisit) -> None:
    assert hostile_page.dialogs == []


def test_the_hostile_operation_name_shows_as_text(hostile_page: MapVisit) -> None:
    assert hostile_page.page.inner_text("#title") == (
        "Operation <b>bold</b> & </script><script>alert('op')</script>: countries by role"
    )


def test_a_hostile_server_name_shows_as_text_in_the_panel(hostile_page: MapVisit) -> None:
    assert hostile_page.page.inner_text("#selected .fact-name") == HOSTILE_SERVER


def test_a_hostile_detail_shows_as_text_in_the_tooltip(hostile_page: MapVisit) -> None:
    details = hostile_page.page.eval_on_selector_all(
        "#tooltip .facts .muted", "els => els.map(e => e.textContent)"
    )
    assert details == ["</script><script>alert('acted')</script>"]


def test_no_element_from_the_data_reaches_the_map_page(hostile_page: MapVisit) -> None:
    found = hostile_page.page.evaluate(
        "() => document.querySelectorAll("
        "'img, iframe, script:not([nonce]):not([type]), [onerror], [onload]').length"
    )
    assert found == 0


def test_hostile_names_stay_text_in_the_print_svg(server: str) -> None:
    with urllib.request.urlopen(
        f"{server}/views/map?operation={HOSTILE_OPERATION}&format=svg", timeout=10
    ) as r:
        svg = ET.fromstring(r.read())
    tags = {el.tag.removeprefix(SVG_NS) for el in svg.iter()}
    assert tags == {"svg", "rect", "defs", "pattern", "text", "path", "g", "title"}
