"""Named queries written to stay fast on a large graph answer as their plain forms do.

Several named queries are written so that the engine orders a few nodes first and stops
at the limit (a subquery per operation or platform), or finds weak statements through
the dossier records instead of reading every statement of the graph. Each is compared
here with the plain query that says what it means, on the bundled dossiers, two dossiers
written to conflict, and a small synthetic network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.synth import generate
from graph.model import plan
from graph.model.schema import Schema
from graph.query.catalogue import run_named_query
from loaders import pipeline
from loaders.load import load_bytes, load_paths
from tests.test_statements import CONFLICT_A, files

pytestmark = pytest.mark.both_engines

PLAIN = {
    "platforms_by_operation": """
        MATCH (o:Operation)-[:TARGETED]->(g:Group)-[u:USED]->(p:Platform)
        WHERE $operation = '' OR o.id = $operation
        RETURN o.id AS operation, g.name AS group_name, p.name AS platform, u.purpose AS purpose,
               u.count AS count, u.unit AS unit, u.sources AS sources
        ORDER BY operation, platform, group_name, purpose
        LIMIT $limit""",
    "groups_sharing_platform": """
        MATCH (g:Group)-[u1:USED]->(p:Platform)<-[u2:USED]-(h:Group)
        WHERE g.id < h.id AND ($platform = '' OR p.id = $platform)
        RETURN p.id AS platform, p.name AS platform_name, g.id AS group_a, u1.purpose AS purpose_a,
               h.id AS group_b, u2.purpose AS purpose_b
        ORDER BY platform, group_a, purpose_a, group_b, purpose_b
        LIMIT $limit""",
    "sources_by_publisher": """
        MATCH (s:Source)
        OPTIONAL MATCH (s)-[:REPORTS]->(o:Operation)
        RETURN s.publisher AS publisher, s.id AS source, s.date AS date, s.url AS url,
               collect(DISTINCT o.id) AS operations
        ORDER BY publisher, source
        LIMIT $limit""",
    "single_source_facts": """
        MATCH (a:Entity)-[r]->(b:Entity)
        WHERE NOT type(r) IN ['REPORTS', 'CITES'] AND ($dossier = '' OR $dossier IN r.dossiers)
        UNWIND r.statements AS text
        WITH a, r, b, text, split(text, '|') AS f
        WITH a, r, b, f,
             reduce(v = f[5], x IN f[6..] | v + '|' + x) AS value
        UNWIND split(f[4], ' ') AS source
        WITH a.id AS from, type(r) AS type, b.id AS to, f[0] AS property, value,
             collect(DISTINCT f[1]) AS dossiers, collect(DISTINCT source) AS sources
        WHERE size(sources) = 1 AND ($dossier = '' OR $dossier IN dossiers)
        MATCH (s:Source {id: sources[0]})
        WITH from, type, to, property, value, dossiers, s.publisher AS only_source, s.url AS url,
             CASE WHEN $dossier = ''
                  THEN reduce(m = dossiers[0], x IN dossiers | CASE WHEN x < m THEN x ELSE m END)
                  ELSE '' END AS listed_under
        ORDER BY listed_under, from, type, to, property, value
        RETURN from, type, to, property, value, dossiers, only_source, url
        LIMIT $limit""",
    "countries_by_operations": """
        MATCH (o:Operation)-[:ACTED_IN]->(c:Country)
        RETURN c.code AS country, c.name AS name, count(DISTINCT o) AS operations,
               collect(DISTINCT o.id) AS operation_ids, c.id AS id
        ORDER BY operations DESC, country
        LIMIT $limit""",
    "low_confidence_facts": """
        MATCH (n:Entity)
        UNWIND n.statements AS text
        WITH n, text, split(text, '|') AS f
        WHERE f[2] = 'low'
        WITH n, f, reduce(v = f[5], x IN f[6..] | v + '|' + x) AS value
        RETURN n.id AS from, 'NODE' AS type, n.id AS to, f[0] AS property, value AS value,
               f[1] AS dossier, split(f[4], ' ') AS sources
        ORDER BY from, property, dossier, value
        LIMIT $limit
        UNION ALL
        MATCH (a:Entity)-[r]->(b:Entity)
        UNWIND r.statements AS text
        WITH a, r, b, text, split(text, '|') AS f
        WHERE f[2] = 'low'
        WITH a, r, b, f,
             reduce(v = f[5], x IN f[6..] | v + '|' + x) AS value
        RETURN a.id AS from, type(r) AS type, b.id AS to, f[0] AS property, value AS value,
               f[1] AS dossier, split(f[4], ' ') AS sources
        ORDER BY from, type, to, property, dossier, value
        LIMIT $limit""",
}


@pytest.fixture
def varied(empty_store: Any, schema: Schema, bundled_dir: Path, tmp_path: Path) -> Any:
    """The bundled and conflicting dossiers, and a synthetic network of 2,000 nodes."""
    synthetic = tmp_path / "synthetic"
    generate(2_000, synthetic)
    load_paths(empty_store, schema, [*files(bundled_dir), synthetic], workers=0)
    return empty_store


def plain_answer(store: Any, name: str, params: dict[str, Any]) -> list[list[Any]]:
    """The plain form's rows, cut at the limit as a named query's answer is (a UNION
    gives up to the limit per part)."""
    rows = store.read(PLAIN[name], params)
    decoded = [[json.loads(v) if k == "value" else v for k, v in row.items()] for row in rows]
    return decoded[: params["limit"]]


def answer(store: Any, name: str, params: dict[str, Any]) -> list[list[Any]]:
    return run_named_query(store, name, {k: str(v) for k, v in params.items()})["rows"]


def ids(store: Any, label: str) -> list[str]:
    return [r["id"] for r in store.read(f"MATCH (n:{label}) RETURN n.id AS id ORDER BY id")]


CASES = [
    ("platforms_by_operation", {"operation": "", "limit": 1000}),
    ("platforms_by_operation", {"operation": "", "limit": 7}),
    ("platforms_by_operation", {"operation": "operation:2020-sparks", "limit": 1000}),
    ("groups_sharing_platform", {"platform": "", "limit": 1000}),
    ("groups_sharing_platform", {"platform": "", "limit": 7}),
    ("sources_by_publisher", {"limit": 1000}),
    ("sources_by_publisher", {"limit": 7}),
    ("single_source_facts", {"dossier": "", "limit": 1000}),
    ("single_source_facts", {"dossier": "", "limit": 7}),
    ("single_source_facts", {"dossier": "test-conflict-b", "limit": 1000}),
    ("single_source_facts", {"dossier": "2020-sparks", "limit": 1000}),
    ("low_confidence_facts", {"limit": 1000}),
    ("low_confidence_facts", {"limit": 3}),
]


@pytest.mark.parametrize(("name", "params"), CASES)
def test_a_named_query_answers_as_its_plain_form(varied: Any, name: str, params: dict[str, Any]) -> None:
    assert answer(varied, name, params) == plain_answer(varied, name, params)


@pytest.mark.parametrize(("name", "params"), [case for case in CASES if case[1]["limit"] < 10])
def test_a_small_limit_cuts_the_plain_answer(varied: Any, name: str, params: dict[str, Any]) -> None:
    """So that the comparisons at small limits compare cut answers."""
    assert len(plain_answer(varied, name, {**params, "limit": 1000})) > params["limit"]


@pytest.mark.parametrize("limit", [1000, 3])
def test_countries_by_operations_answers_as_its_plain_form_with_ids_in_order(varied: Any, limit: int) -> None:
    plain = [
        [country, name, operations, sorted(operation_ids), node_id]
        for country, name, operations, operation_ids, node_id in plain_answer(
            varied, "countries_by_operations", {"limit": limit}
        )
    ]
    assert answer(varied, "countries_by_operations", {"limit": limit}) == plain


def test_countries_list_their_operations_in_id_order_whatever_the_load_order(
    empty_store: Any, schema: Schema, bundled_dir: Path
) -> None:
    """The dossiers arrive in reverse: an engine's own order of the operations is not theirs."""
    for path in sorted(bundled_dir.glob("*.yaml"), reverse=True):
        load_bytes(empty_store, schema, path.read_bytes(), path.name)
    listed = [row[3] for row in answer(empty_store, "countries_by_operations", {"limit": 1000})]
    assert [ids for ids in listed if ids != sorted(ids)] == []


