"""Draft a dossier from a news article, every fact with the span of text it came from."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

import yaml

from extraction import MAX_ARTICLE_CHARS
from extraction.arrests import find_arrests, seat_of_a_body
from extraction.chambers import with_its_chamber
from extraction.closing_lists import (
    rights_holders_between_known,
    rights_holders_closing_a_sentence,
    rights_holders_counted_as_members,
    rights_holders_filling_a_list,
)
from extraction.companies import company_facts
from extraction.complainants import complainant_facts
from extraction.countries import (
    countries_of_drafted_bodies,
    country_facts,
    country_matches,
    dateline_place,
    place_matches,
    places_country,
    places_of_local_bodies,
    residence_countries,
)
from extraction.dates import find_dates, in_other_operation
from extraction.defined_acronyms import defined_acronym_matches
from extraction.draft import ArticleMeta, build_draft
from extraction.facts import Fact, Span, merge_facts
from extraction.figures import find_figures
from extraction.lexicon import (
    Entry,
    Match,
    cue_keys,
    ends_with_cue,
    entity_matcher,
    has_cue,
    lexicon,
    national_police,
    phrase_keys,
    place_matcher,
)
from extraction.names import (
    agency_facts,
    field_first_merged,
    group_facts,
    lexicon_facts,
    named_for_comparison,
    named_with_its_parent,
    operation_facts,
    rights_holder_list_facts,
    shared_head_matches,
    without_quoted_industry_bodies,
)
from extraction.people import charged_people
from extraction.relevance import mark_doubtful
from extraction.shared_names import localised
from extraction.target_lists import listed_targets, named_in_a_list_of_its_own
from extraction.text import LANGUAGES, Article, crosses_a_clause, detect_language
from extraction.town_courts import town_courts_merged
from graph.errors import InvalidInput
from graph.model.countries import country_name
from graph.model.ids import fold
from graph.model.schema import Label, get_schema
from loaders.dossier import Dossier, parse_dossier


def read_article(text: str, lang: str = "auto") -> Article:
    return Article(text, detect_language(text) if lang == "auto" else lang)


def extract_facts(article: Article, published: dt.date | None = None) -> list[Fact]:
    """Every fact the article states, one per (kind, key), each with all its spans."""
    everything = entity_matcher().find(article) + shared_head_matches(article)
    everything += defined_acronym_matches(article, everything)
    unquoted = without_quoted_industry_bodies(article, everything)
    # Their words are no other body's name either ("Alliance for Creativity in Entertainment").
    only_comment = [(m.start, m.end) for m in everything if m not in unquoted]
    named = localised(article, unquoted)
    figures = find_figures(article)
    # "$ US" in "12 495 271 $ US" is a currency, not the United States.
    countries = [
        m
        for m in country_matches(article, named)
        if not any(s.start <= m.start < s.end for f in figures for s in f.spans)
    ]
    if not countries:
        # "la banlieue de Dakar": an article naming no country acts where its places are.
        countries = places_country(article, named)
    facts: list[Fact] = []
    facts += lexicon_facts(article, named)
    facts += rights_holder_list_facts(article, named)
    listed = rights_holders_closing_a_sentence(article, named)
    listed += rights_holders_filling_a_list(article, named)
    listed += rights_holders_counted_as_members(article, named)
    listed += rights_holders_between_known(article, named)
    facts += listed
    facts += complainant_facts(article, named)
    facts += [f for f in agency_facts(article, named) if not _on_words_of(article, f, only_comment)]
    facts = _same_words_merged(_named_before_a_known_acronym_merged(article, facts))
    facts = _same_name_merged(facts)
    facts = _numbered_units_merged(article, facts)
    facts = _generic_police_merged(field_first_merged(_short_names_merged(facts)))
    facts = _corps_in_its_provincial_command(facts)
    facts = with_its_chamber(article, facts)  # "la Sección 4ª de la Audiencia...": the chamber too
    facts = town_courts_merged(article, facts)
    countries += countries_of_drafted_bodies(article, facts)
    if not countries:
        countries = places_of_local_bodies(article, facts) or dateline_place(article, named)
    # "the National Intelligence Service": a body's name is no service's, whatever its words;
    # nor is a channel's listed among the signals pirated ("Canal Rural").
    bodies = [(s.start, s.end) for f in facts if f.kind == "agency" or f in listed for s in f.spans]
    bodies += only_comment  # "un portavoz de Canal Satélite Digital": a company that only spoke
    facts += [
        f
        for f in group_facts(article, named)
        if not any(start < f.spans[0].end and f.spans[0].start < end for start, end in bodies)
    ]
    # "la empresa Prelo S.L.": a company written with its legal form, where nothing else is read
    # and no target drafted already is that company ("ITVBox.net Inc." is the site itvbox.net).
    drafted = [(s.start, s.end) for f in facts for s in f.spans]
    targets = {_site_key(f.key) for f in facts if f.kind == "group"}
    facts += [
        f
        for f in company_facts(article, named)
        if not any(start < s.end and s.start < end for s in f.spans for start, end in drafted)
        and not any(re.match(rf"{re.escape(target)}\b", fold(f.key)) for target in targets)
    ]
    # "www.divxtotal.com" holds "divxtotal.com", drafted already, and "Filmzenstream" is the
    # site "filmzenstream.com": a listed name adds no second target.
    bodies += [(s.start, s.end) for f in facts if f.kind == "group" for s in f.spans]
    sites = {_site_key(f.key) for f in facts if f.kind == "group"}
    facts += [
        f
        for f in listed_targets(article, named) + named_in_a_list_of_its_own(article, named)
        if not any(start < f.spans[0].end and f.spans[0].start < end for start, end in bodies)
        and fold(re.sub(r"^www\.", "", f.key, flags=re.IGNORECASE)) not in sites
    ]
    # "s'ajoute à une autre opération d'ACE en Tunisie (Akfasat)": another operation's
    # country and target, named only in the sentence that compares it, are not this one's.
    countries = _outside_other_operations(article, countries)
    # A drafted body named only there acted in that other operation ("les forces de l'ordre du Sénégal").
    facts = [
        f
        for f in facts
        if not (f.kind == "group" or (f.kind == "agency" and f.confidence == "low"))
        or not _only_in_other_operations(article, f)
    ]
    facts = [f for f in facts if f.kind != "group" or not _a_news_source(article, f)]
    # "più iscritti di Netflix, Hulu e Vudu messi insieme": the list's unknown names too.
    facts = [
        f for f in facts if f.kind != "rights_holder" or not named_for_comparison(article, f.spans[0].start)
    ]
    facts = [f for f in facts if f.kind != "rights_holder" or not _an_operator_told_to_block(article, f)]
    facts = _without_a_coalitions_members(article, facts)
    facts = [f for f in facts if f.kind != "agency" or not _said_absent(article, f)]
    facts = [f for f in facts if f.kind != "agency" or not _only_as_a_licensing_body(article, f)]
    # "Oficina Periférica de Comunicación de la Guardia Civil" gives out the news and acts in
    # nothing; "Office Professional Plus" is software, not an office of a body.
    facts = [f for f in facts if f.kind != "agency" or not _holds(f.key, *_NOT_A_BODY_ACTING)]
    facts = [f for f in facts if f.kind != "agency" or not _an_instrument(f.key)]
    facts = [f for f in facts if f.kind != "platform" or not _only_where_someone_spoke(article, f)]
    facts = [f for f in facts if f.kind != "platform" or not _only_naming_a_device(article, f)]
    taken_down = {f.key for f in facts if _a_host_taken_down(article, f)}
    facts = [_as_target(f) if f.kind == "platform" and f.key in taken_down else f for f in facts]
    facts += country_facts(article, countries)
    facts += figures
    facts += find_dates(article, published)
    # A suspect who lives in another country may have been arrested there: no country is assumed.
    named_countries = {m.entry.name for m in countries}
    lives_abroad = bool({m.entry.name for m in residence_countries(article)} - named_countries)
    international = _counts_countries(figures) or lives_abroad
    facts += find_arrests(article, countries, place_matches(article, named), international)
    operations = operation_facts(article)
    facts = [f for f in facts if not _an_operations_name(f, operations)]
    facts += operations
    facts += _the_police(article, facts, countries)
    facts += _the_customs(article, facts, countries)
    facts += _the_gendarmerie(article, facts, countries)
    facts = _without_earlier_cases(article, facts)
    named_spans = [(s.start, s.end) for f in facts if f.kind in _NAMED_KINDS for s in f.spans]
    facts += charged_people(article, named_spans)
    return _one_service_per_name(article, merge_facts(facts))


# "Flujo TV (antes MagisTV)", "the site (formerly X)": a service's former name in brackets.
_FORMER_NAME = re.compile(
    r"\s*\((?:antes|anteriormente|antiguamente|formerly|previously|ex-?|anciennement|précédemment|già|"
    r"prima|conocid[ao] como|também conhecid[ao] como)\s+([^()\n]{2,40})\)",
    re.IGNORECASE,
)


def _one_service_per_name(article: Article, facts: list[Fact]) -> list[Fact]:
    """'Flujo TV' and 'FlujoTV' are one service written two ways, and a service's former
    name in brackets after it is the same service: one target, with every span."""
    groups = [f for f in facts if f.kind == "group"]
    into: dict[int, Fact] = {}
    for fact in groups:
        squeezed = fold(fact.key).replace(" ", "")
        first = next(g for g in groups if fold(g.key).replace(" ", "") == squeezed)
        if first is not fact:
            into[id(fact)] = first
    for fact in groups:
        for span in fact.spans:
            former = _FORMER_NAME.match(article.text, span.end)
            if former is None:
                continue
            named = fold(former.group(1)).replace(" ", "")
            for other in groups:
                if other is not fact and fold(other.key).replace(" ", "") == named and id(fact) not in into:
                    into[id(other)] = fact
    for fact in groups:
        target, seen = into.get(id(fact)), {id(fact)}
        while target is not None and id(target) in into and id(target) not in seen:
            seen.add(id(target))
            target = into[id(target)]
        if target is not None and id(target) not in into:
            target.spans += [s for s in fact.spans if s not in target.spans]
            target.spans.sort(key=lambda s: s.start)
    return [f for f in facts if id(f) not in into]


def _outside_other_operations(article: Article, countries: list[Match]) -> list[Match]:
    """The countries, less those named only in sentences about another operation."""
    elsewhere = {m.entry.name for m in countries if not in_other_operation(article, m.start)}
    return [m for m in countries if m.entry.name in elsewhere]


# "Le site Rossiyskaya Gazeta, cité par Publishing Perspective, rapporte que...": a site that
# reports the news (cited, or reporting that...), not a target.
_REPORTS_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:cité par|cités par|cited by|quoted by|citato da|citada por|citado por"
    r"|rapporte que|reports that|reported that|riporta che|informa que|informó que|relata que|relatou que"
    # a site that has followed the case: "Le site Clubic, qui suit le dossier depuis le début"
    r"|qui suit le dossier|qui suit l'affaire|which has followed the case|che segue la vicenda"
    r"|que sigue el caso|que acompanha o caso)\b",
    re.IGNORECASE,
)


def _an_operations_name(fact: Fact, operations: list[Fact]) -> bool:
    """'operation "Spur"', 'las operaciones Fastlink y Site Down': the operation's code name
    is no target, even where a trigger word drafted it as one."""
    if fact.kind != "group":
        return False
    return any(fold(fact.key).replace(".", " ") == op.key.replace(".", " ") for op in operations)


def _an_instrument(name: str) -> bool:
    """'una Comisión Rogatoria Internacional': a request between courts, not a body."""
    return any(fold(w) in _instrument_words() for w in name.split())


@cache
def _instrument_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon()["instrument_words"])


def _a_news_source(article: Article, fact: Fact) -> bool:
    """Cited as the source of the news: 'X, cité par Y, rapporte que', 'd'après les informations
    recueillies par Gabonactu.com'."""
    return all(
        _REPORTS_AFTER.match(article.text[s.end : s.end + 120])
        or _gathered_by(article, s.start)
        or _SOURCE_LINE.search(article.text, max(0, s.start - 20), s.start)
        for s in fact.spans
    )


