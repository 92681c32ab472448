"""The learned estimate of each drafted item (extraction/relevance.py): which items it
groups, what it reads, and how the draft shows its doubts. The weights are the shipped
ones; the articles are written for these tests."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from extraction import ArticleMeta, draft_dossier, extract_facts, read_article
from extraction.draft import build_draft
from extraction.relevance import Item, draft_items, features, mark_doubtful, model
from extraction.score import draft_items as scored_items
from loaders.dossier import Dossier

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "extract" / "articles"

LEEDS = (
    "Police raid pirate DVD workshop in Leeds\n\n"
    "West Yorkshire Police raided a workshop in Leeds on Tuesday and seized 3,000 pirated DVDs. "
    "Two men were arrested.\n\n"
    "The industry says piracy cost film makers 770 million euros in 2007."
)
AGRIGENTO = (
    "Pay tv, denunciati dieci gestori di bar ad Agrigento\n\n"
    "I carabinieri hanno denunciato dieci gestori di bar e circoli della provincia che trasmettevano "
    "le partite di calcio con abbonamenti domestici. Le denunce di questi giorni si sommano alle 25 "
    "denunce già presentate negli ultimi mesi."
)
NONDHABURI = (
    "Thai police raid DVD burner lab\n\n"
    "Royal Thai Police raided a burner lab in Nondhaburi on Wednesday, seizing 140 DVD burners and "
    "arresting 11 people. The MPA said its enforcement work in 2005 showed piracy spreading across "
    "the region."
)


def drafted(text: str, published: dt.date, lang: str, estimate: bool = True) -> Dossier:
    return draft_dossier(text, ArticleMeta(published=published), lang, estimate=estimate)


def event_confidence(dossier: Dossier, date: str) -> str | None:
    (event,) = [e for e in dossier.events if str(e.date) == date]
    return event.confidence


def test_the_shipped_weights_are_finite_numbers() -> None:
    weights = model().weights
    assert all(math.isfinite(w) for w in [*weights.values(), model().bias])


def test_a_country_stated_by_two_relationships_is_one_item_with_both_spans() -> None:
    span = {"start": 0, "end": 5, "text": "Leeds"}
    other = {"start": 30, "end": 35, "text": "Leeds"}
    raw = {
        "relationships": [
            {"from": "operation", "type": "ACTED_IN", "to": "country:GB", "spans": [span]},
            {"from": "police", "type": "BASED_IN", "to": "country:GB", "spans": [other]},
        ]
    }
    assert [(i.kind, i.key, i.sub, i.spans) for i in draft_items(raw)] == [
        ("country", "GB", "ACTED_IN", [(0, 5), (30, 35)])
    ]


def test_an_arrested_person_is_an_item_per_country_of_arrest() -> None:
    raw = {
        "entities": {"arrested-gb": {"label": "Person", "arrested_in": ["GB", {"country": "IE"}]}},
        "relationships": [{"from": "operation", "type": "ARRESTED", "to": "arrested-gb"}],
    }
    assert [(i.kind, i.key) for i in draft_items(raw)] == [("arrest", "GB"), ("arrest", "IE")]


def test_a_date_in_another_year_than_the_publication_is_read_as_such() -> None:
    f = features(Item("date", "2005", "other"), "in 2005", "en", "2007-04-27", 1)
    assert f["date|otheryear"] == 1


def test_a_date_of_the_publication_day_is_read_as_such() -> None:
    f = features(Item("date", "2007-04-27", "action_day"), "today", "en", "2007-04-27", 1)
    assert f["date|ispub"] == 1


def test_the_words_before_a_mention_are_read() -> None:
    item = Item("figure", "25 complaints", "complaints", [(10, 20)])
    f = features(item, "alle sole 25 denunce già", "it", "", 1)
    assert f["k=figure|L2:sole"] == 1 / 3


def test_a_year_named_for_a_market_figure_is_marked_low() -> None:
    assert event_confidence(drafted(LEEDS, dt.date(2009, 3, 12), "en"), "2007") == "low"


def test_the_note_of_a_doubtful_year_gives_the_estimate() -> None:
    (event,) = [e for e in drafted(LEEDS, dt.date(2009, 3, 12), "en").events if str(e.date) == "2007"]
    assert "right about 1 in 10 times in drafts of articles the extractor had not seen" in (event.notes or "")


def test_the_raid_day_keeps_the_rules_confidence() -> None:
    published = dt.date(2009, 3, 12)
    with_estimate = event_confidence(drafted(LEEDS, published, "en"), "2009-03-10")
    assert with_estimate == event_confidence(drafted(LEEDS, published, "en", estimate=False), "2009-03-10")


def test_without_the_estimate_the_year_keeps_the_rules_confidence() -> None:
    assert event_confidence(drafted(LEEDS, dt.date(2009, 3, 12), "en", estimate=False), "2007") != "low"


def test_complaints_filed_in_earlier_months_are_marked_low() -> None:
    dossier = drafted(AGRIGENTO, dt.date(2018, 12, 4), "it")
    assert {(c.value, c.unit, c.confidence) for c in dossier.claims} == {
        (10, "people", "medium"),
        (25, "complaints", "low"),
    }


def test_the_seat_of_a_body_that_only_spoke_is_marked_low_by_the_estimate() -> None:
    dossier = drafted(NONDHABURI, dt.date(2007, 4, 27), "en")
    (seat,) = [r for r in dossier.relationships if r.target == "country:US"]
    assert (seat.confidence, "extractor had not seen" in (seat.notes or "")) == ("low", True)


def test_the_country_of_the_raid_is_not_doubted() -> None:
    dossier = drafted(NONDHABURI, dt.date(2007, 4, 27), "en")
    notes = [r.notes or "" for r in dossier.relationships if r.target == "country:TH"]
    assert [n for n in notes if "extractor had not seen" in n] == []


def test_the_estimate_changes_no_drafted_item() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        meta = ArticleMeta(published=dt.date(2020, 8, 26))
        assert scored_items(draft_dossier(text, meta)) == scored_items(
            draft_dossier(text, meta, estimate=False)
        )


def test_marking_twice_adds_the_note_once() -> None:
    published = dt.date(2018, 12, 4)
    article = read_article(AGRIGENTO, "it")
    raw = build_draft(article, extract_facts(article, published), ArticleMeta(published=published))
    mark_doubtful(raw, AGRIGENTO, "it", str(published))
    mark_doubtful(raw, AGRIGENTO, "it", str(published))
    (complaints,) = [c for c in raw["claims"] if c["unit"] == "complaints"]
    assert (complaints["confidence"], complaints["notes"].count("extractor had not seen")) == ("low", 1)
