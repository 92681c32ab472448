"""Arrests and the country each took place in: a country named in the same sentence, else
the country of the operation's national agencies, else the article's first country."""

from __future__ import annotations

import re
from functools import cache

from extraction.countries import AGENCY_COUNTRY, home_country
from extraction.dates import told_as_weeks_before
from extraction.facts import Fact, Span
from extraction.lexicon import (
    INDUSTRY_KINDS,
    Match,
    cue_keys,
    has_cue,
    lexicon,
    nationality_codes,
    phrase_keys,
    units,
)
from extraction.text import Article, Token
from graph.model.ids import fold

_FIRST_NAMED = "first the article names"


def find_arrests(
    article: Article, countries: list[Match], places: list[Match] | None = None, international: bool = False
) -> list[Fact]:
    """`places`: states, provinces and regions named as where something happened, each
    standing for its country when an arrest's sentence names it. `international`: the
    article counts the countries the operation spans ("authorities from 13 countries"), so
    an arrest its sentence does not place is in no country the article tells."""
    home = home_country(countries)
    # The country of the operation's own bodies, trade bodies' seats aside (the MPA's is the US).
    agencies_home = home_country([m for m in countries if not _an_industry_bodys(article, m)])
    if international or (home is not None and {m.entry.name for m in countries} != {home}):
        home = None  # other countries named: the operation may not be in one country
    # The first country named, usually the title's, is where the operation acts unless the
    # article says it acted in others too.
    first = countries[0].entry.name if countries else None
    abroad = international or (first is not None and _acted_abroad(article.tokens, countries, first))
    facts: list[Fact] = []
    for sentence in article.whole_sentences:
        tokens = [t for t in article.tokens if sentence.start <= t.start < sentence.end]
        keys = [t.key for t in tokens]
        if has_cue(keys, "negation") is not None or told_as_weeks_before(article, sentence.start):
            continue
        # Arrests of another operation: "un episodio simile era avvenuto un anno fa: due uomini
        # finiti in manette", "ha habido detenciones parecidas en Corea del Sur".
        if has_cue(keys, "earlier_operation") is not None or has_cue(keys, "other_operation") is not None:
            continue
        cue_at = _arrest_cue(keys)
        if cue_at is None:
            continue
        cue_start, cue_end = tokens[cue_at[0]].start, tokens[cue_at[1] - 1].end
        cue_span = Span(cue_start, cue_end, article.text[cue_start:cue_end])
        partners = _partners(article, sentence.start, sentence.end, countries)
        here = [
            m
            for m in sorted([*countries, *(places or [])], key=lambda m: m.first)
            if sentence.start <= m.start < sentence.end
            and not _elsewhere(article.tokens, m, countries)
            and m not in partners
            and not _a_bodys_report(article, m)
        ]
        # A trade body's seat yields to any other country the sentence names.
        others = [m for m in here if not _an_industry_bodys(article, m, cue_end)]
        here = others or here
        after = [m for m in here if m.start >= cue_end and not _other_clause(article, cue_end, m)]
        after = _placed(article.tokens, after)
        if not after and facts and _refers_back(keys, cue_at[0]):
            continue  # "The US Attorney confirmed the arrest": one already told, not a new place
        chosen = after or [m for m in here if m.end <= cue_start]
        if not after and len(here) > len(chosen):
            chosen = []  # the only country after the arrest is another event's
        soil = None if chosen else _SOIL.search(article.text, sentence.start, sentence.end)
        code = nationality_codes().get((article.lang, fold(soil.group(1) or soil.group(2)))) if soil else None
        if chosen:
            facts += [
                _in_sentence(article, cue_span, m, guessed=m not in after or len(chosen) > 1) for m in chosen
            ]
        elif soil and code:
            said = Span(soil.start(), soil.end(), soil.group())
            note = f"the country is read from {soil.group()!r}: check it"
            facts.append(Fact("arrest", code, [cue_span, said], "medium", [note], {"country": code}))
        else:
            facts.append(_without_country(article, cue_span, countries, home, abroad, agencies_home))
    sure = {
        f.key
        for f in facts
        if f.key != "unknown" and (f.confidence != "low" or _FIRST_NAMED not in f.notes[0])
    }
    if sure:
        # A guessed country, or none, most likely belongs to an arrest already found.
        facts = [f for f in facts if f.key in sure]
    return facts


_LOCATIVE = {"in", "en", "em", "no", "na", "nel", "nella", "nei", "negli", "au", "aux", "à", "a", "at"}
_AND = {"e", "y", "et", "and", "und"}


_SOURCE_REACH = 12  # words from "according to" to the body: "Stando a un comunicato recente della X (X)"


