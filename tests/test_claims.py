"""Conflicting claims are found by meaning: the same subject, the same thing measured
however worded, different values; the same number of different things is no conflict."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from graph.model.schema import Schema
from graph.query.catalogue import run_named_query
from graph.query.operations import operation_view
from loaders.load import load_paths
from loaders.measures import measure_of, measure_terms
from tests.dossiers import one_source_dossier


@pytest.mark.parametrize(
    ("unit", "metric", "measure"),
    [
        ("accounts", "PayPal accounts", "account"),
        ("PayPal accounts", "accounts frozen", "account"),
        ("suspects", "suspects identified", "suspect"),
        ("people", "arrests", "person"),
        ("persons", "arrests", "person"),
        ("IT resources", "IT resources shut down", "resource"),
        ("servers", "servers shut down", "server"),
        ("proxies", "proxies", "proxy"),
        ("EUR", "assets seized", "money"),
        ("euros", "assets seized", "money"),
        ("USD", "assets seized", "money"),
        ("EUR per month", "subscription price", "eur per month"),
    ],
)
def test_the_measure_is_the_head_noun_of_the_unit(unit: str, metric: str, measure: str) -> None:
    assert measure_of(unit, metric) == measure


def test_a_phase_keeps_its_number_among_the_terms() -> None:
    assert measure_terms("warrants", "search warrants", "phase 2") == ["2", "phase", "search"]


def dossier(dossier_id: str, claims: str) -> str:
    body = """\
        entities:
          net:
            label: Group
            name: Example Claims Network
            properties: {kind: IPTV service}
            sources: [release]
        relationships:
          - {from: operation, type: TARGETED, to: net, sources: [release]}
        claims:
        """
    return one_source_dossier(dossier_id, body) + textwrap.indent(textwrap.dedent(claims), "  ")


FIRST = """\
- {metric: PayPal accounts, value: 150, unit: accounts, about: net, sources: [release]}
- {metric: suspects, value: 22, unit: suspects, about: net, sources: [release]}
- {metric: domains, value: 80, unit: domains, about: net, sources: [release]}
- {metric: servers, value: 5500, unit: servers, about: net, sources: [release]}
"""
SECOND = """\
- {metric: accounts, value: 197, unit: accounts, about: net, sources: [release]}
- {metric: suspects identified, value: 25, unit: suspects, about: net, sources: [release]}
- {metric: domains, value: 120, unit: domains, about: net, sources: [release]}
- {metric: IT resources, value: 5500, unit: IT resources, about: net, sources: [release]}
"""


@pytest.fixture
def loaded(empty_store: Any, schema: Schema, tmp_path: Path) -> Any:
    (tmp_path / "one.yaml").write_text(dossier("2099-claims-one", FIRST), encoding="utf-8")
    (tmp_path / "two.yaml").write_text(dossier("2099-claims-two", SECOND), encoding="utf-8")
    load_paths(empty_store, schema, [tmp_path], workers=0)
    return empty_store


@pytest.mark.both_engines
def test_claims_worded_differently_are_found_to_disagree(loaded: Any) -> None:
    answer = run_named_query(loaded, "conflicting_claims", {})
    rows = [dict(zip(answer["columns"], row, strict=True)) for row in answer["rows"]]
    assert sorted((r["measure"], *sorted((r["value_a"], r["value_b"]))) for r in rows) == [
        ("account", 150, 197),
        ("domain", 80, 120),
        ("suspect", 22, 25),
    ]


@pytest.mark.both_engines
def test_the_operation_view_shows_the_conflicts_about_its_targets(loaded: Any) -> None:
    view = operation_view(loaded, "operation:2099-claims-one", None)
    assert sorted((c["measure"], *sorted((c["a"]["value"], c["b"]["value"]))) for c in view["conflicts"]) == [
        ("account", 150, 197),
        ("domain", 80, 120),
        ("suspect", 22, 25),
    ]


@pytest.mark.both_engines
def test_perfect_storm_shows_its_disagreements_and_who_made_each_claim(bundled_store: Any) -> None:
    """5,500 servers per Eurojust against 5,500 IT resources per the Guardia di Finanza: one
    metric, two things counted. A sum in euros and its conversion to dollars are no
    disagreement."""
    view = operation_view(bundled_store, "operation:2020-perfect-storm", None)
    assert [
        (
            c["differ"],
            c["a"]["value"],
            c["a"]["unit"],
            c["a"]["claimed_by"],
            c["b"]["value"],
            c["b"]["unit"],
            c["b"]["claimed_by"],
        )
        for c in view["conflicts"]
    ] == [
        ("what is counted", 5500, "servers", "Eurojust", 5500, "IT resources", "Guardia di Finanza"),
        ("values", 5500, "sites", None, 5000, "sites", None),
        ("values", 15, "suspects", None, 5, "suspects", None),
    ]
