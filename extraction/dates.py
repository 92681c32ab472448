"""Dates in the text, resolved against the publication date by dateparser.

Candidates are found with month and weekday names from Babel's CLDR data (six
languages); dateparser turns each into a date relative to the publication date, and the
pattern that matched says how precise it is (day, month or year)."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Mapping
from functools import cache

from babel.dates import get_day_names, get_month_names
from dateparser.date import DateDataParser

from extraction.facts import Fact, Span
from extraction.lexicon import ends_with_cue, has_cue, news_agencies
from extraction.text import (
    LANGUAGES,
    Article,
    crosses_a_clause,
    in_direct_speech,
    in_other_years_clause,
    trimmed,
)
from graph.model.ids import fold

# Days before the publication date.
_RELATIVE = {
    "fr": {
        "avant-hier": 2,
        "hier": 1,
        "aujourd'hui": 0,
        "aujourd’hui": 0,
        "ce matin": 0,
        "à l'aube": 0,
        "à l’aube": 0,
    },
    "en": {"the day before yesterday": 2, "yesterday": 1, "today": 0, "this morning": 0, "at dawn": 0},
    "it": {
        "ieri": 1,
        "oggi": 0,
        "stamattina": 0,
        "stamane": 0,
        "questa mattina": 0,
        "all'alba": 0,
        "all’alba": 0,
    },
    "es": {"anteayer": 2, "ayer": 1, "hoy": 0, "esta mañana": 0, "esta madrugada": 0},
    "pt": {
        "anteontem": 2,
        "ontem": 1,
        "ontem de manhã": 1,  # spelled out, since "ontem de" alone may open another day's name
        "ontem de madrugada": 1,
        "ontem à tarde": 1,
        "ontem à noite": 1,
        "hoje": 0,
        "hoje de manhã": 0,
        "esta manhã": 0,
        "nesta manhã": 0,
        "nesta madrugada": 0,
    },
    "de": {"vorgestern": 2, "gestern": 1, "heute": 0, "heute Morgen": 0},
}
# "All'alba di martedì", "at dawn on Friday": the dawn of the day named next, not today.
_DAY_NAMED_NEXT = r"(?!\s+(?:di|del|de|du|of|on|do|da)\b)"
# "This week", "last week": weeks before the publication date's week.
_WEEKS = {
    "fr": {"cette semaine": 0, "la semaine dernière": 1, "la semaine passée": 1},
    "en": {"this week": 0, "last week": 1},
    "it": {"questa settimana": 0, "la settimana scorsa": 1, "settimana scorsa": 1},
    "es": {"esta semana": 0, "la semana pasada": 1},
    "pt": {"esta semana": 0, "nesta semana": 0, "na semana passada": 1, "semana passada": 1},
    "de": {"diese woche": 0, "letzte woche": 1},
}
# "In recent days", "hace poco": the publication's month, when the days before it lie in it.
_RECENT = {
    "fr": ["ces derniers jours", "ces dernières heures", "dans les dernières heures", "il y a peu",
           "dernières 24 heures", "dernières 48 heures", "dernières 72 heures"],
    "en": ["in recent days", "in the past few days", "over the past few days", "in the last few hours",
           "last 24 hours", "past 24 hours", "last 48 hours", "past 48 hours", "last 72 hours",
           "past 72 hours"],
    "it": ["nei giorni scorsi", "negli ultimi giorni", "nelle ultime ore", "ultime 24 ore", "ultime 48 ore",
           "ultime 72 ore"],
    "es": ["en las últimas horas", "en los últimos días", "hace poco", "últimas 24 horas", "últimas 48 horas",
           "últimas 72 horas"],
    "pt": ["nos últimos dias", "nas últimas horas", "há pouco", "últimas 24 horas", "últimas 48 horas",
           "últimas 72 horas"],
}  # fmt: skip


def _recent_words(locale: str) -> str:
    return "|".join(map(re.escape, _RECENT.get(locale, [])))


_RECENT_DAYS = 7  # how far before the publication day "recently" reaches
# "Last month", "ce mois-ci": months before the publication's month.
_MONTHS_BACK = {
    "fr": {"ce mois-ci": 0, "le mois dernier": 1, "le mois passé": 1, "plus tôt ce mois-ci": 0,
           "au début du mois": 0},
    "en": {"this month": 0, "earlier this month": 0, "last month": 1, "earlier in the month": 0},
    "it": {"questo mese": 0, "il mese scorso": 1, "lo scorso mese": 1, "mese scorso": 1,
           "all'inizio del mese": 0},
    "es": {"este mes": 0, "el mes pasado": 1, "mes pasado": 1, "a principios de este mes": 0,
           "a principios de mes": 0},
    "pt": {"este mês": 0, "neste mês": 0, "no mês passado": 1, "mês passado": 1, "no início do mês": 0,
           "no início deste mês": 0},
}  # fmt: skip
# "Last year", "late last year", "cette année": years before the publication's year; a
# period of it ("late", "fin") stays within that year.
_YEARS_BACK = {
    "fr": {"cette année": 0, "l'année dernière": 1, "l'an dernier": 1, "l'an passé": 1, "l'année passée": 1},
    "en": {"this year": 0, "last year": 1},
    "it": {"quest'anno": 0, "l'anno scorso": 1, "lo scorso anno": 1, "anno scorso": 1},
    "es": {"este año": 0, "el año pasado": 1, "año pasado": 1},
    "pt": {"este ano": 0, "neste ano": 0, "no ano passado": 1, "ano passado": 1},
}
_PERIOD_OF_RELATIVE_YEAR = (
    "early|late|earlier|later|début|fin|au début de|à la fin de|a inizio|a fine|all'inizio dell['’]|"
    "alla fine dell['’]|a principios del|a finales del|a principios de|a finales de|principios de|"
    "finales de|no início do|no final do|no fim do|em meados do|a mediados del"
)
# "Last weekend", "le week-end dernier": the weekend before publication.
_WEEKENDS = {
    "fr": ["le week-end dernier", "ce week-end", "le week-end", "le weekend dernier", "ce weekend"],
    "en": ["last weekend", "this weekend", "at the weekend", "over the weekend", "on the weekend"],
    "it": ["lo scorso fine settimana", "nel fine settimana", "lo scorso weekend", "nel weekend",
           "questo fine settimana"],
    "es": ["el pasado fin de semana", "el fin de semana pasado", "este fin de semana", "el fin de semana"],
    "pt": ["no último fim de semana", "no fim de semana passado", "neste fim de semana", "no fim de semana",
           "no final de semana"],
}  # fmt: skip


# Words before a year that put it in the period it names ("a principios de 2020": 2020).
_PERIOD_OF_YEAR = (
    "early|late|mid|in early|in late|début|fin|début de|fin de|au début de|à la fin de|"
    "inizio|fine|all'inizio del|alla fine del|a principios de|a finales de|a mediados de|"
    "fine del|inizio del|metà del|a fine|a inizio|a metà del|"
    "a fines de|fines de|a fines del|fines del|a finales del|finales del|a principios del|principios del|"
    "a mediados del|mediados del|a comienzos del|comienzos del|"
    "principios de|finales de|mediados de|no início de|no final de|início de|final de|meados de|"
    "em meados de|no fim de|fim de|Anfang|Ende|Mitte|"
    "a comienzos de|comienzos de|a inicios de|inicios de|at the beginning of|the beginning of|beginning of|"
    "at the end of|the end of|end of|au commencement de|agli inizi del|all'inizio dell['’]|ai primi del|"
    "no começo de|começo de|no princípio de|"
    "nei primi mesi del|nei primi mesi di|in the first months of|the first months of|"
    # A half of the year, or the year as a span: "in the first half of 2023", "durante 2022".
    "in the (?:first|second) half of|the (?:first|second) half of|(?:first|second) half of|during|throughout|"
    "au cours de|courant|durant|au (?:premier|second|deuxième) semestre(?: de)?|nel corso del|"
    "nel (?:primo|secondo) semestre del|durante il|durante el|en el (?:primer|segundo) semestre de|durante|"
    "ao longo de|no decorrer de|no (?:primeiro|segundo) semestre de|"
    "dans les premiers mois de|en los primeros meses de|nos primeiros meses de|"
    # A season is within its year: "el verano de 2024", "in the summer of 2019", "l'été 2021".
    "(?:summer|winter|spring|autumn|fall)(?: of)?|(?:été|hiver|printemps|automne)(?: de)?|"
    "(?:estate|inverno|primavera|autunno)(?: del)?|(?:verano|invierno|otoño|verão|outono)(?: de)?|"
    "(?:Sommer|Winter|Frühling|Herbst)"
)
# Words before a month that put a time in it: "a fines de marzo", "début mars", "late May".
_PERIOD_OF_MONTH = (
    "fines de|finales de|principios de|comienzos de|mediados de|fin|début|fin de|début de|mi|"
    "à la fin de|au début de|fine|inizio|metà|fine di|inizio di|metà di|alla fine di|all'inizio di|"
    "ai primi di|early|late|mid|end of|beginning of|início de|final de|fim de|meados de|no início de|"
    "no final de|no fim de"
)
# Seasons and the month each starts in (northern hemisphere), and the words that open one
# with no year: "después del verano", "cet été", "lo scorso inverno", "last summer".
_SEASON_START = {
    "summer": 6, "winter": 12, "autumn": 9, "été": 6, "hiver": 12, "automne": 9, "printemps": 3,
    "estate": 6, "inverno": 12, "autunno": 9, "verano": 6, "invierno": 12, "otoño": 9, "verão": 6,
    "outono": 9,
}  # fmt: skip
_SEASONS = "|".join(_SEASON_START)
_SEASON_OPENERS = "|".join(
    (
        "after the", "this", "last", "during the", "over the", "après l['’]", "cet", "l['’]", "en",
        "pendant l['’]", "depuis l['’]", "dopo l['’]", "quest['’]", "lo scorso", "la scorsa", "durante l['’]",
        "después del", "antes del", "este", "el", "en el", "durante el", "el pasado", "depois do", "antes do",
        "neste", "no", "o", "durante o", "no último",
    )
)  # fmt: skip
# "of this year" after a month: the publication's year.
_THIS_YEAR = (
    "of this year|this year|de cette année|cette année|di quest'anno|di questo anno|quest'anno|"
    "de este año|este año|deste ano|este ano|dieses Jahres"
)
# After a month: the year before the publication's.
_LAST_YEAR = (
    "last year|the previous year|año pasado|año anterior|année dernière|année précédente|anno scorso|"
    "anno precedente|ano passado|ano anterior"
)
# Background: since when something has existed ("active since 2016") is no event.
_SINCE = "since|depuis|desde|dal|seit"
_YEAR_CUES = "|".join(
    (
        *(
            "in",
            "en",
            "from",
            "until",
            "between",
            "entre",
            "jusqu'en",
            "nel",
            "tra",
        ),
        *("en el", "zwischen", "im", "em", "no ano de"),
    )
)
# After a weekday: "vendredi dernier" is strictly before the publication day.
_WEEKDAY_PAST = "dernier|passé|scorso|pasado|passado|passada"
_WEEKDAY_QUALIFIERS = "|".join(
    (_WEEKDAY_PAST, "après-midi|matin|soir|morning|afternoon|evening|night|pomeriggio|mattina|sera")
)
# Before a weekday: "this Friday", "nesta sexta-feira" is the latest such day, the
# publication day included; "last Friday" is strictly before.
_WEEKDAY_THIS = "this|ce|cette|este|esta|nesta|neste|desta|deste|questo|questa|diesen|diesem|am"
_WEEKDAY_LAST = "last|past|última|último|ultima|ultimo"
# Portuguese names a weekday without "-feira" too ("nesta terça"); alone, "segunda" and
# "quinta" are ordinals, so a short name is a day only after "nesta", "na última"...
_PT_SHORT_DAYS = {"segunda": 0, "terça": 1, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4}
# Before or after a month with no year: "last November", "el pasado noviembre", "novembre scorso".
_MONTH_PAST_BEFORE = r"(?i:last|past|(?:el|lo|il|o)\s+(?:pasado|scorso|passado))"
_MONTH_PAST_AFTER = "scorso|passato"
_EVENT_CUES = (
    "arrest",
    "charge",
    "sentence",
    "extradition",
    "action",
    "start",
    "created",
    "investigation",
    "announcement",
    "founded",
)


def _alternation(names: set[str]) -> str:
    spelled = names | {fold(n) for n in names}
    return "|".join(re.escape(n) for n in sorted(spelled, key=len, reverse=True))


# Words for a day of the month that name it without its month: "no dia 17", "el día 12".
_DAY_WORDS = r"(?:dias?|días?|giorn[oi])"
_DAY_BEFORE = r"(?:no|nos|o|os|do|dos|ao|aos|pelo|el|los|del|al|il|nel|nei|dal|i|entre|tra|fra)"


@cache
def _weekday_pattern(days: str, qualified: bool) -> re.Pattern[str]:
    """A weekday, with "this" or "last" before it (required when `qualified`: "nesta terça"),
    a qualifier after it ("vendredi dernier") and its day of the month in brackets."""
    before = rf"(?:(?P<this>{_WEEKDAY_THIS})\s+|(?P<last>{_WEEKDAY_LAST})\s+)"
    # a short name is no part of a longer one: "terça" is not "terça-feira"
    return re.compile(
        rf"\b{before}{'' if qualified else '?'}(?P<day>{days})\b{'(?!-)' if qualified else ''}"
        rf"(?:\s+(?P<qualifier>{_WEEKDAY_QUALIFIERS})\b)?(?:\s*\((?P<dom>[0-3]?\d)\))?",
        re.IGNORECASE,
    )


# A year after a day and month, also as Spanish legal texts write it: "4 de abril de 2.006".
_YEAR = r"\d{4}\b|(?<=de\s)(?:1\.9|2\.0)\d\d\b(?!\.\d)"


def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    locale = lang if lang in LANGUAGES else "en"
    months = {str(n) for n in get_month_names("wide", locale=locale).values()}
    months |= {
        str(n).rstrip(".") for n in get_month_names("abbreviated", locale=locale).values() if len(str(n)) > 2
    }
    if locale != "en":  # English month names turn up in every language's news
        months |= {str(n) for n in get_month_names("wide", locale="en").values()}
    days = {str(n) for n in get_day_names("wide", locale=locale).values()}
    month, day = _alternation(months), _alternation(days)
    d = r"(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th|º|\.)?(?!\d)"
    flags = re.IGNORECASE
    wide_months = [str(n) for n in get_month_names("wide", locale=locale).values()]
    # A month with no year, after a preposition: "en avril", "in April" (case as written:
    # English "may" is a verb).
    month_only = "|".join(re.escape(n) for m in wide_months for n in dict.fromkeys((m, m.capitalize())))
    return [
        ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
        # "05/03/2024", "5.3.2024": day first, but in English only when the day is past 12.
        ("numeric", re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/-]|\.\d)")),
        # "three days ago", "il y a deux semaines", "hace dos días", "tre giorni fa", "há três dias".
        ("ago", _ago_pattern(lang)),
        # "en noviembre del año pasado", "in November last year", "on July 4th last year", "le 4
        # juillet de l'année dernière": the year before publication.
        (
            "month_last_year",
            re.compile(
                rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\s+(?:de\s+)?)?(?P<month>{month})"
                rf"(?:\s+(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?,?)?"
                rf"\s+(?:of\s+|del\s+|de\s+l['’]|dell['’]|do\s+|de\s+)?(?:{_LAST_YEAR})\b",
                flags,
            ),
        ),
        (
            "day",
            re.compile(
                rf"\b(?:(?:{day}),?\s+)?{d}\s+(?:de\s+|of\s+)?(?:{month})\b(?:,?\s+(?:del?\s+)?({_YEAR}))?",
                flags,
            ),
        ),
        # The last day of a range the month opens: the 26 of "May 25 and 26", "March 3-5, 2021".
        (
            "day_last",
            re.compile(
                rf"\b(?P<month>{month})\.?\s+{d}\s*(?:and|&|to|-|–)\s*(?P<last>{d})"
                rf"(?:,?\s+(?P<year>\d{{4}})\b)?",
                flags,
            ),
        ),
        # "Nov. 3": English papers abbreviate the month with a dot.
        ("day", re.compile(rf"\b(?:(?:{day}),?\s+)?(?:{month})\.?\s+{d}(?:,?\s+(\d{{4}})\b)?", flags)),
        # Two months of one year: "tra marzo e aprile 2025", "in September and October of this
        # year": the year, which holds the whole span.
        (
            "month_span",
            re.compile(
                rf"\b(?:{month})\s+(?:and|to|et|à|au|e|a|al|y|até|-|–)\s+(?:{month})\s+"
                rf"(?:(?:de\s+|of\s+|del\s+)?(\d{{4}})\b|(?P<this>{_THIS_YEAR})(?!\w))",
                flags,
            ),
        ),
        # The first day of a range: "entre 10 e 14 de novembro", "du 3 au 5 mars 2024".
        (
            "day_first",
            re.compile(
                rf"(?<![\d.,])(?P<first>{d})(?=\s+(?:and|to|et|au|à|e|a|al|y|até|-|–)\s+(?:(?:le|el|il|o|the)\s+)?{d}\s+(?:de\s+)?"
                rf"(?P<month>{month})\b(?:,?\s+(?:de\s+)?(?P<year>\d{{4}})\b)?)",
                flags,
            ),
        ),
        ("month", re.compile(rf"\b(?:{month})\s+(?:de\s+|of\s+|del\s+)?(\d{{4}})\b", flags)),
        # A day of the month with no month: "entre os dias 17 e 19", "el día 12", "il giorno 3".
        # The last day of such a range first: its first day's words stay free.
        (
            "day_only_last",
            re.compile(
                rf"\b{_DAY_BEFORE}\s+{_DAY_WORDS}\s+{d}\s+(?:e|y|a|al|até|ed)\s+(?P<last>{d})"
                rf"(?!\s*(?:de\s+|del\s+|di\s+)?(?:{month}|[/.-]?\d))",
                flags,
            ),
        ),
        (
            "day_only",
            re.compile(
                rf"\b{_DAY_BEFORE}\s+{_DAY_WORDS}\s+(?P<first>{d})"
                rf"(?=(?:\s+(?:e|y|a|al|até|ed)\s+(?P<last>{d}))?"
                rf"(?!\s*(?:de\s+|del\s+|di\s+)?(?:{month}|[/.-]?\d)))",
                flags,
            ),
        ),
        ("weekday", _weekday_pattern(day, qualified=False)),
        *([("weekday", _weekday_pattern("|".join(_PT_SHORT_DAYS), True))] if locale == "pt" else []),
        ("relative", re.compile(rf"(?<!\w)(?:{_phrases(_RELATIVE, locale)})(?!\w){_DAY_NAMED_NEXT}", flags)),
        ("week", re.compile(rf"(?<!\w)(?:{_phrases(_WEEKS, locale)})(?!\w)", flags)),
        ("weekend", re.compile(rf"(?<!\w)(?:{_phrases(_WEEKENDS, locale)})(?!\w)", flags)),
        # Not "lo scorso mese di aprile", a month named next.
        (
            "month_back",
            re.compile(
                rf"(?<!\w)(?:{_phrases(_MONTHS_BACK, locale)})(?!\w)(?!\s+(?:di|de|d['’]|of)\b)", flags
            ),
        ),
        (
            "year_back",
            re.compile(
                rf"(?<!\w)(?:(?:{_PERIOD_OF_RELATIVE_YEAR})\s*)?"
                # "cette année-là" is that year, not this one
                rf"(?P<phrase>{_phrases(_YEARS_BACK, locale)})(?!\w)(?!-là)",
                flags,
            ),
        ),
        (
            "recent",
            # "há pouco tempo", "hace poco tiempo": some while ago, not the last days
            re.compile(rf"(?<!\w)(?:{_recent_words(locale)})(?!\w)(?!\s+t[ie]e?mpo)", flags),
        ),
        ("since", re.compile(rf"\b(?:{_SINCE})\s+((?:19|20)\d\d)\b", flags)),
        ("year", re.compile(rf"\b(?:{_PERIOD_OF_YEAR})\s+((?:19|20)\d\d)\b", flags)),
        ("year", re.compile(rf"\b(?:{_YEAR_CUES})\s+((?:19|20)\d\d)\b", flags)),
        # The second year of a range: "between 2016 and 2021", "de 2016 à 2021".
        (
            "year",
            re.compile(r"(?<=(?:19|20)\d\d)\s+(?:and|to|et|à|a|e|y|bis|und|-|–)\s+((?:19|20)\d\d)\b", flags),
        ),
        # A season with no year: "después del verano", "cet été", "last summer".
        (
            "season",
            re.compile(
                rf"\b(?:{_SEASON_OPENERS})(?:\s+|(?<=['’]))(?P<season>{_SEASONS})\b"
                r"(?!\s+(?:de\s+|of\s+|del\s+|do\s+)?\d)"
            ),
        ),
        (
            "month_only",
            re.compile(
                rf"\b(?:(?:en|in|em|ad|a|im|nel|mese di|mes de|mês de|mois de|{_PERIOD_OF_MONTH})\s+"
                rf"|mois d['’]"
                # "last November", "el pasado noviembre", "lo scorso novembre": strictly before
                rf"|(?P<past_before>{_MONTH_PAST_BEFORE})\s+)"
                # not "nel settembre di due anni fa", whose year another reader takes
                rf"(?P<month>{month_only})\b(?!\s+\d)(?!\s+(?:di|de|del|of)\s)"
                rf"(?P<past>\s+(?:{_WEEKDAY_PAST}|{_MONTH_PAST_AFTER}))?"
            ),
        ),
    ]


# Counts written as words before "days ago" and the like, in the five languages.
_SMALL_NUMBERS = {
    "en": ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
    "fr": ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"],
    "it": ["un", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"],
    "es": ["un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
    "pt": ["um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"],
}
# (before the count, the unit words for days, weeks, months and years, after the unit), by language.
_AGO = {
    "en": ("", "days?|weeks?|months?|years?", r"\s+ago"),
    "fr": (r"il y a\s+", "jours?|semaines?|mois|ans|années?", ""),
    "it": ("", "giorni|giorno|settimane|settimana|mesi|mese|anni|anno", r"\s+fa"),
    "es": (r"hace\s+", "días?|semanas?|meses|mes|años?", ""),
    "pt": (r"há\s+", "dias?|semanas?|meses|mês|anos?", ""),
}
# Words that make the count a bound, not a count: "a little over two months ago".
_AGO_HEDGES = {
    "en": r"(?:a little |just |some )?(?:more than|over|about|around|almost|nearly|some)",
    "fr": r"(?:un peu )?(?:plus de|près de|environ|presque)",
    "it": r"(?:poco )?(?:più di|oltre|circa|quasi)",
    "es": r"(?:poco )?(?:más de|cerca de|unos|unas|casi)",
    "pt": r"(?:pouco )?(?:mais de|cerca de|perto de|quase)",
}


def _ago_pattern(lang: str) -> re.Pattern[str]:
    if lang not in _AGO:
        return re.compile(r"(?!)")
    before, units, after = _AGO[lang]
    numbers = "|".join(_SMALL_NUMBERS[lang]) + r"|une|uno|una|uma|a|an|\d{1,2}"
    hedge = rf"(?:(?P<hedge>{_AGO_HEDGES[lang]})\s+)?"
    return re.compile(rf"\b{before}{hedge}(?P<count>{numbers})\s+(?P<unit>{units}){after}\b", re.IGNORECASE)


def _ago(match: re.Match[str], lang: str, published: dt.date) -> str | None:
    """The ISO date of 'three days ago', 'il y a deux semaines', 'two months ago': a day
    back is that day; a week back is its month when the whole week (Monday to Sunday) lies
    in it; a month back is that month; a year back that year. A count that is only a bound
    ("a little over two months ago", "about ten months ago") gives the period the date
    surely falls in: the year, when the months on either side of the one named share it;
    none otherwise."""
    count_word = match.group("count").lower()
    numbers = _SMALL_NUMBERS.get(lang, [])
    count = (
        int(count_word)
        if count_word.isdigit()
        else (numbers.index(count_word) + 1 if count_word in numbers else 1)
    )
    unit = match.group("unit").lower()
    hedged = match.group("hedge") is not None
    if unit.startswith(("a", "y")):
        return str(published.year - count) if not hedged else None
    if unit.startswith("m"):
        month = _months_before(published, count)
        if not hedged:
            return month.strftime("%Y-%m")
        around = {_months_before(published, n).year for n in (count - 1, count, count + 1)}
        return str(month.year) if around == {month.year} else None
    if hedged:
        return None
    if unit.startswith(("d", "j", "g")):
        return (published - dt.timedelta(days=count)).isoformat()
    monday = _week_month(count, published)
    return monday.strftime("%Y-%m") if monday else None


def _months_before(published: dt.date, count: int) -> dt.date:
    index = published.year * 12 + published.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def _numeric(match: re.Match[str], lang: str) -> dt.date | None:
    """'05/03/2024' is the 5th of March, day first, as Europe and Latin America write it; an
    English date only when its first number cannot be a month."""
    first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if lang == "en" and first <= 12:
        return None
    try:
        return dt.date(year, second, first)
    except ValueError:
        return None


def _phrases(by_lang: Mapping[str, Iterable[str]], locale: str) -> str:
    """The language's phrases (a list, or a mapping's keys), longest first, as alternatives."""
    phrases = by_lang.get(locale, [])
    # Either apostrophe: "l'an dernier", "l’an dernier".
    escaped = (re.escape(p).replace("'", "['’]") for p in sorted(phrases, key=len, reverse=True))
    return "|".join(escaped) or "(?!)"


def _parsers(lang: str, published: dt.date | None) -> list[DateDataParser]:
    """The article's language first, then all six (an English month in a French text)."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day, 12)
    first = lang if lang in LANGUAGES else "en"
    return [
        DateDataParser(languages=[first], settings=settings),
        DateDataParser(languages=[first, *(x for x in LANGUAGES if x != first)], settings=settings),
    ]