def _a_bodys_report(article: Article, match: Match) -> bool:
    """'Stando a un comunicato della CODA giapponese, ... ha arrestato quattro persone': the
    country of a body the arrest is reported by is not where it happened."""
    if match.entry.kind != AGENCY_COUNTRY:
        return False
    first = max(article.token_index(article.sentence_at(match.start).start), match.first - _SOURCE_REACH)
    # The source's phrase ends at its comma: "Stando a X, la polizia cinese ha arrestato...".
    while first < match.first and "," in article.text[article.tokens[first].start : match.start]:
        first += 1
    return has_cue([t.key for t in article.tokens[first : match.first]], "source_of") is not None


def _an_industry_bodys(article: Article, match: Match, cue_end: int | None = None) -> bool:
    """'helped by the MPA's Thailand programme, seized ... and arrested two people': the
    country of a trade body's seat is not where the arrest happened, unless the text says
    the body made it, after the arrest word ("il a été interpellé par la FACT")."""
    if match.entry.kind != AGENCY_COUNTRY or match.phrase.entry.kind not in INDUSTRY_KINDS:
        return False
    if cue_end is None or match.start < cue_end:
        return True
    return not {t.key for t in article.tokens[max(0, match.first - 2) : match.first]} & _BY


_BY = {"by", "par", "da", "dalla", "dal", "por", "pela", "pelo", "von"}


def _acted_abroad(tokens: list[Token], countries: list[Match], home: str) -> bool:
    """Another country is named as a place ("in Croazia", "en France et en Suède", "in
    Malta, Spagna e Olanda"), not only as whose agencies helped or whose sites were blocked;
    or the article names three other countries or more: an international operation."""
    if len({m.entry.name for m in countries} - {home}) >= 3:
        return True
    in_country = {i for m in countries if m.entry.kind != AGENCY_COUNTRY for i in range(m.first, m.last)}
    for match in countries:
        if match.entry.name == home or match.entry.kind == AGENCY_COUNTRY or seat_of_a_body(tokens, match):
            continue
        i = _before_the_list(tokens, match.first, in_country)
        if i >= 0 and tokens[i].key in _LOCATIVE:
            return True
    return False


def _before_the_list(tokens: list[Token], first: int, listed: set[int]) -> int:
    """The token before the list of countries that the one at `first` ends ("in Malta,
    Spagna e Olanda"): back over the listed countries and the words joining them."""
    i = first - 1
    while i >= 0 and (i in listed or tokens[i].key in _AND):
        i -= 1
    return i


# "arrêtées sur territoire suisse", "arrested on Swiss soil": the country by its adjective.
_SOIL = re.compile(
    r"\b(?:territoire|sol|territorio|território|suolo)\s+(?:national\s+|nazionale\s+|nacional\s+)?([^\W\d_]+)"
    r"|\b([A-Z][a-z]+)\s+soil\b"
)


# "une opération commune entre la Suisse, l'Allemagne, la France...": the countries that
# worked together, not where the arrest took place.
_JOINT = re.compile(
    r"\b(?:joint operation|opération commune|opération conjointe|operazione congiunta|operación conjunta"
    r"|operação conjunta|coopération|cooperation|cooperazione|cooperación|cooperação)\s+"
    r"(?:between|among|entre|tra|fra)\b",
    re.IGNORECASE,
)
_LIST_GLUE = re.compile(r"^(?:[\s,]+|l['’]|(?:and|et|e|y|the|la|le|les|il|lo|gli|el|los|las|a|o|os|as)\b)*$")


def _partners(article: Article, start: int, end: int, countries: list[Match]) -> list[Match]:
    """The countries listed right after "joint operation between" in this sentence."""
    joint = _JOINT.search(article.text, start, end)
    if joint is None:
        return []
    listed, pos = [], joint.end()
    for m in sorted((m for m in countries if joint.end() <= m.start < end), key=lambda m: m.start):
        if not _LIST_GLUE.match(article.text[pos : m.start]):
            break
        listed.append(m)
        pos = m.end
    return listed


def _placed(tokens: list[Token], after: list[Match]) -> list[Match]:
    """Of several countries after an arrest word, those named as a place ("arrested in
    Poland, and he must now fight US attempts to extradite him"), when any is."""
    if len(after) < 2:
        return after
    listed = {i for m in after for i in range(m.first, m.last)}
    located = [m for m in after if _at_place(tokens, m.first, listed)]
    return located or after


