"""Dates in the text, resolved against the publication date by dateparser.

Candidates are found with month and weekday names from Babel's CLDR data (six
languages); dateparser turns each into a date relative to the publication date, and the
pattern that matched says how precise it is (day, month or year)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel.dates import get_day_names, get_month_names
from dateparser.date import DateDataParser

from extraction.facts import Fact, Span
from extraction.lexicon import has_cue
from extraction.text import LANGUAGES, Article, trimmed
from graph.model.ids import fold

_RELATIVE = {
    "fr": ["avant-hier", "hier"],
    "en": ["the day before yesterday", "yesterday"],
    "it": ["ieri"],
    "es": ["ayer"],
    "pt": ["ontem"],
    "de": ["vorgestern", "gestern"],
}
_YEAR_CUES = "|".join(
    (
        *(
            "since",
            "depuis",
            "in",
            "en",
            "from",
            "until",
            "between",
            "entre",
            "jusqu'en",
            "dal",
            "nel",
            "tra",
        ),
        *("desde", "en el", "seit", "zwischen", "im", "em", "no ano de"),
    )
)
_WEEKDAY_QUALIFIERS = "|".join(
    (
        *(
            "dernier",
            "passé",
            "après-midi",
            "matin",
            "soir",
            "last",
            "morning",
            "afternoon",
            "evening",
            "night",
        ),
        *("scorso", "pomeriggio", "pasado", "passado"),
    )
)
_EVENT_CUES = (
    "arrest",
    "charge",
    "sentence",
    "extradition",
    "action",
    "start",
    "investigation",
    "announcement",
)


def _alternation(names: set[str]) -> str:
    spelled = names | {fold(n) for n in names}
    return "|".join(re.escape(n) for n in sorted(spelled, key=len, reverse=True))


@cache
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    locale = lang if lang in LANGUAGES else "en"
    months = {str(n) for n in get_month_names("wide", locale=locale).values()}
    months |= {
        str(n).rstrip(".") for n in get_month_names("abbreviated", locale=locale).values() if len(str(n)) > 2
    }
    if locale != "en":  # English month names turn up in every language's news
        months |= {str(n) for n in get_month_names("wide", locale="en").values()}
    days = {str(n) for n in get_day_names("wide", locale=locale).values()}
    month, day = _alternation(months), _alternation(days)
    d = r"(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th|º|\.)?(?!\d)"
    flags = re.IGNORECASE
    return [
        ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
        (
            "day",
            re.compile(
                rf"\b(?:(?:{day}),?\s+)?{d}\s+(?:de\s+)?(?:{month})\b(?:,?\s+(?:de\s+)?(\d{{4}})\b)?", flags
            ),
        ),
        ("day", re.compile(rf"\b(?:(?:{day}),?\s+)?(?:{month})\s+{d}(?:,?\s+(\d{{4}})\b)?", flags)),
        ("month", re.compile(rf"\b(?:{month})\s+(?:de\s+|of\s+)?(\d{{4}})\b", flags)),
        ("weekday", re.compile(rf"\b(?:last\s+)?(?:{day})\b(?:\s+(?:{_WEEKDAY_QUALIFIERS})\b)?", flags)),
        ("relative", re.compile(rf"\b(?:{'|'.join(_RELATIVE.get(locale, []))})\b", flags)),
        ("year", re.compile(rf"\b(?:{_YEAR_CUES})\s+((?:19|20)\d\d)\b", flags)),
        # The second year of a range: "between 2016 and 2021", "de 2016 à 2021".
        (
            "year",
            re.compile(r"(?<=(?:19|20)\d\d)\s+(?:and|to|et|à|a|e|y|bis|und|-|–)\s+((?:19|20)\d\d)\b", flags),
        ),
    ]


def _parsers(lang: str, published: dt.date | None) -> list[DateDataParser]:
    """The article's language first, then all six (an English month in a French text)."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day, 12)
    first = lang if lang in LANGUAGES else "en"
    return [
        DateDataParser(languages=[first], settings=settings),
        DateDataParser(languages=[first, *(x for x in LANGUAGES if x != first)], settings=settings),
    ]


def _parse(parsers: list[DateDataParser], text: str) -> dt.date | None:
    for parser in parsers:
        found = parser.get_date_data(text).date_obj
        if found is not None:
            return found.date()  # type: ignore[no-any-return]
    return None


def _clean(raw: str, kind: str) -> str:
    text = re.sub(r"(\d)(?:er|st|nd|rd|th|º)\b", r"\1", raw)
    if kind == "weekday":
        text = re.sub(rf"\b(?:last|{_WEEKDAY_QUALIFIERS})\b", " ", text, flags=re.IGNORECASE).strip()
    if kind == "year":
        text = text.split()[-1]
    return text


def event_kind(article: Article, start: int, end: int) -> str:
    """What the date is of: the nearest cue word in its sentence decides."""
    sentence = article.sentence_at(start)
    tokens = [t for t in article.tokens if sentence.start <= t.start < sentence.end]
    keys = [t.key for t in tokens]
    best: tuple[int, str] | None = None
    for kind in _EVENT_CUES:
        for i in range(len(keys)):
            at = has_cue(keys[i:], kind)
            if at is None:
                continue
            cue = tokens[i + at]
            distance = min(abs(cue.start - start), abs(cue.start - end))
            if best is None or distance < best[0]:
                best = (distance, kind)
            break
    if best is None:
        return "other"
    kind = best[1]
    if kind == "start":
        return "investigation_start" if has_cue(keys, "investigation") is not None else "action_day"
    return {
        "arrest": "arrest",
        "charge": "charge",
        "sentence": "sentence",
        "extradition": "extradition",
        "action": "action_day",
        "investigation": "investigation_start",
        "announcement": "announcement",
    }[kind]


def find_dates(article: Article, published: dt.date | None) -> list[Fact]:
    parsers = _parsers(article.lang, published)
    taken: list[tuple[int, int]] = []
    facts = []
    for kind, pattern in _patterns(article.lang):
        for match in pattern.finditer(article.text):
            start, end = trimmed(article.text, *match.span())
            if any(a < end and start < b for a, b in taken):
                continue
            has_year = kind in {"iso", "month", "year"} or (kind == "day" and match.group(1) is not None)
            if published is None and not has_year:
                continue
            found = _parse(parsers, _clean(match.group(), kind))
            if found is None:
                continue
            taken.append((start, end))
            if kind == "month":
                iso = found.strftime("%Y-%m")
            elif kind == "year":
                iso = found.strftime("%Y")
            else:
                iso = found.isoformat()
            notes: list[str] = []
            confidence = "high"
            if kind in {"weekday", "relative"}:
                confidence = "low"
                notes.append(f"{match.group()!r} resolved against the publication date {published}")
            elif kind == "day" and not has_year:
                confidence = "medium"
                notes.append(f"the year of {match.group()!r} is taken from the publication date {published}")
            elif kind == "year":
                confidence = "medium"
            facts.append(
                Fact(
                    "date",
                    iso,
                    [Span(start, end, article.text[start:end])],
                    confidence,  # type: ignore[arg-type]
                    notes,
                    {"event": event_kind(article, start, end)},
                )
            )
    return facts
