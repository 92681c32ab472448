"""Write extraction/words/currency_signs.yaml: each country's local sign for its money, from
CLDR through Babel.

Run once, when Babel (its CLDR data) is updated:

    .venv/bin/python tools/currency_signs.py

For every territory CLDR knows, the sign its official languages' locales write for its
currency ("R" in en_ZA, "Rs" in en_PK, "S/" in es_PE, "F CFA" in fr_SN), kept when it is
not the ISO code itself and is written in Latin letters or signs. Reading these at run time
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
from babel.numbers import get_territory_currencies

OUT = Path(__file__).resolve().parent.parent / "extraction" / "words" / "currency_signs.yaml"


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


def main() -> None:
    lines = [
        f"# Each country's local sign for its money (CLDR, Babel {babel.__version__}): written by",
        "# tools/currency_signs.py; see that script. Do not edit by hand; the lexicon's own",
        "# signs are in quantities.yaml (local_currency_signs).",
        "",
        "cldr_currency_signs:",
    ]
    for sign, codes in sorted(local_signs().items()):
        lines.append(f"  {json.dumps(sign, ensure_ascii=False)}: [{', '.join(sorted(codes))}]")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 5} signs -> {OUT}")


if __name__ == "__main__":
    main()
