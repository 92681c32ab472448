"""A body's numbered chamber or section written before it: "la 31e chambre du tribunal
correctionnel de Paris", "la Sección 4ª de la Audiencia Provincial de Valencia", "la Sección
Segunda de la Comisión de Propiedad Intelectual", "a 2ª Secção do Tribunal Judicial de...".
The chamber that acted is the body the reader names. Where one chamber of the body acts, the
body named on its own is that chamber too; two chambers of one body are drafted beside it.
Only a chamber given its number or rank: "une chambre du tribunal" names no one chamber.
"""

from __future__ import annotations

import re

from extraction.facts import Fact, Span
from extraction.text import Article

_RANK = (
    r"(?:\d{1,2}\s?(?:e|ème|eme|è|er|re|ª|º|\.ª|\.º)|\d{1,2}|[IVXL]{1,5}"
    r"|primera|segunda|tercera|cuarta|quinta|sexta|séptima|octava|novena|décima"
    r"|première|deuxième|troisième|quatrième|cinquième|prima|seconda|terza|quarta|quinta"
    r"|primeira|terceira)"
)
_CHAMBER = (
    r"(?:chambre(?:\s+(?:correctionnelle|civile|criminelle|commerciale|sociale|des\s+appels\s+correctionnels))?"
    r"|section|sección|secção|seção|sezione(?:\s+(?:penale|civile))?|sala|turma)"
)
_NUMBER_WORD = r"(?:(?:n\.?\s?[º°o]\.?|nº|núm\.|número|numero)\s*)?"
_OF = r"\s+(?:du|de\s+la|de\s+l['’]|des|de|del|de\s+los|do|da|della|dello|dell['’]|di)\s*"
_CHAMBER_BEFORE = re.compile(
    rf"(?i:(?:\b{_RANK}\s+{_CHAMBER})|(?:\b{_CHAMBER}\s+{_NUMBER_WORD}{_RANK}))(?-i:{_OF})$"
)
# A chamber already read as the start of the body's name: "2ª Secção do Tribunal..." lacks its rank.
_OPENS_ON_CHAMBER = re.compile(rf"(?i:{_CHAMBER})\b")
_RANK_BEFORE = re.compile(rf"\b{_RANK}\s+$")
_REACH = 80  # characters before the court where its chamber may open
_CHAMBER_NOTE = "a numbered chamber of a body: check its number and the body's name"


def with_its_chamber(article: Article, facts: list[Fact]) -> list[Fact]:
    """The agencies, with a fact for each numbered chamber written before one of them."""
    found: list[Fact] = []
    for fact in facts:
        found += _chambers_and_court(article, fact) if fact.kind == "agency" else [fact]
    # "la Sección Segunda" read on its own by another rule, there and where the text names the
    # chamber again so: a short name of the chamber, whose mentions go to it.
    chambers = [f for f in found if _CHAMBER_NOTE in f.notes]
    kept = []
    for fact in found:
        chamber = _chamber_opened_by(fact, chambers) if fact.kind == "agency" else None
        if chamber is None:
            kept.append(fact)
        else:
            chamber.spans.extend(s for s in fact.spans if not any(s.start == c.start for c in chamber.spans))
    return kept


def _chamber_opened_by(fact: Fact, chambers: list[Fact]) -> Fact | None:
    """The chamber whose name `fact` opens at one of its mentions, if any."""
    for chamber in chambers:
        if fact is not chamber and any(
            s.start == c.start and s.end < c.end for s in fact.spans for c in chamber.spans
        ):
            return chamber
    return None


def _chambers_and_court(article: Article, fact: Fact) -> list[Fact]:
    """Each numbered chamber written before a mention of the body is a fact of its own. The
    body's other mentions join its one chamber ("la Sección 4ª de la Audiencia Provincial de
    Valencia ... la Audiencia" is one body); beside two chambers, the body stays one too."""
    chambers: dict[str, Fact] = {}
    court: Fact | None = fact
    for span in fact.spans:
        opens = _chamber_start(article, span.start)
        if opens is None:
            continue
        if _OPENS_ON_CHAMBER.match(article.text, span.start):
            court = None  # "Secção do Tribunal...": the chamber less its rank, no body's name of its own
        name = " ".join(article.text[opens : span.end].split())
        chamber = Span(opens, span.end, article.text[opens : span.end])
        if name in chambers:
            chambers[name].spans.append(chamber)
        else:
            notes = [*fact.notes, _CHAMBER_NOTE]
            chambers[name] = Fact(fact.kind, name, [chamber], fact.confidence, notes, dict(fact.data))
    if len(chambers) == 1 and court is not None:
        # One chamber acted for the court: readers write the two as one body.
        (acted,) = chambers.values()
        acted.spans = sorted([*acted.spans, *court.spans], key=lambda s: s.start)
        return [acted]
    return [*chambers.values(), *([court] if court is not None else [])]


def _chamber_start(article: Article, start: int) -> int | None:
    window = article.text[max(0, start - _REACH) : start]
    found = _CHAMBER_BEFORE.search(window)
    if found is None and _OPENS_ON_CHAMBER.match(article.text, start):
        found = _RANK_BEFORE.search(window)
    return None if found is None else start - len(window) + found.start()
