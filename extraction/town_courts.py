"""A French town's court of first instance named in several ways: "le tribunal de grande
instance de Béthune", "le TGI de Béthune", "le tribunal correctionnel de Béthune" (its
criminal bench), "le tribunal judiciaire de Nancy" (its name since 2020), "le tribunal de
Valence". Readers count them as one body; so does the draft. This joins no court of another
kind (de commerce, de police, d'instance), nor the appeal court.
"""

from __future__ import annotations

import re

from extraction.facts import Fact
from extraction.text import Article
from graph.model.ids import fold

_FIRST_INSTANCE = re.compile(
    r"(?:tribunal correctionnel|tribunal de grande instance|tgi|tribunal judiciaire|tj|tribunal)"
    r" (?:de la |de l |du |de |d )(?P<town>.+)"
)


def town_courts_merged(article: Article, facts: list[Fact]) -> list[Fact]:
    """The first-instance court of each town, one fact, in the order the text names it."""
    if article.lang != "fr":
        return facts
    first_by_town: dict[str, Fact] = {}
    kept = []
    for fact in facts:
        town = _town(article, fact) if fact.kind == "agency" else None
        if town is None:
            kept.append(fact)
        elif town not in first_by_town:
            first_by_town[town] = fact
            kept.append(fact)
        else:
            first_by_town[town].add_spans(fact)
    return kept


def _town(article: Article, fact: Fact) -> str | None:
    """The town whose first-instance court every spelling of `fact` names, if one does."""
    towns = set()
    for name in [fact.key, *(s.text for s in fact.spans)]:
        found = _FIRST_INSTANCE.fullmatch(fold(name))
        if found is None:
            continue
        # the town is a name: "tribunal de commerce de Paris" is another kind of court
        words = re.findall(r"\w+", name)
        if not words[-len(found.group("town").split())][:1].isupper():
            return None
        towns.add(found.group("town"))
    return towns.pop() if len(towns) == 1 else None