def _at_place(tokens: list[Token], first: int, listed: set[int]) -> bool:
    """A locative a few words before the country ("in Poland", "en la provincia de
    Sevilla"), or before the list it ends ("in Spain and Denmark")."""
    i = _before_the_list(tokens, first, listed)
    return any(t.key in _LOCATIVE for t in tokens[max(0, i + 1 - _LOCATIVE_REACH) : i + 1])


_LOCATIVE_REACH = 4  # "en la provincia de Sevilla", "in the Netherlands"


# Before an arrest noun: it names an arrest the article has already told ("confirmed the
# arrest", "après son interpellation").
_DEFINITE = {
    "the", "his", "her", "their", "this", "that", "l", "la", "le", "les", "son", "sa", "ses", "leur", "cette",
    "il", "lo", "gli", "suo", "sua", "loro", "questo", "questa", "el", "los", "las", "su", "sus", "esta",
    "este", "a", "o", "os", "as", "seu", "essa", "esse", "dessa", "desse", "da", "do",
}  # fmt: skip


def _refers_back(keys: list[str], cue: int) -> bool:
    return cue > 0 and keys[cue - 1] in _DEFINITE


def seat_of_a_body(tokens: list[Token], match: Match) -> bool:
    """'ACE, installée aux États-Unis': where a body has its seat, not where anything happened."""
    before = [t.key for t in tokens[max(0, match.first - 4) : match.first]]
    return has_cue(before, "seat") is not None


def _arrest_cue(keys: list[str]) -> tuple[int, int] | None:
    """The first arrest word with no possibility or denial next to it, and no warrant
    unless the sentence says the warrants were carried out ("cumpridos ... oito ordens de
    prisão": eight arrests)."""
    cues = sorted(cue_keys("arrest"), key=len, reverse=True)
    executed = _warrants_carried_out(keys)
    for i in range(len(keys)):
        for cue in cues:
            if tuple(keys[i : i + len(cue)]) == cue:
                just_before = keys[max(0, i - 3) : i]
                near = keys[max(0, i - 5) : i] + keys[i + len(cue) : i + len(cue) + 1]
                if (
                    has_cue(just_before, "not_arrest") is None
                    and (executed or has_cue(near, "warrant") is None)
                    and has_cue(keys[max(0, i - 8) : i], "doubt") is None
                    and not _thing_stopped(keys, i)
                    and not _goods_taken(keys, i)
                    and not _held_by_whom(keys, i)
                    and not _taken_as_in_italian(keys, i)
                    and not _a_penalty_or_a_holding(keys, i)
                ):
                    return i, i + len(cue)
                break
    return None


_STOPPED = {"arrete", "arretee", "arretes", "arretees"}


_OBJECT_PRONOUNS = {"os", "as", "o", "a"}


def _held_by_whom(keys: list[str], i: int) -> bool:
    """'as empresas que os detêm', 'de quem os detém': to hold rights, not to detain."""
    before = keys[max(0, i - 2) : i]
    held = len(before) == 2 and before[0] in {"que", "quem"} and before[1] in _OBJECT_PRONOUNS
    return keys[i] == "detem" and held


def _thing_stopped(keys: list[str], i: int) -> bool:
    """'le service a été arrêté': French 'arrêter' also means to stop a thing."""
    return keys[i] in _STOPPED and has_cue(keys[max(0, i - 4) : i], "stopped_thing") is not None


_TAKEN = {
    "levados", "levadas", "conduzidos", "conduzidas", "conducidos", "trasladados", "conduits", "emmenes",
}  # fmt: skip
_TAKEN_REACH = 12  # words before "levados à delegacia" where the sentence names what was taken


# Italian "preso"/"presa" is "taken", never "arrested": "ha preso parte", "presa di mira".
_ITALIAN_TAKEN = {
    *("parte", "atto", "posizione", "contatto", "nota", "possesso"),
    *("di", "in", "il", "lo", "i", "gli"),
}


def _taken_as_in_italian(keys: list[str], i: int) -> bool:
    return keys[i] in {"preso", "presa"} and i + 1 < len(keys) and keys[i + 1] in _ITALIAN_TAKEN


# "un mes y un día de arresto mayor": Spain's old short prison penalty, given by a court.
_PENALTY_AFTER_ARREST = {"mayor", "menor"}
# "detenção de arma proibida", "la detención de unas 5.800 cintas": holding things, not people.
_HOLDING = {"detencao", "detencoes", "detencion", "detenciones"}
_HELD_THINGS = {"arma", "armas", "droga", "drogas", "estupefacientes", "municoes", "municiones", "explosivos"}
_HOLDING_REACH = 6  # words after "detenção de" where the thing held is named: "de unas 5.800 cintas"