def _parse(parsers: list[DateDataParser], text: str) -> dt.date | None:
    for parser in parsers:
        found = parser.get_date_data(text).date_obj
        if found is not None:
            return found.date()  # type: ignore[no-any-return]
    return None


def _clean(raw: str, kind: str) -> str:
    text = re.sub(r"(\d)(?:er|st|nd|rd|th|º)\b", r"\1", raw)
    if kind == "weekday":
        text = re.sub(rf"\b(?:last|{_WEEKDAY_QUALIFIERS})\b", " ", text, flags=re.IGNORECASE).strip()
    if kind in {"year", "since"}:
        text = text.split()[-1]
    if kind in {"month", "day"}:
        text = re.sub(r"\bde ([12])\.(\d{3})\b", r"de \1\2", text)  # "de abril de 2.006": a year with a dot
        text = re.sub(r"\s+del\s+(?=\d{4}\b)", " ", text)  # "dicembre del 2007": the parser wants no "del"
    return text


_CREATED_REACH = 3  # words from a word of creation to its date: "que se creó en 2009"


def event_kind(article: Article, start: int, end: int) -> str:
    """What the date is of: the nearest cue word in its sentence (its wrapped lines joined) decides."""
    sentence = article.whole_sentence_at(start)
    tokens = [t for t in article.tokens if sentence.start <= t.start < sentence.end]
    keys = [t.key for t in tokens]
    just_before = [t.key for t in tokens if t.end <= start][-_CREATED_REACH:]
    if has_cue(just_before, "created") is not None or has_cue(just_before, "founding") is not None:
        return "launch"  # "la unidad, que se creó en 2009, incautó...": the creation's year
    if has_cue(just_before, "born") is not None and has_cue(keys, "investigation") is None:
        return "launch"  # "Nato nel 2003, The Pirate Bay...": a site's birth
    best: tuple[int, str] | None = None
    for kind in _EVENT_CUES:
        i = 0
        while (at := has_cue(keys[i:], kind)) is not None:
            cue = tokens[i + at]
            distance = min(abs(cue.start - start), abs(cue.start - end))
            if best is None or distance < best[0]:
                best = (distance, kind)
            i += at + 1
    if best is None:
        return "other"
    kind = best[1]
    if kind == "founded" and has_cue(keys, "investigation") is not None:
        return "investigation_start"  # "the inquiry opened in October 2018"
    if kind == "founded" and has_cue(keys, "trial") is not None:
        return "other"  # "le procès s'est ouvert ce mercredi": the trial's opening
    if kind == "founded" and has_cue(keys, "action") is not None:
        return "action_day"  # "the sweep opened last Friday with dawn raids"
    if kind == "start":
        if has_cue(keys, "investigation") is not None:
            return "investigation_start"
        # "Launched in 2016" with no word of the operation is a site's launch.
        return "action_day" if has_cue(keys, "action") is not None else "launch"
    return {
        "arrest": "arrest",
        "charge": "charge",
        "sentence": "sentence",
        "extradition": "extradition",
        "action": "action_day",
        "investigation": "investigation_start",
        "announcement": "announcement",
        "founded": "launch",
        "created": "launch",
    }[kind]


