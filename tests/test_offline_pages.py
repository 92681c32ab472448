"""Every page of the product works with no network: a real Chromium opens each one and no
request leaves the server's host. /docs and /redoc render from the package's own files."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import ROOT, SCREENSHOTS, serving

PAGES = [
    "/",
    "/docs",
    "/redoc",
    "/views/entities/group:sparks?depth=2",
    "/views/paths?from=group:sparks&to=group:geckos",
    "/views/shared?id=group:geckos&id=group:drones",
    "/views/operations/operation:2020-perfect-storm",
    "/views/queries/conflicting_claims",
    "/views/graph",
    "/views/timeline?operation=operation:2020-sparks",
    "/views/map?operation=operation:2020-sparks",
    "/login",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("offline"), ROOT / "data" / "operations") as base:
        yield base


def visit(browser: Browser, url: str) -> tuple[Page, int, list[str]]:
    """The page, its status, and the requests it sent: one that the page's Content-Security-
    Policy blocked (ReDoc's logo from its CDN) never left the browser."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    blocked: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: request.failure == "csp" and blocked.append(request.url))
    response = page.goto(url, wait_until="networkidle")
    sent = [url for url in requests if url not in blocked]
    return page, response.status if response else 0, sent


def off_host(requests: list[str], server: str) -> list[str]:
    # A blob: URL the page made itself (ReDoc's search worker) stays on the host.
    return [url for url in requests if not url.startswith((server, f"blob:{server}"))]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_requests_anything_off_the_host(browser: Browser, server: str, path: str) -> None:
    page, status, requests = visit(browser, server + path)
    page.close()
    assert (status, off_host(requests, server)) == (200, [])


def test_swagger_ui_renders_offline(browser: Browser, server: str) -> None:
    page, _, _ = visit(browser, server + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15_000)
    title = page.inner_text(".swagger-ui .info .title")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "docs-swagger.png"))
    page.close()
    assert title.startswith("piracy-graph")


def test_redoc_renders_offline(browser: Browser, server: str) -> None:
    page, _, _ = visit(browser, server + "/redoc")
    page.wait_for_selector("redoc h1, .api-info h1", timeout=15_000)
    heading = page.inner_text("h1")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "docs-redoc.png"))
    page.close()
    assert heading.startswith("piracy-graph")
