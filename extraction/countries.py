"""Countries named in the text, in any of the seven languages graph.model.countries reads,
and the countries of the national bodies it names ("la Guardia Civil": Spain)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import cache

from extraction.facts import Fact, Span
from extraction.lexicon import (
    Entry,
    Match,
    Phrase,
    PhraseMatcher,
    country_matcher,
    cue_keys,
    has_cue,
    nationality_codes,
    non_overlapping,
    phrase_keys,
    place_matcher,
    place_names,
)
from extraction.text import Article, Token, crosses_a_clause
from graph.model.countries import country_code, names_in_language
from graph.model.ids import fold
from graph.model.schema import Label

AGENCY_COUNTRY = "agency's country"  # the Entry.kind of a country read from an agency's name


def country_matches(article: Article, inside_names: list[Match]) -> list[Match]:
    """Country names, less those inside the name of a platform, rights holder or group
    ("Sky Italia" names a broadcaster, not Italy) and those giving a person's nationality;
    plus the country of each national agency named."""
    names = [m for m in inside_names if m.entry.label in {Label.PLATFORM, Label.ORGANIZATION, Label.GROUP}]
    blocked = {i for m in names for i in range(m.first, m.last)}
    # "LaLiga de España", "DirecTV Argentina": the country right after a company's name is its branch's.
    tokens = article.tokens
    for m in names:
        k = m.last + 1 if m.last < len(tokens) and tokens[m.last].key in _OF_BRANCH else m.last
        if k < len(tokens) and all(
            article.text[tokens[j - 1].end : tokens[j].start] == " " for j in range(m.last, k + 1)
        ):
            blocked.add(k)
    # "the US-based Business Software Alliance": where a body sits, not where anyone acted.
    blocked |= {i for m in country_matcher().find(article) if _seat_of_a_body(article, m, inside_names)
                for i in range(m.first, m.last)}  # fmt: skip
    everyday = [m for m in _everyday_matcher().find(article) if not _verb_usa(article, m)]
    found = non_overlapping(country_matcher().find(article) + everyday)
    route = _shipping_routes(article, sorted(found, key=lambda m: m.first))
    candidates = [
        m
        for m in sorted(found, key=lambda m: m.first)
        if not blocked & set(range(m.first, m.last))
        and m.first not in route
        and not _continent(article, m)
        and not _nationality(article, m)
        and not _residence(article, m)
        and not _origin(article, m)
        and not goods_destination(article, m)
        and not street_or_quarter(article, m)
        and not _a_fixture(article, m)
        and not _end_of_a_longer_name(article, m)
        and not _dateline_country(article, m)
        and not _quoted_title(article, m)
        and not _a_state_of_another_country(article, m)
        and not _a_place_in_another_language_s_name(article, m)
    ]
    candidates = _without_places_of_another_country(article, candidates)
    audience = _audience_countries(article, candidates)
    named = [m for m in candidates if m not in audience]
    agencies = _agency_countries(inside_names)
    if not named and not agencies and not places_country(article, inside_names):
        # "7,5 millions de visiteurs rien qu'en France" in an article naming no other
        # country, nor a place of one: where the audience is, and most likely where the
        # operation acted.
        named = audience
    return sorted(named + agencies, key=lambda m: m.first)


# A country's name that is all a quotation holds is a title: «Madagascar», "Brazil".
_OPENING_QUOTES = frozenset('«“"„‘')
_CLOSING_QUOTES = frozenset('»”"“’')


def _quoted_title(article: Article, match: Match) -> bool:
    before = article.text[max(0, match.start - 2) : match.start].strip()
    after = article.text[match.end : match.end + 2].strip()
    return before[-1:] in _OPENING_QUOTES and after[:1] in _CLOSING_QUOTES


# Words before a state's or a district's name: "the Northern District of Georgia", "the state of Georgia".
_STATE_OF = {("district", "of"), ("state", "of"), ("estado", "de"), ("etat", "de"), ("stato", "di")}


def _a_state_of_another_country(article: Article, match: Match) -> bool:
    """'the Northern District of Georgia': a country's name that is also a state or province
    of another country, written after 'District of' or 'State of', names the state."""
    tokens = article.tokens
    before = tuple(t.key for t in tokens[max(0, match.first - 2) : match.first])
    return before in _STATE_OF and bool(_also_a_place_of(article, match))


def _a_place_in_another_language_s_name(article: Article, match: Match) -> bool:
    """'eight raids in Granada' in English: a country's name only in other languages (Grenada's
    in Spanish) that is also a place of another country names the place."""
    written = fold(article.text[match.start : match.end])
    in_its_language = names_in_language(article.lang).get(written) == match.entry.name
    return not in_its_language and bool(_also_a_place_of(article, match))


def _also_a_place_of(article: Article, match: Match) -> frozenset[str]:
    """The other countries that have a place of the country's name ("Granada", "Georgia")."""
    places = place_names().get(phrase_keys(article.text[match.start : match.end]), frozenset())
    return places - {match.entry.name}


