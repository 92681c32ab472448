"""Targets listed after a colon, in a passage saying what they are and what was done to them:
"Les télévisions sanctionnées sont établies à Kinshasa... On y trouve notamment : Bsport TV,
CRTV, Central TV ; ...", "The blocked sites: X, Y and Z." The passage before the colon (its
sentence and the one before) holds a plural word for services ("chaînes", "sites") and a
word for a sanction ("sanctionnées", "blocked"); the list goes on over lines of the form
"<place> (<count>) : A, B, C ;" and ends at the first item that is no short capitalised
name. Names the lexicon knows are left to it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from extraction.facts import Fact, Span
from extraction.lexicon import Match, lexicon, phrase_keys
from extraction.text import Article
from graph.model.schema import Label

_MIN_ITEMS = 3  # fewer is no list worth reading
# An item: a capitalised word (or a number, "10ème Rue TV") and up to four more words.
_ITEM = re.compile(r"[A-ZÀ-Ý0-9][\w+&'’.@-]*(?:[ \u00a0]+[\w+&'’.@-]+){0,4}")
_SEPARATOR = re.compile(r"[ \u00a0]*[,;][ \u00a0]*|[ \u00a0]+(?:y|e|et|and|o|ou|or)[ \u00a0]+")
# "Kinshasa (11) :", "Kolwezi & Likasi (3) :": a line's heading, its place and count.
_LINE_HEADING = re.compile(r"[ \u00a0]*[A-ZÀ-Ý][^\n:()]{0,40}\(\d{1,3}\)[ \u00a0]*:[ \u00a0]*")


@cache
def _plural_services() -> set[str]:
    return {phrase_keys(w)[0] for w in lexicon()["target_list_nouns"]}


@cache
def _sanctions() -> set[str]:
    return {phrase_keys(w)[0] for w in lexicon()["target_list_sanctions"]}


def listed_targets(article: Article, matches: list[Match]) -> list[Fact]:
    known = [(m.start, m.end) for m in matches]
    facts: list[Fact] = []
    lists = [
        _items_after(article.text, colon.end())
        for colon in re.finditer(r":[ \u00a0]*\n?", article.text)
        if _says_targets_were_sanctioned(article, colon.start())
    ]
    lists += [
        _items_in_sentence(article, opener.end()) for opener in _named_by_a_copula().finditer(article.text)
    ]
    lists += [
        _items_before_a_colon(article, colon.start()) for colon in re.finditer(r"[ \u00a0]*:", article.text)
    ]
    for start, end in (item for items in lists for item in items):
        if any(s < end and start < e for s, e in known) or any(f.spans[0].start == start for f in facts):
            continue
        note = "listed after a passage saying these services were sanctioned: check each is a target"
        facts.append(_listed_target(article, start, end, "medium", note))
    return facts


# "Las plataformas bloqueadas son X, Y y Z", "the sites seized were X, Y and Z": the plural
# word for services, its sanction and a copula open the list as a colon does.
_COPULAS = "son|fueron|are|were|sont|étaient|ont été|sono|erano|furono|são|eram|foram"


@cache
def _named_by_a_copula() -> re.Pattern[str]:
    nouns = "|".join(sorted(lexicon()["target_list_nouns"], key=len, reverse=True))
    sanctions = "|".join(sorted(lexicon()["target_list_sanctions"], key=len, reverse=True))
    return re.compile(
        rf"\b(?i:{nouns})[ \u00a0]+(?i:{sanctions})[ \u00a0]+(?:{_COPULAS})[ \u00a0]+(?=[A-ZÀ-Ý0-9])"
    )


def _items_before_a_colon(article: Article, colon: int) -> list[tuple[int, int]]:
    """'Dadyflix, Dustreaming, Streamiz ... et Wawacity : ce ne sont là que quelques-uns des
    sites dont le tribunal a ordonné le blocage.': a sentence opening on a list of names, which
    the words after the colon call services and sanctioned."""
    sentence = article.sentence_at(colon)
    after = {t.key for t in article.tokens if colon < t.start < sentence.end}
    if not (after & _plural_services() and after & (_sanctions() | _sanction_nouns())):
        return []
    line = article.text[sentence.start : colon]
    pieces = _pieces(line, sentence.start)
    named = [(a, b) for a, b in pieces if _NAME.fullmatch(article.text[a:b])]
    # "des variantes de Zonetelechargement": a piece that is no name is left out, not the list
    return named if len(named) >= _MIN_ITEMS and len(named) >= len(pieces) - 1 else []


@cache
def _sanction_nouns() -> set[str]:
    return {phrase_keys(w)[0] for w in lexicon()["target_list_sanction_nouns"]}


def _items_in_sentence(article: Article, pos: int) -> list[tuple[int, int]]:
    """(start, end) of each item of a list from `pos` to the end of its sentence, when every
    piece is a short capitalised name."""
    end = article.sentence_at(pos).end
    line = article.text[pos:end].rstrip(" \u00a0;.\n")
    pieces = _pieces(line, pos)
    if len(pieces) < _MIN_ITEMS or not all(_ITEM.fullmatch(article.text[a:b]) for a, b in pieces):
        return []
    return pieces


def _pieces(line: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each piece of a list written in `line`, between its commas and "and"s,
    counted from `offset`."""
    cuts = [0] + [p for m in _SEPARATOR.finditer(line) for p in (m.start(), m.end())] + [len(line)]
    return [(offset + cuts[k], offset + cuts[k + 1]) for k in range(0, len(cuts), 2)]


