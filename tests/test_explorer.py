"""The explorer at / in a real headless Chromium against a running server: every state in
the address, search as you type, paths and shared by name, filters, links in the frame,
phones, and nothing fetched from elsewhere."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import ROOT, SCREENSHOTS, get_json, serving

HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_PATHS = "/?view=paths&from=group:img-src-x-onerror-alert-1&to=operation:2099-hostile-names"

# Everything the panel shows that an address decides, to compare two visits of one address.
PANEL_STATE = """() => ({
  frame: document.getElementById('view').getAttribute('src'),
  controls: [...document.querySelectorAll('nav input, nav select')].map(
    e => [e.id || e.name, e.type === 'checkbox' ? String(e.checked) : e.value]),
  filtersShown: !document.getElementById('filters').hidden,
  paths: document.getElementById('paths-list').innerText,
  chosen: [...document.querySelectorAll('#paths-list .path-show')].map(b => b.getAttribute('aria-pressed')),
  shared: document.getElementById('shared-list').innerText,
  messages: document.getElementById('message').innerText + document.getElementById('paths-message').innerText,
})"""

# The panel's paths as an investigator reads them: a heading, then each step and its sources.
PANEL_PATHS = """() => [...document.querySelectorAll('#paths-list > li.path')].map(li => ({
  head: li.querySelector('.path-show').textContent,
  steps: [...li.querySelectorAll('.step')].map(step => ({
    text: step.querySelector('.step-text').textContent,
    sources: [...step.querySelectorAll('.sources li')].map(s => s.textContent),
  })),
}))"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(
        tmp_path_factory.mktemp("explorer"),
        ROOT / "data" / "operations",
        past_validation=ROOT / "tests" / "data" / "hostile.yaml",
    ) as base:
        yield base


class Explorer:
    """The explorer in a page, with every request and dialog it caused recorded."""

    def __init__(
        self, browser: Browser, server: str, address: str = "/", width: int = 1400, height: int = 900
    ):
        self.server = server
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": width, "height": height})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(server + address)

    def frame_src(self) -> str:
        return str(self.page.get_attribute("#view", "src"))

    def address(self) -> str:
        parts = urllib.parse.urlsplit(self.page.url)
        return parts.path + ("?" + parts.query if parts.query else "")

    def wait_for_view(self, src: str) -> None:
        """Until the frame shows `src` and its view says it is drawn."""
        self.page.wait_for_function(
            "(src) => document.getElementById('view').getAttribute('src') === src"
            " && document.body.dataset.frame === 'ready'",
            arg=src,
            timeout=30_000,
        )

    def type_slowly(self, selector: str, text: str) -> None:
        self.page.click(selector)
        self.page.keyboard.type(text, delay=30)

    def find_paths(self, source: str, target: str) -> None:
        self.page.fill("#from", source)
        self.page.fill("#to", target)
        self.page.click("#find-paths")

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def explorer(browser: Browser, server: str) -> Iterator[Explorer]:
    visit = Explorer(browser, server)
    visit.wait_for_view("/views/entities/group:sparks?embed=1")
    yield visit
    visit.close()


def wait_for_suggestions(visit: Explorer, text: str, listbox: str = "#results") -> str:
    """The selector of the hits listed for `text` (not for a prefix typed on the way)."""
    hits = f"{listbox}[data-for={json.dumps(text)}] a.search-hit"
    visit.page.wait_for_selector(hits)
    return hits


def suggestions(visit: Explorer, text: str, listbox: str = "#results") -> list[str]:
    hits = wait_for_suggestions(visit, text, listbox)
    return visit.page.eval_on_selector_all(hits, "hits => hits.map(a => a.dataset.id)")


def step_text(names: dict[str, str], a: str, b: str, edge: dict[str, Any]) -> str:
    if edge["source"] == a:
        return f"{names[a]} —{edge['type']}→ {names[b]}"
    return f"{names[a]} ←{edge['type']}— {names[b]}"