def _a_penalty_or_a_holding(keys: list[str], i: int) -> bool:
    """The arrest word at i names a penalty, or things held: no one was arrested."""
    after = keys[i + 1 : i + 1 + _HOLDING_REACH]
    if keys[i] == "arresto" and after[:1] and after[0] in _PENALTY_AFTER_ARREST:
        return True
    if keys[i] not in _HOLDING or after[:1] != ["de"]:
        return False
    things_held = bool(set(after) & _HELD_THINGS) or has_cue(after, "goods_taken") is not None
    return things_held and not set(after) & _people_words()


def _goods_taken(keys: list[str], i: int) -> bool:
    """'Os CDs e DVDs foram levados à delegacia': goods taken to the station, no arrest."""
    if keys[i] not in _TAKEN:
        return False
    before = keys[max(0, i - _TAKEN_REACH) : i]
    return has_cue(before, "goods_taken") is not None and not set(before) & _people_words()


@cache
def _people_words() -> frozenset[str]:
    return frozenset(fold(w) for unit in ("people", "suspects") for w in units()[unit])


def _warrants_carried_out(keys: list[str]) -> bool:
    executed = {phrase_keys(w) for w in lexicon()["executed_warrants"]}
    return any(tuple(keys[i : i + len(cue)]) == cue for cue in executed for i in range(len(keys)))


def _other_clause(article: Article, cue_end: int, match: Match) -> bool:
    """A country after a further event of the sentence belongs to it: "one person was
    arrested and three homes were searched, one in Andorra"."""
    between = [t.key for t in article.tokens if cue_end <= t.start < match.start]
    event = has_cue(between, "other_event")
    # "arrests took place during the searches, in France...": one event, one place
    return event is not None and has_cue(between[max(0, event - _DURING_REACH) : event], "during") is None


_DURING_REACH = 3  # words between 'during' and the event: "au cours des", "nel corso delle"


def _elsewhere(tokens: list[Token], match: Match, countries: list[Match]) -> bool:
    """A country named as a nationality, where someone is wanted, a flight's destination or
    where servers are, or the next of a list that opens so ("servidores na Alemanha e em
    Itália"): not where the arrest took place."""
    before = [t.key for t in tokens[max(0, match.first - 3) : match.first]]
    if has_cue(before, "not_arrest_place") is not None:
        return True
    previous = next((m for m in reversed(countries) if m.last <= match.first), None)
    if previous is None or match.first - previous.last > _LIST_GAP:
        return False
    joined = all(t.key in _AND | _LOCATIVE for t in tokens[previous.last : match.first])
    return joined and _elsewhere(tokens, previous, countries)


_LIST_GAP = 2  # words between two countries of one list: "na Alemanha e em Itália"


def _in_sentence(article: Article, cue: Span, match: Match, guessed: bool) -> Fact:
    return Fact(
        "arrest",
        match.entry.name,
        [cue, Span(match.start, match.end, article.text[match.start : match.end])],
        "low" if guessed else "medium",
        ["the country is the one named in the arrest's sentence: check it is where the arrest took place"],
        {"country": match.entry.name},
    )


def _without_country(
    article: Article,
    cue: Span,
    countries: list[Match],
    home: str | None,
    abroad: bool,
    agencies_home: str | None,
) -> Fact:
    if home is not None:
        return Fact(
            "arrest",
            home,
            [cue],
            "medium",
            ["no country in the arrest's sentence: the country of the operation's national agencies"],
            {"country": home},
        )
    if abroad:
        # Several countries where the operation acted, none in the sentence: the place is not said.
        return Fact(
            "arrest",
            "unknown",
            [cue],
            "low",
            ["no country in the arrest's sentence and the article names several: check where it took place"],
            {"country": None},
        )
    if agencies_home is not None:
        # Other countries named too (where goods came from, whose people): the operation's
        # own bodies still say where it acted.
        return Fact(
            "arrest",
            agencies_home,
            [cue],
            "low",
            [
                "no country in the arrest's sentence: the country of the operation's national agencies, "
                "though the article names others; check it"
            ],
            {"country": agencies_home},
        )
    # The article's first country, usually the one its title names; a trade body's seat last.
    first = next((m for m in countries if not _an_industry_bodys(article, m)), next(iter(countries), None))
    if first is not None:
        return Fact(
            "arrest",
            first.entry.name,
            [cue, Span(first.start, first.end, article.text[first.start : first.end])],
            "low",
            [f"no country in the arrest's sentence: the country is the {_FIRST_NAMED}; check it"],
            {"country": first.entry.name},
        )
    return Fact("arrest", "unknown", [cue], "low", ["no country named in the article"], {"country": None})
