"""Arrests and the country each took place in: a country named in the same sentence, else
the country of the operation's national agencies, else the article's first country."""

from __future__ import annotations

from extraction.countries import home_country
from extraction.facts import Fact, Span
from extraction.lexicon import Match, cue_keys, has_cue
from extraction.text import Article, Token

_FIRST_NAMED = "first the article names"


def find_arrests(article: Article, countries: list[Match]) -> list[Fact]:
    home = home_country(countries)
    if home is not None and {m.entry.name for m in countries} != {home}:
        home = None  # other countries named: the operation may not be in one country
    facts: list[Fact] = []
    for sentence in article.sentences:
        tokens = [t for t in article.tokens if sentence.start <= t.start < sentence.end]
        keys = [t.key for t in tokens]
        if has_cue(keys, "negation") is not None:
            continue
        cue_at = _arrest_cue(keys)
        if cue_at is None:
            continue
        cue_start, cue_end = tokens[cue_at[0]].start, tokens[cue_at[1] - 1].end
        cue_span = Span(cue_start, cue_end, article.text[cue_start:cue_end])
        here = [
            m
            for m in countries
            if sentence.start <= m.start < sentence.end and not _elsewhere(article.tokens, m)
        ]
        after = [m for m in here if m.start >= cue_end]
        chosen = after or [m for m in here if m.end <= cue_start]
        if chosen:
            facts += [
                _in_sentence(article, cue_span, m, guessed=m not in after or len(chosen) > 1) for m in chosen
            ]
        else:
            facts.append(_without_country(article, cue_span, countries, home))
    sure = {f.key for f in facts if f.confidence != "low" or _FIRST_NAMED not in f.notes[0]}
    if sure:
        # A guessed country, or none, most likely belongs to an arrest already found.
        facts = [f for f in facts if f.key in sure]
    return facts


def _arrest_cue(keys: list[str]) -> tuple[int, int] | None:
    """The first arrest word with no warrant, possibility or denial next to it."""
    cues = sorted(cue_keys("arrest"), key=len, reverse=True)
    for i in range(len(keys)):
        for cue in cues:
            if tuple(keys[i : i + len(cue)]) == cue:
                just_before = keys[max(0, i - 3) : i]
                near = keys[max(0, i - 5) : i] + keys[i + len(cue) : i + len(cue) + 1]
                if has_cue(just_before, "not_arrest") is None and has_cue(near, "warrant") is None:
                    return i, i + len(cue)
                break
    return None


def _elsewhere(tokens: list[Token], match: Match) -> bool:
    """A country named as a nationality, where someone is wanted, a flight's destination or
    where servers are: not where the arrest took place."""
    before = [t.key for t in tokens[max(0, match.first - 3) : match.first]]
    return has_cue(before, "not_arrest_place") is not None


def _in_sentence(article: Article, cue: Span, match: Match, guessed: bool) -> Fact:
    return Fact(
        "arrest",
        match.entry.name,
        [cue, Span(match.start, match.end, article.text[match.start : match.end])],
        "low" if guessed else "medium",
        ["the country is the one named in the arrest's sentence: check it is where the arrest took place"],
        {"country": match.entry.name},
    )


def _without_country(article: Article, cue: Span, countries: list[Match], home: str | None) -> Fact:
    if home is not None:
        return Fact(
            "arrest",
            home,
            [cue],
            "medium",
            ["no country in the arrest's sentence: the country of the operation's national agencies"],
            {"country": home},
        )
    if countries:
        # The article's first country, usually the one its title names.
        first = countries[0]
        return Fact(
            "arrest",
            first.entry.name,
            [cue, Span(first.start, first.end, article.text[first.start : first.end])],
            "low",
            [f"no country in the arrest's sentence: the country is the {_FIRST_NAMED}; check it"],
            {"country": first.entry.name},
        )
    return Fact("arrest", "unknown", [cue], "low", ["no country named in the article"], {"country": None})