@cache
def _weekday_numbers(lang: str) -> dict[str, int]:
    """Folded weekday names of the article's language and English -> Monday=0..Sunday=6."""
    locale = lang if lang in LANGUAGES else "en"
    numbers: dict[str, int] = {}
    for source in {locale, "en"}:
        for number, name in get_day_names("wide", locale=source).items():
            numbers[fold(str(name))] = int(number)
    if locale == "pt":
        numbers |= {fold(name): number for name, number in _PT_SHORT_DAYS.items()}
    return numbers


def _weekday_in_a_name(article: Article, match: re.Match[str]) -> bool:
    """'copies of Black Friday': a weekday after a capitalised word inside a sentence is a
    word of a title or a name, not a day."""
    if match.group("this") or match.group("last"):
        return False
    i = article.token_index(match.start("day"))
    if i == 0:
        return False
    before = article.tokens[i - 1]
    return (
        before.text[:1].isupper()
        and article.text[before.end : match.start("day")] == " "
        and article.sentence_at(before.start).start != before.start
    )


# Italian and French name one day bare ("domenica", "dimanche") and any such day with the
# article ("il pranzo della domenica", "le dimanche, le marché est bondé").
_HABITUAL_ARTICLE = re.compile(r"\b(?:il|la|le|della|del|dalla|dal|alla|al|du|de\s+la|au)\s+$", re.IGNORECASE)
_BETWEEN_DAYS = re.compile(r"\b(?:tra|fra|entre)\b", re.IGNORECASE)


