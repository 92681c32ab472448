"""Bodies named by a name many countries give theirs: "la Policía Nacional", "la police
nationale", "el Ministerio Público". The lexicon gives each such bare name to the country
it most often means (Spain's Policía Nacional, France's Police nationale); in an article
about one other country it is that country's body: the one the lexicon knows whose name
starts with the bare name ("Policía Nacional del Perú"), else the one of its kind, else the
bare name with that country. Only where the article's language is one of that country's:
"Polícia Judiciária" in a Portuguese article about an operation in Spain is Portugal's.
In an article about several countries, none the one the lexicon gives the name to, the
body is one of theirs and keeps no country.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from babel.languages import get_official_languages

from extraction.countries import goods_destination, street_or_quarter
from extraction.lexicon import Entry, Match, country_matcher, lexicon, place_matcher
from extraction.text import Article
from graph.model.ids import fold
from graph.model.schema import Label

_NOT_A_COUNTRY = {None, "EU", "INT"}


@cache
def _shared_names() -> set[str]:
    return {fold(name) for name in lexicon()["shared_national_names"]}


# "el Ministerio de Justicia de la República de Moldavia", "o Ministério da Cultura e
# Turismo": the bare name opens a longer one.
_NAME_GOES_ON = re.compile(
    r"\s+(?:(?:de|del|da|do|di|du|des|of)\s+(?:(?:la|el|the|l['’])\s*)?|(?:e|y|et|and|ed)\s+)[A-ZÀ-Ý]"
)


def localised(article: Article, matches: list[Match]) -> list[Match]:
    """The matches, each bare shared name given the one country the article is about; a
    bare name opening a longer one is left to the rules that read the longer name."""
    starts = {m.start for m in matches if m.entry.label == Label.AGENCY}
    matches = [_of_the_country_after(article, m) for m in matches]
    matches = [m for m in matches if not _opens_a_longer_name(article, m, starts)]
    shared = [m for m in matches if m.entry.label == Label.AGENCY and _bare_shared(article, m)]
    if not shared:
        return matches
    # "hasta la calle Costa Rica": a street's name says nothing of whose body it is, nor
    # where goods were going ("due to be exported to the United States")
    found = [
        m
        for m in country_matcher().find(article)
        if not street_or_quarter(article, m) and not goods_destination(article, m)
    ]
    about: set[str | None] = {m.entry.name for m in found}
    places = [m for m in place_matcher().find(article) if not street_or_quarter(article, m)]
    about |= {m.entry.name for m in places if not _a_neighbours_place(article, m.entry.name)}
    # "la police judiciaire (PJ)": the acronym the article defines is the same body as the bare name.
    bare_of = {m.entry.name: fold(article.text[m.start : m.end]) for m in shared}
    about |= {
        m.entry.country for m in matches if m.entry.label == Label.AGENCY and m.entry.name not in bare_of
    }
    about -= _NOT_A_COUNTRY
    if len(about) > 1:
        # An article about several countries, none the one the lexicon gives the name to:
        # the body is one of theirs, which one the text does not say.
        return [
            replace(m, entry=_of_no_country(m.entry, bare_of[m.entry.name], _written(article, m, shared)))
            if m.entry.label == Label.AGENCY and m.entry.name in bare_of and m.entry.country not in about
            else m
            for m in matches
        ]
    if not about:
        # "el Ministerio Público Federal" in a Spanish article: not Brazil's, whose language
        # is not the article's; the text does not say whose.
        foreign = {m.entry.name for m in shared if not _in_its_language(article, m.entry.country)}
        return [
            replace(m, entry=_foreign_bare(m.entry, _written(article, m, shared)))
            if m.entry.label == Label.AGENCY and m.entry.name in foreign
            else m
            for m in matches
        ]
    country = str(next(iter(about)))
    if article.lang not in get_official_languages(country, de_facto=True):
        return matches  # "Polícia Judiciária" in a Portuguese article about Spain is Portugal's
    return [
        replace(m, entry=_body_of(m.entry, bare_of[m.entry.name], country, _written(article, m, shared)))
        if m.entry.label == Label.AGENCY and m.entry.name in bare_of and m.entry.country != country
        else m
        for m in matches
    ]


_OF_A_COUNTRY = re.compile(r"\s+(?:de|del|da|do|di|du|of)\s+(?:(?:la|el|the|l['’])\s*)?(?=[A-ZÀ-Ý])")


def _of_the_country_after(article: Article, match: Match) -> Match:
    """'Polícia Nacional do Paraguai', 'Policía Nacional de Colombia': a bare shared name
    followed by a country's name is that country's body, whatever the article's language."""
    of = _OF_A_COUNTRY.match(article.text, match.end)
    if of is None or match.entry.label != Label.AGENCY or not _bare_shared(article, match):
        return match
    country = next((c for c in country_matcher().find(article) if c.start == of.end()), None)
    if country is None or country.entry.name in _NOT_A_COUNTRY:
        return match
    code = str(country.entry.name)
    known = _named_so(match.entry, fold(article.text[match.start : match.end]), code)
    # the longer name the text writes ("Polícia Nacional do Paraguai") is the body's, known or not
    written = " ".join(article.text[match.start : country.end].split())
    entry = Entry(label=Label.AGENCY, name=known or written, kind=match.entry.kind, country=code)
    return replace(match, entry=entry, end=country.end, last=country.last)


