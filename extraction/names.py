"""Named things: agencies, platforms, rights holders and groups from the lexicon; groups
and agencies the lexicon does not know, from the words around them; operation names."""

from __future__ import annotations

import re
from functools import cache

from babel.dates import get_day_names, get_month_names

from extraction.facts import Fact, Span
from extraction.lexicon import Entry, Match, lexicon, phrase_keys, words
from extraction.text import LANGUAGES, Article, Token
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
    ]
}
_ANY_CRYPTO = "Cryptocurrencies"
_OPERATION_WORDS = r"op[ée]ration|operation|operazione|operaci[óo]n|opera[çc][ãa]o|Aktion"
_QUOTED_OPERATION = re.compile(
    rf"(?:{_OPERATION_WORDS})\s*[:,]?\s*[«\"“„]\s*([^»\"”“\n]{{2,60}}?)\s*[»\"”“]", re.IGNORECASE
)
# "operazione 'Black Out'", "operación ‘Corsario’": single quotes, closed before a non-letter.
_SINGLE_QUOTED_OPERATION = re.compile(
    rf"(?:{_OPERATION_WORDS})\s*[:,]?\s*['‘’]([^'‘’\n]{{2,60}}?)['’](?!\w)", re.IGNORECASE
)
# "l'operazione The perfect storm,": an English name opened by "The", to the punctuation.
_THE_OPERATION = re.compile(rf"(?:{_OPERATION_WORDS})\s+(The(?:\s+[^\W\d_]+){{1,3}})(?=\s*[,.;:)\n])")
_NAMED_OPERATION = re.compile(
    r"\b(?:Operation|Opération|Operazione|Operación|Operação)\s+((?:[A-Z0-9][\w-]*)(?:\s+[A-Z0-9][\w-]*){0,2})"
)
_NUMBER_WORD = re.compile(
    r"\d+(?:mila|mil|k|m|mln|mld|million|millions|milioni|millones|milhões|bn)", re.IGNORECASE
)
_DOMAIN = re.compile(
    r"\b[a-z0-9][a-z0-9-]{1,40}(?:\.[a-z0-9-]{2,40})?\.(?:to|com|net|org|ag|info|tv|io|cc|me|ws|is|se|xyz|site|club|live|app|li|ru|su|lol|eu|fr|it|es|pt|br|ar|mx|co|ca|uk|de|nl|be|ch|cx|pw|la|vip|top|stream|watch|ac|im|ly|one|xyz|biz)\b",
    re.IGNORECASE,
)


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


def _adjacent(article: Article, left: Token, right: Token) -> bool:
    """Two words side by side: only spaces or quotes between them, no line break."""
    gap = article.text[left.end : right.start]
    return len(gap) <= 3 and all(c in " \u00a0\u202f«»\"“”'’" for c in gap)


def _name_like(token: Token) -> bool:
    if token.key in _not_names() or token.key in _triggers():
        return False
    if token.text.isdigit() or _NUMBER_WORD.fullmatch(token.text):
        return False
    return not token.text.islower() or any(c.isdigit() for c in token.text)


def lexicon_facts(article: Article, matches: list[Match]) -> list[Fact]:
    facts = []
    # A coin named ("Litecoin") says which cryptocurrency: the generic word adds nothing.
    coin_named = any(m.entry.kind == "cryptocurrency" and m.entry.name != _ANY_CRYPTO for m in matches)
    for match in matches:
        entry = match.entry
        if entry.label == Label.COUNTRY or (coin_named and entry.name == _ANY_CRYPTO):
            continue
        if entry.needs_context and not _sentence_has_trigger(article, match.start):
            continue
        notes = []
        confidence = "high"
        if match.phrase.exact is not None and match.phrase.exact != entry.name:
            confidence = "medium"
            notes.append(f"named only by the acronym {match.phrase.exact!r} here")
        facts.append(_entity_fact(article, match.start, match.end, entry, confidence, notes))
    return facts