def _no_day(article: Article, match: re.Match[str]) -> bool:
    return _weekday_in_a_name(article, match) or _habitual_weekday(article, match)


def _habitual_weekday(article: Article, match: re.Match[str]) -> bool:
    """A weekday written with its article and no day of the month, in Italian or French: any
    such day, not a date; unless it is one end of a night or a span ("tra il sabato e la domenica")."""
    if article.lang not in {"it", "fr"} or match.group("this") or match.group("last"):
        return False
    start = match.start("day")
    if re.match(r"\s*\d", article.text[match.end("day") :]):
        return False
    before = article.text[max(0, start - 30) : start]
    return bool(_HABITUAL_ARTICLE.search(before)) and not _BETWEEN_DAYS.search(before)


def _weekday(match: re.Match[str], lang: str, published: dt.date) -> tuple[dt.date, bool] | None:
    """The date a weekday names, and whether a day of the month "(19)" settled it: the
    latest such day on or before publication; strictly before after "last"/"dernier"."""
    weekday = _weekday_numbers(lang).get(fold(match.group("day")))
    if weekday is None:
        return None
    qualifier = (match.group("qualifier") or "").lower()
    strictly_before = bool(match.group("last")) or bool(re.fullmatch(_WEEKDAY_PAST, qualifier))
    candidates = [published - dt.timedelta(days=back) for back in range(int(strictly_before), 14)]
    candidates = [c for c in candidates if c.weekday() == weekday]
    if match.group("dom"):
        settled = [c for c in candidates if c.day == int(match.group("dom"))]
        if settled:
            return settled[0], True
    return candidates[0], False


# Words that put a sentence in the future: "the trial will open in March", "il processo è
# fissato a marzo", "el juicio será en marzo".
_FUTURE = re.compile(
    r"\b(?:will|shall|next|upcoming|scheduled|due to|sera|seront|aura|auront|prochain|prochaine|devra|"
    r"devront|"
    r"sarà|saranno|avrà|avranno|prossimo|prossima|dovrà|dovranno|verrà|verranno|fissat[oa]|"
    r"será|serán|tendrá|tendrán|próximo|próxima|deberá|deberán|van a|va a|"
    r"serão|terá|terão|deverá|deverão|vai|vão)\b",
    re.IGNORECASE,
)


# A day marked as the next one to come: "le 25 juin prochain", "el próximo 5 de mayo", "next Monday".
_NEXT_WORDS = r"(?:prochain|prochaine|prossimo|prossima|próximo|próxima)"
_NEXT_AFTER = re.compile(rf"\s+{_NEXT_WORDS}\b", re.IGNORECASE)
_NEXT_BEFORE = re.compile(rf"\b(?:next|{_NEXT_WORDS})\s+$", re.IGNORECASE)


# "A previsão era recolher, até sábado, 150 toneladas": a weekday as a deadline.
_UNTIL_BEFORE = re.compile(r"\b(?:até|hasta|jusqu['’]à|fino a|entro|until|by)\s+$", re.IGNORECASE)


# Verbs in the future tense by their endings: French "tombera", "interviendront"; Spanish
# "dictará"; Italian "deciderà"; Portuguese "julgará", "sairão".
_FUTURE_ENDINGS = {
    "fr": re.compile(r"\b[^\W\d_]{3,}(?:era|eront|iront|dra|dront)\b", re.IGNORECASE),
    "es": re.compile(r"\b[^\W\d_]{3,}(?:ará|erá|irá|arán|erán|irán)\b", re.IGNORECASE),
    "it": re.compile(r"\b[^\W\d_]{3,}(?:erà|irà|eranno|iranno)\b", re.IGNORECASE),
    "pt": re.compile(r"\b[^\W\d_]{3,}(?:ará|erá|irá|arão|erão|irão)\b", re.IGNORECASE),
}


def _about_the_future(article: Article, offset: int) -> bool:
    bounds = article.sentence_at(offset)
    sentence = article.text[bounds.start : bounds.end]
    ending = _FUTURE_ENDINGS.get(article.lang)
    return _FUTURE.search(sentence) is not None or bool(ending and ending.search(sentence))


_AHEAD_DAYS = 183  # how far after the publication a day named in the future may fall


def _next_year_ahead(
    article: Article, start: int, found: dt.date, published: dt.date | None
) -> dt.date | None:
    """'Ils seront incinérés le 23 avril prochain', 'the hearing will open on October 24': a
    day with no year, in a sentence about the future, falls after the publication day when
    that is within six months; None when it needs no change."""
    if published is None or found >= published or not _about_the_future(article, start):
        return None
    try:
        ahead = found.replace(year=found.year + 1)
    except ValueError:
        return None  # 29 February
    return ahead if (ahead - published).days <= _AHEAD_DAYS else None


def _month_only(
    month_name: str, lang: str, published: dt.date, past: bool = False, future: bool = False
) -> dt.date | None:
    """A month with no year: the latest one up to the publication date, as a report tells
    what was done; the one nearest it (within six months) in a sentence about the future;
    the latest one before it when the text says it is past ("marzo pasado")."""
    locale = lang if lang in LANGUAGES else "en"
    numbers = {fold(str(n)): int(k) for k, n in get_month_names("wide", locale=locale).items()}
    month = numbers.get(fold(month_name))
    if month is None:
        return None
    year = published.year
    if past:
        return dt.date(year if month < published.month else year - 1, month, 1)
    if not future:
        return dt.date(year if month <= published.month else year - 1, month, 1)
    if month - published.month > 6:
        year -= 1
    elif published.month - month > 6:
        year += 1
    return dt.date(year, month, 1)


def _week_month(weeks_before: int, published: dt.date) -> dt.date | None:
    """ "This week", "last week": its month when the whole week (Monday to Sunday) lies in it."""
    monday = published - dt.timedelta(days=published.weekday() + 7 * weeks_before)
    sunday = monday + dt.timedelta(days=6)
    return monday if monday.month == sunday.month else None


def _last_weekend(published: dt.date) -> dt.date:
    """The Saturday of the latest weekend that began on or before the publication day."""
    return published - dt.timedelta(days=(published.weekday() - 5) % 7)


