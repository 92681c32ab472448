"""Article text: words with their offsets, sentences, and the article's language.

Offsets always index the text exactly as given: nothing here changes its length, so a
span's `start:end` slices the original article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from graph.model.ids import fold

# A word: letters and digits (with combining accents), or the "+" of "Disney+".
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+|\+")
_HEADLINE_WORDS = 4  # words of four letters or more a title-case line holds at least
_HEADLINE_CAPITALS = 0.8  # the share of them capitalised
# A sentence ends at . ! ? or … followed by space, or at a line break (titles, headings).
_SENTENCE_END = re.compile(r"(?<=[.!?…»\"])\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])|\n+")

_STOPWORDS = {
    "fr": {
        "le",
        "la",
        "les",
        "des",
        "du",
        "et",
        "est",
        "une",
        "dans",
        "pour",
        "qui",
        "que",
        "sur",
        "pas",
        "avec",
        "été",
    },
    "en": {
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "was",
        "were",
        "for",
        "that",
        "with",
        "by",
        "on",
        "has",
        "have",
        "from",
    },
    "it": {"il", "di", "che", "della", "per", "con", "sono", "gli", "nel", "delle", "una", "anche"},
    "es": {"el", "los", "del", "las", "por", "con", "para", "una", "según", "fue", "como", "sus"},
    "de": {"der", "die", "und", "das", "den", "mit", "von", "ist", "wurde", "nicht", "auch", "eine"},
    "pt": {"os", "do", "da", "das", "dos", "em", "com", "para", "uma", "foi", "não", "pela"},
}
_FOLDED_STOPWORDS = {lang: {fold(w) for w in words} for lang, words in _STOPWORDS.items()}
LANGUAGES = tuple(_STOPWORDS)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @cached_property
    def key(self) -> str:
        return self.text if self.text == "+" else fold(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


class Article:
    """The text, its words and sentences, computed once."""

    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.tokens = [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        self.sentences = _sentences(text)

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return Sentence(0, len(self.text))

    @cached_property
    def whole_sentences(self) -> list[Sentence]:
        """The sentences with the lines of a wrapped paragraph joined: a line ending with no
        stop goes on in the next one ("La polizia croata ha / dato esecuzione...")."""
        joined: list[Sentence] = []
        for sentence in self.sentences:
            if joined and _runs_on(self.text, joined[-1].end, sentence.start):
                joined[-1] = Sentence(joined[-1].start, sentence.end)
            else:
                joined.append(sentence)
        return joined

    def whole_sentence_at(self, offset: int) -> Sentence:
        for sentence in self.whole_sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return Sentence(0, len(self.text))

    def sentence_text(self, offset: int) -> str:
        sentence = self.sentence_at(offset)
        return self.text[sentence.start : sentence.end]

    def in_first_line(self, offset: int) -> bool:
        """On the article's first line when it reads as a title (no full stop ends it)."""
        start = len(self.text) - len(self.text.lstrip())
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        return start <= offset < end and not self.text[start:end].rstrip().endswith(".")

    def in_headline(self, offset: int) -> bool:
        """In a title-case line ("Attorney Unveils Charges Against Piracy Group"): its
        capitals say nothing about names."""
        line = self.sentence_text(offset).strip()
        long_words = [w for w in _WORD.findall(line) if len(w) > 3]
        return (
            not line.endswith(".")  # a headline has no full stop
            and line[:1].isupper()  # a wrapped line of running text may start in lowercase
            and len(long_words) >= _HEADLINE_WORDS
            and sum(w[0].isupper() for w in long_words) >= _HEADLINE_CAPITALS * len(long_words)
        )

    def token_index(self, offset: int) -> int:
        """The index of the first token that starts at or after `offset`."""
        for i, token in enumerate(self.tokens):
            if token.start >= offset:
                return i
        return len(self.tokens)


# "on Nov. 3", "le 3 janv. 2024": an abbreviated month's dot before a number ends no sentence.
_MONTH_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janv|févr|avr|juil|sept|oct|nov|déc)\.$",
    re.IGNORECASE,
)


