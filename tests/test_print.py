"""Print ("Save as PDF"): every view keeps its drawing and its facts, drops its controls, and
the generic view adds its sources as a numbered list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import ROOT, SCREENSHOTS, get_json, serving

VIEWS = {
    "neighbourhood": "/views/entities/group:sparks",
    "operation": "/views/operations/operation:2020-perfect-storm",
    "map": "/views/map?operation=operation:2020-sparks",
    "query": "/views/queries/conflicting_claims",
    "timeline": "/views/timeline?operation=operation:2020-sparks",
}
VISIBLE_CONTROLS = """() => [...document.querySelectorAll('button, input, select')]
    .filter(el => getComputedStyle(el).display !== 'none' && el.offsetParent !== null).length"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("print"), ROOT / "data" / "operations") as base:
        yield base


def printed(browser: Browser, url: str, name: str) -> Page:
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"print-{name}.png"), full_page=True)
    return page


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_print_hides_every_control(browser: Browser, server: str, name: str) -> None:
    page = printed(browser, server + VIEWS[name], name)
    visible = page.evaluate(VISIBLE_CONTROLS)
    page.close()
    assert visible == 0


def test_print_lists_the_views_sources_numbered(browser: Browser, server: str) -> None:
    page = printed(browser, server + VIEWS["neighbourhood"], "neighbourhood")
    items = page.eval_on_selector_all("#print-sources li", "items => items.map(i => i.innerText)")
    shown = page.evaluate("() => getComputedStyle(document.getElementById('print-sources')).display")
    page.close()
    expected = get_json(server + "/entities/group:sparks/neighbours")["sources"]
    assert (shown, len(items)) == ("block", len(expected))


def test_print_keeps_the_operation_panel(browser: Browser, server: str) -> None:
    page = printed(browser, server + VIEWS["operation"], "operation")
    text = page.inner_text("body")
    page.close()
    assert ("Telegram" in text, "PayPal" in text) == (True, True)


def test_screen_shows_no_print_list(browser: Browser, server: str) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(server + VIEWS["neighbourhood"], wait_until="networkidle")
    shown = page.evaluate("() => getComputedStyle(document.getElementById('print-sources')).display")
    page.close()
    assert shown == "none"
