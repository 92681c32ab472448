"""Named things: agencies, platforms, rights holders and groups from the lexicon; groups
and agencies the lexicon does not know, from the words around them; operation names."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from babel.dates import get_day_names, get_month_names
from publicsuffixlist import PublicSuffixList
from text_to_num import text2num

from extraction.facts import Fact, Span
from extraction.lexicon import (
    FILE_SHARING_NETWORK,
    INDUSTRY_KINDS,
    Entry,
    Match,
    Phrase,
    country_matcher,
    cue_keys,
    generic_body_phrases,
    has_cue,
    is_news_agency,
    legal_forms,
    lexicon,
    member_words,
    national_police,
    nationality_codes,
    nationality_words,
    ordinal_words,
    phrase_keys,
    place_matcher,
    place_names,
    state_bodies,
    state_police,
    units,
    without_qualifier,
    words,
)
from extraction.opened_names import capitalised_words_before, opened_name_facts
from extraction.text import LANGUAGES, Article, Token
from graph.model.countries import country_code
from graph.model.ids import fold
from graph.model.schema import Label

_KIND_OF_LABEL: dict[str, str] = {
    Label.AGENCY: "agency",
    Label.PLATFORM: "platform",
    Label.ORGANIZATION: "rights_holder",
    Label.GROUP: "group",
}
# Languages that put the name after the word for what it is ("le groupe Sparks").
_NAME_AFTER = {"fr", "it", "es", "pt"}
_DETERMINERS = {
    fold(w)
    for w in [
        "the",
        "a",
        "an",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "del",
        "della",
        "di",
        "il",
        "lo",
        "gli",
        "el",
        "los",
        "las",
        "o",
        "os",
        "as",
        "do",
        "da",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "this",
        "that",
        "ce",
        "cette",
        "ces",
        "these",
        "those",
        "its",
        "their",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
    ]
}
_FUNCTION = _DETERMINERS | {
    fold(w)
    for w in [
        "and",
        "or",
        "et",
        "ou",
        "e",
        "y",
        "und",
        "of",
        "in",
        "en",
        "à",
        "au",
        "aux",
        "to",
        "for",
        "pour",
        "per",
        "with",
        "avec",
        "by",
        "par",
        "from",
        "sur",
        "on",
        "at",
        "selon",
        "according",
        "since",
        "depuis",
        "after",
        "après",
        "before",
        "avant",
        "when",
        "lorsque",
        "while",
        "tandis",
        "but",
        "mais",
        "also",
        "aussi",
    ]
}
_CONNECTORS = {
    fold(w)
    for w in [
        "a",
        "ao",
        "aos",
        "au",
        "aux",
        "of",
        "de",
        "di",
        "del",
        "della",
        "des",
        "du",
        "la",
        "for",
        "für",
        "and",
        "e",
        "y",
        "do",
        "da",
        "dos",
        "das",
        "von",
        # "Delitos contra la Propiedad Intelectual", "Crimes contre l'Humanité"
        "contra",
        "contre",
        "contro",
        "against",
        # an article after a preposition: "Delitos Contra los Derechos Intelectuales"
        "los",
        "las",
        "les",
        "gli",
        "os",
    ]
}
# "Fiscalía Especializada en Delitos...", "Delegacia Especializada em Crimes...": the field
# a specialised body works in is part of its name.
_SPECIALISED = re.compile(r"(?:especiali[sz]ad|speciali[sz]zat|speciali[sz]ed)[oa]?s?$")
_IN = {"en", "em", "in"}
_ANY_CRYPTO = "Cryptocurrencies"
_OPERATION_WORDS = r"op[ée]ration|operation|operazione|operaci[óo]n|operativo|opera[çc][ãa]o|Aktion"
# "l'operazione di polizia giudiziaria 'X'", "l'opération de police « X »": the kind of operation.
_OPERATION_KIND = (
    r"(?:\s+(?:di|de|of)\s+(?:polizia|police|pol[ií]c[ií]a)"
    r"(?:\s+(?:giudiziaria|judiciaire|judicial|judici[áa]ria))?)?"
    # "l'operazione internazionale 'Switch off'", "la operación conjunta «X»"
    r"(?:\s+(?:internazionale|internationale?|internacional|congiunta|conjointe|conjunta|joint|nazionale|"
    r"nationale?|nacional|europea|européenne|europeia|european|transnazionale|transnationale?|transnacional))?"
)
_NAMING_PARTICIPLES = (
    r"denominat[ao]|chiamat[ao]|ribattezzat[ao]|battezzat[ao]|nome\s+in\s+codice|denominad[ao]|llamad[ao]|bautizad[ao]"
    r"|batizad[ao]|baptizad[ao]|chamad[ao]|dubbed|called|named|code-?named|baptis[ée]e?|d[ée]nomm[ée]e?|nomm[ée]e?"
    r"|intitul[ée]e?|appel[ée]e?"
)
# "l'operazione denominata 'X'", "la operación llamada «X»", "an operation dubbed 'X'",
# "a operação, batizada de X".
_OPERATION_NAMING = rf"{_OPERATION_KIND}(?:\s*,?\s+(?:{_NAMING_PARTICIPLES})(?:\s+(?:de|como|come|as))?)?"
# The name may run onto the next line of a wrapped paragraph, never across a blank line. A
# quote glued to the operation word closes it ('"gran operativo" y de "histórica"').
_QUOTED_OPERATION = re.compile(
    rf"(?:{_OPERATION_WORDS}){_OPERATION_NAMING}(?:\s*[:,]\s*|\s+)[«\"“„]\s*((?:[^»\"”“\n]|\n(?!\s*\n)){{2,60}}?)\s*[»\"”“]",
    re.IGNORECASE,
)
# "operazione 'Black Out'", "operación ‘Corsario’": single quotes, closed before a non-letter.
_SINGLE_QUOTED_OPERATION = re.compile(
    rf"(?:{_OPERATION_WORDS}){_OPERATION_NAMING}(?:\s*[:,]\s*|\s+)['‘’]((?:[^'‘’\n]|\n(?!\s*\n)){{2,60}}?)['’](?!\w)",
    re.IGNORECASE,
)
# French and Canadian police name operations "Projet X": « Projet Capituler », "Project Anvil".
_QUOTED_PROJECT = re.compile(r"[«\"“]\s*((?:Projet|Project)\s+[^»\"”“\n]{2,40}?)\s*[»\"”]")
# The RCMP's and other forces' code names: "le Projet ODOWN", "Project OCORNER", "le projet
# OSTINGER" (the name in capitals).
_CAPITALS_PROJECT = re.compile(
    r"\b((?:[Pp]rojet|[Pp]roject|[Pp]royecto|[Pp]rojeto|[Pp]rogetto)\s+[A-Z][A-Z0-9-]{2,})\b"
)
# "la precedente operazione 'X'", "l'opération précédente": an earlier operation, cited for context.
_EARLIER_BEFORE = re.compile(
    r"\b(?:precedente|previous|earlier|prior|last|pr[ée]c[ée]dente|anterior)\s+(?:international\s+|joint\s+)?$",
    re.IGNORECASE,
)
_EARLIER_AFTER = re.compile(r"\w+\s+(?:precedente|pr[ée]c[ée]dente|anterior)\b", re.IGNORECASE)
# "l'operazione The perfect storm,": an English name opened by "The", to the punctuation.
_THE_OPERATION = re.compile(rf"(?:{_OPERATION_WORDS})\s+(The(?:\s+[^\W\d_]+){{1,3}})(?=\s*[,.;:)\n])")
# "Operação Fantasma da Rede": a Romance name may hold a joining word, not before a body
# ("Operação Sentinela da Polícia Federal").
_NAME_JOIN = (
    r"(?:(?:de|do|da|dos|das|di|del|della|du)\s+"
    r"(?!Pol[ií]c[ií]a|Polizia|Police|Guardia|Gendarmer|Procura|Fiscal|Minist|Receita|Ag[eê]ncia|Agencia)"
    r")?"
)
# "a operação, batizada de Fake Sat,": a naming word, then the name in capitals to the punctuation.
_NAMED_AFTER_NAMING = re.compile(
    rf"(?:{_OPERATION_WORDS})\s*,?\s+(?:{_NAMING_PARTICIPLES})(?:\s+(?:de|como|come|as))?\s+"
    # the name as written, in capitals
    rf"((?-i:[A-Z0-9][\w-]*(?:\s+{_NAME_JOIN}[A-Z0-9][\w-]*){{0,2}}))(?=\s*[,.;:)\n])",
    re.IGNORECASE,
)
# 'Denominada "X", a ação...': the naming word first, the operation or action just after the name.
_NAMING_FIRST = re.compile(
    rf"\b(?:{_NAMING_PARTICIPLES})(?:\s+(?:de|como|come|as))?\s*[«\"“„]\s*([^»\"”“\n]{{2,60}}?)\s*[»\"”“]\s*,?"
    rf"\s+(?:\w+\s+){{0,2}}(?:{_OPERATION_WORDS}|a[çc][ãa]o|acci[óo]n|action|azione)\b",
    re.IGNORECASE,
)
# 'Chamada Paralelo 5, a ação envolveu...': the same with the name unquoted, in capitals.
_NAMING_FIRST_UNQUOTED = re.compile(
    rf"\b(?i:{_NAMING_PARTICIPLES})(?:\s+(?:de|como|come|as))?\s+"
    r"([A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2})\s*,"
    rf"\s+(?:\w+\s+){{0,2}}(?i:{_OPERATION_WORDS}|a[çc][ãa]o|acci[óo]n|action|azione)\b"
)
_NAMED_OPERATION = re.compile(
    r"\b(?:Operation|Opération|Operazione|Operación|Operação)\s+"
    rf"((?:[A-Z0-9][\w-]*)(?:\s+{_NAME_JOIN}[A-Z0-9][\w-]*){{0,2}})"
)
# "la 'operación Cascada'", "l'«Operazione Need for Play»": the operation word inside the
# quotes with the name, whose later words the closing quote bounds.
_QUOTED_WITH_ITS_WORD = re.compile(
    r"['‘\"“«]\s*(?i:operation|op[ée]ration|operazione|operaci[óo]n|opera[çc][ãa]o)\s+"
    r"([A-Z0-9][\w-]*(?:\s+[\w-]+){0,3})\s*['’\"”»]"
)
# "na operação Cama de Gato, que...": the word in lower case, a name in capitals with its
# small joining words, closed by punctuation or a relative pronoun.
_LOWER_WORD_OPERATION = re.compile(
    r"\b(?:operation|op[ée]ration|operazione|operaci[óo]n|opera[çc][ãa]o) "
    r"((?!(?:The|La|Le|Les|Il|El|Los|Las|O|Os|A|As)\b)"
    r"[A-Z][\w-]*(?: (?:(?:de|do|da|di|del|della|du|of) )?[A-Z][\w-]*){0,3}"
    r"(?: (?:off|out|down|up|over))?)"  # an English verb's particle: "l'operazione Switch off"
    r"(?=[,.;:)\n]| (?:que|che|qui|which|that|contra|contre|contro|against)\b)"
)
# "under operations 'Swirl' and 'Push Back'", "le operazioni «Alfa» e «Beta»": several names,
# each quoted, after the plural word.
_QUOTED_ITEM = r"[«\"“„'‘]\s*[^»\"”“'‘’\n]{2,60}?\s*[»\"”“'’]"
_PLURAL_OPERATIONS = re.compile(
    r"\b(?:operations|op[ée]rations|operazioni|operaciones|operativos|opera[çc][õo]es)"
    rf"(?:\s*,?\s+(?:{_NAMING_PARTICIPLES}))?\s+"
    rf"({_QUOTED_ITEM}(?:\s*(?:,|,?\s+(?:and|et|e|y|ed))\s+{_QUOTED_ITEM})+)",
    re.IGNORECASE,
)
_QUOTED_ITEM_NAME = re.compile(r"[«\"“„'‘]\s*([^»\"”“'‘’\n]{2,60}?)\s*[»\"”“'’]")
# "las operaciones Fastlink y Site Down": names in capitals, unquoted, listed after the plural.
_CAPITAL_ITEM = r"[A-ZÀ-Ý0-9][\w'’.-]*(?:[ ][A-ZÀ-Ý0-9][\w'’.-]*){0,2}"
_PLURAL_OPERATIONS_UNQUOTED = re.compile(
    r"\b(?:operations|op[ée]rations|operazioni|operaciones|opera[çc][õo]es)\s+"
    rf"({_CAPITAL_ITEM}(?:,\s+{_CAPITAL_ITEM})*\s+(?:and|et|e|y|ed)\s+{_CAPITAL_ITEM})\b"
)
_LISTED_SPLIT = re.compile(r",\s+|\s+(?:and|et|e|y|ed)\s+")
_NUMBER_WORD = re.compile(
    r"\d+(?:mila|mil|k|m|mln|mld|million|millions|milioni|millones|milhões|bn)", re.IGNORECASE
)
# The endings of sites' domains: generic ones and the country codes piracy sites use.
_DOMAIN_ENDINGS = [
    *("to", "com", "net", "org", "ag", "info", "tv", "io", "cc", "me", "ws", "is", "se", "xyz"),
    *("site", "club", "live", "app", "li", "ru", "su", "lol", "eu", "fr", "it", "es", "pt", "br"),
    *("ar", "mx", "co", "ca", "uk", "de", "nl", "be", "ch", "cx", "pw", "la", "vip", "top"),
    *("stream", "watch", "ac", "im", "ly", "one", "biz", "cd", "cr", "sx", "ph", "in", "am", "gg"),
    *("nu", "tk", "ml", "ga", "cf", "bz", "sc", "so", "st", "tw", "pe", "cl", "ro", "pl"),
    *("cz", "at", "dk", "fi", "gr", "hu", "ua", "vn", "id", "sg", "hk", "jp", "kr", "cn"),
    *("au", "nz", "za", "ng", "ma", "gs"),
]
# Any other ending written in lower case ("French-Stream.wiki", "hds.best") is a domain's when
# it is a top-level domain of the public suffix list.
_DOMAIN = re.compile(
    r"\b(?:www\.)?[a-z0-9][a-z0-9-]{1,40}(?:\.(?:com|net|org|gov|gob|co|edu|ac|or|ne)(?=\.[a-z]{2}\b))?"
    rf"(?:\.[a-z0-9-]{{2,40}})?\.(?:{'|'.join(_DOMAIN_ENDINGS)}|(?-i:[a-z]{{2,24}}))\b",
    re.IGNORECASE,
)


@cache
def _public_suffixes() -> PublicSuffixList:
    return PublicSuffixList(only_icann=True, accept_unknown=False)


def _a_real_domain(name: str) -> bool:
    """ "hds.best" is a domain; "sites.the", written without the space after a full stop, is not."""
    return _public_suffixes().publicsuffix(name.lower()) is not None


def ordinary_capitalised_words() -> set[str]:
    """Folded words written with a capital that name nothing: months, weekdays, openers."""
    return _not_names()


@cache
def _not_names() -> set[str]:
    """Capitalised words that are not names: months, weekdays, sentence openers."""
    words = set(_FUNCTION)
    for lang in LANGUAGES:
        words |= {fold(str(n)) for n in get_month_names("wide", locale=lang).values()}
        words |= {fold(str(n)) for n in get_day_names("wide", locale=lang).values()}
    words |= {
        fold(w)
        for w in [
            "source",
            "sources",
            "crédit",
            "credit",
            "photo",
            "accueil",
            "home",
            "europe",
            "eu",
            "ue",
            "news",
            "update",
            "iptv",
            "ott",
            "p2p",
        ]
    }
    return words


@cache
def _triggers() -> dict[str, str]:
    return {phrase_keys(w)[0]: kind for kind, items in lexicon()["group_triggers"].items() for w in items}


@cache
def _agency_heads() -> set[tuple[str, ...]]:
    return {phrase_keys(w) for w in lexicon()["agency_heads"]}


@cache
def _agency_heads_most_specific_first() -> list[tuple[str, ...]]:
    """The heads, longest first: a name holding two ("Colombo Crime Division") takes its kind
    from the more specific one, the same in every run."""
    return sorted(_agency_heads(), key=lambda h: (-len(h), h))


def _adjacent(article: Article, left: Token, right: Token) -> bool:
    """Two words side by side: only spaces or quotes between them, no line break."""
    gap = article.text[left.end : right.start]
    return len(gap) <= 3 and all(c in " \u00a0\u202f«»\"“”'’" for c in gap)


# Trigger words that sites also take into their names: "« Tracker-Surfer »", "Tracker Surfer".
_TRIGGERS_IN_NAMES = {"tracker", "trackers"}


def _name_like(token: Token) -> bool:
    if token.key in _not_names() or (token.key in _triggers() and token.key not in _TRIGGERS_IN_NAMES):
        return False
    if token.text.isdigit() or _NUMBER_WORD.fullmatch(token.text):
        return False
    return not token.text.islower() or any(c.isdigit() for c in token.text)


_TITLE_OF = {
    "of",
    "at",
    "de",
    "du",
    "des",
    "a",
    "della",
    "del",
    "dell",
    "di",
    "da",
    "do",
    "dos",
    "das",
    "en",
    "chez",
    "presso",
}
_TITLE_ARTICLES = {"the", "la", "le", "l", "el", "il", "lo", "los", "las", "o", "os"}
_TITLE_REACH = 12  # tokens between a title and its body: "vice-président exécutif chargé de ... à la"


def without_quoted_industry_bodies(article: Article, matches: list[Match]) -> list[Match]:
    """'The chief executive of the X Association said...', 'According to NRK': an industry
    body or a company named only in the title of someone quoted, or only as a source,
    speaks, it does not act; it is not drafted, nor its country."""
    industry = [m for m in matches if _speaks_for_an_industry(m.entry)]
    # "X (ACE)": the acronym in brackets is the same mention as the name before it.
    mentions = [
        m
        for m in industry
        if not any(o.entry.name == m.entry.name and _brackets_after(article, o, m) for o in industry)
    ]
    quoted_only = {
        name
        for name in {m.entry.name for m in mentions}
        if all(
            _in_quoted_title(article, m)
            or _only_comments(article, m)
            or _only_its_mark(article, m)
            or _author_of_a_study(article, m)
            or _only_its_make_up(article, m)
            for m in mentions
            if m.entry.name == name
        )
    }
    return [m for m in matches if m.entry.name not in quoted_only]


def _speaks_for_an_industry(entry: Entry) -> bool:
    """A company, or a body of the industry (not a public one)."""
    if entry.label == Label.ORGANIZATION:
        return True
    return entry.label == Label.AGENCY and entry.kind in INDUSTRY_KINDS


def _brackets_after(article: Article, name: Match, acronym: Match) -> bool:
    return article.text[name.end : acronym.start].strip() == "("


_PRAISE_REACH = 8  # tokens after a body where its verb of praise may stand: "X and Y (ACE) praised"
_SOURCE_REACH = 2  # tokens before a body: "segundo a", "according to the"


def _only_comments(article: Article, match: Match) -> bool:
    """'The MPA and ACE praised the Department of Justice', 'segundo a Associação X': a body
    that praises the result or is the source of a figure comments, it does not act."""
    tokens = article.tokens
    sentence = article.sentence_at(match.start)
    after = [t.key for t in tokens[match.last : match.last + _PRAISE_REACH] if t.start < sentence.end]
    if has_cue(after, "praise") is not None:
        return True
    k = match.first
    while k > 0 and tokens[k - 1].key in _TITLE_ARTICLES | {"a", "the"}:
        k -= 1
    before = [t.key for t in tokens[max(0, k - _SOURCE_REACH) : k] if t.start >= sentence.start]
    return any(tuple(before[-len(cue) :]) == cue for cue in cue_keys("source_of"))


def _only_its_mark(article: Article, match: Match) -> bool:
    """'privi del contrassegno SIAE', 'sin el sello de la SGAE', 'without the SIAE mark': a
    body named for the stamp a genuine copy carries does not act in the operation."""
    tokens = article.tokens
    k = match.first
    while k > 0 and tokens[k - 1].key in _TITLE_ARTICLES | _OF_A_MARK:
        k -= 1  # back over "del", "de la"
    j = match.last + 1 if match.last < len(tokens) and tokens[match.last].key == "s" else match.last
    before = [tokens[k - 1].key] if k > 0 else []  # "contrassegno SIAE"
    after = [tokens[j].key] if j < len(tokens) else []  # "the SIAE's stamp"
    return has_cue(before, "mark") is not None or has_cue(after, "mark") is not None


# After a body, past its bracketed acronym: a relative clause saying who makes it up.
_RELATIVE_AFTER = re.compile(
    r"(?:\s*\([^()]{1,80}\))?\s*,?\s*(?:which|that|who|qui|que|che|la quale|il quale)\s+", re.IGNORECASE
)
_MAKE_UP_REACH = 3  # tokens from the relative to its verb: "que agrupa", "qui regroupe notamment"
_VERB_AFTER_CLAUSE = 4  # tokens after the clause's comma: "se mostró satisfecha", "estime pour sa part"


def _only_its_make_up(article: Article, match: Match) -> bool:
    """'La MPA, que agrupa a los seis estudios, se mostró satisfecha': a body described by who
    makes it up, then saying what it thinks or praising, comments; it does not act."""
    relative = _RELATIVE_AFTER.match(article.text, match.end)
    if relative is None:
        return False
    tokens = article.tokens
    k = article.token_index(relative.end())
    if has_cue([t.key for t in tokens[k : k + _MAKE_UP_REACH]], "membership") is None:
        return False
    sentence = article.sentence_at(match.start)
    closing = article.text.find(",", relative.end(), sentence.end)
    if closing < 0:
        return False
    j = article.token_index(closing)
    verb = [t.key for t in tokens[j : j + _VERB_AFTER_CLAUSE] if t.start < sentence.end]
    return any(has_cue(verb, kind) is not None for kind in ("speech", "praise", "opinion"))


_OF_A_MARK = {"de", "del", "della", "dello", "dell", "da", "do", "of", "du", "des"}
_STUDY_BEFORE = 3  # tokens before a body: "el último informe de la BSA", "a survey by"
_STUDY_AFTER = 6  # tokens after it: "the Business Software Alliance (BSA) 2010 Global Software Piracy Study"


def _author_of_a_study(article: Article, match: Match) -> bool:
    """'De acuerdo con el último informe de la BSA', 'The BSA 2010 Global Software Piracy
    Study put the rate at 79 per cent': the body that wrote a study is cited, it does not act."""
    tokens = article.tokens
    sentence = article.sentence_at(match.start)
    before = [
        t.key for t in tokens[max(0, match.first - _STUDY_BEFORE) : match.first] if t.start >= sentence.start
    ]
    after = [t.key for t in tokens[match.last : match.last + _STUDY_AFTER] if t.start < sentence.end]
    return has_cue(before, "study") is not None or has_cue(after, "study") is not None


def _in_quoted_title(article: Article, match: Match) -> bool:
    tokens = article.tokens
    sentence = next((s for s in article.whole_sentences if s.start <= match.start < s.end), None)
    if sentence is None:
        return False
    keys = [t.key for t in tokens if sentence.start <= t.start < sentence.end]
    if has_cue(keys, "speech") is None:
        return False
    k = match.first - 1
    while k >= 0 and tokens[k].key in _TITLE_ARTICLES:
        k -= 1
    if k >= 0 and tokens[k].key in _TITLE_OF and tokens[k].start >= sentence.start:
        before = [t.key for t in tokens[max(0, k - _TITLE_REACH) : k] if t.start >= sentence.start]
        return has_cue(before, "executive_title") is not None
    # "the Association's chief executive"
    after = [t.key for t in tokens[match.last : match.last + 4]]
    possessive = article.text[match.end : match.end + 2] in {"'s", "’s"}
    return possessive and has_cue(after[1:], "executive_title") is not None