def _without_places_of_another_country(article: Article, candidates: list[Match]) -> list[Match]:
    """'en Tenerife, Málaga, Cádiz, Córdoba y Granada': a country's name that is also a
    place of another country (Granada, Grenada's Spanish name, is a Spanish province),
    listed among that country's places, names the place."""
    places = place_matcher().find(article)
    kept = []
    for m in candidates:
        others = _also_a_place_of(article, m)
        near = [p for p in places if m.first - _LISTED_REACH <= p.first and p.last <= m.last + _LISTED_REACH]
        listed_with = {p.entry.name for p in near if p.last <= m.first or p.first >= m.last}
        if not others & listed_with:
            kept.append(m)
    return kept


_LISTED_REACH = 3  # tokens either side where a neighbour in a list of places stands


_BASED = re.compile(r"-based\s+(?:the\s+)?")
_SEATED_LABELS = {Label.AGENCY, Label.ORGANIZATION, Label.PLATFORM}


def _seat_of_a_body(article: Article, match: Match, names: list[Match]) -> bool:
    """'US-based Business Software Alliance': a known body's or platform's seat. A target's
    stays ("Vietnam-based illegal streaming sites")."""
    based = _BASED.match(article.text, match.end)
    return based is not None and any(
        m.start == based.end() and m.entry.label in _SEATED_LABELS for m in names
    )


