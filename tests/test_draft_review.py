"""The review page of a draft: the article with every drafted fact's spans marked, the facts
beside it. Its cutting of the text (pure logic), the page from a real draft, the command,
the API route, and the page in a real headless Chromium."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from extraction import ArticleMeta, draft_dossier, draft_yaml
from extraction.review_page import ReviewItem, Segment, review_items, review_page, segments
from extraction.text import Article
from extraction.uncited import uncited
from loaders.dossier import Dossier
from tests.browser import PageVisit, chromium

ROOT = Path(__file__).resolve().parent.parent
SPARKS = ROOT / "tests" / "data" / "extract" / "articles" / "000_bd9254493182d669.txt"
RUN = [sys.executable, "-m", "cli.main"]


def item(anchor: str, confidence: str, *spans: tuple[int, int]) -> ReviewItem:
    return ReviewItem(anchor, "Agencies", anchor, "", confidence, None, list(spans))


@pytest.fixture(scope="module")
def sparks_text() -> str:
    return SPARKS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sparks(sparks_text: str) -> Dossier:
    meta = ArticleMeta(url="https://example.org/sparks", published=dt.date(2020, 8, 26))
    return draft_dossier(sparks_text, meta, "fr")


def drafted_spans(dossier: Dossier) -> set[tuple[int, int]]:
    blocks = [dossier.operation, *dossier.entities.values(), *dossier.relationships, *dossier.claims]
    return {(s.start, s.end) for block in [*blocks, *dossier.events] for s in block.spans}


# Cutting the text: pure logic.


def test_the_text_is_cut_at_every_span_end() -> None:
    cut = segments("Europol and Eurojust", [item("a", "high", (0, 7)), item("b", "low", (12, 20))])
    assert [s.text for s in cut] == ["Europol", " and ", "Eurojust"]


def test_a_piece_no_span_covers_cites_no_fact() -> None:
    cut = segments("Europol and Eurojust", [item("a", "high", (0, 7))])
    assert [[i.anchor for i in s.items] for s in cut] == [["a"], []]


def test_overlapping_spans_list_the_least_sure_fact_first_then_the_shortest_span() -> None:
    items = [item("long", "high", (0, 20)), item("short", "high", (12, 20)), item("unsure", "low", (0, 20))]
    cut = segments("Europol and Eurojust", items)
    assert [[i.anchor for i in s.items] for s in cut] == [["unsure", "long"], ["unsure", "short", "long"]]


def uncited_in(text: str, lang: str, cited: list[tuple[int, int]]) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for start, end, kind in uncited(Article(text, lang), cited)]


def test_numbers_names_and_domains_no_span_cites_are_found() -> None:
    text = "The MPA said hlss.pro and BiluTV had 15 servers in Hanoi, as the Guardia di Finanza found."
    cited = [(37, 47)]  # "15 servers" is drafted
    assert uncited_in(text, "en", cited) == [
        ("name", "MPA"),
        ("name", "hlss.pro"),
        ("name", "BiluTV"),
        ("name", "Hanoi"),
        ("name", "Guardia di Finanza"),
    ]


def test_a_lone_word_opening_a_sentence_is_no_name_unless_an_acronym() -> None:
    assert uncited_in("Dans la nuit, 3 hommes. ONDA a saisi. Lundi, Sky a porté plainte.", "fr", []) == [
        ("number", "3"),
        ("name", "ONDA"),
        ("name", "Sky"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Tutti e nove i componenti sono stati denunciati.", "it", [("number", "nove")]),
        ("Mais de duas centenas de clientes.", "pt", [("number", "duas centenas")]),
        ("Vingt-cinq chaînes et une antenne.", "fr", [("number", "Vingt-cinq")]),
    ],
)
def test_numbers_written_in_words_are_found(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert uncited_in(text, lang, []) == expected


def test_a_number_word_inside_a_name_is_boxed_once_as_the_name() -> None:
    assert uncited_in("Il sito di Tre Valli aveva 5 server.", "it", []) == [
        ("name", "Tre Valli"),
        ("number", "5"),
    ]


def test_a_currency_code_is_no_name() -> None:
    assert uncited_in("It cost $7,185 USD in all.", "en", []) == [("number", "7,185")]


# The page of a real draft.


def test_every_span_of_the_draft_is_marked(sparks: Dossier, sparks_text: str) -> None:
    marked = {span for i in review_items(sparks, sparks_text) for span in i.spans}
    assert marked == drafted_spans(sparks)


def article_of(page: str) -> str | None:
    """The text of a review page's article element, tags removed."""
    article = re.search(r'<article id="article"[^>]*>(.*)</article>', page, re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", article.group(1))) if article else None


def test_each_fact_links_to_the_pieces_its_spans_start(sparks: Dossier, sparks_text: str) -> None:
    europol = next(i for i in review_items(sparks, sparks_text) if i.title == "Europol")
    starts = sorted(s.start for e in sparks.entities.values() if e.name == "Europol" for s in e.spans)
    assert europol.span_links == [(f"at-{start}", "Europol") for start in starts]


def test_the_page_holds_the_whole_article_once(sparks: Dossier, sparks_text: str) -> None:
    assert article_of(review_page(sparks, sparks_text)) == sparks_text


def test_a_span_an_edit_moved_off_its_words_is_listed_not_marked(sparks: Dossier, sparks_text: str) -> None:
    edited = sparks.model_copy(deep=True)
    agency = next(e for e in edited.entities.values() if e.label == "Agency")
    agency.spans[0] = agency.spans[0].model_copy(update={"start": agency.spans[0].start + 1})
    shown = next(i for i in review_items(edited, sparks_text) if i.title == agency.name)
    assert (len(shown.spans), shown.detail.endswith("1 span(s) no longer match the article")) == (
        len(agency.spans) - 1,
        True,
    )


def test_what_an_edited_draft_says_is_shown_as_text(sparks: Dossier, sparks_text: str) -> None:
    edited = sparks.model_copy(deep=True)
    edited.operation.notes = "<script>alert(1)</script>"
    page = review_page(edited, sparks_text)
    assert ("<script>alert(1)" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page) == (False, True)


def test_a_figure_shows_the_value_it_will_load_and_the_words_it_came_from(
    sparks: Dossier, sparks_text: str
) -> None:
    figures = {i.title: i.detail for i in review_items(sparks, sparks_text) if i.group == "Figures"}
    assert figures["60 servers"].endswith("as written: 60 serveurs")


# The command.


def test_extract_writes_the_review_page_beside_the_draft(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    made = subprocess.run(
        [
            *RUN,
            "extract",
            str(SPARKS),
            "--published",
            "2020-08-26",
            "-o",
            str(tmp_path / "d.yaml"),
            "--review",
            str(page),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    draft_id = yaml.safe_load((tmp_path / "d.yaml").read_text(encoding="utf-8"))["id"]
    assert (made.returncode, f"Draft <strong>{draft_id}</strong>" in page.read_text(encoding="utf-8")) == (
        0,
        True,
    ), made.stderr


def test_extract_from_standard_input_reviews_the_article_it_read(tmp_path: Path, sparks_text: str) -> None:
    page = tmp_path / "review.html"
    made = subprocess.run(
        [*RUN, "extract", "-", "--lang", "fr", "-o", str(tmp_path / "d.yaml"), "--review", str(page)],
        cwd=ROOT,
        input=sparks_text,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (made.returncode, article_of(page.read_text(encoding="utf-8"))) == (0, sparks_text), made.stderr


def test_draft_page_renders_a_saved_draft_as_extract_did(
    tmp_path: Path, sparks: Dossier, sparks_text: str
) -> None:
    saved = tmp_path / "draft.yaml"
    saved.write_text(draft_yaml(sparks), encoding="utf-8")
    page = tmp_path / "page.html"
    made = subprocess.run(
        [*RUN, "draft-page", str(saved), str(SPARKS), "-o", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    without_nonce = re.compile(r"nonce-[\w-]+")
    expected = without_nonce.sub("", review_page(sparks, sparks_text))
    assert (made.returncode, without_nonce.sub("", page.read_text(encoding="utf-8"))) == (0, expected)


def test_draft_page_names_a_missing_draft(tmp_path: Path) -> None:
    made = subprocess.run(
        [*RUN, "draft-page", str(tmp_path / "none.yaml"), str(SPARKS), "-o", str(tmp_path / "p.html")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (made.returncode, "none.yaml: no such file" in made.stderr, (tmp_path / "p.html").exists()) == (
        2,
        True,
        False,
    )


def test_draft_page_gives_the_line_of_a_malformed_draft(tmp_path: Path) -> None:
    saved = tmp_path / "draft.yaml"
    saved.write_text("format: piracy-graph/dossier@1\nid: [unclosed\n", encoding="utf-8")
    made = subprocess.run(
        [*RUN, "draft-page", str(saved), str(SPARKS), "-o", str(tmp_path / "p.html")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (made.returncode, "malformed YAML" in made.stderr, "line " in made.stderr) == (2, True, True)


# The API route.


def test_api_review_answers_the_page(client: TestClient, sparks_text: str) -> None:
    response = client.post(
        "/extract/review",
        params={"published": "2020-08-26", "lang": "fr"},
        content=sparks_text.encode("utf-8"),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert (
        response.status_code,
        response.headers["content-type"].split(";")[0],
        '<article id="article"' in response.text,
    ) == (200, "text/html", True)


def test_api_review_refuses_an_empty_body(client: TestClient) -> None:
    response = client.post("/extract/review", content=b"  ", headers={"content-type": "text/plain"})
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "body")


def test_api_review_refuses_a_huge_article(client: TestClient) -> None:
    response = client.post(
        "/extract/review", content=b"a" * 1_000_000, headers={"content-type": "text/plain"}
    )
    assert response.status_code == 413


# In a real Chromium.


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as opened:
        yield opened


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, sparks: Dossier, sparks_text: str) -> Path:
    path = tmp_path_factory.mktemp("review") / "review.html"
    path.write_text(review_page(sparks, sparks_text), encoding="utf-8")
    return path


@pytest.fixture
def visit(browser: Browser, page_file: Path) -> Iterator[PageVisit]:
    opened = PageVisit(browser, page_file.as_uri())
    yield opened
    opened.close()


def test_chromium_shows_the_article_word_for_word(visit: PageVisit, sparks_text: str) -> None:
    assert visit.page.eval_on_selector("#article", "a => a.textContent") == sparks_text


def test_chromium_shows_one_mark_per_piece_a_fact_cites(
    visit: PageVisit, sparks: Dossier, sparks_text: str
) -> None:
    cut = segments(sparks_text, review_items(sparks, sparks_text))
    assert visit.page.locator("#article a.m").count() == sum(1 for s in cut if s.items)


def test_chromium_lists_every_fact(visit: PageVisit, sparks: Dossier, sparks_text: str) -> None:
    assert visit.page.locator("aside li").count() == len(review_items(sparks, sparks_text))


def europol_first(sparks: Dossier) -> int:
    """Where the article first names Europol, as the draft cites it."""
    europol = next(e for e in sparks.entities.values() if e.name == "Europol")
    return min(s.start for s in europol.spans)


def piece_at(sparks: Dossier, sparks_text: str, start: int) -> Segment:
    return next(
        s for s in segments(sparks_text, review_items(sparks, sparks_text)) if s.anchor == f"at-{start}"
    )


def test_a_fact_s_span_link_targets_its_words_in_the_article(visit: PageVisit, sparks: Dossier) -> None:
    first = europol_first(sparks)
    visit.page.locator("aside li", has_text="Europol").first.locator(".spans a").first.click()
    targeted = visit.page.evaluate("() => document.querySelector(':target').id")
    visit.screenshot("draft-review-europol")
    assert targeted == f"at-{first}"


def test_a_mark_links_to_the_least_sure_fact_citing_its_words(
    visit: PageVisit, sparks: Dossier, sparks_text: str
) -> None:
    first = europol_first(sparks)
    piece = piece_at(sparks, sparks_text, first)
    visit.page.locator(f"#at-{first}").click()
    assert visit.page.evaluate("() => document.querySelector(':target').id") == piece.items[0].anchor


def test_a_mark_names_every_fact_citing_its_words(
    visit: PageVisit, sparks: Dossier, sparks_text: str
) -> None:
    first = europol_first(sparks)
    piece = piece_at(sparks, sparks_text, first)
    assert visit.page.get_attribute(f"#at-{first}", "title") == piece.tooltip


def test_chromium_boxes_every_uncited_number_and_name(
    visit: PageVisit, sparks: Dossier, sparks_text: str
) -> None:
    cited = [span for i in review_items(sparks, sparks_text) for span in i.spans]
    assert visit.page.locator("#article .u").count() == len(uncited(Article(sparks_text, "fr"), cited))


def test_the_page_runs_no_script_and_asks_for_nothing(visit: PageVisit, page_file: Path) -> None:
    visit.screenshot("draft-review", full_page=True)
    assert (visit.errors, visit.dialogs, visit.requests) == ([], [], [page_file.as_uri()])
