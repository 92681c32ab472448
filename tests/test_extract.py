"""Drafting dossiers from news articles: the facts found, their spans, the reviewer
workflow, the command, the API route, and the measured precision and recall."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from extraction import ArticleMeta, draft_dossier, draft_yaml, extract_facts, read_article
from extraction.figures import parse_number
from extraction.score import GOLD_DIR, compare, draft_facts, gold_files, load_gold, score_corpus
from graph.errors import DossierError, InvalidInput
from graph.model.schema import Schema
from loaders.dossier import Dossier, parse_dossier
from loaders.load import load_bytes
from loaders.yamlio import read_dossier_bytes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "extract" / "articles"
SPARKS = SEEDS / "000_bd9254493182d669.txt"
STORM = SEEDS / "004_35ad6fa11d22df70.txt"


def draft(path: Path, published: dt.date, lang: str = "auto") -> Dossier:
    return draft_dossier(path.read_text(encoding="utf-8"), ArticleMeta(published=published), lang)


@pytest.fixture(scope="module")
def sparks() -> Dossier:
    return draft(SPARKS, dt.date(2020, 8, 26))


@pytest.fixture(scope="module")
def storm() -> Dossier:
    return draft(STORM, dt.date(2020, 11, 10))


def names(dossier: Dossier, label: str) -> set[str]:
    return {e.shown for e in dossier.entities.values() if e.label == label}


def facts_of(text: str, lang: str = "auto", published: dt.date | None = None) -> dict[str, set[str]]:
    return {
        kind: {f.key for f in extract_facts(read_article(text, lang), published) if f.kind == kind}
        for kind in ("agency", "country", "group", "platform", "rights_holder", "figure", "date", "arrest")
    }


# The Sparks seed article.


def test_sparks_names_exactly_these_countries(sparks: Dossier) -> None:
    assert draft_facts(sparks)["country"] == {"FR", "CH", "CA", "GB", "CY", "US"}


def test_sparks_figure_of_60_servers(sparks: Dossier) -> None:
    assert [(c.value, c.unit, c.value_text) for c in sparks.claims if c.unit == "servers"] == [
        (60, "servers", "60 serveurs")
    ]


def test_sparks_europol_is_the_agency(sparks: Dossier) -> None:
    assert names(sparks, "Agency") == {"Europol"}


def test_sparks_groups_are_sparks_geckos_and_drones(sparks: Dossier) -> None:
    assert names(sparks, "Group") == {"Sparks", "Geckos", "Drones"}


def test_sparks_action_day_from_le_25_aout(sparks: Dossier) -> None:
    assert sparks.operation.action_day == "2020-08-25"


def test_sparks_action_day_event_cites_the_words_25_aout(sparks: Dossier) -> None:
    assert [(e.date, e.kind, e.spans[0].text) for e in sparks.events if e.kind == "action_day"] == [
        ("2020-08-25", "action_day", "25 août")
    ]


def test_sparks_investigation_started_in_september_2016(sparks: Dossier) -> None:
    assert sparks.operation.started == "2016-09"


def test_sparks_arrests_in_cyprus_and_the_united_states(sparks: Dossier) -> None:
    assert draft_facts(sparks)["arrest"] == {"CY", "US"}


def test_arrested_people_are_described_by_role_never_named(sparks: Dossier) -> None:
    assert names(sparks, "Person") == {"Person arrested in Cyprus", "Person arrested in United States"}


def test_sparks_language_is_detected_as_french(sparks: Dossier) -> None:
    assert sparks.sources["article"].language == "fr"


# The Perfect Storm seed article.


def test_storm_money_is_normalised_to_euros(storm: Dossier) -> None:
    assert {(c.value, c.value_text) for c in storm.claims if c.unit == "EUR"} == {
        (10_700_000, "10,7 millions d’euros"),
        (10_619_000, "10 619 000 €"),
    }


def test_storm_dollar_conversion_is_a_usd_figure(storm: Dossier) -> None:
    assert [c.value for c in storm.claims if c.unit == "USD"] == [12_495_271]


def test_storm_more_than_50_million_users(storm: Dossier) -> None:
    assert [(c.value, c.qualifier) for c in storm.claims if c.unit == "users"] == [(50_000_000, "plus de")]


def test_storm_334_paypal_accounts(storm: Dossier) -> None:
    assert [c.value for c in storm.claims if c.unit == "accounts"] == [334]


def test_storm_5_500_servers_with_a_space_is_one_figure(storm: Dossier) -> None:
    assert [c.value for c in storm.claims if c.unit == "servers"] == [5500]


def test_storm_vendredi_dernier_is_friday_6_november(storm: Dossier) -> None:
    assert storm.operation.action_day == "2020-11-06"


def test_storm_weekday_dates_are_marked_low_confidence(storm: Dossier) -> None:
    assert {e.confidence for e in storm.events if e.date == "2020-11-06"} == {"low"}


def test_storm_platforms_are_telegram_and_paypal(storm: Dossier) -> None:
    assert names(storm, "Platform") == {"Telegram", "PayPal"}


def test_storm_rights_holders(storm: Dossier) -> None:
    assert names(storm, "Organization") == {"Netflix", "DAZN", "Disney+"}


def test_storm_gdf_is_the_guardia_di_finanza_with_its_alias(storm: Dossier) -> None:
    gdf = next(e for e in storm.entities.values() if e.name == "Guardia di Finanza")
    assert (gdf.country, gdf.aliases) == ("IT", ["GdF"])


def test_storm_eurojust_found_by_its_french_long_name(storm: Dossier) -> None:
    eurojust = next(e for e in storm.entities.values() if e.name == "Eurojust")
    assert any(s.text.startswith("Agence de l’Union européenne") for s in eurojust.spans)


def test_storm_operation_name(storm: Dossier) -> None:
    assert storm.operation.name == "The Perfect Storm"


def test_storm_countries_named(storm: Dossier) -> None:
    assert draft_facts(storm)["country"] == {"IT", "BG", "FR", "DE", "GR", "LT", "RO", "SI", "NL", "SE", "MT"}


# Spans and the reviewer workflow.


@pytest.mark.parametrize("path", [SPARKS, STORM], ids=["sparks", "storm"])
def test_every_span_slices_the_article_exactly(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    dossier = draft_dossier(text, ArticleMeta(published=dt.date(2020, 11, 10)))
    blocks: list[Any] = [dossier.operation, *dossier.entities.values(), *dossier.relationships]
    spans = [s for b in [*blocks, *dossier.claims, *dossier.events] for s in b.spans]
    assert [s for s in spans if text[s.start : s.end] != s.text] == []


def test_every_entity_claim_and_event_has_a_span(storm: Dossier) -> None:
    items: list[Any] = [*storm.entities.values(), *storm.claims, *storm.events]
    assert [i for i in items if not i.spans] == []


def test_draft_yaml_validates_as_an_unreviewed_dossier(storm: Dossier, schema: Schema) -> None:
    reread = parse_dossier(read_dossier_bytes(draft_yaml(storm).encode(), "draft.yaml"), "draft.yaml", schema)
    assert reread.reviewed is False


def test_uncertain_facts_say_why(storm: Dossier) -> None:
    items: list[Any] = [*storm.entities.values(), *storm.relationships, *storm.claims, *storm.events]
    assert [i for i in items if i.confidence in {"low", "medium"} and not i.notes] == []


def test_load_refuses_the_draft_until_reviewed(storm: Dossier, empty_store: Any, schema: Schema) -> None:
    with pytest.raises(DossierError, match="unreviewed draft"):
        load_bytes(empty_store, schema, draft_yaml(storm).encode(), "draft.yaml")


def test_load_accepts_the_draft_once_reviewed(storm: Dossier, empty_store: Any, schema: Schema) -> None:
    reviewed = draft_yaml(storm).replace("reviewed: false", "reviewed: true", 1)
    result = load_bytes(empty_store, schema, reviewed.encode(), "draft.yaml")
    assert result.dossier == "2020-the-perfect-storm"


def test_a_span_that_ends_before_it_starts_is_refused(schema: Schema) -> None:
    raw = read_dossier_bytes(draft_yaml(draft(SPARKS, dt.date(2020, 8, 26))).encode(), "d.yaml")
    raw["operation"]["spans"] = [{"start": 10, "end": 5, "text": "x"}]
    with pytest.raises(DossierError, match=r"operation\.spans"):
        parse_dossier(raw, "d.yaml", schema)


def test_html_is_refused() -> None:
    with pytest.raises(InvalidInput, match="HTML"):
        draft_dossier("<html><body>Europol</body></html>", ArticleMeta())


# Languages, names and numbers beyond the seeds.


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("La Guardia di Finanza (GdF) ha oscurato 5.500 siti.", "Guardia di Finanza"),
        ("Officers of the GdF seized the servers.", "Guardia di Finanza"),
        ("La Polizia Postale ha collaborato.", "Polizia di Stato - Polizia Postale"),
        ("La Policía Nacional detuvo a once personas.", "Policía Nacional"),
        ("Die spanische Polizei nahm elf Personen fest.", "Policía Nacional"),
        ("A Polícia Judiciária fez buscas em Lisboa.", "Polícia Judiciária"),
        ("Portugal's Policia Judiciaria searched a data centre.", "Polícia Judiciária"),
    ],
)
def test_agencies_in_six_languages(text: str, agency: str) -> None:
    assert facts_of(text)["agency"] == {agency}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Des serveurs au Royaume-Uni.", "GB"),
        ("Des serveurs aux Pays-Bas.", "NL"),
        ("Un membre arrêté à Chypre.", "CY"),
        ("Servidores en el Reino Unido.", "GB"),
        ("Server in Deutschland, Österreich und der Schweiz.", "DE AT CH"),
        ("Servers in the US and the UK.", "US GB"),
    ],
)
def test_countries_in_any_language(text: str, code: str) -> None:
    assert facts_of(text)["country"] == set(code.split())


def test_the_pronoun_us_is_not_a_country() -> None:
    assert facts_of("Police told us that servers were seized.", "en")["country"] == set()


def test_north_america_is_not_the_united_states() -> None:
    assert facts_of("Servers in North America and Latin America were seized.", "en")["country"] == set()


def test_alpha3_codes_are_not_countries() -> None:
    assert facts_of("Police can and did act per the order.", "en")["country"] == set()


def test_sky_in_lower_case_is_not_the_broadcaster() -> None:
    assert facts_of("The sky was clear when Sky Italia complained.", "en")["rights_holder"] == {"Sky"}


def test_an_arrest_warrant_is_not_an_arrest() -> None:
    assert facts_of("A warrant for his arrest was issued in Spain.", "en")["arrest"] == set()


def test_english_figures_and_ranges() -> None:
    text = "Police shut down 60 servers in 16 countries; subscriptions cost between 40 and 460 euros."
    assert facts_of(text, "en")["figure"] == {"60 servers", "16 countries", "40 EUR", "460 EUR"}


def test_numbers_in_words() -> None:
    assert facts_of("Dix-huit autorités et eighteen authorities.", "fr")["figure"] == {"18 authorities"}


@pytest.mark.parametrize(
    ("raw", "lang", "value"),
    [
        ("5 500", "fr", 5500),
        ("10,7", "fr", 10.7),
        ("5,500", "en", 5500),
        ("10.7", "en", 10.7),
        ("1.250", "de", 1250),
    ],
)
def test_numbers_read_in_the_article_locale(raw: str, lang: str, value: float) -> None:
    assert parse_number(raw, lang) == value


def test_dates_resolved_against_the_publication_date() -> None:
    text = "The servers were taken down last Tuesday; the group was active since 2011."
    assert facts_of(text, "en", dt.date(2020, 8, 27))["date"] == {"2020-08-25", "2011"}


def test_english_is_detected() -> None:
    assert read_article("The police said the servers were taken down on Friday.").lang == "en"


# The scorer: thresholds on the seeds, a floor on the synthetic articles.


@pytest.mark.parametrize("name", ["seed-sparks", "seed-perfect-storm"])
def test_seed_recall_and_precision_at_least_0_9(name: str) -> None:
    result = score_corpus([GOLD_DIR / f"{name}.yaml"])
    overall = result["overall"]
    assert (overall["recall"] >= 0.9, overall["precision"] >= 0.9) == (True, True), result


def test_synthetic_articles_keep_their_measured_level() -> None:
    overall = score_corpus(gold_files("synthetic"))["overall"]
    assert (overall["recall"] >= 0.85, overall["precision"] >= 0.9) == (True, True), overall


def test_a_gold_country_written_no_is_norway_not_false(tmp_path: Path) -> None:
    gold = tmp_path / "en-made-up.yaml"
    gold.write_text(
        "corpus: made-up\nlang: en\npublished: 2020-08-03\ntext: Police in Oslo closed a site.\n"
        "facts: {country: [NO, ON], date: [2020-08]}\n",
        encoding="utf-8",
    )
    facts = load_gold(gold).facts
    countries = [frozenset({"NO"}), frozenset({"ON"})]
    assert (facts["country"], facts["date"]) == (countries, [frozenset({"2020-08"})])


def test_synthetic_gold_files_say_they_are_synthetic() -> None:
    paths = gold_files("synthetic")
    assert [
        p.name for p in paths if not load_gold(p).text.startswith(("SYNTHETIC", "ARTICLE SYNTHÉTIQUE"))
    ] == []


# The command and the API route.


def test_cli_writes_a_draft_that_load_refuses(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    run = [sys.executable, "-m", "cli.main"]
    made = subprocess.run(
        [
            *run,
            "extract",
            str(SPARKS),
            "--published",
            "2020-08-26",
            "--url",
            "https://example.org/a",
            "-o",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    loaded = subprocess.run(
        [*run, "load", str(out), "--data-dir", str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (made.returncode, loaded.returncode, "unreviewed draft" in loaded.stderr) == (0, 2, True), (
        made.stderr
    )


def test_cli_refuses_a_bad_publication_date(tmp_path: Path) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "cli.main", "extract", str(SPARKS), "--published", "26/08/2020"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (made.returncode, "is not a date" in made.stderr) == (2, True)


def test_api_extract_plain_text(client: TestClient) -> None:
    response = client.post(
        "/extract",
        params={"published": "2020-08-26", "url": "https://example.org/sparks"},
        content=SPARKS.read_bytes(),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    body = response.json()
    assert (
        response.status_code,
        body["dossier"]["reviewed"],
        body["dossier"]["operation"]["action_day"],
    ) == (
        200,
        False,
        "2020-08-25",
    )


def test_api_extract_json(client: TestClient) -> None:
    response = client.post(
        "/extract", json={"text": STORM.read_text(encoding="utf-8"), "published": "2020-11-10", "lang": "fr"}
    )
    assert response.json()["dossier"]["operation"]["name"] == "The Perfect Storm"


def test_api_extract_refuses_an_unknown_language(client: TestClient) -> None:
    response = client.post("/extract", json={"text": "Europol", "lang": "xx"})
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "lang")


def test_api_extract_refuses_a_huge_article(client: TestClient) -> None:
    response = client.post("/extract", content=b"a" * 1_000_000, headers={"content-type": "text/plain"})
    assert response.status_code == 413


def test_a_gold_fact_with_two_spellings_matches_either_once() -> None:
    expected = [frozenset({"guardia di finanza", "gdf"}), frozenset({"eurojust"})]
    counts = compare("a", expected, [("gdf",), ("guardia di finanza",), ("europol",)])
    assert (counts.tp, sorted(counts.false_positives), counts.misses) == (
        1,
        ["a: europol", "a: guardia di finanza (again)"],
        ["a: eurojust"],
    )


def test_an_unknown_gold_set_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="choose one of seed, synthetic"):
        gold_files("../etc")


def test_a_drafted_alias_matches_a_gold_spelling() -> None:
    expected = [frozenset({"secretaria de operacoes integradas", "seopi"})]
    counts = compare("a", expected, [("secretariat of integrated operations", "seopi")])
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_the_first_cue_is_found_whatever_the_hash_seed() -> None:
    # Two cues of one kind in a sentence: the first one, not whichever a set yields first.
    script = (
        "from extraction.lexicon import has_cue; "
        "print(has_cue(['police', 'detained', 'two', 'men', 'and', 'arrested', 'one'], 'arrest'))"
    )
    found = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(8)
    }
    assert found == {"1"}


def test_a_draft_is_the_same_whatever_the_hash_seed() -> None:
    # Sets of strings iterate in an order that changes with PYTHONHASHSEED: nothing the
    # draft says may depend on it.
    script = (
        "import json; from extraction.score import gold_files, load_gold; "
        "from extraction import ArticleMeta, draft_dossier; "
        "golds = [load_gold(p) for s in ('seed', 'synthetic') for p in gold_files(s)]; "
        "print(json.dumps([draft_dossier(g.text, ArticleMeta(url=g.url, published=g.published), g.lang)"
        ".model_dump(mode='json') for g in golds], sort_keys=True))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
