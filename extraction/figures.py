"""Figures: a number, its scale and its unit, normalised ("10,7 millions d'euros" -> 10700000 EUR).

Numbers are read in the article's locale by Babel (decimal comma in French, point in
English); currencies are read by extraction.currencies; numbers written as words
("eighteen", "dix-huit") are read by text2num.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from babel.dates import get_day_names, get_month_names
from babel.numbers import NumberFormatError, parse_decimal
from text_to_num import text2num

from extraction import currencies
from extraction.dates import in_earlier_operation
from extraction.facts import Fact, Span
from extraction.lexicon import cue_keys, entity_matcher, has_cue, lexicon, nationality_words, phrase_keys
from extraction.text import LANGUAGES, Article, Token, crosses_a_clause, in_other_years_clause
from graph.model.ids import fold

_NUMBER_BODY = (
    r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?"  # 5 500, 10 619 000
    r"|\d{1,3}(?:\.\d{3})+,\d+(?![.,]?\d)"  # 1.000.000,00
    r"|\d{1,3}(?:,\d{3})+\.\d+(?![.,]?\d)"  # 1,000,000.50
    r"|\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)"  # 5,500, 1.250
    r"|\d{1,3}(?:['’]\d{3})+(?:\.\d+)?(?![.,'’]?\d)"  # 2'582, 1’000.50: Swiss grouping
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?![.,]?\d)"  # 1,79,000, 1,50,00,000: Indian grouping
    r"|\d+(?:[.,]\d+)?)"  # 60, 10,7, 10.7
    r"(?:(?!\w)|(?=(?:m|mn|bn|M|B|mila|mil)\b))"  # 10.6m, 5mila
)
_NUMBER = re.compile(r"(?<![\w.,])" + _NUMBER_BODY)
# A number written against letters: money only when they are a currency's sign ("R5 million").
_NUMBER_AFTER_LETTERS = re.compile(r"(?<=[^\W\d_])" + _NUMBER_BODY)
_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f.,'’]\d{3})+$|^\d{1,2}(?:,\d{2})+,\d{3}$")
_SHORT_SCALES = {"m", "mn", "bn", "mio", "mln", "mrd"}
# Words between a number and its unit that end the search: the unit is not that far.
_STOP = {
    fold(w)
    for w in [
        "in",
        "of",
        "de",
        "du",
        "des",
        "dans",
        "a",
        "à",
        "en",
        "et",
        "and",
        "or",
        "ou",
        "from",
        "par",
        "per",
        "with",
        "avec",
        "for",
        "pour",
        "the",
        "le",
        "la",
        "les",
        "than",
        "que",
        "ont",
        "have",
        "has",
        "had",
        "were",
        "was",
        "été",
        "sont",
        "is",
        "are",
        "ete",
        "il",
        "el",
        "lo",
        "los",
        "las",
        "di",
        "da",
        "do",
        "em",
        "no",
        "na",
        "nel",
        "und",
        "der",
        "die",
        "das",
        "von",
        "mit",
        "im",
        "au",
        "aux",
        "sur",
        "on",
        "at",
        "by",
        "to",
    ]
}
# "nelle ultime 24 ore i finanzieri...": a number of hours counts time, whatever noun follows.
_TIME_WORDS = {
    fold(w)
    for w in [
        "hours",
        "hour",
        "heures",
        "heure",
        "ore",
        "horas",
        "hora",
        "Stunden",
        "minutes",
        "minuti",
        "minutos",
    ]
}
_CONNECTORS = {"de", "d", "du", "of", "di", "del", "da", "do", "von"}
_NUMBER_WORD_LANGS = {"fr", "en", "es", "pt", "de", "it"}
_ARTICLES = {"un", "une", "a", "an", "one", "uno", "una", "ein", "eine", "um", "uma"}


_HALF_AFTER = re.compile(
    r"[ \u00a0]+(?:e|y|et|and a) (?:mezzo|mezza|medio|media|meio|meia|demi|demie|half)\b", re.IGNORECASE
)
_HALVES = {"mezzo", "mezza", "medio", "media", "meio", "meia", "demi", "demie", "half"}
# Round collective numerals after "une"/"una"/"a": "une trentaine de sites" is about 30.
_ROUND_NUMERALS = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "decina": 10, "dozzina": 12, "quindicina": 15, "ventina": 20, "trentina": 30,
    "quarantina": 40, "cinquantina": 50, "sessantina": 60, "centinaio": 100,
    "decena": 10, "docena": 12, "veintena": 20, "treintena": 30, "centenar": 100,
    "dezena": 10, "duzia": 12, "vintena": 20, "centena": 100,
    "dozen": 12, "millier": 1000, "migliaio": 1000, "millar": 1000, "milhar": 1000,
}  # fmt: skip
# "duas centenas de clientes", "deux centaines de sites": a worded count of hundreds (or tens).
_COLLECTIVE_PLURALS = {
    "centaines": 100, "centinaia": 100, "centenas": 100, "centenares": 100, "hundreds": 100,
    "milliers": 1000, "migliaia": 1000, "milhares": 1000, "millares": 1000, "thousands": 1000,
    # "três dezenas de", "deux douzaines de": tens and dozens
    "dizaines": 10, "decine": 10, "decenas": 10, "dezenas": 10, "tens": 10,
    "douzaines": 12, "dozzine": 12, "docenas": 12, "duzias": 12, "dozens": 12,
}  # fmt: skip
_BARE_NUMERALS = {"mil", "mille"}  # scale words that are numbers on their own
# Plurals that say "many", not how many ("miles de usuarios", "des milliers").
_VAGUE = {
    "miles",
    "milliers",
    "migliaia",
    "milhares",
    "thousands",
    "centaines",
    "centinaia",
    "cientos",
    "centenas",
    "hundreds",
}
# A blank between words: spaces, or one line break of a wrapped paragraph.
_BLANK = re.compile(r"[ \u00a0\u202f]*(?:\n[ \u00a0\u202f]*)?")


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    start: int
    end: int
    scale: float = 1.0  # the scale word's factor ("millions"), for a range's lower end
    note: str | None = None  # why the reading is less sure


def _locale(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def parse_number(raw: str, lang: str) -> float | None:
    """'5 500' -> 5500, '10,7' (fr) -> 10.7, '5,500' -> 5500, '1.250' (de) -> 1250,
    '1.000.000,00' -> 1000000, '1,79,000' (Indian grouping) -> 179000."""
    if _GROUPED.match(raw):
        return float(re.sub(r"[ \u00a0\u202f.,'’]", "", raw))
    compact = re.sub(r"[ \u00a0\u202f'’]", "", raw)
    own = _locale(lang)
    # The article's locale first, then one with each decimal mark (point; comma with dots).
    for locale in dict.fromkeys((own, "fr" if own == "en" else "en", "it")):
        try:
            return float(parse_decimal(compact, locale=locale, strict=True))
        except NumberFormatError:
            continue
    return None


@cache
def _scales() -> list[tuple[str, float]]:
    pairs = [(word, float(factor)) for factor, items in lexicon()["scales"].items() for word in items]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _scale_keys() -> dict[str, float]:
    return {fold(word): factor for word, factor in _scales() if word.casefold() not in _SHORT_SCALES}


def _match_word(
    text: str, pos: int, words: list[tuple[str, str]] | list[tuple[str, float]]
) -> tuple[int, object] | None:
    """The longest of `words` written at `pos` (case-insensitive, whole word; a code in
    capitals only as written: "3 PEN" is money, "3 pen drives" is not)."""
    for word, value in words:
        end = pos + len(word)
        if text[pos:end].casefold() != word.casefold():
            continue
        if len(word) == 3 and word.isupper() and text[pos:end] != word:
            continue
        if word[-1].isalnum() and end < len(text) and (text[end].isalnum()):
            continue
        return end, value
    return None


def _skip_spaces(text: str, pos: int) -> int:
    """Past the blank after `pos`: spaces and at most one line break."""
    match = _BLANK.match(text, pos)
    return match.end() if match else pos


@cache
def _unit_phrases() -> list[tuple[tuple[str, ...], str]]:
    phrases = [(phrase_keys(w), unit) for unit, items in lexicon()["units"].items() for w in items]
    return sorted(phrases, key=lambda p: -len(p[0]))


@cache
def _not_units() -> list[tuple[str, ...]]:
    return [phrase_keys(w) for w in lexicon()["not_units"]]


@cache
def _qualifiers() -> list[tuple[str, ...]]:
    return sorted((phrase_keys(q) for q in lexicon()["qualifiers"]), key=len, reverse=True)


def _starts_with(article: Article, index: int, keys: tuple[str, ...]) -> bool:
    window = article.tokens[index : index + len(keys)]
    return len(window) == len(keys) and tuple(t.key for t in window) == keys


@cache
def _unit_phrases_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The unit phrases by their first word, longest first as in `_unit_phrases`."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for keys, unit in _unit_phrases():
        by_first.setdefault(keys[0], []).append((keys, unit))
    return by_first


_OF_WORDS = {"of", "de", "di", "du", "da", "do", "del", "della", "des", "dos", "das"}


@cache
def _lowercase_unit_words() -> frozenset[str]:
    """First words of units, folded, that the lexicon writes only in lower case."""
    spelled = [w.split()[0] for items in lexicon()["units"].values() for w in items]
    upper = {fold(w) for w in spelled if w[:1].isupper()}
    return frozenset(fold(w) for w in spelled if w[:1].islower() and fold(w) not in upper)


def _a_name_here(article: Article, index: int) -> bool:
    """A capitalised word after "de" inside a sentence, whose unit is written in lower case:
    a name ("tres de Reus" names the town, not "réus")."""
    token = article.tokens[index]
    return (
        index > 0
        and article.tokens[index - 1].key in _OF_WORDS
        and token.text[:1].isupper()
        and token.key in _lowercase_unit_words()
        and article.sentence_at(token.start).start != token.start
        and not article.in_headline(token.start)
    )


def _unit_here(article: Article, index: int) -> tuple[int, str] | None:
    """(end offset, unit) of a unit noun starting at token `index`."""
    if index >= len(article.tokens) or _a_name_here(article, index):
        return None
    # A word's meaning in the article's own language comes first: Portuguese "autos" are records.
    first = article.tokens[index].key
    for keys, unit in [
        *_units_of_one_language(article.lang).get(first, ()),
        *_unit_phrases_by_first().get(first, ()),
    ]:
        if _starts_with(article, index, keys):
            return article.tokens[index + len(keys) - 1].end, unit
    return None


@cache
def _units_of_one_language(lang: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Unit words of one language only: Italian "21 computer" counts computers, English
    "5,500 computer servers" counts servers; Portuguese "autos" are records, elsewhere cars."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for unit, words in lexicon()["units_of_one_language"].get(lang, {}).items():
        for keys in sorted((phrase_keys(w) for w in words), key=len, reverse=True):
            by_first.setdefault(keys[0], []).append((keys, unit))
    return by_first


@cache
def _nationality_plurals() -> frozenset[str]:
    """Plurals of the lexicon's nationality words, folded: people counted by where they are
    from ("15 senegaleses", "dois brasileiros", "tre italiani", "two Moroccans")."""
    plurals: set[str] = set()
    for words in lexicon()["nationalities"].values():
        for word in map(fold, words):
            plurals |= {word + "s", word + "es"}
            if word.endswith(("a", "o")):
                plurals |= {word[:-1] + ending for ending in ("os", "as", "i", "e")}
            if word.endswith("e"):
                plurals |= {word[:-1] + "s", word[:-1] + "i"}  # "marocaines", "cinesi"
            if word.endswith("se"):
                plurals.add(word[:-1])  # "trois Français"
    return frozenset(p for p in plurals if len(p) > 4)


_PIRATES = {"pirates", "pirati", "piratas"}  # as written: folded, French "piratés" is the same


def _suspected_people(article: Article, index: int) -> tuple[int, str] | None:
    """'15 suspected pirates', 'cinque presunti pirati': people counted as suspects."""
    if not _cue_between(article, index, index + 1, "suspected"):
        return None
    if index + 1 < len(article.tokens) and article.tokens[index + 1].text.lower() in _PIRATES:
        return article.tokens[index + 1].end, "suspects"
    found = _unit_here(article, index + 1)
    if found is None or found[1] not in {"people", "suspects", *_PERSON_UNITS}:
        return None
    return found[0], "suspects"


_AND_OR = {"and", "or", "et", "ou", "e", "o", "y", "und"}


def _nationality_then_another_count(article: Article, index: int) -> bool:
    """'seven Indonesian and five Chinese workers': a count and a nationality, then a
    second count sharing its noun; the people of each nationality are counted."""
    tokens = article.tokens
    if index + 2 >= len(tokens) or tokens[index + 1].key not in _AND_OR:
        return False
    if tokens[index].key not in nationality_words():
        return False
    following = tokens[index + 2].text
    return following.isdigit() or worded_number(following, article.lang) is not None


_UNITS_OF = {"of", "de", "di", "d"}


def _what_units_hold(article: Article, found: tuple[int, str]) -> tuple[int, str]:
    """'600 units of devices', '7,387 pieces of illegal equipment', 'um milhão de unidades
    de CDs': units and pieces count what they are of, when that is a unit (one word, an
    adjective, may stand between)."""
    end, unit = found
    if unit == "copies":
        return _what_copies_are(article, end) or found
    if unit == "printed copies":
        return end, "books" if _about_books(article) else "copies"
    if unit not in {"units", "pieces"}:
        return found
    i = article.token_index(end)
    if i + 1 < len(article.tokens) and article.tokens[i].key in _UNITS_OF:
        return _unit_here(article, i + 1) or _unit_here(article, i + 2) or found
    if i < len(article.tokens) and article.text[end : article.tokens[i].start].strip() == "(":
        return _unit_here(article, i) or found  # "15,000 unidades (CD's)"
    return found


def _about_books(article: Article) -> bool:
    return any(t.key in _BOOK_WORDS for t in article.tokens)


_BOOK_WORDS = {
    "book", "books", "livre", "livres", "libro", "libri", "libros", "livro", "livros", "buch", "bucher",
}  # fmt: skip


# What copies are counted as: their medium ("copies of films on DVD" are DVDs); copies of
# books stay copies, as readers write them ("10000 book copies", "500000 copies").
_MEDIA = ("CDs", "VCDs", "DVDs", "discs")
_COPIES_REACH = 5  # words after "copies": "cópias de filmes em DVD", "copies of contraband DVDs"


def _what_copies_are(article: Article, end: int) -> tuple[int, str] | None:
    tokens = article.tokens
    i = article.token_index(end)
    if i >= len(tokens) or tokens[i].key not in _UNITS_OF | {"en", "em", "on", "in", "su", "sur"}:
        return None
    held = []
    for j in range(i, min(len(tokens), i + _COPIES_REACH)):
        if crosses_a_clause(article.text, end, tokens[j].end):
            break  # what the copies are is told in their own clause
        held.append(_unit_here(article, j))
    return next((what for what in held if what is not None and what[1] in _MEDIA), None)


# "CDs/DVDs", "CD et DVD", "CDs and Blu-rays": one count of discs of more than one kind.
_ANOTHER_DISC = re.compile(
    r"\s*(?:/|,|-|\s(?:and|or|e|et|ed|ou|o|y|und)\s)\s*(?:V?CD|DVD|Blu-?ray)", re.IGNORECASE
)


# "36 servidores da Seops", "200 servidores públicos": a body's staff, not computers.
_STAFF_AFTER = re.compile(r"\s+(?:públicos|municipais|estaduais|federais|(?:da|do|de la|del)\s+[A-ZÀ-Ý])")


def _civil_servants(article: Article, found: tuple[int, str]) -> tuple[int, str]:
    end, unit = found
    word = article.text[max(0, end - 11) : end].lower()
    if unit == "servers" and word.endswith("servidores") and _STAFF_AFTER.match(article.text, end):
        return end, "people"
    return found


def _discs_of_two_kinds(article: Article, found: tuple[int, str]) -> tuple[int, str]:
    end, unit = found
    if unit in {"CDs", "VCDs", "DVDs"} and _ANOTHER_DISC.match(article.text, end):
        return end, "discs"
    return found


@cache
def _currencies_by_first_letter() -> dict[str, list[tuple[str, str]]]:
    """Currency spellings by their first character, folded; longest first."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    for word, code in currencies.spellings():
        by_first.setdefault(word[:1].casefold(), []).append((word, code))
    return by_first


