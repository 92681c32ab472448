"""What a claimed figure measures, so that claims worded differently are compared.

"150 PayPal accounts" and "197 accounts" measure accounts; "22 suspects" and "25
suspects identified" measure suspects; "5,500 servers" and "5,500 IT resources" measure
two different things, however alike the numbers. The measure is the head noun of the
claim's unit (else of its metric), folded and in the singular, with a few spellings of
one thing read as one (`SAME_THING`). Its terms are the other words of the metric and
unit: two claims of one measure are compared when the terms of one are all terms of the
other ("arrests" and "arrests in Spain", not "countries hosting servers" and "countries
cooperating"). Two claims with the same metric that count different things ("servers
shut down": 5,500 servers per Eurojust, 5,500 IT resources per the Guardia di Finanza)
disagree on what was counted, whatever their numbers.
"""

from __future__ import annotations

from graph.model.ids import fold

# Spellings of one measured thing.
SAME_THING = {
    "euro": "eur",
    "eur": "eur",
    "dollar": "usd",
    "usd": "usd",
    "people": "person",
    "persons": "person",
    "individual": "person",
}


CURRENCIES = frozenset(
    {"eur", "usd", "gbp", "brl", "dkk", "nok", "sek", "chf", "jpy", "krw", "vnd", "mad", "cad"}
)


def singular(word: str) -> str:
    """'accounts' -> 'account', 'proxies' -> 'proxy', 'boxes' -> 'box'; short words and
    words ending in -ss as they are."""
    if len(word) <= 3 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


# Words that say nothing about what is counted.
_FILLER = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "with",
        "and",
        "or",
        "from",
        "over",
        "about",
        "some",
        "more",
        "than",
        "per",
        "its",
        "their",
        "incl",
        "excl",
        "including",
        "excluding",
        "approximately",
        "around",
        "nearly",
        "almost",
        "least",
    }
)


def measure_terms(unit: str, metric: str, qualifier: str | None = None) -> list[str]:
    """The words of the metric, unit and qualifier besides the measure itself, singular,
    sorted ("phase 2" keeps its number: phase 2 is not phase 3)."""
    head = measure_of(unit, metric)
    words = {singular(w) for w in fold(f"{metric} {unit} {qualifier or ''}").split()}
    return sorted(w for w in words if w not in _FILLER and SAME_THING.get(w, w) != head)


def metric_terms(metric: str) -> list[str]:
    """The metric's own words, singular, sorted: two claims with the same metric terms say
    what they count the same way, whatever unit each gives."""
    return sorted({singular(w) for w in fold(metric).split()} - _FILLER)


def measure_of(unit: str, metric: str = "") -> str:
    """The thing a claim counts: the last word of its unit (or metric), singular."""
    words = fold(unit).split() or fold(metric).split()
    if not words:
        return ""
    if "per" in words[1:-1]:  # a rate: "EUR per month" is its own measure
        return " ".join(SAME_THING.get(singular(w), singular(w)) for w in words)
    head = words[-1]
    thing = SAME_THING.get(head, SAME_THING.get(singular(head), singular(head)))
    # Sums in two currencies are one sum converted, not two things counted: the currency
    # stays among the terms, so the two are not compared as figures either.
    return "money" if thing in CURRENCIES else thing
