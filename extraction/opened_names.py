"""Bodies the lexicon does not know, named in a Romance language by a capitalised word for
a body followed by words in lower case: "la Brigade nationale de lutte contre la
piraterie", "il Nucleo speciale per la Radiodiffusione e l'editoria"; after the words for
its members, a body word opens a name in capitals too ("i militari del Gruppo Pronto
Intervento").

Where such a name ends is a guess from its grammar: it runs through adjectives and
prepositional complements, and stops at punctuation, a relative pronoun, an auxiliary,
an indefinite article, a preposition that opens an adjunct ("em colaboração com"), a
number, a verb's ending, or a new clause after "et"/"e"/"y". Each one is drafted at low
confidence, with a note asking the reviewer to check where it ends.
"""

from __future__ import annotations

import re
from functools import cache

from extraction.facts import Fact, Span
from extraction.lexicon import lexicon, member_words, ordinal_words
from extraction.text import Article, Token
from graph.model.ids import fold
from graph.model.schema import Label

_LANGUAGES = {"fr", "it", "es", "pt"}
_MAX_WORDS = 14
# A name whose words after its head are all capitalised is drafted from this many words
# ("Agencia de Regulación y Control de las Telecomunicaciones"), not shorter ("Asociación de Vecinos").
_CAPITALISED_WORDS = 3
# Verbs that follow a subject with no comma: the Spanish preterite in -ó/-aron/-ieron,
# the Portuguese in -ou/-eu/-iu/-aram/-eram/-iram, the Italian in -ò and its future in -rà,
# the Spanish present of the verbs in -uar ("actúa", "efectúa"), and the plural imperfect
# ("impedían", "buscaban", "vigiavam", "cercavano", "bloquaient") and the singular imperfect
# of the first conjugations ("mirava", "buscaba", "visait"). Not the adjective "europeu".
_VERB = re.compile(
    r"(?:[^\W\d_]{2,}(?:ían|aban|avam|iam|avano|evano|ivano|aient)|[^\W\d_]{3,}(?:ava|eva|aba|ait)|[^\W\d_]{2,}[óò]|[^\W\d_]{2,}úan?|[^\W\d_]{2,}rà|[^\W\d_]{2,}ranno|[^\W\d_]{3,}(?:aron|ieron|eron|aram|eram|iram|ou)|[^\W\d_]{3,}(?<!rop)[ei]u)$"
)
# Italian plural participles: a head's first word is an adjective ("Nucleo speciale"),
# not a participle ("i Reparti del Corpo distribuiti in tutto il Paese").
_PARTICIPLE = re.compile(r"(?:at|it|ut)[ie]$")
# Contractions that also open a place ("à Paris", "a Roma"): in French and Italian, part
# of a name only before a common noun.
_BEFORE_A_NOUN = frozenset({"a", "au", "aux", "al", "alla"})
_CONJUNCTIONS = frozenset({"e", "et", "y", "ed"})
_OF_A_BODY = frozenset({"del", "della", "dello", "dell", "de", "do", "da", "du", "des", "di"})
# "la Brigade de lutte contre la piraterie et la contrefaçon": "et" joins two words of a
# complement; with no preposition before it ("le Centre cinématographique marocain et les
# professionnels") it joins the body to something else.
_PREPOSITIONS = _OF_A_BODY | {
    "d", "dei", "degli", "delle", "dos", "das", "per", "para", "contre", "contra", "pour", "por",
}  # fmt: skip
# Endings of the adjectives that follow a body's word ("il Nucleo speciale che..."): no verb.
_ADJECTIVE = re.compile(
    r"(?:ale|al|ile|il|ica|ico|ique|iva|ivo|ive|if|ana|ano|ain|aine|ense|ese|aria|ario|aire|are|ar)$"
)
# Adjectives in -are are Italian ("militare", "popolare"); elsewhere the ending is a verb's:
# "la Cour déclare que", "que el Tribunal declare".
_ITALIAN_ENDING = "are"


def _adjective(word: str, lang: str) -> bool:
    return _ADJECTIVE.search(word) is not None and (lang == "it" or not word.endswith(_ITALIAN_ENDING))