def _currency_at(text: str, pos: int) -> tuple[int, object] | None:
    """The currency written at `pos` (`_match_word` over the spellings that can start there)."""
    return _match_word(text, pos, _currencies_by_first_letter().get(text[pos : pos + 1].casefold(), []))


def _unit_at(article: Article, index: int, allow_gap: bool) -> tuple[int, str] | None:
    """(end offset, unit) of a unit noun at token `index`, after at most two other words
    written side by side with it ("5,500 pirate IPTV servers", "334 comptes PayPal"), a
    hyphenated compound counting as one."""
    tokens = article.tokens
    if _article_after_a_stated_count(article, index):
        index += 1  # "Sono nove le persone denunciate", "tutti e nove i componenti"
    if index < len(tokens) and tokens[index].key in _nationality_plurals():
        return tokens[index].end, "people"  # "dois brasileiros e oito marroquinos"
    if _nationality_then_another_count(article, index):
        return tokens[index].end, "people"  # "seven Indonesian and five Chinese workers"
    suspected = _suspected_people(article, index)
    if suspected is not None:
        return suspected
    fate = _people_by_their_fate(article, index)
    if fate is not None:
        return fate
    skipped, i = 0, index
    while True:
        if any(_starts_with(article, i, keys) for keys in _not_units()):
            return None  # "Estados Unidos" is a country, not a count of states
        found = _unit_here(article, i)
        if found and not _HYPHEN_THEN_WORD.match(article.text, found[0]):
            found = _head_after_a_modifier(article, found)
            return _civil_servants(article, _discs_of_two_kinds(article, _what_units_hold(article, found)))
        if i + 1 >= len(tokens) or tokens[i].key in _STOP | _TIME_WORDS | _months():
            return None
        word, following = tokens[i], tokens[i + 1]
        between = article.text[word.end : following.start]
        if any(c.isdigit() for c in word.text) or between not in {" ", "\u00a0", "\n", "-"}:
            return None
        # "5,500 illegal live-streaming sites": a hyphenated compound is one word.
        skipped += between != "-"
        if skipped > (2 if allow_gap else 0):
            return None
        i += 1


def _head_after_a_modifier(article: Article, found: tuple[int, str]) -> tuple[int, str]:
    """'seven DVD shops', 'three CD stalls': in English a unit written in the singular
    right before another unit qualifies it; the second is what was counted. Copies keep their
    medium ("5,000 DVD copies" are DVDs)."""
    end, _ = found
    i = article.token_index(end)
    if article.lang != "en" or article.text[end - 1 : end].lower() == "s" or i >= len(article.tokens):
        return found
    if article.text[end : article.tokens[i].start] != " ":
        return found
    head = _unit_here(article, i)
    return head if head is not None and head[1] not in {"copies", "printed copies"} else found


# "four DVD-replicating machines": a unit joined to the next word qualifies it.
_HYPHEN_THEN_WORD = re.compile(r"-[^\W\d_]")


@cache
def _months() -> frozenset[str]:
    names: set[str] = set()
    for lang in LANGUAGES:
        names |= {fold(str(n)) for n in get_month_names("wide", locale=lang).values()}
    return frozenset(names)


