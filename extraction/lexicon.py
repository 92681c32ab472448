"""The extraction lexicon (extraction/words/*.yaml plus the gazetteer) and a whole-word phrase matcher."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from extraction.text import Article
from graph.model.countries import country_code, country_names
from graph.model.ids import fold
from graph.model.schema import Label

HERE = Path(__file__).resolve().parent
GAZETTEER = HERE.parent / "loaders" / "gazetteer.yaml"
WORDS = HERE / "words"  # the lexicon, one file per subject: bodies, quantities, cues
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+|\+")

# Sections of the lexicon -> the label of the entity they name.
SECTIONS = {
    "agencies": Label.AGENCY,
    "platforms": Label.PLATFORM,
    "organizations": Label.ORGANIZATION,
    "groups": Label.GROUP,
}
_GAZETTEER_SECTIONS: dict[str, str] = {
    Label.AGENCY: "agencies",
    Label.PLATFORM: "platforms",
    Label.ORGANIZATION: "organizations",
}


@dataclass(frozen=True)
class Entry:
    """Something the lexicon can name: an agency, a platform, a rights holder, a group or
    a country (then `name` is its ISO code)."""

    label: str
    name: str
    kind: str | None = None
    country: str | None = None
    needs_context: bool = False
    any_case: bool = False


@dataclass(frozen=True)
class Phrase:
    keys: tuple[str, ...]
    entry: Entry
    exact: str | None = None  # the spelling that must appear as written (acronyms)
    after_preposition: bool = False  # an ambiguous name, counted only after "in", "en"...
    commas: bool = False  # the name holds a comma ("Ministry of Culture, Sports and Tourism")
    needs_country: bool = False  # an acronym other bodies share, counted only where its country is named


@dataclass(frozen=True)
class Match:
    first: int  # token indexes, end exclusive
    last: int
    start: int  # character offsets
    end: int
    entry: Entry
    phrase: Phrase


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def phrase_keys(text: str) -> tuple[str, ...]:
    return tuple(w if w == "+" else fold(w) for w in words(text))


# Italian, Spanish, Portuguese and French papers write acronyms read as words in title
# case: "Uefa", "Dazn", "Agcom". Three letters are too often a word ("Dia", "Ace").
_TITLE_CASE_ACRONYM_LANGS = {"it", "es", "pt", "fr"}
_TITLE_CASE_ACRONYM_MIN = 4


FILE_SHARING_NETWORK = "file-sharing network"


def _name_goes_on(article: Article, j: int) -> bool:
    """A capitalised word right after: the name is part of a longer one."""
    tokens = article.tokens
    return (
        j < len(tokens)
        and tokens[j].text[:1].isupper()
        and article.text[tokens[j - 1].end : tokens[j].start] == " "
    )


def _title_case_acronym(written: list[str], acronym: str, lang: str) -> bool:
    return (
        lang in _TITLE_CASE_ACRONYM_LANGS
        and len(written) == 1
        and acronym.isalpha()
        and acronym.isupper()
        and len(acronym) >= _TITLE_CASE_ACRONYM_MIN
        and written[0] == acronym.capitalize()
    )


_SMALL = {"de", "del", "des", "du", "d", "di", "da", "do", "of", "y", "e", "et", "and", "la", "el", "le", "l"}


def _spelled_before(article: Article, i: int) -> bool:
    """'la Oficina Nacional de Derecho de Autor (Onda)': a title-case acronym in brackets
    that the capitalised words just before spell is that name's, not the list's body of
    the same letters."""
    tokens = article.tokens
    if i == 0 or not article.text[: tokens[i].start].rstrip().endswith("("):
        return False
    letters = tokens[i].text.upper()
    initials = ""
    j = i - 1
    while j >= 0 and len(initials) < len(letters):
        if tokens[j].text[:1].isupper():
            initials = tokens[j].text[0] + initials
        elif tokens[j].key not in _SMALL:
            break
        j -= 1
    return initials == letters


def _opens_sentence(article: Article, i: int) -> bool:
    """Whether token i opens a sentence or line, where any word is capitalised ("Coda")."""
    before = article.text[article.tokens[i - 1].end : article.tokens[i].start] if i else "."
    return any(mark in before for mark in ".!?:\n")


@dataclass
class PhraseMatcher:
    """Whole-word matching of many phrases at once; longest match first, no overlaps."""

    by_first: dict[str, list[Phrase]] = field(default_factory=dict)

    def add(self, phrase: Phrase) -> None:
        if not phrase.keys or not all(phrase.keys):
            return
        bucket = self.by_first.setdefault(phrase.keys[0], [])
        if phrase not in bucket:
            bucket.append(phrase)
            bucket.sort(key=lambda p: -len(p.keys))

    def _accepts(self, phrase: Phrase, article: Article, i: int) -> bool:
        tokens = article.tokens
        found = tokens[i : i + len(phrase.keys)]
        if phrase.entry.kind == FILE_SHARING_NETWORK and _name_goes_on(article, i + len(phrase.keys)):
            return False  # "eMule Paradise": a site named after the network
        if phrase.exact is not None:
            written = [t.text for t in found]
            return written == words(phrase.exact) or (
                _title_case_acronym(written, phrase.exact, article.lang)
                and not _opens_sentence(article, i)
                and not _spelled_before(article, i)
            )
        if phrase.entry.any_case:
            return True
        if phrase.entry.label == Label.COUNTRY:
            return found[0].text[:1].isupper()
        if len(phrase.keys) == 1:
            # A one-word name is a name only where written as one: "Sky", not "sky".
            return not found[0].text.islower() or any(c.isdigit() for c in found[0].text)
        return True

    def starts_at(self, article: Article, i: int) -> Entry | None:
        """The entry of the longest phrase that starts at token `i`, if any."""
        tokens = article.tokens
        for phrase in self.by_first.get(tokens[i].key, ()) if i < len(tokens) else ():
            n = len(phrase.keys)
            if tuple(t.key for t in tokens[i : i + n]) == phrase.keys and self._accepts(phrase, article, i):
                return phrase.entry
        return None

    @staticmethod
    def _split(phrase: Phrase, article: Article, i: int) -> bool:
        """Words of a name cut by a comma its spelling lacks: "in Kandy, Sri Lanka, police
        have..." names no "Sri Lanka Police"."""
        first, last = article.tokens[i], article.tokens[i + len(phrase.keys) - 1]
        return "," in article.text[first.end : last.start] and not phrase.commas

    def find(self, article: Article) -> list[Match]:
        tokens = article.tokens
        candidates: list[Match] = []
        for i, token in enumerate(tokens):
            for phrase in self.by_first.get(token.key, ()):
                n = len(phrase.keys)
                if tuple(t.key for t in tokens[i : i + n]) != phrase.keys:
                    continue
                if not self._accepts(phrase, article, i) or self._split(phrase, article, i):
                    continue
                if phrase.after_preposition and (i == 0 or tokens[i - 1].key not in _LOCATIVE):
                    continue
                start, end = token.start, tokens[i + n - 1].end
                candidates.append(Match(i, i + n, start, end, phrase.entry, phrase))
        return non_overlapping(candidates)