# More adjective endings, read only after a capitalised word of the name ("Grupo de
# Fiscalización aduanera", "Brigade Économique financière"): long words, not the verb "era".
_ADJECTIVE_AFTER_A_NAME = re.compile(r"^[^\W\d_]{4,}(?:era|ero|eira|eiro|ière|ier|aise|ais)$")
# Lower-case words after a capitalised name that say which of its kind is meant.
_SCOPE_WORDS = frozenset(
    {
        *("local", "locale", "locali", "locales", "locais"),
        *("municipal", "municipale", "municipali", "municipales", "municipais"),
    }
)
# Words that open a verb's object or clause: after "<Body> <word>", the word was a verb.
_OBJECTS = frozenset(
    {
        *("que", "qui", "che", "a", "al", "un", "una", "uno", "um", "uma", "une"),
        *("el", "los", "las", "lo", "la", "les", "gli", "os", "as"),
        *("le", "il", "i", "o", "l"),
        # demonstratives: "la Alianza combate este delito"
        *("este", "esta", "estos", "estas", "esto", "ese", "esa", "esse", "essa", "isso", "isto"),
        *("ce", "cet", "cette", "ces", "questo", "questa", "questi", "queste"),
    }
)


@cache
def _opening_words() -> dict[str, str]:
    """A capitalised word that opens a body's name -> the kind drafted."""
    return {fold(w): kind for kind, items in lexicon()["body_words"].items() for w in items}


@cache
def _links() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon()["name_links"])


@cache
def _ends() -> frozenset[str]:
    """Compared as written, in lower case: "a" ends a French name, "à" links a Portuguese one."""
    return frozenset(w.lower() for w in lexicon()["name_ends"])


def opened_name_facts(article: Article, taken: set[int]) -> list[Fact]:
    if article.lang not in _LANGUAGES:
        return []
    tokens = article.tokens
    facts = []
    i = 0
    while i < len(tokens):
        kind = _opening_words().get(tokens[i].key)
        after_members = kind is not None and _after_members(article, i)
        opens = kind is not None and i not in taken and (after_members or _opens_mid_sentence(article, i))
        ends = _name_end(article, i, taken, after_members) if opens else None
        if kind is None or ends is None:
            i += 1
            continue
        end, own_end = ends
        first = capitalised_words_before(article, i, taken)
        fact = _fact(article, tokens[first].start, tokens[end].end, kind)
        if own_end != end:  # the unit's own name, without its parent's, is a span too
            start, stop = tokens[first].start, tokens[own_end].end
            fact.spans.append(Span(start, stop, article.text[start:stop]))
        facts.append(fact)
        i = end + 1
    return facts


def capitalised_words_before(article: Article, i: int, taken: set[int]) -> int:
    """'la Computer Crime Unit de la police judiciaire': an English name's first words,
    capitalised before the word for a body, belong to the name."""
    tokens = article.tokens
    first = i
    while (
        first > 0
        and first - 1 not in taken
        and tokens[first - 1].text[:1].isupper()
        and not tokens[first - 1].text.isupper()
        and tokens[first - 1].key not in _links()
        and _glued(article, tokens[first - 1], tokens[first])
        and article.sentence_at(tokens[first - 1].start).start < tokens[first - 1].start
    ):
        first -= 1
    return first


def _opens_mid_sentence(article: Article, i: int) -> bool:
    """Capitalised where a common noun would not be, and followed by a word in lower case."""
    tokens = article.tokens
    token = tokens[i]
    if not token.text[:1].isupper() or token.text.isupper() or i + 1 >= len(tokens):
        return False
    if article.sentence_at(token.start).start >= token.start:
        return False
    if not _glued(article, token, tokens[i + 1]):
        return False
    # "il Nucleo Speciale per la Radiodiffusione ed Editoria": capitalised words, then a link.
    return tokens[i + 1].text[:1].islower() or (
        article.text[token.end : tokens[i + 1].start] == " "
        and i + 2 < len(tokens)
        and tokens[i + 2].key in _links()
        and tokens[i + 2].text.islower()
    )


_MEMBERS_OF = _OF_A_BODY | {"dei", "degli", "delle", "dos", "das", "of"}


def _after_members(article: Article, i: int) -> bool:
    """'i militari del Gruppo Pronto Intervento', 'los agentes de la Unidad Central': a
    capitalised body word after the words for its members opens the body's name, even
    when the name's words are all capitalised."""
    tokens = article.tokens
    token = tokens[i]
    if not token.text[:1].isupper() or token.text.isupper() or i + 1 >= len(tokens) or i < 2:
        return False
    if not _glued(article, token, tokens[i + 1]) or not tokens[i + 1].text[:1].isupper():
        return False
    of = i - 2 if tokens[i - 1].key in _ARTICLES else i - 1  # "de la Unidad"
    return of >= 1 and tokens[of].key in _MEMBERS_OF and tokens[of - 1].key in member_words()


# French pronouns and negation elided before a verb: "le Bureau ... s'est félicité", "n'a pas".
_ELIDED_BEFORE_VERBS = {"s", "n", "c", "j", "m", "t"}