def _listed_target(
    article: Article, start: int, end: int, confidence: Literal["medium", "low"], note: str
) -> Fact:
    name = article.text[start:end]
    data = {"label": Label.GROUP, "kind": "streaming site", "country": None}
    return Fact("group", name, [Span(start, end, name)], confidence, [note], data)


def _says_targets_were_sanctioned(article: Article, colon: int) -> bool:
    """The colon's sentence and the one before speak of services and of a sanction."""
    sentences = [s for s in article.sentences if s.start <= colon]
    if not sentences:
        return False
    start = sentences[-2].start if len(sentences) > 1 else sentences[-1].start
    keys = {t.key for t in article.tokens if start <= t.start < colon}
    return bool(keys & _plural_services()) and bool(keys & _sanctions())


def _items_after(text: str, pos: int) -> list[tuple[int, int]]:
    """(start, end) of each item of the list from `pos`, over headed lines."""
    items: list[tuple[int, int]] = []
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    while True:
        heading = _LINE_HEADING.match(text, pos)
        if heading:
            pos = heading.end()
        line = text[pos:line_end].rstrip(" \u00a0;.")
        pieces = _pieces(line, 0)
        for start, end in pieces:
            if not _ITEM.fullmatch(line[start:end]):
                return items if len(items) >= _MIN_ITEMS else []
            items.append((pos + start, pos + end))
        if line_end >= len(text) or not _LINE_HEADING.match(text, line_end + 1):
            break
        pos = line_end + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
    return items if len(items) >= _MIN_ITEMS else []


@cache
def _and_many_more() -> re.Pattern[str]:
    words = sorted(lexicon()["and_many_more"], key=len, reverse=True)
    return re.compile(
        r"[ \u00a0]*,?[ \u00a0]+(?:" + "|".join(re.escape(w) for w in words) + r")[ \u00a0]*[.!…]*$"
    )


def named_in_a_list_of_its_own(article: Article, matches: list[Match]) -> list[Fact]:
    """'Altadefinizione, Cineblog, DirettaCalcioStreaming, filmsenzalimiti e molti altri
    ancora.': a sentence that is only a list of names and "and many more", opening a report
    on services, names its targets. Not when the lexicon knows one name as other than a target."""
    known = [(m.start, m.end) for m in matches if m.entry.label != Label.GROUP]
    facts: list[Fact] = []
    for sentence in article.sentences:
        text = article.text[sentence.start : sentence.end].rstrip()
        closing = _and_many_more().search(text)
        if closing is None:
            continue
        line = text[: closing.start()]
        pieces = _pieces(line, sentence.start)
        if len(pieces) < _MIN_ITEMS or not all(_NAME.fullmatch(article.text[a:b]) for a, b in pieces):
            continue
        if any(s < b and a < e for a, b in pieces for s, e in known):
            continue
        note = "listed on its own, with 'and many more': check it is a target of the operation"
        facts += [_listed_target(article, start, end, "low", note) for start, end in pieces]
    return facts


# One name, as a list of its own writes it: a word of letters and digits, "roja-directa"
# in lower case too, at most two words.
_NAME = re.compile(r"[\w][\w+&'’.@-]*(?:[ \u00a0][A-ZÀ-Ý0-9][\w+&'’.@-]*)?")
