"""A real server on loopback and a real headless Chromium, for the view tests."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser, Page, sync_playwright

from graph.model.schema import get_schema
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from loaders.dossier import Dossier
from loaders.pipeline import write_plans
from loaders.resolve import build_plan

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise RuntimeError("Chromium is not installed: apt-get install chromium (see .ci/run)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_past_validation(data_dir: Path, dossier: Path) -> None:
    """Write a dossier the loader would refuse (hostile names), as if it had got in anyway."""
    raw = yaml.safe_load(dossier.read_text(encoding="utf-8"))
    schema = get_schema()
    store = FalkorDBStore.embedded_at(EmbeddedEngine(data_dir), "piracy", schema)
    try:
        store.ensure_schema()
        write_plans(store, schema, [build_plan(Dossier.model_validate(raw), schema, dossier.name)])
    finally:
        store.close()


def start_server(
    data_dir: Path, *dossiers: Path, keys_file: Path | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Load `dossiers` into a fresh data directory, then serve it; return (process, base URL)."""
    subprocess.run(
        [sys.executable, "-m", "cli.main", "load", *map(str, dossiers), "--data-dir", str(data_dir)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,  # a load that hangs fails the test instead of holding up the run
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--port", str(port), "--data-dir", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PIRACY_GRAPH_API_KEYS_FILE": str(keys_file)} if keys_file else None,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                json.load(response)
                return process, base
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise TimeoutError("the server did not start")


@contextmanager
def serving(
    data_dir: Path, *dossiers: Path, past_validation: Path | None = None, keys_file: Path | None = None
) -> Iterator[str]:
    """A server on `dossiers` (and `past_validation`, written without validation) for the
    length of the block, asking for the keys of `keys_file` if given; yields its base URL."""
    if past_validation is not None:
        write_past_validation(data_dir, past_validation)
    process, base = start_server(data_dir, *dossiers, keys_file=keys_file)
    try:
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def get_json(url: str) -> Any:
    """A server's JSON answer, read the way a program would."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


class PageVisit:
    """A page opened in Chromium, once its script says it is `ready` (a JavaScript
    expression), with the requests it sent, the dialogs it opened and its script errors."""

    ready = "true"

    def __init__(self, browser: Browser, url: str, *, width: int = 1400, height: int = 900, **options: Any):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": width, "height": height}, **options)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url)
        self.page.wait_for_function(f"() => {self.ready}", timeout=30_000)

    def screenshot(self, name: str, *, full_page: bool = False) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)

    def close(self) -> None:
        self.page.close()