def _countries_named(article: Article) -> set[str]:
    """The countries an article names, by their names or their places."""
    return {m.entry.name for m in country_matcher().find(article)} | {
        m.entry.name for m in place_matcher().find(article)
    }


def lexicon_facts(article: Article, matches: list[Match]) -> list[Fact]:
    facts = []
    # "Polícias Civis do Ceará": the state's police, not Brazil's civil police at large.
    of_a_state = {f.spans[0].start for f in _state_police_facts(article)}
    for match in matches:
        entry = match.entry
        if entry.label == Label.COUNTRY or entry.name == _ANY_CRYPTO or entry.kind == FILE_SHARING_NETWORK:
            continue  # readers list the coin or the service the targets used, not the generic means
        if match.start in of_a_state and not _is_state_body(entry):
            continue
        if _unit_place_end(article, match, matches) is not None:
            continue  # "Nucleo di Polizia Economico-Finanziaria di Lecce": drafted with its place
        if entry.label in {Label.ORGANIZATION, Label.GROUP} and named_for_comparison(article, match.start):
            continue
        if entry.label == Label.ORGANIZATION and _word_of_a_longer_name(article, match):
            continue
        if entry.label == Label.ORGANIZATION and _news_source(article, match):
            continue
        if entry.label == Label.PLATFORM and _where_a_statement_was_posted(article, match):
            continue
        if match.phrase.needs_country and entry.country not in _countries_named(article):
            continue  # "PRM" is Mozambique's police only in an article naming Mozambique
        if entry.needs_context and not (
            _sentence_has_trigger(article, match.start)
            or (entry.label == Label.ORGANIZATION and _sentence_has_broadcaster_word(article, match.start))
        ):
            continue
        notes = []
        confidence = "high"
        if match.phrase.exact is not None and match.phrase.exact != entry.name:
            confidence = "medium"
            notes.append(f"named only by the acronym {match.phrase.exact!r} here")
        facts.append(_entity_fact(article, match.start, match.end, entry, confidence, notes))
    return facts


def _word_of_a_longer_name(article: Article, match: Match) -> bool:
    """'Old Lajpat Rai Market', 'Nova Iguaçu': a one-word company name between capitalised
    words of the same name is a word of that name (a market, a town), not the company."""
    tokens = article.tokens
    if match.last - match.first != 1 or match.first == 0 or match.last >= len(tokens):
        return False
    before, after = tokens[match.first - 1], tokens[match.last]
    joined = article.text[before.end : match.start] == " " and article.text[match.end : after.start] == " "
    sentence_start = article.sentence_at(match.start).start == before.start
    return joined and not sentence_start and _name_like(before) and _name_like(after)


_POSTED_ON = {"on", "sur", "su", "en", "em", "no", "na", "in"}


def _where_a_statement_was_posted(article: Article, match: Match) -> bool:
    """'Sur Twitter, le 18 septembre, Eurojust a écrit...', 'On X, police said...': a
    network opening the sentence is where a statement was posted, not a tool of the target."""
    if match.first == 0 or article.tokens[match.first - 1].key not in _POSTED_ON:
        return False
    opener = article.tokens[match.first - 1]
    opens = article.sentence_at(opener.start).start == opener.start
    return opens and article.text[match.end : match.end + 1] == ","


_COMPARISON_REACH = 12  # "more traffic than many legal sources, including Hulu, HBO and Sky"


_NEWS_WORDS = {
    "article", "report", "reporting", "story", "interview", "documentary", "reportage", "articolo",
    "servizio", "artículo", "articulo", "reportaje", "artigo", "reportagem", "materia",
}  # fmt: skip
_NEWS_SOURCE_REACH = 5  # "Selon un article de la BBC", "according to a BBC report"


def _news_source(article: Article, match: Match) -> bool:
    """'Selon un article de la BBC publié à l'époque', 'according to a BBC report': a
    broadcaster cited as the news source, not as a victim."""
    tokens = article.tokens
    sentence = article.sentence_at(match.start)
    before = [
        t.key
        for t in tokens[max(0, match.first - _NEWS_SOURCE_REACH) : match.first]
        if t.start >= sentence.start
    ]
    cue = has_cue(before, "source_of")
    if cue is None:
        return False
    after = [t.key for t in tokens[match.last : match.last + 2] if t.start < sentence.end]
    return any(k in _NEWS_WORDS for k in [*before[cue:], *after])


def named_for_comparison(article: Article, start: int) -> bool:
    """'drew more traffic than Netflix', 'più iscritti di Netflix e Hulu messi insieme': a
    company named as a yardstick, not as a victim. A number after the comparison word ("more
    than 300 matches of ...") is a count instead."""
    sentence = article.sentence_at(start)
    first = article.token_index(start)
    before = article.tokens[max(0, first - _COMPARISON_REACH) : first]
    keys = [t.key for t in before if t.start >= sentence.start]
    at = has_cue(keys, "comparison")
    if at is not None:
        return not any(any(c.isdigit() for c in k) for k in keys[at:])
    reach = max(sentence.start, before[0].start) if before else start
    more = _MORE_OF_A_NOUN.search(article.text[reach:start])
    return more is not None and not any(c.isdigit() for c in more.group())


# "più abbonati di Netflix", "plus d'abonnés que Netflix", "más usuarios que Netflix": a
# comparative over a noun, then the yardstick (the list it opens runs to the name).
_MORE_OF_A_NOUN = re.compile(
    r"\b(?:più|plus|más|mais)\s+(?:d['’]\s*)?[^\W\d_]+\s+(?:di|que|do que)\b[^.;:]*$", re.IGNORECASE
)


def _entity_fact(
    article: Article, start: int, end: int, entry: Entry, confidence: str, notes: list[str]
) -> Fact:
    data: dict[str, object] = {"label": entry.label, "kind": entry.kind, "country": entry.country}
    fuller = _CORPORATE_NAME_GOES_ON.match(article.text, end) if entry.label == Label.ORGANIZATION else None
    if fuller:
        data["implied_names"] = [article.text[start : fuller.end()]]  # "Rogers Media" for Rogers
    return Fact(
        _KIND_OF_LABEL[entry.label],  # type: ignore[arg-type]
        without_qualifier(entry.name),
        [Span(start, end, article.text[start:end])],
        confidence,  # type: ignore[arg-type]
        notes,
        data,
    )


# A company's name that goes on with words for a company, its trade or the country of its
# branch ("Rogers Media", "Universal Pictures Video France", "Columbia Pictures Industries"):
# the company the text names, which the lexicon knows by less.
_CORPORATE_NAME_GOES_ON = re.compile(
    r"(?: (?:Media|Group|Inc\.?|Ltd\.?|Limited|Communications|Entertainment|Networks?|Studios|Pictures"
    r"|Holdings|Corporation|Corp\.?|Broadcasting|Television|Industries|Video|Home|Records|Music|Distribution"
    r"|Productions?|Filmworks|Films?|Digital|Multimedia|Audiovisual|Computer|BMG|Interactive"
    r"|France|España|Iberia|Italia|Benelux|Europe|Polska|Canada|Africa|Deutschland|Portugal|Brasil)\b)+"
)


@cache
def _rights_holder_words() -> list[tuple[str, ...]]:
    words = [*lexicon()["rights_holder_words"], *units()["rights holders"]]
    return sorted({phrase_keys(w) for w in words}, key=len, reverse=True)


@cache
def _holders_words() -> frozenset[tuple[str, ...]]:
    """The words for rights holders themselves ("titulares de derechos"): a list of
    acronyms may follow them."""
    return frozenset(phrase_keys(w) for w in units()["rights holders"])


_LIST_DETERMINERS = {
    "la",
    "el",
    "il",
    "le",
    "les",
    "lo",
    "the",
    "l",
    "o",
    "a",
    "los",
    "las",
    "i",
    "gli",
    "os",
    "as",
}
_LIST_REACH = 3  # words (an adjective, a comma) between the word for the companies and 'such as'
_LIST_ITEM_WORDS = 2  # lowercase words between an item's determiner and its name: "la holandesa X"


def rights_holder_list_facts(article: Article, matches: list[Match]) -> list[Fact]:
    """'broadcasters such as X, Y and Z', 'las grandes cadenas europeas, como X, la
    televisión Y o Z': the names listed after a word for the companies whose works are
    pirated are rights holders; names the lexicon knows are left to it."""
    tokens = article.tokens
    known = {i: m for m in matches for i in range(m.first, m.last)}
    facts = []
    for i in range(len(tokens)):
        words = next((k for k in _rights_holder_words() if _starts_at(article, i, k)), None)
        if words is None:
            continue
        j = _list_start(article, i + len(words))
        if j is None and all(t.text.islower() for t in tokens[i : i + len(words)]):
            # "las editoriales Diamante y Trillas"; "los titulares de derechos DTS, AGEDI y UVE"
            j = _name_right_after(article, i + len(words), acronyms=words in _holders_words())
        if j is None:
            continue
        said = article.text[tokens[i].start : tokens[i + len(words) - 1].end]
        note = f"listed after {said!r}: check it is a rights holder"
        for run in _listed_names(article, j, known):
            start, end = tokens[run[0]].start, tokens[run[-1]].end
            facts.append(
                Fact(
                    "rights_holder",
                    article.text[start:end],
                    [Span(start, end, article.text[start:end])],
                    "low",
                    [note],
                    {"label": Label.ORGANIZATION, "kind": None, "country": None},
                )
            )
    return facts


def _list_start(article: Article, j: int) -> int | None:
    """Where the list after a word for the companies opens: after 'such as' a few words on,
    or after 'among them' further on in the sentence ("producers were hit as well, among
    them X, Y")."""
    tokens = article.tokens
    sentence = article.sentence_at(tokens[j - 1].start)
    for k in range(j, min(j + _AMONG_THEM_REACH + 1, len(tokens))):
        if tokens[k].start >= sentence.end:
            break
        openers = _among_them_openers() + (_example_words() if k <= j + _LIST_REACH else [])
        opener = next((e for e in openers if _starts_at(article, k, e)), None)
        if opener is not None:
            return k + len(opener)
    return None


def _name_right_after(article: Article, j: int, acronyms: bool = False) -> int | None:
    tokens = article.tokens
    if j >= len(tokens) or not tokens[j].text[:1].isupper() or (tokens[j].text.isupper() and not acronyms):
        return None
    return j if _adjacent(article, tokens[j - 1], tokens[j]) else None


_AMONG_THEM_REACH = 8  # words between the word for the companies and 'among them'


@cache
def _among_them_openers() -> list[tuple[str, ...]]:
    return [phrase_keys(w) for w in lexicon()["among_them_openers"]]


def _listed_names(article: Article, j: int, known: dict[int, Match]) -> list[list[int]]:
    """The unknown names of a list from token j: items joined by commas, 'and', 'or', each
    maybe opened by a determiner and a word or two ("la televisión X"); known names are
    passed over; the list ends at anything else."""
    tokens = article.tokens
    runs: list[list[int]] = []
    while j < len(tokens):
        k = j
        if tokens[k].key in _LIST_DETERMINERS and tokens[k].text.islower():
            k += 1
            skipped = 0
            while k < len(tokens) and tokens[k].text.islower() and skipped < _LIST_ITEM_WORDS:
                k, skipped = k + 1, skipped + 1
        if k >= len(tokens):
            break
        if k in known:
            end = known[k].last
        else:
            run = _name_run(article, k, 1, set(known))
            if not run or tokens[run[0]].text.islower():
                break
            runs.append(run)
            end = run[-1] + 1
        if end >= len(tokens):
            break
        gap = article.text[tokens[end - 1].end : tokens[end].start].strip()
        if gap == "," and tokens[end].key not in {
            "entre",
            "among",
            "tra",
            "and",
            "e",
            "y",
            "et",
            "o",
            "or",
            "ou",
        }:
            j = end
        elif gap in {"", ","} and tokens[end].key in {"and", "e", "y", "et", "o", "or", "ou"}:
            j = end + 1
        else:
            break
    return runs


def _sentence_has_trigger(article: Article, offset: int) -> bool:
    sentence = article.sentence_at(offset)
    return any(
        t.key in _triggers() and _triggers()[t.key] == "release group"
        for t in article.tokens
        if sentence.start <= t.start < sentence.end
    )


@cache
def _broadcaster_words() -> set[str]:
    return {fold(w) for w in lexicon()["broadcaster_words"]}


def _sentence_has_broadcaster_word(article: Article, offset: int) -> bool:
    """'la televisión Nova', 'canales como Nova': a broadcaster's name that is also a word."""
    sentence = article.sentence_at(offset)
    return any(
        t.key in _broadcaster_words() for t in article.tokens if sentence.start <= t.start < sentence.end
    )


def _taken(matches: list[Match]) -> set[int]:
    return {i for m in matches for i in range(m.first, m.last)}


def _name_run(article: Article, i: int, step: int, taken: set[int]) -> list[int]:
    """Indexes of up to three name-like words from `i` in direction `step`."""
    tokens = article.tokens
    run: list[int] = []
    j = i
    particles = 0
    while 0 <= j < len(tokens) and len(run) < 3 + particles and j not in taken:
        if run and _joining_particle(article, j, step):
            particles += 1
        elif not (
            _name_like(tokens[j]) or _resolution_after_a_name(tokens, j) or _initial_stopped(article, j)
        ):
            break
        if run:
            left, right = (tokens[run[-1]], tokens[j]) if step > 0 else (tokens[j], tokens[run[-1]])
            gap = article.text[left.end : right.start]
            # "Z-Library", "Sci-Hub": a hyphen joins the words of one name; "B.A. Productions":
            # so do an initial's stop.
            initial = gap in {".", ". "} and _initial(left)
            if gap not in {" ", "\u00a0", "-"} and not initial:
                break
            particles += initial
        run.append(j)
        j += step
    if run and _joining_particle(article, run[-1], step) and run[-1] != i:
        run.pop()  # the word after the particle was not taken into the name
    return sorted(run)


def _initial(token: Token) -> bool:
    return len(token.text) == 1 and token.text.isupper()


def _initial_stopped(article: Article, j: int) -> bool:
    """'A.A. Productions': a capital letter and its stop, though 'A' is also a word."""
    tokens = article.tokens
    return (
        _initial(tokens[j])
        and j + 1 < len(tokens)
        and article.text[tokens[j].end : tokens[j + 1].start] in {".", ". "}
    )


# "Cielo 4K", "Flix HD": a picture resolution closing a service's name, not "4 thousand".
_RESOLUTION = re.compile(r"[248]K|HD|FHD|UHD")


def _resolution_after_a_name(tokens: list[Token], j: int) -> bool:
    return bool(_RESOLUTION.fullmatch(tokens[j].text)) and j > 0 and tokens[j - 1].text[:1].isupper()


# Romanised Japanese names in English text: "Haruka Yume no Ato", "Kimi no Na wa".
_JOINING_PARTICLES = {"en": {"no", "wa", "ga", "wo"}}


def _joining_particle(article: Article, j: int, step: int) -> bool:
    """A lower-case particle between two capitalised words of one name."""
    tokens = article.tokens
    k = j + step
    return (
        tokens[j].text in _JOINING_PARTICLES.get(article.lang, set())
        and 0 <= k < len(tokens)
        and tokens[k].text[:1].isupper()
        and _name_like(tokens[k])
    )


def _trigger_kind(article: Article, token: Token) -> str | None:
    """The kind of group a word such as 'site' or 'groupe' announces, in this language."""
    kind = _triggers().get(token.key)
    languages = lexicon()["group_trigger_languages"].get(token.key)
    if kind is None or (languages and article.lang not in languages):
        return None
    return kind


@cache
def _qualifiers() -> set[str]:
    return {fold(w) for w in lexicon()["group_qualifiers"]}


_QUALIFIERS_BEFORE = 2  # "the Zeus TV streaming service", "the Waka TV piracy syndicate"


def _before_qualifiers(article: Article, i: int) -> int:
    """The index of the word before the lowercase qualifiers (or an acronym trigger, 'IPTV')
    standing right before the trigger at i."""
    tokens = article.tokens
    k = i - 1
    while k > 0 and i - 1 - k < _QUALIFIERS_BEFORE and _adjacent(article, tokens[k], tokens[k + 1]):
        token = tokens[k]
        lowercase_qualifier = token.key in _qualifiers() and token.text.islower()
        if not (lowercase_qualifier or (token.key in _triggers() and token.text.isupper())):
            break
        k -= 1
    return k


def _after_qualifiers(article: Article, j: int) -> int:
    """The index after the words that qualify a trigger: 'de téléchargement', 'pirata',
    'IPTV' in "le site de téléchargement X", "o site pirata X", "il servizio IPTV X"."""
    tokens = article.tokens
    for _ in range(3):
        if j >= len(tokens) or not _adjacent(article, tokens[j - 1], tokens[j]):
            break
        token = tokens[j]
        in_a_name = token.key in _TRIGGERS_IN_NAMES and token.text[:1].isupper()
        qualifier = token.key in _qualifiers() and token.text.islower()
        if (token.key in _triggers() and not in_a_name) or qualifier:
            j += 1
        elif (
            token.key in _PLACE_OF
            and token.text.islower()
            and j + 1 < len(tokens)
            and tokens[j + 1].text.islower()
            and tokens[j + 1].key not in _FUNCTION
        ):
            j += 2
        else:
            break
    return j


def _group_fact(article: Article, start: int, end: int, kind: str, confidence: str, note: str) -> Fact:
    name = article.text[start:end]
    return Fact(
        "group",
        name,
        [Span(start, end, name)],
        confidence,  # type: ignore[arg-type]
        [note],
        {"label": Label.GROUP, "kind": kind, "country": None},
    )


def group_facts(article: Article, matches: list[Match]) -> list[Fact]:
    """Groups the lexicon does not know: a capitalised name next to a word such as
    'groupe', 'network', 'IPTV service', and the names coordinated with it; a name given
    by 'known as', by apposition, glued to 'TV', listed after 'such as'; domain names."""
    taken = _taken([m for m in matches if m.entry.label != Label.GROUP])
    known_groups = {i for m in matches if m.entry.label == Label.GROUP for i in range(m.first, m.last)}
    facts = _trigger_facts(article, taken)
    facts += _named_facts(article, taken)
    facts += _apposition_facts(article, taken)
    facts += _glued_service_facts(article, taken)
    facts += _example_list_facts(article, taken)
    facts += _named_examples_facts(article, taken)
    facts += _target_cue_facts(article, taken)
    facts += _counted_list_facts(article, taken)
    tokens = article.tokens
    known_names = {fold(m.entry.name) for m in matches if m.entry.label == Label.GROUP}
    known_names |= {fold(article.text[m.start : m.end]) for m in matches if m.entry.label == Label.GROUP}
    facts = [
        _without_opener(article, f)
        for f in facts
        if not any(f.spans[0].start <= tokens[i].start < f.spans[0].end for i in known_groups)
        and not article.in_headline(f.spans[0].start)
        and not any(_same_or_short(f.key, known) for known in known_names)
        and fold(f.key) not in _technical_words()
        and not is_news_agency(f.key)
        and country_code(f.key) is None  # "Sénégal, 5 réseaux démantelés": a country, not a target
        and not _REPORTED_BY.match(article.text, f.spans[0].end)
        and not _TIME_OF_DAY.fullmatch(f.key)
        and phrase_keys(f.key) not in cue_keys("executive_title")  # "the Group Head of Customs"
    ]
    # "VK.com", "Facebook.com": the domain of a platform the lexicon knows is that platform.
    platforms = {m.start for m in matches if m.entry.label == Label.PLATFORM}
    domains = [
        f
        for f in _domain_facts(article, known_groups)
        if f.spans[0].start not in platforms
        and not _a_known_groups_domain(f.key, known_names)
        and fold(f.key) not in _technical_words()  # "le site de statistiques alexa.com"
    ]
    return [_with_its_service_word(article, f) for f in _longest(facts + domains)]


# "Beast IPTV", "Enigma IPTV": a service word written right after the name, which readers
# count as part of it.
_SERVICE_WORD_AFTER = re.compile(r"[ \u00a0](?:IPTV|TV)\b")


def _with_its_service_word(article: Article, fact: Fact) -> Fact:
    """The name with the service word that follows it, as an alias: 'Beast' read before
    'IPTV' is also 'Beast IPTV'."""
    end = fact.spans[0].end
    after = _SERVICE_WORD_AFTER.match(article.text, end)
    if after is None or fact.key.endswith(("TV", "Tv")):
        return fact
    implied = [*fact.data.get("implied_names", []), article.text[fact.spans[0].start : after.end()]]
    return Fact(
        fact.kind, fact.key, fact.spans, fact.confidence, fact.notes, {**fact.data, "implied_names": implied}
    )


def _a_known_groups_domain(domain: str, known_names: set[str]) -> bool:
    """'ThePirateBay.cr' beside 'The Pirate Bay', 'zone-telechargement.com' beside 'Zone
    Téléchargement': the known group at another address."""
    stem = fold(domain.split(".", maxsplit=1)[0]).replace(" ", "")
    return any(stem == known.replace(" ", "") for known in known_names)


_TIME_OF_DAY = re.compile(r"\d{1,2}[h:]\d{2}|\d{1,2}h")  # "Por volta das 14h30"

# "il sito Yomiuri Online ha riferito che...": a site that reports the news is no target.
_REPORTED_BY = re.compile(
    r"\s+(?:(?:ha|hanno|has|have|had|a|ont|avait|había|han|tem|teve)\s+)?"
    r"(?:riferito|reported|revealed|rapporté|révélé|informé|informó|reportó|reveló|informou|noticiou|revelou|rivelato)\b",
    re.IGNORECASE,
)


@cache
def _technical_words() -> set[str]:
    """'i siti ROM', 'canali TV': a format or medium written in capitals is no service's name."""
    return {fold(w) for w in lexicon()["technical_words"]}


def _same_or_short(name: str, known: str) -> bool:
    """'MagisTV' is 'Magis TV'; 'Flawless' is short for 'Flawless TV'."""
    name = fold(name)
    return name.replace(" ", "") == known.replace(" ", "") or known.startswith(name + " ")


def _without_opener(article: Article, fact: Fact) -> Fact:
    """'Desactivado Foo Bar, el canal...': a sentence's capitalised first word is no part of
    the name when the rest of the name stands alone elsewhere in the text."""
    span = fact.spans[0]
    first, _, rest = span.text.partition(" ")
    if not rest or article.sentence_at(span.start).start != span.start:
        return fact
    elsewhere = [m.start() for m in re.finditer(rf"\b{re.escape(rest)}\b", article.text)]
    if not any(at != span.start + len(first) + 1 for at in elsewhere):
        return fact
    start = span.start + len(first) + 1
    return Fact("group", rest, [Span(start, span.end, rest)], fact.confidence, fact.notes, fact.data)


def _longest(facts: list[Fact]) -> list[Fact]:
    """A name drafted inside a longer one ("Orbita" in "« Orbita IPTV »"), or as its first
    words elsewhere in the text, is part of it."""

    def inside(short: Fact, long: Fact) -> bool:
        a, b = short.spans[0], long.spans[0]
        return b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)

    return [
        f
        for f in facts
        if not any(inside(f, other) or fold(other.key).startswith(fold(f.key) + " ") for other in facts)
    ]


_OF = {"du", "de", "del", "dello", "della", "do", "da", "of"}