def _entity_fact(
    article: Article, start: int, end: int, entry: Entry, confidence: str, notes: list[str]
) -> Fact:
    return Fact(
        _KIND_OF_LABEL[entry.label],  # type: ignore[arg-type]
        entry.name,
        [Span(start, end, article.text[start:end])],
        confidence,  # type: ignore[arg-type]
        notes,
        {"label": entry.label, "kind": entry.kind, "country": entry.country},
    )


def _sentence_has_trigger(article: Article, offset: int) -> bool:
    sentence = article.sentence_at(offset)
    return any(
        t.key in _triggers() and _triggers()[t.key] == "release group"
        for t in article.tokens
        if sentence.start <= t.start < sentence.end
    )


def _taken(matches: list[Match]) -> set[int]:
    return {i for m in matches for i in range(m.first, m.last)}


def _name_run(article: Article, i: int, step: int, taken: set[int]) -> list[int]:
    """Indexes of up to three name-like words from `i` in direction `step`."""
    tokens = article.tokens
    run: list[int] = []
    j = i
    while 0 <= j < len(tokens) and len(run) < 3 and j not in taken and _name_like(tokens[j]):
        if run:
            left, right = (tokens[run[-1]], tokens[j]) if step > 0 else (tokens[j], tokens[run[-1]])
            if article.text[left.end : right.start] not in {" ", "\u00a0"}:
                break
        run.append(j)
        j += step
    return sorted(run)


def group_facts(article: Article, matches: list[Match]) -> list[Fact]:
    """Groups the lexicon does not know: a capitalised name next to a word such as
    'groupe', 'network', 'IPTV service', and the names coordinated with it."""
    tokens = article.tokens
    taken = _taken([m for m in matches if m.entry.label != Label.GROUP])
    known_groups = {i for m in matches if m.entry.label == Label.GROUP for i in range(m.first, m.last)}
    facts: list[Fact] = []
    for i, token in enumerate(tokens):
        kind = _triggers().get(token.key)
        if kind is None or token.key in _not_names() - set(_triggers()):
            continue
        runs: list[list[int]] = []
        # The name after the word: "le groupe Sparks", "the app Mobdro".
        j = i + 1
        skipped = 0
        while (
            j < len(tokens)
            and skipped < 2
            and tokens[j].key in _triggers()
            and _adjacent(article, tokens[j - 1], tokens[j])
        ):
            j += 1
            skipped += 1
        after = (
            _name_run(article, j, 1, taken)
            if j < len(tokens) and _adjacent(article, tokens[j - 1], tokens[j])
            else []
        )
        if after:
            runs.append(after)
            runs += _coordinated(article, after[-1] + 1, taken)
        # Before a plural ("Spanish websites", "pirate IPTV services") a capitalised word
        # is an adjective; a name stands before a singular ("the Sparks group").
        if (article.lang not in _NAME_AFTER or not after) and not token.key.endswith("s"):
            # The name before the word: "the Sparks group", "Flawless TV service".
            before = (
                _name_run(article, i - 1, -1, taken) if i and _adjacent(article, tokens[i - 1], token) else []
            )
            # A lone capitalised word opening a sentence says nothing: every opener is one.
            if before and not (len(before) == 1 and _sentence_start(article, tokens[before[0]])):
                runs.append(before)
        for run in runs:
            if not run or set(run) & known_groups:
                continue
            start, end = tokens[run[0]].start, tokens[run[-1]].end
            name = article.text[start:end]
            facts.append(
                Fact(
                    "group",
                    name,
                    [Span(start, end, name)],
                    "medium",
                    [
                        f"drafted from the words around it ({token.text!r}): "
                        "check it is a piracy group or service, and its kind"
                    ],
                    {"label": Label.GROUP, "kind": kind, "country": None},
                )
            )
    facts += _domain_facts(article)
    return facts


def _sentence_start(article: Article, token: Token) -> bool:
    return article.sentence_at(token.start).start == token.start


def _coordinated(article: Article, j: int, taken: set[int]) -> list[list[int]]:
    """'Geckos et Drones', 'Rovers, Sprinter and Geckos': names joined to the first."""
    tokens = article.tokens
    runs = []
    while j < len(tokens):
        between = article.text[tokens[j - 1].end : tokens[j].start]
        if tokens[j].key in {"et", "and", "e", "y", "und", "ou", "or"} and between.strip() == "":
            j += 1
        elif between.strip() != ",":
            break
        run = _name_run(article, j, 1, taken)
        if not run:
            break
        runs.append(run)
        j = run[-1] + 1
    return runs