# "Fuente: andina.pe", "Source : Le Monde": the line crediting the report.
_SOURCE_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?:Fuentes?|Sources?|Fontes?|Fonti|Quelle)[ \t]*:[ \t]*$", re.IGNORECASE
)


_GATHERED_REACH = 6  # words of the longest "gathered by" cue


def _gathered_by(article: Article, start: int) -> bool:
    i = article.token_index(start)
    before = tuple(t.key for t in article.tokens[max(0, i - _GATHERED_REACH) : i])
    return any(before[len(before) - len(cue) :] == cue for cue in cue_keys("gathered_by"))


# Right before a platform: someone spoke or posted there ("a réagi sur Twitter", "escribió en
# Twitter", "desde su cuenta de X (Twitter)", "in un post su X (ex Twitter)"); the verb right
# before the preposition, or a day between them ("a fait savoir le 17 octobre sur X").
_ON = r"(?:sur|on|en|su|no|na|em|desde)\s+"
_X_FIRST = r"(?:X\s*\(\s*(?:ex[- ]?)?)?"
_SPOKE_ON = re.compile(
    r"\b(?:réagi|écrit|écrivait|félicitée?|réjouie?|relayé|interrogeaient|fait savoir|wrote|tweeted"
    r"|commented|announced|escribió|anunció|publicó|scritto|pubblicato|escreveu|publicou|comentou)"
    r"(?:\s+(?:le|el|il|on|o)\s+\d{1,2}(?:er)?\s+[^\W\d_]+)?\s+" + _ON + _X_FIRST + r"$"
    r"|\b(?:son|sa|his|her|their|su|sua|seu|leur)\s+(?:compte|account|cuenta|conta|profilo|profil|perfil)"
    r"\s+(?:de\s+)?" + _X_FIRST + r"$"
    r"|\bpost\s+" + _ON + _X_FIRST + r"$",
    re.IGNORECASE,
)