def non_overlapping(matches: Iterable[Match]) -> list[Match]:
    chosen: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-(m.last - m.first), m.first)):
        span = set(range(match.first, match.last))
        if span & taken:
            continue
        taken |= span
        chosen.append(match)
    return sorted(chosen, key=lambda m: m.first)


_LOCATIVE = {"in", "en", "au", "aux", "a", "to", "from", "nach", "em", "no", "na", "nel", "nella", "de", "of"}
# Country names that are also first names or common words in one of the six languages.
_AMBIGUOUS_COUNTRIES = {
    "jordan",
    "chad",
    "jersey",
    "georgia",
    "maurice",
    "dominique",
    "salvador",
    "grenade",
    "niger",
    "island",  # Iceland in German; "the Island" in English
}


# libyaml's loader when PyYAML was built with it: the lexicon loads about five times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def lexicon() -> dict[str, Any]:
    data: dict[str, Any] = {}
    for part in sorted(WORDS.glob("*.yaml")):
        with part.open(encoding="utf-8") as handle:
            for key, value in yaml.load(handle, Loader=_YAML_LOADER).items():  # noqa: S506 - a safe loader
                # Lists of entries may be spread over files (bodies.yaml, world_bodies.yaml).
                if isinstance(value, list) and isinstance(data.get(key), list):
                    data[key] = data[key] + value
                else:
                    data[key] = value
    with GAZETTEER.open(encoding="utf-8") as handle:
        gazetteer: dict[str, list[dict[str, Any]]] = yaml.safe_load(handle)
    for label, items in gazetteer.items():
        section = data.setdefault(_GAZETTEER_SECTIONS.get(label, label.lower()), [])
        by_name = {fold(item["name"]): item for item in section}
        # A gazetteer alias that a lexicon entry claims as its own name stays with that
        # entry ("Polizia di Stato" is its own body, not the Polizia Postale's).
        claimed = {fold(n) for item in section for n in [item["name"], *item.get("aliases", [])]}
        for item in items:
            known = by_name.get(fold(item["name"]))
            if known is None:
                section.append({"name": item["name"], "aliases": list(item.get("aliases", []))})
            else:
                extra = [a for a in item.get("aliases", []) if fold(a) not in claimed]
                known["aliases"] = list(known.get("aliases", [])) + extra
    _share_bare_names(data)
    return data


