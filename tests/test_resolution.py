"""Entity resolution an analyst can trust: near-miss names are proposed with a reason,
never merged; a `same` judgement merges and keeps every source; a `different` one stops
the proposal; names that differ in meaning get different ids."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from graph.errors import DossierError
from graph.model.ids import node_id
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from loaders import judgements as judgements_module
from loaders.candidates import Named, candidates, resemblance
from loaders.judgements import Judgements, parse_judgements
from loaders.load import load_paths
from loaders.pipeline import loader_version
from loaders.review import graph_candidates, new_name_candidates
from tests.clients import graph_name_of
from tests.dossiers import one_source_dossier
from tests.keys import write_keys

NO_JUDGEMENTS = Judgements({}, frozenset())

# Near misses seen in dossiers written by hand: each pair must be proposed.
NEAR_MISSES = [
    ("Agency", "Procura di Milano", "Procura della Repubblica di Milano"),
    ("Agency", "GdF", "Guardia di Finanza"),
    ("Agency", "Policía Nacional", "Police nationale"),
    ("Organization", "DAZN", "DAZN Group"),
    ("Organization", "Nagra", "Nagravision"),
    ("Organization", "Sky", "Sky Group"),
    ("Organization", "Amazon", "Amazon Prime Video"),
    ("Organization", "Disney", "Disney+"),
    ("Platform", "Cryptocurrencies", "Cryptocurrency wallets"),
]
# Names alike only on the surface: none may be proposed.
APART = [
    ("Agency", "Europol", "Eurojust"),
    ("Platform", "Telegram", "PayPal"),
    ("Organization", "Mediaset", "Mediapro"),
    ("Group", "Sparks", "Geckos"),
    ("Organization", "beIN Sports", "Canal+"),
]
PREFIX = {"Agency": "agency", "Organization": "org", "Platform": "platform", "Group": "group"}


def named(label: str, name: str) -> Named:
    return Named(node_id(PREFIX[label], name), label, name, (name,))


def pairs_of(found: list[Any]) -> set[tuple[str, str]]:
    return {(c.left, c.right) for c in found}


def expected(rows: list[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {tuple(sorted((named(label, a).id, named(label, b).id))) for label, a, b in rows}  # type: ignore[misc]


def test_every_near_miss_is_proposed() -> None:
    nodes = [named(label, name) for label, a, b in NEAR_MISSES for name in (a, b)]
    assert pairs_of(candidates(nodes, NO_JUDGEMENTS)) == expected(NEAR_MISSES)


def test_names_alike_only_on_the_surface_are_not_proposed() -> None:
    nodes = [named(label, name) for label, a, b in APART for name in (a, b)]
    assert candidates(nodes, NO_JUDGEMENTS) == []


def test_names_of_different_labels_are_never_paired() -> None:
    nodes = [named("Organization", "DAZN"), named("Platform", "DAZN Group")]
    assert candidates(nodes, NO_JUDGEMENTS) == []


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("GdF", "Guardia di Finanza", "'gdf' is the acronym of 'Guardia di Finanza'"),
        (
            "Procura di Milano",
            "Procura della Repubblica di Milano",
            "the same words once generic ones are set aside (della, di, repubblica)",
        ),
        (
            "Policía Nacional",
            "Police nationale",
            "the same words read in English (nacional -> national, nationale -> national, policia -> police)",
        ),
        ("Nagra", "Nagravision", "'nagra' begins 'nagravision'"),
        (
            "Cryptocurrencies",
            "Cryptocurrency wallets",
            "every word of 'cryptocurrencies' is in 'cryptocurrency wallets', spelled alike",
        ),
    ],
)
def test_each_proposal_says_why(a: str, b: str, reason: str) -> None:
    found = resemblance(a, b)
    assert found is not None and found[1] == reason


def test_a_different_judgement_stops_the_proposal() -> None:
    dazn, group = named("Organization", "DAZN"), named("Organization", "DAZN Group")
    judged = Judgements({}, frozenset({(dazn.id, group.id)}))
    assert candidates([dazn, group], judged) == []


def test_a_pair_already_judged_the_same_is_not_proposed() -> None:
    dazn, group = named("Organization", "DAZN"), named("Organization", "DAZN Group")
    judged = Judgements({group.id: dazn.id}, frozenset())
    assert candidates([dazn, group], judged) == []


# -- names that differ in meaning ------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [("Disney", "Disney+"), ("Canal", "Canal+"), ("AT&T", "ATT"), ("Apple TV", "Apple TV+")],
)
def test_signs_that_change_a_name_keep_their_meaning_in_its_id(a: str, b: str) -> None:
    assert node_id("org", a) != node_id("org", b)


def test_a_sign_and_its_word_are_one_name() -> None:
    assert (node_id("org", "Disney+"), node_id("org", "Tom & Jerry")) == (
        "org:disney-plus",
        "org:tom-and-jerry",
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Økokrim", "agency:okokrim"),
        ("Statsadvokaten for Særlig Økonomisk", "agency:statsadvokaten-for-saerlig-okonomisk"),
        ("Retten i Sønderborg", "agency:retten-i-sonderborg"),
        ("Łódź police", "agency:lodz-police"),
    ],
)
def test_letters_without_an_accent_to_strip_are_spelled_out_in_ids(name: str, expected: str) -> None:
    assert node_id("agency", name) == expected


# -- the judgements file ---------------------------------------------------------------------
def entry(left: str, right: str, judgement: str) -> dict[str, Any]:
    return {"left": left, "right": right, "judgement": judgement, "note": "checked", "date": "2026-12-02"}


def test_same_judgements_make_one_cluster_kept_under_its_first_id(schema: Schema) -> None:
    parsed = parse_judgements(
        [entry("org:sky-group", "org:sky", "same"), entry("org:sky-italia", "org:sky-group", "same")],
        "judgements.yaml",
        schema,
    )
    assert parsed.canonical_of == {"org:sky-group": "org:sky", "org:sky-italia": "org:sky"}


def test_a_pair_judged_different_inside_a_same_cluster_is_refused(schema: Schema) -> None:
    raw = [
        entry("org:sky", "org:sky-group", "same"),
        entry("org:sky-group", "org:sky-italia", "same"),
        entry("org:sky", "org:sky-italia", "different"),
    ]
    with pytest.raises(DossierError) as caught:
        parse_judgements(raw, "judgements.yaml", schema)
    assert caught.value.problems == [("[2]", "judged different, but other judgements make the two the same")]


def test_a_judgement_across_labels_is_refused(schema: Schema) -> None:
    with pytest.raises(DossierError) as caught:
        parse_judgements([entry("org:dazn", "platform:dazn", "same")], "judgements.yaml", schema)
    assert [field for field, _ in caught.value.problems] == ["[0]"]


def test_a_pair_judged_twice_is_refused(schema: Schema) -> None:
    raw = [entry("org:dazn", "org:dazn-group", "same"), entry("org:dazn-group", "org:dazn", "different")]
    with pytest.raises(DossierError) as caught:
        parse_judgements(raw, "judgements.yaml", schema)
    assert caught.value.problems == [("[1]", "the pair is judged already, at [0]")]


def test_the_repository_judgements_are_valid(schema: Schema) -> None:
    raw = yaml.safe_load(judgements_module.JUDGEMENTS_FILE.read_text(encoding="utf-8"))
    parsed = parse_judgements(raw, "judgements.yaml", schema)
    # The bundled data's pairs are all judged different: one remembered pair each.
    assert (parsed.canonical_of, len(parsed.different)) == ({}, len(raw))


# -- merging by judgement, in the graph -------------------------------------------------------
def dossier(dossier_id: str, org: str, url: str) -> str:
    body = f"""\
        entities:
          holder:
            label: Organization
            name: {org}
            properties: {{kind: broadcaster}}
            sources: [release]
        relationships:
          - {{from: holder, type: PARTICIPATED_IN, to: operation, sources: [release]}}
        """
    return one_source_dossier(dossier_id, body, url=url)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "dossiers"
    path.mkdir()
    (path / "a.yaml").write_text(dossier("2099-res-a", "DAZN", "https://example.org/a"), encoding="utf-8")
    (path / "b.yaml").write_text(
        dossier("2099-res-b", "DAZN Group", "https://example.org/b"), encoding="utf-8"
    )
    return path


@pytest.fixture
def judged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The judgements file is this test's own."""
    path = tmp_path / "judgements.yaml"
    path.write_text("[]\n", encoding="utf-8")
    monkeypatch.setattr(judgements_module, "JUDGEMENTS_FILE", path)
    judgements_module.judgements.cache_clear()
    loader_version.cache_clear()
    yield path
    judgements_module.judgements.cache_clear()
    loader_version.cache_clear()


