"""The view page: named-query tables beside their graph, readable labels and tooltips, a
stable layout, cut views that say why, embedded links, expansion in place, phones.

A real server on the bundled dossiers (and the hostile one), its JSON answers read with
httpx, and the pages in a real headless Chromium; screenshots in build/screenshots/view-*.png.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser

from graph.model.schema import get_schema
from tests.browser import ROOT, PageVisit, get_json, serving

HOSTILE_IMG = "<img src=x onerror=alert(1)>"
DATA_BLOCK = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)
SOURCE_LINE = re.compile(r", (\d{4}(-\d{2}(-\d{2})?)?|date unknown)$")
# Every cell of the table as the test reads it: the ids it links to, or its text.
READ_TABLE = """() => Array.from(document.querySelectorAll('#table-wrap tbody tr')).map(tr =>
    Array.from(tr.children).map(td => { const links = td.querySelectorAll('a.entity-link');
      return links.length ? Array.from(links).map(a => a.title) : td.textContent; }))"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(
        tmp_path_factory.mktemp("view-page"),
        ROOT / "data" / "operations",
        past_validation=ROOT / "tests" / "data" / "hostile.yaml",
    ) as base:
        yield base


class Visit(PageVisit):
    """A view page once drawn."""

    ready = "window.piracyGraph && window.piracyGraph.ready"

    def shot(self, name: str) -> None:
        self.screenshot(f"view-{name}")

    def next_frames(self) -> None:
        """Two animation frames: the drawing the page asked for last has happened."""
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def drawn_ids(self) -> set[str]:
        return set(self.page.evaluate("() => window.piracyGraph.network.body.data.nodes.getIds()"))

    def point(self, node_id: str) -> dict[str, float]:
        found: dict[str, float] = self.page.evaluate(
            """(id) => { const n = window.piracyGraph.network;
                         const d = n.canvasToDOM(n.getPositions([id])[id]);
                         const r = document.getElementById('network').getBoundingClientRect();
                         return {x: d.x + r.left, y: d.y + r.top}; }""",
            node_id,
        )
        return found

    def click_node(self, node_id: str) -> None:
        where = self.point(node_id)
        self.page.mouse.click(where["x"], where["y"])


def page_data(html: str) -> dict[str, Any]:
    found = DATA_BLOCK.search(html)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def as_cells(rows: list[list[Any]], prefixes: set[str]) -> list[list[Any]]:
    """A query's JSON rows as the table shows them: ids as the entities they link to,
    values as their text (numbers as JavaScript writes them)."""

    def is_id(value: Any) -> bool:
        return isinstance(value, str) and value.partition(":")[0] in prefixes and ":" in value

    def cell(value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, list) and any(is_id(v) for v in value):
            return [v for v in value if is_id(v)]
        if isinstance(value, list):
            return ", ".join(cell(v) for v in value)
        if is_id(value):
            return [value]
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    return [[cell(v) for v in row] for row in rows]


PREFIXES = set(get_schema().label_by_prefix)


# --- named queries: the table beside the graph --------------------------------------