def _elided_before_a_verb(article: Article, token: Token) -> bool:
    return token.key in _ELIDED_BEFORE_VERBS and article.text[token.end : token.end + 1] in {"'", "’"}


# "acudió al Grupo de Delitos de Investigación Tecnológica para denunciar", "a la Comisaría
# para completar los trámites": a purpose clause after the body, not its name.
_PURPOSE = frozenset({"para", "pour", "per", "por", "pra"})
# Pronouns standing between a body and its verb: "la Cour les joint", "la Cour lui impose",
# "la Corte gli ha", "el Tribunal les condenó", "o Tribunal lhe deu": no name goes on past the head.
_CLITICS = frozenset({
    "les", "lui", "leur", "se", "gli", "li", "ci", "si", "ne", "lo", "los", "las", "le", "lhe", "lhes", "nos",
})  # fmt: skip
# An article right after the body's word, with no preposition before it, opens what follows
# the name: "i carabinieri della compagnia Napoli Centro la sera dello scorso 14 dicembre".
_ARTICLES_ALONE = frozenset({"la", "le", "les", "l", "il", "lo", "gli", "el", "los", "las", "o", "os"})
_INFINITIVE = re.compile(r"^[^\W\d_]+(?:ar|er|ir|re)$")  # "para dar", "para completar"


# An infinitive after "de", "di", "da": French nouns end in -re ("de la culture"), so French
# infinitives are read in -er and -ir only; nouns with an infinitive's ending are left out.
_INFINITIVE_AFTER_OF = {
    "es": re.compile(r"^[^\W\d_]{3,}(?:ar|er|ir)$"),
    "pt": re.compile(r"^[^\W\d_]{3,}(?:ar|er|ir)$"),
    "it": re.compile(r"^[^\W\d_]{3,}(?:are|ere|ire)$"),
    "fr": re.compile(r"^[^\W\d_]{3,}(?:er|ir)$"),
}
_NOUNS_LIKE_INFINITIVES = frozenset(
    {"lugar", "hogar", "militar", "familiar", "popular", "particular", "mare", "avenir"}
    | {"nuclear", "escolar", "consular", "regular", "similar"}
)


def _an_infinitive(word: str, lang: str) -> bool:
    pattern = _INFINITIVE_AFTER_OF.get(lang)
    return pattern is not None and pattern.match(word) is not None and word not in _NOUNS_LIKE_INFINITIVES


def _purpose_clause(token: Token, following: Token | None) -> bool:
    return (
        token.key in _PURPOSE
        and following is not None
        and following.text.islower()
        and _INFINITIVE.match(following.text) is not None
    )


def _glued(article: Article, left: Token, right: Token) -> bool:
    """Two words of one name: a space, an apostrophe or a hyphen between them."""
    return article.text[left.end : right.start] in {" ", "'", "’", "-"}


def _name_end(
    article: Article, i: int, taken: set[int], after_members: bool = False
) -> tuple[int, int] | None:
    """The indexes of the name's last word and of its own last word before its parent's
    name, if it holds one; None when the name is only its first word, or a short one with
    no word in lower case ("la Asociación de Vecinos")."""
    tokens = article.tokens
    last = i
    k = i + 1
    while k < len(tokens) and k - i < _MAX_WORDS and k not in taken:
        token = tokens[k]
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if (
            not _glued(article, tokens[k - 1], token)
            or token.text.lower() in _ends()
            or (k == i + 1 and (token.text in _CLITICS or token.text in _ARTICLES_ALONE))
            or token.text[:1].isdigit()
            or (token.text[:1].islower() and not _may_go_on(article, i, k))
            or (token.key in _CONJUNCTIONS and not _opens_a_complement(tokens, k + 1))
            or (
                token.key in _CONJUNCTIONS
                and not (following is not None and following.text[:1].isupper())
                and not any(t.key in _PREPOSITIONS for t in tokens[i + 1 : k])
            )
            or (token.key in _BEFORE_A_NOUN and article.lang in {"fr", "it"} and not _common_noun(following))
            or _elided_before_a_verb(article, token)
            or _purpose_clause(token, following)
        ):
            break
        if token.key not in _links():
            last = k
        k += 1
    own_last, last = last, _with_its_parent(article, last, k, taken)
    if last != own_last and own_last > i:
        # a unit's name with its parent's: "Brigada de delitos ... de la Policía Nacional"
        return last, own_last
    words = [t for t in tokens[i + 1 : last + 1] if t.key not in _links()]
    if (
        len(words) == 1
        and words[0].text.islower()
        and not _adjective(words[0].text, article.lang)
        and last + 1 < len(tokens)
        and tokens[last + 1].key in _OBJECTS
        and not _a_date_after(tokens, last + 1)
    ):
        return None  # "la Fiscalía golpea a un operador", "la Fiscalía señala que": a verb, no name
    in_lower_case = any(t.text[:1].islower() for t in words)
    # "la Brigade nationale de lutte...", "la Commissione centrale": words in lower case
    # are one adjective or hold a complement; "el Tribunal queda reiterado" is a clause.
    linked = any(t.key in _links() for t in tokens[i + 1 : last + 1])
    lower = [t for t in words if t.text[:1].islower()]
    # "le Centre cinématographique marocain": adjectives only, no verb among them
    adjectives = all(_adjective(t.text, article.lang) for t in lower)
    # "el Juzgado pudiera examinar": one word in lower case and no link is a name's only as an adjective
    one_adjective = len(lower) == 1 and (
        _adjective_of_any_number(lower[0].text, article.lang) or lower[0] is not tokens[last]
    )
    named = in_lower_case and (linked or one_adjective or adjectives)
    # "la Secretaría de Seguridad Pública local": a scope word after it tells a body's name
    scoped = last + 1 < len(tokens) and tokens[last + 1].key in _SCOPE_WORDS and linked
    named = named or scoped
    # "Comando provinciale vanno avanti senza sosta": words in lower case that are not
    # adjectives and hold no complement make no name, however many there are.
    least = 1 if after_members else _CAPITALISED_WORDS
    many = len(words) >= least and (after_members or not in_lower_case)
    if named or many:
        return last, last
    return _adjectives_before_a_clause(tokens, i, last, article.lang)