def _a_companys_group(tokens: list[Token], i: int) -> bool:
    """'des produits du groupe LVMH', 'Rti, società del gruppo Mediaset': a group of companies."""
    return (
        i >= 2
        and tokens[i].key in _COMPANY_GROUP_WORDS
        and tokens[i - 1].key in _OF
        and tokens[i - 2].key in _corporate_words()
    )


_COMPANY_GROUP_WORDS = {"groupe", "gruppo", "grupo", "group"}


@cache
def _corporate_words() -> set[str]:
    return {fold(w) for w in lexicon()["corporate_words"]}


# Capitalised after a quote mark, an article or a pronoun is still no name: "«I clan vogliono".
_LONE_NON_NAMES = _DETERMINERS | {"i", "gli", "os", "as", "los", "las"}


def _trigger_facts(article: Article, taken: set[int]) -> list[Fact]:
    tokens = article.tokens
    facts: list[Fact] = []
    for i, token in enumerate(tokens):
        kind = _trigger_kind(article, token)
        if kind is None or token.key in _not_names() - set(_triggers()):
            continue
        if i and tokens[i - 1].key in _POSSESSIVES and token.text[:1].isupper():
            continue  # "la Police locale, avec son Service Intervention": a unit of the body before
        if _a_companys_group(tokens, i):
            continue
        runs: list[list[int]] = []
        # The name after the word: "le groupe Sparks", "the app Mobdro", "le site de téléchargement X".
        j = _after_qualifiers(article, i + 1)
        after = (
            _name_run(article, j, 1, taken)
            if j < len(tokens) and _adjacent(article, tokens[j - 1], tokens[j])
            else []
        )
        if after and j == i + 1 and _trigger_in_name(article, token):
            if _only_a_legal_form(article, after):
                continue  # "Amazon Content Services LLC": the word ends a company's name
            after = [i, *after]  # "il Team Xecuter": the capitalised word is part of the name
        if not after:
            after = _listed_after_targeted(article, j, taken)
        if after:
            runs.append(after)
            runs += _coordinated(article, after[-1] + 1, taken)
        quoted = None if after else _quoted_after_words(article, j)
        if quoted is not None:
            note = f"quoted after {token.text!r}: check it is a piracy group or service, and its kind"
            facts.append(_group_fact(article, quoted[0], quoted[1], kind, "medium", note))
        # Before a plural ("Spanish websites", "pirate IPTV services") a capitalised word
        # is an adjective; a name stands before a singular ("the Sparks group").
        if (article.lang not in _NAME_AFTER or not after) and not token.key.endswith("s"):
            # The name before the word: "the Sparks group", "Flawless TV service".
            k = _before_qualifiers(article, i)  # "the Waka TV piracy syndicate": past "piracy"
            before = (
                _name_run(article, k, -1, taken)
                if k >= 0 and _adjacent(article, tokens[k], tokens[k + 1])
                else []
            )
            # A lone capitalised word opening a sentence says nothing: every opener is one; nor
            # does a nationality ("the Spanish IPTV service", "illegal Korean TV streaming service").
            lone = bool(before) and (
                (len(before) == 1 and _sentence_start(article, tokens[before[0]]))
                or (len(before) == 1 and tokens[before[0]].key in _LONE_NON_NAMES)  # "«I clan vogliono"
                or tokens[before[0]].key in nationality_words()
                or _unit_of_a_body_before(article, before[0], taken)
            )
            if before and not lone:
                runs.append(before)
        note = (
            f"drafted from the words around it ({token.text!r}): "
            "check it is a piracy group or service, and its kind"
        )
        for run in runs:
            facts.append(
                _group_fact(article, tokens[run[0]].start, tokens[run[-1]].end, kind, "medium", note)
            )
    return facts


def _unit_of_a_body_before(article: Article, first: int, taken: set[int]) -> bool:
    """ "the Royal Malaysia Police (PDRM)'s Cyber Crime Investigation team": a name after a
    known body's possessive names one of its units, not a target."""
    tokens = article.tokens
    if first < 2 or tokens[first - 1].key != "s" or first - 2 not in taken:
        return False
    return re.fullmatch(r"\)?['’]", article.text[tokens[first - 2].end : tokens[first - 1].start]) is not None


@cache
def _targeted_words() -> set[str]:
    return {fold(w) for w in lexicon()["targeted_words"]}


def _listed_after_targeted(article: Article, j: int, taken: set[int]) -> list[int]:
    """'Os sites visados, Zetuga, ZeMula e BTuga': the first name listed after a word saying
    the services were the ones targeted."""
    tokens = article.tokens
    if j + 1 >= len(tokens) or tokens[j].key not in _targeted_words() or not tokens[j].text.islower():
        return []
    if not _adjacent(article, tokens[j - 1], tokens[j]):
        return []
    if article.text[tokens[j].end : tokens[j + 1].start] not in {*_LIST_OPENERS, " : "}:
        return []
    return _name_run(article, j + 1, 1, taken)


_WORDS_BEFORE_QUOTED = 3  # "le site de streaming très fréquenté « Full-Stream »"
_QUOTED_NAME_WORDS = 4


def _quoted_after_words(article: Article, j: int) -> tuple[int, int] | None:
    """(start, end) of a quoted name a few lower-case words after a trigger, in its sentence:
    'le site de streaming très fréquenté « Full-Stream »'."""
    tokens = article.tokens
    k = j
    while (
        k < len(tokens)
        and k - j < _WORDS_BEFORE_QUOTED
        and tokens[k].text.isalpha()
        and tokens[k].text.islower()
        and article.text[tokens[k - 1].end : tokens[k].start] == " "
    ):
        k += 1
    quoted = _QUOTED_NAME.match(article.text, tokens[k - 1].end)
    if quoted is None or "\n" in quoted.group():
        return None
    name = quoted.group(1)
    if not name[:1].isalnum() or name[:1].islower() or len(name.split()) > _QUOTED_NAME_WORDS:
        return None
    return quoted.start(1), quoted.end(1)


_POSSESSIVES = {"son", "sa", "ses", "its", "suo", "sua", "suoi", "sue", "su", "sus", "seu", "seus", "suas"}
_COUNT_REACH = 2  # words between a count and its trigger: "tre note piattaforme"
_LIST_OPENERS = {", ", ": "}


def _counted_list_facts(article: Article, taken: set[int]) -> list[Fact]:
    """'tre note piattaforme IPTV illegali, iptvItalia, migliorIptv e DarkTv', 'two apps: A
    and B': a count of services, then a list of as many names."""
    tokens = article.tokens
    facts = []
    for i, token in enumerate(tokens):
        kind = _trigger_kind(article, token)
        if kind is None or i == 0:
            continue
        count = next(
            (v for t in tokens[max(0, i - _COUNT_REACH) : i] if (v := small_count(article, t)) is not None),
            None,
        )
        j = _after_qualifiers(article, i + 1)
        if count is None or count < 2 or j >= len(tokens):
            continue
        if article.text[tokens[j - 1].end : tokens[j].start] not in _LIST_OPENERS:
            continue
        first = _name_run(article, j, 1, taken)
        runs = [first, *_coordinated(article, first[-1] + 1, taken)] if first else []
        if len(runs) != count:
            continue
        note = f"listed after a count of {token.text!r}: check it is a piracy group or service"
        facts += [
            _group_fact(article, tokens[r[0]].start, tokens[r[-1]].end, kind, "medium", note) for r in runs
        ]
    return facts


def small_count(article: Article, token: Token) -> int | None:
    """The count a token writes, in digits or in words ("three", "tre", "cinco"), or None."""
    if token.text.isdigit():
        return int(token.text)
    if not token.text.isalpha() or not token.text.islower():
        return None
    try:
        value = text2num(token.text, article.lang)
    except ValueError:
        return None
    return int(value)


def _opens_a_place(tokens: list[Token], i: int) -> bool:
    """'Los Angeles', 'Las Vegas', 'El Paso': a capitalised article that opens a place's name
    is part of the name it stands in."""
    return i + 1 < len(tokens) and (tokens[i].key, tokens[i + 1].key) in _places_opened_by_an_article()


@cache
def _places_opened_by_an_article() -> frozenset[tuple[str, str]]:
    opened = (keys for keys in place_names() if len(keys) > 1 and keys[0] in _DETERMINERS)
    return frozenset((keys[0], keys[1]) for keys in opened)


def _only_a_legal_form(article: Article, run: list[int]) -> bool:
    words = article.text[article.tokens[run[0]].start : article.tokens[run[-1]].end]
    return fold(words) in legal_forms()


def _trigger_in_name(article: Article, token: Token) -> bool:
    """'Team', 'Crew' written with a capital inside a sentence open the name they stand in."""
    return token.text[:1].isupper() and not token.text.isupper() and not _sentence_start(article, token)


@cache
def _target_cues() -> list[tuple[str, ...]]:
    return sorted((phrase_keys(w) for w in lexicon()["target_cues"]), key=len, reverse=True)


def _target_cue_facts(article: Article, taken: set[int]) -> list[Fact]:
    """'the people behind X and Y', 'l'administrateur de X', 'la chiusura di X', 'shut down
    X': the role the sentence gives a name makes it a target; the name right after the cue,
    and the names coordinated with it."""
    tokens = article.tokens
    facts = []
    for i in range(len(tokens)):
        keys = next((k for k in _target_cues() if _starts_at(article, i, k)), None)
        # in lower case, but for the first word of a sentence: "Trading as Pikabox, it..."
        opener = article.sentence_at(tokens[i].start).start == tokens[i].start
        words = tokens[i + 1 : i + len(keys)] if keys and opener else tokens[i : i + len(keys or ())]
        if keys is None or not all(t.text.islower() for t in words):
            continue
        j = i + len(keys)
        if j >= len(tokens) or not _adjacent(article, tokens[j - 1], tokens[j]):
            continue
        run = _name_run(article, j, 1, taken)
        if not run or any(_is_operation_word(tokens[k]) for k in run):
            continue
        if re.match(r"['’]s\b", article.text[tokens[run[-1]].end : tokens[run[-1]].end + 3]):
            continue  # "the closure of Leeds's arena": whose, not what
        note = (
            f"named after {article.text[tokens[i].start : tokens[j - 1].end]!r}: check it is a piracy service"
        )
        for r in [run, *_coordinated(article, run[-1] + 1, taken)]:
            facts.append(
                _group_fact(article, tokens[r[0]].start, tokens[r[-1]].end, "streaming site", "low", note)
            )
    return facts


def _is_operation_word(token: Token) -> bool:
    return re.fullmatch(_OPERATION_WORDS, token.text, re.IGNORECASE) is not None


@cache
def _naming_words() -> list[tuple[str, ...]]:
    return sorted((phrase_keys(w) for w in lexicon()["naming_words"]), key=len, reverse=True)


_QUOTED_NAME = re.compile(r"\s*[«\"“„]\s*([^»\"”“\n]{2,60}?)\s*[»\"”“]")
_PRACTICE_WORDS = {
    *("practice", "technique", "method", "scheme", "phenomenon", "pratique", "méthode"),
    *("phénomène", "pratica", "tecnica", "metodo", "fenomeno", "práctica", "técnica", "método"),
    *("fenómeno", "prática", "fenômeno"),
}
_NAMING_REACH = 4  # how far before 'known as' the word for what is named may stand


def _named_facts(article: Article, taken: set[int]) -> list[Fact]:
    """'un canal s'appelant « X »', 'a website named X', 'o serviço, conhecido como "X"':
    a name given by a naming word after a word for a site, service or channel."""
    tokens = article.tokens
    facts = []
    for i in range(len(tokens)):
        keys = next((k for k in _naming_words() if tuple(t.key for t in tokens[i : i + len(k)]) == k), None)
        if keys is None:
            continue
        trigger = next(
            (t for t in reversed(tokens[max(0, i - _NAMING_REACH) : i]) if _trigger_kind(article, t)), None
        )
        if trigger is None or article.sentence_at(trigger.start) != article.sentence_at(tokens[i].start):
            continue
        if i and tokens[i - 1].key in _PRACTICE_WORDS:
            continue  # "a practice known as "signal sharing"": what was done, not a service
        kind = _trigger_kind(article, trigger) or "streaming site"
        words_end = tokens[i + len(keys) - 1].end
        note = f"named by {article.text[tokens[i].start : words_end]!r}: check it is a piracy service"
        quoted = _QUOTED_NAME.match(article.text, words_end)
        if quoted:
            facts.append(_group_fact(article, quoted.start(1), quoted.end(1), kind, "medium", note))
            continue
        run = _name_run(article, i + len(keys), 1, taken)
        if run:
            facts.append(
                _group_fact(article, tokens[run[0]].start, tokens[run[-1]].end, kind, "medium", note)
            )
    return facts


_APPOSITION_REACH = 4  # words between the determiner and the trigger: 'the largest illegal file-sharing'
# "X and Y, two streaming sites": a count or "both" opens a plural apposition.
_PLURAL_APPOSITION_DETERMINERS = {
    *("two", "three", "four", "five", "both", "deux", "trois", "quatre", "cinq", "due", "tre", "quattro"),
    *("cinque", "entrambi", "entrambe", "dos", "tres", "cuatro", "cinco", "ambos", "ambas", "dois", "duas"),
    "quatro",
}
_APPOSITION_DETERMINERS = {
    "the",
    "a",
    "an",
    "le",
    "la",
    "l",
    "un",
    "une",
    "il",
    "lo",
    "uno",
    "una",
    "el",
    "o",
    "um",
    "uma",
    *_PLURAL_APPOSITION_DETERMINERS,
}


def _apposition_facts(article: Article, taken: set[int]) -> list[Fact]:
    """'T411, le site de téléchargement le plus visité', 'X, el mayor canal pirata',
    'X, the largest streaming site': a name and, after a comma, what it is."""
    tokens = article.tokens
    facts = []
    for i in range(1, len(tokens) - 1):
        if article.text[tokens[i - 1].end : tokens[i].start] != ", ":
            continue
        one_of = _one_of_after(tokens, i)
        if tokens[i].key not in _APPOSITION_DETERMINERS and not one_of:
            continue
        trigger = next(
            (
                t
                for t in tokens[i + 1 + one_of : i + 2 + one_of + _APPOSITION_REACH]
                if _apposed_kind(article, t, one_of) and (t.text.islower() or t.text.isupper())
            ),
            None,
        )
        between = tokens[i + 1 + one_of : tokens.index(trigger)] if trigger else []
        if trigger is None or not all(_describes(article, t) for t in between):
            continue
        # "Jane Roe, the site's owner", "John Roe, a former service engineer": a person.
        if re.match(r"['’]s\b", article.text[trigger.end : trigger.end + 3]) or _modifier(article, trigger):
            continue
        run = _name_run(article, i - 1, -1, taken)
        lone = bool(run) and len(run) == 1 and _sentence_start(article, tokens[run[0]])
        if not run or (lone and not _written_mid_sentence(article, tokens[run[0]])):
            continue
        kind = _apposed_kind(article, trigger, one_of) or "streaming site"
        note = f"named before {trigger.text!r} by apposition: check it is a piracy group or service"
        # "X and Y, the biggest file-sharing networks": a plural names each of the list.
        plural = not one_of and (trigger.key.endswith("s") or tokens[i].key in _PLURAL_APPOSITION_DETERMINERS)
        runs = [run, *(_coordinated_before(article, run[0], taken) if plural else [])]
        for r in runs:
            facts.append(_group_fact(article, tokens[r[0]].start, tokens[r[-1]].end, kind, "medium", note))
    return facts


# "X, one of the best-known trackers", "X, l'un des sites", "X, uno dei tracker": one of a kind.
_ONE_OF: dict[str, list[tuple[str, ...]]] = {
    "one": [("of", "the")],
    "uno": [("dei",), ("degli",), ("de", "los")],
    "una": [("delle",), ("de", "las")],
    "l": [("un", "des"), ("une", "des")],
    "um": [("dos",)],
    "uma": [("das",)],
    # "X, tra i servizi di file hosting più noti", "X, among the largest trackers"
    "tra": [("i",), ("gli",), ("le",)],
    "fra": [("i",), ("gli",), ("le",)],
    "among": [("the",)],
    "parmi": [("les",)],
}


def _one_of_after(tokens: list[Token], i: int) -> int:
    """How many words after the determiner at token i say "one of the"; 0 if they do not."""
    for said in _ONE_OF.get(tokens[i].key, []):
        if tuple(t.key for t in tokens[i + 1 : i + 1 + len(said)]) == said:
            return len(said)
    return 0


def _coordinated_before(article: Article, j: int, taken: set[int]) -> list[list[int]]:
    """'X, Y and Z': the names joined before the last one, which starts at token j."""
    tokens = article.tokens
    runs = []
    while j > 0:
        between = _unquoted(article.text[tokens[j - 1].end : tokens[j].start]).strip()
        if between == "" and tokens[j - 1].key in {"et", "and", "e", "y", "und", "ou", "or"} and j > 1:
            k = j - 2
            if _unquoted(article.text[tokens[k].end : tokens[j - 1].start]).strip():
                break
        elif between == ",":
            k = j - 1
        else:
            break
        run = _name_run(article, k, -1, taken)
        if not run or (len(run) == 1 and _sentence_start(article, tokens[run[0]])):
            break
        runs.append(run)
        j = run[0]
    return runs


@cache
def _apposition_adjectives() -> set[str]:
    return {fold(w) for w in lexicon()["apposition_adjectives"]} | _qualifiers()


def _apposed_kind(article: Article, token: Token, one_of: int) -> str | None:
    """The kind a trigger word gives; after "one of", "tra i", its plural too ("servizi")."""
    kind = _trigger_kind(article, token)
    if kind is not None or not one_of:
        return kind
    singulars = {token.key[:-1], token.key[:-1] + "o", token.key[:-1] + "io", token.key[:-2]}
    languages = lexicon()["group_trigger_languages"]
    known = [w for w in singulars if w in _triggers() and article.lang in languages.get(w, [article.lang])]
    return _triggers()[known[0]] if known else None


def _written_mid_sentence(article: Article, word: Token) -> bool:
    """'Hotfile, tra i servizi...' opens its sentence, but the text writes 'di Hotfile'
    elsewhere: a name, not a capitalised opener."""
    return any(
        t.text == word.text and not _sentence_start(article, t) and not article.in_headline(t.start)
        for t in article.tokens
        if t is not word
    )


def _describes(article: Article, token: Token) -> bool:
    """A word between the determiner and the trigger of an apposition: 'le plus grand
    site', 'the largest streaming site', 'el mayor canal', 'the biggest file-sharing network'."""
    superlative = token.key.endswith("est")  # English: largest, biggest
    text = article.text
    compound = text[token.end : token.end + 1] == "-" or text[token.start - 1 : token.start] == "-"
    return token.text.islower() and (superlative or compound or token.key in _apposition_adjectives())


def _modifier(article: Article, trigger: Token) -> bool:
    """In English a trigger before another noun qualifies it: 'service engineer'."""
    tokens = article.tokens
    i = tokens.index(trigger)
    if article.lang != "en" or i + 1 >= len(tokens) or not _adjacent(article, trigger, tokens[i + 1]):
        return False
    noun = tokens[i + 1]
    return (
        noun.text.islower()
        and noun.key not in _FUNCTION | set(_triggers()) | {"which", "who", "where"}
        and not noun.key.endswith(("ing", "ed"))  # "a site offering", "a site based in"
    )


# A name glued to a service word: "StreamBoxTV", "MegaIPTV", "CineFlix".
# "StreamFlix", "DarkTv", "MigliorIptv", "IptvItalia": a name glued to a service word, which
# Italian, Spanish and Portuguese papers write in title case like acronyms ("Tv", "Iptv").
_GLUED_SERVICE = re.compile(
    r"[A-Z][A-Za-z0-9]*[a-z0-9](?:TV|Tv|IPTV|Iptv|Flix|Stream)|(?:IPTV|Iptv)[A-Z][a-z]{2,}[A-Za-z0-9]*"
)


def _glued_service_facts(article: Article, taken: set[int]) -> list[Fact]:
    tokens = article.tokens
    note = "a name glued to a service word: check it is a piracy service"
    return [
        _group_fact(article, t.start, t.end, "IPTV service", "low", note)
        for i, t in enumerate(tokens)
        if i not in taken and _GLUED_SERVICE.fullmatch(t.text)
    ]


@cache
def _example_words() -> list[tuple[str, ...]]:
    return sorted((phrase_keys(w) for w in lexicon()["example_words"]), key=len, reverse=True)


_LOWER_NAME = re.compile(r"[a-z][a-z0-9]*\d[a-z0-9]*|[a-z]{4,}")


def _example_list_facts(article: Article, taken: set[int]) -> list[Fact]:
    """'websites such as xflix, movies7 and heyfilms': lowercase names listed after a
    plural trigger; only a list of two or more, each a single word."""
    tokens = article.tokens
    facts = []
    for i, token in enumerate(tokens[:-1]):
        kind = _trigger_kind(article, token)
        if kind is None or not token.key.endswith("s"):
            continue
        keys = next(
            (k for k in _example_words() if tuple(t.key for t in tokens[i + 1 : i + 1 + len(k)]) == k), None
        )
        if keys is None:
            continue
        listed = _lowercase_list(article, i + 1 + len(keys))
        note = f"listed after {token.text!r}: check each is a piracy site or service"
        if len(listed) >= 2:
            facts += [
                _group_fact(article, t.start, t.end, kind, "low", note)
                for t in listed
                if tokens.index(t) not in taken
            ]
    return facts


def _named_examples_facts(article: Article, taken: set[int]) -> list[Fact]:
    """Capitalised names given as examples of a plural trigger: 'sites such as X and Y',
    'sites, X and Y among them', 'Among the sites seized ... are X, Y and Z'."""
    tokens = article.tokens
    facts = []
    for i, token in enumerate(tokens[:-1]):
        kind = _trigger_kind(article, token)
        if kind is None or not _plural(article, token) or not token.text.islower():
            continue
        runs = _examples_after(article, i, taken) or _examples_before_among_them(article, i, taken)
        runs = runs or _examples_closing_the_sentence(article, i, taken)
        runs = runs or _named_before_and_other(article, i, taken)
        note = f"given as an example of {token.text!r}: check each is a piracy site or service"
        facts += [
            _group_fact(article, tokens[r[0]].start, tokens[r[-1]].end, kind, "low", note) for r in runs
        ]
    return facts


def _plural(article: Article, token: Token) -> bool:
    """'sites', 'siti', 'piattaforme': Italian plurals end in -i or -e, the others in -s."""
    return token.key.endswith(("i", "e") if article.lang == "it" else "s")


_WORDS_BEFORE_EXAMPLES = 2


def _examples_after(article: Article, i: int, taken: set[int]) -> list[list[int]]:
    """'sites such as X, Y and Z', 'siti come la X e Y'."""
    tokens = article.tokens
    j = None
    # "the warez groups targeted included X": a participle or two may stand before the opener
    for k in range(i + 1, min(i + 1 + _WORDS_BEFORE_EXAMPLES + 1, len(tokens))):
        if k > i + 1 and not (
            tokens[k - 1].text.islower() and _adjacent(article, tokens[k - 2], tokens[k - 1])
        ):
            break
        opener = next((e for e in _example_words() if _starts_at(article, k, e)), None)
        if opener is not None:
            j = k + len(opener)
            break
    j = j if j is not None else _among_them_after_a_clause(article, i)
    if j is None:
        return []
    if j < len(tokens) and tokens[j].key in _LIST_DETERMINERS and tokens[j].text.islower():
        j += 1
    run = _name_run(article, j, 1, taken) if j < len(tokens) else []
    if not run or not tokens[run[0]].text[:1].isupper():
        return []
    return [run, *_coordinated(article, run[-1] + 1, taken)]


