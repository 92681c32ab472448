"""Figures: a number, its scale and its unit, normalised ("10,7 millions d'euros" -> 10700000 EUR).

Numbers are read in the article's locale by Babel (decimal comma in French, point in
English); currency symbols and names come from Babel's CLDR data plus the lexicon's
everyday words; numbers written as words ("eighteen", "dix-huit") are read by text2num.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_month_names
from babel.numbers import NumberFormatError, get_currency_name, get_currency_symbol, parse_decimal
from text_to_num import text2num

from extraction.facts import Fact, Span
from extraction.lexicon import lexicon, phrase_keys
from extraction.text import LANGUAGES, Article
from graph.model.ids import fold

_NUMBER = re.compile(
    r"(?<![\w.,])"
    r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?"  # 5 500, 10 619 000
    r"|\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)"  # 5,500, 1.250
    r"|\d+(?:[.,]\d+)?)"  # 60, 10,7, 10.7
    r"(?:(?!\w)|(?=(?:m|mn|bn|M|B)\b))"  # 10.6m
)
_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+$")
_SHORT_SCALES = {"m", "mn", "bn", "mio", "mln", "mrd"}
# Words between a number and its unit that end the search: the unit is not that far.
_STOP = {
    fold(w)
    for w in [
        "in",
        "of",
        "de",
        "du",
        "des",
        "dans",
        "a",
        "à",
        "en",
        "et",
        "and",
        "or",
        "ou",
        "from",
        "par",
        "per",
        "with",
        "avec",
        "for",
        "pour",
        "the",
        "le",
        "la",
        "les",
        "than",
        "que",
        "ont",
        "have",
        "has",
        "had",
        "were",
        "was",
        "été",
        "sont",
        "is",
        "are",
        "ete",
        "il",
        "el",
        "lo",
        "los",
        "las",
        "di",
        "da",
        "do",
        "em",
        "no",
        "na",
        "nel",
        "und",
        "der",
        "die",
        "das",
        "von",
        "mit",
        "im",
        "au",
        "aux",
        "sur",
        "on",
        "at",
        "by",
        "to",
    ]
}
_CONNECTORS = {"de", "d", "of", "di", "del", "da", "do", "von"}
_NUMBER_WORD_LANGS = {"fr", "en", "es", "pt", "de", "it"}
_ARTICLES = {"un", "une", "a", "an", "one", "uno", "una", "ein", "eine", "um", "uma"}


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    start: int
    end: int
    qualifier: str | None


def _locale(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def parse_number(raw: str, lang: str) -> float | None:
    """'5 500' -> 5500, '10,7' (fr) -> 10.7, '5,500' -> 5500, '1.250' (de) -> 1250."""
    if _GROUPED.match(raw):
        return float(re.sub(r"[ \u00a0\u202f.,]", "", raw))
    compact = re.sub(r"[ \u00a0\u202f]", "", raw)
    for locale in (_locale(lang), "fr" if _locale(lang) == "en" else "en"):
        try:
            return float(parse_decimal(compact, locale=locale, strict=True))
        except NumberFormatError:
            continue
    return None


@cache
def _scales() -> list[tuple[str, float]]:
    pairs = [(word, float(factor)) for factor, items in lexicon()["scales"].items() for word in items]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _currencies() -> list[tuple[str, str]]:
    """(spelling, ISO code), longest first: Babel's symbols and plural names in the six
    languages, then the lexicon's everyday words."""
    pairs: set[tuple[str, str]] = set()
    for code, items in lexicon()["currencies"].items():
        for lang in LANGUAGES:
            pairs.add((get_currency_symbol(code, locale=lang), code))
            pairs.add((get_currency_name(code, count=2, locale=lang), code))
            pairs.add((get_currency_name(code, count=1, locale=lang), code))
        pairs.update((word, code) for word in items)
        pairs.add((code, code))
    pairs.add(("$ US", "USD"))
    pairs.add(("$US", "USD"))
    return sorted(pairs, key=lambda p: -len(p[0]))


def _match_word(
    text: str, pos: int, words: list[tuple[str, str]] | list[tuple[str, float]]
) -> tuple[int, object] | None:
    """The longest of `words` written at `pos` (case-insensitive, whole word)."""
    for word, value in words:
        end = pos + len(word)
        if text[pos:end].casefold() != word.casefold():
            continue
        if word[-1].isalnum() and end < len(text) and (text[end].isalnum()):
            continue
        return end, value
    return None


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0\u202f":
        pos += 1
    return pos


@cache
def _unit_phrases() -> list[tuple[tuple[str, ...], str]]:
    phrases = [(phrase_keys(w), unit) for unit, items in lexicon()["units"].items() for w in items]
    return sorted(phrases, key=lambda p: -len(p[0]))


@cache
def _qualifiers() -> list[tuple[str, ...]]:
    return sorted((phrase_keys(q) for q in lexicon()["qualifiers"]), key=len, reverse=True)


def _unit_at(article: Article, index: int, allow_gap: bool) -> tuple[int, str] | None:
    """(end offset, unit) of a unit noun at token `index`, after at most two other words
    written side by side with it ("5,500 pirate IPTV servers", "334 comptes PayPal")."""
    tokens = article.tokens
    for gap in range(3 if allow_gap else 1):
        for keys, unit in _unit_phrases():
            n = len(keys)
            window = tokens[index + gap : index + gap + n]
            if tuple(t.key for t in window) == keys and len(window) == n:
                return window[-1].end, unit
        if index + gap + 1 >= len(tokens) or tokens[index + gap].key in _STOP | _months():
            return None
        word, following = tokens[index + gap], tokens[index + gap + 1]
        if any(c.isdigit() for c in word.text) or article.text[word.end : following.start] not in {
            " ",
            "\u00a0",
        }:
            return None
    return None