def _only_where_someone_spoke(article: Article, fact: Fact) -> bool:
    """'« Justice n'a pas été rendue », a réagi sur Twitter l'avocat': a social network named
    only as where someone spoke is no tool of the targets."""
    if fact.data.get("kind") != "social network":
        return False
    return all(_SPOKE_ON.search(article.text[max(0, s.start - 60) : s.start]) for s in fact.spans)


def _only_naming_a_device(article: Article, fact: Fact) -> bool:
    """'selling modified Kodi boxes', 'un boîtier Kodi': a platform named only as the kind of
    a device sold is no tool of the targets."""
    devices = cue_keys("device_kind")
    tokens = article.tokens
    for span in fact.spans:
        before = article.token_index(span.start) - 1
        after = article.token_index(span.end)
        following = [t.key for t in tokens[after : after + 3]]
        if following[:1] == ["like"]:  # "Kodi-like boxes"
            following = following[1:]
        named_before = before >= 0 and (tokens[before].key,) in devices
        if not (named_before or tuple(following[:1]) in devices or tuple(following[:2]) in devices):
            return False
    return True


_HOSTS = {"file host", "cyberlocker"}


def _a_host_taken_down(article: Article, fact: Fact) -> bool:
    """'Uptobox et Uptostream hors ligne après un raid policier': a file host the title says
    was taken down is the operation's target, not a tool of one."""
    if fact.kind != "platform" or fact.data.get("kind") not in _HOSTS:
        return False
    titled = [s for s in fact.spans if article.in_first_line(s.start)]
    if not titled:
        return False
    line = article.sentence_at(titled[0].start)
    return has_cue([t.key for t in article.tokens if line.start <= t.start < line.end], "action") is not None


def _as_target(fact: Fact) -> Fact:
    note = "a file host the title says the operation took down: check it is the target"
    data = {"label": Label.GROUP, "kind": fact.data["kind"], "country": None}
    return Fact("group", fact.key, fact.spans, "medium", [*fact.notes, note], data)


_ABSENT_REACH = 5  # tokens before a body: "sem a participação da", "without the involvement of the"


def _said_absent(article: Article, fact: Fact) -> bool:
    """'com o apoio da GCM e sem participação da Polícia Federal': a body the text says took
    no part, wherever it names it."""
    tokens = article.tokens
    for span in fact.spans:
        i = article.token_index(span.start)
        sentence_start = article.sentence_at(span.start).start
        before = [t for t in tokens[max(0, i - _ABSENT_REACH) : i] if t.start >= sentence_start]
        found = has_cue([t.key for t in before], "absent")
        if found is None or crosses_a_clause(article.text, before[found].start, span.start):
            return False
    return True


