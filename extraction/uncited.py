"""The numbers and names of an article that no drafted fact cites: where a reviewer looks
for what the draft missed. Read from the text alone, with no judgement of what they are."""

from __future__ import annotations

import re
from functools import cache

from babel.numbers import list_currencies
from text_to_num import text2num

from extraction.names import ordinary_capitalised_words
from extraction.text import Article

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,'’\u00a0\u202f]\d+)*")
# Lower-case words that join the words of one name: "Guardia di Finanza", "Office of ...".
_JOINS = {"de", "di", "da", "do", "del", "della", "dei", "des", "du", "d", "of", "the", "la", "le", "l"}
_JOINING_GAPS = {" ", "-", "'", "’", "\u00a0"}
# "hlss.pro", "tvhayh.org": a service named by its domain, in lower case.
_DOMAIN = re.compile(r"(?<![\w.@/-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,10}\b(?![.@/-]\w)")


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())


def uncited(article: Article, cited: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, 'number' or 'name') of each number, each run of capitalised words and
    each domain name that no cited span overlaps, in text order."""
    found = [(m.start(), m.end(), "number") for m in _NUMBER.finditer(article.text)]
    found += [(start, end, "number") for start, end in _worded_numbers(article)]
    names = _names(article) + [m.span() for m in _DOMAIN.finditer(article.text)]
    found += [(start, end, "name") for start, end in names]
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        taken = [*cited, *((a, b) for a, b, _ in kept)]
        if not any(a < end and start < b for a, b in taken):
            kept.append((start, end, kind))  # the longest piece at each place, no overlaps
    return kept


# Words that count in hundreds or thousands after a number word: "duas centenas".
_COLLECTIVES = {
    "centaines",
    "centinaia",
    "centenas",
    "centenares",
    "hundreds",
    "milliers",
    "migliaia",
    "milhares",
}


@cache
def _number_word(word: str, lang: str) -> bool:
    """'nove', 'dix-huit', 'three': a number of two or more written in words."""
    if word in _COLLECTIVES:
        return True
    try:
        return bool(word.isalpha() or "-" in word) and text2num(word, lang) >= 2
    except (ValueError, NotImplementedError, KeyError):
        return False


def _worded_numbers(article: Article) -> list[tuple[int, int]]:
    """Runs of number words ('vingt-cinq', 'duas centenas'), as written."""
    text = article.text
    runs: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*", text):
        if not _number_word(match.group().lower(), article.lang):
            continue
        if runs and text[runs[-1][1] : match.start()] == " ":
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append(match.span())
    return runs


def _names(article: Article) -> list[tuple[int, int]]:
    """Runs of capitalised words (with the small words between them); a lone word opening
    a sentence counts only as an acronym, and months, weekdays and openers never."""
    tokens, text = article.tokens, article.text
    openers = {s.start for s in article.sentences}
    ordinary = ordinary_capitalised_words()
    runs: list[list[int]] = []
    for i, token in enumerate(tokens):
        capital = token.text[:1].isupper()
        joined = (
            bool(runs) and runs[-1][-1] == i - 1 and text[tokens[i - 1].end : token.start] in _JOINING_GAPS
        )
        if capital and joined:
            runs[-1].append(i)
        elif capital:
            runs.append([i])
        elif joined and token.key in _JOINS:
            runs[-1].append(i)
    found = []
    for run in runs:
        while run and (not tokens[run[-1]].text[:1].isupper() or tokens[run[-1]].key in ordinary):
            run.pop()
        while run and tokens[run[0]].key in ordinary:  # "The MPA"
            run.pop(0)
        words = [tokens[i] for i in run]
        if not words or any(w.text in _currency_codes() for w in words):
            continue
        if len(words) == 1:
            word = words[0]
            acronym = len(word.text) > 1 and word.text.isupper()
            opening = word.start in openers or not text[: word.start].strip()
            if word.key in ordinary or (opening and not acronym):
                continue
        found.append((words[0].start, words[-1].end))
    return found