_CLAUSE_REACH = 10  # words of a relative clause between the plural and "parmi lesquels"


def _among_them_after_a_clause(article: Article, i: int) -> int | None:
    """'deux sites web qui servaient au téléchargement illégal, parmi lesquels X': where the
    names start, after 'among them' opening the words after a comma, in the sentence."""
    tokens = article.tokens
    sentence = article.sentence_at(tokens[i].start)
    for k in range(i + 2, min(len(tokens), i + _CLAUSE_REACH)):
        if tokens[k].start >= sentence.end or _trigger_kind(article, tokens[k]) is not None:
            return None
        if article.text[tokens[k - 1].end : tokens[k].start].strip() != ",":
            continue
        opener = next((e for e in _among_them_openers() if _starts_at(article, k, e)), None)
        if opener is not None:
            return k + len(opener)
    return None


_AND_OTHER = [
    ("and", "other"), ("et", "d", "autres"), ("e", "altri"), ("e", "altre"), ("y", "otros"), ("y", "otras"),
    ("e", "outros"), ("e", "outras"),
]  # fmt: skip


def _named_before_and_other(article: Article, i: int, taken: set[int]) -> list[list[int]]:
    """'pirated WAKA TV and other IPTV services': a name coordinated with "and other" and
    the plural is one of them (one word, such as "IPTV", may stand before the plural)."""
    tokens = article.tokens
    for skip in (0, 1):
        for link in _AND_OTHER:
            first = i - skip - len(link)
            if first > 0 and tuple(t.key for t in tokens[first : i - skip]) == link:
                run = _name_run(article, first - 1, -1, taken)
                if run and tokens[run[0]].text[:1].isupper() and not _sentence_start(article, tokens[run[0]]):
                    return [run]
    return []


def _examples_before_among_them(article: Article, i: int, taken: set[int]) -> list[list[int]]:
    """'illegal streaming sites, X and Y among them'."""
    tokens = article.tokens
    if article.text[tokens[i].end : tokens[i + 1].start] != ", ":
        return []
    run = _name_run(article, i + 1, 1, taken)
    if not run or not tokens[run[0]].text[:1].isupper():
        return []
    runs = [run, *_coordinated(article, run[-1] + 1, taken)]
    after = runs[-1][-1] + 1
    closing = any(_starts_at(article, after, words) for words in _among_them_words())
    return runs if closing and len(runs) >= 2 else []


def _examples_closing_the_sentence(article: Article, i: int, taken: set[int]) -> list[list[int]]:
    """'Fra i siti posti sotto sequestro ..., compaiono X, Y e Z.': a sentence opened by
    'among the <trigger>' and closed by a list of two names or more."""
    tokens = article.tokens
    if i < 2 or tokens[i - 2].key not in _AMONG or tokens[i - 1].key not in _PLURAL_ARTICLES:
        return []
    if not _sentence_start(article, tokens[i - 2]):
        return []
    sentence = article.sentence_at(tokens[i].start)
    last = max(k for k in range(i, len(tokens)) if tokens[k].end <= sentence.end) if sentence.end else i
    if article.text[tokens[last].end : sentence.end].strip() not in {".", ""}:
        return []
    run = _name_run(article, last, -1, taken)
    if not run or not tokens[run[0]].text[:1].isupper():
        return []
    runs = [run, *_coordinated_before(article, run[0], taken)]
    return sorted(runs) if len(runs) >= 2 else []


_AMONG = {fold(w) for w in ["among", "amongst", "parmi", "tra", "fra", "entre"]}
_PLURAL_ARTICLES = {"the", "les", "i", "gli", "le", "los", "las", "os", "as"}


@cache
def _among_them_words() -> list[tuple[str, ...]]:
    return [phrase_keys(w) for w in lexicon()["among_them_words"]]


def _lowercase_list(article: Article, j: int) -> list[Token]:
    """Single lowercase words joined by commas and a final 'and': 'x, y and z'."""
    tokens = article.tokens
    listed: list[Token] = []
    while j < len(tokens) and _LOWER_NAME.fullmatch(tokens[j].text) and tokens[j].key not in _FUNCTION:
        listed.append(tokens[j])
        gap = article.text[tokens[j].end : tokens[j + 1].start] if j + 1 < len(tokens) else ""
        if gap.strip() == "," and gap[-1].isspace():
            j += 1
        elif (
            gap.isspace() and j + 2 < len(tokens) and tokens[j + 1].key in {"and", "et", "e", "y", "or", "ou"}
        ):
            j += 2
        else:
            break
    return listed


def _sentence_start(article: Article, token: Token) -> bool:
    return article.sentence_at(token.start).start == token.start


def _coordinated(article: Article, j: int, taken: set[int]) -> list[list[int]]:
    """'Geckos et Drones', 'Rovers, Sprinter and Geckos': names joined to the first."""
    tokens = article.tokens
    runs = []
    while j < len(tokens):
        between = _unquoted(article.text[tokens[j - 1].end : tokens[j].start])
        if tokens[j].key in {"et", "and", "e", "y", "und", "ou", "or"} and between.strip() == "":
            j += 1
            if j < len(tokens) and _unquoted(article.text[tokens[j - 1].end : tokens[j].start]).strip():
                break
            # "i gestori di X e di Y": the preposition said again.
            if j + 1 < len(tokens) and tokens[j].key in _PLACE_OF and tokens[j].text.islower():
                j += 1
        elif between.strip() != ",":
            break
        run = _name_run(article, j, 1, taken)
        if not run:
            break
        runs.append(run)
        j = run[-1] + 1
    return runs


_QUOTES = "«»\"“”„'‘’"


def _unquoted(gap: str) -> str:
    """The gap between two words less its quotes: '", "' between two quoted names is a comma."""
    return "".join(c for c in gap if c not in _QUOTES)


def _domain_facts(article: Article, known_groups: set[int]) -> list[Fact]:
    facts = []
    for match in _DOMAIN.finditer(article.text):
        name = re.sub(r"^www\.", "", match.group(), flags=re.IGNORECASE)  # the site's domain
        if re.search(r"europa\.eu|\.gov|\.gob\.|police|justice", name, re.IGNORECASE) or "." not in name:
            continue
        if not _a_real_domain(name):
            continue
        start = _name_before_domain(article, match.start()) if name[0].isupper() else match.start()
        if any(start <= article.tokens[i].start < match.start() for i in known_groups):
            continue  # "The Pirate Bay.org": the lexicon's group
        if start != match.start():
            # "La Griffe Sportive.net": a site named in words with its suffix; its domain is not written.
            full = " ".join(article.text[start : match.end()].split())
            note = "a site named with its domain's suffix: check its name and find its domain"
            data = {"label": Label.GROUP, "kind": "streaming site", "country": None}
            facts.append(
                Fact(
                    "group",
                    full,
                    [Span(start, match.end(), article.text[start : match.end()])],
                    "medium",
                    [note],
                    data,
                )
            )
            continue
        facts.append(
            Fact(
                "group",
                name,
                [Span(match.start(), match.end(), match.group())],
                "medium",
                ["a domain name in the text: check it belongs to a piracy service"],
                {"label": Label.GROUP, "kind": "streaming site", "country": None, "domain": name.lower()},
            )
        )
    return facts


_WORDS_BEFORE_DOMAIN = re.compile(r"(?:[A-ZÀ-Ý][\w'’-]*[ \u00a0]){1,3}$")
_FIRST_WORD = re.compile(r"(\S+)[ \u00a0]+")
_NAME_ARTICLES = {"la", "le", "les", "el", "los", "las", "the", "il", "lo", "o", "a", "os", "as"}


def _name_before_domain(article: Article, start: int) -> int:
    """Where a capitalised domain's name starts, with the capitalised words written before it
    ('La Griffe Sportive.net'); a sentence's capitalised first word is no part of it, unless
    it is an article."""
    sentence = article.sentence_at(start)
    before = _WORDS_BEFORE_DOMAIN.search(article.text, sentence.start, start)
    if before is None:
        return start
    first = before.start()
    opener = _FIRST_WORD.match(article.text, first)
    if first == sentence.start and opener and fold(opener.group(1)) not in _NAME_ARTICLES:
        first = opener.end()
    words_before = article.text[first:start].split()
    if all(fold(w) in _NAME_ARTICLES for w in words_before):
        return start  # "The Vidsrc.to domain": an article alone is no part of the name
    return first


def agency_facts(article: Article, matches: list[Match]) -> list[Fact]:
    """Agencies the lexicon does not know: a unit and the place it serves ("le parquet de
    Rennes"), and a run of capitalised words holding a word such as 'Police', 'Procura',
    'Ministry' ("Bulgarian National Police")."""
    tokens = article.tokens
    taken = _taken([m for m in matches if m.entry.label != Label.COUNTRY])
    facts = _acronym_facts(article, taken)
    taken |= {i for f in facts for i, t in enumerate(tokens) if f.spans[0].start <= t.start < f.spans[0].end}
    facts += _unit_of_place_facts(article, taken, matches)
    facts += _coordinated_police_facts(article, matches) + _state_police_facts(article)
    facts += _forces_listed_by_adjective(article)
    facts += _forces_of_country_facts(article)
    facts += _embassy_facts(article)
    facts += _us_attorney_facts(article, taken)
    facts += _described_anti_piracy_bodies(article, taken)
    facts += _known_units_of_place(article, matches)
    # A town's police named as the kind of a unit read above ("compagnie de gendarmerie du
    # Kadiogo"), or beside a unit of the same place ("brigade territoriale de Ndogbong"), is
    # that unit; "the cybercrime division of the Hyogo prefectural police" names two bodies.
    covered = {(s.start, s.end) for f in facts for s in f.spans}
    places = {_place_of(f.key) for f in facts}
    facts += [
        f
        for f in _local_police_facts(article, taken)
        if not (
            any(a < f.spans[0].start and f.spans[0].end <= b for a, b in covered)
            and _BARE_OF.search(article.text[: f.spans[0].start])
        )
        and _place_of(f.key) not in places
    ]
    taken |= {i for f in facts for i, t in enumerate(tokens) if f.spans[0].start <= t.start < f.spans[0].end}
    i = 0
    while i < len(tokens):
        run: list[int] = []
        j = i
        while j < len(tokens) and j not in taken:
            token = tokens[j]
            gap = article.text[tokens[j - 1].end : token.start] if run else " "
            if run and ((len(gap.strip()) > 0 and gap.strip() not in {"'", "’", "-"}) or "\n" in gap):
                break
            if token.text.isdigit() and not (run and tokens[j - 1].key in _NUMBER_WORDS):
                break  # "150 Customs officers", "In April 2015 ...": no "Departamento Número 2"
            if run and token.key in _AND and _another_body_follows(tokens, j + 1):
                break  # "la Fiscalía y la Policía Judicial": two bodies
            if run and token.key in _AND and _headed_names_on_both_sides(tokens, run, j + 1):
                break  # "the Trading Standards Service and Hampshire Constabulary": two bodies
            if run and _owner_before_a_named_unit(article, run, j):
                break  # "Hackney Borough Police's Homerton Safer Neighbourhoods Team": two bodies
            # "the People's Court" keeps its possessive; "the EU's agency" is the EU's.
            if (
                (not token.text.islower() and (token.key not in _DETERMINERS or _opens_a_place(tokens, j)))
                or (run and gap == "-" and _hyphened_inside_a_name(article, j))
                or (
                    run
                    and token.key in _CONNECTORS
                    and _name_goes_on(tokens, j + 1)
                    and not _party_after_a_court(tokens, run, j)
                )
                or (run and _field_of_a_specialised_body(tokens, j) and _name_goes_on(tokens, j + 1))
                or (run and token.text == "s" and gap in {"'", "’"} and not tokens[j - 1].text.isupper())
                or (run and token.text == "office" and _after_a_possessive_s(article, j))
            ):
                run.append(j)
            else:
                break
            j += 1
        if run and _possessive_s(article, run[-1]):
            run = run[:-1]  # "the Metropolitan Police's film piracy unit": the owner, less its 's
        owner = _country_possessive_inside(article, run)
        if owner is not None:
            # "the Cybercrime Unit of Bulgaria's General Directorate ...": two bodies; the
            # second is read from its own first word.
            run, j = run[:owner], run[owner] + 2
            while run and tokens[run[-1]].key in _CONNECTORS:
                run.pop()
        run = [] if article.in_headline(tokens[i].start) else _without_official(article, run)
        if _role_and_name(article, run):
            run = []  # "Prosecutor Fredrik Ingblad": a person named by role, never drafted
        if len(run) > 2 and tokens[run[1]].key in _ARTICLES_IN_RUN and tokens[run[1]].text.islower():
            run = run[2:]  # "Intervino la Dirección General...": a name does not open on "<word> la"
        run = _without_country_possessive(article, _without_members_opening(article, run))
        run = _with_words_before_in(article, run, taken)
        keys = [tokens[k].key for k in run]
        head = next(
            (
                h
                for h in _agency_heads_most_specific_first()
                if any(tuple(keys[a : a + len(h)]) == h for a in range(len(keys)))
            ),
            None,
        )
        content = [k for k in run if tokens[k].key not in _CONNECTORS]
        if (
            head is not None
            and len(content) >= 2
            and not _a_division_of_no_body(keys)
            and not _sentence_start_only(article, run)
            and not _unit_of_a_known_body(article, run, taken)
        ):
            start, end = tokens[run[0]].start, tokens[run[-1]].end
            name = article.text[start:end]
            kind = _agency_kind(head)
            parents, own = _parent_in_the_name(article, run)
            facts.append(
                Fact(
                    "agency",
                    name,
                    [Span(start, end, name), *([own] if own else [])],
                    "low",
                    [f"not in the lexicon: check the name, its kind ({kind}, guessed) and its country"],
                    {"label": Label.AGENCY, "kind": kind, "country": None},
                )
            )
            facts += parents
        i = max(j, i + 1)
    taken |= {i for f in facts for i, t in enumerate(tokens) if f.spans[0].start <= t.start < f.spans[0].end}
    facts += opened_name_facts(article, taken)
    roles = _prosecutor_role_facts(article, matches, facts)
    # "presso il Tribunale di Milano" names the office's seat: no court of its own.
    facts = [f for f in facts if not any(_span_inside(f.spans[0], r.spans[0]) for r in roles)]
    facts += roles
    # "Agência Brasil" signing the report names who wrote it, not a body that acted, and
    # "l'Autorità Giudiziaria" the kind of body a case goes to.
    facts = [f for f in facts if not is_news_agency(f.key) and fold(f.key) not in generic_body_phrases()]
    return _acronym_units_merged(_short_names_merged(facts + _judge_role_facts(article, facts)))


_FIELD_FIRST = re.compile(r"^(?P<field>[A-Z][a-z]+) (?P<head>Ministry|Department|Office|Agency)$")


def field_first_merged(facts: list[Fact]) -> list[Fact]:
    """'the Culture Ministry' after 'the Ministry of Culture, Sports and Tourism': an
    English body named again by its field before the head is the same body."""

    def full_name_of(fact: Fact) -> Fact | None:
        short = _FIELD_FIRST.match(fact.key) if fact.kind == "agency" else None
        if short is None:
            return None
        prefix = f"{short['head']} of {short['field']}"
        return next((o for o in facts if o is not fact and o.key.startswith(prefix)), None)

    return _merged_into(facts, full_name_of)


def _acronym_units_merged(facts: list[Fact]) -> list[Fact]:
    """'la PJ de Ben M'sik' and 'la police judiciaire de Ben M'sik': one unit of one place,
    named by its acronym and by its words; the words' name keeps both spans."""
    return _merged_into(
        facts,
        lambda fact: next((o for o in facts if o is not fact and _unit_acronym_of(fact.key, o.key)), None),
    )


def _merged_into(facts: list[Fact], other_name_of: Callable[[Fact], Fact | None]) -> list[Fact]:
    """The facts, each one another names (`other_name_of`) merged into that one: its spans
    are the other's mentions."""
    kept: list[Fact] = []
    for fact in facts:
        other = other_name_of(fact)
        if other is None:
            kept.append(fact)
            continue
        other.spans += [s for s in fact.spans if s not in other.spans]
        other.spans.sort(key=lambda s: s.start)
    return kept


def _unit_acronym_of(short: str, long: str) -> bool:
    """'PJ de Ben M'sik' of 'police judiciaire de Ben M'sik'; 'DEIC' of 'Departamento
    Estadual de Investigações Criminais da Polícia Civil'."""
    if re.fullmatch(r"[A-Z]{3,6}", short):
        words = long.split()
        content = [w for w in words if fold(w) not in _CONNECTORS]
        if len(content) <= len(short):
            return False
        firsts = content[: len(short)]
        after = words[words.index(firsts[-1]) + 1] if words.index(firsts[-1]) + 1 < len(words) else None
        return _initials_are(firsts, short) and after is not None and fold(after) in _PLACE_OF
    acronym, _, place = short.partition(" ")
    if not re.fullmatch(r"[A-Z]{2,6}", acronym) or " " not in place:
        return False
    if place.split()[0].lower() not in _PLACE_OF or not long.endswith(" " + place):
        return False
    words = [w for w in long[: -len(place) - 1].split() if fold(w) not in _CONNECTORS]
    return _initials_are(words, acronym)


def _initials_are(words: list[str], acronym: str) -> bool:
    return len(words) == len(acronym) and all(
        fold(w)[:1] == c.lower() for w, c in zip(words, acronym, strict=True)
    )


_ENGLISH_CLOSING_HEADS = {"squad", "unit", "division", "branch", "team", "task force", "department"}


def _with_words_before_in(article: Article, run: list[int], taken: set[int]) -> list[int]:
    """'the Anti-Trafficking in Persons and Intellectual Property Vice Squad': an English
    unit's name may hold a field with 'in'; it runs back through the capitalised words
    before it when the name closes on the word for a unit."""
    tokens = article.tokens
    if article.lang != "en" or not run or run[0] < 2:
        return run
    last = " ".join(tokens[k].key for k in run[-2:])
    closes = tokens[run[-1]].key in _ENGLISH_CLOSING_HEADS or last in _ENGLISH_CLOSING_HEADS
    before = run[0] - 1
    if (
        not closes
        or tokens[before].text != "in"
        or article.text[tokens[before].end : tokens[run[0]].start] != " "
    ):
        return run
    first = before
    while (
        first - 1 >= 0
        and first - 1 not in taken
        and tokens[first - 1].text[:1].isupper()
        and tokens[first - 1].key not in _DETERMINERS
        and article.text[tokens[first - 1].end : tokens[first].start] in {" ", "-"}
    ):
        first -= 1
    words = {(tokens[k].key,) for k in range(first, before)}
    if first == before or words & _agency_heads():
        return run  # "the Police in Manchester ...": a body and its place, not one name
    return [*range(first, before + 1), *run]


def _country_possessive_inside(article: Article, run: list[int]) -> int | None:
    """The index in `run` of a country named with a possessive after the run's first word."""
    tokens = article.tokens
    for n in range(1, len(run) - 2):
        k = run[n]
        possessive = _possessive_s(article, run[n + 1])
        if possessive and country_code(tokens[k].text) and tokens[run[n - 1]].key in _CONNECTORS:
            return n
    return None


def _without_country_possessive(article: Article, run: list[int]) -> list[int]:
    """ "Taiwan's Intellectual Property Rights Investigation Corps": the country whose body
    it is opens the phrase, not the name."""
    tokens = article.tokens
    for n, k in enumerate(run[1:], start=1):
        if tokens[k].text == "s" and article.text[tokens[k - 1].end : tokens[k].start] in {"'", "’"}:
            owner = article.text[tokens[run[0]].start : tokens[k - 1].end]
            return run[n + 1 :] if country_code(owner) else run
    return run


_BARE_DE = {"de", "di", "d"}
_ACRONYM_WORD = re.compile(r"[A-Z]{3,}")


def _parent_in_the_name(article: Article, run: list[int]) -> tuple[list[Fact], Span | None]:
    """'Computer Crime Unit of Central Scotland Police', 'Dirección de Delitos Intelectuales
    de la Policía Fiscal del Perú': a unit named with the body it belongs to names that body
    too, when the words after 'of' open (or, in English, close) on a body's head; and the
    unit's own name, without the body's, is a span the reviewer sees it by."""
    tokens = article.tokens
    for n, k in enumerate(run[1:-1], start=1):
        if tokens[k].key not in _PLACE_OF or tokens[k].key == "in":
            continue  # "of", "de la": the body the unit belongs to follows
        if tokens[run[n - 1]].key in _titles():
            continue  # "the Secretary of State's Office": an official's office, not a unit of a body
        rest = run[n + 1 :]
        with_article = (
            bool(rest) and tokens[rest[0]].key in _ARTICLES_IN_RUN and tokens[rest[0]].text.islower()
        )
        if with_article:
            rest = rest[1:]
        elif article.lang != "en" and tokens[k].key in _BARE_DE:
            continue  # "Brigada de Policía Judicial": what kind of unit, not whose
        keys = [tokens[r].key for r in rest]
        content = [key for key in keys if key not in _CONNECTORS]
        if not rest or not tokens[rest[0]].text[:1].isupper():
            continue
        # "de la UDEV-Central", "della DDA": a body the text writes only as its acronym.
        acronym = (
            with_article and _ACRONYM_WORD.fullmatch(tokens[rest[0]].text) is not None and len(content) <= 2
        )
        head = next(
            (
                h
                for h in _agency_heads_most_specific_first()
                if tuple(keys[: len(h)]) == h or tuple(keys[-len(h) :]) == h
            ),
            None,
        )
        if (head is None or len(content) < 2) and not acronym:
            continue
        head = head or ("unit",)
        start, end = tokens[rest[0]].start, tokens[rest[-1]].end
        name = article.text[start:end]
        kind = _agency_kind(head)
        note = (
            f"the body a unit belongs to, named in the unit's name: check it and its kind ({kind}, guessed)"
        )
        data = {"label": Label.AGENCY, "kind": kind, "country": None}
        own_end = tokens[run[n - 1]].end
        own = Span(tokens[run[0]].start, own_end, article.text[tokens[run[0]].start : own_end])
        return [Fact("agency", name, [Span(start, end, name)], "low", [note], data)], own
    return [], None


def _judge_role_facts(article: Article, facts: list[Fact]) -> list[Fact]:
    """'un juge de paix avait autorisé la perquisition', 'le juge d'instruction': a judge
    named by role alone acted, and is drafted as that role once, outside any body's name
    already drafted ('juge d'instruction de Blois')."""
    tokens = article.tokens
    found: dict[str, Fact] = {}
    for i in range(len(tokens)):
        role = next(
            (r for r in _roles("judge_roles").get(article.lang, []) if _starts_at(article, i, r[0])), None
        )
        if role is None or role[1] in found or article.in_headline(tokens[i].start):
            continue
        start, end = tokens[i].start, tokens[i + len(role[0]) - 1].end
        if any(s.start <= start < s.end for f in facts for s in f.spans):
            continue
        note = "a judge named by role: check which court acted, and its place"
        data = {"label": Label.AGENCY, "kind": "court", "country": None}
        found[role[1]] = Fact(
            "agency", role[1], [Span(start, end, article.text[start:end])], "low", [note], data
        )
    return list(found.values())


# "Primera División", "the Second Division": a football league's tier, not a police division.
_TIERS = frozenset(
    {
        *("first", "second", "third", "premier", "primera", "segunda", "tercera", "primeira", "terceira"),
        *("premiere", "deuxieme", "troisieme", "prima", "seconda", "terza"),
    }
)