# "gli altri due indagati", "the other two men", "les deux autres suspects": the rest of a
# group the text has already counted, no count of its own.
_THE = r"\b(?:the|gli|le|i|los|las|os|as|les)\s+"
_OTHERS = (
    r"(?:other|others|remaining|autres|altri|altre|restanti|otros|otras|restantes|outros|outras|demás|demais)"
)
_REST_BEFORE = re.compile(rf"{_THE}{_OTHERS}\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(rf"{_THE}$", re.IGNORECASE)
_OTHERS_AFTER = re.compile(rf"\s+{_OTHERS}\b", re.IGNORECASE)


def _rest_of_a_group(article: Article, start: int) -> bool:
    """Whether the count starting at `start` is the rest of a group ('the other two')."""
    text = article.text
    before = text[max(0, start - 20) : start]
    number_end = article.tokens[article.token_index(start)].end
    return bool(_REST_BEFORE.search(before)) or (
        bool(_THE_BEFORE.search(before)) and bool(_OTHERS_AFTER.match(text, number_end))
    )


def _one_and_others(article: Article, figure: Figure, figures: list[Figure]) -> bool:
    """'Malta and 11 other countries' where the text also counts '12 countries': the others
    are the total less the one named, no count of their own."""
    number_end = article.tokens[article.token_index(figure.start)].end
    if not _OTHERS_AFTER.match(article.text, number_end):
        return False
    return any(f.unit == figure.unit and f.value == figure.value + 1 for f in figures)


@cache
def _abbreviated_months() -> frozenset[str]:
    names: set[str] = set()
    for lang in LANGUAGES:
        names |= {fold(str(n)).rstrip(".") for n in get_month_names("abbreviated", locale=lang).values()}
    return frozenset(names)


def _after_a_month(article: Article, start: int) -> bool:
    """'on Oct. 31 arrested nine people', 'May 4': a number right after a month is a day;
    'le 7 avril 2010 chez ces individus', 'abril de 2010': a year after one is no count."""
    i = article.token_index(start) - 1
    if i < 0:
        return False
    month = article.tokens[i]
    gap = article.text[month.end : start]
    if month.key in _months() and month.text[:1].isupper():
        return gap in {" ", "\u00a0"}
    # A number written against letters ("a fine of K500") starts no token of its own.
    number = article.tokens[i + 1] if i + 1 < len(article.tokens) else None
    if number is not None and _YEAR.fullmatch(number.text):
        if month.key in {"de", "del"} and i > 0:
            i, month = i - 1, article.tokens[i - 1]
        return month.key in _months() and article.text[month.end : start].strip() in {"", "de", "del"}
    return month.key in _abbreviated_months() and gap in {". ", ".\u00a0"}


def _qualifier_before(article: Article, offset: int) -> tuple[int, str] | None:
    i = article.token_index(offset)
    for keys in _qualifiers():
        n = len(keys)
        window = article.tokens[max(0, i - n) : i]
        if len(window) == n and tuple(t.key for t in window) == keys:
            gap = article.text[window[-1].end : offset]
            if gap.strip(" \u00a0'’") == "":
                return window[0].start, " ".join(t.text for t in window)
    return None


_OR_MORE = re.compile(r"(?i)\s+(?:or more|and more|ou plus|et plus|o più|e più|o más|y más|ou mais|e mais)\b")


def _scale_after(text: str, pos: int, has_currency: bool) -> tuple[int, float, float]:
    """(end, factor, half) of a scale word after a number: "millions", "m" (money or
    written against the number), "milioni e mezzo" (half = 0.5)."""
    after = _skip_spaces(text, pos)
    found = _match_word(text, after, _scales())
    if not found and text[after : after + 1] == "-":
        after += 1  # "PhP79.69-Million"
        found = _match_word(text, after, _scales())
    if not found:
        return pos, 1.0, 0.0
    if str(text[after : found[0]]).casefold() in _SHORT_SCALES and not has_currency and after != pos:
        return pos, 1.0, 0.0
    end, factor = found
    half = _HALF_AFTER.match(text, end)
    if half:
        return half.end(), float(factor), 0.5  # type: ignore[arg-type]
    return end, float(factor), 0.0  # type: ignore[arg-type]


# "de", "of" before a currency's name, the line maybe wrapped after it ("320 millones de\n yuanes").
_CURRENCY_CONNECTOR = re.compile(
    r"(?:de|of|di|del)(?:[ \u00a0\u202f]+(?:\n[ \u00a0\u202f]*)?|\n[ \u00a0\u202f]*)|d'|d’"
)


def _currency_after(text: str, pos: int) -> tuple[int, str] | None:
    """(end, code) of a currency after a number, maybe after "de"/"of": "1.000.000 de euros",
    "500 DA"; not a one-letter local sign ("5 R")."""
    cursor = _skip_spaces(text, pos)
    connector = _CURRENCY_CONNECTOR.match(text, cursor)
    for at in ([connector.end()] if connector else []) + [cursor]:
        found = _currency_at(text, at)
        if found is None:
            continue
        code = str(found[1])
        if not (code.startswith(currencies.LOCAL) and currencies.glued_only(text[at : found[0]])):
            return found[0], code
    return None


def _money(article: Article, value: float, code: str, start: int, end: int, scale: float) -> Figure | None:
    if not currencies.needs_article(code):
        return Figure(value, code, start, end, scale)
    resolved, note = currencies.resolve(article, code)
    return Figure(value, resolved, start, end, scale, note) if resolved else None


def _warrants_executed(article: Article, offset: int) -> bool:
    """The sentence says the warrants were carried out ("cumpridos 30 mandados")."""
    sentence = article.whole_sentence_at(offset)
    first, last = article.token_index(sentence.start), article.token_index(sentence.end)
    return _cue_between(article, first, last, "executed_warrants")


@cache
def _cue_list(section: str) -> list[tuple[str, ...]]:
    return [phrase_keys(w) for w in lexicon()[section]]


def _cue_between(article: Article, first: int, last: int, section: str) -> bool:
    cues = _cue_list(section)
    return any(_starts_with(article, i, keys) for i in range(max(0, first), last) for keys in cues)


# "de três meses a um ano": a term in months opening a range is the law's scale, not a sentence.
_RANGE_AFTER = re.compile(
    r"\s+(?:a|à|to|al|até|ad)\s+(?:\d|un\b|um\b|uno\b|one\b|\w+\s+(?:ans?|anos?|anni|años?|years?)\b)"
)


# Before a count of years, the words of an age: "a emissora, de 37 anos", "un homme âgé de 34
# ans", "un uomo di 40 anni", "una mujer de 29 años".
_AGE_BEFORE = re.compile(
    r"(?i)(?:,\s*|\b(?:âgée?s?|aged|homem|mulher|jovem|hombre|mujer|joven|uomo|donna|giovane|ragazzo|ragazza|"
    r"homme|femme|jeune|idade|edad|età)\s+)(?:de|di|d['’]|of)\s*$"
)


# "deux ans et neuf mois de prison": the prison word after the months is the years' too.
_MONTHS_AFTER_YEARS = re.compile(
    r"\s+(?:and|et|e|y)\s+\w+\s+(?:months|mois|mesi|meses|Monate)\b", re.IGNORECASE
)


def _prison_term(article: Article, start: int, end: int, unit: str = "years") -> bool:
    """A count of years or months is a figure only as a prison term actually given: a
    prison word just before or after it ("jailed for 11 years", "30 years in prison"), and
    no word saying the term is only risked ("encourt sept ans de prison")."""
    if unit == "months" and _RANGE_AFTER.match(article.text, end):
        return False
    if _AGE_BEFORE.search(article.text[max(0, start - 40) : start]):
        return False  # "o dono da emissora, de 37 anos": an age
    sentence = article.sentence_at(start)
    first, last = article.token_index(sentence.start), article.token_index(sentence.end)
    months = _MONTHS_AFTER_YEARS.match(article.text, end) if unit == "years" else None
    number, after = article.token_index(start), article.token_index(months.end() if months else end)
    near = _cue_between(article, max(first, number - 8), number, "prison_words") or _cue_between(
        article, after, min(last, after + 4), "prison_words"
    )
    return near and not _cue_between(article, first, last, "penalty_risk")


_SERVICE_BEFORE, _SERVICE_AFTER = 6, 5  # tokens: "a 150 horas de", "150 hours of unpaid community work"


def _community_service(article: Article, start: int, end: int) -> bool:
    """A count of hours is a figure only as a penalty of unpaid work: a word of it near
    ("150 hours of community service", "120 heures de travaux communautaires")."""
    sentence = article.sentence_at(start)
    first, last = article.token_index(sentence.start), article.token_index(sentence.end)
    number, after = article.token_index(start), article.token_index(end)
    return _cue_between(
        article, max(first, number - _SERVICE_BEFORE), number, "community_service"
    ) or _cue_between(article, after, min(last, after + _SERVICE_AFTER), "community_service")


def _penalty_given(article: Article, start: int, end: int, unit: str) -> bool:
    """Whether a count of a penalty-only unit is a penalty given: a prison term, or hours
    of community service."""
    if unit == "hours":
        return _community_service(article, start, end)
    return _prison_term(article, start, end, unit)


# Arrest warrants carried out count the people arrested. Search warrants stay search orders,
# as readers count them ("cumpridos 30 mandados de busca").
_DONE_BY_WARRANTS = {"arrest warrants": "arrests"}


# Sites counted right after a verb of searching are places searched, not websites:
# "the authorities searched 100 sites".
_SEARCH_VERBS = (
    r"searched|perquisitionn[ée]s?|perquisitionn[ée]es|registr(?:ó|aron|ados|adas)"
    r"|allan(?:ó|aron|ados|adas)|vasculh(?:ou|aram|ados|adas)"
)
_ABOUT = (
    r"(?:(?:more than|over|some|about|plus de|près de|oltre|più di|circa|más de|unos|mais de|cerca de)\s+)?"
)
_SEARCHED_BEFORE = re.compile(rf"\b(?:raided|perquisit[oiae]|{_SEARCH_VERBS})\s+{_ABOUT}$", re.IGNORECASE)


_HAVE = {"have", "has", "had", "a", "ha", "hanno", "han", "tem", "tinham"}
# "Quindici degli indagati": a part of a group, not a noun for people.
_PARTITIVES = _OF_WORDS | {"degli", "dei", "delle", "dello", "dell"}
_FATE_WORDS = 5  # the longest words for what happened: "placés en garde à vue"


_ITALIAN_PLURAL_ARTICLES = {"i", "gli", "le"}
_COUNT_STATED = {"sono", "erano", "saranno", "furono", "tutti", "tutte"}


def _article_after_a_stated_count(article: Article, index: int) -> bool:
    """Italian states a count before its noun's article: "Sono 12 gli indagati", "tutti e
    nove i componenti", and at a sentence's start "Sei le persone arrestate"."""
    tokens = article.tokens
    if article.lang != "it" or index >= len(tokens) - 1 or tokens[index].key not in _ITALIAN_PLURAL_ARTICLES:
        return False
    opens = index >= 1 and article.sentence_at(tokens[index - 1].start).start == tokens[index - 1].start
    return opens or any(t.key in _COUNT_STATED for t in tokens[max(0, index - 3) : index - 1])


def _people_by_their_fate(article: Article, index: int) -> tuple[int, str] | None:
    """'Dez feirantes foram constituídos arguidos', 'two traders were arrested': one
    noun, then an auxiliary and what happened to them. People counted by what happened to
    them are people, whatever noun names them, unless the noun is itself a count of people."""
    tokens = article.tokens
    if index + 1 >= len(tokens):
        return None
    noun = tokens[index]
    if not (noun.text.isalpha() and noun.text.islower()):
        return None
    unit = _unit_here(article, index)
    if unit is not None and unit[1] in _PEOPLE_UNITS:
        return None  # a count by its own word stays one: "ten suspects were arrested"
    if unit is not None and unit[1] == "years":
        return None  # an age: "un homme de 22 ans a été mis en examen"
    j = index + 1
    if tokens[j].key in _HAVE:
        j += 1
    start = j
    while j < len(tokens) and j - start < 2 and tokens[j].key in _AUXILIARIES:
        j += 1
    if j == start and (
        j != index + 1
        or article.text[noun.end : tokens[j].start] != " "
        or noun.key in _PARTITIVES | _AUXILIARIES | _HAVE
    ):
        return None  # with no auxiliary, the fate right after the noun: "dos hermanos detenidos"
    if crosses_a_clause(article.text, noun.end, tokens[max(j - 1, index)].end):
        return None
    if has_cue([t.key for t in tokens[j : j + _FATE_WORDS]], "fate") != 0:
        return None
    return noun.end, "people"


# A sentence counting discs and their covers: boxes in it are the discs' cases.
_BOXES_OF_DISCS = re.compile(r"\b(?:CDs?|DVDs?|VCDs?|jaquettes|pochettes|copertine|carátulas|capas)\b")


def _counted(article: Article, unit: str, offset: int, end: int | None = None) -> str:
    """Arrest warrants carried out count the arrests made; sites counted after a verb of
    searching ("searched 100 sites") count searches, and so do places said to have been
    searched ("three properties have been searched")."""
    partitive = _PARTITIVE_BEFORE.search(article.text[max(0, offset - 12) : offset])
    if unit in _DONE_BY_WARRANTS and _warrants_executed(article, offset) and not partitive:
        return _DONE_BY_WARRANTS[unit]
    if unit == "sites" and _SEARCHED_BEFORE.search(article.text[max(0, offset - 40) : offset]):
        return "searches"
    if unit in _PLACES_SEARCHED and _ENTERED_BEFORE.search(article.text[max(0, offset - 40) : offset]):
        return "searches"  # "los agentes entraron en dos pisos"
    if unit in _PLACES_SEARCHED and end is not None and _SEARCHED_AFTER.match(article.text, end):
        return "searches"
    if unit in _PLACES_ONLY and _SEARCHES_IN_BEFORE.search(article.text[max(0, offset - 60) : offset]):
        return "searches"  # "ricerche svolte in 93 luoghi": one search in each place
    if unit == "decoders" and end is not None and _cases_of_discs(article, offset, end):
        return "cases"  # "28 230 boîtiers, 124 000 jaquettes et 193 DVD": the discs' cases
    return unit


def _cases_of_discs(article: Article, offset: int, end: int) -> bool:
    """Boxes ("boîtiers") counted in a sentence about discs and their covers."""
    noun = article.text[article.tokens[article.token_index(end) - 1].start : end]
    return (
        fold(noun).startswith(("boitier", "box"))
        and _BOXES_OF_DISCS.search(article.sentence_text(offset)) is not None
    )


# "Dos sete mandados de prisão, cinco foram cumpridos": the warrants a part of which was
# carried out are warrants; the part is what was done.
_PARTITIVE_BEFORE = re.compile(
    r"(?:^|\s)(?:dos|das|de los|de las|of the|sur les|des|degli|dei|delle)\s+$", re.IGNORECASE
)
# Police searching or going into places: each place is a search ("entraron en dos pisos");
# not "raided" nor "perquisiti", as readers count "raided four shops" and "perquisiti 3
# negozi" as shops.
_ENTERED_BEFORE = re.compile(
    r"\b(?:entered|entr(?:aron|ó) en|irrumpi(?:eron|ó) en|(?:sont|est) entrée?s? dans"
    r"|(?:ont|a) fait irruption dans|(?:hanno|ha) fatto irruzione in|entraram em|entrou em|invadiram"
    rf"|{_SEARCH_VERBS})\s+{_ABOUT}$",
    re.IGNORECASE,
)
# Places that are counted for being searched: "searches at 12 addresses", "perquisitions dans
# dix lieux". Not shops or homes, which readers count as what they are.
_PLACES_ONLY = {"locations", "addresses"}
_SEARCHES_IN_BEFORE = re.compile(
    r"\b(?:searches|raids|perquisitions|perquisizioni|ricerche|registros|allanamientos|buscas|Durchsuchungen)"
    rf"(?:\s+[^\W\d]+){{0,2}}\s+(?:in|at|on|across|dans|en|em|nei|negli|presso|a)\s+{_ABOUT}$",
    re.IGNORECASE,
)
_PLACES_SEARCHED = {
    "apartments",
    "sites",
    "buildings",
    "properties",
    "homes",
    "residences",
    "venues",
    "addresses",
    "establishments",
    "shops",
}
# "... have been searched", "... ont été perquisitionnés", "... fueron registrados".
_SEARCHED_AFTER = re.compile(
    r"\s+(?:(?:have|has|had|were|was|ont|a|avaient|sono|furono|fueron|han|foram|were also|have also)\s+)?"
    r"(?:(?:been|été|stati|state|sido)\s+)?"
    r"(?:searched|raided|perquisitionn[ée]e?s?|perquisit[ie]|registrad[oa]s|allanad[oa]s|vasculhad[oa]s|revistad[oa]s)\b",
    re.IGNORECASE,
)


# Counts of time that are figures only as prison terms given ("over the past three weeks" is when).
_PRISON_TERM_UNITS = {"years", "months", "weeks"}
_PENALTY_UNITS = _PRISON_TERM_UNITS | {"hours"}  # counts that are figures only as penalties given
_YEAR = re.compile(r"(?:19|20)\d\d")


def _year_after_currency_word(text: str, number: re.Match[str], currency_start: int, factor: float) -> bool:
    """ "Euro 2020", "EUR 2021": a year after a currency spelled as a word names an event
    (a tournament, a budget), not a sum."""
    return factor == 1 and _YEAR.fullmatch(number.group()) is not None and text[currency_start].isalpha()


_TIMES = {"times", "fois", "volte", "veces", "vezes", "mal"}
# "downloaded 100 million times", "téléchargée plus de 5 millions de fois": a count of downloads.
_DOWNLOADED = re.compile(
    r"\b(?:download|t[ée]l[ée]charg|scaricat|descargad|baixad|heruntergeladen)\w*", re.IGNORECASE
)
_DOWNLOAD_REACH = 30  # characters before the number where the verb may stand


def _download_times(article: Article, index: int, start: int) -> tuple[int, str] | None:
    """(end, "downloads") of "N times" after a download verb, else None."""
    tokens = article.tokens
    if index < len(tokens) and tokens[index].key == "de":
        index += 1  # "5 millions de fois"
    if index >= len(tokens) or tokens[index].key not in _TIMES:
        return None
    if not _DOWNLOADED.search(article.text[max(0, start - _DOWNLOAD_REACH) : start]):
        return None
    return tokens[index].end, "downloads"


# "in 2018 films leaked", "depuis 2021 personnes", "nel periodo del 2014 gli arrestati": a year
# after a word for when, or for of, is no count.
_WHEN_BEFORE = re.compile(
    r"\b(?:in|since|until|by|during|of|en|depuis|jusqu'en|durant|du|nel|del|dal|fino al"
    r"|desde|hasta|durante|em|até|do)\s+$",
    re.IGNORECASE,
)


# "Operação 404 ostentavam casas": the number names an operation, it counts nothing.
_OPERATION_BEFORE = re.compile(
    r"\b(?:operation|op[ée]ration|operazione|operaci[óo]n|opera[çc][ãa]o)\s+$", re.IGNORECASE
)


# "the world's top 50 sites": a rank, not a count.
_RANK_BEFORE = re.compile(r"\btop\s+$", re.IGNORECASE)


def _named_operation(text: str, start: int) -> bool:
    return bool(_OPERATION_BEFORE.search(text[max(0, start - 14) : start]))


def _year_after_preposition(text: str, match: re.Match[str]) -> bool:
    return bool(_YEAR.fullmatch(match.group())) and bool(
        _WHEN_BEFORE.search(text[max(0, match.start() - 12) : match.start()])
        or _YEAR_RANGE_BEFORE.search(text[max(0, match.start() - 8) : match.start()])
    )


# "work in 2005-2006 showed many countries", "la saison 2019/2020": the second year of a
# span of years counts nothing.
_YEAR_RANGE_BEFORE = re.compile(r"\b(?:19|20)\d\d\s*[-–/]\s*$")


_NAME_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]+ $")


def _year_of_a_name(text: str, match: re.Match[str]) -> bool:
    """'il Festival di Sanremo 2009', 'Expo 2015': a year naming an edition."""
    return bool(_YEAR.fullmatch(match.group())) and bool(
        _NAME_BEFORE.search(text[max(0, match.start() - 30) : match.start()])
    )


_PART_OF = {"of", "de", "di", "dei", "delle", "degli", "dos", "das", "des"}
_PLURAL_ARTICLES = {"the", "las", "los", "les", "le", "gli", "i", "as", "os"}
_POSSESSIVES = {"its", "their", "his", "her", "sus", "ses", "leurs", "suoi", "sue", "seus", "suas"}


