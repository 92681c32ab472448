"""Countries named in the text, in any of the seven languages graph.model.countries reads."""

from __future__ import annotations

from extraction.facts import Fact, Span
from extraction.lexicon import Match, country_matcher, has_cue
from extraction.text import Article
from graph.model.schema import Label


def country_matches(article: Article, inside_names: list[Match]) -> list[Match]:
    """Country names, less those inside the name of a platform, rights holder or group
    ("Sky Italia" names a broadcaster, not Italy); an agency's name does name its country."""
    blocked = {
        i
        for m in inside_names
        if m.entry.label in {Label.PLATFORM, Label.ORGANIZATION, Label.GROUP}
        for i in range(m.first, m.last)
    }
    return [
        m
        for m in country_matcher().find(article)
        if not blocked & set(range(m.first, m.last)) and not _continent(article, m)
    ]


def _continent(article: Article, match: Match) -> bool:
    """'North America', 'Latin America': a continent, not the United States."""
    previous = article.tokens[match.first - 1].key if match.first else ""
    return match.entry.name == "US" and article.tokens[match.first].key == "america" and previous in _REGIONS


_REGIONS = {"north", "south", "latin", "central"}


def country_facts(article: Article, matches: list[Match]) -> list[Fact]:
    facts = []
    for match in matches:
        sentence = article.sentence_at(match.start)
        keys = [t.key for t in article.tokens if sentence.start <= t.start < sentence.end]
        if has_cue(keys, "arrest") is not None:
            role = "arrest"
        elif has_cue(keys, "servers") is not None:
            role = "servers"
        else:
            role = None
        facts.append(
            Fact(
                "country",
                match.entry.name,
                [Span(match.start, match.end, article.text[match.start : match.end])],
                "high",
                [],
                {"role": role},
            )
        )
    return facts
