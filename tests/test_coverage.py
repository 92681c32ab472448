"""Coverage: docs/coverage.md is what `piracy-graph coverage` writes from the bundled
dossiers, /coverage answers the same in JSON, and the explorer shows it in a panel."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from graph.query.coverage import coverage, coverage_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_docs_coverage_is_what_the_command_writes(bundled_store: Any) -> None:
    written = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert written == coverage_markdown(coverage(bundled_store)), (
        "docs/coverage.md is stale: run `piracy-graph coverage --output docs/coverage.md` on a new graph"
    )


def test_operations_per_year(bundled_store: Any) -> None:
    assert coverage(bundled_store)["by_year"] == {
        "2016": 2,
        "2017": 6,
        "2018": 3,
        "2019": 7,
        "2020": 10,
        "2021": 7,
        "2022": 3,
        "2023": 4,
        "2024": 3,
        "2025": 3,
        "2026": 1,
    }


def test_operations_led_from_italy(bundled_store: Any) -> None:
    led = {op["id"] for op in coverage(bundled_store)["per_operation"] if "IT" in op["lead_countries"]}
    assert led == {
        "operation:2017-odissea-3",
        "operation:2020-gdf-roma-iptv-serie-a",
        "operation:2020-gdf-venezia-teramo-iptv",
        "operation:2020-perfect-storm",
        "operation:2021-euro-strike-2020",
        "operation:2025-italy-gdf-lecce-pezzotto-users",
    }


def test_sparks_sources_and_how_many_are_official(bundled_store: Any) -> None:
    per_operation = coverage(bundled_store)["per_operation"]
    sparks = next(op for op in per_operation if op["id"] == "operation:2020-sparks")
    assert (sparks["sources"], sparks["official_sources"], sparks["press_only"]) == (18, 3, False)


def test_press_only_operations_have_no_official_or_industry_source(bundled_store: Any) -> None:
    report = coverage(bundled_store)
    flagged = {
        op["id"] for op in report["per_operation"] if op["official_sources"] + op["industry_sources"] == 0
    }
    assert set(report["press_only"]) == flagged


def test_the_api_answers_the_same_coverage(client: TestClient, bundled_store: Any) -> None:
    response = client.get("/coverage")
    assert response.json() == json.loads(json.dumps(coverage(bundled_store)))


def test_the_explorer_shows_the_coverage_panel(client: TestClient, bundled_store: Any) -> None:
    page = client.get("/").text
    report = coverage(bundled_store)
    panel = page[page.index('<div id="coverage">') : page.index("<h2>Operations</h2>")]
    assert (
        f"{report['operations']} operations · {report['sources']} sources, "
        f"{report['official_sources']} official" in panel
    )


def test_the_command_prints_json_for_a_new_graph(tmp_path: Path) -> None:
    # A new data directory gets the bundled dossiers first, as `serve` does.
    result = subprocess.run(
        [sys.executable, "-m", "cli.main", "coverage", "--json", "--data-dir", str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["operations"] == 49