# A title or an abbreviation whose dot ends no sentence: "Dr. Smith", "Warner Bros.
# Pictures", "Sig. Rossi", "Art. 171"; and initials, "J. Smith", "the U.S. Attorney".
_TITLE_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Messrs|Dr|Drs|Prof|St|Ste|Bros|Gen|Lt|Col|Capt|Sgt|Det|Insp|Supt|Cpl|Gov|Sen|Rep"
    r"|Hon|Jr|Sr|Sra|Srta|Dra|Dña|Sig|Sigg|Dott|Avv|Ing|Geom|No|Nos|Nr|Art|Arts|Av|Avda)\.$"
)
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.)+$")
_ABBREVIATION_REACH = 12  # characters before a dot that hold the abbreviation
# Words that open a sentence, not a name: after one, an abbreviation's dot ends its sentence.
_OPENER_WORDS = {
    "en": "the a an this these it he she they we his her its their in on at but and as after when",
    "fr": "le la les l un une des il elle ils elles ce cette ces s d c qu en dans mais et selon",
    "it": "lo gli i uno lui lei nel nella ma e secondo",
    "es": "el los las ella ellos pero y según",
    "pt": "o os as um uma ele ela eles no na em mas segundo",
}
_OPENERS = frozenset(fold(word) for words in _OPENER_WORDS.values() for word in words.split())


def _after_an_abbreviation(text: str, dot_end: int, next_start: int) -> bool:
    """Whether the dot ending at `dot_end` closes an abbreviation the next word continues:
    one followed by a function word ("in the U.S. The police") still ends its sentence."""
    before = text[max(0, dot_end - _ABBREVIATION_REACH) : dot_end]
    if not (_TITLE_ABBREVIATION.search(before) or _INITIALS.search(before)):
        return False
    next_word = _WORD.match(text, next_start)
    return next_word is None or fold(next_word.group()) not in _OPENERS


def _runs_on(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    last = text[:end].rstrip()
    return gap.count("\n") == 1 and not gap.strip() and bool(last) and last[-1] not in '.!?:;…»"”'


def _sentences(text: str) -> list[Sentence]:
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if (
            "\n" not in match.group()
            and text[match.end()].isdigit()
            and _MONTH_ABBREVIATION.search(text, 0, match.start())
        ):
            continue
        if "\n" not in match.group() and _after_an_abbreviation(text, match.start(), match.end()):
            continue
        if match.start() > start:
            sentences.append(Sentence(start, match.start()))
        start = match.end()
    if start < len(text):
        sentences.append(Sentence(start, len(text)))
    return sentences


def detect_language(text: str) -> str:
    """The language whose commonest words the text uses most (fr, en, it, es, de or pt).

    A vote over function words is enough to tell six languages apart in a news article;
    the language-identification libraries are either large (lingua: 96 MB) or
    non-deterministic and unmaintained (langdetect)."""
    words = [fold(w) for w in _WORD.findall(text[:20000])]
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _FOLDED_STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] else "en"


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`start:end` without surrounding whitespace or stray punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


# "se nel 2015 oltre 130 perquisizioni avevano portato a 40 arresti, quest'anno...", "while
# in 2019 police seized...": a clause telling another year, set against this one.
_OTHER_YEAR_CLAUSE = re.compile(
    r"\b(?:se|si|if|while|whereas|mentre|mientras(?:\s+que)?|enquanto|alors\s+qu['’]|tandis\s+qu['’])\s*"
    r"(?:nel|in|en|em|no|à)\s+(?:19|20)\d\d\b[^,;:.]*",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r"[.,;:!?()\n]")


def crosses_a_clause(text: str, start: int, end: int) -> bool:
    """Whether a comma, a stop, a colon, a bracket or a line break stands between `start`
    and `end`: the words either side are read as parts of different clauses."""
    return _CLAUSE_BREAK.search(text, start, end) is not None


def in_other_years_clause(article: Article, offset: int) -> bool:
    """Whether `offset` falls in a clause comparing another year with the one reported."""
    sentence = article.sentence_at(offset)
    return any(
        m.start() <= offset < m.end()
        for m in _OTHER_YEAR_CLAUSE.finditer(article.text, sentence.start, sentence.end)
    )


def in_direct_speech(text: str, offset: int) -> bool:
    """Whether `offset` falls inside a quotation its paragraph opened and has not closed:
    «...», “...” or an odd count of straight double quotes before it."""
    before = text[text.rfind("\n", 0, offset) + 1 : offset]
    return (
        before.count("«") > before.count("»")
        or before.count("“") > before.count("”")
        or before.count('"') % 2 == 1
    )
