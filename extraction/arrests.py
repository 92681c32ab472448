"""Arrests and the country each took place in (a country named in the same sentence)."""

from __future__ import annotations

from extraction.facts import Fact, Span
from extraction.lexicon import Match, cue_keys, phrase_keys
from extraction.text import Article

_NOT_AN_ARREST = {phrase_keys(w)[0] for w in ["warrant", "warrants", "mandat", "mandato", "Haftbefehl"]}


def find_arrests(article: Article, countries: list[Match]) -> list[Fact]:
    cues = sorted(cue_keys("arrest"), key=len, reverse=True)
    negations = cue_keys("negation")
    facts: list[Fact] = []
    for sentence in article.sentences:
        tokens = [t for t in article.tokens if sentence.start <= t.start < sentence.end]
        keys = [t.key for t in tokens]
        if any(_contains(keys, n) for n in negations):
            continue
        cue_at = None
        for i in range(len(keys)):
            for cue in cues:
                if tuple(keys[i : i + len(cue)]) == cue:
                    near = keys[max(0, i - 3) : i] + keys[i + len(cue) : i + len(cue) + 1]
                    if not set(near) & _NOT_AN_ARREST:
                        cue_at = (i, i + len(cue))
                        break
            if cue_at:
                break
        if cue_at is None:
            continue
        cue_start, cue_end = tokens[cue_at[0]].start, tokens[cue_at[1] - 1].end
        cue_span = Span(cue_start, cue_end, article.text[cue_start:cue_end])
        here = [m for m in countries if sentence.start <= m.start < sentence.end]
        after = [m for m in here if m.start >= cue_end]
        chosen = after or [m for m in here if m.end <= cue_start]
        if not chosen and countries:
            # No country in the sentence ("arrested in Hanoi"): the article's first country,
            # usually the one its title names.
            first = countries[0]
            facts.append(
                Fact(
                    "arrest",
                    first.entry.name,
                    [cue_span, Span(first.start, first.end, article.text[first.start : first.end])],
                    "low",
                    [
                        "no country in the arrest's sentence: the country is the first the article names; "
                        "check it"
                    ],
                    {"country": first.entry.name},
                )
            )
            continue
        if not chosen:
            facts.append(
                Fact(
                    "arrest",
                    "unknown",
                    [cue_span],
                    "low",
                    ["no country named in the article"],
                    {"country": None},
                )
            )
            continue
        for match in chosen:
            guessed = match not in after or len(chosen) > 1
            facts.append(
                Fact(
                    "arrest",
                    match.entry.name,
                    [cue_span, Span(match.start, match.end, article.text[match.start : match.end])],
                    "low" if guessed else "medium",
                    [
                        "the country is the one named in the arrest's sentence: "
                        "check it is where the arrest took place"
                    ],
                    {"country": match.entry.name},
                )
            )
    sure = {f.key for f in facts if f.confidence != "low" or "first the article names" not in f.notes[0]}
    if sure:
        # A guessed country, or none, most likely belongs to an arrest already found.
        facts = [f for f in facts if f.key in sure]
    return facts


def _contains(keys: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(keys[i : i + n]) == phrase for i in range(len(keys) - n + 1))
