"""Views in a real headless Chromium against a running server: drawn, offline, safe, linked."""

from __future__ import annotations

import signal
import urllib.request
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser

from tests.browser import ROOT, SCREENSHOTS, PageVisit, get_json, start_server, write_past_validation

HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_CLOSER = "</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("views")
    write_past_validation(data_dir, ROOT / "tests" / "data" / "hostile.yaml")
    # Two made-up dossiers that disagree with each other about shared nodes (statements).
    conflicts = ROOT / "tests" / "data" / "statements"
    process, base = start_server(
        data_dir, ROOT / "data" / "operations", conflicts / "conflict-a.yaml", conflicts / "conflict-b.yaml"
    )
    yield base
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)


class Visit(PageVisit):
    """A view page once drawn, with its screenshot taken when named."""

    ready = "window.piracyGraph && window.piracyGraph.ready"

    def __init__(self, browser: Browser, url: str, screenshot: str | None = None):
        super().__init__(browser, url)
        if screenshot:
            self.screenshot(screenshot)

    def drawn_nodes(self) -> int:
        return int(self.page.evaluate("() => window.piracyGraph.network.body.data.nodes.length"))


@pytest.fixture(scope="module")
def sparks_view(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/entities/group:sparks?depth=1", screenshot="sparks-neighbourhood")
    yield visit
    visit.page.close()


def test_neighbourhood_view_draws_every_node_of_the_answer(sparks_view: Visit, server: str) -> None:
    answer = get_json(f"{server}/entities/group:sparks/neighbours?depth=1")
    assert sparks_view.drawn_nodes() == len(answer["nodes"])


def test_neighbourhood_view_requests_nothing_beyond_loopback(sparks_view: Visit, server: str) -> None:
    assert [url for url in sparks_view.requests if not url.startswith(server)] == []


def test_neighbourhood_view_links_to_its_json(sparks_view: Visit) -> None:
    href = sparks_view.page.get_attribute("#json-link", "href")
    assert href == "/entities/group:sparks/neighbours?depth=1"


def test_legend_lists_the_labels_in_view(sparks_view: Visit) -> None:
    items = sparks_view.page.locator("#legend .legend-item").all_inner_texts()
    assert [item.split()[0] for item in items] == [
        "Group",
        "Operation",
        "Organization",
        "Person",
        "Platform",
        "Server",
    ]


def click_node(visit: Visit, node_id: str) -> None:
    point = visit.page.evaluate(
        """(id) => { const n = window.piracyGraph.network;
                     const p = n.getPositions([id])[id]; const d = n.canvasToDOM(p);
                     const r = document.getElementById('network').getBoundingClientRect();
                     return {x: d.x + r.left, y: d.y + r.top}; }""",
        node_id,
    )
    visit.page.mouse.click(point["x"], point["y"])


def test_clicking_a_node_offers_its_neighbourhood_view(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:sparks")
    click_node(visit, "group:geckos")
    visit.page.click("#selected a.entity-view")
    visit.page.wait_for_function("() => window.piracyGraph && window.piracyGraph.ready", timeout=20_000)
    assert visit.page.url == f"{server}/views/entities/group:geckos"
    visit.page.close()


def test_clicking_a_node_offers_its_json(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:sparks")
    click_node(visit, "group:drones")
    assert visit.page.get_attribute("#selected a.entity-json", "href") == "/entities/group:drones"
    visit.page.close()


@pytest.fixture(scope="module")
def hostile_view(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(
        browser, f"{server}/views/operations/operation:2099-hostile-names", screenshot="hostile-names"
    )
    click_node(visit, "group:img-src-x-onerror-alert-1")
    yield visit
    visit.page.close()


def test_no_script_from_the_data_runs(hostile_view: Visit) -> None:
    assert hostile_view.dialogs == []


def test_the_operation_name_shows_as_text(hostile_view: Visit) -> None:
    assert hostile_view.page.inner_text("#title") == (
        "Operation <b>bold</b> & </script><script>alert('op')</script>"
    )


def test_a_hostile_name_shows_as_text_in_the_selection(hostile_view: Visit) -> None:
    assert hostile_view.page.inner_text("#selected .tip b") == HOSTILE_IMG


def test_no_element_from_the_data_reaches_the_page(hostile_view: Visit) -> None:
    found = hostile_view.page.evaluate(
        "() => document.querySelectorAll('img, iframe, [onerror], [onload], [onmouseover]').length"
    )
    assert found == 0


def test_the_hostile_view_draws_all_its_nodes(hostile_view: Visit, server: str) -> None:
    answer = get_json(f"{server}/entities/operation:2099-hostile-names/neighbours?limit=300")
    assert hostile_view.drawn_nodes() == len(answer["nodes"])


def test_a_cut_view_says_how_many_neighbours_are_not_shown(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/operation:2020-sparks?limit=20")
    answer = get_json(f"{server}/entities/operation:2020-sparks/neighbours?limit=20")
    assert visit.page.inner_text("#cut-note") == f"{answer['not_shown']} more neighbours not shown"
    visit.page.close()


def test_embedded_view_has_no_header(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:sparks?embed=1", screenshot="embedded")
    assert visit.page.is_visible("header") is False
    visit.page.close()


def test_paths_view_draws_the_nodes_of_its_paths(browser: Browser, server: str) -> None:
    query = "from=group:sparks&to=operation:2020-perfect-storm&k=3"
    visit = Visit(browser, f"{server}/views/paths?{query}", screenshot="paths")
    answer = get_json(f"{server}/paths?{query}")
    assert visit.drawn_nodes() == len(answer["nodes"])
    visit.page.close()


def test_whole_graph_view_is_bounded(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/graph?limit=100", screenshot="whole-graph")
    assert visit.drawn_nodes() == 100
    visit.page.close()


def test_explorer_search_opens_a_neighbourhood(browser: Browser, server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "/")
    page.fill("#q", "guardia")
    page.click("#results a.search-hit >> nth=0")
    page.wait_for_function(
        "() => document.getElementById('view').src.includes('agency:guardia-di-finanza')", timeout=10_000
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / "explorer.png"))
    assert [url for url in requests if not url.startswith(server)] == []
    page.close()


def test_explorer_coverage_panel_lists_operations_per_year(browser: Browser, server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(server + "/")
    page.click("#coverage summary >> text=Per year")
    page.click("#coverage summary >> text=Per kind of target")
    per_year = page.eval_on_selector_all(
        "#coverage details:nth-of-type(1) tr", "rows => rows.map(r => r.innerText.split('\\t'))"
    )
    expected = httpx.get(server + "/coverage").json()["by_year"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "explorer-coverage.png"))
    assert {year: int(n) for year, n in per_year} == expected
    page.close()


@pytest.mark.parametrize(
    ("json_path", "view_path"),
    [
        ("/entities/group:sparks/neighbours?depth=2", "/views/entities/group:sparks?depth=2"),
        ("/paths?from=group:sparks&to=group:geckos", "/views/paths?from=group:sparks&to=group:geckos"),
        ("/shared?id=group:geckos&id=group:drones", "/views/shared?id=group:geckos&id=group:drones"),
        ("/operations/operation:2020-sparks", "/views/operations/operation:2020-sparks"),
    ],
)
def test_a_json_answer_links_to_its_view(server: str, json_path: str, view_path: str) -> None:
    assert get_json(server + json_path)["links"]["view"] == view_path


def test_the_svg_link_gives_an_svg(server: str) -> None:
    svg_url = get_json(server + "/paths?from=group:sparks&to=group:geckos")["links"]["svg"]
    with urllib.request.urlopen(server + svg_url, timeout=10) as response:
        assert response.headers["content-type"] == "image/svg+xml"


def test_a_node_dossiers_disagree_on_lists_the_other_values_with_their_dossier(
    browser: Browser, server: str
) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:testgroup-alpha")
    click_node(visit, "group:testgroup-alpha")
    visit.page.screenshot(path=str(SCREENSHOTS / "alternatives.png"))
    items = visit.page.locator("#selected ul.alternatives > li").all_inner_texts()
    visit.page.close()
    assert [item.splitlines()[0] for item in items] == ["kind: IPTV service (test-conflict-a)"]


def test_the_other_value_shows_the_source_that_states_it(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:testgroup-alpha")
    click_node(visit, "group:testgroup-alpha")
    cited = visit.page.locator("#selected ul.alternatives > li > ul > li").all_inner_texts()
    visit.page.close()
    assert cited == ["Example prosecutor's office, 2021-03-04"]
