"""Browsers on a server with API keys: a page asks for the key once, a signed cookie then
stands for it for reading only, and the explorer works in a real Chromium. Real engine,
bundled dossiers; the session logic's own checks (forged, expired, removed key) run on
the signer itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from api.session import COOKIE, LIFETIME_S, Sessions, safe_next
from graph.access import KeyRing, Principal, Role
from graph.model.schema import Schema
from graph.store.embedded import EmbeddedEngine
from loaders.resources import bundled_dossiers_dir
from tests.browser import SCREENSHOTS, serving
from tests.clients import keyed_client
from tests.keys import write_keys

READER_KEY = "sign-in-reader-key-0123456789"
WRITER_KEY = "sign-in-writer-key-0123456789"
PAGE = {"Accept": "text/html,application/xhtml+xml"}


def key_file(folder: Path) -> Path:
    return write_keys(
        folder / "keys.yaml",
        {"reader": (READER_KEY, "reader", False), "writer": (WRITER_KEY, "writer", False)},
    )


@pytest.fixture(scope="module")
def keyed(
    tmp_path_factory: pytest.TempPathFactory, engine: EmbeddedEngine, schema: Schema
) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("sign-in")
    with keyed_client(engine, schema, folder, key_file(folder)) as client:
        yield client


def signed_in(client: TestClient, key: str = WRITER_KEY) -> dict[str, str]:
    """The header a signed-in browser sends; the client keeps no cookie of its own."""
    response = client.post("/session", json={"key": key})
    assert response.status_code == 204, response.text
    client.cookies.clear()
    return {"Cookie": f"{COOKIE}={response.cookies[COOKIE]}"}


def test_a_page_without_a_key_goes_to_the_sign_in_page_and_back(keyed: TestClient) -> None:
    response = keyed.get("/views/entities/group:sparks?depth=2", headers=PAGE, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (
        303,
        "/login?next=%2Fviews%2Fentities%2Fgroup%3Asparks%3Fdepth%3D2",
    )


def test_a_program_without_a_key_still_gets_a_json_401(keyed: TestClient) -> None:
    response = keyed.get("/entities/group:sparks", follow_redirects=False)
    assert (response.status_code, response.json()["error"]["code"]) == (401, "unauthenticated")


def test_the_sign_in_page_is_open(keyed: TestClient) -> None:
    page = keyed.get("/login?next=/views/map")
    assert (page.status_code, '"/views/map"' in page.text, 'type="password"' in page.text) == (
        200,
        True,
        True,
    )


def test_a_valid_key_gives_an_http_only_strict_cookie(keyed: TestClient) -> None:
    header = keyed.post("/session", json={"key": READER_KEY}).headers["set-cookie"]
    flags = {part.strip().split("=")[0].lower() for part in header.split(";")}
    assert {"httponly", "samesite", "max-age", "path"} <= flags and "samesite=strict" in header.lower()


def test_the_cookie_reads_a_page(keyed: TestClient) -> None:
    response = keyed.get("/views/entities/group:sparks", headers={**PAGE, **signed_in(keyed, READER_KEY)})
    assert response.status_code == 200


def test_the_cookie_reads_json_as_the_explorer_fetches_it(keyed: TestClient) -> None:
    response = keyed.get("/entities/group:sparks", headers=signed_in(keyed, READER_KEY))
    assert (response.status_code, response.json()["id"]) == (200, "group:sparks")


def test_the_cookie_never_writes_even_for_a_writer_key(keyed: TestClient) -> None:
    response = keyed.post(
        "/dossiers", content=b"format: piracy-graph/dossier@2\n", headers=signed_in(keyed, WRITER_KEY)
    )
    assert response.status_code == 401


def test_a_wrong_key_is_refused_and_sets_no_cookie(keyed: TestClient) -> None:
    response = keyed.post("/session", json={"key": "not-a-key"})
    assert (response.status_code, COOKIE in response.cookies) == (401, False)


def test_an_empty_key_is_a_422(keyed: TestClient) -> None:
    assert keyed.post("/session", json={"key": ""}).status_code == 422


def test_a_forged_cookie_is_refused(keyed: TestClient) -> None:
    forged = signed_in(keyed, READER_KEY)["Cookie"].replace("=reader.", "=writer.", 1)
    response = keyed.get("/entities/group:sparks", headers={"Cookie": forged})
    assert response.status_code == 401


@pytest.mark.parametrize("cookie", ["reader.1e9.abc", "reader.²³.abc", "reader.99999999999.é", "..", "x"])
def test_a_malformed_cookie_is_a_401_never_a_500(keyed: TestClient, cookie: str) -> None:
    response = keyed.get("/entities/group:sparks", headers={"Cookie": f"{COOKIE}={cookie}".encode()})
    assert response.status_code == 401


def test_signing_out_clears_the_cookie(keyed: TestClient) -> None:
    header = keyed.delete("/session").headers["set-cookie"]
    assert header.startswith(f'{COOKIE}=""') and "max-age=0" in header.lower()


# The signer on its own: no engine involved.

RING = KeyRing([])
READER = Principal("reader", Role.reader, see_names=False)


def ring_with(*principals: Principal) -> Any:
    class Ring:
        def principal(self, key_id: str) -> Principal | None:
            return next((p for p in principals if p.key_id == key_id), None)

    return Ring()


def test_a_cookie_stands_for_its_key() -> None:
    sessions = Sessions.new()
    assert sessions.check(sessions.issue(READER, now=1000), ring_with(READER), now=1001) == READER


def test_an_expired_cookie_is_refused() -> None:
    sessions = Sessions.new()
    cookie = sessions.issue(READER, now=1000)
    assert sessions.check(cookie, ring_with(READER), now=1000 + LIFETIME_S + 1) is None


def test_a_cookie_of_a_removed_key_is_refused() -> None:
    sessions = Sessions.new()
    assert sessions.check(sessions.issue(READER, now=1000), ring_with(), now=1001) is None


def test_another_server_s_cookie_is_refused() -> None:
    cookie = Sessions.new().issue(READER, now=1000)
    assert Sessions.new().check(cookie, ring_with(READER), now=1001) is None


@pytest.mark.parametrize(
    ("given", "goes_to"),
    [
        ("/views/map?operation=x", "/views/map?operation=x"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_after_sign_in_only_this_server_s_pages_are_opened(given: str | None, goes_to: str) -> None:
    assert safe_next(given) == goes_to


def test_a_browser_signs_in_and_uses_the_explorer(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("sign-in-browser")
    with serving(folder, bundled_dossiers_dir(), keys_file=key_file(folder)) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{base}/?view=entity&id=group:geckos")
        landed = page.url
        page.fill("#key", READER_KEY)
        page.click("button[type=submit]")
        page.wait_for_function("() => document.body.dataset.frame === 'ready'", timeout=30_000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "explorer-signed-in.png"))
        page.fill("#q", "drones")
        page.wait_for_selector("#results li", timeout=10_000)
        suggested = page.eval_on_selector_all("#results li", "items => items.map(li => li.textContent)")
        address = page.url
        who = page.text_content("#signed-in")
        page.click("#sign-out")
        page.wait_for_url(f"{base}/login")
        page.goto(f"{base}/views/map")
        after_sign_out = page.url
        page.close()
    assert (landed.split("?")[0], address, any("Drones" in s for s in suggested), who, after_sign_out) == (
        f"{base}/login",
        f"{base}/?view=entity&id=group:geckos",
        True,
        "Signed in as reader · Sign out",
        f"{base}/login?next=%2Fviews%2Fmap",
    )