# "Lyon (France) – ...": a line opened by where the report was filed, not where anyone acted.
_DATELINE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,3}[ \t]*\([ \t]*$")
_DATELINE_END = re.compile(r"[ \t]*\)[ \t]*(?:,[^\n]{0,30})?[-–—:]")


def _dateline_country(article: Article, match: Match) -> bool:
    before = article.text[max(0, match.start - 60) : match.start]
    return bool(_DATELINE_PLACE.search(before)) and _DATELINE_END.match(article.text, match.end) is not None


# Words that make a country's name a street's or a quarter's: "au quartier Madagascar",
# "avenue de France", "via Venezuela", "calle Perú".
_STREET_WORDS = {
    *(
        "quartier",
        "quartiers",
        "quartiere",
        "rione",
        "barrio",
        "bairro",
        "colonia",
        "neighbourhood",
        "district",
    ),
    *("rue", "avenue", "boulevard", "place", "via", "viale", "piazza", "corso", "calle", "avenida", "rua"),
    *("praça", "plaza", "street", "road"),
    # markets: "au marché de Madina", "el mercado de San Juan"
    *("marche", "market", "mercado", "mercato", "feira", "souk"),
}


def street_or_quarter(article: Article, match: Match) -> bool:
    words = _words_before(article, match, 3)
    # "rue de France", "avenida do Brasil": the street word before the country's article
    words = [
        w
        for w in words
        if w not in {"de", "d", "du", "des", "di", "del", "do", "da", "dos", "la", "el", "le"}
    ]
    return bool(words) and words[-1] in _STREET_WORDS


# Capitalised words that may stand right before a country's name in running text.
_BEFORE_A_COUNTRY = {
    "in", "en", "of", "from", "to", "and", "the", "for", "at", "dans", "au", "aux", "le", "la", "el", "il",
    "em", "no", "na", "nel", "a", "de", "da", "do", "del", "di", "et", "y", "e", "und", "con", "with", "por",
    "per", "republic", "kingdom", "republica", "repubblica", "republique", "reino", "royaume", "regno",
    "state", "estado", "stato", "etat", "federal", "federation", "union",
}  # fmt: skip


def _end_of_a_longer_name(article: Article, match: Match) -> bool:
    """'el Mercado "Iván Montenegro"', 'Jorge Chile': a country's name after a capitalised
    word of running text, one space away, ends a person's or a place's name."""
    if match.first == 0:
        return False
    before = article.tokens[match.first - 1]
    gap = article.text[before.end : article.tokens[match.first].start]
    if gap != " " or not before.text[:1].isupper() or before.text.isupper() or not before.text.isalpha():
        return False
    if before.key in _BEFORE_A_COUNTRY or _sentence_start(article, before):
        return False
    return not article.in_headline(match.start)


# Words between the countries of a list: "des États-Unis, du Royaume-Uni et du Canada".
_COUNTRY_LIST = {"de", "des", "du", "d", "of", "the", "and", "et", "e", "y", "da", "do", "dal", "dalla"}


def _audience_countries(article: Article, matches: list[Match]) -> list[Match]:
    """The countries named as where an audience is, or as examples of other countries, with
    those listed after one of them ('venus des États-Unis, du Royaume-Uni et du Canada')."""
    tokens = article.tokens
    audience: list[Match] = []
    for m in matches:
        previous = next((a for a in reversed(audience) if a.last <= m.first), None)
        listed = (
            previous is not None
            and "\n" not in article.text[previous.end : m.start]
            and all(tokens[k].key in _COUNTRY_LIST for k in range(previous.last, m.first))
        )
        if (
            listed
            or _audience(article, m)
            or _another_country(article, m)
            or _companies_in(article, m)
            or _team(article, m)
            or _travel(article, m)
            or _landmark(article, m)
        ):
            audience.append(m)
    return audience


_OTHER_COUNTRIES_REACH = 5  # "Outros países, como o Reino Unido"


def _another_country(article: Article, match: Match) -> bool:
    """'other countries, such as the United Kingdom': an example from elsewhere."""
    return has_cue(_words_before(article, match, _OTHER_COUNTRIES_REACH), "other_countries") is not None


_COMPANIES_REACH = 10  # "empresas constituidas en varios países, entre ellos Argentina"


def _companies_in(article: Article, match: Match) -> bool:
    """'empresas constituidas en varios países, entre ellos Brasil': where a network set up
    its companies, not where the operation acted."""
    return has_cue(_words_before(article, match, _COMPANIES_REACH), "companies_in") is not None


_TRAVEL_REACH = 4  # "after being refused entry into Thailand"


def _travel(article: Article, match: Match) -> bool:
    """'refused entry into Thailand', 'on a flight to Dubai': a journey's end, not where the
    operation acted."""
    return has_cue(_words_before(article, match, _TRAVEL_REACH), "travel") is not None


_LANDMARK_REACH = 4  # "close to Lomé in Togo"


def _landmark(article: Article, match: Match) -> bool:
    """'Aflao, close to Lomé in Togo': the country of a place named as a landmark."""
    return has_cue(_words_before(article, match, _LANDMARK_REACH), "landmark") is not None


_TEAM_REACH = 8  # "un partido de la Copa América entre Canadá y Uruguay"


def _team(article: Article, match: Match) -> bool:
    """'a match between Canada and Uruguay', 'un partido de la Copa América entre Canadá y
    Uruguay': national teams, not where anything was done."""
    before = _words_before(article, match, _TEAM_REACH)
    between = bool(before) and (before[-1],) in cue_keys("between")
    return between and has_cue(before, "sports_match") is not None


_OF_BRANCH = {"de", "of", "do", "da", "del", "di", "du"}


# Everyday names the press uses that the ISO lists lack: Great Britain in the five languages.
# "Hollande" is also a surname: only after "en", "in"...
_EVERYDAY = {
    "GB": ["Gran Bretagna", "Gran Bretaña", "Grã-Bretanha", "Grande-Bretagne"],
    # "Emirati Arabi", "Emiratos Árabes": the United Arab Emirates without "United".
    "AE": ["Emirati Arabi", "Emiratos Árabes", "Émirats arabes", "Emirados Árabes"],
}
_EVERYDAY_AFTER_PREPOSITION = {"NL": ["Hollande"]}


@cache
def _everyday_matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for names, after_preposition in ((_EVERYDAY, False), (_EVERYDAY_AFTER_PREPOSITION, True)):
        for code, spellings in names.items():
            entry = Entry(label=Label.COUNTRY, name=code)
            for spelling in spellings:
                matcher.add(Phrase(phrase_keys(spelling), entry, after_preposition=after_preposition))
    # Italian papers write the United States "Usa": not the verb "usa" (lower case).
    matcher.add(Phrase(("usa",), Entry(label=Label.COUNTRY, name="US"), exact="Usa"))
    return matcher


def _verb_usa(article: Article, match: Match) -> bool:
    """'Usa' names the United States in Italian, but not first in a sentence ("Usa la app")."""
    if match.phrase.exact != "Usa":
        return False
    return article.lang != "it" or article.sentence_at(match.start).start == match.start


def _agency_countries(names: list[Match]) -> list[Match]:
    """A national agency's country, at the agency's words (not EU or INT bodies)."""
    return [
        Match(
            m.first,
            m.last,
            m.start,
            m.end,
            Entry(Label.COUNTRY, str(m.entry.country), kind=AGENCY_COUNTRY),
            m.phrase,
        )
        for m in names
        if m.entry.label == Label.AGENCY and m.entry.country and m.entry.country not in {"EU", "INT"}
    ]


def countries_of_drafted_bodies(article: Article, facts: list[Fact]) -> list[Match]:
    """'la Asociación Nacional de Broadcasters Uruguayos': a body the lexicon does not know
    whose name holds a nationality adjective is of that country, at the adjective; and each
    force listed by its adjective after a plural ("les polices allemande et suédoise")."""
    codes = nationality_codes()
    found = []
    for fact in facts:
        country = fact.data.get("country")
        if fact.kind == "agency" and fact.data.get("implied_names") and country not in {None, "EU", "INT"}:
            # "les polices allemande et suédoise": each force listed by its adjective.
            span = fact.spans[0]
            i = article.token_index(span.start)
            entry = Entry(Label.COUNTRY, str(country), kind=AGENCY_COUNTRY)
            found.append(
                Match(i, i + 1, span.start, span.end, entry, Phrase((article.tokens[i].key,), entry))
            )
            continue
        if fact.kind != "agency" or country:
            continue
        span = fact.spans[0]
        for i in range(article.token_index(span.start), article.token_index(span.end)):
            token = article.tokens[i]
            # Romance languages write the adjective in lower case: "Bureau sénégalais du droit d'auteur".
            if not token.text[:1].isupper() and article.lang not in _LOWER_CASE_NATIONALITIES:
                continue
            lang = article.lang
            code = codes.get((lang, token.key)) or codes.get((lang, token.key.removesuffix("s")))
            if code is not None:
                entry = Entry(Label.COUNTRY, code, kind=AGENCY_COUNTRY)
                found.append(Match(i, i + 1, token.start, token.end, entry, Phrase((token.key,), entry)))
    return found


_LOWER_CASE_NATIONALITIES = {"fr", "it", "es", "pt"}


# Words before a place that say something happened there: "no Rio Grande do Sul", "en las
# provincias de Alicante".
_AT_PLACE = {"in", "en", "em", "no", "na", "nos", "nas", "num", "numa", "nel", "nella", "nei", "negli", "au",
             "aux",             "à", "a", "at", "dans",
             # the towns a drive covered: "estesa ai comuni di Salerno e Battipaglia"
             "comuni", "comune", "communes", "commune", "municipios", "municipio",
             "municipalities", "municipality", "concelhos", "concelho"}  # fmt: skip
_AT_PLACE_REACH = 4  # tokens before a place (or the list it ends) where that word may stand
_PLACE_LIST = {"e", "y", "et", "and", "und"}


def place_matches(article: Article, inside_names: list[Match]) -> list[Match]:
    """States, provinces and regions named as where something happened, each standing for
    its country; not those inside a body's name ("Procura di Bari")."""
    named = {i for m in inside_names for i in range(m.first, m.last)}
    found = [m for m in place_matcher().find(article) if not named & set(range(m.first, m.last))]
    listed = {i for m in found for i in range(m.first, m.last)}
    # "au marché de Madina": a market or a quarter named after a far city, not that city.
    found = [m for m in found if not street_or_quarter(article, m)]
    return [m for m in found if _after_a_place_word(article, m.first, listed)]


def places_country(article: Article, inside_names: list[Match]) -> list[Match]:
    """The places an article names, standing for their country, when all are in one country."""
    tokens = article.tokens
    found = [
        m
        for m in place_matches(article, inside_names)
        # "América Latina": a word of a longer name, not the province of Latina.
        if not (m.first and tokens[m.first - 1].text[:1].isupper() and tokens[m.first - 1].end + 1 == m.start)
    ]
    return found if len({m.entry.name for m in found}) == 1 else []


def places_of_local_bodies(article: Article, facts: list[Fact]) -> list[Match]:
    """'le tribunal correctionnel de Strasbourg', 'Procura della Repubblica di Lecco': an
    article that names no country and no place it acted in acts where its local bodies sit,
    when all sit in one country."""
    bodies = [(s.start, s.end) for f in facts if f.kind == "agency" for s in f.spans]
    found = [
        m
        for m in place_matcher().find(article)
        if any(
            a <= m.start and m.end <= b and (a == m.start or _seat_word_before(article, m.first))
            for a, b in bodies
        )
    ]
    return found if len({m.entry.name for m in found}) == 1 else []


# The word before a body's seat inside its name: "Procura di Bari", "tribunal de Strasbourg", "PSP
# no Porto", "Avon and Somerset Police"; a seat opens the name or follows one of these, else the
# word is the name's own ("Ispettorato Centrale" is no region).
_SEAT_WORDS = {"de", "d", "di", "del", "della", "dello", "dell", "du", "des", "do", "da", "dos", "das", "of",
               "in", "en", "em", "no", "na", "a", "à", "au", "al", "nel", "nella",
               "and", "et", "e", "y"}  # fmt: skip


def _seat_word_before(article: Article, first: int) -> bool:
    return first > 0 and article.tokens[first - 1].key in _SEAT_WORDS


# "THIRUVANANTHAPURAM: ...", "WINDHOEK – ...": a paragraph opened by the place it was filed from.
_DATELINE_SEPARATOR = re.compile(r"[ \t]*(?::|[-–—][ \t])")


def dateline_place(article: Article, inside_names: list[Match]) -> list[Match]:
    """The place a paragraph's dateline names, standing for its country: where the report
    was filed, so only for an article that names no country, place or local body."""
    found = []
    for m in place_matcher().find(article):
        line_start = article.text.rfind("\n", 0, m.start) + 1
        opens = article.text[line_start : m.start].strip() == ""
        if (
            opens
            and _DATELINE_SEPARATOR.match(article.text, m.end)
            and not any(n.start <= m.start < n.end for n in inside_names)
        ):
            found.append(m)
    return found if len({m.entry.name for m in found}) == 1 else []


def _after_a_place_word(article: Article, first: int, listed: set[int]) -> bool:
    keys = [t.key for t in article.tokens]
    i = first - 1
    while i >= 0 and (i in listed or keys[i] in _PLACE_LIST):
        i -= 1  # back over the list this place ends: "Barcelona y Alicante"
    return any(k in _AT_PLACE for k in keys[max(0, i + 1 - _AT_PLACE_REACH) : i + 1])


def home_country(countries: list[Match]) -> str | None:
    """The country whose national agencies the article names most: where the operation acts."""
    counts = Counter(m.entry.name for m in countries if m.entry.kind == AGENCY_COUNTRY)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _continent(article: Article, match: Match) -> bool:
    """'North America', 'América Latina': a continent, not the United States; nor is the
    last word of a longer name ('Copa América')."""
    if match.entry.name != "US" or article.tokens[match.first].key != "america":
        return False
    before = article.tokens[match.first - 1] if match.first else None
    previous = before.key if before else ""
    following = article.tokens[match.last].key if match.last < len(article.tokens) else ""
    in_a_name = before is not None and before.text[:1].isupper() and not _sentence_start(article, before)
    return previous in _REGIONS or following in _REGIONS or in_a_name


def _sentence_start(article: Article, token: Token) -> bool:
    return article.sentence_at(token.start).start == token.start


_REGIONS = {"north", "south", "latin", "central", "latina", "latine", "do", "del"}


def _nationality(article: Article, match: Match) -> bool:
    """'a citizen of Norway', 'de nationalité française': who someone is, not where anything
    happened; so is each country listed after it ("menores de Pakistán y Bangladesh")."""
    tokens = article.tokens
    first = _first_of_its_list(tokens, match.first)
    before = [t.key for t in tokens[max(0, first - 3) : first]]
    return has_cue(before, "nationality") is not None


def _first_of_its_list(tokens: list[Token], i: int) -> int:
    """The first country of the list the one at token i ends: "dell'India e del Pakistan (ma
    anche del Senegal)", "de Pakistán y Bangladesh"."""
    first = k = i
    while k > 0 and i - k < _LISTED_REACH:
        j = k
        while j > 0 and tokens[j - 1].key in _LIST_LINKS:
            j -= 1
        if j == k or not any(tokens[m].key in _AND_WORDS | _COUNTED for m in range(j, k)):
            break  # no "and" between, nor "one of ... another of": not a list
        if j == 0 or not tokens[j - 1].text[:1].isupper():
            break
        first = k = j - 1
    return first


_LISTED_REACH = 8
_AND_WORDS = {"and", "et", "e", "y", "und", "ou", "or", "o", "anche", "also", "aussi", "también", "também"}
# Words between two countries of a list: "e del", "(ma anche del", "y de".
# People counted country by country: "siete son de Bangladesh, uno de la India y otro de Pakistán".
_COUNTED = {
    *("uno", "una", "otro", "otra", "otros", "otras", "um", "outro", "outra"),
    *("un", "une", "autre", "one", "another"),
}
_LIST_LINKS = (
    _AND_WORDS
    | _COUNTED
    | {
        *("de", "del", "della", "dell", "di", "do", "da", "du", "des", "of", "the"),
        *("la", "el", "le", "l", "a", "o"),
        *("ma", "but", "mais", "pero"),
    }
)


_RESIDENCE_REACH = 5  # "che vive ad Avignone, in Francia"


def residence_countries(article: Article) -> list[Match]:
    """Countries named as where someone lives: 'who lives in Spain', 'residente in Francia'."""
    return [m for m in country_matcher().find(article) if _residence(article, m)]


def _words_before(article: Article, match: Match, reach: int) -> list[str]:
    """The keys of up to `reach` tokens before a match, within its sentence."""
    sentence = article.sentence_at(match.start)
    tokens = article.tokens[max(0, match.first - reach) : match.first]
    return [t.key for t in tokens if t.start >= sentence.start]


def _residence(article: Article, match: Match) -> bool:
    return has_cue(_words_before(article, match, _RESIDENCE_REACH), "residence") is not None


_AUDIENCE_REACH = 10  # "assinantes espalhados por 16 estados e também por Portugal"


_FROM = {
    "de", "du", "des", "d", "from", "da", "do", "dos", "das", "di", "del", "dal", "dalla", "dall", "desde",
}  # fmt: skip
_AUDIENCE_NOUN_REACH = 6  # "d'utilisateurs en Europe ainsi qu'au Royaume du Maroc"


def _audience(article: Article, match: Match) -> bool:
    """'10,000 subscribers spread across Spain and Portugal', 'visiteurs venus des
    États-Unis', 'un million d'utilisateurs en Europe et au Maroc': where the audience is."""
    if has_cue(_words_before(article, match, _AUDIENCE_REACH), "audience") is not None:
        return True
    at_place = match.first > 0 and article.tokens[match.first - 1].key in _AT_PLACE
    before = _words_before(article, match, _AUDIENCE_NOUN_REACH)
    if at_place and has_cue(before, "audience_nouns") is not None:
        return True
    # "usuarios de Chile", "abonnés du Maroc": an audience noun right before, by "from".
    return len(before) >= 2 and before[-1] in _FROM and (before[-2],) in cue_keys("audience_nouns")


_COMING_REACH = 4  # words before the country: "arrivaient en fraude du Ghana"


def _origin(article: Article, match: Match) -> bool:
    """'i decoder arrivavano dalla Cina', 'imported from China', 'importa millones de CD desde
    Taiwan': where goods came from."""
    before = _words_before(article, match, _COMING_REACH)
    if any(tuple(before[len(before) - len(cue) :]) == cue for cue in cue_keys("origin")):
        return True
    sentence = article.sentence_at(match.start)
    keys = [t.key for t in article.tokens if sentence.start <= t.start < sentence.end]
    if before and before[-1] in _FROM and any((w,) in cue_keys("coming") for w in before[:-1]):
        return has_cue(keys, "goods") is not None  # "les fournitures arrivaient frauduleusement du Nigeria"
    if before and before[-1] in _FROM and has_cue(_clause_before(article, match), "imports") is not None:
        return True  # "importa ilegalmente millones de CD desde Taiwan"
    if not before or (before[-1],) not in cue_keys("origin_bare"):
        return False
    return has_cue(keys, "goods") is not None


# "avant le début de Monaco/Lille", "Italia – Spagna": two sides of a match, clubs or teams.
_SLASH_AFTER = re.compile(r"/([A-ZÀ-Ý][\w'’-]*)")
_SLASH_BEFORE = re.compile(r"([A-ZÀ-Ý][\w'’-]*)/$")
_DASH_AFTER = re.compile(r"\s[–-]\s([A-ZÀ-Ý][\w'’-]*)")
_DASH_BEFORE = re.compile(r"([A-ZÀ-Ý][\w'’-]*)\s[–-]\s$")


def _a_fixture(article: Article, match: Match) -> bool:
    """A country joined by a slash to another name that is no country ("Monaco/Lille"), or by
    a spaced dash in a sentence about a match: a side of a fixture, not a place."""
    text, before = article.text, article.text[max(0, match.start - 30) : match.start]
    slash = _SLASH_AFTER.match(text, match.end) or _SLASH_BEFORE.search(before)
    if slash:
        return country_code(slash.group(1)) is None
    dash = _DASH_AFTER.match(text, match.end) or _DASH_BEFORE.search(before)
    if not dash:
        return False
    sentence = article.sentence_at(match.start)
    keys = [t.key for t in article.tokens if sentence.start <= t.start < sentence.end]
    return has_cue(keys, "sports_match") is not None


_EXPORT_REACH = 10  # "écoulaient des cartes de visualisation vers l'Allemagne et l'Autriche"
_TO = {"to", "vers", "en", "au", "aux", "in", "verso", "a", "al", "para", "hacia", "nach"}


# "en tránsito con destino a Paraguay", "bound for Nigeria", "à destination du Mali"; "en la
# frontera con Brasil": where goods were going, or the country across a border.
_BOUND_FOR = re.compile(
    r"\b(?:con destino (?:a|al)|com destino (?:a|ao|à)|à destination d[eu']?|bound for|destined for"
    r"|headed for|con destinazione|diretti in|diretta in"
    r"|frontera con|fronteira com|border with|frontière avec|confine con|límite con|limite com|limite avec)"
    # and each country listed after the first: "junto al límite con Brasil y Paraguay"
    r"(?:\s*(?:(?:la|le|el|o|a|the|l['’])\s*)?[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+)?\s*(?:,|\by\b|\be\b|\bet\b|\band\b|\bed\b))*"
    r"\s*(?:(?:la|le|el|o|a|the|l['’])\s*)?$",
    re.IGNORECASE,
)


def goods_destination(article: Article, match: Match) -> bool:
    """'exporting them to Burma, Laos and Cambodia', 'exportée vers le Mali': where goods
    were sold abroad, a market, not where the operation acted."""
    if _BOUND_FOR.search(article.text[max(0, match.start - 40) : match.start]):
        return True
    before = _words_before(article, match, _EXPORT_REACH)
    at = has_cue(before, "exports")
    if at is None:
        return False
    # the last preposition before the country says which way: "vers", not "de" in "cartes de visualisation"
    prepositions = [w for w in before[at:] if w in _TO | _FROM]
    return bool(prepositions) and prepositions[-1] in _TO


# "de China a Paraguay", "from China to the UK": the words between the two ends of a route.
_ROUTE_JOIN = re.compile(
    r"\s+(?:a|al|à|hacia|to|para|pra|vers|verso|nach)\s+(?:(?:la|le|el|o|the|l['’])\s*)?", re.IGNORECASE
)


def _shipping_routes(article: Article, found: list[Match]) -> set[int]:
    """The first tokens of countries named as the two ends of goods' way ("el traslado del
    contenedor, de China a Paraguay"): where the goods went, not where anyone acted."""
    route: set[int] = set()
    for a, b in itertools.pairwise(found):
        if not _ROUTE_JOIN.fullmatch(article.text[a.end : b.start]):
            continue
        before = _words_before(article, a, 1)
        sentence = article.sentence_at(a.start)
        keys = [t.key for t in article.tokens if sentence.start <= t.start < sentence.end]
        if before and before[-1] in _FROM and has_cue(keys, "shipment") is not None:
            route |= {a.first, b.first}
    return route


def _clause_before(article: Article, match: Match) -> list[str]:
    sentence = article.sentence_at(match.start)
    tokens = [t for t in article.tokens[: match.first] if t.start >= sentence.start]
    return [t.key for t in tokens if not crosses_a_clause(article.text, t.end, match.start)]


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
        from_agency = match.entry.kind == AGENCY_COUNTRY
        text = article.text[match.start : match.end]
        facts.append(
            Fact(
                "country",
                match.entry.name,
                [Span(match.start, match.end, text)],
                "medium" if from_agency else "high",
                [f"the country of {text!r}, an agency that took part"] if from_agency else [],
                {"role": role},
            )
        )
    return facts