def relative_note_of(raw: str, published: dt.date | None) -> str:
    return f"{raw!r} resolved against the publication date {published}"


# The first or the last day of a range: "du 3 au 5 mars", "May 25 and 26".
_RANGE_DAYS = {"day_first", "day_last"}
_DAYS_OF_A_MONTH = {"day", *_RANGE_DAYS}
# Words that may follow the last day of a range; any other word makes its number a count.
_AFTER_A_DAY = {
    "and", "in", "at", "on", "when", "while", "as", "after", "before", "during", "of", "to", "by", "the",
    "with", "from", "respectively", "last", "this", "that", "police", "officers", "authorities",
}  # fmt: skip
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


# "février dernier", "last February", "il 3 marzo scorso": named from the publication day.
_LAST_AFTER = re.compile(r"\s+(?:derni[eè]re?s?|scors[oaie]|pasad[oa]s?|passad[oa]s?)\b", re.IGNORECASE)
_LAST_BEFORE = re.compile(rf"\b(?:{_WEEKDAY_LAST}|this past)\s+$", re.IGNORECASE)


def _counts_a_noun(text: str, end: int) -> bool:
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).lower() not in _AFTER_A_DAY


def _resolve(
    kind: str,
    match: re.Match[str],
    article: Article,
    published: dt.date | None,
    parsers: list[DateDataParser],
    year_hint: str | None = None,
) -> tuple[str, str, list[str]] | None:
    """The ISO date a candidate names, its confidence and its notes; None when it names
    none, or when it needs the publication date and there is none."""
    raw = match.group()
    has_year = kind in {"iso", "numeric", "month", "year", "since"} or (
        kind == "day" and match.group(1) is not None
    )
    has_year = has_year or (kind == "month_span" and match.group(1) is not None)
    has_year = has_year or (kind in _RANGE_DAYS and match.group("year") is not None)
    if kind == "day_last" and _counts_a_noun(article.text, match.end()):
        return None  # "on May 5 and 6 people were arrested": a count, not a day
    that_year = _that_year(article, match) if kind in _DAYS_OF_A_MONTH and not has_year else None
    if that_year is not None:
        # "Il 16 giugno di quell'anno": the year the text named last before it.
        found = _parse(parsers, f"{_clean(raw, kind)} {that_year}") if kind == "day" else None
        found = found or (_range_day(kind, match, parsers, that_year) if kind in _RANGE_DAYS else None)
        note = f"the year of {raw!r} is {that_year}, the year the text named last before it"
        return (found.isoformat(), "medium", [note]) if found else None
    if published is None and not has_year and year_hint is not None and kind in _DAYS_OF_A_MONTH:
        end = match.end("month") if "month" in match.re.groupindex and match.group("month") else match.end()
        if _LAST_AFTER.match(article.text, end) or _LAST_BEFORE.search(article.text[: match.start()]):
            return None  # "les 23 et 24 février derniers": the last before an unknown publication day
        return _with_article_year(kind, match, parsers, year_hint)
    if published is None and not has_year:
        return None
    if kind == "numeric":
        found_day = _numeric(match, article.lang)
        return (found_day.isoformat(), "high", []) if found_day else None
    if kind == "month_last_year":
        if published is None:
            return None
        found = _parse(parsers, _clean(f"{match.group('month')} {published.year - 1}", "month"))
        if found is None:
            return None
        note = f"{raw!r}: the year before the publication date {published}"
        day = match.group("day") or match.group("day_after")
        if day is not None:
            with contextlib.suppress(ValueError):  # "31 June": the month alone
                return found.replace(day=int(day)).isoformat(), "medium", [note]
        return found.strftime("%Y-%m"), "medium", [note]
    if kind == "month_span":
        if match.group(1) is None and published is not None:
            return str(published.year), "medium", [relative_note_of(raw, published)]
        return match.group(1), "medium", ["two months of one year: the year holds the span"]
    if kind in _RANGE_DAYS:
        year = match.group("year") or (str(published.year) if published else "")
        first = _range_day(kind, match, parsers, year)
        if first is None:
            return None
        notes = (
            []
            if match.group("year")
            else [f"the year of {raw!r} is taken from the publication date {published}"]
        )
        return first.isoformat(), "medium", notes
    relative_note = relative_note_of(raw, published)
    if kind == "weekday" and published is not None:
        resolved = _weekday(match, article.lang, published)
        if resolved is None:
            return None
        day, settled = resolved
        return day.isoformat(), "medium" if settled else "low", [relative_note]
    if kind == "relative" and published is not None:
        back = _RELATIVE.get(article.lang, {}).get(raw.lower(), 0)
        return (published - dt.timedelta(days=back)).isoformat(), "low", [relative_note]
    if kind == "recent" and published is not None:
        if published.day <= _RECENT_DAYS:
            return None  # the days before may lie in the month before
        return published.strftime("%Y-%m"), "low", [relative_note]
    if kind == "week" and published is not None:
        monday = _week_month(_WEEKS.get(article.lang, {}).get(raw.lower(), 0), published)
        return (monday.strftime("%Y-%m"), "low", [relative_note]) if monday else None
    if kind == "ago" and published is not None:
        if _DURATION_SINCE.search(article.text, max(0, match.start() - 10), match.start()):
            return None  # "desde hace tres años": for how long, not when
        ago = _ago(match, article.lang, published)
        return (ago, "low", [relative_note]) if ago else None
    if kind == "weekend" and published is not None:
        saturday = _last_weekend(published)
        sunday = saturday + dt.timedelta(days=1)
        if saturday.month != sunday.month:
            return None
        return saturday.strftime("%Y-%m"), "low", [relative_note]
    if kind == "month_back" and published is not None:
        back = _MONTHS_BACK.get(article.lang, {}).get(raw.lower().replace("’", "'"), 0)
        first = (published.replace(day=1) - dt.timedelta(days=1)).replace(day=1) if back else published
        return first.strftime("%Y-%m"), "low", [relative_note]
    if kind == "year_back" and published is not None:
        back = _YEARS_BACK.get(article.lang, {}).get(match.group("phrase").lower().replace("’", "'"), 0)
        return str(published.year - back), "low", [relative_note]
    if kind == "season" and published is not None:
        start = _SEASON_START[match.group("season").lower()]
        year = published.year if start <= published.month else published.year - 1
        return (
            str(year),
            "low",
            [f"the year of {raw!r} is the latest season before the publication date {published}"],
        )
    if kind in {"day_only", "day_only_last"} and published is not None:
        return _day_only(match, published)
    if kind == "month_only" and published is not None:
        future = _about_the_future(article, match.start())
        past = bool(match.group("past") or match.group("past_before"))
        month = _month_only(match.group("month"), article.lang, published, past, future)
        nearest = "the latest before" if past else "the one nearest" if future else "the latest up to"
        notes = [f"the year of {raw!r} is {nearest} the publication date {published}"]
        return (month.strftime("%Y-%m"), "low", notes) if month else None
    found = _parse(parsers, _clean(raw, kind))
    if found is None:
        return None
    if kind == "month":
        return found.strftime("%Y-%m"), "high", []
    if kind in {"year", "since"}:
        return found.strftime("%Y"), "medium", []
    if kind == "day" and not has_year:
        ahead = _next_year_ahead(article, match.start(), found, published)
        if ahead is not None:
            notes = [f"the year of {raw!r} is the next after the publication date {published}: the future"]
            return ahead.isoformat(), "medium", notes
        return (
            found.isoformat(),
            "medium",
            [f"the year of {raw!r} is taken from the publication date {published}"],
        )
    return found.isoformat(), "high", []