def _adjectives_before_a_clause(tokens: list[Token], i: int, last: int, lang: str) -> tuple[int, int] | None:
    """'il Comando provinciale vanno avanti': the head and the adjectives right after it,
    when the words that follow them make no name."""
    end = i
    while end < last and tokens[end + 1].text[:1].islower() and _adjective(tokens[end + 1].text, lang):
        end += 1
    return (end, end) if end > i else None


_ARTICLES = frozenset({"la", "le", "l", "el", "il", "lo", "a", "o"})


def _with_its_parent(article: Article, last: int, k: int, taken: set[int]) -> int:
    """'Brigada de delitos tecnológicos de la Policía Nacional', 'Secção de crimes
    informáticos da Polícia Judiciária': a name that stops at a body the lexicon knows,
    right after 'del', 'de la', 'da', names it as the unit's parent and runs through it."""
    tokens = article.tokens
    of = k - 2 if k >= 2 and tokens[k - 1].key in _ARTICLES else k - 1  # "de la Policía Nacional"
    if k >= len(tokens) or k not in taken or last != of - 1 or tokens[of].key not in _OF_A_BODY:
        return last
    if not tokens[k].text[:1].isupper() or not _glued(article, tokens[k - 1], tokens[k]):
        return last
    end = k
    while end + 1 in taken and end + 1 < len(tokens) and _glued(article, tokens[end], tokens[end + 1]):
        end += 1
    return end


def _may_go_on(article: Article, i: int, k: int) -> bool:
    """A word in lower case at k, in a name opened at i: not a verb, not an Italian plural
    participle right after the head or after a capitalised word, and no word but a link
    after the capitalised words that follow the head ("le Tribunal de Grande Instance
    illustrent...")."""
    tokens = article.tokens
    word = tokens[k].text
    if _VERB.search(word):
        return False
    if tokens[k - 1].key in _OF_A_BODY and _an_infinitive(word, article.lang):
        return False  # "privó a la Fiscalía de la posibilidad de presentar prueba": a clause
    if (
        article.lang in _NO_NOUN_AFTER_AN_ADJECTIVE
        and _after_adjectives_only(tokens, i, k, article.lang)
        and tokens[k].key not in _links()
        and not _adjective(word, article.lang)
    ):
        return False  # "le Tribunal fédéral pose deux principes": a verb after the adjective
    if k - 1 > i and tokens[k - 1].text[:1].isupper() and tokens[k].key in _SCOPE_WORDS:
        return False  # "la Secretaría de Seguridad Pública local": which one, not its name
    if k == i + 1 and _a_verb_then_its_object(tokens, k, article.lang):
        return False  # "la Policía sigue la pista de...": the head is the subject
    if (
        k - 1 > i
        and tokens[k - 1].text[:1].isupper()
        and tokens[k].key not in _links()
        and not _adjective(word, article.lang)
        and not _ADJECTIVE_AFTER_A_NAME.match(word)
    ):
        return False
    after_a_name_word = k == i + 1 or (tokens[k - 1].text[:1].isupper() and tokens[k - 1].key not in _links())
    return not (after_a_name_word and article.lang == "it" and _PARTICIPLE.search(word))


