"""The investigator's pages at 1,000 entities: time to interactive in headless Chromium.

Run: python -m bench.pages [--entities 1000] [--runs 3]
Writes one synthetic operation of about `--entities` entities (servers, domains, people,
platforms, agencies, claims and events, each citing one of a hundred sources), loads it
into a fresh data directory, serves it, and times each page from navigation to the
moment it says it is ready (`<body data-ready="true">`): the operation page, the
timeline, the map, the operation's neighbourhood and the explorer. Target (issue 20):
every view interactive within 2 s at 1,000 nodes, p50. Writes bench/results/pages.json.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import sync_playwright

from bench.common import percentiles, table, write_results
from tests.browser import CHROMIUM_ARGS, chromium_path, start_server

OPERATION = "operation:2099-bench-pages"
COUNTRIES = ["FR", "DE", "NL", "IT", "ES", "GB", "US", "CA", "BR", "AR", "PL", "RO", "BG", "CY", "SE", "CH"]
KINDS = ["investigation_start", "search", "seizure", "arrest", "charge", "conviction", "sentence"]


def big_operation(entities: int, seed: int = 11) -> dict[str, Any]:
    """One dossier whose operation reaches about `entities` entities in one step."""
    rng = random.Random(seed)
    sources = {
        f"s{i}": {
            "url": f"https://example.org/bench/{i}",
            "publisher": f"Publisher {i % 17}",
            "date": f"20{18 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "official": "press" if i % 4 else "yes",
        }
        for i in range(100)
    }

    def cite() -> list[str]:
        return [f"s{rng.randrange(100)}"]

    share = entities // 10
    ents: dict[str, Any] = {
        "net": {
            "label": "Group",
            "name": "Bench pages network",
            "properties": {"kind": "IPTV service"},
            "sources": cite(),
        }
    }
    rels: list[dict[str, Any]] = [{"from": "operation", "type": "TARGETED", "to": "net", "sources": cite()}]
    for i in range(3 * share):
        ents[f"srv{i}"] = {
            "label": "Server",
            "name": f"Bench server {i}",
            "country": rng.choice(COUNTRIES),
            "properties": {"count": 1},
            "sources": cite(),
        }
        rels.append({"from": "operation", "type": "TOOK_DOWN", "to": f"srv{i}", "sources": cite()})
        rels.append({"from": "net", "type": "OPERATED", "to": f"srv{i}", "sources": cite()})
    for i in range(2 * share):
        ents[f"dom{i}"] = {
            "label": "Domain",
            "name": f"bench-{i}.example",
            "properties": {},
            "sources": cite(),
        }
        rels.append({"from": "operation", "type": "SEIZED", "to": f"dom{i}", "sources": cite()})
    for i in range(2 * share):
        ents[f"p{i}"] = {
            "label": "Person",
            "description": f"Reseller {i} of the bench network",
            "arrested_in": rng.choice(COUNTRIES),
            "properties": {"role": "reseller"},
            "sources": cite(),
        }
        rels.append({"from": "operation", "type": "ARRESTED", "to": f"p{i}", "sources": cite()})
    for i in range(share // 2):
        ents[f"ag{i}"] = {
            "label": "Agency",
            "name": f"Bench police unit {i}",
            "country": rng.choice(COUNTRIES),
            "properties": {"kind": "police"},
            "sources": cite(),
        }
        rels.append({"from": f"ag{i}", "type": "PARTICIPATED_IN", "to": "operation", "sources": cite()})
    for i in range(share // 2):
        ents[f"pl{i}"] = {
            "label": "Platform",
            "name": f"Bench platform {i}",
            "properties": {"kind": "payment"},
            "sources": cite(),
        }
        rels.append({"from": "net", "type": "USED", "to": f"pl{i}", "sources": cite()})
    for code in COUNTRIES:
        rels.append({"from": "operation", "type": "ACTED_IN", "to": f"country:{code}", "sources": cite()})
    claims = [
        {"metric": f"measure {i % 40}", "value": rng.randint(1, 10_000), "unit": "items", "sources": cite()}
        for i in range(share)
    ]
    events = [
        {
            "date": f"20{18 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "kind": KINDS[i % len(KINDS)],
            "description": f"Bench step {i}",
            "sources": cite(),
        }
        for i in range(share)
    ]
    return {
        "format": "piracy-graph/dossier@1",
        "id": OPERATION.split(":", 1)[1],
        "operation": {"name": "Bench pages operation", "action_day": "2021-06-01", "sources": cite()},
        "sources": sources,
        "entities": ents,
        "relationships": rels,
        "claims": claims,
        "events": events,
    }


PAGES = {
    "operation page": f"/views/operations/{OPERATION}?limit=5000",
    "timeline": f"/views/timeline?operation={OPERATION}",
    "map": f"/views/map?operation={OPERATION}",
    "neighbourhood": f"/views/entities/{OPERATION}?limit=1000",
    "explorer": f"/?view=operation&id={OPERATION}",
}


DRAWN = """() => {
  const frame = document.querySelector('iframe');
  const doc = frame ? frame.contentDocument : document;
  return Number(doc.body.dataset.nodes || doc.body.dataset.countries || 0);
}"""
# Ready: the page says so; the explorer, when the view in its frame says so.
READY = """() => {
  const frame = document.querySelector('iframe');
  const doc = frame ? frame.contentDocument : document;
  return !!(doc && doc.body && doc.body.dataset.ready === 'true');
}"""


def measure(entities: int, runs: int) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        dossier = Path(folder) / "bench-pages.yaml"
        dossier.write_text(yaml.safe_dump(big_operation(entities), sort_keys=False), encoding="utf-8")
        process, base = start_server(Path(folder) / "data", dossier)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                for name, path in PAGES.items():
                    times = []
                    drawn = 0
                    for _ in range(runs + 1):  # the first visit warms the server's caches
                        page = browser.new_page(viewport={"width": 1400, "height": 900})
                        started = time.perf_counter()
                        page.goto(base + path)
                        page.wait_for_function(READY, timeout=60_000)
                        times.append((time.perf_counter() - started) * 1000)
                        drawn = int(page.evaluate(DRAWN))
                        page.close()
                    stats = percentiles(times[1:])
                    rows.append(
                        {"page": name, "nodes": drawn, "p50_ms": stats["p50"], "max_ms": max(times[1:])}
                    )
                browser.close()
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows = measure(args.entities, args.runs)
    print(table(rows, ["page", "nodes", "p50_ms", "max_ms"]))
    print("wrote", write_results("pages", {"entities": args.entities, "runs": args.runs, "pages": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