@pytest.fixture(scope="module")
def claims_view(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/queries/conflicting_claims")
    visit.shot("claims")
    yield visit
    visit.close()


def test_conflicting_claims_show_every_row_with_its_values(claims_view: Visit, server: str) -> None:
    answer = get_json(f"{server}/queries/conflicting_claims")
    assert claims_view.page.evaluate(READ_TABLE) == as_cells(answer["rows"], PREFIXES)


def test_conflicting_claims_show_every_column(claims_view: Visit, server: str) -> None:
    answer = get_json(f"{server}/queries/conflicting_claims")
    assert claims_view.page.locator("#table-wrap thead th").all_inner_texts() == answer["columns"]


def test_an_id_in_the_table_links_to_its_entity_view(claims_view: Visit) -> None:
    first = claims_view.page.locator("#table-wrap tbody tr:first-child td:first-child a")
    assert first.get_attribute("href") == "/views/entities/" + str(first.get_attribute("title"))


def test_a_source_in_the_table_reads_as_its_publisher_and_date(claims_view: Visit) -> None:
    texts = claims_view.page.evaluate(
        "() => Array.from(document.querySelectorAll('#table-wrap a.entity-link'))"
        ".filter(a => a.title.startsWith('source:')).map(a => a.textContent)"
    )
    assert [t for t in texts if not SOURCE_LINE.search(t)] == []


def test_clicking_a_row_selects_its_entities_in_the_graph(claims_view: Visit) -> None:
    page = claims_view.page
    row = page.locator("#table-wrap tbody tr").first
    row.locator("td").nth(1).click()
    linked = set(row.locator("a.entity-link").evaluate_all("links => links.map(a => a.title)"))
    selected = set(page.evaluate("() => window.piracyGraph.network.getSelectedNodes()"))
    assert selected == linked & claims_view.drawn_ids()


@pytest.fixture(scope="module")
def countries_view(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/queries/countries_by_operations")
    visit.shot("countries")
    yield visit
    visit.close()


def test_countries_by_operations_show_countries_and_counts(countries_view: Visit, server: str) -> None:
    answer = get_json(f"{server}/queries/countries_by_operations")
    assert countries_view.page.evaluate(READ_TABLE) == as_cells(answer["rows"], PREFIXES)


def test_sorting_a_column_orders_the_rows(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/queries/countries_by_operations")
    visit.page.click("#table-wrap thead th:nth-child(3) button")
    visit.shot("countries-sorted")
    ascending = visit.page.evaluate(READ_TABLE)
    visit.close()
    # Ties keep the query's own order (operations descending, then country).
    expected = sorted(get_json(f"{server}/queries/countries_by_operations")["rows"], key=lambda row: row[2])
    assert [row[0] for row in ascending] == [row[0] for row in expected]


def test_sorting_again_reverses_the_order(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/queries/countries_by_operations")
    header = visit.page.locator("#table-wrap thead th:nth-child(2)")
    header.locator("button").click()
    header.locator("button").click()
    state = header.get_attribute("aria-sort")
    names = [row[1] for row in visit.page.evaluate(READ_TABLE)]
    visit.close()
    rows = get_json(f"{server}/queries/countries_by_operations")["rows"]
    assert (state, names) == ("descending", sorted((row[1] for row in rows), reverse=True))


def test_an_empty_result_says_no_rows_and_draws_no_canvas(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/queries/claims_by_metric?text=zzzznothing")
    visit.shot("empty")
    shown = (visit.page.inner_text("#no-rows"), visit.page.locator("canvas").count())
    visit.close()
    assert shown == ("No rows", 0)


def test_hostile_names_in_the_table_show_as_text(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/queries/groups_targeted_together")
    texts = visit.page.locator("#table-wrap td").all_inner_texts()
    found = (
        HOSTILE_IMG in texts,
        visit.dialogs,
        visit.page.evaluate("() => document.querySelectorAll('img, iframe, [onerror], [onload]').length"),
    )
    visit.close()
    assert found == (True, [], 0)


@pytest.mark.parametrize("query", ["countries_by_operations?limit=5", "people_by_operation"])
def test_the_view_carries_the_rows_of_its_json_twin(server: str, query: str) -> None:
    html = httpx.get(f"{server}/views/queries/{query}", timeout=30).text
    answer = get_json(f"{server}/queries/{query}")
    assert page_data(html)["table"]["rows"] == answer["rows"]


def test_a_named_persons_name_stays_hidden_in_the_table(server: str) -> None:
    # George Bridi was publicly charged; a reader without the right sees his role.
    html = httpx.get(f"{server}/views/queries/people_by_operation", timeout=30).text
    assert ("Bridi" in html, "[member; arranged pickup" in html) == (False, True)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/views/queries/no_such_query", 404),
        ("/views/queries/countries_by_operations?limit=lots", 422),
        ("/views/queries/countries_by_operations?colour=red", 422),
    ],
)
def test_a_bad_named_query_view_is_a_json_4xx(server: str, path: str, status: int) -> None:
    response = httpx.get(server + path, timeout=30)
    assert (response.status_code, sorted(response.json())) == (status, ["error"])


# --- readable at size -------------------------------------------------------------------

LARGE = "/views/entities/group:sparks?depth=3&limit=5000"


@pytest.fixture(scope="module")
def large_view(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, server + LARGE)
    visit.next_frames()
    visit.shot("large-labels")
    yield visit
    visit.close()


def top_by_degree(answer: dict[str, Any], count: int) -> list[str]:
    ids = {n["id"] for n in answer["nodes"]}
    degree = dict.fromkeys(ids, 0)
    for edge in {e["id"]: e for e in answer["edges"]}.values():
        if edge["source"] in ids and edge["target"] in ids:
            degree[edge["source"]] += 1
            degree[edge["target"]] += 1
    return sorted(ids, key=lambda i: (-degree[i], i))[:count]


def test_a_large_view_has_over_150_nodes(large_view: Visit) -> None:
    assert len(large_view.drawn_ids()) > 150


def test_its_top_nodes_are_the_centre_and_the_most_connected(large_view: Visit, server: str) -> None:
    answer = get_json(f"{server}/entities/group:sparks/neighbours?depth=3&limit=1000")
    expected = ["group:sparks"] + [i for i in top_by_degree(answer, 10) if i != "group:sparks"]
    assert large_view.page.evaluate("() => window.piracyGraph.topLabelled") == expected


def test_its_top_nodes_are_labelled_before_any_zoom(large_view: Visit) -> None:
    top = large_view.page.evaluate("() => window.piracyGraph.topLabelled")
    labelled = set(large_view.page.evaluate("() => window.piracyGraph.labelled()"))
    assert [i for i in top if i not in labelled] == []


def test_other_labels_appear_as_one_zooms_in(browser: Browser, server: str) -> None:
    visit = Visit(browser, server + LARGE)
    top = visit.page.evaluate("() => window.piracyGraph.topLabelled")
    other = sorted(visit.drawn_ids() - set(top))[0]
    visit.next_frames()
    before = other in visit.page.evaluate("() => window.piracyGraph.labelled()")
    visit.page.evaluate(
        "(id) => { const n = window.piracyGraph.network;"
        " n.moveTo({position: n.getPositions([id])[id], scale: 1.5}); n.redraw(); }",
        other,
    )
    visit.next_frames()
    visit.shot("large-zoomed")
    after = other in visit.page.evaluate("() => window.piracyGraph.labelled()")
    visit.close()
    assert (before, after) == (False, True)


def positions_of(browser: Browser, url: str) -> dict[str, list[float]]:
    visit = Visit(browser, url)
    found: dict[str, list[float]] = visit.page.evaluate(
        "() => { const p = window.piracyGraph.network.getPositions(); const out = {};"
        " Object.keys(p).forEach(k => { out[k] = [Math.round(p[k].x), Math.round(p[k].y)]; }); return out; }"
    )
    visit.close()
    return found


@pytest.mark.parametrize("path", [LARGE, "/views/entities/group:sparks"])
def test_the_same_view_draws_the_same_way_twice(browser: Browser, server: str, path: str) -> None:
    assert positions_of(browser, server + path) == positions_of(browser, server + path)


def test_person_labels_are_a_few_words_of_their_role(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/graph?limit=400")
    labels = visit.page.evaluate(
        "() => { const names = {}; JSON.parse(document.getElementById('graph-data').textContent).nodes"
        ".forEach(n => { names[n.id] = n.name; });"
        " return window.piracyGraph.network.body.data.nodes.get().filter(n => n.kind === 'Person')"
        ".map(n => [n.label, names[n.id]]); }"
    )
    visit.close()
    too_long = [
        (label, full) for label, full in labels if len(label) > 33 or not full.startswith(label.rstrip("…"))
    ]
    assert (len(labels) > 20, too_long) == (True, [])


def test_a_persons_label_stops_at_the_first_clause(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/operation:2018-bamtoki")
    label = visit.page.evaluate(
        "() => window.piracyGraph.network.body.data.nodes.get('person:2018-bamtoki-operator').label"
    )
    visit.close()
    assert label == "Operator of Bamtoki"


def test_tooltips_are_sans_serif_and_stay_in_the_window(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/operation:2020-sparks", width=900, height=600)
    ids = visit.page.evaluate("() => window.piracyGraph.network.body.data.nodes.getIds()")
    rightmost = max(ids, key=lambda i: visit.point(i)["x"])
    where = visit.point(rightmost)
    visit.page.mouse.move(where["x"] - 2, where["y"])
    visit.page.mouse.move(where["x"], where["y"])
    visit.page.wait_for_selector("div.vis-tooltip", state="visible")
    visit.shot("tooltip")
    font, box = visit.page.evaluate(
        "() => { const t = document.querySelector('div.vis-tooltip'); const r = t.getBoundingClientRect();"
        " return [getComputedStyle(t).fontFamily, [r.left, r.top, r.right, r.bottom]]; }"
    )
    visit.close()
    left, top, right, bottom = box
    assert (font.endswith("sans-serif"), left >= 0, top >= 0, right <= 900, bottom <= 600) == (
        True,
        True,
        True,
        True,
        True,
    )


def test_every_label_has_its_own_shape(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/operation:2020-sparks")
    glyphs = visit.page.evaluate(
        "() => { const out = {}; window.piracyGraph.network.body.data.nodes.get().forEach(n => {"
        " (out[n.kind] = out[n.kind] || []).push(n.glyph); });"
        " Object.keys(out).forEach(k => { out[k] = Array.from(new Set(out[k])); }); return out; }"
    )
    visit.close()
    styles = get_schema().labels
    assert glyphs == {label: [styles[label].style["shape"]] for label in glyphs}


def test_group_and_person_have_different_shapes(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:sparks")
    shapes = visit.page.evaluate(
        "() => ['group:sparks', 'person:87f52925bc75']"
        ".map(id => window.piracyGraph.network.body.nodes[id].options.shape)"
    )
    visit.close()
    assert shapes == ["dot", "triangleDown"]


def test_schema_styles_give_no_two_labels_one_shape() -> None:
    shapes = [spec.style["shape"] for spec in get_schema().labels.values()]
    assert sorted(shapes) == sorted(set(shapes))


# --- sources ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sparks_operation(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/entities/operation:2020-sparks")
    visit.click_node("operation:2020-sparks")
    visit.shot("sources")
    yield visit
    visit.close()


def test_every_source_shows_a_date_or_date_unknown(sparks_operation: Visit) -> None:
    lines = sparks_operation.page.locator("#selected ul.sources > li").all_inner_texts()
    assert (len(lines) > 1, [line for line in lines if not SOURCE_LINE.search(line)]) == (True, [])


def test_a_source_with_a_document_shows_its_publisher_not_its_path(sparks_operation: Visit) -> None:
    lines = sparks_operation.page.locator("#selected ul.sources > li").all_inner_texts()
    assert [line for line in lines if line.startswith("French news site")] == [
        'French news site, "Sur le web" section (article signed Olivier), citing Europol, date unknown'
    ]


def test_no_internal_path_and_no_undated_reach_the_page(sparks_operation: Visit) -> None:
    html = sparks_operation.page.content()
    assert ("seeds/" in html, "undated" in html) == (False, False)


# --- cut views, embedded links ---------------------------------------------------------------


def test_an_embedded_cut_view_says_what_it_leaves_out(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/operation:2020-sparks?limit=20&embed=1")
    visit.shot("embed-cut")
    answer = get_json(f"{server}/entities/operation:2020-sparks/neighbours?limit=20")
    shown = (visit.page.is_visible("#cut-note"), visit.page.inner_text("#notes"))
    visit.close()
    assert shown == (
        True,
        f"{answer['not_shown']} more neighbours not shown: limit=20 keeps the 20 nearest nodes (fewest steps "
        "first, then by id); raise the limit (up to 5000) or keep fewer labels or types.",
    )


def test_a_view_smaller_than_its_limit_says_why(server: str) -> None:
    html = httpx.get(server + LARGE, timeout=30).text
    answer = get_json(f"{server}/entities/group:sparks/neighbours?depth=3&limit=1000")
    shown = len(answer["nodes"])
    assert (
        f'limit=5000 shows {shown} nodes</span><span class="why"> because that is every node within 3 steps'
        in html
    )


def test_a_link_in_an_embedded_view_keeps_it_embedded(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:sparks?embed=1")
    visit.click_node("group:geckos")
    visit.page.click("#selected a.entity-view")
    visit.page.wait_for_function("() => window.piracyGraph && window.piracyGraph.ready", timeout=30_000)
    shown = (visit.page.url, visit.page.is_visible("header"))
    visit.close()
    assert shown == (f"{server}/views/entities/group:geckos?embed=1", False)


def test_table_links_in_an_embedded_query_view_keep_it_embedded(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/queries/countries_by_operations?embed=1")
    hrefs = visit.page.locator("#table-wrap a.entity-link").evaluate_all("links => links.map(a => a.href)")
    visit.close()
    assert [h for h in hrefs if not h.endswith("?embed=1")] == []


# --- expand in place, filters ---------------------------------------------------------------


def test_expand_adds_the_neighbours_to_the_drawing(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/paths?from=group:sparks&to=group:geckos")
    before = visit.drawn_ids()
    visit.shot("expand-before")
    visit.page.evaluate("() => { window.notReloaded = true; }")  # a reload would forget it
    visit.click_node("operation:2020-sparks")
    visit.page.click("#selected button.expand")
    visit.page.wait_for_function(
        "() => /new node/.test(document.getElementById('expand-status').textContent)"
    )
    visit.shot("expand-after")
    after = visit.drawn_ids()
    kept = visit.page.evaluate("() => window.notReloaded === true")
    visit.close()
    answer = get_json(f"{server}/entities/operation:2020-sparks/neighbours?depth=1&limit=100")
    assert (len(before), len(after), after, kept) == (
        4,
        len(before | {n["id"] for n in answer["nodes"]}),
        before | {n["id"] for n in answer["nodes"]},
        True,
    )


def test_expand_follows_a_neighbourhood_view_s_own_filters(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:sparks?labels=Operation&labels=Country")
    before = visit.drawn_ids()
    visit.click_node("operation:2020-sparks")
    visit.page.click("#selected button.expand")
    visit.page.wait_for_function(
        "() => /new node/.test(document.getElementById('expand-status').textContent)"
    )
    added = visit.drawn_ids() - before
    visit.close()
    kept = "&labels=Operation&labels=Country"
    url = f"{server}/entities/operation:2020-sparks/neighbours?depth=1&limit=100{kept}"
    assert added == {n["id"] for n in get_json(url)["nodes"]} - before


def expanded_sparks(browser: Browser, server: str) -> tuple[str, set[str]]:
    """The Sparks-Geckos paths view with the Sparks operation expanded by a click: the
    page's address then, and the nodes drawn."""
    visit = Visit(browser, f"{server}/views/paths?from=group:sparks&to=group:geckos")
    visit.click_node("operation:2020-sparks")
    visit.page.click("#selected button.expand")
    visit.page.wait_for_function(
        "() => /new node/.test(document.getElementById('expand-status').textContent)"
    )
    address, drawn = visit.page.url, visit.drawn_ids()
    visit.close()
    return address, drawn


def test_an_expansion_is_kept_in_the_page_address(browser: Browser, server: str) -> None:
    address, _ = expanded_sparks(browser, server)
    assert address == f"{server}/views/paths?from=group:sparks&to=group:geckos&expand=operation:2020-sparks"


def test_the_address_of_an_expanded_view_draws_the_same_nodes(browser: Browser, server: str) -> None:
    address, drawn = expanded_sparks(browser, server)
    again = Visit(browser, address)
    reopened = again.drawn_ids()
    again.shot("expand-reopened")
    again.close()
    assert reopened == drawn


def test_a_view_that_is_no_neighbourhood_shows_no_filter_controls(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/paths?from=group:sparks&to=group:geckos")
    shown = visit.page.evaluate(
        """() => Array.from(document.querySelectorAll('#filters label, #filters fieldset, #filters select'))
                 .filter(e => e.offsetParent !== null).length"""
    )
    heading = visit.page.text_content("#filters-heading")
    visit.close()
    assert (shown, heading) == (0, "Expand")


def test_the_address_of_an_expanded_view_says_what_was_expanded(browser: Browser, server: str) -> None:
    address, drawn = expanded_sparks(browser, server)
    visit = Visit(browser, address)
    note = visit.page.text_content("#expand-note")
    visit.close()
    assert note == f"Expanded in place: Takedown of the Sparks Group (+{len(drawn) - 4})"


def test_the_depth_control_redraws_a_neighbourhood(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/entities/group:geckos?embed=1")
    visit.page.select_option("#f-depth", "2")
    visit.page.click("#apply-filters")
    visit.page.wait_for_url("**depth=2**")
    visit.page.wait_for_function("() => window.piracyGraph && window.piracyGraph.ready", timeout=30_000)
    drawn = visit.drawn_ids()
    url = visit.page.url
    visit.close()
    answer = get_json(f"{server}/entities/group:geckos/neighbours?depth=2&limit=150")
    assert (url, drawn) == (
        f"{server}/views/entities/group:geckos?depth=2&embed=1",
        {n["id"] for n in answer["nodes"]},
    )


# --- phones ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def phone(browser: Browser, server: str) -> Iterator[Visit]:
    visit = Visit(browser, f"{server}/views/entities/group:sparks", width=390, height=844)
    visit.shot("phone")
    yield visit
    visit.close()


def test_on_a_phone_the_graph_gets_the_width(phone: Visit) -> None:
    width = phone.page.evaluate("() => document.getElementById('network').getBoundingClientRect().width")
    assert width >= 370


def test_on_a_phone_the_side_panel_waits_behind_a_button(phone: Visit) -> None:
    hidden = phone.page.is_visible("aside")
    phone.page.click("#panel-toggle")
    phone.shot("phone-panel")
    shown = phone.page.is_visible("aside")
    phone.page.click("#panel-toggle")
    assert (hidden, shown) == (False, True)


def test_on_a_phone_a_query_view_draws_its_graph_above_its_table(browser: Browser, server: str) -> None:
    visit = Visit(browser, f"{server}/views/queries/countries_by_operations", width=390, height=844)
    visit.shot("phone-table")
    boxes = visit.page.evaluate(
        "() => ['network', 'table-panel'].map(id => document.getElementById(id).getBoundingClientRect())"
        ".map(r => [Math.round(r.width), Math.round(r.top)])"
    )
    visit.close()
    (graph_width, graph_top), (table_width, table_top) = boxes
    assert (graph_width >= 370, table_width >= 370, table_top > graph_top) == (True, True, True)