def holders(store: Any) -> list[dict[str, Any]]:
    rows = store.read(
        "MATCH (o:Organization) "
        "RETURN o.id AS id, o.name AS name, o.aliases AS aliases, o.sources AS sources ORDER BY id"
    )
    return [dict(row) for row in rows]


@pytest.mark.both_engines
def test_near_miss_names_stay_two_nodes_and_are_proposed(
    empty_store: Any, schema: Schema, folder: Path, judged: Path
) -> None:
    load_paths(empty_store, schema, [folder], workers=0)
    found = graph_candidates(empty_store, schema)
    assert [(c.left, c.right, c.reason) for c in found] == [
        ("org:dazn", "org:dazn-group", "the same words once generic ones are set aside (group)")
    ]


@pytest.mark.both_engines
def test_a_same_judgement_merges_the_nodes_and_keeps_every_source(
    empty_store: Any, schema: Schema, folder: Path, judged: Path
) -> None:
    judged.write_text(yaml.safe_dump([entry("org:dazn", "org:dazn-group", "same")]), encoding="utf-8")
    judgements_module.judgements.cache_clear()
    loader_version.cache_clear()
    load_paths(empty_store, schema, [folder], workers=0)
    sources = sorted(r["id"] for r in empty_store.read("MATCH (s:Source) RETURN s.id AS id"))
    assert holders(empty_store) == [
        {"id": "org:dazn", "name": "DAZN", "aliases": ["DAZN Group"], "sources": sources}
    ]