def _domain_facts(article: Article) -> list[Fact]:
    facts = []
    for match in _DOMAIN.finditer(article.text):
        name = match.group()
        if re.search(r"europa\.eu|\.gov|police|justice", name, re.IGNORECASE) or "." not in name:
            continue
        facts.append(
            Fact(
                "group",
                name,
                [Span(match.start(), match.end(), name)],
                "medium",
                ["a domain name in the text: check it belongs to a piracy service"],
                {"label": Label.GROUP, "kind": "streaming site", "country": None, "domain": name.lower()},
            )
        )
    return facts


def agency_facts(article: Article, matches: list[Match]) -> list[Fact]:
    """Agencies the lexicon does not know: a unit and the place it serves ("le parquet de
    Rennes"), and a run of capitalised words holding a word such as 'Police', 'Procura',
    'Ministry' ("Bulgarian National Police")."""
    tokens = article.tokens
    taken = _taken([m for m in matches if m.entry.label != Label.COUNTRY])
    facts = _unit_of_place_facts(article, taken)
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
            if (not token.text.islower() and token.key not in _DETERMINERS) or (
                run and token.key in _CONNECTORS and j + 1 < len(tokens) and not tokens[j + 1].text.islower()
            ):
                run.append(j)
            else:
                break
            j += 1
        run = [] if _headline(article, tokens[i].start) else _without_official(article, run)
        keys = [tokens[k].key for k in run]
        head = next(
            (h for h in _agency_heads() if any(tuple(keys[a : a + len(h)]) == h for a in range(len(keys)))),
            None,
        )
        content = [k for k in run if tokens[k].key not in _CONNECTORS]
        if head is not None and len(content) >= 2 and not _sentence_start_only(article, run):
            start, end = tokens[run[0]].start, tokens[run[-1]].end
            name = article.text[start:end]
            kind = _agency_kind(head)
            facts.append(
                Fact(
                    "agency",
                    name,
                    [Span(start, end, name)],
                    "low",
                    [f"not in the lexicon: check the name, its kind ({kind}, guessed) and its country"],
                    {"label": Label.AGENCY, "kind": kind, "country": None},
                )
            )
        i = max(j, i + 1)
    return facts


@cache
def _titles() -> set[str]:
    return {fold(w) for w in lexicon()["official_titles"]}


def _without_official(article: Article, run: list[int]) -> list[int]:
    """The run less a person named by title: "Bureau of Immigration Commissioner Jaime
    Morente" is the bureau; "Acting United States Attorney Jane Roe" is no body at all."""
    keys = [article.tokens[k].key for k in run]
    titled = [t for t, key in enumerate(keys) if key in _titles()]
    if titled and 1 <= len(keys) - titled[-1] - 1 <= 3:
        run = run[: titled[-1]]
    elif titled and titled[-1] != len(keys) - 1:
        return run
    while run and article.tokens[run[-1]].key in _titles() | _CONNECTORS:
        run = run[:-1]
    return run


def _headline(article: Article, offset: int) -> bool:
    """A title-case line ("Attorney Unveils Charges Against Piracy Group"): its capitals
    say nothing about names."""
    sentence = article.sentence_at(offset)
    line = article.text[sentence.start : sentence.end].strip()
    long_words = [w for w in words(line) if len(w) > 3]
    return (
        not line.endswith(".")  # a headline has no full stop
        and len(long_words) >= 4
        and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)
    )


@cache
def _units() -> list[tuple[tuple[str, ...], str, str]]:
    """(keys, spelling, kind) of the unit words, longest first."""
    units = [(phrase_keys(w), w, kind) for kind, items in lexicon()["agency_units"].items() for w in items]
    return sorted(units, key=lambda u: -len(u[0]))


_PLACE_OF = {"de", "d", "di", "del", "della", "dello", "do", "da", "du", "des", "of"}
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\([^()\n]{1,12}\)")