_QUALIFIER = re.compile(r"\s+\([^()]+\)$")


def without_qualifier(name: str) -> str:
    """'Policía Nacional Civil (Guatemala)' -> 'Policía Nacional Civil': the lexicon tells
    apart bodies of one name by their country in brackets, which the article never writes;
    the draft carries the country on its own."""
    return _QUALIFIER.sub("", name)


def _share_bare_names(data: dict[str, Any]) -> None:
    """'Haute Autorité de l'audiovisuel et de la communication (Bénin)': the lexicon tells
    apart bodies of one name by their country in brackets, which articles never write. The
    bare name is a shared one (extraction/shared_names.py), given the one country an article
    is about, unless some body bears it already: "Ministerio del Interior" is many countries'
    though the lists hold one."""
    agencies = data.setdefault("agencies", [])
    taken = {fold(n) for a in agencies for n in [a["name"], *a.get("aliases", [])]}
    shared = data.setdefault("shared_national_names", [])
    for agency in list(agencies):
        bare = without_qualifier(agency["name"])
        if bare != agency["name"] and fold(bare) not in taken:
            taken.add(fold(bare))
            agencies.append({"name": bare, "kind": agency.get("kind")})
            shared.append(bare)


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(" ", "")
    return len(letters) <= 5 and any(c.isupper() for c in letters[1:])


_ONE_LETTER_WORDS = {"e", "y", "o", "a", "i", "u"}  # "and", "or", "to", "the" in one language or another


def _opens_on_a_conjunction(alias: str) -> bool:
    """'e.tv' folds to 'e tv', which Portuguese and Italian write for 'and TV': such a name
    is matched only as written."""
    found = words(alias)
    return len(found) > 1 and found[0].lower() in _ONE_LETTER_WORDS


def _label_of(item: dict[str, Any], label: str) -> str:
    """Collecting societies send inspectors into raids and file the complaints: in the
    reports they act beside the police, so they are drafted as agencies, unless the
    lexicon says reports tell one as the complainant only."""
    if item.get("kind") == "collecting society" and not item.get("as_complainant"):
        return Label.AGENCY
    return label