def _of_its(article: Article, index: int) -> int:
    """'20 de sus señales', '12 of its servers': the words between a count and what it
    counts of someone's (2), or none (0)."""
    tokens = article.tokens
    if index + 2 < len(tokens) and tokens[index].key in _PART_OF and tokens[index + 1].key in _POSSESSIVES:
        return 2
    # "20 de las 32 personas detenidas": a part of a count, in the count's unit
    # ("3 de 10 suspeitos fugiram", with no article, counts the ten)
    if (
        index + 2 >= len(tokens)
        or tokens[index].key not in _PART_OF
        or tokens[index + 1].key not in _PLURAL_ARTICLES
    ):
        return 0
    counted = _part_count(article, index + 2)
    return counted[1] - index if counted else 0


# "1,325" before "million" outside English: one comma and three digits, a decimal comma.
_COMMA_THOUSANDS = re.compile(r"^\d{1,3},\d{3}$")


# "l'article 380(1) du Code criminel", "Section 41(1)(ha)": a subsection's number, no count.
_LAW_SUBSECTION = re.compile(r"\w\(\d+\)")


def _figure_at(article: Article, match: re.Match[str]) -> Figure | None:
    """The figure a number written in digits starts, with its scale and unit or currency."""
    text = article.text
    value = parse_number(match.group(), article.lang)
    if value is None or _year_after_preposition(text, match) or _named_operation(text, match.start()):
        return None
    if _PERCENT.match(text, match.end()):
        return None  # "90% dos quiosques": a share, not a count
    if _year_of_a_name(text, match) or _LAW_SUBSECTION.match(
        text[max(0, match.start() - 2) : match.end() + 1]
    ):
        return None
    if _after_a_month(article, match.start()) or _RANK_BEFORE.search(
        text[max(0, match.start() - 5) : match.start()]
    ):
        return None
    start = match.start()
    restated = _restated_in_brackets(article, match, value)
    if restated is not None:
        start = restated  # "six (6) employés": the words and the digits are one count
    before = currencies.before(text, start)
    if before and currencies.unsettled(article, before[0]):
        if text[start - 1].isalpha():
            return None  # "B25" in an article naming no country using the sign
        before = None  # "Le 5 mars": a word, not Sierra Leone's sign
    currency = before[0] if before else None
    if before:
        start = before[1]
    pos, factor, half = _scale_after(text, match.end() + (restated is not None), currency is not None)
    if factor >= _MILLION and article.lang != "en" and _COMMA_THOUSANDS.match(match.group()):
        value = float(match.group().replace(",", "."))  # "1,325 million d'euros": a decimal comma
    value = (value + half) * factor
    rest = _THOUSANDS_REST.match(text, pos) if factor == _THOUSAND and not half else None
    if rest:
        value, pos = value + int(rest.group(1)), rest.end()  # "2 mil 500 hogares" is 2500
    more = _OR_MORE.match(text, pos)
    if more:
        pos = more.end()  # "227,600 or more pirated discs": a lower bound of the count
    if currency is None:
        after = _currency_after(text, pos)
        if after:
            pos, currency = after
    if currency is None and factor == 1:
        cents = _match_word(text, _skip_spaces(text, pos), currencies.cents_spellings())
        if cents:  # "40 centesimi": hundredths of the article's currency
            return _money(article, value * _CENT, str(cents[1]), start, cents[0], _CENT)
    if currency is not None:
        if before and _year_after_currency_word(text, match, before[1], factor):
            return None
        return _money(article, value, currency, start, pos, factor)
    index = article.token_index(pos)
    # "3 millions de visites", and "2.000.000 di utenti": a million written in digits keeps its "de".
    millions = factor > 1 or value >= _MILLION
    if millions and index < len(article.tokens) and article.tokens[index].key in _CONNECTORS:
        index += 1
    index += _of_its(article, index)
    found_unit = _unit_at(article, index, allow_gap=True) or _download_times(article, index, start)
    if found_unit is None or index >= len(article.tokens):
        return None
    if re.search(r"[.,;:!?()\[\]–—]|\s-\s|\n\s*\n|^[\"”»]", text[pos : article.tokens[index].start]):
        # "in 2015. Customers...", "in 2021, two men": the unit is in another clause; the
        # film "Mugabe 2020" closes its quote on the number.
        return None
    end, unit = found_unit
    value, end = _half_after_unit(text, value, end, unit)
    if unit in _PENALTY_UNITS and not _penalty_given(article, start, end, unit):
        return None  # an age, a duration, a penalty the law allows
    return Figure(value, _counted(article, unit, start, end), start, end, factor)


def _restated_in_brackets(article: Article, match: re.Match[str], value: float) -> int | None:
    """Where the words start that the digits in brackets restate: "six (6) employés",
    "dix (10) décodeurs"; None when the digits stand alone."""
    text = article.text
    if text[match.start() - 1 : match.start()] != "(" or text[match.end() : match.end() + 1] != ")":
        return None
    index = article.token_index(match.start())
    if index == 0:
        return None
    word = article.tokens[index - 1]
    if text[word.end : match.start()].strip() != "(" or worded_number(word.text, article.lang) != value:
        return None
    return word.start


# "deux ans et demi", "tres años y medio", "tre anni e mezzo", "três anos e meio".
_HALF_AFTER_UNIT = re.compile(r"[ \u00a0]+(?:e|y|et) (?:mezzo|medio|meio|demi)\b", re.IGNORECASE)


def _half_after_unit(text: str, value: float, end: int, unit: str) -> tuple[float, int]:
    """(value, end) with the half a term of time adds after its unit."""
    half = _HALF_AFTER_UNIT.match(text, end) if unit in _PRISON_TERM_UNITS else None
    return (value + 0.5, half.end()) if half else (value, end)


_THOUSAND = 1000
_CENT = 0.01
_MILLION = 1_000_000
_THOUSANDS_REST = re.compile(r"[ \u00a0](\d{1,3})(?![\d.,]\d)(?!\w)")


def _numbers(text: str) -> list[re.Match[str]]:
    """The numbers of the text, with those written against a currency's sign ("B25mn")."""
    glued = [m for m in _NUMBER_AFTER_LETTERS.finditer(text) if currencies.before(text, m.start())]
    return sorted([*_NUMBER.finditer(text), *glued], key=lambda m: m.start())


def find_figures(article: Article) -> list[Fact]:
    figures: list[Figure] = []
    used: list[tuple[int, int]] = []
    for match in _numbers(article.text):
        if used and match.start() < used[-1][1]:
            continue  # read already: the 500 of "2 mil 500"
        figure = _figure_at(article, match)
        if figure is not None:
            figures.append(figure)
            used.append((match.start(), figure.end))
    figures += _range_starts(article, figures, used)
    figures += _worded_figures(article, used)
    figures += _worded_range_starts(article, figures, used)
    figures = _staff_as_officers(article, figures)
    figures += _split_parts(article, figures, used)
    figures += _others(article, figures, used)
    figures += _parts_of_these(article, figures, used)
    figures += _more_places_counted(article, figures, used)
    figures += _elided_heads(article, used)
    figures += _counts_sharing_a_noun(article, figures, used)
    figures += _noun_first(article, used)
    figures += _money_said_once(article, figures, used)
    figures += _scaled_sums_said_once(article, figures, used)
    figures = _men_and_women_summed(article, figures, used)
    figures = [_arrested_as_people(article, f) for f in figures]
    figures += _bare_counts_arrested(article, used)
    figures += _one_person_by_fate(article, used)
    figures = _years_and_months_joined(article, figures)
    # Kept until here: "os outros dois foram presos, um em X e outro em Y" has parts.
    figures = [
        f
        for f in figures
        if not _rest_of_a_group(article, f.start) and not _one_and_others(article, f, figures)
    ]
    figures = [
        f
        for f in figures
        if not _national_total(article.text, f.start)
        and not _proportion(article, f)
        and not _tally_so_far(article, f)
        and not in_other_years_clause(article, f.start)
        and not in_earlier_operation(article, f.start)
    ]
    # A count of operations is a tally of a body's work (an article tells one operation).
    figures = [f for f in figures if f.unit != "operations" and not _both_cases(article.text, f)]
    figures = _terms_of_days_only(article, figures)
    figures = _without_context_money(article, _without_rounded_twins(article, figures))
    figures = _without_audience_twins(figures)
    return [_fact(article, figure) for figure in _one_group_once(figures)]


_ROUNDED_TWIN = 0.01  # "près de 670 décodeurs" then "669 décodeurs": within 1%, one count


def _without_rounded_twins(article: Article, figures: list[Figure]) -> list[Figure]:
    """A round count ("nearly 670 decoders") next to a more precise one of the same unit
    within 1% ("669 decoders") is the same count, rounded; so is a lower bound ("more than
    170 channels") just under a precise count ("176 channels"). The precise one stays. Sums
    of money are left alone, two close amounts being often two amounts, but for a headline's
    rounding of a sum the text gives in full."""

    def digits(value: float) -> int:
        return len(f"{value:.0f}".rstrip("0"))

    def twin(f: Figure, o: Figure) -> bool:
        if o.unit != f.unit or digits(o.value) <= digits(f.value):
            return False
        if abs(o.value - f.value) <= _ROUNDED_TWIN * f.value:
            return True
        return f.value < o.value <= _LOWER_BOUND_TWIN * f.value and _lower_bound(article, f)

    def kept(f: Figure) -> bool:
        if not _is_money(f):
            return not any(twin(f, o) for o in figures)
        # "condamné à 83 millions d'euros" over "83,6 millions d'euros": the headline rounds.
        title = article.in_first_line(f.start)
        return not (title and any(twin(f, o) and not article.in_first_line(o.start) for o in figures))

    return [f for f in figures if kept(f)]


_LOWER_BOUND_TWIN = 1.1  # "plus de 170 chaînes" and "176 chaînes": one count
_LOWER_BOUND = re.compile(
    r"(?:more than|over|at least|plus de|au moins|oltre|più di|almeno|más de|al menos|mais de|pelo menos)"
    r"\s+$",
    re.IGNORECASE,
)


def _lower_bound(article: Article, figure: Figure) -> bool:
    return _LOWER_BOUND.search(article.text[max(0, figure.start - 15) : figure.start]) is not None


# People counted by who they are to the service: "circa 11mila clienti" and "11.000 persone"
# in one article are one count, kept in the first of these units it was given in (the order
# of the gold rules' unit list).
_AUDIENCE_UNITS = ("people", "users", "subscribers", "visitors")


def _without_audience_twins(figures: list[Figure]) -> list[Figure]:
    def rank(f: Figure) -> int:
        return _AUDIENCE_UNITS.index(f.unit)

    def twin_first(f: Figure, o: Figure) -> bool:
        return o.unit in _AUDIENCE_UNITS and o.value == f.value and (rank(o), o.start) < (rank(f), f.start)

    return [f for f in figures if f.unit not in _AUDIENCE_UNITS or not any(twin_first(f, o) for o in figures)]


# "dieci euro al mese, oppure 80 l'anno", "$10 a month or 100 a year": a price for another
# period, its currency said once for both.
_PER_PERIOD = re.compile(
    r"\s+(?:a|per|par|al|all['’]|l['’]|por|ao|el|le|o)\s*(?:year|month|an|mois|anno|mese|año|mes|ano|mês)\b",
    re.IGNORECASE,
)
_SAME_PRICE_REACH = 60  # characters between the priced figure and the number after it


def _money_said_once(article: Article, figures: list[Figure], used: list[tuple[int, int]]) -> list[Figure]:
    found = []
    for match in _NUMBER.finditer(article.text):
        if any(a <= match.start() < b for a, b in used) or not _PER_PERIOD.match(article.text, match.end()):
            continue
        sentence = article.sentence_at(match.start())
        before = [
            f
            for f in figures
            if _is_money(f) and sentence.start <= f.start and 0 < match.start() - f.end <= _SAME_PRICE_REACH
        ]
        value = parse_number(match.group(), article.lang)
        if before and value is not None and _PER_PERIOD.match(article.text, before[-1].end):
            note = f"the currency is the one of the price before it ({before[-1].unit})"
            found.append(Figure(value, before[-1].unit, match.start(), match.end(), 1.0, note))
            used.append((match.start(), match.end()))
    return found


_CLAUSE_END = re.compile(r"\s*(?:[.;:,)]|$)")


def _scaled_sums_said_once(
    article: Article, figures: list[Figure], used: list[tuple[int, int]]
) -> list[Figure]:
    """'un profitto di 10 milioni di euro, a fronte di un danno stimato in oltre 30 milioni':
    millions with no word after them, after a sum of money in the sentence, are that money."""
    found = []
    for match in _NUMBER.finditer(article.text):
        if any(a <= match.start() < b for a, b in used):
            continue
        end, factor, half = _scale_after(article.text, match.end(), has_currency=False)
        value = parse_number(match.group(), article.lang)
        if value is None or factor < _MILLION or not _CLAUSE_END.match(article.text, end):
            continue
        sentence = article.sentence_at(match.start())
        before = [f for f in figures if _is_money(f) and sentence.start <= f.start and f.end <= match.start()]
        if before:
            note = f"no currency after the sum: the one of the sum before it ({before[-1].unit})"
            found.append(Figure((value + half) * factor, before[-1].unit, match.start(), end, factor, note))
            used.append((match.start(), end))
    return found


