"""Rights holders named as the ones who complained: "after a complaint by X Media",
"plainte de la société X", "su denuncia della società X", "tras una denuncia de la empresa
X", "após denúncia da operadora X". A name the lexicon does not know is drafted only when a
word for a company opens it or a company's suffix or a broadcaster's word ends it, so that a
private complainant is never named.
"""

from __future__ import annotations

import re
from functools import cache

from extraction.facts import Fact, Span
from extraction.lexicon import Match, lexicon
from extraction.text import Article
from graph.model.schema import Label

_ARTICLE = r"(?:(?:la|le|les|l['’]|the|el|los|las|il|lo|gli|a|o|os|as)\s+)?"
_NAME_WORD = r"[A-ZÀ-Ý][\w+&'’.-]*"
_NAME_LINK = r"(?:de|des|du|di|del|da|do|dos|&|and|et|e|y)"
# A name: capitalised words, joined by at most one lowercase link at a time.
_NAME = rf"{_NAME_WORD}(?:[ \u00a0]+(?:{_NAME_LINK}[ \u00a0]+)?{_NAME_WORD}){{0,4}}"


@cache
def _pattern() -> re.Pattern[str]:
    words = lexicon()["complaint_words"]
    nouns = lexicon()["company_nouns"]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    company = "|".join(re.escape(w) for w in sorted(nouns, key=len, reverse=True))
    # The words in any case, the name capitalised as written.
    return re.compile(
        rf"\b(?i:{alternation})\s+(?i:{_ARTICLE})(?:(?P<company>(?i:{company}))\s+)?(?P<name>{_NAME})"
    )


@cache
def _company_ends() -> re.Pattern[str]:
    ends = "|".join(re.escape(w) for w in sorted(lexicon()["company_name_ends"], key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:{ends})$")


def complainant_facts(article: Article, matches: list[Match]) -> list[Fact]:
    known = [(m.start, m.end) for m in matches]
    facts = []
    for found in _pattern().finditer(article.text):
        start = found.start("name")
        name = _within_its_sentence(found.group("name"))
        end = start + len(name)
        if any(s < end and start < e for s, e in known):
            continue  # a name the lexicon knows is drafted by it, as what it is
        if not found.group("company") and not _company_ends().search(name):
            continue  # perhaps a person, who is never named on a guess
        facts.append(
            Fact(
                "rights_holder",
                name,
                [Span(start, end, name)],
                "medium",
                ["named as the complainant: check it holds rights in what was pirated"],
                {"label": Label.ORGANIZATION, "kind": "rights holder", "country": None},
            )
        )
    return facts


def _within_its_sentence(name: str) -> str:
    """The name up to the sentence's full stop: 'Télésud Vision. La police' is 'Télésud
    Vision'; a company's abbreviated suffix keeps its dot ('Acme Inc.')."""
    for stop in re.finditer(r"\.(?=\s|$)", name):
        if not _company_ends().search(name[: stop.end()]):
            return name[: stop.start()]
    return name