@cache
def entity_matcher() -> PhraseMatcher:
    matcher = PhraseMatcher()
    for section, label in SECTIONS.items():
        for item in lexicon().get(section, []):
            entry = Entry(
                label=_label_of(item, label),
                name=item["name"],
                kind=item.get("kind"),
                country=item.get("country"),
                needs_context=bool(item.get("needs_context")),
                any_case=bool(item.get("any_case")),
            )
            # `match_name: false`: the name is a label ("A - B" for two bodies), not a phrase.
            names = [item["name"]] if item.get("match_name", True) else []
            for alias in [*names, *item.get("aliases", [])]:
                exact = alias if _is_acronym(alias) or _opens_on_a_conjunction(alias) else None
                matcher.add(Phrase(phrase_keys(alias), entry, exact=exact, commas="," in alias))
                if exact is None and _pre_reform(alias) != alias:
                    matcher.add(Phrase(phrase_keys(_pre_reform(alias)), entry, commas="," in alias))
            for alias in item.get("exact", []):
                matcher.add(Phrase(phrase_keys(alias), entry, exact=alias, commas="," in alias))
            for alias in item.get("exact_where_named", []):
                matcher.add(Phrase(phrase_keys(alias), entry, exact=alias, needs_country=True))
    # Added last, so an entry above that already names the same words wins the tie.
    for phrase in [
        *_national_police_phrases(),
        *_national_gendarmerie_phrases(),
        *_national_authority_phrases(),
        *_national_judicial_phrases(),
        *_national_prosecutor_phrases(),
        *_national_customs_phrases(),
        *_state_body_phrases(),
    ]:
        matcher.add(phrase)
    return matcher


