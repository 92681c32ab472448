"""Targets listed after a colon, in a passage saying what they are and what was done to them:
"Les télévisions sanctionnées sont établies à Kinshasa... On y trouve notamment : Bsport TV,
CRTV, Central TV ; ...", "The blocked sites: X, Y and Z." The passage before the colon (its
sentence and the one before) holds a plural word for services ("chaînes", "sites") and a
word for a sanction ("sanctionnées", "blocked"); the list goes on over lines of the form
"<place> (<count>) : A, B, C ;" and ends at the first item that is no short capitalised
name. Names the lexicon knows are left to it.

Lists opened by "among them", "such as" or "namely" after such a plural word ("52 siti ...
Nell'elenco figurano piattaforme come 9anime, Aniwave e Miruro"), or by a verb of blocking
("font bloquer X, Y et Z"), are read the same way; their items may also be domains and
lowercase names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Literal

from extraction.facts import Fact, Span
from extraction.lexicon import Match, lexicon, phrase_keys
from extraction.text import Article, Sentence, Token
from graph.model.schema import Label

_MIN_ITEMS = 3  # fewer is no list worth reading
# An item: a capitalised word (or a number, "10ème Rue TV") and up to four more words.
_ITEM = re.compile(r"[A-ZÀ-Ý0-9][\w+&'’.@-]*(?:[ \u00a0]+[\w+&'’.@-]+){0,4}")
_SEPARATOR = re.compile(r"[ \u00a0]*[,;][ \u00a0]*|[ \u00a0]+(?:y|e|et|and|o|ou|or)[ \u00a0]+")
# "Kinshasa (11) :", "Kolwezi & Likasi (3) :": a line's heading, its place and count.
_LINE_HEADING = re.compile(r"[ \u00a0]*[A-ZÀ-Ý][^\n:()]{0,40}\(\d{1,3}\)[ \u00a0]*:[ \u00a0]*")


@cache
def _words(*names: str) -> frozenset[str]:
    """The first word of each entry of the lexicon's lists `names`, as a key: the plural
    words for services, the words of sanction, the verbs of blocking."""
    return frozenset(phrase_keys(w)[0] for name in names for w in lexicon()[name])


def listed_targets(article: Article, matches: list[Match]) -> list[Fact]:
    known = [(m.start, m.end) for m in matches]
    facts: list[Fact] = []
    lists = [
        _items_after(article.text, colon.end())
        for colon in re.finditer(r":[ \u00a0]*\n?", article.text)
        if _says_targets_were_sanctioned(article, colon.start())
    ]
    lists += [
        _items_in_sentence(article, opener.end()) for opener in _named_by_a_copula().finditer(article.text)
    ]
    lists += [
        _items_before_a_colon(article, colon.start()) for colon in re.finditer(r"[ \u00a0]*:", article.text)
    ]
    others = [(m.start, m.end) for m in matches if m.entry.label in {Label.ORGANIZATION, Label.AGENCY}]
    by_sentence = _tokens_of_sentences(article)
    lists += [
        _items_after_an_opener(article, sentence, tokens, by_sentence[n - 1] if n else [], others)
        for n, (sentence, tokens) in enumerate(zip(article.sentences, by_sentence, strict=True))
    ]
    lists += [
        _sites_listed(article, t.end, article.sentence_at(t.start).end, others)
        for t in article.tokens
        if t.key in _words("target_list_block_verbs")
    ]
    for start, end in (item for items in lists for item in items):
        if any(s < end and start < e for s, e in known) or any(f.spans[0].start == start for f in facts):
            continue
        note = "listed after a passage saying these services were sanctioned: check each is a target"
        facts.append(_listed_target(article, start, end, "medium", note))
    return facts


# "Las plataformas bloqueadas son X, Y y Z", "the sites seized were X, Y and Z": the plural
# word for services, its sanction and a copula open the list as a colon does.
_COPULAS = "son|fueron|are|were|sont|étaient|ont été|sono|erano|furono|são|eram|foram"


@cache
def _named_by_a_copula() -> re.Pattern[str]:
    nouns = "|".join(sorted(lexicon()["target_list_nouns"], key=len, reverse=True))
    sanctions = "|".join(sorted(lexicon()["target_list_sanctions"], key=len, reverse=True))
    return re.compile(
        rf"\b(?i:{nouns})[ \u00a0]+(?i:{sanctions})[ \u00a0]+(?:{_COPULAS})[ \u00a0]+(?=[A-ZÀ-Ý0-9])"
    )


def _items_before_a_colon(article: Article, colon: int) -> list[tuple[int, int]]:
    """'Dadyflix, Dustreaming, Streamiz ... et Wawacity : ce ne sont là que quelques-uns des
    sites dont le tribunal a ordonné le blocage.': a sentence opening on a list of names, which
    the words after the colon call services and sanctioned."""
    sentence = article.sentence_at(colon)
    after = {t.key for t in article.tokens if colon < t.start < sentence.end}
    if not (
        after & _words("target_list_nouns")
        and after & _words("target_list_sanctions", "target_list_sanction_nouns")
    ):
        return []
    line = article.text[sentence.start : colon]
    pieces = _pieces(line, sentence.start)
    named = [(a, b) for a, b in pieces if _NAME.fullmatch(article.text[a:b])]
    # "des variantes de Zonetelechargement": a piece that is no name is left out, not the list
    return named if len(named) >= _MIN_ITEMS and len(named) >= len(pieces) - 1 else []


def _items_in_sentence(article: Article, pos: int) -> list[tuple[int, int]]:
    """(start, end) of each item of a list from `pos` to the end of its sentence, when every
    piece is a short capitalised name."""
    end = article.sentence_at(pos).end
    line = article.text[pos:end].rstrip(" \u00a0;.\n")
    pieces = _pieces(line, pos)
    if len(pieces) < _MIN_ITEMS or not all(_ITEM.fullmatch(article.text[a:b]) for a, b in pieces):
        return []
    return pieces


# Words between the plural and "among them": "22 serviços de streaming e de TV pirata, entre os quais".
_OPENER_REACH = 12
# One site in such a list: a domain ("yts.mx"), a run of capitalised or digit-led words
# ("Anime Salt", "9anime", "Super TV Premium") or one lowercase word ("nswdl", "game-2u").
_SITE = re.compile(
    r"[\w-]+(?:\.[\w-]+)+"
    r"|[A-ZÀ-Ý0-9][\w+&'’-]*(?:[ \u00a0][A-ZÀ-Ý0-9][\w+&'’-]*){0,3}"
    r"|[a-z][a-z0-9-]{3,}"
)


def _items_after_an_opener(
    article: Article,
    sentence: Sentence,
    tokens: list[Token],
    before: list[Token],
    others: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """'obbliga i provider a bloccare 52 siti ... Nell'elenco figurano piattaforme come 9anime,
    Aniwave e Miruro', 'tirou do ar 22 serviços ..., entre os quais BTV, Red Play e Blue TV':
    a plural word for services among the sentence's `tokens`, then "among them" or "such as",
    in a passage (the sentence and the tokens `before` it) that speaks of a sanction."""
    plurals = [n for n, t in enumerate(tokens) if t.key in _words("target_list_nouns")]
    sanctions = _words("target_list_sanctions", "target_list_sanction_nouns", "target_list_sanction_verbs")
    if not plurals or not any(t.key in sanctions for t in (*before, *tokens)):
        return []
    for k in range(plurals[0] + 1, len(tokens)):
        if k - max(n for n in plurals if n < k) > _OPENER_REACH:
            continue
        opener = next((o for o in _openers() if tuple(t.key for t in tokens[k : k + len(o)]) == o), None)
        if opener is not None:
            return _sites_listed(article, tokens[k + len(opener) - 1].end, sentence.end, others)
    return []


def _tokens_of_sentences(article: Article) -> list[list[Token]]:
    """The tokens of each sentence, in one pass over the article."""
    starts = [s.start for s in article.sentences]
    grouped: list[list[Token]] = [[] for _ in starts]
    for token in article.tokens:
        n = bisect_right(starts, token.start) - 1
        if n >= 0 and token.start < article.sentences[n].end:
            grouped[n].append(token)
    return grouped


def _sites_listed(
    article: Article, start: int, end: int, others: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sites listed from `start`, up to the first piece that is no site's name; none when
    the lexicon knows one name as a company or a body ("plateformes comme MONO, Netflix et
    Channel 3" lists the channels pirated)."""
    line = article.text[start:end].rstrip(" \u00a0;.\n")
    items: list[tuple[int, int]] = []
    for n, (piece_start, b) in enumerate(_pieces(line, start)):
        piece = article.text[piece_start:b]
        a = piece_start + len(piece) - len(piece.lstrip(" \u00a0,:"))
        if n == 0:  # "il s'agirait notamment de 1337x, Soap2day..."
            a += _leading_of(article.text[a:b])
        if not _SITE.fullmatch(article.text[a:b]):
            # "... LimeTorrents et TorrentFunk en France": the last name, then the sentence goes on
            last = _SITE.match(article.text, a, b)
            goes_on = last is not None and _GOES_ON.match(article.text[last.end() : b]) is not None
            if last and goes_on and items and not article.text[a].islower():
                items.append((a, last.end()))
            break
        items.append((a, b))
    if any(s < b and a < e for a, b in items for s, e in others):
        return []
    return items if len(items) >= _MIN_ITEMS else []