def _a_division_of_no_body(keys: list[str]) -> bool:
    """A league's tier, or a ministry's division named without its ministry ("the Criminal
    Division of the court"), which is drafted only with the body it belongs to."""
    league = len(keys) == 2 and keys[0] in _TIERS and keys[1] == "division"
    return league or tuple(keys) in _government_units()


@cache
def _government_units() -> frozenset[tuple[str, ...]]:
    return frozenset(unit for unit, _, kind in _units() if kind == "government unit")


def _hyphened_inside_a_name(article: Article, j: int) -> bool:
    """'the High-tech Crime Taskforce': a word in lower case after a capitalised word and a
    hyphen belongs to the name when another capitalised word follows it ("Aigle-douanes" ends
    on its own)."""
    tokens = article.tokens
    after = j + 1
    return (
        not tokens[j - 1].text.islower()
        and after < len(tokens)
        and tokens[after].text[:1].isupper()
        and article.text[tokens[j].end : tokens[after].start] == " "
    )


def _span_inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


# Articles: a capitalised word right before one opens a sentence, not a name.
_ARTICLES_IN_RUN = {"la", "el", "le", "il", "lo", "los", "las", "les", "the", "o", "os", "as", "gli", "i"}
_OF_THE = re.compile(r"\s+of(?:\s+the)?\s+$", re.IGNORECASE)


# Words for a unit that is an item of its own, not one of a body's offices in a city.
_UNITS_OF_THEIR_OWN = {
    "corps", "unit", "squad", "division", "brigade", "section", "team", "group", "directorate",
    "taskforce", "cell",
}  # fmt: skip


def _unit_of_a_known_body(article: Article, run: list[int], taken: set[int]) -> bool:
    """'the New York Office of the Postal Inspection Service': the office is the known
    body's, which is drafted under its own name. Not 'the Intellectual Property Rights
    Investigation Corps of the Criminal Investigation Bureau', a unit of its own."""
    tokens = article.tokens
    if any(tokens[k].key in _UNITS_OF_THEIR_OWN for k in run):
        return False
    last = next(k for k in reversed(run) if tokens[k].key not in _CONNECTORS)
    after = range(last + 1, min(last + 4, len(tokens)))
    k = next((k for k in after if tokens[k].capitalised), None)
    if k is None or not _OF_THE.match(article.text[tokens[last].end : tokens[k].start]):
        return False
    while k < len(tokens) and tokens[k].capitalised and k not in taken:
        k += 1
    return k in taken


def _short_names_merged(facts: list[Fact]) -> list[Fact]:
    """'il Nucleo Speciale' after 'il Nucleo Speciale Beni e Servizi': a body's first words
    name it again; the short mention is a span of the full name."""
    kept: list[Fact] = []
    for fact in facts:
        longer = next(
            (o for o in facts if o is not fact and fold(o.key).startswith(fold(fact.key) + " ")), None
        )
        same_unit = next((o for o in facts if o is not fact and _same_unit_named_shorter(fact, o)), None)
        if same_unit is not None:
            longer = same_unit
        elif longer is not None and fact.confidence != "low" and not named_with_its_parent(fact, longer):
            longer = None
        if longer is not None:
            longer.spans += [s for s in fact.spans if s not in longer.spans]
            longer.spans.sort(key=lambda s: s.start)
        else:
            kept.append(fact)
    return kept


def named_with_its_parent(short: Fact, long: Fact) -> bool:
    """'Departamento Estadual de Investigações Criminais da Polícia Civil de São Paulo' is the
    'Departamento Estadual de Investigações Criminais' named with the body it belongs to."""
    rest = fold(long.key)[len(fold(short.key)) :].split()
    if short.kind != "agency" or len(rest) < 2 or rest[0] not in _PLACE_OF:
        return False
    return any(tuple(rest[1 : 1 + len(h)]) == h for h in _agency_heads())


def _same_unit_named_shorter(short: Fact, long: Fact) -> bool:
    """'Compagnia di Giulianova' and 'Compagnia della Guardia di Finanza di Giulianova',
    'Comando Provinciale di Trento' and 'Comando Provinciale della Guardia di Finanza di
    Trento': one unit, named without and with the body it belongs to."""
    words = fold(short.key).split()
    if short.kind != "agency" or long.kind != "agency" or len(words) < 3:
        return False
    whole = fold(long.key)
    if len(whole) <= len(fold(short.key)):
        return False
    for k in range(1, len(words) - 1):
        if k > 1 and words[k] not in _PLACE_OF:
            continue
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if whole.startswith(head + " ") and whole.endswith(" " + rest):
            return True
    return False


@cache
def _roles(section: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """language -> (keys, the body drafted), longest first, of a lexicon section of roles
    ("prosecutor_roles", "judge_roles")."""
    roles = {
        lang: [(phrase_keys(w), body) for body, spellings in bodies.items() for w in spellings]
        for lang, bodies in lexicon()[section].items()
    }
    return {lang: sorted(items, key=lambda r: -len(r[0])) for lang, items in roles.items()}


def _prosecutor_role_facts(article: Article, matches: list[Match], facts: list[Fact]) -> list[Fact]:
    """'le parquet', 'le procureur de la République': the prosecutor named by its role, when
    the article names none more precisely (a prosecutor's office of a place, a known one)."""
    bodies = facts + lexicon_facts(article, matches)
    if any(f.data.get("kind") == "prosecutor" or _PROSECUTOR_WORD.search(fold(f.key)) for f in bodies):
        return []
    tokens = article.tokens
    found = []
    i = 0
    while i < len(tokens):
        role = next(
            (
                (keys, body)
                for keys, body in _roles("prosecutor_roles").get(article.lang, [])
                if _starts_at(article, i, keys)
            ),
            None,
        )
        if role is None or article.in_headline(tokens[i].start):
            i += 1
            continue
        end = tokens[i + len(role[0]) - 1].end
        name, note = role[1], "a prosecutor named by its role: check which office (its place) acted"
        seat = _PROSECUTOR_SEAT.match(article.text, end) if role[1] == "Procura della Repubblica" else None
        parquet = _PARQUET_SEAT.match(article.text, end) if role[1] == "parquet" else None
        if parquet:
            # "présenté au procureur de la République de Toulouse": the parquet of that town.
            of, town = parquet.group("of", "town")
            end, name = parquet.end(), f"parquet de {town}" if of == "de" else f"parquet d'{town}"
            note = "a prosecutor's office named by its prosecutor's town: check the office's name"
        elif seat and seat.group("court"):
            # "un Sostituto Procuratore della Repubblica presso il Tribunale di Milano": that office.
            court = " ".join(seat.group("court").split())
            end, name = seat.end(), f"Procura della Repubblica presso il {court[:1].upper()}{court[1:]}"
            note = "a prosecutor's office named by the court its prosecutor serves: check the office's name"
        elif seat:
            # "il Procuratore della Repubblica di Cagliari": the office of that town.
            end, name = seat.end(), f"Procura della Repubblica di {' '.join(seat.group('town').split())}"
            note = "a prosecutor's office named by its prosecutor's town: check the office's name"
        text = article.text[tokens[i].start : end]
        found.append(
            Fact(
                "agency",
                name,
                [Span(tokens[i].start, end, text)],
                "low",
                [note],
                {"label": Label.AGENCY, "kind": "prosecutor", "country": None},
            )
        )
        i = article.token_index(end) if seat or parquet else i + len(role[0])
    return found


# The court an Italian prosecutor serves: "... della Repubblica presso il Tribunale di Milano".
_PROSECUTOR_SEAT = re.compile(
    r"(?:\s+della\s+Repubblica)?\s+(?:presso\s+il\s+"
    r"(?P<court>(?:[Tt]ribunale(?:\s+ordinario)?|[Tt]ribunale\s+per\s+i\s+minorenni)\s+di\s+{town})"
    # a town of one word: "di Milano Mario Rossi" goes on with a person's name
    r"|di\s+(?P<town>[A-Z][\w'’]+)(?![\w'’]|\s+[A-Z]))".format(town=r"[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?")
)


# The town a French prosecutor serves: "le procureur de la République de Toulouse", "... d'Angers".
# A town of one word: "de Paris Jean Dupont" goes on with a person's name.
_PARQUET_SEAT = re.compile(r"\s+(?P<of>de|d['’])\s*(?P<town>[A-ZÀ-Ý][\w-]+)(?![\w'’-]|\s+[A-ZÀ-Ý])")


_PROSECUTOR_WORD = re.compile(
    r"\b(?:procura|parquet|fiscalia|prosecutor|procureur|ministerio publico|promotoria)"
)
_BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9]{1,9})\s*\)")
_ACRONYM_REACH = 16  # words a long name may hold before its acronym
# Words an acronym skips: articles, prepositions, conjunctions in the five languages.
_ACRONYM_SKIPS = _FUNCTION | {
    fold(w)
    for w in [
        "contre",
        "contro",
        "contra",
        "against",
        "al",
        "ao",
        "aos",
        "à",
        "alla",
        "allo",
        "agli",
        "alle",
        "dei",
        "degli",
        "delle",
        "dello",
        "dos",
        "das",
        "na",
        "no",
        "nas",
        "nos",
        "nel",
        "nella",
        "em",
        "para",
        "por",
        "pela",
        "pelo",
        "con",
        "com",
        "sobre",
        "d",
        "l",
        "the",
    ]
}


@cache
def _body_words() -> dict[str, str]:
    return {fold(w): kind for kind, items in lexicon()["body_words"].items() for w in items}


@cache
def _acronym_body_words() -> dict[str, str]:
    """Words for a body, and those naming one only beside its acronym ("Society", "Guild":
    alone they open companies' names too)."""
    only_here = lexicon()["acronym_body_words"]
    return _body_words() | {fold(w): kind for kind, items in only_here.items() for w in items}


def _acronym_facts(article: Article, taken: set[int]) -> list[Fact]:
    """'Brigada Central de Ciberdelincuencia (BCC)', 'Economic and Financial Crimes
    Commission (EFCC)', 'Namibian Society of Composers and Authors of Music (Nascam)': a
    long name holding a capitalised word for a body and followed by its acronym in
    brackets, the acronym's letters the initials of its words."""
    tokens = article.tokens
    facts = []
    for match in _BRACKETED_ACRONYM.finditer(article.text):
        acronym = match.group(1)
        syllabic = sum(c.isupper() for c in acronym) < 2
        if syllabic and len(acronym) < _SYLLABIC_MIN:
            continue
        last = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].end <= match.start()), None)
        if last is None or article.text[tokens[last].end : match.start()].strip():
            continue
        if last + 1 in taken:
            continue  # the lexicon knows the body by that acronym: drafted once, as its entry
        sentence = article.sentence_at(tokens[last].start)
        for first in range(last, max(-1, last - _ACRONYM_REACH), -1):
            if tokens[first].start < sentence.start or first in taken:
                break
            words_in = tokens[first : last + 1]
            kind = _body_word_kind(words_in)
            if kind is None or not tokens[first].text[0].isupper():
                continue
            if _acronym_fits(words_in, acronym, _after_hyphens(article, words_in)):
                facts.append(_acronym_fact(article, tokens[first].start, tokens[last].end, acronym, kind))
                break
    return facts + _names_after_their_acronym(article, taken)


_ACRONYM_THEN_NAME = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,9})\s*\(([^()\n]{5,160})\)")


def _names_after_their_acronym(article: Article, taken: set[int]) -> list[Fact]:
    """'l'AESVI (Associazione Editori Software Videoludico Italiana)': the acronym first,
    the full name in brackets, the same fit of letters to words."""
    facts = []
    for match in _ACRONYM_THEN_NAME.finditer(article.text):
        acronym = match.group(1)
        inside = [t for t in article.tokens if match.start(2) <= t.start and t.end <= match.end(2)]
        if not inside or any(article.token_index(t.start) in taken for t in inside):
            continue
        if not inside[0].text[0].isupper() or article.text[inside[-1].end : match.end(2)].strip():
            continue  # a sentence in brackets, not a name
        kind = _body_word_kind(inside)
        if kind is not None and _acronym_fits(inside, acronym, _after_hyphens(article, inside)):
            facts.append(_acronym_fact(article, inside[0].start, inside[-1].end, acronym, kind))
    return facts


def _body_word_kind(words: list[Token]) -> str | None:
    """The kind of the first capitalised word for a body among `words`."""
    kinds = _acronym_body_words()
    return next((kinds[t.key] for t in words if t.key in kinds and t.text[0].isupper()), None)


def _after_hyphens(article: Article, words: list[Token]) -> frozenset[int]:
    """The places in `words` of the words that end a hyphenated compound ("Anti-Piracy")."""
    return frozenset(
        n for n in range(1, len(words)) if article.text[words[n - 1].end : words[n].start] in {"-", "‐"}
    )


def _acronym_fits(words: list[Token], acronym: str, compounds: frozenset[int] = frozenset()) -> bool:
    """The acronym's letters are the words' initials; or, for one of four letters or more,
    their first letters ("GEBRO" for "Grupo Especial de Bienes Robados")."""
    syllabic = sum(c.isupper() for c in acronym) < 2
    return (not syllabic and _initials_fit(words, acronym.upper(), compounds)) or (
        len(acronym) >= _SYLLABIC_MIN and _syllables_fit(words, acronym)
    )


def _initials_fit(words: list[Token], acronym: str, compounds: frozenset[int] = frozenset()) -> bool:
    """The acronym's letters are the initials of the name's words, in order: every word
    that carries meaning gives its initial; an article or preposition may give one or not
    ("Departamento de Repressão à Corrupção" is DRAC...), and so may the second part of a
    hyphenated compound ("Belgian Anti-Piracy Foundation" is BAF). `compounds`: the places
    of those second parts."""
    reachable = {0}
    for place, word in enumerate(words):
        initial = word.text[0].upper()
        gives = {n + 1 for n in reachable if n < len(acronym) and acronym[n] == initial}
        optional = word.key in _ACRONYM_SKIPS or place in compounds
        reachable = gives | reachable if optional else gives
        if not reachable:
            return False
    return len(acronym) in reachable


_SYLLABIC_MIN = 4  # letters of an acronym written as a word ("Pedatec"): shorter ones are words


def _syllables_fit(words: list[Token], acronym: str) -> bool:
    """An acronym written as a word takes the first letters of its name's words, one or
    more from each, in order ("Procuraduría Especializada contra Crímenes y Delitos de Alta
    Tecnología" is Pedatec); the first word gives its start, articles and prepositions may
    give nothing, and so may one other word."""
    target = fold(acronym)
    # (letters read, other words skipped) after each word
    states = {(0, 0)}
    for n, word in enumerate(words):
        key = fold(word.text)
        after = set()
        for read, skipped in states:
            rest = target[read:]
            after |= {(read + k, skipped) for k in range(1, len(rest) + 1) if key.startswith(rest[:k])}
            if n > 0 and word.key in _ACRONYM_SKIPS:
                after.add((read, skipped))
            elif n > 0 and skipped == 0:
                after.add((read, 1))
        states = after
        if not states:
            return False
    return any(read == len(target) for read, _ in states)


def _acronym_fact(article: Article, start: int, end: int, acronym: str, kind: str) -> Fact:
    name = " ".join(article.text[start:end].split())
    spans = [Span(start, end, article.text[start:end])]
    spans += [
        Span(m.start(), m.end(), acronym)
        for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", article.text)
        if not start <= m.start() < end + len(acronym) + 4
    ]
    return Fact(
        "agency",
        name,
        spans,
        "medium",
        [f"named in full before its acronym {acronym!r}: check it is a body that acted"],
        {"label": Label.AGENCY, "kind": kind, "country": None},
    )


def _unit_place_end(article: Article, match: Match, matches: list[Match]) -> int | None:
    """Where a known unit's place ends: 'Nucleo di Polizia Economico-Finanziaria di Lecce' is
    that city's unit, and so is '... della Guardia di Finanza di Lecce'; None for a body that
    is not a unit, or a unit with no place after it."""
    if match.entry.label != Label.AGENCY or match.entry.kind != "police unit":
        return None
    parent = _parent_body_after(article, match.last, matches)
    if parent is not None:
        place = _place_or_seat_after(article, article.token_index(parent), set())
        return article.tokens[place[-1]].end if place else None
    place = _place_after(article, match.last, set())
    heads = _body_words().keys() | {h[0] for h in _agency_heads()}
    if not place or article.tokens[place[0]].key in heads:
        return None  # "Laboratório ... do Ministério da Justiça": the body it belongs to, no place
    return article.tokens[place[-1]].end


def _known_units_of_place(article: Article, matches: list[Match]) -> list[Fact]:
    facts = []
    for match in matches:
        end = _unit_place_end(article, match, matches)
        if end is None:
            continue
        text = article.text[match.start : end]
        spans = [Span(match.start, end, text)]
        if _parent_body_after(article, match.last, matches) is not None:
            # "la brigade ... de la Sûreté de wilaya de Tizi Ouzou": the unit's own name too
            spans.append(Span(match.start, match.end, article.text[match.start : match.end]))
        facts.append(
            Fact(
                "agency",
                " ".join(text.split()),
                spans,
                "medium",
                [f"the {match.entry.name} of the place named after it: check the body's full name"],
                {"label": Label.AGENCY, "kind": match.entry.kind, "country": match.entry.country},
            )
        )
    return facts


_OF_WORDS = (
    r"(?P<of>of\s+the|of|de\s+la|de\s+l['’]|de\s+los|de|di|della|degli|dello|del|da|do|dos|das|du|des)"
)
_FORCES_MAX_COUNTRIES = 2  # a longer list names the countries that helped, not bodies
_OF_COUNTRY = re.compile(rf"\s+{_OF_WORDS}\s+", re.IGNORECASE)
_AND_OF_COUNTRY = re.compile(rf"\s*(?:,|,?\s+(?:y|e|et|and))\s+{_OF_WORDS}\s+", re.IGNORECASE)


def _countries_listed(
    article: Article, countries: list[Match], noun_start: int, cursor: int
) -> list[tuple[Match, str, str, int]]:
    """The countries listed right after a noun ending at `cursor` ('of X', 'de X y de Y',
    'of X, of Y'): each with its joining word, its text, and where its mention starts (the
    noun for the first, its joining word for the others)."""
    listed: list[tuple[Match, str, str, int]] = []
    pattern = _OF_COUNTRY
    for country in (c for c in countries if c.start >= cursor):
        joint = pattern.fullmatch(article.text, cursor, country.start)
        if joint is None:
            break
        start = noun_start if pattern is _OF_COUNTRY else joint.start("of")
        listed.append((country, joint.group("of"), article.text[country.start : country.end], start))
        cursor, pattern = country.end, _AND_OF_COUNTRY
    return listed


def _forces_of_country_facts(article: Article) -> list[Fact]:
    """'las fuerzas de seguridad de la República Italiana y de la República de Croacia':
    each country after the words for security forces names that country's forces, when
    they are one or two."""
    countries = country_matcher().find(article)
    facts: list[Fact] = []
    for i, token in enumerate(article.tokens):
        noun = next((keys for keys in _security_forces() if _starts_at(article, i, keys)), None)
        if noun is None:
            continue
        noun_text = article.text[token.start : article.tokens[i + len(noun) - 1].end]
        found = [
            _forces_fact(article, start, country, " ".join(f"{noun_text} {of} {written}".split()))
            for country, of, written, start in _countries_listed(
                article, countries, token.start, token.start + len(noun_text)
            )
        ]
        if len(found) <= _FORCES_MAX_COUNTRIES:
            facts += found
    return facts


def _embassy_facts(article: Article) -> list[Fact]:
    """'the Embassy of Japan in Manila', 'as embaixadas dos Estados Unidos e do Reino Unido',
    'the Japanese embassy': one embassy per country, named in the singular."""
    countries = country_matcher().find(article)
    facts: list[Fact] = []
    for i, token in enumerate(article.tokens):
        singular = _embassy_words().get(token.key)
        if singular is None:
            continue
        written = token.text if token.key == fold(singular) else singular
        found = [
            _embassy_fact(
                article, start, country.end, " ".join(f"{written} {of} {name}".split()), country.entry.name
            )
            for country, of, name, start in _countries_listed(article, countries, token.start, token.end)
        ]
        if found:
            _with_seat(article, found[-1])
        elif token.key == fold(singular):
            found = _embassy_by_adjective(article, i, written)
        facts += found
    return _one_embassy_per_country(facts)


# "... in Manila", "... no Brasil": the city or country the embassy sits in ends its name.
_EMBASSY_SEAT = re.compile(r"\s+(?:in|en|em|no|na|à|a)\s+([A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)?)")


def _with_seat(article: Article, fact: Fact) -> None:
    seat = _EMBASSY_SEAT.match(article.text, fact.spans[-1].end)
    if seat is None:
        return
    start = fact.spans[-1].start
    fact.key = f"{fact.key}{article.text[fact.spans[-1].end : seat.end()]}"
    fact.spans[-1] = Span(start, seat.end(), article.text[start : seat.end()])


def _embassy_by_adjective(article: Article, i: int, written: str) -> list[Fact]:
    """'the Japanese embassy', 'l'ambassade américaine': the adjective names the country."""
    tokens = article.tokens
    k = i - 1 if article.lang == "en" else i + 1
    if not 0 <= k < len(tokens):
        return []
    code = nationality_codes().get((article.lang, tokens[k].key))
    if code is None:
        return []
    start, end = min(tokens[i].start, tokens[k].start), max(tokens[i].end, tokens[k].end)
    return [_embassy_fact(article, start, end, article.text[start:end], code)]


# "the United States Attorney for the District of Puerto Rico", "U.S. Attorney's Office for the
# Northern District of Georgia": a federal prosecutor's office by its judicial district.
_US_ATTORNEY = re.compile(
    r"\b(?:U\.\s?S\.|US|United\s+States)\s+Attorney(?:['’]s\s+Office)?\s+(?:for|in)\s+the\s+"
    r"(?P<district>(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?District\s+of\s+"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)


def _us_attorney_facts(article: Article, taken: set[int]) -> list[Fact]:
    """A US Attorney's office named by its district, whether or not the lexicon lists it."""
    facts = []
    for match in _US_ATTORNEY.finditer(article.text):
        if article.token_index(match.start()) in taken:
            continue
        name = f"US Attorney's Office for the {' '.join(match.group('district').split())}"
        facts.append(
            Fact(
                "agency",
                name,
                [Span(match.start(), match.end(), match.group())],
                "medium",
                ["a federal prosecutor's office named by its district: check the office's name"],
                {"label": Label.AGENCY, "kind": "prosecutor", "country": "US"},
            )
        )
    return facts


def _embassy_fact(article: Article, start: int, end: int, name: str, country: str) -> Fact:
    return Fact(
        "agency",
        name,
        [Span(start, end, article.text[start:end])],
        "medium",
        ["an embassy named by its country: check it took part in the operation"],
        {"label": Label.AGENCY, "kind": "embassy", "country": country},
    )


def _one_embassy_per_country(facts: list[Fact]) -> list[Fact]:
    """The Embassy of Japan named again as 'the Japanese embassy' is one body."""
    first: dict[object, Fact] = {}
    for fact in facts:
        known = first.setdefault(fact.data["country"], fact)
        if known is not fact:
            known.spans += [s for s in fact.spans if s not in known.spans]
    return list(first.values())


@cache
def _embassy_words() -> dict[str, str]:
    """Folded word for embassy or embassies -> the singular of its language."""
    return {fold(w): singular for singular, forms in lexicon()["embassy_words"].items() for w in forms}