# "o país soma cerca de 6 milhões de domicílios com acesso pirata", "le pays compte 3
# millions de foyers": a country's total, the context of the case, not one of its figures.
_NATIONAL_TOTAL = re.compile(
    r"\b(?:the country|le pays|il paese|el país|o país)\s+"
    r"(?:has|counts|totals|numbers|compte|totalise|conta|conta|ha|tiene|suma|cuenta con|tem|soma|totaliza)"
    r"(?:\s+[^\W\d]+){0,2}\s+$",
    re.IGNORECASE,
)


# "in nove casi su dieci", "neuf cas sur dix", "nine cases out of ten": a share, no count.
_SHARE_BASES = {10.0, 100.0}
_OUT_OF = re.compile(r"[ \u00a0]+(?:su|sur|out of|em cada|de cada)[ \u00a0]+(\w+)", re.IGNORECASE)


# "una de cada tres grabadoras", "one in three discs": the count is the base of a share.
_SHARE_BEFORE = re.compile(
    r"\b(?:one|un|une|uno|una|um|uma)\s+(?:de cada|em cada|in every|out of every|in|sur|su|su ogni)\s+$",
    re.IGNORECASE,
)


def _proportion(article: Article, figure: Figure) -> bool:
    if _SHARE_BEFORE.search(article.text[max(0, figure.start - 20) : figure.start]):
        return True
    whole = _OUT_OF.match(article.text, figure.end)
    if whole is None:
        return False
    word = whole.group(1)
    base = float(word) if word.isdigit() else worded_number(word, article.lang)
    return base in _SHARE_BASES


_TALLY_REACH = 8  # words between a count and "so far this year", either side


def _tally_so_far(article: Article, figure: Figure) -> bool:
    """'10 millones de soles decomisados en lo que va del año': a running total, said in the
    count's own clause (no semicolon between)."""
    tokens = article.tokens
    sentence = article.sentence_at(figure.start)
    first, last = article.token_index(sentence.start), article.token_index(sentence.end)
    number, after = article.token_index(figure.start), article.token_index(figure.end)
    reach_before = range(max(first, number - _TALLY_REACH), number)
    before = [k for k in reach_before if _same_clause(article, tokens[k].start, figure.start)]
    reach_after = range(after, min(last, after + _TALLY_REACH))
    following = [k for k in reach_after if _same_clause(article, figure.end, tokens[k].end)]
    if any(_cue_between(article, ks[0], ks[-1] + 1, "tally_so_far") for ks in (before, following) if ks):
        return True
    # "Neste ano, 49 pessoas já foram presas": the year's tally so far, by two words.
    clause = [k for ks in (before, following) for k in ks]
    return bool(clause) and all(
        _cue_between(article, min(clause), max(clause) + 1, cue) for cue in ("this_year", "already")
    )


def _same_clause(article: Article, start: int, end: int) -> bool:
    return ";" not in article.text[start:end]


def _national_total(text: str, start: int) -> bool:
    return bool(_NATIONAL_TOTAL.search(text[max(0, start - 50) : start]))


# "nos dois casos, a pena é...", "dans les deux cas": both cases, no count.
_BOTH_BEFORE = re.compile(r"\b(?:nos|nas|en los|en las|dans les|nei|in the)\s+$", re.IGNORECASE)


def _both_cases(text: str, figure: Figure) -> bool:
    return (
        figure.unit == "cases"
        and figure.value == 2
        and bool(_BOTH_BEFORE.search(text[max(0, figure.start - 12) : figure.start]))
    )


def _is_money(figure: Figure) -> bool:
    return figure.unit.isupper() and len(figure.unit) == 3


def _without_context_money(article: Article, figures: list[Figure]) -> list[Figure]:
    """'piracy costs the country 15 billion a year': money in a sentence that speaks of a
    whole economy per year is the size of a market or a country's losses, not this case's;
    and any figure a cited study gives is the study's."""
    kept = []
    for figure in figures:
        sentence = article.sentence_at(figure.start)
        first = article.token_index(sentence.start)
        last = article.token_index(sentence.end)
        if _cue_between(article, first, last, "cited_study"):
            continue  # "según un estudio, la piratería generó...": the study's figure
        if _is_money(figure):
            if _cue_between(article, first, last, "economy") and _cue_between(article, first, last, "yearly"):
                continue
            risked = _cue_between(article, first, last, "penalty_risk")
            if risked and _cue_between(article, first, last, "fine_words"):
                continue  # a fine only risked: the law's scale, as a prison term only risked
        kept.append(figure)
    return kept


# "i verbali consegnati sono 2.189", "los detenidos son 12": the noun, its participle, a
# copula, then the count.
_COPULAS = {
    "sono", "erano", "son", "eran", "fueron", "sao", "eram", "foram", "sont", "etaient", "are", "were",
    "totalizzano", "ascienden", "somam", "totalisent", "totalled", "totaled",
}  # fmt: skip
_NOUN_REACH = 2  # words between the noun and the copula: a participle ("consegnati")


def _noun_first(article: Article, used: list[tuple[int, int]]) -> list[Figure]:
    found = []
    tokens = article.tokens
    for k, token in enumerate(tokens):
        if token.key not in _COPULAS or k + 1 >= len(tokens):
            continue
        number = _NUMBER.match(article.text, _skip_spaces(article.text, token.end))
        if number is None or any(a <= number.start() < b for a, b in used):
            continue
        after = article.token_index(number.end())
        if (
            after < len(tokens)
            and article.text[number.end() : tokens[after].start].strip() == ""
            and (tokens[after].text[:1].isalpha())
        ):
            continue  # "sono 12 persone": the count reads forward
        value = parse_number(number.group(), article.lang)
        if value is None or _YEAR.fullmatch(number.group()):
            continue
        for i in range(max(0, k - 1 - _NOUN_REACH), k):
            unit = _unit_here(article, i)
            between = article.text[tokens[i].end : token.start]
            if unit is None or unit[1] in _PENALTY_UNITS or re.search(r"[.,;:!?()]", between):
                continue
            found.append(Figure(value, unit[1], tokens[i].start, number.end()))
            used.append((number.start(), number.end()))
            break
    return found


# The word between a count of people and the force they belong to ("della", "of the", "de la").
_OF_FORCE = {
    "of",
    "della",
    "del",
    "dello",
    "dei",
    "degli",
    "delle",
    "dell",
    "di",
    "de",
    "du",
    "des",
    "do",
    "dos",
}
_OF_FORCE_PT = {"da", "das"}  # "of the" in Portuguese, "by" in Italian
_ARTICLES_AFTER_OF = {"the", "la", "las", "los", "el"}


def _staff_as_officers(article: Article, figures: list[Figure]) -> list[Figure]:
    """People or staff of a police force are police officers ("100 uomini della Guardia di
    Finanza"); staff of anything else are not counted."""
    kept = []
    police_named = cache(lambda: _police_named(article))  # looked for once, and only if needed
    for figure in figures:
        if figure.unit in {"people", "staff"} and _police_after(article, figure.end):
            kept.append(replace(figure, unit="police officers"))
        elif (
            figure.unit == "staff"
            and _force_word(article, figure)
            and police_named()
            and not _of_another_body(article, figure.end)
        ):
            kept.append(replace(figure, unit="police officers"))  # "Más de 150 efectivos participaron"
        elif figure.unit == "people" and _men_deployed(article, figure) and police_named():
            kept.append(replace(figure, unit="police officers"))  # "Centocinquanta uomini impegnati"
        elif figure.unit != "staff":
            kept.append(figure)
    return kept


def _police_after(article: Article, end: int) -> bool:
    connectors = _OF_FORCE | (_OF_FORCE_PT if article.lang == "pt" else set())
    i = article.token_index(end)
    tokens = article.tokens
    if (
        i >= len(tokens)
        or tokens[i].key not in connectors
        or _BLANK.fullmatch(article.text[end : tokens[i].start]) is None
    ):
        return False
    i += 1
    if i < len(tokens) and tokens[i].key in _ARTICLES_AFTER_OF:
        i += 1
    if i >= len(tokens):
        return False
    if any(_starts_with(article, i, keys) for keys in _cue_list("police_forces")):
        return True
    body = entity_matcher().starts_at(article, i)  # "67 efectivos da GNR"
    return body is not None and body.kind in _POLICE_KINDS


def _of_another_body(article: Article, end: int) -> bool:
    """'15 elementos da Inspecção-Geral das Actividades Culturais': staff of a body that is
    no police force."""
    i = article.token_index(end)
    tokens = article.tokens
    connectors = _OF_FORCE | _OF_FORCE_PT
    if i + 1 >= len(tokens) or tokens[i].key not in connectors:
        return False
    body = entity_matcher().starts_at(article, i + 1)
    return body is not None and body.kind not in _POLICE_KINDS


_POLICE_KINDS = {"police", "police unit"}
# Words for a force's members that name no other staff: in an article about a police
# operation, "150 efectivos" are its officers.
_FORCE_MEMBERS = {"efectivos", "effectifs", "effettivi", "efetivos", "elementos"}


_MEN = {"men", "uomini", "hommes", "hombres", "homens"}


def _men_deployed(article: Article, figure: Figure) -> bool:
    """'Centocinquanta uomini impegnati', '200 men were deployed': men sent on the operation."""
    after = article.token_index(figure.end)
    if article.tokens[after - 1].key not in _MEN:
        return False
    reach = [
        k
        for k in range(after, min(after + 3, len(article.tokens)))
        if "," not in article.text[figure.end : article.tokens[k].start]
    ]
    return bool(reach) and _cue_between(article, reach[0], reach[-1] + 1, "deployed")


def _force_word(article: Article, figure: Figure) -> bool:
    return article.tokens[article.token_index(figure.end) - 1].key in _FORCE_MEMBERS


def _police_named(article: Article) -> bool:
    """The article names a police force or unit."""
    if any(m.entry.kind in _POLICE_KINDS for m in entity_matcher().find(article)):
        return True
    forces = _cue_list("police_forces")
    return any(_starts_with(article, i, keys) for i in range(len(article.tokens)) for keys in forces)


# Units that count one group in several words, the plainest first: people, and a
# service's audience ("1,8 million d'utilisateurs", later "1,8 million d'abonnés"); services
# called platforms in one place and apps or sites in another ("tres plataformas", "tres apps").
_PEOPLE_UNITS = ("people", "suspects", "arrests")
# "24.800 aparelhos" in the title, "24.800 aparelhos de TV box" in the text: devices named
# generically, then by what they are.
_SAME_GROUP_UNITS = (
    _PEOPLE_UNITS,
    ("users", "subscribers"),
    ("apps", "platforms"),
    ("sites", "platforms"),
    ("decoders", "devices"),
)


def _one_group_once(figures: list[Figure]) -> list[Figure]:
    """'45 indagati' then '45 persone', 'arrested 29 suspects' then '29 arrests': one group
    counted twice is one figure, in the plainest of its units."""
    for units in _SAME_GROUP_UNITS:
        best: dict[float, int] = {}
        for f in figures:
            if f.unit in units:
                best[f.value] = min(best.get(f.value, len(units)), units.index(f.unit))
        figures = [f for f in figures if f.unit not in units or units.index(f.unit) == best[f.value]]
    return figures


_DECIMALS = 6  # far below a cent of any currency, far above a float's rounding error


def _fact(article: Article, figure: Figure) -> Fact:
    start = figure.start
    qualifier = _qualifier_before(article, figure.start)
    if qualifier:
        start = qualifier[0]
    span = Span(start, figure.end, article.text[start : figure.end])
    # "R$ 8,31 milhões" is 8.31 x 10^6, which binary floats make 8310000.000000001.
    value = round(figure.value, _DECIMALS)
    number: float | int = int(value) if value.is_integer() else value
    notes = []
    confidence: str = "high"
    is_money = figure.unit.isupper() and len(figure.unit) == 3
    if not is_money:
        confidence = "medium"
        notes.append(
            "the metric is named after the unit: say what was counted (shut down, seized, hosted...)"
        )
    if figure.note:
        confidence = "medium"
        notes.append(figure.note)
    return Fact(
        "figure",
        f"{number} {figure.unit}",
        [span],
        confidence,  # type: ignore[arg-type]
        notes,
        {"value": number, "unit": figure.unit, "qualifier": qualifier[1] if qualifier else None},
    )


# "tra i 150 e i 5mila euro", "entre los 10 y los 20 euros": an article may follow the "and".
_RANGE = re.compile(
    r"\s*(?:à|a|to|and|et|-|–|e|y|bis|und)(?:\s+(?:i|gli|le|los|las|les|the|os|as))?\s*$", re.IGNORECASE
)


def _range_starts(article: Article, figures: list[Figure], used: list[tuple[int, int]]) -> list[Figure]:
    """'10 à 20 euros', 'between 40 and 460 euros', 'entre 3,5 y 8 millones de euros': the
    first number has the second's unit, and its scale when that keeps the range in order."""
    found = []
    for figure in figures:
        for match in _NUMBER.finditer(article.text, max(0, figure.start - 30), figure.start):
            if not _RANGE.fullmatch(article.text[match.end() : figure.start]):
                continue
            if any(a <= match.start() < b for a, b in used):
                continue
            value = parse_number(match.group(), article.lang)
            if value is None:
                continue
            if value * figure.scale <= figure.value:
                value *= figure.scale
            found.append(Figure(value, figure.unit, match.start(), match.end(), figure.scale, figure.note))
            used.append((match.start(), match.end()))
    return found


