"""Rights holders listed at the end of a sentence that opens by saying what they are:
"Entre las señales retransmitidas ilegalmente figuraban America TV, AXN, Canal 26 y
Warner, entre otras." The list is read back from the sentence's end, item by item, while
each item is a short capitalised name; names the lexicon knows are left to it.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from extraction.facts import Fact, Span
from extraction.lexicon import Match, legal_forms, lexicon, phrase_keys, rights_company_words
from extraction.names import small_count
from extraction.text import Article
from graph.model.ids import fold
from graph.model.schema import Label

_AMONG = {"among", "amongst", "parmi", "tra", "fra", "entre"}
_PLURAL_ARTICLES = {"the", "les", "i", "gli", "le", "los", "las", "os", "as"}
_MIN_ITEMS = 3  # fewer is no list worth reading back
# An item: a capitalised word (or a number, "Canal 26") and up to three more words.
_ITEM = re.compile(r"[A-ZÀ-Ý0-9][\w+&'’.-]*(?:\s+[\w+&'’.-]+){0,3}")
_SEPARATOR = re.compile(r",\s*|\s+(?:y|e|et|and|o|ou|or)\s+")
# The first item's capitalised words open with a letter, not a number: "presentaron en 2006
# Arista Records, ...". Words apart by required spaces: with optional ones, a long
# capitalised run splits in exponentially many ways before a failed match gives up.
_CAPITALISED_TAIL = re.compile(r"[A-ZÀ-Ý][\w+&'’.-]*(?:\s+[A-ZÀ-Ý0-9][\w+&'’.-]*)*\s*$")


@cache
def _rights_holder_words() -> set[tuple[str, ...]]:
    return {phrase_keys(w) for w in lexicon()["rights_holder_words"]}


@cache
def _closing_words() -> re.Pattern[str]:
    words = sorted(lexicon()["among_them_words"], key=len, reverse=True)
    return re.compile(r",?\s*(?:" + "|".join(re.escape(w) for w in words) + r")\s*$", re.IGNORECASE)


def rights_holders_closing_a_sentence(article: Article, matches: list[Match]) -> list[Fact]:
    known = [(m.start, m.end) for m in matches]
    facts = []
    for sentence in article.sentences:
        if not _opens_with_rights_holder_word(article, sentence.start):
            continue
        text = article.text[sentence.start : sentence.end].rstrip().rstrip(".")
        text = _closing_words().sub("", text)
        for first, last in _items_from_the_end(text):
            start, end = first + sentence.start, last + sentence.start
            if any(s < end and start < e for s, e in known):
                continue
            note = "listed as one of the works or signals pirated: check it is a rights holder"
            facts.append(_listed_rights_holder(article, start, end, note))
    return facts


def _listed_rights_holder(article: Article, start: int, end: int, note: str) -> Fact:
    name = article.text[start:end]
    data = {"label": Label.ORGANIZATION, "kind": None, "country": None}
    return Fact("rights_holder", name, [Span(start, end, name)], "low", [note], data)


def _opens_with_rights_holder_word(article: Article, start: int) -> bool:
    """'Entre las señales...', 'Among the broadcasters...'."""
    tokens = [t for t in article.tokens if t.start >= start][:5]
    if len(tokens) < 3 or tokens[0].key not in _AMONG or tokens[1].key not in _PLURAL_ARTICLES:
        return False
    keys = tuple(t.key for t in tokens[2:])
    return any(keys[: len(words)] == words for words in _rights_holder_words())


def _items_from_the_end(text: str) -> list[tuple[int, int]]:
    """(start, end) of each item of the list that closes `text`, read from its end."""
    cuts = [0] + [p for m in _SEPARATOR.finditer(text) for p in (m.start(), m.end())] + [len(text)]
    pieces = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    items: list[tuple[int, int]] = []
    form_end = None  # the end of a legal form read just before, which joins this item
    for start, piece_end in reversed(pieces):
        # "Columbia Pictures Industries, Inc.": a legal form after a comma ends the name before it
        if fold(text[start:piece_end]) in legal_forms():
            form_end = piece_end if form_end is None else form_end
            continue
        end = piece_end if form_end is None else form_end
        form_end = None
        piece = text[start:end]
        if _ITEM.fullmatch(piece):
            items.append((start, end))
            continue
        # The first item follows the sentence's verb: "figuraban America TV".
        tail = _CAPITALISED_TAIL.search(piece)
        if tail and tail.start() > 0 and piece[tail.start() - 1] == " ":
            items.append((start + tail.start(), start + len(piece.rstrip())))
        break
    return sorted(items) if len(items) >= _MIN_ITEMS else []


# Rights holders, known or named as owners, before the others listed with them count.
_KNOWN_IN_A_FILLED_LIST = 3


def _says_it_owns_works(name: str) -> bool:
    """'Arista Records', 'Elektra Entertainment Group': a word of the name says it owns works."""
    return any(fold(word) in rights_company_words() for word in name.split())


def rights_holders_filling_a_list(article: Article, matches: list[Match]) -> list[Fact]:
    """'parmi lesquelles Gaumont, UGC, Pathé, Columbia, Paramount, Tristar, Disney...': in a
    list closing a sentence, mostly of rights holders the lexicon knows or whose names say
    they own works ('Arista Records'), the other names are rights holders too."""
    holders = [(m.start, m.end) for m in matches if m.entry.label == Label.ORGANIZATION]
    others = [(m.start, m.end) for m in matches if m.entry.label != Label.ORGANIZATION]
    facts = []
    for sentence in article.sentences:
        text = article.text[sentence.start : sentence.end].rstrip().rstrip(".")
        items = [(a + sentence.start, b + sentence.start) for a, b in _items_from_the_end(text)]
        known = [i for i in items if any(s < i[1] and i[0] < e for s, e in holders)]
        owners = [i for i in items if i not in known and _says_it_owns_works(article.text[i[0] : i[1]])]
        if len(known) + len(owners) < _KNOWN_IN_A_FILLED_LIST or (len(known) + len(owners)) * 2 < len(items):
            continue
        if any(s < b and a < e for a, b in items for s, e in others):
            continue
        for start, end in items:
            if (start, end) not in known:
                note = "listed with rights holders: check it is one"
                facts.append(_listed_rights_holder(article, start, end, note))
    return facts


# "le Syndicat national de l'édition (SNE) et neuf de ses membres, Casterman, Crunchyroll, ...":
# a count of an industry body's members, then as many names.
_MEMBERS = re.compile(
    r"\b(\w+)\s+(?:de ses |of its |dei suoi |delle sue |de sus |dos seus |de seus |das suas )?"
    r"(?:membres|members|membri|miembros|membros)\s*,\s*",
    re.IGNORECASE,
)
_MEMBER = re.compile(r"([A-ZÀ-Ý0-9][\w+&'’.-]*(?: [A-ZÀ-Ý0-9][\w+&'’.-]*){0,2})(?:\s*\([^()\n]{1,30}\))?")
_MEMBER_SEPARATOR = re.compile(r",\s*|\s+(?:et|and|e|y)\s+")


def rights_holders_counted_as_members(article: Article, matches: list[Match]) -> list[Fact]:
    """The members an industry body is said to have acted with, listed after their count:
    each is a rights holder when the list holds exactly as many names as the count says."""
    others = [(m.start, m.end) for m in matches if m.entry.label != Label.ORGANIZATION]
    facts = []
    for found in _MEMBERS.finditer(article.text):
        count = small_count(article, article.tokens[article.token_index(found.start(1))]) or 0
        items = _members_after(article.text, found.end(), count) if count else []
        if len(items) != count or any(s < b and a < e for a, b in items for s, e in others):
            continue
        note = "listed as one of the industry body's members who acted: check it is a rights holder"
        facts += [_listed_rights_holder(article, a, b, note) for a, b in items]
    return facts


def _members_after(text: str, pos: int, count: int) -> list[tuple[int, int]]:
    items: list[tuple[int, int]] = []
    while len(items) <= count:  # one more than counted, if the list goes on, refuses it
        item = _MEMBER.match(text, pos)
        if item is None:
            break
        items.append((item.start(1), item.end(1)))
        separator = _MEMBER_SEPARATOR.match(text, item.end())
        if separator is None:
            break
        pos = separator.end()
    return items


# Names between two rights holders of one list: "Sky, Virgin, BT and the Premier League".
_BETWEEN = re.compile(
    r"(?:\s*,\s*[A-ZÀ-Ý0-9][\w+&'’.-]*(?:\s+[A-ZÀ-Ý0-9][\w+&'’.-]*){0,2})+"
    r"\s*,?\s*(?:and|et|e|y|&)?\s*(?:the|le|la|les|il|lo|el|o|a)?\s*"
)
_BETWEEN_NAME = re.compile(r"[A-ZÀ-Ý0-9][\w+&'’.-]*(?:\s+[A-ZÀ-Ý0-9][\w+&'’.-]*){0,2}")


def rights_holders_between_known(article: Article, matches: list[Match]) -> list[Fact]:
    """'FACT, Sky, Virgin, BT and the Premier League': the names a list holds between two
    rights holders the lexicon knows are rights holders too."""
    holders = sorted((m for m in matches if m.entry.label == Label.ORGANIZATION), key=lambda m: m.start)
    others = [(m.start, m.end) for m in matches if m.entry.label != Label.ORGANIZATION]
    facts = []
    for first, last in pairwise(holders):
        between = article.text[first.end : last.start]
        if not _BETWEEN.fullmatch(between) or "\n" in between:
            continue
        for name in _BETWEEN_NAME.finditer(between):
            start, end = first.end + name.start(), first.end + name.end()
            if name.group() in _LIST_WORDS or any(s < end and start < e for s, e in others):
                continue
            note = "listed between rights holders the lexicon knows: check it is one"
            facts.append(_listed_rights_holder(article, start, end, note))
    return facts


_LIST_WORDS = {"The", "Le", "La", "Les", "Il", "Lo", "El", "O", "A"}
