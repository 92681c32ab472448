"""Currencies: how papers write money, and which currency a sign means in one article.

Three kinds of spelling, by how sure the sign is:
- a currency's own sign or name (Babel's symbols and names in the six languages, the
  lexicon's everyday words): "€", "euros", "US$", "naira";
- a sign several currencies share ("$", "pesos", "FCFA"): the currency of the country the
  article names most among those using it, else the sign's default (lexicon
  `shared_currencies`);
- a country's local sign written in letters ("R" for the rand, "Rs" for rupees, "B" for
  the baht, "DA" for the Algerian dinar), from CLDR's locale data (currency_signs.yaml) and
  the lexicon's `local_currency_signs`, and the noun a currency's name is built on
  ("meticais", "franchi", "shillings"): money only where the article names a country
  using it, and a one-letter sign only when written against the number ("R5 million").
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

from extraction.lexicon import country_matcher, entity_matcher, lexicon, phrase_keys, place_matcher
from extraction.text import LANGUAGES, Article
from graph.model.schema import Label

SHARED = "shared:"  # the code of a sign several currencies use, resolved per article
LOCAL = "local:"  # the code of a country's local sign in letters, resolved per article
CENTS = "cents:"  # the code of a word for hundredths ("centesimi"), resolved per article


def needs_article(code: str) -> bool:
    """The code stands for a sign the article's countries resolve (`resolve`)."""
    return code.startswith((SHARED, LOCAL, CENTS))