def _worded_range_starts(
    article: Article, figures: list[Figure], used: list[tuple[int, int]]
) -> list[Figure]:
    """'de quarante à cinquante téraoctets', 'between forty and fifty servers': a range's
    first end written in words, read as `_range_starts` reads one in digits."""
    found = []
    for figure in figures:
        if not article.text[figure.start : figure.start + 1].isalpha():
            continue  # "cada uno y 9 notebooks": both ends of a range are written alike
        before = max(0, figure.start - _WORDED_RANGE_REACH)
        worded = _WORD_THEN_RANGE.search(article.text, before, figure.start)
        if worded is None or any(a <= worded.start() < b for a, b in used):
            continue
        value = worded_number(worded.group(1), article.lang)
        if value is None:
            continue
        scale = figure.scale if figure.scale != 1 else _scale_in(article, figure)
        if value * scale <= figure.value:
            value *= scale  # "entre deux et trois millions d'euros": two million
        found.append(Figure(value, figure.unit, worded.start(), worded.end(1), scale, figure.note))
        used.append((worded.start(), worded.end(1)))
    return found


_WORDED_RANGE_REACH = 40


def _scale_in(article: Article, figure: Figure) -> float:
    """The factor of the scale word inside a figure's words ("trois millions"), or 1."""
    keys = [t.key for t in article.tokens if figure.start <= t.start < figure.end]
    return next((_scale_keys()[k] for k in keys if k in _scale_keys()), 1.0)


# A worded end stands apart from a worded "and": "prime due denunce" is no "prim e due".
_WORD_THEN_RANGE = re.compile(
    r"(?<![\w-])([^\W\d_]+(?:-[^\W\d_]+)*)"
    r"(?:\s+(?:à|a|to|and|et|e|y|bis|und)|\s*[-–])(?:\s+(?:i|gli|le|los|las|les|the|os|as))?\s*$",
    re.IGNORECASE,
)


def _unit_or_currency(article: Article, index: int) -> tuple[int, int, str] | None:
    """(first token of the count's words, end offset, unit) of a unit or currency at token
    `index`, after an optional "de"/"of" ("millones de euros", "milione di utenti")."""
    tokens = article.tokens
    found_unit = _unit_at(article, index, allow_gap=False)
    found: tuple[int, str] | None = found_unit
    if found is None:
        money = _currency_at(article.text, tokens[index].start)
        if money is None or not tokens[index].text[:1].isalpha():
            return None
        found = (money[0], str(money[1]))
    first = index
    if first > 0 and tokens[first - 1].key in _CONNECTORS:
        first -= 1
    elif found_unit is not None:
        first = _past_fillers(article, first, found[1])
    return first, found[0], found[1]


# Words a count reads through to its noun: "three other people", "deux autres serveurs";
# and, for people, the auxiliary of what happened to them ("sete foram presos").
_OTHER = {
    "other",
    "more",
    "further",
    "additional",
    "autres",
    "altri",
    "altre",
    "otros",
    "otras",
    "outros",
    "outras",
}
# "trentadue diverse province", "dieciocho distintas ciudades": what a count reads through.
_VARIOUS = {
    "different", "various", "separate", "distinct", "diverse", "diversi", "differenti", "distinte",
    "distinti", "varie", "vari", "distintos", "distintas", "diferentes", "differents", "differentes",
    "distincts", "distinctes", "diversas", "diversos",
}  # fmt: skip
_AUXILIARIES = {"were", "been", "are", "foram", "fueron", "furono", "sono", "stati", "state", "ont", "ete",
                "sont", "han", "sido", "ficaram", "quedaron", "restaron"}  # fmt: skip


def _past_fillers(article: Article, index: int, unit: str) -> int:
    """The first token of the filler words just before the noun at `index` (at most two)."""
    tokens = article.tokens
    fillers = _OTHER | _VARIOUS | (_AUXILIARIES if unit == "people" else set())
    first = index
    while first > 0 and index - first < 2 and tokens[first - 1].key in fillers:
        first -= 1
    return first


def _worded_value(article: Article, words: list[Token]) -> float | None:
    """The number written in `words`: "dix-huit", "ocho millones", "un milione e mezzo",
    "meio milhão"; None for a bare scale word or anything else."""
    keys = [w.key for w in words]
    half = 0.0
    if len(keys) >= 3 and keys[-2] in {"e", "y", "et"} and keys[-1] in _HALVES:
        keys, words, half = keys[:-2], words[:-2], 0.5
    elif len(keys) >= 4 and keys[-3:] == ["and", "a", "half"]:
        keys, words, half = keys[:-3], words[:-3], 0.5  # "three and a half years"
    if not keys or (keys[0] in _scale_keys() and not (len(keys) == 1 and keys[0] in _BARE_NUMERALS)):
        return None  # "millions de personnes" is no number; "mil clientes" is 1000
    if keys[0] in _VAGUE:
        return None
    if len(keys) == 2 and keys[1] in _COLLECTIVE_PLURALS:
        count = _worded_value(article, words[:1])
        return count * _COLLECTIVE_PLURALS[keys[1]] if count and count > 1 else None
    if len(keys) == 2 and keys[0] in _ARTICLES and keys[1] in _ROUND_NUMERALS:
        return (1 + half) * _ROUND_NUMERALS[keys[1]]  # "uma centena e meia": 150
    if len(keys) == 1 and half and keys[0] in _ROUND_NUMERALS:
        return (1 + half) * _ROUND_NUMERALS[keys[0]]  # "mais de centena e meia de gravadores"
    factor = _scale_keys().get(keys[-1], 1.0)
    if len(keys) == 2 and factor > 1 and keys[0] in _HALVES:
        return 0.5 * factor
    if len(keys) == 3 and factor > 1 and keys[0] == "half" and keys[1] in {"a", "an"}:
        return 0.5 * factor  # "half a million naira"
    if len(keys) == 2 and keys[0] in _HALVES and keys[1] in _ROUND_NUMERALS:
        return 0.5 * _ROUND_NUMERALS[keys[1]]  # "medio centenar de bares": 50
    if len(keys) == 2 and factor > 1 and keys[0] in _ARTICLES | {"al", "el", "il", "le", "o"}:
        return (1 + half) * factor
    raw = article.text[words[0].start : words[-1].end]
    if any(c.isdigit() for c in raw) or "\n\n" in raw:
        return None
    try:
        value = float(text2num(raw.lower(), article.lang))
    except ValueError:
        return None
    return value + half * factor


def worded_number(text: str, lang: str) -> float | None:
    """The number `text` writes in words ("nove", "duas centenas"), read as counts are."""
    article = Article(text, lang)
    return _worded_value(article, article.tokens) if article.tokens else None


def _after_digits(article: Article, index: int) -> bool:
    """The token before `index` is a number in digits written just before it."""
    if index <= 0:
        return False
    previous, word = article.tokens[index - 1], article.tokens[index]
    return previous.text.isdigit() and _BLANK.fullmatch(article.text[previous.end : word.start]) is not None


_DEMONSTRATIVES = {
    fold(w)
    for w in ["these", "those", "ces", "questi", "queste", "quei", "quelle", "codesti", "estos", "estas",
              "esos", "esas", "aquellos", "aquellas", "estes", "esses", "essas", "aqueles", "aquelas",
              "diese", "jene"]
}  # fmt: skip


_DEFINITE_PLURALS = {"the", "les", "i", "gli", "le", "los", "las", "os", "as"}
_SMALL_BACK_REFERENCE = 2  # "the two": a pair just named; "the three searches" often first counts them
# Counts of people stay counts after "the": "the two men were arrested" is how a report
# first gives its arrests.
_NAMED_PEOPLE = {"people", "suspects", "arrests", "minors"}


# The rest of the item before: "17 dispositivos[ móviles, ]un vehículo".
_WORDED_SIZES = (5, 4, 3, 2, 1)  # words of a number, the longest first: "two hundred and sixty thousand"


_RANGE_TO = {"a", "to", "al", "ate", "ad"}


@cache
def _term_words() -> frozenset[str]:
    """The lexicon's one-word units of a prison term: years, months, weeks."""
    phrases = _unit_phrases()
    return frozenset(keys[0] for keys, unit in phrases if len(keys) == 1 and unit in _PRISON_TERM_UNITS)


def _end_of_a_range_of_terms(tokens: list[Token], article_word: int) -> bool:
    """'de três meses a um ano', 'd'un mois à un an': the law's scale or a span of terms,
    whose end is no term given on its own."""
    return (
        article_word >= 2
        and tokens[article_word - 1].key in _RANGE_TO
        and tokens[article_word - 2].key in _term_words()
    )


def _worded_figures(article: Article, used: list[tuple[int, int]]) -> list[Figure]:
    """'eighteen authorities', 'dix-huit pays', 'ocho millones de euros': a number in words
    right before a unit or a currency."""
    if article.lang not in _NUMBER_WORD_LANGS:
        return []
    found: list[Figure] = []
    tokens = article.tokens
    for i in range(1, len(tokens)):
        target = _unit_or_currency(article, i)
        if target is None or any(a <= tokens[i].start < b for a, b in used):
            continue
        first, end, unit = target
        for size in _WORDED_SIZES:
            words = tokens[max(0, first - size) : first]
            # "condenado a un año de prisión", "jailed for a year": the article counts one term
            one_term = (
                size == 1
                and len(words) == 1
                and words[0].key in _ARTICLES
                and unit in _PRISON_TERM_UNITS
                and "-" not in article.text[tokens[first].start : end]  # "a two-year term": the two counts
                and not _end_of_a_range_of_terms(tokens, first - 1)
            )
            if len(words) < size or (words[0].key in _ARTICLES and size == 1 and not one_term):
                continue
            if any(a <= words[0].start < b for a, b in used):
                continue
            if _after_digits(article, first - size):
                continue  # "374 million visits": the digits' figure, not "million visits"
            value = 1.0 if one_term else _worded_value(article, words)
            if value is None or (value <= 1 and not one_term):
                continue
            before = tokens[first - size - 1].key if first - size > 0 else None
            if before in _DEMONSTRATIVES:
                break  # "ces deux structures": the two named before, no new count
            if before in _DEFINITE_PLURALS and value <= _SMALL_BACK_REFERENCE and unit not in _NAMED_PEOPLE:
                break  # "the two companies filed a complaint": the ones just named
            value, end = _half_after_unit(article.text, value, end, unit)
            if currencies.needs_article(unit):
                figure = _money(article, value, unit, words[0].start, end, 1.0)
            elif unit in _PENALTY_UNITS and not _penalty_given(article, words[0].start, end, unit):
                figure = None
            else:
                figure = Figure(value, _counted(article, unit, words[0].start, end), words[0].start, end)
            if figure is not None:
                found.append(figure)
                used.append((words[0].start, end))
            break
    return found


# A total split into parts, each a count of the total's unit: "14 registros: ocho en Málaga,
# cuatro en Dinamarca y dos en Reino Unido", "cinco personas, tres de ellas en España",
# "13 buscas, nove domiciliárias e quatro não domiciliárias".
_PART_PLACE = {"in", "en", "em", "no", "na", "nos", "nas", "num", "numa", "nel", "nella", "nei", "negli", "a",
               "à",               "au", "aux", "at", "dans"}  # fmt: skip
_OF_THEM = [("de", "ellos"), ("de", "ellas"), ("deles",), ("delas",), ("of", "them"), ("d", "entre", "eux"),
            ("d", "entre", "elles"), ("di", "loro"), ("tra", "loro"),
            # "tre persone, due delle quali titolari": of whom
            ("delle", "quali"), ("dei", "quali"), ("of", "whom"), ("de", "los", "cuales"),
            ("de", "las", "cuales"), ("dos", "quais"), ("das", "quais")]  # fmt: skip
_ONE = {"one", "un", "une", "uno", "una", "um", "uma"}
_PART_SEPARATORS = re.compile(r"^[\s\u00a0)]*[,:;(][\s\u00a0]*$")  # "(RJ), 2 em SP"
_PART_REACH = 40  # tokens after the total where its parts may stand


def _split_parts(article: Article, figures: list[Figure], used: list[tuple[int, int]]) -> list[Figure]:
    found: list[Figure] = []
    for total in figures:
        if total.unit.isupper() or total.value < 2:
            continue  # money, or nothing to split
        for part in _parts_of(article, total, used):
            found.append(part)
            used.append((part.start, part.end))
    return found


def _placed_after_of_them(article: Article, j: int) -> bool:
    """'one of them in Porto' is a part where it stands; 'um deles continua detido', 'one of
    them' alone, is a person of the group, no count of its own."""
    tokens = article.tokens
    keys = [t.key for t in tokens[j : j + 3]]
    words = next((w for w in _OF_THEM if tuple(keys[: len(w)]) == w), None)
    if words is None:
        return True  # marked by a place or an origin, not by "of them"
    k = j + len(words)
    return k < len(tokens) and tokens[k].key in _PART_PLACE