def test_countries_by_operations_is_cut_at_a_small_limit(varied: Any) -> None:
    assert len(plain_answer(varied, "countries_by_operations", {"limit": 1000})) > 3


def test_every_platform_answers_groups_sharing_it_as_the_plain_form(varied: Any) -> None:
    answers = {
        p: answer(varied, "groups_sharing_platform", {"platform": p, "limit": 1000})
        for p in ids(varied, "Platform")
    }
    plain = {
        p: plain_answer(varied, "groups_sharing_platform", {"platform": p, "limit": 1000})
        for p in ids(varied, "Platform")
    }
    assert answers == plain


def test_low_confidence_facts_follow_a_dossier_loaded_again_without_them(
    varied: Any, schema: Schema, bundled_dir: Path
) -> None:
    conflicting = CONFLICT_A
    text = conflicting.read_text(encoding="utf-8").replace("confidence: low", "confidence: high")
    load_bytes(varied, schema, text.encode("utf-8"), conflicting.name)
    params = {"limit": 1000}
    assert answer(varied, "low_confidence_facts", params) == plain_answer(
        varied, "low_confidence_facts", params
    )


def test_a_dossier_recorded_without_its_low_confidence_ids_gets_them_when_loaded_again(
    empty_store: Any, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A graph loaded before records kept those ids: loading the same file again reads it
    and writes its record anew (the record's format is part of the loader's version and
    of the fingerprint)."""
    with monkeypatch.context() as patch:
        patch.setattr(plan, "RECORD_FORMAT", b"record 1\x1e")
        patch.setattr(pipeline, "loader_version", lambda: "an earlier loader")
        load_paths(empty_store, schema, [CONFLICT_A], workers=0)
    empty_store.write("MATCH (d:LoadedDossier) REMOVE d.low")
    load_paths(empty_store, schema, [CONFLICT_A], workers=0)
    params = {"limit": 1000}
    found = answer(empty_store, "low_confidence_facts", params)
    assert (len(found), found) == (18, plain_answer(empty_store, "low_confidence_facts", params))


def test_a_weak_value_comes_back_exactly_as_stated(empty_store: Any, schema: Schema) -> None:
    """Quotes, a field separator, a backslash and accented letters: the runner decodes the
    value's JSON text, so nothing is cut or left escaped."""
    stated = 'The blog calls it "a prosecutor" | Empordà \\ AVPasión'
    text = CONFLICT_A.read_text(encoding="utf-8").replace(
        "notes: The blog calls it a prosecutor.", "notes: '" + stated + "'"
    )
    load_bytes(empty_store, schema, text.encode("utf-8"), CONFLICT_A.name)
    rows = answer(empty_store, "low_confidence_facts", {"limit": 1000})
    assert [row[4] for row in rows if row[3] == "notes"] == [stated]