@cache
def cents_spellings() -> list[tuple[str, str]]:
    """(word, `cents:<n>`) of the words for hundredths of a currency, longest first."""
    groups = lexicon()["currency_cents"]
    pairs = [(sign, f"{CENTS}{n}") for n, group in enumerate(groups) for sign in group["signs"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def spellings() -> list[tuple[str, str]]:
    """(spelling, code), longest first: ISO codes, `shared:<n>` or `local:<sign>`."""
    pairs: set[tuple[str, str]] = set()
    for code, items in lexicon()["currencies"].items():
        for lang in LANGUAGES:
            pairs.add((get_currency_symbol(code, locale=lang), code))
            pairs.add((get_currency_name(code, count=2, locale=lang), code))
            pairs.add((get_currency_name(code, count=1, locale=lang), code))
        pairs.update((word, code) for word in items)
        pairs.add((code, code))
    # Every currency's full names: "meticais moçambicanos", "Kenyan shillings".
    pairs.update((name, code) for name, code in lexicon()["cldr_currency_names"].items())
    pairs.add(("$ US", "USD"))
    pairs.add(("$US", "USD"))
    groups = lexicon()["shared_currencies"]
    shared = {sign.casefold(): n for n, group in enumerate(groups) for sign in group["signs"]}
    pairs = {(word, code) for word, code in pairs if word.casefold() not in shared}
    pairs.update((sign, f"{SHARED}{n}") for sign, n in shared.items())
    known = {word.casefold() for word, _ in pairs}
    for sign, codes in local_signs().items():
        if sign.casefold() in known:
            continue
        if len(codes) == 1 and (not _in_letters(sign) or _noun_of_one(sign)):
            # "GH₵", "HK$", "S/": one currency's own sign; "córdobas", "meticais": its name
            pairs.add((sign, next(iter(codes))))
        else:
            pairs.add((sign, f"{LOCAL}{sign}"))
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def local_signs() -> dict[str, frozenset[str]]:
    """Each country's local sign for its money in its own languages' locales (CLDR, written
    to currency_signs.yaml by tools/currency_signs.py), with the lexicon's, and the
    currencies that use it."""
    signs: dict[str, set[str]] = {}
    for section in ("cldr_currency_signs", "local_currency_signs", "cldr_currency_nouns"):
        for sign, codes in lexicon()[section].items():
            signs.setdefault(str(sign), set()).update(codes)
    return {sign: frozenset(codes) for sign, codes in signs.items()}


def _noun_of_one(sign: str) -> bool:
    """A noun CLDR builds one currency's names on, and no other's ("córdobas", "kwanzas"):
    money after a number whether or not the article names the country."""
    codes = lexicon()["cldr_currency_nouns"].get(sign)
    return codes is not None and len(codes) == 1 and len(sign) > 3


def _in_letters(sign: str) -> bool:
    """'Rs.', 'DA', 'B': a sign of letters, which may also be a word or an initial."""
    return all(c.isalpha() or c == "." for c in sign)


def glued_only(sign: str) -> bool:
    """A one-letter local sign is money only written against its number: 'R5', not 'R 5'."""
    return len(sign.rstrip(".")) == 1


def resolve(article: Article, code: str) -> tuple[str | None, str | None]:
    """(ISO code, note) of a shared or local sign in this article; (None, None) when the
    article does not settle it."""
    named = countries_named(article)
    old_money = _years_before_the_euro(article)
    if code.startswith(LOCAL):
        candidates = sorted(local_signs()[code.removeprefix(LOCAL)])
        counts = {c: _mentions(article, c, named, old_money) for c in candidates}
        best = max(candidates, key=lambda c: counts[c])
        if counts[best] == 0:
            return None, None
        return best, f"the currency of the sign is read from the country the article names ({best})"
    if code.startswith(CENTS):
        group = lexicon()["currency_cents"][int(code.removeprefix(CENTS))]
    else:
        group = lexicon()["shared_currencies"][int(code.removeprefix(SHARED))]
    counts = {c: _mentions(article, c, named, old_money) for c in group["codes"]}
    best = max(group["codes"], key=lambda c: counts[c])
    default = group.get("default")
    if counts[best] == 0 or (default and counts[best] <= counts.get(default, 0)):
        return default, None  # None where the word has no default and no country settles it
    if default and _named_more_elsewhere(named, group["codes"], counts[best]):
        # "$2.9 billion" in a report on Japan and the Philippines that names Hong Kong once:
        # the sign is not the money of where the article mostly is.
        return default, None
    if best == default:
        return best, None
    return best, f"the currency is read from the country the article names ({best})"


def _named_more_elsewhere(named: list[str], codes: list[str], best: int) -> bool:
    """A country whose money uses none of `codes` is named more often than `best` times."""
    others: dict[str, int] = {}
    for country in named:
        if currency_of(country) not in codes:
            others[country] = others.get(country, 0) + 1
    return max(others.values(), default=0) > best


def unsettled(article: Article, code: str) -> bool:
    """A local sign no country of the article uses: not money here."""
    return code.startswith(LOCAL) and resolve(article, code)[0] is None


def _mentions(article: Article, code: str, named: list[str], old_money: bool) -> int:
    """How many times the article names a country that uses the currency `code`: by a word
    of the lexicon's (a demonym, a city), or among the countries `named` (its name, one of
    its places or bodies); with `old_money`, the euro area's moneys before 2002 count too."""
    keys = [t.key for t in article.tokens]
    count = 0
    for phrase in (phrase_keys(w) for w in lexicon()["currency_countries"].get(code, [])):
        n = len(phrase)
        count += sum(1 for i in range(len(keys) - n + 1) if tuple(keys[i : i + n]) == phrase)
    return count + sum(1 for country in named if code in currencies_in_force(country, old_money))


@cache
def currency_of(country: str) -> str | None:
    codes = get_territory_currencies(country, tender=True)
    return codes[0] if codes else None


# Euro notes and coins replaced the franc, the lira and the euro area's other moneys in 2002.
_EURO_CASH = dt.date(2002, 1, 1)


@cache
def currency_before_the_euro(country: str) -> str | None:
    """The money a euro-area country used until 2002 ("FRF" for France), from CLDR's
    history of each territory's tender."""
    codes = get_territory_currencies(country, _EURO_CASH - dt.timedelta(days=1), tender=True)
    old = [c for c in codes if c != "EUR"]
    return old[0] if old and currency_of(country) == "EUR" else None


@cache
def currencies_in_force(country: str, old_money: bool) -> frozenset[str]:
    """The country's money today, and with `old_money` its money before the euro
    ("400.000 francs" in a report of 1998 on France)."""
    now = currency_of(country)
    old = currency_before_the_euro(country) if old_money else None
    return frozenset(c for c in (now, old) if c)


def _years_before_the_euro(article: Article) -> bool:
    """No year written in the article, or none after 2001: a sum may be in the old money."""
    years = [int(t.text) for t in article.tokens if len(t.text) == 4 and t.text.isdigit()]
    years = [y for y in years if 1900 <= y <= 2099]
    return not years or max(years) < _EURO_CASH.year


def countries_named(article: Article) -> list[str]:
    """The countries the article names, and those of its places and national bodies."""
    names = [m.entry.name for m in country_matcher().find(article)]
    places = [m.entry.name for m in place_matcher().find(article)]
    bodies = [m.entry.country for m in entity_matcher().find(article) if m.entry.label == Label.AGENCY]
    return [c for c in names + places + bodies if c]


@cache
def after_only() -> set[str]:
    """Currency names that are also words ("the team won 3 matches"): money only after a number."""
    return {w.casefold() for w in lexicon()["currency_words_after_only"]}


def before(text: str, start: int) -> tuple[str, int] | None:
    """(code, new start) of a currency written in front of the number at `start`: "€10.6
    million", "EUR 10.6m", "US$ 5", "R5 million", "Rs 500"."""
    window = text[max(0, start - 6) : start]
    trimmed = window.rstrip(" \u00a0")
    for word, code in spellings():
        if word.casefold() in after_only():
            continue
        if not trimmed.endswith(word) or (
            word[0].isalnum() and len(trimmed) > len(word) and trimmed[-len(word) - 1].isalnum()
        ):
            continue
        if code.startswith(LOCAL) and glued_only(word) and trimmed != window:
            continue
        return code, start - (len(window) - len(trimmed)) - len(word)
    return None
