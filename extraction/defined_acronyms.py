"""Acronyms an article defines for a body the lexicon knows: "the Federal Investigation
Agency's (FIA) Crime Circle" makes every later "FIA" in that article the same agency,
though the lexicon leaves "FIA" out as an acronym other bodies share."""

from __future__ import annotations

import re

from extraction.lexicon import Match, Phrase
from extraction.text import Article, Token
from graph.model.schema import Label

# "Agency (FIA)", "Agency's (FIA)": the acronym in brackets right after the name.
_DEFINED = re.compile(r"(?:['’]s)?\s*\(([A-Z][A-Z0-9]{1,5})\)")
_LABELS = {Label.AGENCY, Label.ORGANIZATION}


def _glued(article: Article, left: Token, right: Token) -> bool:
    return article.text[left.end : right.start] == " "


def defined_acronym_matches(article: Article, matches: list[Match]) -> list[Match]:
    """A match of the body at each mention of the acronym its name is followed by."""
    taken = {i for m in matches for i in range(m.first, m.last)}
    found: list[Match] = []
    for match in matches:
        defined = _DEFINED.match(article.text, match.end)
        if match.entry.label not in _LABELS or defined is None:
            continue
        acronym = defined.group(1)
        for i, token in enumerate(article.tokens):
            if token.text != acronym or i in taken:
                continue
            following = article.tokens[i + 1] if i + 1 < len(article.tokens) else None
            if following is not None and following.text[:1].isupper() and _glued(article, token, following):
                continue  # "the NCC Lagos Office": a longer name the acronym opens
            taken.add(i)
            phrase = Phrase((token.key,), match.entry, exact=acronym)
            found.append(Match(i, i + 1, token.start, token.end, match.entry, phrase))
    return found