# "di quell'anno", "of that year", "de ese año", "de cette année-là", "daquele ano", "the
# same year": a day of the year the text named last.
_THAT_YEAR_AFTER = re.compile(
    r"\s*,?\s*(?:of\s+(?:that|the\s+same)\s+year|that\s+same\s+year|di\s+quell['’]anno|dello\s+stesso\s+anno"
    r"|de\s+(?:ese|aquel)\s+(?:mismo\s+)?año|del\s+mismo\s+año|de\s+cette\s+année-là"
    r"|de\s+la\s+même\s+année|daquele\s+ano|desse\s+ano|do\s+mesmo\s+ano)\b",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _that_year(article: Article, match: re.Match[str]) -> str | None:
    if not _THAT_YEAR_AFTER.match(article.text, match.end()):
        return None
    years = _A_YEAR.findall(article.text, 0, match.start())
    return years[-1] if years else None


def _day_only(match: re.Match[str], published: dt.date) -> tuple[str, str, list[str]] | None:
    """'os dias 17 e 19' in an article of 23 April: the latest such day up to the publication
    (17 April), low; both ends of a range in one month."""
    last = _day_number(match.group("last") or match.group("first"))
    first = _day_number(match.group("first")) if "first" in match.re.groupindex else last
    month = published.replace(day=1)
    if last > published.day:
        month = (month - dt.timedelta(days=1)).replace(day=1)
    try:
        day = month.replace(day=first)
        month.replace(day=last)
    except ValueError:
        return None
    note = f"{match.group()!r}: a day with no month, the latest up to the publication date {published}"
    return day.isoformat(), "low", [note]


def _day_number(written: str) -> int:
    """'12', '12.', '1º' -> the day's number."""
    return int(re.match(r"\d+", written).group())  # type: ignore[union-attr]


def _range_day(kind: str, match: re.Match[str], parsers: list[DateDataParser], year: str) -> dt.date | None:
    """The first or the last day of a range, in the range's month and the year given."""
    number = match.group("first" if kind == "day_first" else "last")
    return _parse(parsers, _clean(f"{number} {match.group('month')} {year}", "day"))


def _with_article_year(
    kind: str, match: re.Match[str], parsers: list[DateDataParser], year: str
) -> tuple[str, str, list[str]] | None:
    """A day and month with no year, in an article with no publication date whose dated
    days all fall in one year: that year, at low confidence."""
    raw = match.group()
    if kind in _RANGE_DAYS:
        found = _range_day(kind, match, parsers, year)
    else:
        found = _parse(parsers, f"{_clean(raw, kind)} {year}")
    if found is None:
        return None
    note = f"the year of {raw!r} is {year}, the year of every other date the article gives in full: check it"
    return found.isoformat(), "low", [note]


def _article_year(article: Article, parsers: list[DateDataParser]) -> str | None:
    """The one year of the days and months the article dates in full, if it is one."""
    years = set()
    for kind, pattern in _patterns(article.lang):
        if kind not in {"day", "month", "iso"}:
            continue
        for match in pattern.finditer(article.text):
            resolved = _resolve(kind, match, article, None, parsers)
            if resolved is not None:
                years.add(resolved[0][:4])
    return years.pop() if len(years) == 1 else None


_LAST_OF_A_RANGE = {"day_last", "day_only_last"}


def find_dates(article: Article, published: dt.date | None) -> list[Fact]:
    parsers = _parsers(article.lang, published)
    year_hint = _article_year(article, parsers) if published is None else None
    taken: list[tuple[int, int]] = []
    facts: list[Fact] = []
    vague: list[Fact] = []
    for kind, pattern in _patterns(article.lang):
        for match in pattern.finditer(article.text):
            # A range's last day is its own date; the words before it stay free for its first.
            start, end = trimmed(article.text, *match.span("last" if kind in _LAST_OF_A_RANGE else 0))
            if any(a < end and start < b for a, b in taken):
                continue
            if kind == "weekday" and _no_day(article, match):
                continue
            resolved = _resolve(kind, match, article, published, parsers, year_hint)
            if resolved is None:
                continue
            taken.append((start, end))
            iso, confidence, notes = resolved
            event = event_kind(article, start, end)
            why_not = _not_an_event(article, kind, iso, event, start, end, published)
            if why_not:
                event, confidence = "background", "low"
                notes.append(why_not)
            elif kind == "week" and _day_within_week(facts, iso, start, article):
                continue  # "this week" adds nothing to the day it names in full
            fact = Fact(
                "date",
                iso,
                [Span(start, end, article.text[start:end])],
                confidence,  # type: ignore[arg-type]
                notes,
                {"event": event},
            )
            if kind in _VAGUE_KINDS:
                vague.append(fact)
            facts.append(fact)
    dropped = {id(f) for f in vague if _a_day_of_it_named(facts, f, published)}
    facts = [f for f in facts if id(f) not in dropped]
    return _events_first(_drop_activity_periods(article, facts))


_VAGUE_KINDS = {"week", "weekend", "recent"}  # "nel fine settimana", "in recent days": a month at most


def _a_day_of_it_named(facts: list[Fact], vague: Fact, published: dt.date | None) -> bool:
    """'Nel fine settimana ... sabato sera': the days the text names say more than the month
    (the publication day aside, which tells when the news was out)."""
    day_out = published.isoformat() if published else None
    days = [f.key for f in facts if len(f.key) == 10 and f.data["event"] != "background"]
    return any(day.startswith(vague.key) and day != day_out for day in days)


def _not_an_event(
    article: Article, kind: str, iso: str, event: str, start: int, end: int, published: dt.date | None
) -> str | None:
    """Why a date is background rather than an event of the operation, or None."""
    if kind == "year_back" and event == "other":
        return "a year named relative to the publication with no word of the operation near it: background"
    if kind == "since" and event != "investigation_start":
        return "a year something has existed since: background, not an event of the operation"
    if event == "launch":
        return "the start of something other than the operation (a site's launch?): background"
    if event in {"other", "announcement"} and _said_then(article, start, end):
        return "the day something was said, not an event of the operation"
    if kind in _SPEAKERS_DAYS and in_direct_speech(article.text, start):
        return "a day named inside a quotation ('\"Today we...\"'): the speaker's day, not an event"
    if _said_right_before(article, start):
        return "the day something was said ('officials said yesterday'), not an event of the operation"
    publication_day = published is not None and iso == published.isoformat()
    if kind == "relative" and publication_day and _state_of_now_beside(article, start, end):
        return "'today' as the writer's present ('que hoy ya no funciona'): no event's day"
    if published is not None and iso > published.isoformat()[: len(iso)]:
        return "a date still to come when the article was published: not an event yet"
    if _NEXT_AFTER.match(article.text, end) or _NEXT_BEFORE.search(article.text[max(0, start - 20) : start]):
        return "a day the text says is still to come ('le 25 juin prochain'): not an event yet"
    if kind == "weekday" and _UNTIL_BEFORE.search(article.text[max(0, start - 20) : start]):
        return "a weekday given as a deadline ('até sábado'): a plan, not an event"
    if _dated_document(article, start):
        return "the date of a document (a press release, a statement), not an event of the operation"
    if _PAGE_DATED.search(article.text[max(0, start - 40) : start]):
        return "the date the page was published or updated, not an event of the operation"
    if _CITED_REPORT.search(article.text[max(0, start - 80) : start]):
        return "the date of the report the text cites ('D'après Le Parisien, 15 décembre 1998')"
    if _LAW_DATED.search(article.text[max(0, start - 50) : start]) or _LAW_PASSED.search(
        article.text[max(0, start - 120) : start]
    ):
        return "the date of a law or a decree, not an event of the operation"
    if _named_street_before(article, start):
        return "a street named after a day ('Rua 25 de Março'): a place, not an event"
    if _IN_FORCE_BEFORE.search(article.text[max(0, start - 60) : start]) or _IN_FORCE_AFTER.match(
        article.text, end
    ):
        return "the day a law came into force, not an event of the operation"
    if in_other_operation(article, start) or in_earlier_operation(article, start):
        return "the date of another or an earlier operation the sentence compares: background"
    if in_other_years_clause(article, start):
        return "a year the sentence sets against the one reported: background"
    if _COMPARED_WITH.search(article.text[max(0, start - 50) : start]):
        return "a date the text compares the figures with ('364% more than in 2005'): background"
    if _in_a_since_clause(article, start):
        return "the date of what a 'since' clause tells ('since ICE began...'): background"
    if _ALONE_AFTER.match(article.text, end) or _ONLY_BEFORE.search(article.text[max(0, start - 20) : start]):
        return "the period of a tally ('in April 2023 alone'), not an event of the operation"
    if event == "announcement" and publication_day:
        return "the publication day of an announcement, not an event of the operation"
    if publication_day and _alone_on_its_line(article, start, end):
        return "the page's dateline (the publication day), not an event of the operation"
    if _agency_dateline(article, end):
        return "a news agency's dateline (the day the report was filed), not an event of the operation"
    if _place_dateline(article, start, end):
        return "the dateline opening the report ('Roma, 6 marzo -'), not an event of the operation"
    if publication_day and _day_opening_a_paragraph(article, start, end):
        return "the publication day opening a paragraph ('3 ottobre 2009. ...'): a dateline, not an event"
    if _place_and_date_line(article, start, end):
        return "a line of a place and a date ('Lisboa, 14 de Março de 2002'): the release's, not an event"
    return None


# Words that set a figure against another date's: "364% more than in 2005", "36,89% a mais do
# que em todo o ano de 2007", "rispetto al 2018", "par rapport à 2019".
_COMPARED_WITH = re.compile(
    r"(?:\bthan|\b(?:m[aá]s|mais|menos|moins|plus|do)\s+qu(?:e|['’])|\brispetto|\bpar\s+rapport|"
    r"\bcompared\s+(?:with|to)|\bcomparad[oa]s?\s+(?:com|con)|\bcompar[ée]e?s?\s+(?:à|a|au|avec))"
    r"(?:\s+(?:in|en|em|no|na|a|al|à|au|ao|nel|nell['’]|del|le|la|o|el|il|the|all|of|de|di|"
    r"todo|toda|tout|tutto|year|ano|año|anno|année|same|mesmo|mismo|stesso|même|period|período|periodo|période))*"
    r"\s*$",
    re.IGNORECASE,
)

# "In April 2023 alone, five individuals were charged", "Solo nel 2015 il giro d'affari...".
_ALONE_AFTER = re.compile(r"\s+alone\b", re.IGNORECASE)
_ONLY_BEFORE = re.compile(
    r"\b(?:solo|soltanto|solamente|rien qu['’]|uniquement|só|apenas)\s*"
    r"(?:nel|nell['’]|in|en|em|no|na|au|à)?\s*$",
    re.IGNORECASE,
)
# "Roma, ", "MARKHAM (Ontario), ", "HANOI, Vietnam, ", "Bruxelles, le ", "MOLFETTA - ".
_PLACE_BEFORE = re.compile(
    r"^[^\W\d_][\w'’. -]{1,30}(?:\s*\([^()\n]{2,30}\))?(?:,\s*[^\W\d_][\w'’. -]{1,20})?"
    r"(?:,|\s[-–—])\s*(?:(?:le|el|il|the)\s+)?$"
)
_DASH_AFTER = re.compile(r"\s*(?:[-–—:/]|\.-|\.\s)")


def _place_dateline(article: Article, start: int, end: int) -> bool:
    """'Roma, 6 marzo – Colpo pesante...', 'México, 13 de septiembre de 2006.- El operativo...':
    a place and a date open the paragraph, then a dash or a full stop."""
    line_start = article.text.rfind("\n", 0, start) + 1
    place_first = _PLACE_BEFORE.match(article.text[line_start:start]) is not None
    return place_first and _DASH_AFTER.match(article.text, end) is not None


def _day_opening_a_paragraph(article: Article, start: int, end: int) -> bool:
    """'3 ottobre 2009. Dai laboratori...', '(21 dicembre 2011) ROMA -', 'Viernes 3 de febrero
    de 2017, p. 37.': the publication day alone opens the paragraph."""
    line_start = article.text.rfind("\n", 0, start) + 1
    opening = article.text[line_start:start].strip()
    if opening == "(" and article.text.startswith(")", end):
        return True
    return not opening and (
        _DASH_AFTER.match(article.text, end) is not None or _PAGE_AFTER.match(article.text, end) is not None
    )


_PAGE_AFTER = re.compile(r",\s*(?:p|pp|pág|pag)\.\s*\d")  # a paper's page: "3 de febrero de 2017, p. 37"


_AGENCY_IN_BRACKETS = re.compile(r"\s*\(([^()\n]{2,30})\)\s*[.\-–—]")


def _place_and_date_line(article: Article, start: int, end: int) -> bool:
    """'Lisboa, 14 de Março de 2002' on a line of its own: where and when a release was signed."""
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", end)
    after = article.text[end : line_end if line_end >= 0 else len(article.text)]
    return _PLACE_BEFORE.match(article.text[line_start:start]) is not None and after.strip(" \t.") == ""


def _agency_dateline(article: Article, end: int) -> bool:
    """'Buenos Aires, 2 sep (EFE).-': a date followed by a news agency in brackets."""
    found = _AGENCY_IN_BRACKETS.match(article.text, end)
    return found is not None and fold(found.group(1)) in news_agencies()


def _alone_on_its_line(article: Article, start: int, end: int) -> bool:
    """'10 December 2020' on a line of its own under the headline: a dateline."""
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", end)
    line = article.text[line_start : line_end if line_end >= 0 else len(article.text)]
    return line.strip(" \t.,") == article.text[start:end].strip()


_NEXT_TO = 3  # tokens before the date where a saying counts across a comma: "said: on Friday"
_SAID_REACH = 5  # in the date's clause: a saying of three words and two more ("na passada")


def _said_then(article: Article, start: int, end: int) -> bool:
    """A saying verb right next to the date: "said on Wednesday", "informó ayer", "deu a
    conhecer na passada quarta-feira", "une conférence de presse tenue ce lundi"."""
    first = article.token_index(start)
    last = article.token_index(end)
    reach = max(0, first - _SAID_REACH)
    sentence_start = article.sentence_at(start).start
    before = [
        t
        for k, t in enumerate(article.tokens[reach:first], start=reach)
        if t.start >= sentence_start
        and (k >= first - _NEXT_TO or not crosses_a_clause(article.text, t.end, start))
    ]
    # "...le vendredi 3 octobre, rapporte 20 Minutes": a saying after a comma reports the
    # whole sentence, not the day
    comma = article.text.find(",", end, article.sentence_at(start).end)
    after = [t.key for t in article.tokens[first : last + 3] if comma < 0 or t.start < comma]
    # "aconteceu na terça-feira (8) e foi divulgada...": the saying after "e" is another clause's
    after = list(itertools.takewhile(lambda key: key not in _CLAUSE_JOINS, after))
    near = [t.key for t in before] + after
    return has_cue(near, "announcement") is not None or has_cue(near, "attribution") is not None


_CLAUSE_JOINS = {"e", "y", "et", "and", "ed", "mas", "but", "ma", "pero", "mais"}


# Words between a saying and its day: "said on Tuesday", "a déclaré le 3 mai", "ha detto il",
# "said early Thursday".
_SAID_ON = {"on", "le", "il", "el", "lo", "o", "no", "em", "en", "early", "late"}
# Days a speaker names from where they stand: inside a quotation, "today" is the day they spoke.
_SPEAKERS_DAYS = {"relative", "weekday"}


_NOW_REACH = 2  # words on either side of "today" where the state of now is told


def _state_of_now_beside(article: Article, start: int, end: int) -> bool:
    """A word telling how things stand now, right beside "today": "hoy ya no funciona",
    "es hoy el único dueño", "still runs today"."""
    first, last = article.token_index(start), article.token_index(end)
    sentence = article.sentence_at(start)
    before = [t.key for t in article.tokens[max(0, first - _NOW_REACH) : first] if t.start >= sentence.start]
    after = [t.key for t in article.tokens[last : last + _NOW_REACH + 1] if t.end <= sentence.end]
    return has_cue(before, "now_state") is not None or has_cue(after, "now_state") is not None


def _said_right_before(article: Article, start: int) -> bool:
    """A saying verb just before the date, whatever the sentence reports: "officials said
    yesterday", "a indiqué mardi", "informó el lunes"."""
    first = article.token_index(start)
    keys = [t.key for t in article.tokens[max(0, first - 4) : first]]
    while keys and keys[-1] in _SAID_ON:
        keys.pop()
    if not keys or crosses_a_clause(article.text, article.tokens[first - 1].end, start):
        return False
    return ends_with_cue(keys, "announcement") or ends_with_cue(keys, "attribution")


_DATED = re.compile(
    r"\b(?:dated|dated on|of|daté(?:e)? du|du|datato|datata|del|fechad[oa]|con fecha(?: del?)?|de"
    r"|datad[oa] de)\s*$",
    re.IGNORECASE,
)


# "Desde que surgiu, em 2003, o site...", "since ICE began Operation X in May 2007": a clause
# that tells what came before, opened by "since" and a verb's subject, not by the date itself.
_NO_CLAUSE_AFTER_SINCE = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|early|late|mid|last|this|then|when"
)  # "since May 2006", "since early 2020": the date itself, read by the "since" pattern
_SINCE_CLAUSE = re.compile(
    r"\b(?:since|desde que|depuis que|da quando|dacché|desde quando)\s+(?![\d(])"
    rf"(?!(?:the\s+)?(?:{_NO_CLAUSE_AFTER_SINCE})\b)[^\W\d][^.;:\n]{{0,80}}$",
    re.IGNORECASE,
)


