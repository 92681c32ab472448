"""Country names in English, French, Italian, Spanish, German and Portuguese -> ISO codes."""

from __future__ import annotations

import gettext
from functools import cache, lru_cache

import pycountry

from graph.model.ids import fold

LANGUAGES = ("fr", "it", "es", "de", "pt", "nl")

# Usual short forms that pycountry does not carry.
_EXTRA = {
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "usa": "US",
    "us": "US",
    "u s": "US",
    "united states": "US",
    "america": "US",
    "etats unis": "US",
    "stati uniti": "US",
    "estados unidos": "US",
    "vereinigte staaten": "US",
    "south korea": "KR",
    "korea": "KR",
    "coree du sud": "KR",
    "corea del sud": "KR",
    "corea del sur": "KR",
    "sudkorea": "KR",
    "coreia do sul": "KR",
    "russia": "RU",
    "russie": "RU",
    "russland": "RU",
    "vietnam": "VN",
    "viet nam": "VN",
    "czech republic": "CZ",
    "czechia": "CZ",
    "republique tcheque": "CZ",
    "tchequie": "CZ",
    "holland": "NL",
    "holanda": "NL",
    "olanda": "NL",
    "the netherlands": "NL",
    "moldova": "MD",
    "turkey": "TR",
    "turquie": "TR",
    "taiwan": "TW",
    "iran": "IR",
    "syria": "SY",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "laos": "LA",
    "brunei": "BN",
    "kosovo": "XK",
    "uae": "AE",
    "u a e": "AE",
    "nz": "NZ",
    "coree": "KR",
    "corea": "KR",
    "coreia": "KR",
    # Everyday names Babel gives and pycountry's translations lack (the translations give
    # "Federación de Rusia"); names that are also words or places ("Reunião", "San Martín",
    # "Irã" folded to "ira") are left out.
    "rusia": "RU",
    "bielorrussia": "BY",
    "bielorussie": "BY",
    "cape verde": "CV",
    "comoras": "KM",
    "djibuti": "DJ",
    "essuatini": "SZ",
    "kirghizstan": "KG",
    "micronesie": "FM",
    "seicheles": "SC",
    "tchequia": "CZ",
    "turcomenistao": "TM",
    "tadjiquistao": "TJ",
    "sud sudan": "SS",
    "vatican city": "VA",
    "ciudad del vaticano": "VA",
    "citta del vaticano": "VA",
    "cidade do vaticano": "VA",
    "islas malvinas": "FK",
    "falkland islands": "FK",
    "ilhas cayman": "KY",
    "palestinian territories": "PS",
    "territoires palestiniens": "PS",
    "territori palestinesi": "PS",
    "territorios palestinos": "PS",
}


@cache
def _index() -> dict[str, str]:
    """Every language's names, English first, then the alpha-3 codes and the extra names."""
    names: dict[str, str] = {}
    for lang in ("en", *LANGUAGES):
        for name, code in names_in_language(lang).items():
            names.setdefault(name, code)
    for country in pycountry.countries:
        names.setdefault(fold(country.alpha_3), country.alpha_2)
    for name, code in _EXTRA.items():
        names[fold(name)] = code
    return names


@cache
def names_in_language(lang: str) -> dict[str, str]:
    """The countries' names in one language, folded -> code: 'granada' is Grenada in 'es'
    and 'pt' only ('grenade' in 'fr', 'grenada' in 'en' and 'it')."""
    translate = (
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
        if lang in LANGUAGES
        else str
    )
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                names.setdefault(fold(translate(name)), country.alpha_2)
    return names


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """'Royaume-Uni', 'UK', 'United Kingdom', 'gb' -> 'GB'; None when unknown."""
    candidate = text.strip()
    if len(candidate) == 2 and candidate.isalpha():
        found = pycountry.countries.get(alpha_2=candidate.upper())
        if found is not None:
            return str(found.alpha_2)
        if candidate.upper() == "XK":
            return "XK"
    return _index().get(fold(candidate))


@lru_cache(maxsize=1024)
def country_name(code: str) -> str:
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return "Kosovo" if code == "XK" else code
    return str(getattr(found, "common_name", found.name))


@cache
def country_names(code: str) -> tuple[str, ...]:
    """Every name the index knows for `code`, folded: so search finds 'royaume uni' too."""
    return tuple(sorted(name for name, found in _index().items() if found == code))