def _forces_fact(article: Article, start: int, country: Match, name: str) -> Fact:
    return Fact(
        "agency",
        name,
        [Span(start, country.end, article.text[start : country.end])],
        "low",
        ["a country's security forces, named by description: check which body acted"],
        {"label": Label.AGENCY, "kind": "national security forces", "country": country.entry.name},
    )


@cache
def _security_forces() -> list[tuple[str, ...]]:
    return sorted((phrase_keys(w) for w in lexicon()["security_forces"]), key=len, reverse=True)


def _starts_at(article: Article, i: int, keys: tuple[str, ...]) -> bool:
    return tuple(t.key for t in article.tokens[i : i + len(keys)]) == keys


_ARTICLES_IN_NAMES = {"la", "el", "the", "l", "a"}  # "Ministerio del Interior de la República de Bulgaria"


_AND = {"and", "et", "e", "y", "und"}


# Institutions named by one word ("la Policía y la Justicia"): another body after "and".
_ONE_WORD_INSTITUTIONS = {
    "justicia", "justica", "justice", "giustizia", "judiciary", "magistratura", "fiscalia",
}  # fmt: skip


def _past_small_words(tokens: list[Token], k: int) -> int:
    """The index after a preposition and an article in lower case from k ("de la", "da")."""
    if k < len(tokens) and tokens[k].key in _CONNECTORS and tokens[k].text.islower():
        k += 1
    if k < len(tokens) and tokens[k].key in _ARTICLES_IN_NAMES and tokens[k].text.islower():
        k += 1
    return k


def _another_body_follows(tokens: list[Token], k: int) -> bool:
    """After 'and': another body's head, maybe after an article or a preposition ("y la
    Policía Judicial", "y de la Policía Local")."""
    k = _past_small_words(tokens, k)
    if k + 1 < len(tokens) and tokens[k].key in ordinal_words():
        k += 1  # "y la Segunda Fiscalía Especializada"
    if k >= len(tokens):
        return False
    key = tokens[k].key
    return (key,) in _agency_heads() or key in _ONE_WORD_INSTITUTIONS or key in _council_words()


_HEADED_NAME_WORDS = 4  # "Hampshire Constabulary", "Greater Manchester Police"


def _headed_names_on_both_sides(tokens: list[Token], run: list[int], k: int) -> bool:
    """English heads close a name: a run holding a head, 'and', then capitalised words
    ending in another head are two bodies."""
    if not _holds_a_head(tuple(tokens[r].key for r in run)):
        return False
    after: list[str] = []
    while k < len(tokens) and len(after) < _HEADED_NAME_WORDS and tokens[k].text[:1].isupper():
        after.append(tokens[k].key)
        k += 1
    return any(len(h) <= len(after) and tuple(after[-len(h) :]) == h for h in _agency_heads())


@cache
def _council_words() -> frozenset[str]:
    """Words opening a public body's name that is no police's: "e do Conselho Municipal da Beira"."""
    return frozenset(fold(w) for w in lexicon()["council_words"])


def _field_of_a_specialised_body(tokens: list[Token], j: int) -> bool:
    """'en' after 'Especializada': the body's field follows, not a place."""
    return tokens[j].key in _IN and j > 0 and bool(_SPECIALISED.search(tokens[j - 1].key))


_NUMBER_WORDS = {"numero", "no", "n", "nr", "number", "num"}  # "Departamento Número 2"


def _without_members_opening(article: Article, run: list[int]) -> list[int]:
    """'Agentes de la Dirección de...', 'Militari del Nucleo...': a sentence opening on the
    word for a body's members names the body after it."""
    tokens = article.tokens
    if len(run) < 3 or tokens[run[0]].key not in member_words() | _STAFF_WORDS:
        return run
    if not _sentence_start(article, tokens[run[0]]):
        return run
    rest = run[1:]
    while rest and tokens[rest[0]].key in _CONNECTORS:
        rest = rest[1:]
    return rest


# A body's staff other than its officers: "Funcionarios del Departamento de...".
_STAFF_WORDS = frozenset(
    {
        *("funcionarios", "funcionarias", "funzionari", "fonctionnaires"),
        *("officials", "inspectores", "inspetores", "ispettori", "inspecteurs", "inspectors"),
        *("investigadores", "investigatori", "enqueteurs", "investigators"),
        *("tecnicos", "tecnici", "techniciens"),
        *("peritos", "periti", "experts", "detectives"),
    }
)


# "a lawsuit in a US District Court against a Belizean operator": a court's name holds no
# "against"; the party sued follows it.
_COURT_WORDS = frozenset({"court", "tribunal", "tribunale", "corte", "juzgado", "cour"})
_AGAINST = frozenset({"against", "contra", "contre", "contro"})


def _party_after_a_court(tokens: list[Token], run: list[int], j: int) -> bool:
    return tokens[j].key in _AGAINST and tokens[run[-1]].key in _COURT_WORDS


def _name_goes_on(tokens: list[Token], k: int) -> bool:
    """After a connector, a body's name goes on at a capitalised word, maybe after an article
    or a preposition ("Corrupção e da Criminalidade Económica")."""
    k = _past_small_words(tokens, k)
    return k < len(tokens) and not tokens[k].text.islower()


def _coordinated_police_facts(article: Article, matches: list[Match]) -> list[Fact]:
    """'les polices allemande et italienne', 'the German and Italian police': each further
    adjective joined to a national police names a further force."""
    tokens = article.tokens
    facts = []
    for match in matches:
        if (article.lang, tokens[match.last - 1].key) in national_police():
            step, prev = 1, match.last - 1  # the adjective ends the match: "polices allemande"
        elif (article.lang, tokens[match.first].key) in national_police():
            step, prev = -1, match.first  # it opens it: "Italian police"
        else:
            continue
        while 0 <= prev + 2 * step < len(tokens):
            j = prev + step
            left, right = sorted((prev, j))
            gap = article.text[tokens[left].end : tokens[right].start].strip()
            k = j + step if gap == "" and tokens[j].key in _AND else j if gap == "," else None
            entry = national_police().get((article.lang, tokens[k].key)) if k is not None else None
            if k is None or entry is None:
                break
            facts.append(_entity_fact(article, tokens[k].start, tokens[k].end, entry, "medium", []))
            prev = k
    return facts


# A plural word for police, then the forces' adjectives: "les polices vaudoise, allemande et
# suédoise", "le polizie tedesca e francese", "las policías española y portuguesa".
_PLURAL_POLICE = {"fr": ("polices", "police"), "it": ("polizie", "polizia"), "es": ("policías", "policía"),
                  "pt": ("polícias", "polícia")}  # fmt: skip
# Other bodies named in the plural before their adjectives: "as receitas Federal e Estadual".
_PLURAL_BODIES = {"pt": [("receitas", "receita")]}
# An item is one word, or two when the second is capitalised ("Rodoviária Federal").
_ADJECTIVE_ITEM = r"[^\W\d_]+(?:\s+[A-ZÀ-Ý][^\W\d_]*)?"
_ADJECTIVE_LIST = re.compile(rf"{_ADJECTIVE_ITEM}(?:(?:\s*,\s*|\s+(?:et|e|y|ed)\s+){_ADJECTIVE_ITEM})+")


def _forces_listed_by_adjective(article: Article) -> list[Fact]:
    """Each adjective after the plural names one force: a country's police by its national
    adjective, or a body the lexicon knows as '<police> <adjective>' ("police vaudoise",
    "polícia Rodoviária Federal", "receita Estadual")."""
    plural = _PLURAL_POLICE.get(article.lang)
    if plural is None:
        return []
    facts = []
    for many, one in [plural, *_PLURAL_BODIES.get(article.lang, [])]:
        for head in re.finditer(rf"\b{many}\s+", article.text, re.IGNORECASE):
            listed = _ADJECTIVE_LIST.match(article.text, head.end())
            if listed is not None:
                facts += _listed_by_adjective(article, head.end(), listed.group(), one)
    return facts + _forces_listed_by_country(article, plural)


def _listed_by_adjective(article: Article, at: int, listed: str, one: str) -> list[Fact]:
    facts = []
    for item in re.finditer(rf"\b(?!(?:et|e|y|ed)\b){_ADJECTIVE_ITEM}", listed):
        words = item.group()
        entry = national_police().get((article.lang, fold(words))) if one in _POLICE_SINGULARS else None
        entry = entry or _agencies_by_name().get(fold(f"{one} {words}"))
        if entry is None:
            continue  # an adjective no body is known by
        fact = _entity_fact(article, at + item.start(), at + item.end(), entry, "medium", [])
        fact.data["implied_names"] = [f"{one} {words}"]
        facts.append(fact)
    return facts


_POLICE_SINGULARS = {one for _, one in _PLURAL_POLICE.values()}