def _parts_of(article: Article, total: Figure, used: list[tuple[int, int]]) -> list[Figure]:
    """The parts written after `total` in its sentence: each placed ("ocho en Málaga"), or
    "of them" ("tres de ellas"), or a list of them that adds up to the total exactly."""
    tokens = article.tokens
    first = article.token_index(total.end)
    placed: list[Figure] = []
    listed: list[Figure] = []
    opened = -1  # the token after "Entre elas há", "Among them were": the first part may stand there
    read_to = first  # the token after the last part read: "1.811" is one part, its dot no sentence end
    for i in range(first, min(len(tokens), first + _PART_REACH)):
        if i < read_to:
            continue
        if _sentence_ends(article, tokens[i - 1].end, tokens[i].start):
            among = _among_them(article, i)
            if among is None or placed or listed:
                break
            opened = (
                among  # "Onze presos. Entre elas há quatro de São Paulo...": the next sentence splits them
            )
            if opened != i:
                continue  # the part stands after the opener; else it opens the sentence
        if i < opened:
            continue
        if any(a <= tokens[i].start < b for a, b in used):
            if i > first:
                break  # another figure: the parts of this one are over
            continue
        if not (i in {first, opened} or _opens_part(article, i)):
            continue
        counted = _part_count(article, i)
        if counted is None:
            continue
        value, after = counted
        if value >= total.value or _unit_at(article, after, allow_gap=False) is not None:
            continue
        if _PERCENT.match(article.text, article.tokens[after - 1].end):
            continue  # "dont 70 % provenaient d'Asie": a share, not a count
        if _day_after_its_weekday(article, i):
            continue  # "quinta-feira (28) em três sebos"
        part = Figure(
            value, _role_of_them(article, after) or total.unit, tokens[i].start, tokens[after - 1].end
        )
        read_to = after
        of_whom = _of_whom_before(article, i) and tokens[i].key not in _ONE  # "dont un résident": an article
        alone = tokens[i].key in _ONE and not _placed_after_of_them(article, after)
        if (_part_marker(article, after) or of_whom) and not alone:
            placed.append(part)
        elif tokens[i].key not in _ONE:  # "un Allemand de 39 ans": an article, not a count
            listed.append(part)
    of_them = all(_of_them_after(article, article.token_index(p.end)) for p in placed)
    if placed and listed and of_them and sum(p.value for p in [*placed, *listed]) == total.value:
        # "46 siti web, 19 dei quali inibiti e 27 sequestrati": the rest after "of which"
        return sorted([*placed, *listed], key=lambda p: p.start)
    if placed and sum(p.value for p in placed) <= total.value:
        return placed
    if len(listed) >= 2 and sum(p.value for p in listed) == total.value:
        return listed
    return []


# Days count as a term set by a decision: "suspendre pendant 45 jours", "ont 7 jours pour",
# "plazo de 15 días"; not how long an action ran ("em três dias de ação").
_TERM_OF_DAYS_BEFORE = re.compile(
    r"\b(?:pendant|durant|for|durante|per|por|plazo|délai|within|entro|dentro de|suspendu\w*|suspend\w*"
    r"|sospes\w*|suspens\w*|ont|have|has|tiene|tienen|têm|tem|hanno|ha|havia|hacía|había)"
    r"(?:\s+[\w-]+){0,2}\s+(?:\(\s*)?$",
    re.IGNORECASE,
)
# ... and so do the days an investigation took: "30 dias de investigações", "45 jours d'enquête".
_OF_INVESTIGATION_AFTER = re.compile(
    r"\s+(?:de\s+investiga\w+|d['’]enquête|di\s+indagin\w+|of\s+investigation|of\s+inquiries)", re.IGNORECASE
)


def _terms_of_days_only(article: Article, figures: list[Figure]) -> list[Figure]:
    """Counts of days that are terms; a range's second end goes with its first ("15 a 20 días")."""
    terms = [f for f in figures if f.unit == "days" and _a_term_of_days(article, f)]
    return [
        f
        for f in figures
        if f.unit != "days" or f in terms or any(0 <= f.start - t.end <= _RANGE_GAP for t in terms)
    ]


_RANGE_GAP = 5  # " a ", " to ", "-"


def _a_term_of_days(article: Article, figure: Figure) -> bool:
    if _OF_INVESTIGATION_AFTER.match(article.text, figure.end):
        return True
    return _TERM_OF_DAYS_BEFORE.search(article.text[max(0, figure.start - 40) : figure.start]) is not None


_PERCENT = re.compile(
    r"\s*(?:%|per\s?cent\b|pour\s+cent\b|por\s+ciento\b|per\s+cento\b|por\s+cento\b|Prozent\b)", re.IGNORECASE
)


def _day_after_its_weekday(article: Article, i: int) -> bool:
    """Token i is a day of the month in brackets after its weekday: "quinta-feira (28)"."""
    text, tokens = article.text, article.tokens
    if i == 0 or text[tokens[i].start - 1 : tokens[i].start] != "(":
        return False
    return fold(text[: tokens[i].start - 1].rstrip().rsplit(" ", 1)[-1]) in _weekdays()


@cache
def _weekdays() -> frozenset[str]:
    names: set[str] = set()
    for lang in LANGUAGES:
        for width in ("wide", "abbreviated"):
            names.update(fold(name) for name in get_day_names(width, locale=lang).values())
    return frozenset(names)


def _sentence_ends(article: Article, end: int, start: int) -> bool:
    return re.search(r"[.!?]|\n\s*\n", article.text[end:start]) is not None


# "sept personnes, dont cinq en garde à vue", "15 indagati, di cui 4 arrestati": of whom.
_OF_WHOM = [
    ("dont",), ("di", "cui"), ("of", "whom"), ("of", "which"), ("de", "los", "cuales"),
    ("de", "las", "cuales"), ("dos", "quais"), ("das", "quais"), ("among", "whom"), ("tra", "cui"),
]  # fmt: skip


def _of_whom_before(article: Article, i: int) -> bool:
    keys = [t.key for t in article.tokens[max(0, i - 3) : i]]
    return any(tuple(keys[len(keys) - len(words) :]) == words for words in _OF_WHOM)


# "..., além de um na Bahia", "..., plus two in Leeds": a last part added to the list.
_ALSO = [("alem", "de"), ("ademas", "de"), ("oltre", "a"), ("as", "well", "as"), ("plus",), ("besides",)]


def _opens_part(article: Article, i: int) -> bool:
    """A part follows a comma, a colon, a bracket, "and", "as well as" or "of whom"."""
    tokens = article.tokens
    if _PART_SEPARATORS.match(article.text[tokens[i - 1].end : tokens[i].start]) or _of_whom_before(
        article, i
    ):
        return True
    for words in _ALSO:
        k = i - len(words)
        if k >= 1 and tuple(t.key for t in tokens[k:i]) == words:
            return _PART_SEPARATORS.match(article.text[tokens[k - 1].end : tokens[k].start]) is not None
    return (
        tokens[i - 1].key in _AND_WORDS
        and i >= 2
        and not any(c.isalnum() for c in article.text[tokens[i - 2].end : tokens[i - 1].start])
    )


_AND_WORDS = {"and", "et", "e", "y", "und"}


def _part_count(article: Article, i: int) -> tuple[float, int] | None:
    """(value, index after it) of a count written at token `i`, in digits or in words."""
    tokens = article.tokens
    if tokens[i].text.isdigit():
        # "dont 2 120 binaires": the whole number, its thousands separated
        number = _NUMBER.match(article.text, tokens[i].start)
        value = parse_number(number.group(), article.lang) if number else None
        if number is not None and value is not None:
            return value, article.token_index(number.end())
        return float(tokens[i].text), i + 1
    if tokens[i].key in _ONE:
        return 1.0, i + 1
    for size in (3, 2, 1):
        words = tokens[i : i + size]
        if len(words) == size and not any(w.text.isdigit() for w in words):
            value = _worded_value(article, words)
            if value is not None and value > 1:
                return value, i + size
    return None


def _part_marker(article: Article, j: int) -> bool:
    """A place or "of them" right after a part's number; or where they come from: "quatro de
    São Paulo", "two from Leeds"."""
    tokens = article.tokens
    keys = [t.key for t in tokens[j : j + 3]]
    if keys and keys[0] in _PART_PLACE:
        return True
    if (
        len(keys) >= 2
        and keys[0] in _FROM_PLACE
        and tokens[j + 1].text[0].isupper()
        and keys[1] not in _months()
    ):
        return True
    if tuple(keys[:2]) in _OF_ORIGIN:
        return True
    return any(tuple(keys[: len(words)]) == words for words in _OF_THEM)


_FROM_PLACE = {"from", "de", "do", "da", "di", "du", "des"}
# "18 de ellas de nacionalidad china y 13 de origen subsahariano": a part by where it comes from.
_OF_ORIGIN = {
    ("de", "origen"), ("de", "nacionalidad"), ("d", "origine"), ("de", "nationalite"), ("di", "origine"),
    ("di", "nazionalita"), ("de", "origem"), ("de", "nacionalidade"),
}  # fmt: skip
# A sentence that opens by saying its counts are part of the total before: "Entre elas há...".
_AMONG_THEM = [
    ("entre", "elas"), ("entre", "eles"), ("entre", "ellos"), ("entre", "ellas"), ("among", "them"),
    ("parmi", "eux"), ("parmi", "elles"), ("tra", "loro"), ("tra", "questi"), ("fra", "loro"),
    ("tra", "di", "loro"), ("entre", "los", "detenidos"), ("entre", "os", "presos"),
]  # fmt: skip
_AMONG_REACH = 2  # words (a verb: "há", "hay", "were") between the opener and the first part


def _of_them_after(article: Article, j: int) -> bool:
    keys = tuple(t.key for t in article.tokens[j : j + 3])
    return any(keys[: len(w)] == w for w in _OF_THEM)


def _role_of_them(article: Article, j: int) -> str | None:
    """'Four of them are shop owners': the unit a part of a count names after 'of them'."""
    tokens = article.tokens
    keys = tuple(t.key for t in tokens[j : j + 3])
    words = next((w for w in _OF_THEM if keys[: len(w)] == w), None)
    k = j + len(words) if words else len(tokens)
    if k + 1 >= len(tokens) or tokens[k].key not in _COPULAS:
        return None
    found = _unit_here(article, k + 1)
    return found[1] if found else None


def _part_of_them_opening(article: Article, i: int) -> int | None:
    """i, when the sentence opens on a part of the count before: "Cuatro de ellas se
    encargaban...", "Two of them ran the servers"."""
    counted = _part_count(article, i)
    if counted is None:
        return None
    return i if _of_them_after(article, counted[1]) else None


def _among_them(article: Article, i: int) -> int | None:
    """The index of the first token after an "among them" opener at token i, or None."""
    keys = [t.key for t in article.tokens[i : i + 3]]
    opener = next((w for w in _AMONG_THEM if tuple(keys[: len(w)]) == w), None)
    if opener is None:
        return _part_of_them_opening(article, i)
    j = i + len(opener)
    for k in range(j, min(j + _AMONG_REACH + 1, len(article.tokens))):
        if _part_count(article, k) is not None:
            return k
    return None


def _others(article: Article, figures: list[Figure], used: list[tuple[int, int]]) -> list[Figure]:
    """ "arrêté 11 personnes et interrogé 16 autres": a count of "others" is in the unit of
    the count before it in the sentence."""
    found = []
    tokens = article.tokens
    for i, token in enumerate(tokens):
        if any(a <= token.start < b for a, b in used):
            continue
        counted = _part_count(article, i)
        if counted is None or counted[1] >= len(tokens) or tokens[counted[1]].key not in _OTHER:
            continue
        value, after = counted
        sentence = article.whole_sentence_at(token.start)
        before = [f for f in figures if sentence.start <= f.start < token.start and not f.unit.isupper()]
        if value > 1 and before and _unit_at(article, after + 1, allow_gap=False) is None:
            nearest = max(before, key=lambda f: f.start)
            found.append(Figure(value, nearest.unit, token.start, tokens[after].end))
            used.append((token.start, tokens[after].end))
    return found


# "7.825 de ces disques", "2,000 of these DVDs": a part of what was counted just before.
_OF_THESE = re.compile(
    r"[ \u00a0]+(?:of these|of those|de ces|di questi|di queste|de estos|de estas|de esos|de esas"
    r"|destes|destas|desses|dessas|daqueles|daquelas)[ \u00a0]+\w+",
    re.IGNORECASE,
)
_OF_THESE_REACH = 300  # characters back to the count the part belongs to


def _parts_of_these(article: Article, figures: list[Figure], used: list[tuple[int, int]]) -> list[Figure]:
    """A count of "these" things is in the unit of the nearest count before it."""
    found = []
    for match in _numbers(article.text):
        if any(a <= match.start() < b for a, b in used):
            continue
        part = _OF_THESE.match(article.text, match.end())
        value = parse_number(match.group(), article.lang)
        if part is None or value is None:
            continue
        reach = range(match.start() - _OF_THESE_REACH, match.start() + 1)
        before = [f for f in figures if f.end in reach and not _is_money(f) and f.value > value]
        if before:
            nearest = max(before, key=lambda f: f.start)
            found.append(Figure(value, nearest.unit, match.start(), part.end()))
            used.append((match.start(), part.end()))
    return found


# "dos pisos de Salou, tres de Reus y otro de Cambrils": counts of the same unit, each placed.
_PLACE_NAME = r"[A-ZÀ-Ý][\w'’-]+(?:[ \u00a0]+[A-ZÀ-Ý][\w'’-]+)*"
_PLACED_AT = re.compile(rf"[ \u00a0]+(?:de|di|in|en|em|à|a)[ \u00a0]+{_PLACE_NAME}")
_ANOTHER_PLACED = re.compile(
    r"[ \u00a0]*(?:,|[ \u00a0](?:y|e|et|and))[ \u00a0]+(?P<count>\w+)"
    rf"[ \u00a0]+(?:de|di|in|en|em|à|a)[ \u00a0]+{_PLACE_NAME}"
)
_ANOTHER = {"otro", "otra", "another", "outro", "outra", "altro", "altra"}


