"""People the article says were charged: the only people a draft may name.

A person is named in the graph only where official material publicly charged them. An
article's "X was indicted" is a report of such material, not the material itself, so the
draft names X with low confidence and asks the reviewer to find the charging document and
cite it in `name_basis`, or else to describe the person by role. Everyone else the article
names stays out of the draft."""

from __future__ import annotations

import re

from extraction.facts import Fact, Span
from extraction.text import Article

# A name: two to four capitalised words, with the particles names carry.
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
_PARTICLE = r"(?:de|da|do|dos|das|di|del|della|van|von|der|la|le|bin|al|y)"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{1,3}}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:\s+(?:and|et|e|y|und)\s+{_NAME})?)"
# What may stand between the names and the verb: ", 41," or ", a Russian national,".
_APPOSITION = r"(?:\s*,[^,.;:\n]{1,60},)?"
_CHARGED_AFTER = {
    "en": r"(?:was|were|has been|have been|had been)\s+(?:formally\s+|also\s+)?(?:charged|indicted)",
    "fr": r"(?:a été|ont été|avait été|avaient été)\s+(?:inculpée?s?|mise?s? en examen|poursuivie?s?)",
    "it": r"(?:è stat[oa]|sono stat[ie]|era stat[oa])\s+"
    r"(?:rinviat[oaie] a giudizio|incriminat[oaie]|imputat[oaie])",
    "es": r"(?:fue|fueron|ha sido|han sido)\s+(?:acusad[oa]s?|imputad[oa]s?|procesad[oa]s?)",
    "pt": r"(?:foi|foram|tinha sido)\s+(?:denunciad[oa]s?|indiciad[oa]s?|acusad[oa]s?)",
    "de": r"(?:wurde|wurden)\s+(?:angeklagt)",
}
_CHARGED_BEFORE = {
    "en": r"(?:charged|indicted)",
    "fr": r"(?:a inculpé|ont inculpé|a mis en examen)",
}
_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|et|e|y|und)\s+")
_NOT_A_PERSON = {"The", "Le", "La", "Les", "Il", "Lo", "El", "Los", "O", "Os", "A", "As", "Der", "Die", "Das"}


def _patterns(lang: str) -> list[re.Pattern[str]]:
    found = (
        [re.compile(rf"\b{_NAMES}{_APPOSITION}\s+{_CHARGED_AFTER[lang]}\b")] if lang in _CHARGED_AFTER else []
    )
    if lang in _CHARGED_BEFORE:
        found.append(re.compile(rf"\b{_CHARGED_BEFORE[lang]}\s+{_NAMES}\b"))
    return found


def charged_people(article: Article, taken: list[tuple[int, int]]) -> list[Fact]:
    """A fact per person the article says was charged. `taken`: spans already read as
    something else (an agency, a group, a country), which are no person."""
    facts: list[Fact] = []
    for pattern in _patterns(article.lang):
        for match in pattern.finditer(article.text):
            start = match.start("names")
            for part in _SPLIT.split(match.group("names")):
                at = article.text.index(part, start)
                start = at + len(part)
                end = at + len(part)
                if part.split()[0] in _NOT_A_PERSON or any(a < end and at < b for a, b in taken):
                    continue
                sentence = article.sentence_at(at)
                facts.append(
                    Fact(
                        "person",
                        part,
                        [Span(at, end, part)],
                        "low",
                        [
                            "the article reports that this person was charged; keep the name only after "
                            "finding the official material that charged them (an indictment, a prosecutor's "
                            "release) and citing it in name_basis; otherwise describe the person by role"
                        ],
                        {"sentence": article.text[sentence.start : sentence.end].strip()},
                    )
                )
    return facts