def _named_so(entry: Entry, bare: str, country: str) -> str | None:
    """The one body of the country the lexicon knows by a name opening on `bare`."""
    named_so = [a["name"] for a in _same_kind(entry, country) if fold(a["name"]).startswith(bare)]
    return named_so[0] if len(named_so) == 1 else None


def _opens_a_longer_name(article: Article, match: Match, body_starts: set[int]) -> bool:
    """A bare shared name followed by the rest of a longer name; not when what follows is
    another body, the unit's ("la brigade économique et financière de la Sûreté de wilaya").
    Nor is it one when it opens a unit's name ("la police judiciaire fédérale de Gand") or
    gives a rank ("les officiers de police judiciaire")."""
    if not _bare_shared(article, match):
        return False
    if _RANK_BEFORE.search(article.text[max(0, match.start - 20) : match.start]):
        return True
    next_word = _NEXT_WORD.match(article.text, match.end)
    if next_word and _opens_a_unit(
        f"{fold(article.text[match.start : match.end])} {fold(next_word.group(1))}"
    ):
        return True
    goes_on = _NAME_GOES_ON.match(article.text, match.end)
    # "la police judiciaire de Dakar": a name the lexicon knows only as another's alias is a unit's here.
    an_alias = fold(match.entry.name) != fold(article.text[match.start : match.end])
    return (
        goes_on is not None
        and (match.entry.country is None or an_alias)
        and goes_on.end() - 1 not in body_starts
    )


# "officiers de police judiciaire", "ufficiali di polizia giudiziaria": a rank, not a body.
_RANK_BEFORE = re.compile(
    r"\b(?:officiers?|agents?|ufficiali|ufficiale|agenti|oficiales|agentes|officers?)\s+(?:de|di|of)\s+$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


@cache
def _opens_a_unit(words: str) -> bool:
    units = {fold(u) for heads in lexicon()["agency_units"].values() for u in heads}
    return any(u == words or u.startswith(words + " ") for u in units)


def _bare_shared(article: Article, match: Match) -> bool:
    return fold(article.text[match.start : match.end]) in _shared_names()


def _a_neighbours_place(article: Article, country: str | None) -> bool:
    """'el Distrito Federal' in a Spanish article is Mexico City, not Brasília: a place of a
    Portuguese-speaking country in a Spanish article, or the other way round, is doubtful."""
    return article.lang in {"es", "pt"} and not _in_its_language(article, country)


def _in_its_language(article: Article, country: str | None) -> bool:
    return country in _NOT_A_COUNTRY or article.lang in get_official_languages(str(country), de_facto=True)


def _foreign_bare(entry: Entry, written: str) -> Entry:
    return Entry(label=Label.AGENCY, name=written, kind=entry.kind, country=None)


def _of_no_country(entry: Entry, bare: str, written: str) -> Entry:
    return Entry(label=Label.AGENCY, name=_bare_name(entry, bare, written), kind=entry.kind, country=None)


def _bare_name(entry: Entry, bare: str, written: str) -> str:
    """The lexicon's spelling when the bare name is the entry's own, else the text's: not
    the name of the body the lexicon gives it to as an alias ("police judiciaire")."""
    return entry.name if fold(entry.name) == bare else written


def _written(article: Article, match: Match, shared: list[Match]) -> str:
    """The bare name as the text writes it, capitalised: "Police judiciaire"."""
    bare = next(m for m in shared if m.entry.name == match.entry.name)
    text = " ".join(article.text[bare.start : bare.end].split())
    return text[:1].upper() + text[1:]


@cache
def _body_of(entry: Entry, bare: str, country: str, written: str) -> Entry:
    """The country's body the bare name stands for: one the lexicon knows, else the bare
    name itself with the country."""
    same_kind = _same_kind(entry, country)
    chosen = _named_so(entry, bare, country) or (same_kind[0]["name"] if len(same_kind) == 1 else None)
    name = chosen or _bare_name(entry, bare, written)
    return Entry(label=Label.AGENCY, name=name, kind=entry.kind, country=country)


def _same_kind(entry: Entry, country: str) -> list[dict[str, str]]:
    return [a for a in lexicon()["agencies"] if a.get("country") == country and a.get("kind") == entry.kind]
