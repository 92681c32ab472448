"""Companies the lexicon does not know, named with their legal form: "la empresa Prelo
S.L.", "condenou a Paira Indústria e Comércio Ltda.", "Shenzhen QVOD Technology Co., Ltd.".
In a report of piracy, a company written out so, in full as a court or a charge names it,
is a party to the case: a rights holder when its name says it owns works (a studio, a
label, a publisher, a broadcaster: "TBV Productions LLC"), else the one accused when a word
of accusation comes before it. The draft holds either with low confidence, for the reader
to check its part.
"""

from __future__ import annotations

import re
from functools import cache

from extraction.facts import Fact, Span
from extraction.lexicon import Match, has_cue, lexicon, rights_company_words
from extraction.text import Article
from graph.model.ids import fold
from graph.model.schema import Label

_NAME_LINK = r"(?:de|des|du|di|del|da|do|dos|das|&|and|et|e|y)"
_NAME_WORDS = 6
# Capitalised words that open a sentence or a mention, not the company's name.
_OPENERS = {
    *("la", "le", "les", "l", "the", "el", "los", "las", "il", "lo", "gli", "a", "o", "os", "as"),
    *("un", "une", "una", "uma", "um", "and", "et", "e", "y"),
    *("contra", "contre", "contro", "against", "v", "vs", "versus"),
    # prepositions that open a sentence: "In Slep-Tone Entertainment Corp. v. the saloon"
    *("in", "en", "em", "on", "at", "by", "for", "from", "with"),
    *("par", "pour", "avec", "por", "para", "con", "com"),
}
_SENTENCE_END = re.compile(r"[^\W\d_]{5,}\.")  # abbreviations in a name are shorter: "Co.", "Corp."
_NOTE = "a company named with its legal form: check that it is a target, not the complainant or a provider"
_OWNER_NOTE = (
    "a studio, label, publisher or broadcaster named with its legal form: check that its works were pirated"
)


@cache
def _pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(f) for f in sorted(lexicon()["legal_forms"], key=len, reverse=True))
    # A name's words are capitalised and no legal form: "Roma Works Limited and Star Hosting
    # Limited" names two companies.
    word = rf"(?!(?:{forms})(?!\w))[A-ZÀ-Ý0-9][\w+&'’.-]*"
    name = rf"{word}(?:[ \u00a0]+(?:{_NAME_LINK}[ \u00a0]+)?{word}){{0,{_NAME_WORDS - 1}}}"
    return re.compile(rf"(?<![\w.])(?P<name>{name}),?[ \u00a0]+(?P<form>{forms})(?!\w)")


def company_facts(article: Article, matches: list[Match]) -> list[Fact]:
    """A fact for each company written with its legal form that no known name covers: a
    rights holder when its name says it owns works, else a target when it is accused."""
    # A court's order to providers to block sites names them with their legal forms too.
    blocking = has_cue([t.key for t in article.tokens], "blocking") is not None
    known = [(m.start, m.end) for m in matches]
    openers = _OPENERS | {fold(n) for n in lexicon()["company_nouns"]}
    facts: dict[str, Fact] = {}
    for found in _pattern().finditer(article.text):
        end = found.end("form")
        words = list(re.finditer(r"\S+", found.group("name")))
        # "Overview. TBV Productions LLC": a full word and its stop end the sentence before.
        ends = [i for i, w in enumerate(words) if _SENTENCE_END.fullmatch(w.group())]
        words = words[ends[-1] + 1 :] if ends else words
        while words and fold(words[0].group()) in openers:
            words = words[1:]
        if not words:
            continue
        start = found.start("name") + words[0].start()
        if any(s < end and start < e for s, e in known) or article.in_headline(start):
            continue
        owner = any(fold(w.group()) in rights_company_words() for w in words)
        if not owner and (blocking or not _accused(article, start)):
            continue
        name = " ".join(article.text[start:end].split())
        span = Span(start, end, article.text[start:end])
        if fold(name) in facts:
            facts[fold(name)].spans.append(span)
            continue
        # Its name without the legal form is how the rest of a report names it ("Paira").
        short = " ".join(article.text[start : found.start("form")].split()).rstrip(",")
        data: dict[str, object] = {"country": None, "implied_names": [short]}
        if owner:
            data |= {"label": Label.ORGANIZATION, "kind": "rights holder"}
            facts[fold(name)] = Fact("rights_holder", name, [span], "low", [_OWNER_NOTE], data)
        else:
            data |= {"label": Label.GROUP, "kind": "company"}
            facts[fold(name)] = Fact("group", name, [span], "low", [_NOTE], data)
    return list(facts.values())


_ACCUSED_REACH = 25  # words before the company where the cue of its part stands


def _accused(article: Article, start: int) -> bool:
    """A cue before the company, in its sentence, that makes it the one accused or sued."""
    first = article.token_index(article.sentence_at(start).start)
    last = article.token_index(start)
    before = [t.key for t in article.tokens[max(first, last - _ACCUSED_REACH) : last]]
    return has_cue(before, "accused_company") is not None