# Endings of adjectives and participles in any gender and number: "la Cour suprême", "el
# Tribunal supremo", "la Brigade spécialisée", "i Reparti speciali".
_ADJECTIVE_ANY_NUMBER = re.compile(
    r"(?:ale|al|ali|ales|ais|aux|ile|il|ili|iles|is|ic[ao]s?|ici|iche|iques?|iv[aoe]s?|ivi|ifs?|an[aoe]s?|ani|"
    r"ains?|aines?|ens[ea]s?|es[ea]s?|esi|ari[ao]s?|ari|aires?|ares?|ars?|elles?|els?|eux|euses?|"
    r"ée?s?|ad[ao]s?|id[ao]s?|at[aoie]|ati|it[aoie]|iti|ut[aoie]|uti|ent[ei]s?|ants?|antes?|"
    r"eir[ao]s?|er[ao]s?|ières?|iers?|aises?|nal|nais|oises?|ois|iens?|iennes?|êmes?|ic)$"
)


# The Spanish imperfect subjunctive ("pudiera", "tuviese") ends like an adjective in -era.
_SUBJUNCTIVE = re.compile(r"(?:iera|ieran|iese|iesen|ara|aran|ase|asen)$")


def _adjective_of_any_number(word: str, lang: str) -> bool:
    if lang == "es" and _SUBJUNCTIVE.search(word):
        return False
    if lang in {"es", "pt"} and _an_infinitive(word, lang):
        return False  # "el Juzgado pudiera examinar": an infinitive in -ar ends like "militar"
    return _ADJECTIVE_ANY_NUMBER.search(word) is not None


# Languages whose bodies' names join a noun to an adjective only through a preposition:
# Italian and Spanish names may not ("Nucleo speciale frodi tecnologiche").
_NO_NOUN_AFTER_AN_ADJECTIVE = {"fr", "pt"}


def _after_adjectives_only(tokens: list[Token], i: int, k: int, lang: str) -> bool:
    """Between the head at i and k, only adjectives in lower case: "Tribunal fédéral"."""
    between = tokens[i + 1 : k]
    return bool(between) and all(t.text[:1].islower() and _adjective(t.text, lang) for t in between)


# Prepositions that may follow a body's word: "Federazione contro la pirateria", "Brigade pour la...".
_BODY_PREPOSITIONS = frozenset(
    {"contro", "contre", "contra", "per", "pour", "por", "para", "sur", "sobre", "su"}
)


def _a_verb_then_its_object(tokens: list[Token], k: int, lang: str) -> bool:
    word = tokens[k]
    return (
        word.key not in _links() | _BODY_PREPOSITIONS
        and not _adjective(word.text, lang)
        and k + 1 < len(tokens)
        and tokens[k + 1].key in _OBJECTS
        and not _a_date_after(tokens, k + 1)
    )


_BEFORE_A_DAY = frozenset({"le", "el", "il"})


def _a_date_after(tokens: list[Token], k: int) -> bool:
    """'par le Ministère public le 24 janvier': the article before a day opens no object."""
    return tokens[k].key in _BEFORE_A_DAY and k + 1 < len(tokens) and tokens[k + 1].text[:1].isdigit()


def _opens_a_complement(tokens: list[Token], k: int) -> bool:
    """After 'e', 'et', 'y': an article or a capitalised word goes on with the name ("la
    piraterie et la contrefaçon"); anything else opens a new clause ("e guidata da"), and
    so does another body ("la Fiscalía y la Policía Judicial")."""
    article_first = k < len(tokens) and tokens[k].key in _links()
    word = k + 1 if article_first else k
    if word >= len(tokens):
        return False
    if tokens[word].text[:1].isupper() and tokens[word].key in _opening_words():
        return False
    numbered = tokens[word].key in ordinal_words() and word + 1 < len(tokens)
    if numbered and tokens[word + 1].key in _opening_words():
        return False  # "... y la Segunda Fiscalía Especializada": another body, numbered
    return article_first or tokens[word].text[:1].isupper()


def _common_noun(token: Token | None) -> bool:
    return token is not None and token.text[:1].islower()


def _fact(article: Article, start: int, end: int, kind: str) -> Fact:
    name = " ".join(article.text[start:end].split())
    return Fact(
        "agency",
        name,
        [Span(start, end, article.text[start:end])],
        "low",
        [f"not in the lexicon, named by a word for a body ({kind}, guessed): check where the name ends"],
        {"label": Label.AGENCY, "kind": kind, "country": None},
    )