def _unit_of_place_facts(article: Article, taken: set[int]) -> list[Fact]:
    """'le parquet de Rennes', 'section de recherches de Lyon', 'Tribunale di Roma',
    'Juzgado de Instrucción de Madrid': a unit word and the place it serves."""
    tokens = article.tokens
    facts = []
    i = 0
    while i < len(tokens):
        found = next(
            ((keys, kind) for keys, spelling, kind in _units() if _unit_at(tokens, i, keys, spelling)),
            None,
        )
        place = _place_after(article, i + len(found[0]), taken) if found else []
        if not found or not place:
            i += 1
            continue
        start, end = tokens[i].start, tokens[place[-1]].end
        # "juridiction interrégionale spécialisée (JIRS) de Rennes": the name less the brackets.
        unit_end, of_start = tokens[i + len(found[0]) - 1].end, tokens[place[0] - 1].start
        name = f"{article.text[start:unit_end]} {article.text[of_start:end]}"
        facts.append(
            Fact(
                "agency",
                name,
                [Span(start, end, article.text[start:end])],
                "medium",
                [f"a {found[1]} named by the place it serves: check the body's full name"],
                {"label": Label.AGENCY, "kind": found[1], "country": None},
            )
        )
        i = place[-1] + 1
    return facts


def _unit_at(tokens: list[Token], i: int, keys: tuple[str, ...], spelling: str) -> bool:
    found = tokens[i : i + len(keys)]
    if tuple(t.key for t in found) != keys:
        return False
    # An acronym ("PJ", "JIRS") counts only in capitals.
    return not spelling.isupper() or [t.text for t in found] == words(spelling)


def _place_after(article: Article, j: int, taken: set[int]) -> list[int]:
    """The tokens of '<of> <Place>' from token j: "de Rennes", "di Reggio Calabria",
    "des Côtes-d'Armor", "do Rio Grande do Sul"; [] when no capitalised place follows."""
    tokens = article.tokens
    if j < len(tokens):
        skipped = _ACRONYM_IN_BRACKETS.match(article.text, tokens[j - 1].end)
        while skipped and j < len(tokens) and tokens[j].start < skipped.end():
            j += 1
    if j + 1 >= len(tokens) or tokens[j].key not in _PLACE_OF or tokens[j].text[0].isupper():
        return []
    place: list[int] = []
    k = j + 1
    while k < len(tokens) and k not in taken and len(place) < 6:
        token = tokens[k]
        gap = article.text[tokens[k - 1].end : token.start]
        if gap not in {" ", "\u00a0", "-", "'", "’", "-d'", "-d’"} or "\n" in gap:
            break
        inner_of = place and token.key in _PLACE_OF and k + 1 < len(tokens) and _name_like(tokens[k + 1])
        if not (inner_of or (_name_like(token) and not token.text.isupper())):
            break
        place.append(k)
        k += 1
    return place


def _sentence_start_only(article: Article, run: list[int]) -> bool:
    """A run that is only a capitalised sentence opener and its head ("Police said")."""
    return (
        len(run) == 2
        and _sentence_start(article, article.tokens[run[0]])
        and article.tokens[run[0]].key in _not_names()
    )


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
    }:
        return "prosecutor"
    if word in {"ministry", "ministere", "ministerio", "ministero", "bureau"}:
        return "government"
    if word in {"customs", "douane", "douanes", "dogana", "aduanas", "zoll"}:
        return "customs"
    if word == "trading standards":
        return "local authority"
    return "police"


def operation_facts(article: Article) -> list[Fact]:
    facts = []
    patterns = [_QUOTED_OPERATION, _SINGLE_QUOTED_OPERATION, _NAMED_OPERATION]
    if article.lang != "en":  # in English "The" may open the next sentence's subject
        patterns.append(_THE_OPERATION)
    for pattern in patterns:
        for match in pattern.finditer(article.text):
            start, end = match.span(1)
            name = article.text[start:end].strip()
            if not name or fold(name) in _not_names():
                continue
            display = name.title() if name.isupper() else name
            facts.append(
                Fact(
                    "operation",
                    fold(name),
                    [Span(start, start + len(name), name)],
                    "high",
                    [],
                    {"name": display},
                )
            )
    return facts