def _in_a_since_clause(article: Article, start: int) -> bool:
    sentence = article.sentence_at(start)
    return _SINCE_CLAUSE.search(article.text, sentence.start, start) is not None


# "Article publié initialement le 13/09/2011", "Updated on 4 May": the page's own dates.
_PAGE_DATED = re.compile(
    r"\b(?:publié|publiée|mis à jour|published|posted|updated|pubblicato|aggiornato|publicado|publicada"
    r"|actualizado|atualizado|première publication|first publication|prima pubblicazione|primera publicación"
    r"|primeira publicação)(?:\s+(?:initialement|originally|originalmente|inizialmente|first))?"
    r"(?:\s+(?:le|on|il|el|em|en|a))?\s*$",
    re.IGNORECASE,
)


# "(D'après Le Parisien, 15 décembre 1998)": a bracketed credit and the cited report's date.
_CITED_REPORT = re.compile(
    r"\((?:d['’]après|selon|source\s*:|according to|según|segundo|secondo|fonte\s*:|fuente\s*:)"
    r"[^()\n]{1,60},\s*(?:le\s+|du\s+|on\s+|el\s+|del\s+|de\s+|il\s+)?$"
    # "rapporte le quotidien Mutations dans son numéro du 6 avril 2023": the issue's date
    r"|\b(?:dans son (?:numéro|édition)|in its (?:issue|edition)|nella sua edizione|nel numero"
    r"|en su (?:edición|número)|na sua edição|no seu número|en son numéro)\s+(?:du|of|del|de|do)\s+$",
    re.IGNORECASE,
)


