"""Where an article's sentences end: an abbreviation's dot ends none, unless the next word
opens a sentence."""

from __future__ import annotations

import pytest

from extraction.text import Article


def sentences(text: str, lang: str = "en") -> list[str]:
    article = Article(text, lang)
    return [text[s.start : s.end] for s in article.sentences]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The U.S. Attorney's Office charged him.", "en"),
        ("Dr. Smith gave evidence for the studios.", "en"),
        ("Warner Bros. Entertainment Inc. sued the site.", "en"),
        ("Il Sig. Rossi è stato denunciato.", "it"),
        ("La Sra. García declaró ante el juez.", "es"),
        ("Le tribunal a cité J. Martin comme témoin.", "fr"),
    ],
)
def test_an_abbreviation_before_a_name_ends_no_sentence(text: str, lang: str) -> None:
    assert sentences(text, lang) == [text]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The site was hosted in the U.S. The police seized it.",
            "en",
            ["The site was hosted in the U.S.", "The police seized it."],
        ),
        (
            "Parmi eux figurent Universal et Warner Bros. S'y ajoutent deux syndicats.",
            "fr",
            ["Parmi eux figurent Universal et Warner Bros.", "S'y ajoutent deux syndicats."],
        ),
    ],
)
def test_an_abbreviation_before_a_sentence_s_opening_word_ends_its_sentence(
    text: str, lang: str, expected: list[str]
) -> None:
    assert sentences(text, lang) == expected


def test_a_full_stop_after_a_word_still_ends_a_sentence() -> None:
    assert sentences("The site closed. Police said so.") == ["The site closed.", "Police said so."]