# Portugal wrote these words with a silent consonant before the 1990 spelling agreement,
# and some papers and bodies still do: "Inspecção-Geral das Actividades Culturais".
_PRE_REFORM = re.compile(
    r"(?<![^\W\d_])(a|inspe|dire|prote|infra|cole|sele|ele|dete)(ção|ções|tividades?|tor|tora|tores|tivas?|tivos?|trónic[oa]s?)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)


def _pre_reform(name: str) -> str:
    """The name as spelled before the 1990 agreement, where its words had a silent c."""
    return _PRE_REFORM.sub(lambda m: f"{m.group(1)}c{m.group(2)}", name)


_ADJECTIVE_LANGS = ("en", "fr", "it", "es", "pt")


@cache
def national_police() -> dict[tuple[str, str], Entry]:
    """(language, folded adjective) -> the police of the country that adjective names."""
    national = {
        item["country"]: item
        for item in lexicon()["agencies"]
        if item.get("national_police") and item.get("country")
    }
    by_adjective: dict[tuple[str, str], Entry] = {}
    for code, adjectives in nationality_rows():
        item = national.get(code)
        entry = Entry(
            label=Label.AGENCY,
            name=item["name"] if item else f"{adjectives[0]} police",
            kind=item.get("kind", "police") if item else "police",
            country=code,
        )
        for lang, adjective in zip(_ADJECTIVE_LANGS, adjectives, strict=True):
            by_adjective.setdefault((lang, fold(adjective)), entry)
    return by_adjective


def nationality_rows() -> list[tuple[str, list[str]]]:
    """(code, [English adjective, then the feminine in French, Italian, Spanish, Portuguese]):
    each country's adjectives, then the shorter ones papers also use ("coréenne")."""
    return [*lexicon()["nationalities"].items(), *lexicon()["nationalities_short"].items()]


@cache
def nationality_words() -> frozenset[str]:
    """Every nationality adjective of nationality_rows(), folded."""
    return frozenset(fold(word) for _, words in nationality_rows() for word in words)


def _national_police_phrases() -> list[Phrase]:
    """'la police allemande', 'polizia croata', 'the German police': a country's police,
    named by the country's adjective in each language."""
    phrases = []
    for (lang, adjective), entry in national_police().items():
        for pattern in lexicon()["national_police_phrases"][lang]:
            phrases.append(Phrase(phrase_keys(pattern.format(adj=adjective)), entry))
    return phrases


def _national_gendarmerie_phrases() -> list[Phrase]:
    """'la gendarmerie ivoirienne': a country's gendarmerie, named by its adjective."""
    phrases = []
    for code, adjectives in lexicon()["nationalities"].items():
        entry = Entry(label=Label.AGENCY, name=f"{adjectives[0]} Gendarmerie", kind="police", country=code)
        for lang, adjective in zip(_ADJECTIVE_LANGS, adjectives, strict=True):
            for pattern in lexicon()["national_gendarmerie_phrases"][lang]:
                phrases.append(Phrase(phrase_keys(pattern.format(adj=adjective)), entry))
    return phrases


def _national_authority_phrases() -> list[Phrase]:
    """'the Bulgarian security forces', 'las fuerzas de seguridad italianas': a country's
    security forces named by its adjective, drafted as '<English adjective> security forces'."""
    return _adjective_phrases("national_authority_phrases", "security forces", "national security forces")


def _national_judicial_phrases() -> list[Phrase]:
    """'le autorità giudiziarie svizzere': a country's judicial authorities named by its
    adjective, drafted as '<English adjective> judicial authorities'."""
    return _adjective_phrases("national_judicial_phrases", "judicial authorities", "judicial authority")


def _national_prosecutor_phrases() -> list[Phrase]:
    """'le parquet suédois', 'la procura svedese': a country's prosecutors named by its
    adjective, drafted as '<English adjective> public prosecutor's office'."""
    return _adjective_phrases("national_prosecutor_phrases", "public prosecutor's office", "prosecutor")


def _national_customs_phrases() -> list[Phrase]:
    """'la dogana tedesca', 'la douane belge': a country's customs named by its adjective,
    drafted as '<English adjective> customs'."""
    return _adjective_phrases("national_customs_phrases", "customs", "customs")


def _adjective_phrases(section: str, drafted: str, kind: str) -> list[Phrase]:
    """The lexicon section's phrases ({adj}, {adjs}: the country's feminine adjective and
    its plural; {adjm}: the French masculine) for every country, each drafted as
    '<English adjective> <drafted>'."""
    phrases = []
    for code, adjectives in lexicon()["nationalities"].items():
        entry = Entry(label=Label.AGENCY, name=f"{adjectives[0]} {drafted}", kind=kind, country=code)
        for lang, adjective in zip(_ADJECTIVE_LANGS, adjectives, strict=True):
            forms = {"adj": adjective, "adjs": _feminine_plural(adjective, lang)}
            forms["adjm"] = french_masculine(adjective) if lang == "fr" else adjective
            for pattern in lexicon()[section][lang]:
                phrases.append(Phrase(phrase_keys(pattern.format(**forms)), entry))
    return phrases


@cache
def nationality_codes() -> dict[tuple[str, str], str]:
    """(language, folded adjective) -> country code, in both genders: 'japanese' in English
    is JP, and so are 'japonaise' and 'japonais' in French, 'giapponese' in Italian."""
    codes: dict[tuple[str, str], str] = {}
    for code, adjectives in nationality_rows():
        for lang, adjective in zip(_ADJECTIVE_LANGS, adjectives, strict=True):
            masculine = french_masculine(adjective) if lang == "fr" else re.sub(r"a$", "o", adjective)
            for form in (adjective, masculine):
                codes.setdefault((lang, fold(form)), str(code))
    return codes


def french_masculine(feminine: str) -> str:
    """'suédoise' -> 'suédois', 'italienne' -> 'italien', 'allemande' -> 'allemand',
    'grecque' -> 'grec'; 'belge', 'suisse', 'russe' stay as they are."""
    if feminine.endswith("enne"):
        return feminine[:-2]
    if feminine.endswith("cque"):
        return feminine[:-3]
    if feminine.endswith("que") and feminine[-4] in "rt":
        return feminine[:-3] + "c"  # 'turque' -> 'turc'
    silent_e = len(feminine) > 2 and feminine[-2] in "dtsnl" and not feminine.endswith("sse")
    if feminine.endswith("e") and silent_e:
        return feminine[:-1]
    return feminine


def _feminine_plural(adjective: str, lang: str) -> str:
    """'italienne' -> 'italiennes', 'italiana' -> 'italiane', 'tedesca' -> 'tedesche',
    'francese' -> 'francesi'."""
    if lang == "en":
        return adjective
    if lang == "it":
        if adjective.endswith(("ca", "ga")):
            return adjective[:-1] + "he"
        return adjective[:-1] + ("e" if adjective.endswith("a") else "i")
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"


# Brazil's state bodies: each state has its civil and military police and its public prosecutor
# ("Ministério Público"), named in full or by acronyms built on the state's code.
_STATE_BODIES = {
    "police": ("Polícia Civil", "PC", "police"),
    "military police": ("Polícia Militar", "PM", "police"),
    "prosecutor": ("Ministério Público", "MP", "prosecutor"),
    "court": ("Tribunal de Justiça", "TJ", "court"),
}


@cache
def state_bodies(body: str) -> dict[tuple[str, ...], Entry]:
    """The keys of a Brazilian state's name ('minas', 'gerais') -> that state's `body`
    ('police', 'military police', 'prosecutor' or 'court')."""
    title, _, kind = _STATE_BODIES[body]
    return {
        phrase_keys(of_state)[1:]: Entry(
            label=Label.AGENCY, name=f"{title} {of_state}", kind=kind, country="BR"
        )
        for of_state in lexicon()["brazilian_states"].values()
    }


def state_police() -> dict[tuple[str, ...], Entry]:
    return state_bodies("police")


def _state_body_phrases() -> list[Phrase]:
    """Brazil's state bodies: 'Polícia Civil de Minas Gerais', '... do Estado de Minas
    Gerais', the acronyms 'PCMG' and 'PC-MG'; 'Ministério Público de São Paulo', 'MPSP';
    'Tribunal de Justiça de Goiás', 'TJGO'."""
    phrases = []
    for body, (title, prefix, _) in _STATE_BODIES.items():
        for code, of_state in lexicon()["brazilian_states"].items():
            entry = state_bodies(body)[phrase_keys(of_state)[1:]]
            for spelling in (f"{title} {of_state}", f"{title} do Estado {of_state}"):
                phrases.append(Phrase(phrase_keys(spelling), entry))
            for acronym in (f"{prefix}{code}", f"{prefix}-{code}"):
                phrases.append(Phrase(phrase_keys(acronym), entry, exact=acronym))
    return phrases


@cache
def country_matcher() -> PhraseMatcher:
    """Every name pycountry (through graph.model.countries) knows in the seven languages, less the
    ISO alpha-3 codes, which are words too ("CAN", "AND", "PER")."""
    alpha3 = {fold(c.alpha_3) for c in pycountry.countries}
    matcher = PhraseMatcher()
    codes = [c.alpha_2 for c in pycountry.countries] + ["XK"]
    for code in codes:
        entry = Entry(label=Label.COUNTRY, name=code)
        for name in country_names(code):
            keys = tuple(name.split())
            if name in alpha3 and name not in {"usa"}:
                continue
            if all(len(k) <= 2 for k in keys) or name == "usa":
                # "US", "UK", "U.S.": only in capitals (not the pronoun "us").
                for spelling in _capital_spellings(name):
                    matcher.add(Phrase(keys, entry, exact=spelling))
                continue
            matcher.add(Phrase(keys, entry, after_preposition=name in _AMBIGUOUS_COUNTRIES))
    return matcher


@cache
def place_names() -> dict[tuple[str, ...], frozenset[str]]:
    """The names of the states, provinces and regions of ISO 3166-2 ("Rio Grande do Sul",
    "Alicante") and of the world's large cities (world_cities.yaml: "Porto Alegre",
    "Nairobi"), each with the countries that have a place so named."""
    by_name: dict[tuple[str, ...], set[str]] = {}
    for subdivision in pycountry.subdivisions:
        for name in _subdivision_names(subdivision.name, subdivision.country_code, subdivision.type):
            by_name.setdefault(phrase_keys(name), set()).add(subdivision.country_code)
    for code, cities in lexicon()["cities"].items():
        for spellings in cities:
            for name in spellings:
                by_name.setdefault(phrase_keys(name), set()).add(code)
                # "Santiago de Chile" is also written "Santiago", a name Dominican Santiago shares.
                short = _OF_ITS_COUNTRY.match(name)
                if short and country_code(short.group(2)) == code:
                    by_name.setdefault(phrase_keys(short.group(1)), set()).add(code)
    return {keys: frozenset(codes) for keys, codes in by_name.items()}


@cache
def place_matcher() -> PhraseMatcher:
    """The places of `place_names`, each naming its country; a name several countries share
    ("Córdoba"), a country's name, and short names (often words) are left out."""
    # No one word a country's name starts with ("North", "Papua"), but for a large city that
    # is also one ("Porto", as in "Porto Rico").
    countries = set(country_matcher().by_first) - _CITIES_OPENING_A_COUNTRY_NAME
    matcher = PhraseMatcher()
    for keys, codes in place_names().items():
        if keys in _INDUSTRIES_NAMED_BY_A_PLACE or keys in _COMPASS_WORDS:
            continue
        if (
            len(codes) == 1
            and len("".join(keys)) >= _PLACE_MIN
            and not (len(keys) == 1 and keys[0] in countries)
        ):
            (code,) = codes
            matcher.add(Phrase(keys, Entry(label=Label.COUNTRY, name=code, kind=PLACE_IN_COUNTRY)))
    return matcher


_CITIES_OPENING_A_COUNTRY_NAME = {"porto"}
# Regions named by a point of the compass ("Norte", Guinea-Bissau's): in any other country's
# news, "no Norte e no Noroeste do estado" is a part of that country.
_COMPASS_WORDS = {
    (word,)
    for word in (
        *("norte", "sul", "sur", "nord", "sud", "north", "south", "east", "west", "est", "ouest", "oeste"),
        *("leste", "este", "centro", "centre", "center", "central", "noroeste", "nordeste", "sudeste"),
        *("sudoeste", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "northeast", "northwest"),
    )
}
_OF_ITS_COUNTRY = re.compile(r"^(.+?) (?:de|del|do|du|di|da) (.+)$")
# Towns whose name, in news of piracy, stands for an industry: "Hollywood studios".
_INDUSTRIES_NAMED_BY_A_PLACE = {("hollywood",)}
# The kinds of bodies that speak for a trade: they investigate, complain and are quoted, but
# arrest no one.
INDUSTRY_KINDS = frozenset(
    {"industry coalition", "industry association", "industry anti-piracy body", "collecting society"}
)
PLACE_IN_COUNTRY = "place in the country"  # the Entry.kind of a state, province, region or city
_PLACE_MIN = 4  # letters: shorter names are mostly words or codes


def _subdivision_names(name: str, country: str, kind: str) -> list[str]:
    """'Barcelona [Barcelona]' -> Barcelona; 'Alicante / Alacant' -> both; 'London, City of' -> none;
    and the short forms papers write: 'Incheon-gwangyeoksi' -> Incheon, 'Região Autónoma
    dos Açores' -> Açores, 'Hà Nội' -> Hanoi; and the name with its kind, as English papers
    write it: Zambia's 'North-Western' is also 'North-Western Province' (a name Sri Lanka's
    province shares)."""
    name = re.sub(r"\s*\[.*?\]", "", name)
    if "," in name or "(" in name:
        return []
    names = [part.strip() for part in name.split("/") if part.strip()]
    short = [_SUBDIVISION_WORDS.sub("", n) for n in names]
    joined = ["".join(n.split()) for n in names if country == "VN" and len(n.split()) == 2]
    with_kind = [f"{n} {kind}" for n in names if kind in _KINDS_WRITTEN_AFTER and not n.endswith(kind)]
    return list(dict.fromkeys(names + [n for n in short if n] + joined + with_kind))


_KINDS_WRITTEN_AFTER = {"Province", "Region", "State", "District", "Department", "County", "Prefecture"}


# The words of an official name that papers leave out.
_SUBDIVISION_WORDS = re.compile(
    r"-(?:gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi)$"
    r"|^(?:Região Autónoma d[aoe]s?|Región Autónoma de|Regione Autonoma|Région autonome de) "
)


def _capital_spellings(name: str) -> list[str]:
    keys = name.split()
    return [" ".join(k.upper() for k in keys)] if len(keys) > 1 else [name.upper()]


def units() -> dict[str, list[str]]:
    result: dict[str, list[str]] = lexicon()["units"]
    return result


@cache
def member_words() -> frozenset[str]:
    """Words for the members of a force ("agents", "militari"), from the units counted as
    police officers."""
    return frozenset(fold(w) for w in units()["police officers"] if " " not in w)


def cue_keys(kind: str) -> set[tuple[str, ...]]:
    return {phrase_keys(w) for w in lexicon()["cues"][kind]}


@cache
def _cues_by_first_word(kind: str) -> dict[str, list[tuple[str, ...]]]:
    """The cues of `kind` by their first word, longest first, then in text order: a fixed
    order, whatever the order a set of them happens to iterate in."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for cue in sorted(cue_keys(kind), key=lambda c: (-len(c), c)):
        if cue:
            by_first.setdefault(cue[0], []).append(cue)
    return by_first


def has_cue(keys: list[str], kind: str) -> int | None:
    """The token index in `keys` where the first cue of `kind` starts, or None."""
    by_first = _cues_by_first_word(kind)
    for i, key in enumerate(keys):
        for cue in by_first.get(key, ()):
            if tuple(keys[i : i + len(cue)]) == cue:
                return i
    return None


def ends_with_cue(keys: list[str], kind: str) -> bool:
    """`keys` end with a cue of `kind`."""
    cues = (cue for cue in cue_keys(kind) if 0 < len(cue) <= len(keys))
    return any(tuple(keys[len(keys) - len(cue) :]) == cue for cue in cues)


@cache
def ordinal_words() -> frozenset[str]:
    """Ordinal words, folded: 'Segunda' in 'la Segunda Fiscalía'."""
    return frozenset(fold(w) for w in lexicon()["ordinal_words"])


@cache
def legal_forms() -> frozenset[str]:
    """Companies' legal forms, folded: 'Inc.', 'S.L.', 'Co., Ltd.'."""
    return frozenset(fold(w) for w in lexicon()["legal_forms"])


@cache
def rights_company_words() -> frozenset[str]:
    """Words of a company's name that say it owns works, folded: 'Records', 'Pictures'."""
    return frozenset(fold(w) for w in lexicon()["rights_company_words"])


@cache
def news_agencies() -> set[str]:
    """The news agencies, folded: 'según Europa Press' names who reports, not a target;
    'Buenos Aires, 2 sep (EFE)' is a dateline."""
    return {fold(w) for w in lexicon()["news_agencies"]}


# "News Agency of Nigeria", "agenzia di stampa Dire": a news agency by what it calls itself
# (names folded: "agência de notícias" is "agencia de noticias").
_NEWS_AGENCY_WORDS = re.compile(
    r"\b(?:news agency|press agency|agence de presse|agenzia di stampa|agencia de noticias"
    r"|agencia de prensa)\b"
)


@cache
def generic_body_phrases() -> frozenset[str]:
    """Words for a kind of body, folded: 'l'Autorità Giudiziaria' names no one body."""
    return frozenset(fold(w) for w in lexicon()["generic_body_phrases"])


def is_news_agency(name: str) -> bool:
    folded = fold(name)
    return folded in news_agencies() or _NEWS_AGENCY_WORDS.search(folded) is not None