def _more_places_counted(
    article: Article, figures: list[Figure], used: list[tuple[int, int]]
) -> list[Figure]:
    """After a count placed somewhere ("dos pisos de Salou"), the counts listed with only
    their place ("tres de Reus y otro de Cambrils") are in its unit."""
    found = []
    for figure in figures:
        placed = _PLACED_AT.match(article.text, figure.end)
        if placed is None or _is_money(figure):
            continue
        pos = placed.end()
        while (more := _ANOTHER_PLACED.match(article.text, pos)) is not None:
            word = more.group("count")
            if fold(word) in _ANOTHER:
                value: float | None = 1.0
            elif word.isdigit():
                value = parse_number(word, article.lang)
            else:
                value = worded_number(word, article.lang)
            if value is None or any(a <= more.start("count") < b for a, b in used):
                break
            found.append(Figure(value, figure.unit, more.start("count"), more.end()))
            used.append((more.start("count"), more.end()))
            pos = more.end()
    return found


# "seven men and one woman", "deux hommes et une femme": one count of people, summed.
_AND_ONE_PERSON = re.compile(
    r"(?i)\s+(?:and|et|e|y)\s+(?:a|an|one|un|une|uno|una|um|uma)\s+"
    r"(?:man|woman|person|homme|femme|personne|uomo|donna|persona|hombre|mujer|homem|mulher|pessoa)\b"
)


_GENDERED = re.compile(
    r"(?i)\b(?:men|women|hommes|femmes|uomini|donne|hombres|mujeres|homens|mulheres|man|woman|homme|femme|uomo|"
    r"donna|hombre|mujer|homem|mulher)$"
)


def _men_and_women_summed(
    article: Article, figures: list[Figure], used: list[tuple[int, int]]
) -> list[Figure]:
    """'Seven men and one woman were arrested', 'deux hommes et une femme', 'Eleven men and
    three women': one count of people, summed."""

    def gendered(figure: Figure) -> bool:
        return figure.unit == "people" and bool(_GENDERED.search(article.text[figure.start : figure.end]))

    result: list[Figure] = []
    summed: set[int] = set()
    for figure in figures:
        if id(figure) in summed:
            continue
        one_more = _AND_ONE_PERSON.match(article.text, figure.end) if gendered(figure) else None
        if one_more is not None:
            used.append((figure.end, one_more.end()))
            result.append(
                Figure(figure.value + 1, "people", figure.start, one_more.end(), figure.scale, figure.note)
            )
            continue
        other = next(
            (
                o
                for o in figures
                if gendered(figure)
                and gendered(o)
                and o.start > figure.end
                and _AND_BETWEEN.fullmatch(article.text[figure.end : o.start])
            ),
            None,
        )
        if other is None:
            result.append(figure)
            continue
        summed.add(id(other))
        value = figure.value + other.value
        result.append(Figure(value, "people", figure.start, other.end, figure.scale, figure.note))
    return result


_AND_BETWEEN = re.compile(r"(?i)\s+(?:and|et|e|y)\s+")


def _years_and_months_joined(article: Article, figures: list[Figure]) -> list[Figure]:
    """'three years and six months in prison', '6 anos e 8 meses', 'four years six months':
    one term, in years when the months make a quarter of a year, else in months."""
    months_of = {
        id(years): months
        for years in figures
        for months in figures
        if years.unit == "years"
        and months.unit == "months"
        and re.fullmatch(r"\s+(?:(?:and|et|e|y)\s+)?", article.text[years.end : months.start])
    }
    joined_months = {id(m) for m in months_of.values()}
    joined: list[Figure] = []
    for figure in figures:
        term = months_of.get(id(figure))
        if term is not None:
            total = figure.value * 12 + term.value
            value, unit = (total / 12, "years") if total % 3 == 0 else (total, "months")
            joined.append(Figure(value, unit, figure.start, term.end, 1.0, figure.note))
        elif id(figure) not in joined_months:
            joined.append(figure)
    return joined


# Units that count people by their trade or role: arrested, they are counted as people.
_PERSON_UNITS = {
    "members", "resellers", "distributors", "contributors", "operators", "salespersons", "shop owners",
    "traders", "employees", "workers", "technicians", "hackers", "uploaders", "moderators", "developers",
    "programmers", "students", "leaders", "intermediaries", "front men", "couriers", "accomplices",
    "collaborators",
}  # fmt: skip
_OBJECT_REACH = 3  # words between an arrest verb and its count: "detuvieron a los seis integrantes"


def _arrested_as_people(article: Article, figure: Figure) -> Figure:
    """'ont arrêté une centaine de commerçants', 'detuvieron a los seis integrantes': a
    count of people by their trade, right after an arrest verb, counts people."""
    if figure.unit not in _PERSON_UNITS:
        return figure
    tokens = article.tokens
    first = article.token_index(figure.start)
    before = tokens[max(0, first - _OBJECT_REACH) : first]
    if before and crosses_a_clause(article.text, before[0].start, figure.start):
        before = [t for t in before if not crosses_a_clause(article.text, t.end, figure.start)]
    verbs = {keys[0] for keys in cue_keys("arrest") if len(keys) == 1}
    if not any(t.key in verbs for t in before) and not _arrested_after(article, figure):
        return figure
    return Figure(figure.value, "people", figure.start, figure.end, figure.scale, figure.note)


_FATE_REACH = 5  # words after the count: "Dois funcionários foram levados à delegacia"


def _arrested_after(article: Article, figure: Figure) -> bool:
    """'Dois funcionários foram levados à delegacia', 'three vendors were arrested': the
    arrest told right after the count, in its clause."""
    tokens = article.tokens
    after = article.token_index(figure.end)
    following = [
        t.key
        for t in tokens[after : after + _FATE_REACH]
        if not crosses_a_clause(article.text, figure.end, t.start)
    ]
    return has_cue(following, "arrest") is not None


# After "arrested five": where the count ends, with no noun ("in Madrid", a comma, a stop).
_BARE_COUNT_END = {
    *("in", "on", "at", "after", "during", "last", "this", "yesterday", "en", "à", "au", "aux", "a", "ad"),
    *("em", "no", "na", "nel", "nella", "durante", "tras", "après", "dopo", "após"),
}


def _bare_counts_arrested(article: Article, used: list[tuple[int, int]]) -> list[Figure]:
    """'Police arrested five in Madrid', 'la policía detuvo a tres en Lima': a count right
    after an arrest verb, with no noun after it, counts people."""
    tokens = article.tokens
    verbs = {keys[0] for keys in cue_keys("arrest") if len(keys) == 1}
    found = []
    for i, token in enumerate(tokens[:-2]):
        if token.key not in verbs:
            continue
        j = i + 2 if tokens[i + 1].key == "a" and article.lang == "es" else i + 1
        if j + 1 >= len(tokens) or any(a <= tokens[j].start < b for a, b in used):
            continue
        value = _bare_count(article, tokens[j])
        gap = article.text[tokens[j].end : tokens[j + 1].start]
        ends = gap.strip() in {",", ".", ";"} or (gap == " " and tokens[j + 1].key in _BARE_COUNT_END)
        if value is not None and value > 1 and ends:
            found.append(Figure(value, "people", tokens[j].start, tokens[j].end))
            used.append((tokens[j].start, tokens[j].end))
    return found


_ONE_IN_ENGLISH = {"a", "an"}
# Between one person's noun and their fate: "has been", "a été", "è stato", "ha sido", "foi".
_SINGULAR_AUXILIARIES = {"was", "has", "had", "been", "is", "got", "a", "ete", "est", "e", "stato", "stata",
                         "fu", "viene", "fue", "ha", "sido", "resulto", "quedo", "foi", "acabou", "ficou",
                         "tem"}  # fmt: skip
# "un homme de 58 ans", "a man, 34,", "un uomo di 40 anni": the person's age after the noun.
_AGE_AFTER = re.compile(
    r"(?:\s+(?:âgée?\s+)?(?:de|di|d'|of|aged)\s*\d{1,2}\s*(?:ans|anni|años|anos|years(?:\s+old)?)?|\s*,\s*\d{1,2}\s*,)",
    re.IGNORECASE,
)
_ONE_SUSPECT = {"suspect", "sospechoso", "suspeito", "sospettato"}
_AUXILIARIES_REACH = 3  # between one person's noun and their fate: "has been", "è stato"


@cache
def _one_person_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon()["one_person"])


def _one_person_by_fate(article: Article, used: list[tuple[int, int]]) -> list[Figure]:
    """'A man has been arrested', 'un homme de 58 ans a été arrêté', 'uma pessoa foi presa':
    one person named by a singular noun, then what happened to them, is a count of one."""
    tokens = article.tokens
    nouns = _one_person_nouns()
    ones = _ONE | (_ONE_IN_ENGLISH if article.lang == "en" else set())
    found = []
    for i, token in enumerate(tokens[:-2]):
        noun = tokens[i + 1]
        if token.key not in ones or noun.key not in nouns or any(a <= token.start < b for a, b in used):
            continue
        age = _AGE_AFTER.match(article.text, noun.end)
        j = article.token_index(age.end()) if age else i + 2
        start = j
        while j < len(tokens) and j - start < _AUXILIARIES_REACH and tokens[j].key in _SINGULAR_AUXILIARIES:
            j += 1
        if j == start or j >= len(tokens) or crosses_a_clause(article.text, noun.end, tokens[j].start):
            continue
        if has_cue([t.key for t in tokens[j : j + _FATE_WORDS]], "fate") == 0:
            unit = "suspects" if noun.key in _ONE_SUSPECT else "people"  # the text counts suspects
            found.append(Figure(1.0, unit, token.start, noun.end))
            used.append((token.start, noun.end))
    return found


def _bare_count(article: Article, token: Token) -> float | None:
    if token.text.isdigit() and len(token.text) <= 3:
        return float(token.text)
    if token.text.islower() and article.lang in _NUMBER_WORD_LANGS:
        return _worded_value(article, [token])
    return None


def _elided_heads(article: Article, used: list[tuple[int, int]]) -> list[Figure]:
    """'4 mandados de prisão preventiva, 3 de prisão temporária e 10 de busca e apreensão',
    'os mandados: 4 de prisão e 10 de busca': a count followed by "de" and the rest of a unit
    whose first word stands earlier in the sentence ("mandados") counts that unit."""
    tokens = article.tokens
    found: list[Figure] = []
    for j in range(1, len(tokens) - 1):
        if tokens[j + 1].key not in _CONNECTORS or not _NUMBER.fullmatch(tokens[j].text):
            continue
        if any(a <= tokens[j].start < b for a, b in used):
            continue
        value = parse_number(tokens[j].text, article.lang)
        first = article.token_index(article.sentence_at(tokens[j].start).start)
        heads = [tokens[k].key for k in range(j - 1, first - 1, -1) if tokens[k].key in _unit_heads()]
        unit = next((u for u in (_unit_after_head(article, h, j + 1) for h in heads) if u), None)
        if unit is not None and value is not None:
            end, name = unit
            found.append(Figure(value, _counted(article, name, tokens[j].start), tokens[j].start, end))
            used.append((tokens[j].start, end))
    return found


# "32.000 copias de música, 17.000 de películas", "336.000 copias musicales y 197.000 de
# vídeo": a count right after another, its noun left out before "de", counts the same noun.
_LIST_LINK = re.compile(r"^(?:\s+[^\W\d_]+){1,4}\s*(?:,|\s(?:y|e|et|and|ed|o|ou|or))\s*$")
_OF_WHAT = re.compile(r"\s+(?:de|di|of|da|do|du|d['’])\s*[^\W\d_]")
_SHARED_NOUNS = {
    "copies",
    "discs",
    "CDs",
    "DVDs",
    "works",
    "films",
    "songs",
    "books",
    "units",
    "items",
    "pieces",
}


def _counts_sharing_a_noun(
    article: Article, figures: list[Figure], used: list[tuple[int, int]]
) -> list[Figure]:
    found: list[Figure] = []
    for match in _numbers(article.text):
        if any(a <= match.start() < b for a, b in used) or not _OF_WHAT.match(article.text, match.end()):
            continue
        value = parse_number(match.group(), article.lang)
        sentence = article.sentence_at(match.start())
        before = [
            f
            for f in figures
            if sentence.start <= f.start and f.end <= match.start() and f.unit in _SHARED_NOUNS
        ]
        if value is None or not before:
            continue
        last = max(before, key=lambda f: f.end)
        if _LIST_LINK.match(article.text[last.end : match.start()]):
            found.append(Figure(value, last.unit, match.start(), match.end()))
            used.append((match.start(), match.end()))
    return found


@cache
def _unit_heads() -> frozenset[str]:
    """The first words of units of several words joined by "de": "mandados (de busca)"."""
    phrases = _unit_phrases()
    return frozenset(keys[0] for keys, _ in phrases if len(keys) > 2 and keys[1] in _CONNECTORS)


def _unit_after_head(article: Article, head: str, index: int) -> tuple[int, str] | None:
    """(end, unit) of a unit phrase starting with `head` whose other words start at `index`."""
    for keys, unit in _unit_phrases_by_first().get(head, ()):
        if len(keys) > 2 and _starts_with(article, index, keys[1:]):
            return article.tokens[index + len(keys) - 2].end, unit
    return None