_GOES_ON = re.compile(r"[ \u00a0]+[a-zà-ÿ]")  # a lowercase word after the last name
_OF = re.compile(r"(?:de|di|of)[ \u00a0]+|d['’]")


def _leading_of(piece: str) -> int:
    """The length of a "de" opening a list's first piece, when a name follows it."""
    of = _OF.match(piece)
    return of.end() if of and of.end() < len(piece) else 0


@cache
def _openers() -> list[tuple[str, ...]]:
    words = lexicon()["among_them_openers"] + lexicon()["example_words"] + lexicon()["namely_words"]
    return sorted({phrase_keys(w) for w in words}, key=len, reverse=True)


def _pieces(line: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each piece of a list written in `line`, between its commas and "and"s,
    counted from `offset`."""
    cuts = [0] + [p for m in _SEPARATOR.finditer(line) for p in (m.start(), m.end())] + [len(line)]
    return [(offset + cuts[k], offset + cuts[k + 1]) for k in range(0, len(cuts), 2)]


def _listed_target(
    article: Article, start: int, end: int, confidence: Literal["medium", "low"], note: str
) -> Fact:
    name = article.text[start:end]
    data = {"label": Label.GROUP, "kind": "streaming site", "country": None}
    return Fact("group", name, [Span(start, end, name)], confidence, [note], data)


def _says_targets_were_sanctioned(article: Article, colon: int) -> bool:
    """The colon's sentence and the one before speak of services and of a sanction."""
    sentences = [s for s in article.sentences if s.start <= colon]
    if not sentences:
        return False
    start = sentences[-2].start if len(sentences) > 1 else sentences[-1].start
    keys = {t.key for t in article.tokens if start <= t.start < colon}
    return bool(keys & _words("target_list_nouns")) and bool(
        keys & _words("target_list_sanctions", "target_list_sanction_verbs")
    )


def _items_after(text: str, pos: int) -> list[tuple[int, int]]:
    """(start, end) of each item of the list from `pos`, over headed lines."""
    items: list[tuple[int, int]] = []
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    while True:
        heading = _LINE_HEADING.match(text, pos)
        if heading:
            pos = heading.end()
        line = text[pos:line_end].rstrip(" \u00a0;.")
        pieces = _pieces(line, 0)
        for start, end in pieces:
            if not _ITEM.fullmatch(line[start:end]):
                return items if len(items) >= _MIN_ITEMS else []
            items.append((pos + start, pos + end))
        if line_end >= len(text) or not _LINE_HEADING.match(text, line_end + 1):
            break
        pos = line_end + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
    return items if len(items) >= _MIN_ITEMS else []


@cache
def _and_many_more() -> re.Pattern[str]:
    words = sorted(lexicon()["and_many_more"], key=len, reverse=True)
    return re.compile(
        r"[ \u00a0]*,?[ \u00a0]+(?:" + "|".join(re.escape(w) for w in words) + r")[ \u00a0]*[.!…]*$"
    )


def named_in_a_list_of_its_own(article: Article, matches: list[Match]) -> list[Fact]:
    """'Altadefinizione, Cineblog, DirettaCalcioStreaming, filmsenzalimiti e molti altri
    ancora.': a sentence that is only a list of names and "and many more", opening a report
    on services, names its targets. Not when the lexicon knows one name as other than a target."""
    known = [(m.start, m.end) for m in matches if m.entry.label != Label.GROUP]
    facts: list[Fact] = []
    for sentence in article.sentences:
        text = article.text[sentence.start : sentence.end].rstrip()
        closing = _and_many_more().search(text)
        if closing is None:
            continue
        line = text[: closing.start()]
        pieces = _pieces(line, sentence.start)
        if len(pieces) < _MIN_ITEMS or not all(_NAME.fullmatch(article.text[a:b]) for a, b in pieces):
            continue
        if any(s < b and a < e for a, b in pieces for s, e in known):
            continue
        note = "listed on its own, with 'and many more': check it is a target of the operation"
        facts += [_listed_target(article, start, end, "low", note) for start, end in pieces]
    return facts


# One name, as a list of its own writes it: a word of letters and digits, "roja-directa"
# in lower case too, at most two words.
_NAME = re.compile(r"[\w][\w+&'’.@-]*(?:[ \u00a0][A-ZÀ-Ý0-9][\w+&'’.@-]*)?")