def source_text(source: dict[str, Any], source_id: str) -> str:
    publisher = source.get("publisher") or source.get("name") or source_id
    return f"{publisher}, {source.get('date') or 'date unknown'}"


def paths_as_read(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """What the panel should list for a GET /paths answer."""
    names = {n["id"]: n.get("name") or n["id"] for n in answer["nodes"]}
    edges = {e["id"]: e for e in answer["edges"]}
    listed = []
    for number, path in enumerate(answer["paths"], start=1):
        steps = []
        for i, edge_id in enumerate(path["edges"]):
            edge = edges[edge_id]
            steps.append(
                {
                    "text": step_text(names, path["nodes"][i], path["nodes"][i + 1], edge),
                    "sources": [source_text(answer["sources"].get(s, {}), s) for s in edge["sources"]],
                }
            )
        unit = "step" if path["length"] == 1 else "steps"
        listed.append({"head": f"Path {number} · {path['length']} {unit}", "steps": steps})
    return listed


# ---- search ------------------------------------------------------------------------------------


def test_typing_sparks_suggests_the_sparks_group_first(explorer: Explorer) -> None:
    explorer.type_slowly("#q", "Sparks")
    assert suggestions(explorer, "Sparks")[0] == "group:sparks"


def test_the_suggestions_are_the_search_answer_in_its_order(explorer: Explorer, server: str) -> None:
    explorer.type_slowly("#q", "Sparks")
    expected = [hit["id"] for hit in get_json(f"{server}/entities?limit=10&q=Sparks")["results"]]
    assert suggestions(explorer, "Sparks") == expected


def test_enter_opens_the_top_hit(explorer: Explorer) -> None:
    explorer.type_slowly("#q", "Geckos")
    explorer.page.keyboard.press("Enter")
    explorer.wait_for_view("/views/entities/group:geckos?embed=1")
    assert explorer.address() == "/?view=entity&id=group:geckos"


def test_arrow_down_then_enter_opens_the_second_hit(explorer: Explorer, server: str) -> None:
    explorer.type_slowly("#q", "Sparks")
    second = suggestions(explorer, "Sparks")[1]
    explorer.page.keyboard.press("ArrowDown")
    explorer.page.keyboard.press("Enter")
    explorer.wait_for_view(f"/views/entities/{second}?embed=1")
    assert explorer.address() == f"/?view=entity&id={second}"


def test_clicking_a_hit_opens_its_neighbourhood(explorer: Explorer) -> None:
    explorer.page.fill("#q", "guardia")
    explorer.page.click("#results a.search-hit >> nth=0")
    explorer.wait_for_view("/views/entities/agency:guardia-di-finanza?embed=1")
    assert explorer.address() == "/?view=entity&id=agency:guardia-di-finanza"


def test_a_hostile_name_is_suggested_as_text(explorer: Explorer) -> None:
    explorer.type_slowly("#q", "img src")
    hits = wait_for_suggestions(explorer, "img src")
    assert explorer.page.inner_text(f"{hits} >> nth=0") == HOSTILE_IMG


# ---- paths -------------------------------------------------------------------------------------


@pytest.fixture()
def sparks_geckos(explorer: Explorer) -> Explorer:
    explorer.find_paths("Sparks", "Geckos")
    explorer.wait_for_view("/views/paths?from=group:sparks&to=group:geckos&k=3&embed=1")
    explorer.page.wait_for_selector("#paths-list li.path")
    return explorer


def test_paths_by_name_list_the_answer_of_get_paths_with_every_source(
    sparks_geckos: Explorer, server: str
) -> None:
    answer = get_json(f"{server}/paths?from=group:sparks&to=group:geckos&k=3")
    assert sparks_geckos.page.evaluate(PANEL_PATHS) == paths_as_read(answer)


def test_paths_by_name_put_the_ids_in_the_address(sparks_geckos: Explorer) -> None:
    assert sparks_geckos.address() == "/?view=paths&from=group:sparks&to=group:geckos&k=3"


def test_the_fields_show_the_names_and_the_ids_they_stand_for(sparks_geckos: Explorer) -> None:
    fields = [sparks_geckos.page.input_value(f) for f in ("#from", "#to")]
    ids = [sparks_geckos.page.inner_text(f) for f in ("#from-id", "#to-id")]
    assert (fields, ids) == (["Sparks", "Geckos"], ["group:sparks", "group:geckos"])


def test_clicking_a_path_shows_it_in_the_frame(sparks_geckos: Explorer, server: str) -> None:
    answer = get_json(f"{server}/paths?from=group:sparks&to=group:geckos&k=3")
    sparks_geckos.page.click("#paths-list li.path >> nth=1 >> .path-show")
    sparks_geckos.page.wait_for_function("() => location.search.endsWith('path=2')")
    sparks_geckos.page.wait_for_timeout(300)
    selected = sparks_geckos.page.evaluate(
        "() => document.getElementById('view').contentWindow.piracyGraph.network.getSelectedNodes()"
    )
    assert sorted(selected) == sorted(answer["paths"][1]["nodes"])


def test_paths_screenshot(sparks_geckos: Explorer) -> None:
    sparks_geckos.page.click("#paths-list li.path >> nth=2 >> .path-show")
    sparks_geckos.page.wait_for_function("() => location.search.endsWith('path=3')")
    sparks_geckos.page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    sparks_geckos.page.screenshot(path=str(SCREENSHOTS / "explorer-paths.png"))
    assert (
        sparks_geckos.page.get_attribute("#paths-list li.path >> nth=2 >> .path-show", "aria-pressed")
        == "true"
    )


def test_a_name_that_matches_nothing_says_so(explorer: Explorer) -> None:
    explorer.find_paths("Zzyzx Qwertz", "Geckos")
    explorer.page.wait_for_selector("#paths-message p")
    assert explorer.page.inner_text("#paths-message") == "No entity matches “Zzyzx Qwertz”."


def test_a_name_that_matches_nothing_shows_no_error_code(explorer: Explorer) -> None:
    explorer.find_paths("Zzyzx Qwertz", "Geckos")
    explorer.page.wait_for_selector("#paths-message p")
    frame_text = explorer.page.frame_locator("#view").locator("body").inner_text()
    shown = explorer.page.inner_text("body") + frame_text
    assert [word for word in ("422", "Unprocessable", "invalid_parameter") if word in shown] == []


def test_a_name_that_matches_nothing_leaves_the_view_as_it_was(explorer: Explorer) -> None:
    explorer.find_paths("Zzyzx Qwertz", "Geckos")
    explorer.page.wait_for_selector("#paths-message p")
    assert (explorer.address(), explorer.frame_src()) == (
        "/?view=entity&id=group:sparks",
        "/views/entities/group:sparks?embed=1",
    )


def test_a_name_several_entities_match_offers_them_to_choose(explorer: Explorer, server: str) -> None:
    explorer.find_paths("guardia", "Geckos")
    explorer.page.wait_for_selector("#paths-message .choices button")
    offered = explorer.page.eval_on_selector_all(
        "#paths-message .choices button", "buttons => buttons.map(b => b.dataset.id)"
    )
    expected = [hit["id"] for hit in get_json(f"{server}/entities?limit=10&q=guardia")["results"]]
    assert offered == expected


def test_choosing_one_of_them_finds_the_paths(explorer: Explorer) -> None:
    explorer.find_paths("guardia", "Geckos")
    explorer.page.click("#paths-message .choices button[data-id='agency:guardia-di-finanza']")
    explorer.wait_for_view("/views/paths?from=agency:guardia-di-finanza&to=group:geckos&k=3&embed=1")
    assert explorer.address() == "/?view=paths&from=agency:guardia-di-finanza&to=group:geckos&k=3"


def test_an_alias_is_an_exact_name(explorer: Explorer) -> None:
    explorer.find_paths("GdF", "Geckos")
    explorer.wait_for_view("/views/paths?from=agency:guardia-di-finanza&to=group:geckos&k=3&embed=1")
    # The field takes the entity's name when the paths' answer is drawn, which may come after the view.
    explorer.page.wait_for_selector("#paths-list li.path")
    assert explorer.page.input_value("#from") == "Guardia di Finanza"


def test_an_address_with_names_opens_with_their_ids(browser: Browser, server: str) -> None:
    visit = Explorer(browser, server, "/?view=paths&from=Sparks&to=Geckos&k=2")
    visit.wait_for_view("/views/paths?from=group:sparks&to=group:geckos&k=2&embed=1")
    address = visit.address()
    visit.close()
    assert address == "/?view=paths&from=group:sparks&to=group:geckos&k=2"


def test_hostile_names_in_paths_show_as_text(browser: Browser, server: str) -> None:
    visit = Explorer(browser, server, HOSTILE_PATHS)
    visit.page.wait_for_selector("#paths-list li.path")
    listed = visit.page.evaluate(PANEL_PATHS)
    visit.close()
    assert (
        listed[0]["steps"][0]["text"]
        == f"{HOSTILE_IMG} ←TARGETED— Operation <b>bold</b> & </script><script>alert('op')</script>"
    )


def test_hostile_names_run_nothing_and_add_no_element(browser: Browser, server: str) -> None:
    visit = Explorer(browser, server, HOSTILE_PATHS)
    visit.page.wait_for_selector("#paths-list li.path")
    visit.type_slowly("#q", "img src")
    wait_for_suggestions(visit, "img src")
    found = visit.page.evaluate(
        "() => document.querySelectorAll("
        "'nav img, nav iframe, nav svg, [onerror], [onload], [onmouseover]').length"
    )
    dialogs = visit.dialogs
    visit.close()
    assert (found, dialogs) == (0, [])


# ---- shared ------------------------------------------------------------------------------------


def test_shared_of_two_names_opens_the_shared_view_with_both_ids(explorer: Explorer) -> None:
    explorer.page.fill("#shared-0", "Geckos")
    explorer.page.fill("#shared-1", "Drones")
    explorer.page.click("#find-shared")
    explorer.wait_for_view("/views/shared?id=group:geckos&id=group:drones&embed=1")
    assert explorer.address() == "/?view=shared&id=group:geckos&id=group:drones"


def test_shared_lists_what_the_answer_says_they_share(explorer: Explorer, server: str) -> None:
    explorer.page.fill("#shared-0", "Geckos")
    explorer.page.fill("#shared-1", "Drones")
    explorer.page.click("#find-shared")
    explorer.page.wait_for_selector("#shared-list li")
    answer = get_json(f"{server}/shared?id=group:geckos&id=group:drones")
    names = {n["id"]: n["name"] for n in answer["nodes"]}
    expected = [
        f"{label}: " + "; ".join(names[i] for i in ids) for label, ids in sorted(answer["shared"].items())
    ]
    assert (
        explorer.page.eval_on_selector_all("#shared-list li", "items => items.map(li => li.textContent)")
        == expected
    )


def test_shared_takes_a_third_name(explorer: Explorer) -> None:
    explorer.page.fill("#shared-0", "Sparks")
    explorer.page.fill("#shared-1", "Geckos")
    explorer.page.click("#add-shared")
    explorer.page.fill("#shared-2", "Drones")
    explorer.page.click("#find-shared")
    explorer.wait_for_view("/views/shared?id=group:sparks&id=group:geckos&id=group:drones&embed=1")
    assert explorer.address() == "/?view=shared&id=group:sparks&id=group:geckos&id=group:drones"


# ---- neighbourhood controls --------------------------------------------------------------------


def test_depth_changes_the_neighbourhood_in_the_frame(explorer: Explorer) -> None:
    explorer.page.select_option("#depth", "2")
    explorer.wait_for_view("/views/entities/group:sparks?depth=2&embed=1")
    assert explorer.address() == "/?view=entity&id=group:sparks&depth=2"


def test_label_and_type_filters_draw_exactly_the_filtered_answer(explorer: Explorer, server: str) -> None:
    explorer.page.click("#label-filter summary")
    explorer.page.check("#filters input[name=labels][value=Operation]")
    explorer.wait_for_view("/views/entities/group:sparks?labels=Operation&embed=1")
    explorer.page.click("#type-filter summary")
    explorer.page.check("#filters input[name=types][value=TARGETED]")
    explorer.wait_for_view("/views/entities/group:sparks?labels=Operation&types=TARGETED&embed=1")
    drawn = explorer.page.evaluate(
        "() => document.getElementById('view').contentWindow.piracyGraph.network.body.data.nodes.getIds()"
    )
    answer = get_json(f"{server}/entities/group:sparks/neighbours?labels=Operation&types=TARGETED&limit=150")
    assert sorted(drawn) == sorted(n["id"] for n in answer["nodes"])


def test_a_neighbourhood_opened_from_search_keeps_the_depth(explorer: Explorer) -> None:
    explorer.page.select_option("#depth", "2")
    explorer.wait_for_view("/views/entities/group:sparks?depth=2&embed=1")
    explorer.type_slowly("#q", "Geckos")
    explorer.page.keyboard.press("Enter")
    explorer.wait_for_view("/views/entities/group:geckos?depth=2&embed=1")
    assert explorer.address() == "/?view=entity&id=group:geckos&depth=2"


# ---- the address -------------------------------------------------------------------------------


def test_a_paths_address_reopens_the_same_frame_and_panel(sparks_geckos: Explorer) -> None:
    page = sparks_geckos.page
    page.click("#paths-list li.path >> nth=1 >> .path-show")
    page.wait_for_function("() => location.search.endsWith('path=2')")
    before = page.evaluate(PANEL_STATE)
    page.reload()
    sparks_geckos.wait_for_view("/views/paths?from=group:sparks&to=group:geckos&k=3&embed=1")
    page.wait_for_selector("#paths-list li.path")
    assert page.evaluate(PANEL_STATE) == before


def test_a_neighbourhood_address_reopens_the_same_frame_and_panel(explorer: Explorer) -> None:
    page = explorer.page
    page.select_option("#depth", "2")
    explorer.wait_for_view("/views/entities/group:sparks?depth=2&embed=1")
    page.click("#label-filter summary")
    page.check("#filters input[name=labels][value=Group]")
    explorer.wait_for_view("/views/entities/group:sparks?depth=2&labels=Group&embed=1")
    before = page.evaluate(PANEL_STATE)
    page.reload()
    explorer.wait_for_view("/views/entities/group:sparks?depth=2&labels=Group&embed=1")
    assert page.evaluate(PANEL_STATE) == before


def test_back_restores_the_previous_view(explorer: Explorer) -> None:
    explorer.type_slowly("#q", "Geckos")
    explorer.page.keyboard.press("Enter")
    explorer.wait_for_view("/views/entities/group:geckos?embed=1")
    explorer.page.go_back()
    explorer.wait_for_view("/views/entities/group:sparks?embed=1")
    assert explorer.address() == "/?view=entity&id=group:sparks"


def test_forward_after_back_shows_the_later_view_again(explorer: Explorer) -> None:
    explorer.type_slowly("#q", "Geckos")
    explorer.page.keyboard.press("Enter")
    explorer.wait_for_view("/views/entities/group:geckos?embed=1")
    explorer.page.select_option("#depth", "2")
    explorer.wait_for_view("/views/entities/group:geckos?depth=2&embed=1")
    explorer.page.go_back()
    explorer.wait_for_view("/views/entities/group:geckos?embed=1")
    explorer.page.go_back()
    explorer.wait_for_view("/views/entities/group:sparks?embed=1")
    explorer.page.go_forward()
    explorer.wait_for_view("/views/entities/group:geckos?embed=1")
    assert (explorer.address(), explorer.page.input_value("#depth")) == ("/?view=entity&id=group:geckos", "1")


def test_back_from_a_chosen_path_shows_all_paths(sparks_geckos: Explorer) -> None:
    sparks_geckos.page.click("#paths-list li.path >> nth=0 >> .path-show")
    sparks_geckos.page.wait_for_function("() => location.search.endsWith('path=1')")
    sparks_geckos.page.go_back()
    sparks_geckos.page.wait_for_function("() => !location.search.includes('path=')")
    pressed = sparks_geckos.page.eval_on_selector_all(
        "#paths-list .path-show", "buttons => buttons.map(b => b.getAttribute('aria-pressed'))"
    )
    assert pressed == ["false", "false", "false"]


def test_an_unknown_id_in_the_address_says_so_readably(browser: Browser, server: str) -> None:
    visit = Explorer(browser, server, "/?view=entity&id=group:nope")
    visit.page.wait_for_selector("#frame-message:not([hidden])")
    shown = visit.page.inner_text("#frame-message")
    visit.close()
    assert shown == "This view could not be shown\n\nno entity 'group:nope'"


def test_an_address_naming_no_view_shows_the_default(browser: Browser, server: str) -> None:
    visit = Explorer(browser, server, "/?view=nothing")
    visit.wait_for_view("/views/entities/group:sparks?embed=1")
    message = visit.page.inner_text("#message")
    visit.close()
    assert message == "This address names no view (“nothing”); here is the Sparks group instead."


# ---- links inside the frame --------------------------------------------------------------------


def click_node_in_frame(visit: Explorer, node_id: str) -> None:
    point = visit.page.evaluate(
        """(id) => { const frame = document.getElementById('view');
                     const win = frame.contentWindow, n = win.piracyGraph.network;
                     const d = n.canvasToDOM(n.getPositions([id])[id]);
                     const r = win.document.getElementById('network').getBoundingClientRect();
                     const f = frame.getBoundingClientRect();
                     return {x: f.left + r.left + d.x, y: f.top + r.top + d.y}; }""",
        node_id,
    )
    visit.page.mouse.click(point["x"], point["y"])


def test_a_neighbourhood_link_in_the_frame_changes_the_frame_and_the_address(explorer: Explorer) -> None:
    click_node_in_frame(explorer, "group:geckos")
    explorer.page.frame_locator("#view").locator("#selected a.entity-view").click()
    explorer.wait_for_view("/views/entities/group:geckos?embed=1")
    assert explorer.address() == "/?view=entity&id=group:geckos"


def test_a_link_in_the_frame_never_nests_a_whole_page(explorer: Explorer) -> None:
    click_node_in_frame(explorer, "group:geckos")
    explorer.page.frame_locator("#view").locator("#selected a.entity-view").click()
    explorer.wait_for_view("/views/entities/group:geckos?embed=1")
    assert explorer.page.frame_locator("#view").locator("header").is_visible() is False


def test_a_frame_that_leaves_by_itself_is_brought_back_embedded(explorer: Explorer) -> None:
    explorer.page.evaluate(
        "() => { const frame = document.getElementById('view');"
        " frame.contentWindow.location.href = '/views/entities/group:drones'; }"
    )
    explorer.wait_for_view("/views/entities/group:drones?embed=1")
    assert explorer.address() == "/?view=entity&id=group:drones"


def test_a_view_that_reloads_itself_embedded_is_one_step_back(explorer: Explorer) -> None:
    # As the view's own "Apply" of its filters does: the frame goes to another embedded view.
    explorer.page.evaluate(
        "() => { const frame = document.getElementById('view');"
        " frame.contentWindow.location.href = '/views/entities/group:sparks?depth=2&embed=1'; }"
    )
    explorer.page.wait_for_function("() => location.search === '?view=entity&id=group:sparks&depth=2'")
    explorer.page.go_back()
    explorer.wait_for_view("/views/entities/group:sparks?embed=1")
    assert explorer.address() == "/?view=entity&id=group:sparks"


def expand_in_frame(visit: Explorer, node_id: str) -> None:
    click_node_in_frame(visit, node_id)
    visit.page.frame_locator("#view").locator("#selected button.expand").click()
    visit.page.wait_for_function("(id) => location.search.endsWith('&expand=' + id)", arg=node_id)


def frame_nodes(visit: Explorer) -> set[str]:
    return set(
        visit.page.evaluate(
            "() => document.getElementById('view').contentWindow.piracyGraph.network.body.data.nodes.getIds()"
        )
    )


def test_a_node_expanded_in_the_frame_is_kept_in_the_address(explorer: Explorer) -> None:
    expand_in_frame(explorer, "operation:2020-sparks")
    assert explorer.address() == "/?view=entity&id=group:sparks&expand=operation:2020-sparks"


def test_the_address_of_an_expansion_reopens_the_same_drawing(browser: Browser, explorer: Explorer) -> None:
    expand_in_frame(explorer, "operation:2020-sparks")
    built = frame_nodes(explorer)
    again = Explorer(browser, explorer.server, explorer.address())
    again.wait_for_view("/views/entities/group:sparks?expand=operation:2020-sparks&embed=1")
    reopened = frame_nodes(again)
    again.close()
    assert reopened == built


def test_back_after_an_expansion_shows_the_view_before_it(explorer: Explorer) -> None:
    before = frame_nodes(explorer)
    expand_in_frame(explorer, "operation:2020-sparks")
    grown = frame_nodes(explorer)
    explorer.page.go_back()
    explorer.wait_for_view("/views/entities/group:sparks?embed=1")
    assert (len(grown) > len(before), explorer.address(), frame_nodes(explorer)) == (
        True,
        "/?view=entity&id=group:sparks",
        before,
    )


def test_each_view_is_one_history_entry(explorer: Explorer) -> None:
    before = explorer.page.evaluate("() => history.length")
    explorer.page.select_option("#depth", "2")
    explorer.wait_for_view("/views/entities/group:sparks?depth=2&embed=1")
    explorer.page.click("#operations a[href='/views/operations/operation:2020-sparks']")
    explorer.wait_for_view("/views/operations/operation:2020-sparks?embed=1")
    assert explorer.page.evaluate("() => history.length") == before + 2


# ---- operations, named queries, timeline and map -----------------------------------------------


def test_an_operation_opens_in_the_frame_and_the_address(explorer: Explorer) -> None:
    explorer.page.click("#operations a[href='/views/operations/operation:2020-sparks']")
    explorer.wait_for_view("/views/operations/operation:2020-sparks?embed=1")
    assert explorer.address() == "/?view=operation&id=operation:2020-sparks"


def test_a_named_query_runs_with_its_parameters(explorer: Explorer) -> None:
    form = "form.query-form[data-name=agency_partners]"
    explorer.page.click(f"li.query:has({form}) summary")
    explorer.page.fill(f"{form} input[name=agency]", "agency:guardia-di-finanza")
    explorer.page.click(f"{form} button[type=submit]")
    explorer.wait_for_view("/views/queries/agency_partners?agency=agency:guardia-di-finanza&embed=1")
    assert explorer.address() == "/?view=query&name=agency_partners&q.agency=agency:guardia-di-finanza"


def test_a_named_query_address_fills_its_form(browser: Browser, server: str) -> None:
    visit = Explorer(browser, server, "/?view=query&name=agency_partners&q.agency=agency:europol&q.limit=5")
    visit.wait_for_view("/views/queries/agency_partners?agency=agency:europol&limit=5&embed=1")
    form = "form.query-form[data-name=agency_partners]"
    values = [visit.page.input_value(f"{form} input[name={name}]") for name in ("agency", "limit")]
    visit.close()
    assert values == ["agency:europol", "5"]


@pytest.mark.parametrize(("link", "view"), [("#timeline-link", "timeline"), ("#map-link", "map")])
def test_timeline_and_map_open_in_the_frame_and_the_address(explorer: Explorer, link: str, view: str) -> None:
    explorer.page.click(link)
    explorer.page.wait_for_function(
        "(src) => document.getElementById('view').getAttribute('src') === src", arg=f"/views/{view}?embed=1"
    )
    assert explorer.address() == f"/?view={view}"


@pytest.mark.parametrize("view", ["timeline", "map"])
def test_timeline_and_map_addresses_open_their_views(browser: Browser, server: str, view: str) -> None:
    visit = Explorer(browser, server, f"/?view={view}&since=2020")
    visit.page.wait_for_function(
        "(src) => document.getElementById('view').getAttribute('src') === src",
        arg=f"/views/{view}?since=2020&embed=1",
    )
    address = visit.address()
    visit.close()
    assert address == f"/?view={view}&since=2020"


# ---- phones ------------------------------------------------------------------------------------


@pytest.fixture()
def phone(browser: Browser, server: str) -> Iterator[Explorer]:
    visit = Explorer(
        browser, server, "/?view=paths&from=group:sparks&to=group:geckos&k=3", width=390, height=844
    )
    visit.wait_for_view("/views/paths?from=group:sparks&to=group:geckos&k=3&embed=1")
    yield visit
    visit.close()


def test_on_a_phone_the_frame_takes_the_whole_width(phone: Explorer) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.page.screenshot(path=str(SCREENSHOTS / "explorer-phone.png"))
    box = phone.page.locator("#view").bounding_box()
    assert box is not None and box["width"] >= 370


def test_on_a_phone_the_panel_is_closed_at_first(phone: Explorer) -> None:
    assert phone.page.is_visible("#panel") is False


def test_on_a_phone_the_panel_opens_from_its_button(phone: Explorer) -> None:
    phone.page.click("#panel-toggle")
    phone.page.wait_for_timeout(300)
    phone.page.screenshot(path=str(SCREENSHOTS / "explorer-phone-panel.png"))
    box = phone.page.locator("#panel").bounding_box()
    assert phone.page.is_visible("#panel") and box is not None and box["x"] == 0


def test_on_a_phone_opening_a_view_closes_the_panel(phone: Explorer) -> None:
    phone.page.click("#panel-toggle")
    phone.page.click("#operations a[href='/views/operations/operation:2020-sparks']")
    phone.wait_for_view("/views/operations/operation:2020-sparks?embed=1")
    phone.page.wait_for_timeout(300)
    assert phone.page.is_visible("#panel") is False


# ---- offline -----------------------------------------------------------------------------------


def test_a_whole_tour_requests_nothing_beyond_loopback(browser: Browser, server: str) -> None:
    visit = Explorer(browser, server)
    visit.wait_for_view("/views/entities/group:sparks?embed=1")
    visit.type_slowly("#q", "Geckos")
    visit.page.keyboard.press("Enter")
    visit.wait_for_view("/views/entities/group:geckos?embed=1")
    visit.find_paths("Sparks", "Geckos")
    visit.wait_for_view("/views/paths?from=group:sparks&to=group:geckos&k=3&embed=1")
    visit.page.click("#paths-list li.path >> nth=1 >> .path-show")
    visit.page.fill("#shared-0", "Geckos")
    visit.page.fill("#shared-1", "Drones")
    visit.page.click("#find-shared")
    visit.wait_for_view("/views/shared?id=group:geckos&id=group:drones&embed=1")
    visit.page.click("#timeline-link")
    visit.page.wait_for_timeout(1500)
    visit.page.click("#map-link")
    visit.page.wait_for_timeout(1500)
    visit.page.go_back()
    visit.page.go_back()
    visit.wait_for_view("/views/shared?id=group:geckos&id=group:drones&embed=1")
    requests = visit.requests
    visit.close()
    assert [url for url in requests if not url.startswith(server)] == []