@cache
def _months() -> frozenset[str]:
    names: set[str] = set()
    for lang in LANGUAGES:
        names |= {fold(str(n)) for n in get_month_names("wide", locale=lang).values()}
    return frozenset(names)


def _qualifier_before(article: Article, offset: int) -> tuple[int, str] | None:
    i = article.token_index(offset)
    for keys in _qualifiers():
        n = len(keys)
        window = article.tokens[max(0, i - n) : i]
        if len(window) == n and tuple(t.key for t in window) == keys:
            gap = article.text[window[-1].end : offset]
            if gap.strip(" \u00a0'’") == "":
                return window[0].start, " ".join(t.text for t in window)
    return None


def find_figures(article: Article) -> list[Fact]:
    text, lang = article.text, article.lang
    figures: list[Figure] = []
    used: list[tuple[int, int]] = []
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group(), lang)
        if value is None:
            continue
        start, pos = match.start(), match.end()
        currency: str | None = None
        # A currency in front: "€10.6 million", "EUR 10.6m", "US$ 5".
        before = text[max(0, start - 5) : start].rstrip(" \u00a0")
        for word, code in _currencies():
            if before.endswith(word) and (
                not word[0].isalnum() or len(before) == len(word) or not before[-len(word) - 1].isalnum()
            ):
                currency, start = (
                    code,
                    start - (len(text[max(0, start - 5) : start]) - len(before)) - len(word),
                )
                break
        scaled = False
        after = _skip_spaces(text, pos)
        found = _match_word(text, after, _scales())
        if found and (
            str(text[after : found[0]]).casefold() not in _SHORT_SCALES or currency or after == pos
        ):
            pos, factor = found
            value *= float(factor)  # type: ignore[arg-type]
            scaled = True
        if currency is None:
            cursor = _skip_spaces(text, pos)
            connector = re.match(r"(?:de |d'|d’|of |di )", text[cursor:])
            if connector and scaled:
                cursor += connector.end()
            found_currency = _match_word(text, cursor, _currencies())
            if found_currency:
                pos, currency = found_currency[0], str(found_currency[1])
        if currency is not None:
            figures.append(Figure(value, currency, start, pos, None))
            used.append((match.start(), pos))
            continue
        index = article.token_index(pos)
        if scaled and index < len(article.tokens) and article.tokens[index].key in _CONNECTORS:
            index += 1
        found_unit = _unit_at(article, index, allow_gap=not scaled)
        if found_unit is None or index >= len(article.tokens):
            continue
        if re.search(r"[.;:!?()\[\]\n]", text[pos : article.tokens[index].start]):
            continue  # "in 2015. Customers...": the unit is in the next sentence
        end, unit = found_unit
        figures.append(Figure(value, unit, start, end, None))
        used.append((match.start(), end))
    figures += _range_starts(article, figures, used)
    figures += _worded_figures(article, used)
    facts = []
    for figure in figures:
        start = figure.start
        qualifier = _qualifier_before(article, figure.start)
        if qualifier:
            start = qualifier[0]
        span = Span(start, figure.end, text[start : figure.end])
        number: float | int = int(figure.value) if figure.value.is_integer() else figure.value
        notes = []
        confidence: str = "high"
        is_money = figure.unit.isupper() and len(figure.unit) == 3
        if not is_money:
            confidence = "medium"
            notes.append(
                "the metric is named after the unit: say what was counted (shut down, seized, hosted...)"
            )
        facts.append(
            Fact(
                "figure",
                f"{number} {figure.unit}",
                [span],
                confidence,  # type: ignore[arg-type]
                notes,
                {"value": number, "unit": figure.unit, "qualifier": qualifier[1] if qualifier else None},
            )
        )
    return facts


_RANGE = re.compile(r"\s*(?:à|a|to|and|et|-|–|e|y|bis|und)\s*$", re.IGNORECASE)


def _range_starts(article: Article, figures: list[Figure], used: list[tuple[int, int]]) -> list[Figure]:
    """'10 à 20 euros', 'between 40 and 460 euros': the first number has the second's unit."""
    found = []
    for figure in figures:
        for match in _NUMBER.finditer(article.text, max(0, figure.start - 30), figure.start):
            if not _RANGE.fullmatch(article.text[match.end() : figure.start]):
                continue
            if any(a <= match.start() < b for a, b in used):
                continue
            value = parse_number(match.group(), article.lang)
            if value is not None:
                found.append(Figure(value, figure.unit, match.start(), match.end(), None))
                used.append((match.start(), match.end()))
    return found


def _worded_figures(article: Article, used: list[tuple[int, int]]) -> list[Figure]:
    """'eighteen authorities', 'dix-huit pays': a number in words right before a unit."""
    if article.lang not in _NUMBER_WORD_LANGS:
        return []
    found: list[Figure] = []
    tokens = article.tokens
    for i in range(len(tokens)):
        unit = _unit_at(article, i, allow_gap=False)
        if unit is None or any(a <= tokens[i].start < b for a, b in used):
            continue
        for size in (3, 2, 1):
            words = tokens[max(0, i - size) : i]
            if len(words) < size or (words[0].key in _ARTICLES and size == 1):
                continue
            raw = article.text[words[0].start : words[-1].end]
            if any(c.isdigit() for c in raw) or "\n" in raw:
                continue
            try:
                value = text2num(raw.lower(), article.lang)
            except ValueError:
                continue
            if value <= 1:
                continue
            found.append(Figure(float(value), unit[1], words[0].start, unit[0], None))
            break
    return found
