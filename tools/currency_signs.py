"""Write extraction/words/currency_signs.yaml: each country's local sign for its money, and
the names of every currency in use, from CLDR through Babel.

Run once, when Babel (its CLDR data) is updated:

    .venv/bin/python tools/currency_signs.py

For every territory CLDR knows, the sign its official languages' locales write for its
currency ("R" in en_ZA, "Rs" in en_PK, "S/" in es_PE, "F CFA" in fr_SN), kept when it is
not the ISO code itself and is written in Latin letters or signs. For every currency in
use, its names in the extractor's languages ("meticais moçambicanos", "Kenyan shillings")
and the noun they are built on ("meticais", "shillings"), which the press writes alone;
a noun that is also an everyday word (NOT_MONEY) is left out. Reading these at run time
would load some hundred locales (about 100 MB and half a second); the file holds the
result. extraction/currencies.py says how each sign is read.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import babel
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.languages import get_official_languages
from babel.numbers import get_currency_name, get_territory_currencies

OUT = Path(__file__).resolve().parent.parent / "extraction" / "words" / "currency_signs.yaml"
LANGUAGES = ("fr", "en", "it", "es", "pt")
# Nouns of currency names that are also everyday words or peoples: adjectives ("nuevo"),
# the sun ("sol"), books ("livres"), brands ("marchi"), lions ("leones"), peoples
# ("bolivianos", "guaraníes"), cities ("Córdoba", "Colón"), "lei" (Italian "she"). Their
# plurals that name nothing else stay money ("120 mil córdobas", "500 lempiras").
NOT_MONEY = {
    *("nouveau", "nouveaux", "novo", "novos", "nuevo", "nuevos", "nuovi", "nuovo", "sol", "sols"),
    *("sons", "sum", "som", "soms", "sums", "lei", "leu", "leus", "lira", "lire", "livre", "livres"),
    *("libra", "libras", "mark", "marks", "marco", "marcos", "marchi", "real", "reales", "reals"),
    *("réal", "réals", "kip", "kips", "kina", "kinas", "tala", "talas", "pula", "pulas", "dram"),
    *("drams", "escudo", "escudos", "dobra", "dobras", "colón", "colones", "colóns", "córdoba"),
    *("lempira", "lempire", "boliviano", "bolivianos", "boliviani", "guarani"),
    *("guaranis", "guaraní", "guaraníes", "guaranís", "leone", "leones", "leona", "leonas", "leoni"),
    *("franco", "rand", "rands", "won", "wons", "pound", "pounds", "peso", "pesos", "dollar", "dollars"),
    *("dollari", "dollaro", "dólar", "dólares", "corona", "coronas", "corone", "coroa", "coroas"),
    *("couronne", "couronnes", "krone", "bat", "bats", "bir", "sterlina", "sterline", "euro", "euros"),
}


def written_in_latin(sign: str) -> bool:
    letters = [c for c in sign if c.isalpha()]
    return sign.isprintable() and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def local_signs() -> dict[str, set[str]]:
    signs: dict[str, set[str]] = {}
    for territory in get_global("territory_currencies"):
        codes = get_territory_currencies(territory, tender=True)
        if not codes:
            continue
        for lang in get_official_languages(territory):
            try:
                symbol = Locale.parse(f"{lang}_{territory}").currency_symbols.get(codes[0])
            except (UnknownLocaleError, ValueError):
                continue
            if symbol and symbol != codes[0] and written_in_latin(symbol):
                signs.setdefault(symbol, set()).add(codes[0])
    return signs


def currencies_in_use() -> set[str]:
    codes = (get_territory_currencies(t, tender=True) for t in get_global("territory_currencies"))
    return {found[0] for found in codes if found}


def currency_names() -> tuple[dict[str, str], dict[str, set[str]]]:
    """Every name of one currency ("Kenyan shillings": KES), and the nouns names are built
    on, with the currencies sharing each ("shillings": KES, SOS, TZS, UGX)."""
    names: dict[str, str] = {}
    nouns: dict[str, set[str]] = {}
    for code in sorted(currencies_in_use()):
        for lang in LANGUAGES:
            for count in (1, 2):
                name = get_currency_name(code, count=count, locale=lang)
                words = name.split()
                if len(words) > 1:
                    names.setdefault(name, code)
                noun = words[-1] if lang == "en" else words[0]
                if noun.casefold() not in NOT_MONEY and noun.isalpha() and noun != code:
                    nouns.setdefault(noun.casefold(), set()).add(code)
    return names, nouns


def main() -> None:
    lines = [
        f"# Each country's local sign for its money (CLDR, Babel {babel.__version__}): written by",
        "# tools/currency_signs.py; see that script. Do not edit by hand; the lexicon's own",
        "# signs are in quantities.yaml (local_currency_signs).",
        "",
        "cldr_currency_signs:",
    ]
    signs = local_signs()
    for sign, codes in sorted(signs.items()):
        lines.append(f"  {json.dumps(sign, ensure_ascii=False)}: [{', '.join(sorted(codes))}]")
    names, nouns = currency_names()
    lines += ["", "# The full names of one currency each, in the extractor's languages."]
    lines += ["cldr_currency_names:"]
    lines += [f"  {json.dumps(name, ensure_ascii=False)}: {code}" for name, code in sorted(names.items())]
    lines += ["", "# The nouns currency names are built on, and the currencies sharing each."]
    lines += ["cldr_currency_nouns:"]
    for noun, codes in sorted(nouns.items()):
        lines.append(f"  {json.dumps(noun, ensure_ascii=False)}: [{', '.join(sorted(codes))}]")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(signs)} signs, {len(names)} names, {len(nouns)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