@pytest.mark.both_engines
def test_a_judgement_added_later_merges_on_the_next_load(
    empty_store: Any, schema: Schema, folder: Path, judged: Path
) -> None:
    load_paths(empty_store, schema, [folder], workers=0)
    judged.write_text(yaml.safe_dump([entry("org:dazn", "org:dazn-group", "same")]), encoding="utf-8")
    judgements_module.judgements.cache_clear()
    loader_version.cache_clear()
    load_paths(empty_store, schema, [folder], workers=0)
    assert [h["id"] for h in holders(empty_store)] == ["org:dazn"]


@pytest.mark.both_engines
def test_a_different_judgement_keeps_two_nodes_and_no_proposal(
    empty_store: Any, schema: Schema, folder: Path, judged: Path
) -> None:
    judged.write_text(yaml.safe_dump([entry("org:dazn", "org:dazn-group", "different")]), encoding="utf-8")
    judgements_module.judgements.cache_clear()
    load_paths(empty_store, schema, [folder], workers=0)
    assert ([h["id"] for h in holders(empty_store)], graph_candidates(empty_store, schema)) == (
        ["org:dazn", "org:dazn-group"],
        [],
    )


@pytest.mark.both_engines
def test_a_load_reports_its_new_names_against_those_held(
    empty_store: Any, schema: Schema, folder: Path, judged: Path
) -> None:
    load_paths(empty_store, schema, [folder / "a.yaml"], workers=0)
    before = {row["id"] for row in empty_store.read("MATCH (n:Entity) RETURN n.id AS id")}
    load_paths(empty_store, schema, [folder / "b.yaml"], workers=0)
    found = new_name_candidates(empty_store, schema, before)
    assert [(c.left, c.right, c.score) for c in found] == [("org:dazn", "org:dazn-group", 100.0)]


def test_resolve_prints_the_pairs_as_json(tmp_path: Path, folder: Path, judged: Path) -> None:
    from cli.main import app

    runner = CliRunner()
    data = ["--data-dir", str(tmp_path / "data"), "--graph", "resolution"]
    loaded = runner.invoke(app, ["load", str(folder), *data])
    answer = runner.invoke(app, ["resolve", "--json", *data])
    assert (loaded.exit_code, json.loads(answer.stdout)) == (
        0,
        [
            {
                "left": "org:dazn",
                "right": "org:dazn-group",
                "label": "Organization",
                "left_name": "DAZN",
                "right_name": "DAZN Group",
                "score": 100.0,
                "reason": "the same words once generic ones are set aside (group)",
            }
        ],
    )


# -- over HTTP ----------------------------------------------------------------------------------
KEYS = {"writer": ("pg_writer_resolution_0123456789", "writer", False)}


@pytest.mark.both_engines
def test_an_upload_answers_with_the_names_it_brings_that_resemble_others(
    empty_store: Any, engine: EmbeddedEngine, schema: Schema, folder: Path, judged: Path, tmp_path: Path
) -> None:
    load_paths(empty_store, schema, [folder / "a.yaml"], workers=0)
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(empty_store),
        load_bundled_on_start=False,
        api_keys_file=write_keys(tmp_path / "keys.yaml", KEYS),
    )
    with TestClient(create_app(settings, store=empty_store)) as client:
        response = client.post(
            "/dossiers",
            content=(folder / "b.yaml").read_bytes(),
            headers={"Authorization": f"Bearer {KEYS['writer'][0]}"},
        )
    assert (response.status_code, [(c["left"], c["right"]) for c in response.json()["candidates"]]) == (
        201,
        [("org:dazn", "org:dazn-group")],
    )


@pytest.mark.both_engines
def test_every_near_miss_of_the_bundled_data_is_judged(bundled_store: Any, schema: Schema) -> None:
    """A dossier added to data/operations must come with the judgements its names need."""
    assert graph_candidates(bundled_store, schema) == []