# "l'amendement dit « Vivendi », adopté en 2005", "a law passed in 2019": when a law was made.
_LAW_PASSED = re.compile(
    r"\b(?:loi|law|act|amendement|amendment|legge|ley|lei|décret|decree|decreto|directive|directiva|direttiva)\b"
    r"[^.;:\n]{0,80}\b(?:adopté|adoptée|voté|votée|promulgué|promulguée|passed|enacted|adopted|approvat[oa]"
    r"|aprobad[oa]|aprovad[oa]|promulgad[oa]|sancionad[oa])(?:\s+(?:en|in|nel|em|el))?\s*$",
    re.IGNORECASE,
)
# "la loi N°2005-30 du 10 avril 2006", "decreto legislativo n. 68 del", "legge n. 93 del 14
# luglio 2023", "Lei n.º 109/2009, de 15 de setembro", "DL 48/95, de 15 de março": a law's own
# date. The stop of a number's abbreviation ("n.", "n.º", "no.", "nr.") ends no clause. An
# Italian law or decree is dated right after its word ("la legge 22 aprile 1941, n. 633", "il
# Decreto Legislativo 8 giugno 2001"), and a European directive after its number ("la
# direttiva 98/84/CE del 20 novembre 1998").
_LAW_DATED = re.compile(
    r"(?:\b(?:law|act|decree|loi|décret|ordonnance|legge|decreto|decreto legislativo|ley|real decreto|lei"
    r"|decreto-lei|DL|diploma ministerial|Gesetz|Verordnung|directive|directiva|direttiva|diretiva)\b"
    r"|\bd\.\s?lgs\.)"
    r"(?:[^.;:\n]|(?<=\bn)\.|(?<=\bno)\.|(?<=\bnr)\.){0,25}?\b(?:of|du|del|de|vom)\s*$"
    r"|\b(?:legge|decreto legislativo|decreto legge|decreto-legge|d\.\s?lgs\.|d\.\s?l\.|d\.p\.r\.)\s*$",
    re.IGNORECASE,
)


# "na Rua 25 de Março", "via XX Settembre", "avenida 9 de Julio": a street named after a day.
_STREET_BEFORE = re.compile(
    r"\b(?:rua|avenida|av\.|travessa|praça|largo|calle|paseo|plaza|via|viale|piazza|piazzale|corso|rue"
    r"|boulevard|avenue)\s+$",
    re.IGNORECASE,
)


def _named_street_before(article: Article, start: int) -> bool:
    """A day number right after a street word: the street's name ("Rua 25 de Março"). A
    weekday after a place named "Boulevard" is still a day."""
    return article.text[start : start + 1].isdigit() and bool(
        _STREET_BEFORE.search(article.text[max(0, start - 20) : start])
    )


# A law coming into force: "entró en vigor el 1 de junio", "dalla sua entrata in vigore (8
# agosto)", "hasta el 1 de junio de 2015, cuando entró en vigor una reforma".
_IN_FORCE = (
    r"(?:(?:entr[óo]u?|entrad[ao]|entrat[ao]|entr[ée]e?s?|entered|came|come|comes|enters)\s+"
    r"(?:en|in|em|into)\s+(?:vigor|vigore|vigueur|force)|(?:took|takes|take)\s+effect"
    r"|(?:in|en|em)\s+(?:force|vigueur|vigor|vigore)\s+(?:since|depuis|desde|dal|dalla|dall['’]|da))"
)
_IN_FORCE_BEFORE = re.compile(_IN_FORCE + r"[^.;:\n]{0,12}$", re.IGNORECASE)
_IN_FORCE_AFTER = re.compile(
    r"\s*,?\s*(?:cuando|quando|when|quand|lorsque|lorsqu['’])\s+(?:\w+\s+){0,2}?" + _IN_FORCE, re.IGNORECASE
)


def _dated_document(article: Article, start: int) -> bool:
    """'a press release dated October 20, 2023', 'un comunicato del 3 marzo': the
    document's date. A date word right before, and a word for a document just before it."""
    before = article.text[max(0, start - 60) : start]
    if not _DATED.search(before):
        return False
    first = article.token_index(max(0, start - 60))
    keys = [t.key for t in article.tokens[first : article.token_index(start)]]
    return has_cue(keys[-4:], "document") is not None


def in_other_operation(article: Article, start: int) -> bool:
    """'después de que en noviembre de 2019 anunciara el final de una estructura parecida':
    a date in a sentence about another operation, like this one or before it."""
    return _sentence_holds(article, start, "other_operation")


def in_earlier_operation(article: Article, start: int) -> bool:
    """'L'inchiesta è il seguito dell'operazione «Gotha», condotta nel 2022, che aveva portato a
    più di 70 perquisizioni': a sentence telling the earlier operation this one follows."""
    return _sentence_holds(article, start, "earlier_operation") or told_as_weeks_before(article, start)


def told_as_weeks_before(article: Article, start: int) -> bool:
    """'dois meses atrás uma operação no mesmo local havia apreendido 47 mil mídias': the
    sentence tells an operation some time before this one."""
    sentence = article.sentence_at(start)
    return _OPERATION_AGO.search(article.text, sentence.start, sentence.end) is not None


_SPELL = r"[\w-]+(?:\s+[\w-]+)?"  # "two", "dois", "quelques", "a few"
_OPERATION_AGO = re.compile(
    rf"\b(?:{_SPELL}\s+(?:days|weeks|months|years)\s+ago,?\s+(?:an?|another)\s+(?:operation|raid)"
    rf"|il\s+y\s+a\s+{_SPELL}\s+(?:jours|semaines|mois|ans),?\s+(?:une|une\s+autre)\s+(?:opération|descente)"
    rf"|{_SPELL}\s+(?:giorni|settimane|mesi|anni)\s+fa,?\s+(?:un['’]|una|un['’]altra)\s*(?:operazione|blitz)"
    rf"|hace\s+{_SPELL}\s+(?:días|semanas|meses|años),?\s+(?:una|otra)\s+(?:operación|redada)"
    rf"|{_SPELL}\s+(?:dias|semanas|meses|anos)\s+atrás,?\s+(?:uma|outra)\s+(?:operação|ação|blitz))\b",
    re.IGNORECASE,
)


def _sentence_holds(article: Article, start: int, kind: str) -> bool:
    sentence = article.sentence_at(start)
    keys = [t.key for t in article.tokens if sentence.start <= t.start < sentence.end]
    return has_cue(keys, kind) is not None


_RANGE_JOINT = re.compile(r"\s*(?:and|to|et|à|au|a|al|e|y|hasta|até|bis|und|-|–)?\s*", re.IGNORECASE)


_FROM_BEFORE = re.compile(r"\b(?:from|de|du|desde|dal|dall['’]|da)\s+$", re.IGNORECASE)


_DURATION_SINCE = re.compile(r"\bdesde\s+$", re.IGNORECASE)
_FROM_A_YEAR_BEFORE = re.compile(r"\b(?:de|du|from|dal|desde|dès)\s+(?:19|20)\d\d\s*$", re.IGNORECASE)
# "dal 2017 fino allo scorso gennaio": a span opened by "from", closed by "until" and a date
# no pattern reads.
_UNTIL_AFTER = re.compile(
    r"\s+(?:fino\s+(?:a|al|allo|alla|ad|all['’])|until|till|jusqu['’]|hasta|até)\b", re.IGNORECASE
)


def _drop_activity_periods(article: Article, facts: list[Fact]) -> list[Fact]:
    """Months or years joined as a range with no event word ("January 2016 to April 2018"),
    or opened by "from" whatever the sentence says ("the complaint alleges that from
    February 2010 to January 2011 he..."), are a period of activity: background."""
    ordered = sorted(facts, key=lambda f: f.spans[0].start)
    for first, second in itertools.pairwise(ordered):
        gap = article.text[first.spans[0].end : second.spans[0].start]
        joined = _RANGE_JOINT.fullmatch(gap) or (not gap.strip() and _RANGE_JOINT.match(second.spans[0].text))
        coarse = len(first.key) <= 7 and len(second.key) <= 7
        opening = first.spans[0].start
        # "from February 2010 to January 2011, he used his domains": the span of the offence
        from_to = bool(_FROM_BEFORE.search(article.text[max(0, opening - 10) : opening]) and gap.strip())
        if joined and coarse and ({first.data["event"], second.data["event"]} == {"other"} or from_to):
            for fact in (first, second):
                fact.data["event"], fact.confidence = "background", "low"
                fact.notes.append("a period of activity (a range with no event word): background")
    for fact in ordered:
        span = fact.spans[0]
        before = article.text[max(0, span.start - 14) : span.start]
        if len(fact.key) <= 7 and _FROM_A_YEAR_BEFORE.search(before):
            # "de 2006 à 2008": the end of a span of years whose start no pattern kept
            fact.data["event"], fact.confidence = "background", "low"
            fact.notes.append("a period of activity (from a year to another): background")
            continue
        opened = _FROM_BEFORE.search(article.text[max(0, span.start - 10) : span.start]) or re.match(
            r"(?:from|desde|dal|dall['’])\s", span.text, re.IGNORECASE
        )
        if opened and len(fact.key) <= 7 and _UNTIL_AFTER.match(article.text, span.end):
            fact.data["event"], fact.confidence = "background", "low"
            fact.notes.append("a period of activity (from a date until another): background")
    return facts


def _events_first(facts: list[Fact]) -> list[Fact]:
    """A date that is an event in one sentence is no background for being said in another."""
    events = {f.key for f in facts if f.data["event"] != "background"}
    return [f for f in facts if f.data["event"] != "background" or f.key not in events]


def _day_within_week(facts: list[Fact], month: str, start: int, article: Article) -> bool:
    """A date to the day, in the same month, already found in the same sentence or before."""
    return any(
        len(f.key) == 10 and f.key.startswith(month) and f.spans[0].start < start for f in facts
    ) or any(
        len(f.key) == 10 and f.key.startswith(month)
        for f in facts
        if article.sentence_at(f.spans[0].start) == article.sentence_at(start)
    )