# "las policías de España, Alemania, Francia y Rusia", "les polices de France et de Belgique".
_COUNTRY_ITEM = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)?")
_COUNTRY_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:et|e|y|ed)\s+(?:de\s+|d['’]\s*|di\s+|da\s+|do\s+)?")


def _forces_listed_by_country(article: Article, plural: tuple[str, str]) -> list[Fact]:
    """Each country after the plural and 'de' names that country's police."""
    facts = []
    for head in re.finditer(rf"\b{plural[0]}\s+(?:de|di|da|do|des|dos|del)\s+", article.text, re.IGNORECASE):
        at = head.end()
        while (item := _COUNTRY_ITEM.match(article.text, at)) is not None:
            code = country_code(item.group())
            entry = _police_of_country().get(code) if code else None
            if entry is None:
                break
            fact = _entity_fact(article, item.start(), item.end(), entry, "medium", [])
            fact.data["implied_names"] = [f"{plural[1]} {head.group().split()[-1]} {item.group()}"]
            facts.append(fact)
            separator = _COUNTRY_LIST_SEPARATOR.match(article.text, item.end())
            if separator is None:
                break
            at = separator.end()
    return facts


@cache
def _police_of_country() -> dict[str, Entry]:
    """A country's code -> its police, as national_police() gives it for its adjectives."""
    return {str(entry.country): entry for entry in national_police().values() if entry.country}


# "the anti-piracy group Rights Alliance", "o grupo antipirataria X", "l'associazione
# antipirateria X": a body named right after the words that say what it is.
_ANTI_PIRACY = r"(?:anti-?piracy|anti-?piratage|anti-?pirateria|anti-?pirataria|anti-?piratería)"
_ORGANISATION = (
    r"(?:group|organi[sz]ation|association|coalition|body|outfit|groupe|organisme|gruppo|"
    r"associazione|organizzazione|grupo|asociación|organización|associação|organização)"
)
_DESCRIBED_BODY = re.compile(
    rf"\b(?:{_ANTI_PIRACY}\s+{_ORGANISATION}|{_ORGANISATION}\s+{_ANTI_PIRACY})\s+"
    r"(?-i:(?P<name>[A-ZÀ-Ý][\w&'’.-]*(?:\s+[A-ZÀ-Ý][\w&'’.-]*){0,3}))",
    re.IGNORECASE,
)


def _opens_a_name(words: str) -> bool:
    """'Associação Antipirataria Cinema e Música': the describing words, each capitalised,
    are the start of the body's own name, not a description before it."""
    return all(word[:1].isupper() for word in words.split())


def _described_anti_piracy_bodies(article: Article, taken: set[int]) -> list[Fact]:
    """A name the lexicon does not know, right after 'anti-piracy group': that body, at
    medium confidence."""
    facts = []
    for found in _DESCRIBED_BODY.finditer(article.text):
        start, end = found.span("name")
        if article.token_index(start) in taken or _opens_a_name(article.text[found.start() : start]):
            continue
        name = found.group("name")
        data = {"label": Label.AGENCY, "kind": "industry anti-piracy body", "country": None}
        note = "named after the words 'anti-piracy group': check the body's full name"
        facts.append(Fact("agency", name, [Span(start, end, name)], "medium", [note], data))
    return facts


@cache
def _agencies_by_name() -> dict[str, Entry]:
    """Folded name or alias -> the agency the lexicon knows by it."""
    found: dict[str, Entry] = {}
    for item in lexicon()["agencies"]:
        entry = Entry(Label.AGENCY, item["name"], kind=item.get("kind"), country=item.get("country"))
        for name in [item["name"], *item.get("aliases", [])]:
            found.setdefault(fold(name), entry)
    return found


@cache
def _agency_names_and_acronyms() -> frozenset[str]:
    """Folded names, aliases and acronyms of the agencies the lexicon knows."""
    acronyms = {fold(a) for item in lexicon()["agencies"] for a in item.get("exact", [])}
    return frozenset(_agencies_by_name()) | acronyms


_SHARED_HEAD = re.compile(
    r"\b(?P<head>\w+)\s+(?P<first>[A-ZÀ-Ý]\w+)(?P<more>(?:\s*,\s*[A-ZÀ-Ý]\w+)*)\s+(?:e|y|et|and)\s+(?P<last>[A-ZÀ-Ý]\w+)"
)


def shared_head_matches(article: Article) -> list[Match]:
    """'com o apoio das Polícias Civil e Militar': a plural head shared by known bodies names
    each of them (only bodies the lexicon knows, so a list of places is no list of bodies).
    Each is a match over the whole phrase."""
    singular = {fold(k): v for k, v in lexicon()["shared_heads"].items()}
    found = []
    for m in _SHARED_HEAD.finditer(article.text):
        head = singular.get(fold(m.group("head")))
        if head is None:
            continue
        names = [m.group("first"), *re.findall(r"\w+", m.group("more")), m.group("last")]
        entries = [_agencies_by_name().get(fold(f"{head} {name}")) for name in names]
        first, last = article.token_index(m.start()), article.token_index(m.end())
        keys = tuple(t.key for t in article.tokens[first:last])
        found += [
            Match(first, last, m.start(), m.end(), e, Phrase(keys, e)) for e in entries if e is not None
        ]
    return found


# The plural or singular head of a Brazilian state body, and which body it is.
_STATE_BODY_HEADS = {
    ("policia", "civil"): "police",
    ("policias", "civis"): "police",
    ("policia", "militar"): "military police",
    ("policias", "militares"): "military police",
    ("ministerio", "publico"): "prosecutor",
    ("ministerios", "publicos"): "prosecutor",
}
# "Polícias Civis de nove estados: Goiás, Pará e Bahia", "... dos estados de Goiás e Pará".
_STATES_INTRO = re.compile(r"\s+(?:de\s+(?:\w+\s+)?estados|dos\s+estados(?:\s+d[eoa])?)\s*:?", re.IGNORECASE)


def _state_police_facts(article: Article) -> list[Fact]:
    """'Polícias Civis do Ceará, de Alagoas e de São Paulo', 'Polícia Civil de Alagoas,
    Minas Gerais e São Paulo', 'Ministérios Públicos de São Paulo e de Santa Catarina': one
    body per state."""
    tokens = article.tokens
    facts = []
    for i in range(len(tokens) - 2):
        body = _STATE_BODY_HEADS.get((tokens[i].key, tokens[i + 1].key))
        if body is None:
            continue
        for start, run in _states_after(article, i + 2):
            entry = state_bodies(body).get(tuple(tokens[k].key for k in run))
            if entry is None:
                continue
            fact = _entity_fact(article, start, tokens[run[-1]].end, entry, "medium", [])
            written = article.text[start : tokens[run[-1]].end]
            if start > tokens[i].start and written.split()[0].lower() in _PLACE_OF:
                # "as Polícias Civis da Bahia, do Mato Grosso": "Polícia Civil do Mato Grosso" too.
                fact.data.setdefault("implied_names", []).append(f"{_STATE_BODY_NAMES[body]} {written}")
            facts.append(fact)
    return facts


_STATE_BODY_NAMES = {
    "police": "Polícia Civil",
    "military police": "Polícia Militar",
    "prosecutor": "Ministério Público",
}


def _is_state_body(entry: Entry) -> bool:
    return any(entry in state_bodies(body).values() for body in ("police", "military police", "prosecutor"))


def _states_after(article: Article, j: int) -> list[tuple[int, list[int]]]:
    """The states named after a body's head at token j, each as (start, its tokens)."""
    tokens = article.tokens
    intro = _STATES_INTRO.match(article.text, tokens[j - 1].end)
    # "... de oito estados. Para além": the list must follow in the same sentence.
    if intro is not None and article.text[intro.end() :].lstrip()[:1] in {".", ""}:
        return []
    if intro is not None and article.sentence_at(intro.end()) != article.sentence_at(tokens[j - 1].start):
        return []
    if intro is not None:
        listed = _state_list(
            article, next((k for k in range(j, len(tokens)) if tokens[k].start >= intro.end()), j)
        )
        # The first state's span opens at the head, so the head alone is no further body.
        return [
            (tokens[j - 2].start, run) if n == 0 else (start, run) for n, (start, run) in enumerate(listed)
        ]
    first = _place_after(article, j, set())
    if not first:
        return []
    of_word = article.text[tokens[first[0] - 1].start : tokens[first[0]].start]
    places = [
        (tokens[j - 2].start, first),
        *((s, run) for s, _, run in _more_places(article, first[-1] + 1, of_word, set())),
    ]
    return places


def _state_list(article: Article, k: int) -> list[tuple[int, list[int]]]:
    """'Goiás, Mato Grosso do Sul e Pará' from token k: known states, longest first, joined
    by commas and 'e'."""
    tokens = article.tokens
    states = sorted(state_police(), key=len, reverse=True)
    found: list[tuple[int, list[int]]] = []
    while k < len(tokens):
        state = next((s for s in states if tuple(t.key for t in tokens[k : k + len(s)]) == s), None)
        if state is None or not tokens[k].text[0].isupper():
            break
        found.append((tokens[k].start, list(range(k, k + len(state)))))
        k += len(state)
        gap = article.text[tokens[k - 1].end : tokens[k].start].strip() if k < len(tokens) else "."
        if gap == "," and k < len(tokens) and tokens[k].key in _AND:
            k += 1
        elif gap not in {",", ""} or (gap == "" and (k >= len(tokens) or tokens[k].key not in _AND)):
            break
        elif gap == "":
            k += 1
    return found


@cache
def _titles() -> set[str]:
    return {fold(w) for w in lexicon()["official_titles"]}


_APOSTROPHES = {"'", "’"}


def _possessive_s(article: Article, k: int) -> bool:
    """Token k is the s of a possessive "'s"."""
    tokens = article.tokens
    if not 1 <= k < len(tokens) or tokens[k].text != "s":
        return False
    return article.text[tokens[k - 1].end : tokens[k].start] in _APOSTROPHES


def _owner_before_a_named_unit(article: Article, run: list[int], j: int) -> bool:
    """Token j is the s of "<body>'s <Capitalised words>": the owner is a body of its own
    and what follows names its unit (or its official), never one name with the owner. A
    title before the 's ("the Magistrate's Court", "the Attorney's Office") keeps the name
    whole, and so does a word that heads no body ("the People's Court")."""
    tokens = article.tokens
    if not _possessive_s(article, j) or j + 1 >= len(tokens) or tokens[j + 1].text.islower():
        return False
    if tokens[run[-1]].text.isupper() or tokens[run[-1]].key in _PERSON_ROLES | _titles():
        return False
    if country_code(tokens[run[-1]].text):
        return False  # "the Cybercrime Unit of Bulgaria's General Directorate": read below
    keys = tuple(tokens[k].key for k in run)
    if "council" in keys and tokens[j + 1].key not in _titles():
        return False  # "Kent County Council's Trading Standards Service": one service of the council
    return _holds_a_head(keys)


def _holds_a_head(keys: tuple[str, ...]) -> bool:
    """Some run of the words is a body's head ("police", "trading standards")."""
    return any(keys[a : a + len(h)] == h for h in _agency_heads() for a in range(len(keys)))


def _after_a_possessive_s(article: Article, j: int) -> bool:
    """'the State Prosecutor's office': the office of the body named before the 's."""
    return _possessive_s(article, j - 1)


# Roles a person is named by, first: "Prosecutor Jane Roe", "Judge John Doe".
_PERSON_ROLES = {
    "prosecutor", "judge", "attorney", "inspector", "commissioner", "detective", "sergeant", "officer",
    "superintendent", "magistrate", "procureur", "procuratore", "fiscal", "juez", "jueza", "juiz", "juiza",
    "juge", "giudice", "comisario", "commissaire", "commissario", "delegado", "delegada", "promotor",
    "promotora",
}  # fmt: skip


def _role_and_name(article: Article, run: list[int]) -> bool:
    """A role then one or two capitalised words that name no body, place or country."""
    tokens = article.tokens
    if not 2 <= len(run) <= 3 or tokens[run[0]].key not in _PERSON_ROLES:
        return False
    rest = [tokens[k] for k in run[1:]]
    heads = {h[0] for h in _agency_heads()}
    return all(
        t.text[:1].isupper()
        and not t.text.isupper()
        and t.key not in heads | _body_words().keys() | _CONNECTORS
        and country_code(t.text) is None
        for t in rest
    ) and not any(place_matcher().by_first.get(t.key) for t in rest)


_RANKS = {"assistant", "deputy", "acting", "senior", "vice", "associate", "principal", "chief", "adjunct"}


_OFFICES = {"office", "department"}  # "the Secretary of State's Office" is the official's body


def _without_official(article: Article, run: list[int]) -> list[int]:
    """The run less a person named by title: "Bureau of Immigration Commissioner Jaime
    Morente" is the bureau; "Acting United States Attorney Jane Roe" is no body at all."""
    keys = [article.tokens[k].key for k in run]
    titled = [t for t in range(len(keys)) if _title_at(article, keys, t)]
    if titled and titled[-1] == len(keys) - 1 and keys[0] in _RANKS:
        return []  # "an Assistant Police Commissioner": a person's rank, no body
    if titled and titled[0] == 1 and keys[0] in _RANKS and len(keys) > 2 and keys[2] == "of":
        return []  # "the Assistant Commissioner of Customs and Excise": an official, named by office
    if titled and titled[0] == 0 and len(keys) > 2 and keys[1] in _PLACE_OF and keys[-1] not in _OFFICES:
        return []  # "el Secretario de Justicia Auxiliar Interino de la División": an official, by office
    if titled and 1 <= len(keys) - titled[-1] - 1 <= 3:
        run = run[: titled[-1]]
    elif titled and titled[-1] != len(keys) - 1:
        return run
    while run and article.tokens[run[-1]].key in _titles() | _CONNECTORS:
        if _adjective_of_a_head(article, [article.tokens[k].key for k in run], len(run) - 1):
            break  # "la Policía Fiscal"
        run = run[:-1]
    return run


def _title_at(article: Article, keys: list[str], t: int) -> bool:
    office = tuple(keys[t + 1 : t + 3]) in {("s", "office"), ("s", "department")}  # "the Sheriff's Office"
    return keys[t] in _titles() and not office and not _adjective_of_a_head(article, keys, t)


def _adjective_of_a_head(article: Article, keys: list[str], t: int) -> bool:
    """'Policía Fiscal': in a language whose adjectives follow the noun, a title word right
    after a body's head is the body's adjective, not a person's title."""
    after_a_head = t > 0 and (keys[t - 1],) in _agency_heads()
    return article.lang in _NAME_AFTER and after_a_head and keys[t] in _titles()


@cache
def _units() -> list[tuple[tuple[str, ...], str, str]]:
    """(keys, spelling, kind) of the unit words, longest first."""
    units = [(phrase_keys(w), w, kind) for kind, items in lexicon()["agency_units"].items() for w in items]
    kinds = {fold(w): kind for kind, items in lexicon()["agency_units"].items() for w in items}
    # "i comandi provinciali di Milano, Roma e Napoli": the plural names one unit per place
    units += [
        (phrase_keys(plural), plural, kinds[fold(one)]) for plural, one in lexicon()["unit_plurals"].items()
    ]
    return sorted(units, key=lambda u: -len(u[0]))


@cache
def _singular_units() -> dict[tuple[str, ...], str]:
    return {phrase_keys(plural): one for plural, one in lexicon()["unit_plurals"].items()}


@cache
def _units_by_first() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """The unit words by their first word, longest first within each."""
    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for unit in _units():
        by_first.setdefault(unit[0][0], []).append(unit)
    return by_first


def _units_at(tokens: list[Token], i: int) -> list[tuple[tuple[str, ...], str, str]]:
    """The unit words written from token i, longest first."""
    return [u for u in _units_by_first().get(tokens[i].key, []) if _unit_at(tokens, i, u[0], u[1])]


_PLACE_OF = {"de", "d", "di", "del", "della", "dello", "do", "da", "dos", "das", "du", "des", "of", "in"}
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\([^()\n]{1,12}\)")
# "Juzgado de Garantías N.º 4 de San Isidro", "Vara Criminal nº 2 de Recife": a numbered unit;
# "commissariat du 8ème arrondissement de Cocody": a police station numbered by its district.
_UNIT_NUMBER = re.compile(
    r"\s+(?:N\.?\s?[º°o]\.?|n[º°]\.?|(?i:núm\.|número|numero|no\.)|n\.)?\s?\d{1,3}\b"
    r"|\s+du\s+\d{1,2}(?:e|è|ème|eme|er)\s+arrondissement\b"
)


def _unit_number(article: Article, end: int) -> re.Match[str] | None:
    """The number of a unit ending at `end`, unless it counts what follows it ("denunciate
    all'autorità giudiziaria 5 persone")."""
    numbered = _UNIT_NUMBER.match(article.text, end)
    if numbered is None:
        return None
    after = article.token_index(numbered.end())
    following = article.tokens[after].key if after < len(article.tokens) else None
    return None if following in _counted_words() else numbered


@cache
def _counted_words() -> frozenset[str]:
    """Single words the lexicon counts things in ("persone", "servers")."""
    return frozenset(fold(w) for unit in units().values() for w in unit if " " not in w)


def _unit_of_place_facts(article: Article, taken: set[int], matches: list[Match]) -> list[Fact]:
    """'le parquet de Rennes', 'section de recherches de Lyon', 'Tribunale di Roma',
    'Juzgado de Instrucción de Madrid': a unit word and the place it serves; 'la section de
    recherches de la gendarmerie': a unit word and the body it belongs to."""
    tokens = article.tokens
    facts = []
    places_named = cache(lambda: place_matcher().find(article))  # looked for once, and only if needed
    i = 0
    while i < len(tokens):
        found = next(
            ((keys, kind) for keys, _, kind in _units_at(tokens, i)),
            None,
        )
        place = _place_after(article, i + len(found[0]), taken) if found else []
        if found and place and _opens_a_unit(tokens, place[0]):
            # "il gip del Tribunale di Napoli": one body, the court's judge, with its place.
            inner_end = _inner_unit_end(article, place[0], taken)
            if inner_end is not None:
                start = _unit_start(article, i, taken)
                name = " ".join(article.text[start:inner_end].split())
                note = f"a {found[1]} of another unit: check the body's full name"
                facts.append(_unit_fact(article, name, start, inner_end, found[1], note))
                i = article.token_index(inner_end)
            else:
                i += 1
            continue
        parent = _parent_body_after(article, i + len(found[0]), matches) if found and not place else None
        if found and parent is not None:
            # "Delegacia de Polícia Federal em Macaé": the unit's seat after its body.
            seat = _place_or_seat_after(article, article.token_index(parent), taken)
            start, end = tokens[i].start, tokens[seat[-1]].end if seat else parent
            name = " ".join(article.text[start:end].split())
            note = f"a {found[1]} named by the body it belongs to: check the unit's full name"
            fact = _unit_fact(article, name, start, end, found[1], note)
            if len(found[0]) > 1:  # the unit's own name, without its body's, is a span too
                own_end = tokens[i + len(found[0]) - 1].end
                fact.spans.append(Span(start, own_end, article.text[start:own_end]))
            facts.append(fact)
            i += len(found[0])
            continue
        unit_named = found is not None and not place and found[1] == "police unit"
        owner = _body_just_before(article, i, matches) if unit_named else None
        if unit_named and owner is None:
            owner = _region_just_before(
                article, i, places_named()
            )  # "the Western Cape commercial crime unit"
        if found and owner is not None and tokens[i].text.islower():
            # "the Kenya Police cybercrime unit": an English unit named after its body.
            start, end = owner.start, tokens[i + len(found[0]) - 1].end
            name = " ".join(article.text[start:end].split())
            note = "a unit named after the body it belongs to: check the unit's full name"
            facts.append(_unit_fact(article, name, start, end, found[1], note))
            i += len(found[0])
            continue
        city = _city_by_adjective(article, i + len(found[0])) if found and not place else None
        if found and city is not None:
            start, end = _with_ordinal(article, i), tokens[i + len(found[0])].end
            name = f"{' '.join(article.text[start : tokens[i + len(found[0]) - 1].end].split())} di {city}"
            note = f"a {found[1]} named by its city's adjective: check the body's full name"
            facts.append(_unit_fact(article, name, start, end, found[1], note))
            i += len(found[0]) + 1
            continue
        numbered = _unit_number(article, tokens[i + len(found[0]) - 1].end) if found else None
        if found and not place and numbered and found[1] == "court":
            # "el Juzgado de Garantías Número 4 de esa jurisdicción": a numbered court is one body.
            start, end = _with_ordinal(article, i), numbered.end()
            name = " ".join(article.text[start:end].split())
            note = "a numbered court whose place the sentence does not give: check the body's full name"
            facts.append(_unit_fact(article, name, start, end, found[1], note))
            i = article.token_index(end)
            continue
        width = _station_words_at(article, i)
        if width is None and found and not place and found[1] == "police unit":
            width = len(found[0])  # "il 1° Gruppo"
        ordinal = _ordinal_before(article, i) if width else None
        if width and ordinal is not None:
            # "a 8ª DP", "o 7º Distrito Policial": a numbered station is one body, with its
            # place when one follows ("a 5ª Delegacia de Polícia de Niterói").
            place = _place_after(article, i + width, taken)
            end = tokens[place[-1] if place else i + width - 1].end
            name = " ".join(article.text[ordinal:end].split())
            note = "a numbered unit: check the body's full name"
            fact = _unit_fact(article, name, ordinal, end, "police unit", note)
            fact.data["numbered"] = True
            facts.append(fact)
            i = (place[-1] if place else i + width - 1) + 1
            continue
        if not found or not place:
            i += 1
            continue
        place = _without_officials_name(article, i, place)
        # "juridiction interrégionale spécialisée (JIRS) de Rennes": the name less the brackets.
        unit_end = tokens[i + len(found[0]) - 1].end
        unit_start = _unit_start(article, i, taken)
        spelled = _spelled_before_its_acronym(article, i, unit_end)
        if spelled is not None:
            # "a Polícia Judiciária (PJ) de Braga": the body's words, then its acronym in brackets.
            unit_start, unit_end = spelled
        unit = article.text[unit_start : numbered.end() if numbered else unit_end]
        unit = _singular_units().get(found[0], unit)  # "comandi provinciali" -> "Comando provinciale"
        of_word = article.text[tokens[place[0] - 1].start : tokens[place[0]].start]
        places = [
            (unit_start, of_word, place),
            *_more_places(article, place[-1] + 1, of_word, taken),
        ]
        if _fields_of_one_name(article, places, plural=found[0] in _singular_units()):
            # "Delegacia de Prevenção e Repressão à Pirataria": one unit of two fields.
            places = [(places[0][0], of_word, list(range(place[0], places[1][2][-1] + 1)))]
        for start, of, run in places:
            name = f"{unit} {of}{article.text[tokens[run[0]].start : tokens[run[-1]].end]}"
            end = tokens[run[-1]].end
            note = f"a {found[1]} named by the place it serves: check the body's full name"
            fact = _unit_fact(article, name, start, end, found[1], note)
            if of.strip() == "in" and start < tokens[i].start:
                # "the Karagwe District Court in Kagera": named by its district, then its region.
                fact.spans.append(Span(start, unit_end, article.text[start:unit_end]))
            facts.append(fact)
        i = places[-1][2][-1] + 1
    return facts


def _spelled_before_its_acronym(article: Article, i: int, end: int) -> tuple[int, int] | None:
    """Where the words an acronym in brackets at token i stands for start and end, when they
    stand right before the bracket ("Polícia Judiciária (PJ)"); None otherwise."""
    tokens, text = article.tokens, article.text
    acronym = tokens[i].text
    if (
        not acronym.isupper()
        or text[tokens[i].start - 1 : tokens[i].start] != "("
        or text[end : end + 1] != ")"
    ):
        return None
    words: list[int] = []
    k = i - 1
    while k >= 0 and text[tokens[k].end : tokens[k + 1].start].strip(" ") in {"", "("} and len(words) < 8:
        if tokens[k].key not in _CONNECTORS and not tokens[k].text[:1].isupper():
            break
        words.insert(0, k)
        k -= 1
    # The longest run of those words, opening on a capitalised one, whose initials are the acronym.
    for n, first in enumerate(words):
        opens = tokens[first].text[:1].isupper() and tokens[first].key not in _ACRONYM_SKIPS
        if opens and _initials_fit([tokens[w] for w in words[n:]], acronym):
            return tokens[first].start, tokens[words[-1]].end
    return None


def _fields_of_one_name(article: Article, places: list[tuple[int, str, list[int]]], plural: bool) -> bool:
    """Two runs joined by a bare conjunction, neither a place anyone knows, after a unit word
    in the singular ("Delegacia de Defraudações e Falsificações") or with the second going
    on past a joining word ("Prevenção e Repressão à Pirataria"): the fields of one unit's
    name, not the unit of two places."""
    if len(places) != 2:
        return False
    tokens = article.tokens
    (_, _, first), (_, _, second) = places
    if second[0] != first[-1] + 2 or tokens[first[-1] + 1].key not in _AND:
        return False
    goes_on = not plural or any(tokens[k].text.islower() for k in second[1:])
    known = {m.first for m in place_matcher().find(article)}
    return goes_on and first[0] not in known and second[0] not in known


# Roman numerals too ("il II Gruppo di Napoli"), but not a lone "I" (a pronoun, an article).
_ORDINAL = re.compile(
    r"\d{1,2}\s?[ªº°aoe]\.?|\d{1,2}(?:st|nd|rd|th|er|e|ème)|(?-i:II|III|IV|VI{0,3}|IX|XI{0,3})", re.IGNORECASE
)


# Words for an official who may be named right after the body's place: "il pubblico ministero
# della Procura della Spezia Luca Monteverde".
_ROLES_BEFORE_A_BODY = {
    "ministero", "pm", "procuratore", "sostituto", "magistrato", "giudice", "juez", "jueza", "juge",
}  # fmt: skip
_ROLE_REACH = 4  # words between the role and the unit word: "pubblico ministero della"


def _without_officials_name(article: Article, i: int, place: list[int]) -> list[int]:
    """The place less the official's first and last name that follow it, when a title
    stands just before the unit's word."""
    tokens = article.tokens
    before = {t.key for t in tokens[max(0, i - _ROLE_REACH) : i]}
    if len(place) < 3 or not before & (_ROLES_BEFORE_A_BODY | _titles()):
        return place
    name, rest = place[-2:], place[:-2]
    if tokens[rest[-1]].key in _CONNECTORS or tokens[name[0]].key in _CONNECTORS:
        return place  # "Las Palmas de Gran Canaria": one place
    return rest if all(_name_like(tokens[k]) for k in name) else place


def _unit_start(article: Article, i: int, taken: set[int]) -> int:
    """Where a unit's name starts: its ordinal ("1ª Vara Federal"), the body word opening
    it, and an English name's first words before that ("la Computer Crime Unit de la
    police judiciaire")."""
    first = article.token_index(_with_ordinal(article, i))
    return article.tokens[capitalised_words_before(article, first, taken)].start


def _with_ordinal(article: Article, i: int) -> int:
    """Where a unit's name starts with the ordinal before it: "1ª Vara Federal", "3e chambre"."""
    ordinal = _ordinal_before(article, i)
    return _with_opening_body_word(article, i) if ordinal is None else ordinal


def _station_words_at(article: Article, i: int) -> int | None:
    """How many words the name of a police station known by its number takes, when one is
    written at token i ("DP" in "a 8ª DP"); None if none is."""
    for keys, spelling in _numbered_unit_words().get(article.tokens[i].key, []):
        if _unit_at(article.tokens, i, keys, spelling):
            return len(keys)
    return None


@cache
def _numbered_unit_words() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """(keys, spelling) of the station words by their first word, longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for spelling in sorted(lexicon()["numbered_units"], key=lambda w: -len(phrase_keys(w))):
        keys = phrase_keys(spelling)
        by_first.setdefault(keys[0], []).append((keys, spelling))
    return by_first


def _ordinal_before(article: Article, i: int) -> int | None:
    """Where the ordinal right before token i starts ("1ª", "3e", "47°"); None if there is none."""
    tokens = article.tokens
    if i == 0:
        return None
    if _ORDINAL.fullmatch(tokens[i - 1].text) and article.text[tokens[i - 1].end : tokens[i].start] == " ":
        return tokens[i - 1].start
    # "47° Juzgado", "2.º Juzgado": the ordinal sign is no part of the number's word.
    if re.fullmatch(r"\d{1,3}", tokens[i - 1].text) and _ORDINAL_SIGN.fullmatch(
        article.text[tokens[i - 1].end : tokens[i].start]
    ):
        return tokens[i - 1].start
    return None


# "Direction de la police judiciaire", "Brigade de la police judiciaire": a body word opens
# the unit's name, joined to it by these words.
_OPENING_LINKS = [("de", "la"), ("de", "l"), ("du",), ("des",), ("of", "the"), ("della",), ("dell",),
                  ("del",), ("da",), ("do",), ("di",)]  # fmt: skip


def _with_opening_body_word(article: Article, i: int) -> int:
    tokens = article.tokens
    for link in _OPENING_LINKS:
        at = i - len(link) - 1
        if at < 0 or tuple(t.key for t in tokens[at + 1 : i]) != link:
            continue
        opener = tokens[at]
        gaps = [
            article.text[a.end : b.start] for a, b in zip(tokens[at:i], tokens[at + 1 : i + 1], strict=True)
        ]
        if (
            opener.text[:1].isupper()
            and opener.key in _body_words()
            and all(g.strip() in {"", "'", "’"} for g in gaps)
        ):
            return opener.start
    return tokens[i].start


_ORDINAL_SIGN = re.compile(r"\.?[ªº°] ")


def _opens_a_unit(tokens: list[Token], i: int) -> bool:
    return bool(_units_at(tokens, i))


def _inner_unit_end(article: Article, i: int, taken: set[int]) -> int | None:
    """Where a unit opening at token i ends with its place, seat or city adjective ("Tribunale
    di Bari", "Ministério Público em Osasco", "Tribunale capitolino"); None if it has none."""
    tokens = article.tokens
    keys = _units_at(tokens, i)[0][0]
    j = i + len(keys)
    place = _place_or_seat_after(article, j, taken)
    if place:
        return tokens[place[-1]].end
    return tokens[j].end if _city_by_adjective(article, j) is not None else None


_SEAT = {"pt": "em"}  # "a Delegacia de Polícia Federal em Macaé": where a unit sits


def _place_or_seat_after(article: Article, j: int, taken: set[int]) -> list[int]:
    """The place after token j: '<of> <Place>', or in Portuguese 'em <Place>'."""
    tokens = article.tokens
    if j + 1 < len(tokens) and tokens[j].key == _SEAT.get(article.lang) and not tokens[j].text[0].isupper():
        return _place_run(article, j + 1, taken)
    return _place_after(article, j, taken)


def _city_by_adjective(article: Article, j: int) -> str | None:
    """The city an Italian adjective right after a unit names: 'Procura partenopea' -> Napoli."""
    adjectives = lexicon()["city_adjectives"].get(article.lang, {})
    if j >= len(article.tokens) or article.text[article.tokens[j - 1].end : article.tokens[j].start] != " ":
        return None
    city: str | None = adjectives.get(article.tokens[j].key)
    return city


def _unit_fact(article: Article, name: str, start: int, end: int, kind: str, note: str) -> Fact:
    """An agency named by a unit word, at medium confidence: its full name is to check."""
    span = Span(start, end, article.text[start:end])
    properties = {"label": Label.AGENCY, "kind": kind, "country": None}
    return Fact("agency", name, [span], "medium", [note], properties)


_OF_BODY = re.compile(
    r"\s+(?:of\s+the|de\s+la|de\s+l['’]\s*|du|della|dell['’]\s*|del|dello|di|da|do|de)\s*", re.IGNORECASE
)


@cache
def _police_force_words() -> set[str]:
    return {fold(w) for w in lexicon()["police_forces"]}


def _region_just_before(article: Article, i: int, places: list[Match]) -> Match | None:
    """The region or city whose name ends right before token i ("Western Cape| commercial
    crime unit"), written with capitals."""
    before = [m for m in places if m.last == i]
    if not before or article.text[before[0].end : article.tokens[i].start] != " ":
        return None
    return before[0] if article.tokens[before[0].first].text[:1].isupper() else None


def _body_just_before(article: Article, i: int, matches: list[Match]) -> Match | None:
    """The known body whose name ends right before token i ("Kenya Police| cybercrime unit")."""
    before = [m for m in matches if m.last == i and m.entry.label == Label.AGENCY]
    if not before or article.text[before[0].end : article.tokens[i].start] != " ":
        return None
    return before[0]


def _parent_body_after(article: Article, j: int, matches: list[Match]) -> int | None:
    """Where '<of> <body>' after a unit word at token j ends: 'de la gendarmerie', 'della
    Guardia di Finanza', 'of the Metropolitan Police'; None when no body follows."""
    tokens = article.tokens
    if j >= len(tokens):
        return None
    of = _OF_BODY.match(article.text, tokens[j - 1].end)
    if of is None:
        return None
    k = next((k for k in range(j, min(j + 4, len(tokens))) if tokens[k].start >= of.end()), None)
    if k is None or tokens[k].start != of.end():
        return None
    body = next((m for m in matches if m.first == k and m.entry.label == Label.AGENCY), None)
    if body is not None:
        return body.end
    if tokens[k].key in _police_force_words():
        return tokens[k].end
    local = _LOCAL_POLICE.match(article.text, tokens[k].start)
    return local.end() if local else None


# "the Osaka prefectural police", "the Ontario provincial police": a place's police force,
# its kind in lower case (written in capitals, the run of capitalised words finds it).
_LOCAL_POLICE = re.compile(
    r"(?<![\w'’-])(?:[A-ZÀ-Ý][\w'’-]+\s){1,2}"
    r"(?:prefectural|provincial|metropolitan|municipal|county|state|regional)\s+police\b"
)


# "filed a complaint with the Jaleswar police", "Odisha police raid...": a town's or a
# region's police, its name before the common noun (English).
_TOWN_POLICE = re.compile(
    r"(?<![\w'’-])(?!(?:The|A|An|This|That|Its|Their)\s)"
    # a count of officers opening the sentence is no part of the place: "Dozens of Westminster police"
    r"(?!(?:Dozens|Hundreds|Thousands|Scores|Officers|Members|Some|Several|Many|Most|All|Both)\sof\s)"
    r"(?:[A-ZÀ-Ý][\w'’-]+\s(?:(?:es|de|del|di|da|do|of|el|al)\s(?=[A-ZÀ-Ý]))?){1,3}police\b"
    # and its unit named after it: "the Attica police electronic crime squad"
    r"(?:(?:\s(?!(?:and|or|the|a|an|of|to|in|on|at|by|with|for|from|were|was|is|are|has|have|had|said)\b)[a-z-]+){0,3}"
    r"\s(?:squad|unit|division|department|bureau|branch|task force)\b"
    # or its station: "the Aziz Bhatti police station"
    r"|\s(?:station|post)\b)?"
)
# "a trial at Newcastle crown court": an English court named by its town, its kind in lower case.
_TOWN_COURT = re.compile(
    r"(?<![\w'’-])(?!(?:The|A|An|This|That|At|In|On)\s)(?:[A-ZÀ-Ý][\w'’-]+\s){1,2}"
    r"(?:crown|magistrates['’]?|magistrate['’]s|county|district|sheriff)\s+court\b"
)
# "Avon and Somerset police": a force named by two places, the first opening the name.
_TWIN_PLACES_POLICE = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]+ and [A-ZÀ-Ý][\w'’-]+ police\b")
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*\s$")
# "la gendarmerie de Nîmes", "la polizia di Kyoto", "la policía de Málaga": a town's police or
# gendarmerie, the place after the common noun ("policías de Guadalajara": its officers);
# "la police locale de Verviers", "la police de la zone Nord": a scope word or a police zone
# between them.
_POLICE_OF_PLACE = re.compile(
    r"(?<![\w'’-])(?i:police|polizia|policías?|polícias?|gendarmerie|gendarmería|gendarmaria)\s+"
    r"(?:(?:locale|local|municipale|municipal)\s+)?"
    r"(?:de|di|du|des|del|della|dello|dei|degli|do|da|dos|das)\s+(?:(?:la|le)\s+|l['’])?(?:zone\s+)?"
    r"(?P<place>[A-ZÀ-Ý][\w'’-]+(?:\s(?:de|di|da|do|del)\s[A-ZÀ-Ý][\w'’-]+|\s[A-ZÀ-Ý][\w'’-]+)?"
    # a zone of two towns: "la police de la zone Bruxelles-Ville - Ixelles"
    r"(?:\s[-–]\s[A-ZÀ-Ý][\w'’-]+)?)"
)


_BARE_OF = re.compile(r"\s(?:de|di|da|do)\s$")
_OF_AND_ARTICLE = re.compile(r"\s+(?:de|di|du|del|della|dello|do|da|of)\s+(?:(?:la|le)\s+|l['’])?")


def _place_of(name: str) -> str:
    """The words after a body's last "of": "brigade territoriale de Ndogbong" -> "ndogbong"."""
    return fold(_OF_AND_ARTICLE.split(name)[-1])


def _town_police_of(m: re.Match[str]) -> bool:
    """The place is a town or region: no country ("la police du Bénin" is national), no
    unit ("os polícias do Corpo de Intervenção" are a unit's officers)."""
    place = m.group("place")
    unit = fold(place.split()[0]) in _body_words()
    return country_code(place) is None and fold(place) not in _no_police_place() and not unit


# Capitalised words before "police" that name no place.
_NOT_A_POLICE_PLACE = {
    *("local", "state", "federal", "national", "city", "traffic", "riot", "military", "secret", "border"),
    *(
        "railway",
        "tourist",
        "armed",
        "regional",
        "municipal",
        "provincial",
        "district",
        "county",
        "metropolitan",
    ),
    *("judicial", "financial", "cyber", "online", "anti", "special", "when", "after", "before", "but", "and"),
    *("civil", "criminal", "political", "religious", "morality", "tax", "customs", "immigration"),
}


@cache
def _no_police_place() -> frozenset[str]:
    """_NOT_A_POLICE_PLACE and every nationality word, folded ("Indian police" is a
    country's police, read by the adjective phrases)."""
    nationalities = {fold(w) for words in lexicon()["nationalities"].values() for w in words}
    return frozenset(_NOT_A_POLICE_PLACE | nationalities)


# "police in Jiangsu", "arrested by police in Solwezi": a place's police, named by where it is.
_POLICE_IN_PLACE = re.compile(
    # the place ends the run of capitalised words: "Police in Leeds Fraud Squad" is a squad's name
    r"(?<![\w'’-])[Pp]olice\s+in\s+(?P<place>[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+)?)(?![\w'’-]|\s[A-ZÀ-Ý])"
)
_A_NAMED_POLICE = re.compile(r"(?<![\w'’-])(?!The\s)[A-ZÀ-Ý][\w'’-]+\s(?:Prefectural\s)?Police\b")


@cache
def _not_a_place_in() -> frozenset[str]:
    """English months and days, and words after "police in" that name no place."""
    names = [*get_month_names("wide", locale="en").values(), *get_day_names("wide", locale="en").values()]
    return frozenset({fold(str(n)) for n in names} | {"operation", "charge", "court"})


def _town_police_in(m: re.Match[str]) -> bool:
    """A town or region after "police in": no country, month, day, or word that names no
    place ("police in Operation Tulip")."""
    return _town_police_of(m) and fold(m.group("place").split()[0]) not in _not_a_place_in()


def _town_police(m: re.Match[str]) -> bool:
    """A place before "police": no word a country or a nationality, and the first no word
    that names a kind of force ("Regional police"); "Taipei County police" is a place's."""
    written = m.group().split()[:-1]
    words = [re.sub(r"['’]s$", "", w) for w in written if w[:1].isupper()]
    if not words or fold(words[0]) in _no_police_place():
        return False
    nationalities = _no_police_place() - _NOT_A_POLICE_PLACE
    return not any(fold(w) in nationalities or country_code(w) is not None for w in words)


# "le Service de police de Toronto", "el Cuerpo de Policía de Gijón": a capitalised word for
# a body and "de" before the police of a place open its name.
_SERVICE_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý][\w'’-]+)\s+(?:de|di|do|da)\s+$")


def _service_before(article: Article, start: int) -> int:
    """Where a town's police name starts: before its service word, if one opens it."""
    before = _SERVICE_BEFORE.search(article.text, max(0, start - 30), start)
    if before is None or fold(before.group(1)) not in _body_words():
        return start
    return before.start(1)


def _local_police_facts(article: Article, taken: set[int]) -> list[Fact]:
    facts = []
    found = [*_LOCAL_POLICE.finditer(article.text)]
    if article.lang == "en":
        twins = [
            m
            for m in _TWIN_PLACES_POLICE.finditer(article.text)
            if _town_police(m) and not _CAPITALISED_BEFORE.search(article.text, 0, m.start())
        ]
        found += twins
        found += [
            m
            for m in _TOWN_POLICE.finditer(article.text)
            if _town_police(m) and not any(t.start() <= m.start() < t.end() for t in twins)
        ]
        courts = [m for m in _TOWN_COURT.finditer(article.text) if _town_police(m)]
        if not _A_NAMED_POLICE.search(article.text):
            # a force named elsewhere ("Zambia Police") is the one "police in Solwezi" means
            found += [m for m in _POLICE_IN_PLACE.finditer(article.text) if _town_police_in(m)]
    else:
        courts = []
        found += [m for m in _POLICE_OF_PLACE.finditer(article.text) if _town_police_of(m)]
    found += courts
    for m in found:
        first = article.token_index(m.start())
        not_a_name = article.tokens[first].key in _DETERMINERS | _not_names()
        if first in taken or (not_a_name and not _opens_a_place(article.tokens, first)):
            continue  # "The police", but "Las Vegas police"
        start = _service_before(article, m.start())
        name = " ".join(article.text[start : m.end()].split())
        court = m in courts
        note = f"a place's {'court' if court else 'police force'}: check the body's full name"
        facts.append(
            Fact(
                "agency",
                name,
                [Span(start, m.end(), article.text[start : m.end()])],
                "medium",
                [note],
                {"label": Label.AGENCY, "kind": "court" if court else "police", "country": None},
            )
        )
    return facts


def _more_places(article: Article, j: int, of_word: str, taken: set[int]) -> list[tuple[int, str, list[int]]]:
    """'... de Rennes, de Lyon, d'Angers et de Brest', '... de Rennes, Lyon et Brest': the
    places coordinated after the first, each as (start, its 'de ', its tokens)."""
    tokens = article.tokens
    found: list[tuple[int, str, list[int]]] = []
    while j < len(tokens):
        gap = article.text[tokens[j - 1].end : tokens[j].start]
        if gap.strip() == "," and tokens[j].key not in _AND:
            k = j
        elif gap.strip() in {"", ","} and tokens[j].key in _AND and j + 1 < len(tokens):
            k = j + 1
        else:
            break
        run = _place_after(article, k, taken)
        if run:  # "de Lyon": its own 'de'
            of_word = article.text[tokens[k].start : tokens[run[0]].start]
        else:  # "Lyon": the first place's 'de'
            run = _place_run(article, k, taken) if _name_like(tokens[k]) else []
        if not run or tokens[run[0]].key in _body_words():
            break  # "... de Santarém e do Corpo de Intervenção": another body, no place
        if tokens[run[0]].text[:1].isdigit():
            break  # "Tribunal de grande instance de Lille, 7e chambre": the court's chamber
        if k == j and _a_persons_name(article, run):
            break  # "el Juzgado de Instrucción 39 de Madrid, María Belén Sánchez Hernández": its judge
        found.append((tokens[k].start, of_word, run))
        j = run[-1] + 1
    return found


_NAME_WORDS = 3  # title-case words from which a run after a comma that no gazetteer knows is a person's name


def _a_persons_name(article: Article, run: list[int]) -> bool:
    tokens = article.tokens
    words = [tokens[k] for k in run]
    known = place_matcher().starts_at(article, run[0]) is not None
    return not known and len(words) >= _NAME_WORDS and _title_case(words)


def _unit_at(tokens: list[Token], i: int, keys: tuple[str, ...], spelling: str) -> bool:
    found = tokens[i : i + len(keys)]
    if tuple(t.key for t in found) != keys:
        return False
    if keys == ("fiscal",) and (i == 0 or tokens[i - 1].key not in _DETERMINERS | _ARTICLE_CONTRACTIONS):
        return False  # "fraude fiscal de Madrid": the adjective, not the prosecutor
    if len(keys) > 1 and keys[0] in _STATIONS | _COMMON_NOUN_UNITS:
        return True  # "la stazione dei carabinieri", "la compagnia CC": the force's name says it
    if keys[0] in _STATIONS:
        # "i Carabinieri delle Stazioni di Ladispoli e Passoscuro"; never "la stazione di Roma Termini"
        return any(t.key in member_words() for t in tokens[max(0, i - 2) : i])
    if keys[0] in _COMMON_NOUN_UNITS and found[0].text.islower():
        # "un gruppo di Napoli" is a gang; "i carabinieri della compagnia Vomero" and, in an
        # article about the Guardia di Finanza, "il gruppo di Pisa" are units
        after_members = any(t.key in member_words() for t in tokens[max(0, i - 2) : i])
        definite = i > 0 and tokens[i - 1].key in _ITALIAN_DEFINITE
        return after_members or (definite and any(t.key in _FORCES_WITH_UNITS for t in tokens))
    # An acronym ("PJ", "JIRS") counts only in capitals.
    return not spelling.isupper() or [t.text for t in found] == words(spelling)


# Unit words that are also common nouns (a group, a company): units when capitalised or
# after the unit's members ("i carabinieri della compagnia Vomero").
_COMMON_NOUN_UNITS = {"gruppo", "compagnia", "tenenza", "reparto"}
_STATIONS = {"stazione", "stazioni"}  # a railway's too: units only after their members
_ITALIAN_DEFINITE = {"il", "l", "la", "del", "della", "dal", "dalla", "al", "alla", "nel", "nella", "col"}
_FORCES_WITH_UNITS = {"finanza", "gdf", "finanzieri", "carabinieri"}
_ARTICLE_CONTRACTIONS = {"al", "ao", "um"}  # "al fiscal de X", "ao fiscal", "um fiscal"


def _place_after(article: Article, j: int, taken: set[int]) -> list[int]:
    """The tokens of '<of> <Place>' from token j: "de Rennes", "di Reggio Calabria",
    "des Côtes-d'Armor", "do Rio Grande do Sul"; [] when no capitalised place follows."""
    tokens = article.tokens
    for skippable in (_UNIT_NUMBER, _ACRONYM_IN_BRACKETS):
        skipped = skippable.match(article.text, tokens[j - 1].end) if j < len(tokens) else None
        while skipped and j < len(tokens) and tokens[j].start < skipped.end():
            j += 1
    if j + 1 >= len(tokens) or tokens[j].key not in _PLACE_OF or tokens[j].text[0].isupper():
        return []
    return _place_run(article, j + 1, taken)


_PLACE_WORDS_MAX = 9  # "Repressão aos Crimes contra a Propriedade Imaterial"


def _elided_initial(article: Article, k: int) -> bool:
    tokens = article.tokens
    return (
        0 <= k < len(tokens) - 1
        and len(tokens[k].text) == 1
        and tokens[k].text.isupper()
        and article.text[tokens[k].end : tokens[k + 1].start] in {"'", "’"}
    )


def _place_run(article: Article, k: int, taken: set[int]) -> list[int]:
    """The capitalised words of a place from token k: "Reggio Calabria", "Rio Grande do Sul"."""
    tokens = article.tokens
    place: list[int] = []
    while k < len(tokens) and k not in taken and len(place) < _PLACE_WORDS_MAX:
        token = tokens[k]
        gap = article.text[tokens[k - 1].end : token.start] if place else " "
        if gap not in {" ", "\u00a0", "-", "'", "’", "-d'", "-d’"} or "\n" in gap:
            break
        after_a_join = (
            place
            and tokens[place[-1]].key in _NAME_JOINS
            and token.key in _ARTICLES_AFTER_A_JOIN
            and k + 1 < len(tokens)
            and _name_like(tokens[k + 1])
        )
        inner_of = place and (_links_to_a_name(tokens, k) or after_a_join)
        # "Ben M'sik", "N'Djamena": a capital letter elided before an apostrophe is a word's start.
        elided = _elided_initial(article, k) or (place and _elided_initial(article, k - 1))
        if not (
            inner_of
            or elided
            or _hyphen_particle(article, k)
            or (place and _capitalised_particle(article, k))
            or (_name_like(token) and not token.text.isupper())
            or _article_opening_a_place(article, k, place)
        ):
            break
        place.append(k)
        k += 1
    while place and tokens[place[-1]].text.islower() and tokens[place[-1]].key in _SMALL_WORDS:
        place.pop()  # "de Braga da Polícia Judiciária": the "da" opens the next body's name
    if place and article.text[tokens[place[-1]].end : tokens[place[-1]].end + 2] in {"'s", "’s"}:
        return []  # "the cybercrime unit of Ukraine's Interior Ministry": whose body, not a place
    place = _through_a_conjunction(article, _without_a_name_after(article, place), taken)
    return _through_a_month(article, place, taken)


def _article_opening_a_place(article: Article, k: int, place: list[int]) -> bool:
    """'A Coruña', 'O Grove', 'La Rochelle', 'El Alto': a place opened by its capital article."""
    tokens = article.tokens
    return (
        not place
        and tokens[k].text in {"A", "O", "As", "Os", "La", "Le", "Les", "El", "Los", "Las"}
        and k + 1 < len(tokens)
        and article.text[tokens[k].end : tokens[k + 1].start] == " "
        and _name_like(tokens[k + 1])
        and not tokens[k + 1].text.isupper()
    )


def _without_a_name_after(article: Article, place: list[int]) -> list[int]:
    """'del Tribunale di Roma Alessandra Boffi': a place the gazetteer knows, then two or
    more words in title case, is the place and a person's name, whatever stands before the
    body (`_without_officials_name` reads a title there, for places it does not know)."""
    tokens = article.tokens
    if len(place) < 3:
        return place
    keys = tuple(tokens[k].key for k in place)
    known = max(
        (len(p.keys) for p in place_matcher().by_first.get(keys[0], ()) if keys[: len(p.keys)] == p.keys),
        default=0,
    )
    rest = [tokens[k] for k in place[known:]]
    return place[:known] if known and len(rest) >= 2 and _title_case(rest) else place


def _title_case(words: list[Token]) -> bool:
    """Each word capitalised and the rest in lower case, as people's names are written."""
    return all(t.text[:1].isupper() and t.text[1:].islower() for t in words)


def _through_a_conjunction(article: Article, place: list[int], taken: set[int]) -> list[int]:
    """'Castilla y León', 'Monza e Brianza': a region whose name holds a conjunction is one
    place, not two places coordinated, when ISO 3166-2 or the lexicon's cities know it so."""
    tokens = article.tokens
    end = place[-1] + 1 if place else 0
    if not place or end >= len(tokens) or tokens[end].key not in _AND:
        return place
    longer = [span for span in _known_places_from(article, place[0], taken) if len(span) > len(place) + 1]
    return list(longer[0]) if longer else place


def _through_a_month(article: Article, place: list[int], taken: set[int]) -> list[int]:
    """'Rio de Janeiro': a place whose name ends in a month's name is one place, when the
    gazetteer knows it so; the month alone stops a run of capitalised words."""
    tokens = article.tokens
    end = place[-1] + 1 if place else 0
    if not place or end + 1 >= len(tokens) or tokens[end].key not in _PLACE_OF:
        return place
    if tokens[end + 1].key not in ordinary_capitalised_words():
        return place
    # The place may close a longer name: "Seção Judiciária do Rio de Janeiro".
    starts = [place[0], *(k for k in place[1:] if tokens[k - 1].key in _PLACE_OF)]
    if any(span.stop == end + 2 for start in starts for span in _known_places_from(article, start, taken)):
        return [*place, end, end + 1]
    return place


def _known_places_from(article: Article, start: int, taken: set[int]) -> list[range]:
    """The token spans of the places the gazetteer knows that are written from token `start`
    and hold no token taken by another name, in the gazetteer's order."""
    tokens = article.tokens
    found = []
    for phrase in place_matcher().by_first.get(tokens[start].key, ()):
        span = range(start, start + len(phrase.keys))
        if tuple(t.key for t in tokens[span.start : span.stop]) == phrase.keys and not taken & set(span):
            found.append(span)
    return found


# Words that join the capitalised words of one name: "Rio Grande do Sul", "Repressão aos
# Crimes contra a Propriedade Imaterial"; an article only after another of them.
_NAME_JOINS = _PLACE_OF | {
    *("aos", "ao", "as", "às", "a", "au", "aux", "al", "alla", "alle", "contra", "contre", "against"),
    *("para", "per", "pour", "sobre", "sur"),
}
_ARTICLES_AFTER_A_JOIN = {"a", "o", "os", "as", "la", "el", "le", "les", "the", "il", "lo", "los", "las", "l"}
_ARTICLES_ONLY = _ARTICLES_AFTER_A_JOIN - _PLACE_OF
_SMALL_WORDS = _NAME_JOINS | _ARTICLES_AFTER_A_JOIN


def _links_to_a_name(tokens: list[Token], k: int) -> bool:
    """Token k, a small word in lower case, joins the name to a capitalised word, maybe
    through an article ("contra a Propriedade")."""
    token = tokens[k]
    if not token.text.islower() or token.key not in _NAME_JOINS:
        return False
    # "Repressão à Pirataria", "Repressão a Crimes Fazendários": a preposition, not an article
    if token.key in _ARTICLES_ONLY and token.text not in {"à", "às", "a"}:
        return False
    nxt = k + 1
    if nxt < len(tokens) and tokens[nxt].key in _ARTICLES_AFTER_A_JOIN and tokens[nxt].text.islower():
        nxt += 1
    return nxt < len(tokens) and _name_like(tokens[nxt])


# Small words inside a hyphenated place name: "Loir-et-Cher", "Aix-en-Provence", "Val-de-Marne".
_HYPHEN_PARTICLES = {"et", "en", "sur", "sous", "de", "du", "des", "la", "le", "les", "d", "di", "del"}


_PARTICLE_LETTERS = 3


def _capitalised_particle(article: Article, k: int) -> bool:
    """'Draâ El Mizan', 'Dar Es Salaam', 'Ras Al Khaimah': a short capitalised article or
    particle inside a place's name, with the name going on after it."""
    tokens = article.tokens
    token = tokens[k]
    return (
        len(token.text) <= _PARTICLE_LETTERS
        and token.text[:1].isupper()
        and token.text[1:].islower()
        and k + 1 < len(tokens)
        and article.text[token.end : tokens[k + 1].start] == " "
        and _name_like(tokens[k + 1])
        and not tokens[k + 1].text.isupper()
    )


def _hyphen_particle(article: Article, k: int) -> bool:
    tokens = article.tokens
    return (
        k > 0
        and k + 1 < len(tokens)
        and tokens[k].key in _HYPHEN_PARTICLES
        and article.text[tokens[k - 1].end : tokens[k].start] == "-"
        and article.text[tokens[k].end : tokens[k + 1].start] in {"-", "-d'", "-d’"}
        and _name_like(tokens[k + 1])
    )


def _sentence_start_only(article: Article, run: list[int]) -> bool:
    """A run that is only a capitalised sentence opener and its head ("Police said")."""
    return (
        len(run) == 2
        and _sentence_start(article, article.tokens[run[0]])
        and article.tokens[run[0]].key in _not_names()
    )


# Heads of public bodies other than police and courts: agencies, commissions, authorities,
# institutes, inspectorates and offices (folded).
_PUBLIC_BODY_HEADS = {
    *("agency", "agence", "agencia", "commission", "comision", "comissao", "commissione", "authority"),
    *("autorite", "autoridad", "autoridade", "autorita", "institute", "institut", "instituto", "istituto"),
    *("inspection", "inspeccion", "inspeccao", "inspecao", "ispettorato", "inspectorate", "office"),
    *("ufficio", "oficina", "inspection generale", "inspeccion general", "inspeccao geral", "inspecao geral"),
}


def _agency_kind(head: tuple[str, ...]) -> str:
    word = " ".join(head)
    if word in {
        "prosecutor",
        "procura",
        "fiscalia",
        "staatsanwaltschaft",
        "generalstaatsanwaltschaft",
        "parquet",
        "attorney",
        "prosecutors",
    }:
        return "prosecutor"
    if word in {"intelligence service", "intelligence agency"}:
        return "intelligence service"
    if word in {"ministry", "ministere", "ministerio", "ministero", "bureau"} or word in _PUBLIC_BODY_HEADS:
        return "government"
    if word in {"customs", "douane", "douanes", "dogana", "aduanas", "zoll"}:
        return "customs"
    if word in {"court", "justice centre"}:
        return "court"
    if word == "trading standards":
        return "local authority"
    if word == "division" or word.endswith((" division", " branch")):
        return "police unit"  # "Crime Division": a unit of a force
    if word.endswith((" association", " society")):
        return "industry association"  # "Ghana Copyrights Association"
    return "police"


def operation_facts(article: Article) -> list[Fact]:
    facts = []
    patterns = [
        _QUOTED_OPERATION,
        _SINGLE_QUOTED_OPERATION,
        _NAMED_OPERATION,
        _QUOTED_PROJECT,
        _CAPITALS_PROJECT,
        _NAMED_AFTER_NAMING,
        _NAMING_FIRST,
        _NAMING_FIRST_UNQUOTED,
        _QUOTED_WITH_ITS_WORD,
        _LOWER_WORD_OPERATION,
    ]
    if article.lang != "en":  # in English "The" may open the next sentence's subject
        patterns.append(_THE_OPERATION)
    spans = [
        item.span(1)
        for listed in _PLURAL_OPERATIONS.finditer(article.text)
        if not _earlier_operation(article, listed.start())
        for item in _QUOTED_ITEM_NAME.finditer(article.text, *listed.span(1))
    ]
    for listed in _PLURAL_OPERATIONS_UNQUOTED.finditer(article.text):
        if _earlier_operation(article, listed.start()):
            continue
        start = listed.start(1)
        for item in _LISTED_SPLIT.split(listed.group(1)):
            first = article.text.index(item, start)
            spans.append((first, first + len(item)))
            start = first + len(item)
    for pattern in patterns:
        spans += [
            m.span(1)
            for m in pattern.finditer(article.text)
            if not _earlier_operation(article, m.start()) and not _among_quoted_titles(article.text, m)
        ]
    for start, end in spans:
        # A name ends with its paragraph: "... Operação 404" in a title, then "Na 8ª fase".
        raw = re.split(r"\n\s*\n", article.text[start:end])[0].strip()
        name = " ".join(raw.split())
        folded = fold(name)
        if (
            not name
            or folded in _not_names()
            or folded in _agency_names_and_acronyms()
            or _a_bodys_programme(name)
        ):
            continue  # "Operazione Gdf contro le fotocopie": the body's operation, not its name
        display = name.title() if name.isupper() else name
        facts.append(
            Fact(
                "operation",
                fold(name),
                [Span(start, start + len(raw), raw)],
                "high",
                [],
                {"name": display},
            )
        )
    return _phases_merged(_cut_short_dropped(facts))


def _cut_short_dropped(facts: list[Fact]) -> list[Fact]:
    """ "«Operazione Need for Play»": a name read inside a longer one read from the same words
    (here, by a pattern that stops at "for") is that name cut short."""
    return [
        f
        for f in facts
        if not any(
            o.key != f.key and o.spans[0].start <= f.spans[0].start and f.spans[0].end <= o.spans[0].end
            for o in facts
        )
    ]


_TITLE_BEFORE = re.compile(r"[»\"”’]\s*,\s*$")
_TITLE_AFTER = re.compile(r"[»\"”’']?\s*,\s*[«\"“‘]")


def _among_quoted_titles(text: str, match: re.Match[str]) -> bool:
    """'film come «Ex», «Operazione Valchiria», «Underworld»': a film's title in a list of
    quoted titles, not this operation's name."""
    opening = match.start() - 1 if text[match.start() : match.start() + 1] not in _QUOTES else match.start()
    if text[opening : opening + 1] not in _QUOTES:
        return False
    before = text[max(0, opening - 8) : opening]
    after = text[match.end() : match.end() + 6]
    return bool(_TITLE_BEFORE.search(before)) and bool(_TITLE_AFTER.match(after))


def _a_bodys_programme(name: str) -> bool:
    """'Projet INTERPOL Stop au piratage': a body's standing programme, not an operation's name."""
    words = name.split(maxsplit=1)
    return (
        len(words) == 2
        and fold(words[0]) in _PROJECT_WORDS
        and fold(words[1].split()[0]) in _agencies_by_name()
    )


_PROJECT_WORDS = {"projet", "project", "proyecto", "projeto", "progetto"}


def _phases_merged(facts: list[Fact]) -> list[Fact]:
    """'a Operação INTERFERÊNCIA 2', then 'o nome da Operação INTERFERÊNCIA': the article
    tells one phase; the bare name is a mention of it, no second name."""
    phases = [f for f in facts if re.search(r"\s\d{1,2}$", f.key)]
    kept = []
    for fact in facts:
        phase = next((p for p in phases if re.sub(r"\s\d{1,2}$", "", p.key) == fact.key), None)
        if phase is None:
            kept.append(fact)
        else:
            phase.spans = sorted([*phase.spans, *fact.spans], key=lambda s: s.start)
    return kept


def _earlier_operation(article: Article, start: int) -> bool:
    """Whether the operation word at `start` names an earlier operation, cited for context."""
    before = article.text[max(0, start - 35) : start]
    return bool(_EARLIER_BEFORE.search(before) or _EARLIER_AFTER.match(article.text, start))