def _only_as_a_licensing_body(article: Article, fact: Fact) -> bool:
    """'aparelhos sem homologação da Anatel', 'sin autorización del Enacom': a body named only
    as the one whose licence or approval goods lack or fake took no part; its acronym in
    brackets after its name ("... Telecomunicações (Anatel)") goes with that name."""
    tokens = article.tokens
    spans = sorted(fact.spans, key=lambda s: s.start)
    for n, span in enumerate(spans):
        if n and article.text[spans[n - 1].end : span.start].strip() == "(":
            continue
        i = article.token_index(span.start)
        before = [t.key for t in tokens[max(0, i - _ABSENT_REACH) : i]]
        if not ends_with_cue(before, "licensing"):
            return False
    return True


_NOT_A_BODY_ACTING = ("press_office", "product_with_body_word")


def _holds(name: str, *kinds: str) -> bool:
    """Whether a name holds a cue of one of `kinds`."""
    keys = list(phrase_keys(name))
    return any(has_cue(keys, kind) is not None for kind in kinds)


def _only_in_other_operations(article: Article, fact: Fact) -> bool:
    return all(in_other_operation(article, s.start) for s in fact.spans)


# Facts a paragraph about an earlier case holds only as context: the rest are still named.
_CONTEXT_KINDS = {"figure", "date", "group", "arrest", "operation"}


def _without_earlier_cases(article: Article, facts: list[Fact]) -> list[Fact]:
    """'Un précédent à cinq millions d'euros. En septembre, la justice avait infligé...': from
    a sentence holding a word for an earlier case to its paragraph's end, the text tells
    another case; its figures, dates, services and arrests are not this operation's."""
    paragraphs = [m.span() for m in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", article.text)]
    earlier = []
    for start, end in paragraphs:
        for sentence in (s for s in article.sentences if start <= s.start < end):
            keys = [t.key for t in article.tokens if sentence.start <= t.start < min(sentence.end, end)]
            if has_cue(keys, "earlier_case") is not None:
                earlier.append((sentence.start, end))
                break
    if not earlier:
        return facts
    return [
        f
        for f in facts
        if f.kind not in _CONTEXT_KINDS or not all(any(a <= s.start < b for a, b in earlier) for s in f.spans)
    ]


# "la police a saisi...", "La Policía ha arrestado": a country's police named by its common
# noun alone (the noun marked).
_THE_POLICE = {
    # English names the police without an article too ("police have seized"), but not in a
    # title ("Superintendent of Police")
    "en": re.compile(r"(?<!\bof )\b(?:[Tt]he )?(?P<noun>[Pp]olice)\b(?!\s+(?:of|in|from)\b|\s+[A-ZÀ-Þ])"),
    "fr": re.compile(r"\b[Ll]a (?P<noun>[Pp]olice)\b(?!\s+(?:de|d['’]|du|des)\b|\s+[A-ZÀ-Þ])"),
    "it": re.compile(r"\b[Ll]a (?P<noun>[Pp]olizia)\b(?!\s+(?:di|del|della|dello)\b|\s+[A-ZÀ-Þ])"),
    "es": re.compile(r"\b[Ll]a (?P<noun>[Pp]olicía)\b(?!\s+(?:de|del)\b|\s+[A-ZÀ-Þ])"),
    "pt": re.compile(r"\b[Aa] (?P<noun>[Pp]olícia)\b(?!\s+(?:de|do|da|dos|das)\b|\s+[A-ZÀ-Þ])"),
}
_POLICE_KINDS = {"police", "police unit", "national security forces"}
_POLICE_IN = r"\b[Pp]olice (?:in|of) (?:the )?"  # followed by the country's name


def _the_police(article: Article, facts: list[Fact], countries: list[Match]) -> list[Fact]:
    """'Au moment de leur arrestation, la police a mis la main sur...' in an article about
    one country (a body's seat aside) that names no police body: that country's police, at
    low confidence."""
    if any(f.kind == "agency" and f.data.get("kind") in _POLICE_KINDS for f in facts):
        return []
    codes = {m.entry.name for m in countries if not seat_of_a_body(article.tokens, m)}
    pattern = _THE_POLICE.get(article.lang)
    if pattern is None or len(codes) != 1:
        return []
    code = next(iter(codes))
    adjectives = lexicon()["nationalities"].get(code)
    entry = _only_national_police(code)
    if entry is None and adjectives:
        entry = national_police()[("en", fold(adjectives[0]))]
    if entry is None:
        # A country the lexicon has no adjective for: "Samoa police".
        entry = Entry(label=Label.AGENCY, name=f"{country_name(code)} police", kind="police", country=code)
    found = _named_only_by_word(article, pattern, entry, "check which force acted")
    if not found and article.lang == "en":
        # "Police in the Philippines seized...": the police of the article's one country.
        in_country = re.compile(rf"{_POLICE_IN}{re.escape(country_name(code))}\b")
        found = _named_only_by_word(article, in_country, entry, "check which force acted")
    return found


def _named_only_by_word(article: Article, pattern: re.Pattern[str], entry: Entry, check: str) -> list[Fact]:
    """The body `entry`, where the article names it only by a common word ("la police"),
    in a sentence telling an action or an arrest; at low confidence."""
    # the span is the noun alone where the pattern marks it: "policía", not "la policía"
    group = "noun" if "noun" in pattern.groupindex else 0
    spans = [
        Span(m.start(group), m.end(group), m.group(group))
        for m in pattern.finditer(article.text)
        if _acts(article, m.start())
    ]
    if not spans:
        return []
    note = f"named only as {spans[0].text!r} in an article about {entry.country}: {check}"
    data = {"label": entry.label, "kind": entry.kind, "country": entry.country}
    return [Fact("agency", entry.name, spans, "low", [note], data)]


# Customs named by the word alone: "customs officers", "la douane", "i doganieri".
_THE_CUSTOMS = {
    "en": re.compile(r"\b[Cc]ustoms(?:\s+(?:officers|officials|agents))?\b(?!\s+(?:of|and\s+Excise)\b)"),
    # the span is the noun: "douanes", as readers name the body when the text gives no other name;
    # capitalised too, as the institution is often written ("la Aduana")
    "fr": re.compile(
        r"\b(?:[Ll]a |[Ll]es |[Ll]es agents des )(?P<noun>[Dd]ouanes?|douaniers)\b(?!\s+(?:de|d['’]|du)\b)"
    ),
    "it": re.compile(
        r"\b(?:[Ll]a |[Ll]e |[Ii] )(?P<noun>[Dd]ogana|[Dd]ogane|doganieri|funzionari doganali)\b"
        r"(?!\s+(?:di|del)\b)"
    ),
    "es": re.compile(
        r"\b(?:[Ll]a |[Ll]as |[Ll]os |[Ll]os agentes )(?P<noun>[Aa]duanas?|aduaneros)\b(?!\s+(?:de|del)\b)"
    ),
    "pt": re.compile(
        r"\b(?:[Aa] |[Aa]s |[Oo]s fiscais )(?P<noun>[Aa]lfândegas?|aduaneiros)\b(?!\s+(?:de|do|da)\b)"
    ),
}


def _the_customs(article: Article, facts: list[Fact], countries: list[Match]) -> list[Fact]:
    """'Customs officers in Durban seized...', 'la douane a saisi...' in an article about one
    country that names no customs body: that country's customs when the lexicon knows one."""
    if any(f.kind == "agency" and f.data.get("kind") == "customs" for f in facts):
        return []
    codes = {m.entry.name for m in countries if not seat_of_a_body(article.tokens, m)}
    pattern = _THE_CUSTOMS.get(article.lang)
    entry = _only_body(next(iter(codes)), "customs") if len(codes) == 1 else None
    if pattern is None or entry is None:
        return []
    return _named_only_by_word(article, pattern, entry, "check it is this body")


# "la brigade de gendarmerie", "les gendarmes": a country's gendarmerie by the common noun.
_THE_GENDARMERIE = re.compile(
    r"\b(?:[Ll]a |[Ll]es |[Dd]es |[Aa]ux )(?:brigade de )?(?P<noun>gendarmerie|gendarmes)\b"
    r"(?!\s+(?:de|d['’]|du|des)\b|\s+[A-ZÀ-Þ])"
)


def _the_gendarmerie(article: Article, facts: list[Fact], countries: list[Match]) -> list[Fact]:
    """'la plainte transmise à la brigade de gendarmerie' in a French article about one
    country that names no gendarmerie: that country's, when the lexicon knows exactly one."""
    if article.lang != "fr" or any(f.kind == "agency" and "gendarm" in fold(f.key) for f in facts):
        return []
    codes = {m.entry.name for m in countries if not seat_of_a_body(article.tokens, m)}
    entry = _only_body(next(iter(codes)), "police", "gendarm") if len(codes) == 1 else None
    if entry is None:
        return []
    return _named_only_by_word(article, _THE_GENDARMERIE, entry, "check which force acted")


@cache
def _only_body(code: str, kind: str, named: str = "") -> Entry | None:
    """The country's one body of `kind` whose folded name holds `named`, when the lexicon
    knows exactly one, else None."""
    found = [
        a
        for a in lexicon()["agencies"]
        if a.get("country") == code and a.get("kind") == kind and named in fold(a["name"])
    ]
    if len(found) != 1:
        return None
    return Entry(label=Label.AGENCY, name=found[0]["name"], kind=kind, country=code)


_POLICE_NAME = re.compile(r"\bpoli[cz]|\bpoliti")  # a police force by name, not a guard or a gendarmerie


@cache
def _only_national_police(code: str) -> Entry | None:
    """The country's police force when the lexicon knows exactly one by that name ("Policía
    Nacional del Perú"), else None (the adjective's "<Country> police" is drafted)."""
    forces = [
        a
        for a in lexicon()["agencies"]
        if a.get("country") == code and a.get("kind") == "police" and _POLICE_NAME.search(fold(a["name"]))
    ]
    if len(forces) != 1:
        return None
    return Entry(label=Label.AGENCY, name=forces[0]["name"], kind="police", country=code)


def _acts(article: Article, offset: int) -> bool:
    """Whether the sentence at `offset` tells an action or an arrest."""
    sentence = article.sentence_at(offset)
    keys = [t.key for t in article.tokens if sentence.start <= t.start < sentence.end]
    return has_cue(keys, "action") is not None or has_cue(keys, "arrest") is not None


def _on_words_of(article: Article, fact: Fact, mentions: list[tuple[int, int]]) -> bool:
    """Whether the fact's words are one of `mentions`, or the name its bracketed acronym ends."""
    return any(
        (a < s.end and s.start < b) or article.text[s.end : a].strip() == "("
        for a, b in mentions
        for s in fact.spans
    )


def _short_names_merged(facts: list[Fact]) -> list[Fact]:
    """'the State Prosecutor' after 'the State Prosecutor for Serious Economic Crime': a
    drafted body named by the first words of another body's name is that body."""
    bodies = [f for f in facts if f.kind == "agency"]
    # The words each body was written with, before any merge below adds another's.
    written_as = {id(f): {fold(f.key)} | {fold(s.text) for s in f.spans} for f in bodies}
    merged_away: set[int] = set()
    kept = []
    for fact in facts:
        # "the State Prosecutor's office" names the State Prosecutor for ... written before.
        short = fold(re.sub(r"['’]s office$", "", fact.key)) + " "
        longer = next(
            (
                o
                for o in bodies
                if o is not fact
                and any(
                    fold(n).startswith(short)
                    or _after_a_possessive(n, fact.key)
                    or _after_its_place(n, fact.key)
                    for n in [o.key, *(s.text for s in o.spans)]
                )
            ),
            None,
        )
        # The words the text used count too: "polizia postale" (the lexicon's "Polizia di Stato
        # - Polizia Postale") in an article naming one "polizia postale di Catania".
        written = written_as.get(id(fact), set())
        of_place = [
            o
            for o in bodies
            if fold(o.key) != fold(fact.key) and any(_of_a_place(fold(o.key), name) for name in written)
        ]
        one_place = len({fold(o.key) for o in of_place}) == 1
        if fact.kind == "agency" and one_place:
            # "la Polícia Civil" in an article naming one "Polícia Civil de Pernambuco": that one.
            longer = of_place[0]
        # A bare shared name no country was given to ("Ministério da Justiça") is the longer one too.
        unplaced = fact.data.get("country") is None
        if (
            fact.kind == "agency"
            and longer is not None
            and id(longer) not in merged_away
            and (fact.confidence == "low" or one_place or unplaced or named_with_its_parent(fact, longer))
        ):
            longer.spans += [s for s in fact.spans if s not in longer.spans]
            longer.spans.sort(key=lambda s: s.start)
            merged_away.add(id(fact))
        else:
            kept.append(fact)
    return kept


_OF = ("de", "do", "da", "dos", "das", "di", "del", "della", "du", "des", "of")


def _of_a_place(longer: str, short: str) -> bool:
    """'policia civil de pernambuco' is 'policia civil' of a place (both folded); a body of
    a place already ('policia civil de mato grosso') is no short name of another's."""
    words = short.split()
    return not any(of in words for of in _OF) and any(longer.startswith(f"{short} {of} ") for of in _OF)


def _generic_police_merged(facts: list[Fact]) -> list[Fact]:
    """'Norwegian police seize...' in an article about Økokrim: a country's police named by
    its adjective is the one police body of that country the article names precisely."""
    generic = {f"{adjectives[0]} police" for adjectives in lexicon()["nationalities"].values()}
    # Police bodies, not their units: a unit belongs to one of them.
    police = [f for f in facts if f.kind == "agency" and f.data.get("kind") == "police"]
    kept = []
    for fact in facts:
        country = fact.data.get("country")
        same_country = [o for o in police if o.key not in generic and o.data["country"] == country]
        if fact.kind == "agency" and fact.key in generic and len(same_country) == 1:
            same_country[0].spans = sorted([*same_country[0].spans, *fact.spans], key=lambda s: s.start)
        else:
            kept.append(fact)
    return kept


def _without_a_coalitions_members(article: Article, facts: list[Fact]) -> list[Fact]:
    """ "L'ACE, qui réunit Netflix, Amazon et Disney": companies named only where an industry
    coalition's members are listed make the coalition up; they are no rights holders of this
    case. (A trade association's members listed are, as often as not, the ones it acts for.)"""
    coalitions = [f for f in facts if f.kind == "agency" and f.data.get("kind") == "industry coalition"]
    listing = {
        sentence
        for sentence in {article.sentence_at(s.start) for f in coalitions for s in f.spans}
        if has_cue([t.key for t in article.tokens if sentence.start <= t.start < sentence.end], "membership")
        is not None
    }
    return [
        f
        for f in facts
        if f.kind != "rights_holder" or not all(article.sentence_at(s.start) in listing for s in f.spans)
    ]


_REQUEST_REACH = 8  # words between "à la demande de" and the operator


def _an_operator_told_to_block(article: Article, fact: Fact) -> bool:
    """ "Free, Bouygues Telecom, Orange et SFR doivent bloquer l'accès": a telecom operator
    named only in sentences about blocking sites, or in an article about blocking only as a
    party the court orders ("la SCPP a assigné Orange, SFR et Free"), is ordered to block
    them, not wronged; unless it asked for the blocking ("à la demande de Vidéotron")."""
    if fact.data.get("kind") != "telecom operator":
        return False
    about_blocking = has_cue([t.key for t in article.tokens], "blocking") is not None
    for span in fact.spans:
        sentence = article.sentence_at(span.start)
        keys = [t.key for t in article.tokens if sentence.start <= t.start < sentence.end]
        before = [t.key for t in article.tokens if sentence.start <= t.start < span.start][-_REQUEST_REACH:]
        told = has_cue(keys, "blocking") is not None or (
            about_blocking and has_cue(before, "ordered_party") is not None
        )
        if not told or has_cue(before, "requested_by") is not None:
            return False
    return True


# "il Comando Provinciale della Guardia di Finanza di Pordenone": a corps' provincial command,
# named with its corps, is the corps acting in that province.
_PROVINCIAL_COMMAND = re.compile(r"comando provinciale (?:della|dei|dell) (?P<corps>.+) di .+")


def _corps_in_its_provincial_command(facts: list[Fact]) -> list[Fact]:
    """The corps' mentions join the one provincial command the article names: readers
    count them as one body. A specialised unit of the corps stays a body of its own, and so
    does a command whose name leaves out its corps ("il Comando Provinciale di Varese")."""
    commands = [f for f in facts if f.kind == "agency" and fold(f.key).startswith("comando provinciale ")]
    named_with_corps = _PROVINCIAL_COMMAND.fullmatch(fold(commands[0].key)) if len(commands) == 1 else None
    if named_with_corps is None:
        return facts
    command, corps_named = commands[0], named_with_corps.group("corps")
    police = [
        f
        for f in facts
        if f.kind == "agency"
        and f.data.get("kind") == "police"
        and corps_named in {fold(f.key), *(fold(s.text) for s in f.spans)}
    ]
    if len(police) != 1:
        return facts
    corps = police[0]
    command.add_spans(corps)
    command.data["implied_names"] = [*command.data.get("implied_names", []), corps.key]
    command.data["country"] = command.data.get("country") or corps.data.get("country")
    return [f for f in facts if f is not corps]


# "Juzgado de lo Penal número 14", "nº 14", "n.º 14", "núm. 14" (folded): one word for the number sign.
_NUMBER_WORDS = {"no": "numero", "n": "numero", "nro": "numero", "num": "numero"}


def _content_words(name: str) -> tuple[str, ...]:
    """A body's name less its small words, hyphens as spaces: 'Inspeção-Geral das Atividades
    Culturais' and 'Inspeção Geral de Atividades Culturais' are written with the same words."""
    words = fold(name.replace("-", " ")).split()
    return tuple(_NUMBER_WORDS.get(w, w) for w in words if w not in _small_words())


@cache
def _small_words() -> frozenset[str]:
    """The words a body's name is built with (the lexicon's name links), and English's."""
    return frozenset(fold(w) for w in lexicon()["name_links"]) | {"of", "the", "and", "for"}


def _less_its_place(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words of a body's name less the one-word place that ends it ('... de Lisboa')."""
    if len(words) < 3 or not any(len(p.keys) == 1 for p in place_matcher().by_first.get(words[-1], ())):
        return None
    return words[:-1]


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def _named_before_a_known_acronym_merged(article: Article, facts: list[Fact]) -> list[Fact]:
    """ "l'Office national des Droits d'auteurs (ONDA)": a drafted name written before the
    acronym of a body the lexicon knows is that body, however the article words it."""
    bodies = [f for f in facts if f.kind == "agency"]
    kept = []
    for fact in facts:
        known = _known_body_of_the_acronym_after(article, fact, bodies)
        if known is None:
            kept.append(fact)
        else:
            known.add_spans(fact)
    return kept


def _known_body_of_the_acronym_after(article: Article, fact: Fact, bodies: list[Fact]) -> Fact | None:
    if fact.kind != "agency" or fact.confidence != "low":
        return None
    after = _ACRONYM_AFTER.match(article.text, fact.spans[0].end)
    if after is None:
        return None
    acronym = after.group(1)
    return next(
        (
            o
            for o in bodies
            if o is not fact and o.confidence != "low" and any(s.text == acronym for s in o.spans)
        ),
        None,
    )


def _site_key(name: str) -> str:
    """A drafted site's name without 'www.' and its ending: 'www.Filmzenstream.com' is
    'filmzenstream'. A listed name keeps its ending: 'yts.mx' is no second 'YTS'."""
    return fold(re.sub(r"^www\.|\.[a-z]{2,4}$", "", name, flags=re.IGNORECASE))


def _same_name_merged(facts: list[Fact]) -> list[Fact]:
    """'la Compagnia di Bagheria ... la compagnia di Bagheria': one body, whatever the case."""
    first: dict[tuple[str, str], Fact] = {}
    kept = []
    for fact in facts:
        same = first.get((fact.kind, fold(fact.key)))
        if same is None:
            first[(fact.kind, fold(fact.key))] = fact
            kept.append(fact)
        else:
            same.spans.extend(s for s in fact.spans if s not in same.spans)
            implied = fact.data.get("implied_names", [])
            if implied:  # "las policías española y portuguesa": the name the text implies
                same.data["implied_names"] = [*same.data.get("implied_names", []), *implied]
    return kept


def _same_words_merged(facts: list[Fact]) -> list[Fact]:
    """A drafted body written with the words of another body's name, small words aside, or
    with those of its name less the place that ends it ('Tribunal da Propriedade Intelectual'
    after 'Tribunal de Propriedade Intelectual de Lisboa'), is that body."""
    bodies = [f for f in facts if f.kind == "agency"]
    merged_away: set[int] = set()

    def other_of(fact: Fact) -> Fact | None:
        words = _content_words(fact.key)
        if len(words) < 2 or (fact.data.get("country") is not None and fact.confidence != "low"):
            return None
        for other in bodies:
            if other is fact or id(other) in merged_away or fold(other.key) == fold(fact.key):
                continue
            names = [other.key, *(s.text for s in other.spans)]
            same = any(words in {_content_words(n), _less_its_place(_content_words(n))} for n in names)
            if same and (other.confidence != "low" or len(_content_words(other.key)) > len(words)):
                return other
        return None

    kept = []
    for fact in facts:
        other = other_of(fact) if fact.kind == "agency" else None
        if other is None:
            kept.append(fact)
            continue
        merged_away.add(id(fact))
        other.add_spans(fact)
    return kept


def _numbered_units_merged(article: Article, facts: list[Fact]) -> list[Fact]:
    """A numbered unit named again is that unit: a body written inside its name ("Polícia
    Judiciária" in "a 1ª Central de Polícia Judiciária"), its name in brackets after it ("o
    24º DIP (Distrito Integrado de Polícia)"), or its acronym with the same number ("a 24ª
    Delegacia de Polícia", then "a 24ª DP")."""
    units = [f for f in facts if f.kind == "agency" and f.data.get("numbered")]
    merged_away: set[int] = set()

    def names_again(unit: Fact, fact: Fact) -> bool:
        around = unit.spans[0]
        if all(
            (around.start <= span.start and span.end <= around.end)
            or article.text[around.end : span.start] in {"(", " ("}
            for span in fact.spans
        ):
            return True
        return bool(fact.data.get("numbered")) and _same_number_acronym(unit.key, fact.key)

    kept = []
    for fact in facts:
        unit = None
        if fact.kind == "agency":
            before = [u for u in units if u.spans[0].start < fact.spans[0].start]
            unit = next((u for u in before if id(u) not in merged_away and names_again(u, fact)), None)
        if unit is None:
            kept.append(fact)
        else:
            merged_away.add(id(fact))
            unit.add_spans(fact)
    return kept


def _same_number_acronym(one: str, other: str) -> bool:
    """'24ª Delegacia de Polícia' and '24ª DP': one number, and one name the other's initials."""
    (number, _, name), (other_number, _, other_name) = one.partition(" "), other.partition(" ")
    if number != other_number:
        return False
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    other_initials = "".join(w[0] for w in other_name.split() if w[:1].isupper())
    return (other_name.isupper() and other_name == initials) or (name.isupper() and name == other_initials)


def _after_its_place(longer: str, short: str) -> bool:
    """'the Crown Court' after 'Shrewsbury Crown Court': a body named again without the one
    capitalised word (its town) that opened its name."""
    head = longer[: len(longer) - len(short)].rstrip()
    return (
        " " in short
        and fold(longer).endswith(" " + fold(short))
        and re.fullmatch(r"[A-ZÀ-Ý][\w'’-]+", head) is not None
    )


def _after_a_possessive(longer: str, short: str) -> bool:
    """ "the Philippines' Bureau of Immigration", then "the Bureau of Immigration"."""
    head = longer[: len(longer) - len(short)].rstrip()
    return fold(longer).endswith(" " + fold(short)) and head.endswith(("'", "’", "'s", "’s"))


def _counts_countries(figures: list[Fact]) -> bool:
    """The article counts the countries the operation spans: "authorities from 13 countries"."""
    return any(f.data["unit"] == "countries" and f.data["value"] >= 2 for f in figures)


_NAMED_KINDS = {"agency", "group", "platform", "rights_holder", "country", "operation"}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_MARKUP = re.compile(r"<\s*(?:script|html|body|div|p|a|img|iframe|span)\b", re.IGNORECASE)


def check_article(text: str) -> None:
    """Plain text only: a draft's spans quote it, and dossiers refuse markup and control bytes."""
    if not text.strip():
        raise InvalidInput("the article is empty", field="text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InvalidInput(f"the article is over {MAX_ARTICLE_CHARS} characters", field="text")
    if _CONTROL.search(text):
        raise InvalidInput("the article contains control or bidirectional-override characters", field="text")
    if _MARKUP.search(text):
        raise InvalidInput("the article looks like HTML: send its plain text", field="text")


def draft_dossier(text: str, meta: ArticleMeta, lang: str = "auto", estimate: bool = True) -> Dossier:
    """The draft dossier, validated against the format and the schema (reviewed: false).
    Items the learned estimate doubts are marked low (`estimate=False`: the rules' own
    confidence alone, to measure the estimate against)."""
    check_article(text)
    if lang != "auto" and lang not in LANGUAGES:
        raise InvalidInput(
            f"unknown language {lang!r} (use auto or one of {', '.join(LANGUAGES)})", field="lang"
        )
    article = read_article(text, lang)
    raw = build_draft(article, extract_facts(article, meta.published), meta)
    if estimate:
        mark_doubtful(raw, text, article.lang, str(meta.published or ""))
    return parse_dossier(raw, "draft", get_schema())


def draft_yaml(dossier: Dossier) -> str:
    """The draft as a dossier file: the fields a person would write, in the usual order."""
    raw = dossier.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    ordered = {"format": raw["format"], "id": raw["id"], "reviewed": False}
    ordered.update({k: v for k, v in raw.items() if k not in ordered})
    header = (
        "# DRAFT drafted by `piracy-graph extract`: every fact cites the span of the article it\n"
        "# came from (start/end are character offsets). Check each one, fix or delete it, then\n"
        "# change reviewed to true: load refuses the file until then.\n"
    )
    return header + yaml.dump(
        {k: _readable(v) for k, v in ordered.items()},
        Dumper=_DraftDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )


_PROVENANCE = ("sources", "confidence", "notes", "spans")


class _Flow(dict[str, Any]):
    """A mapping written on one line: `{start: 12, end: 19, text: Europol}`."""


class _DraftDumper(yaml.SafeDumper):
    pass


_DraftDumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
)


def _readable(value: Any) -> Any:
    """What a fact says first, then where it comes from; spans one per line."""
    if isinstance(value, dict):
        keys = [k for k in value if k not in _PROVENANCE] + [k for k in _PROVENANCE if k in value]
        return {k: ([_Flow(s) for s in value[k]] if k == "spans" else _readable(value[k])) for k in keys}
    if isinstance(value, list):
        return [_readable(v) for v in value]
    return value
