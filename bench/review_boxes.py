"""How much of what a draft missed its review page points at: for each gold fact the draft
missed, whether some word the page boxes (a number, name or domain no drafted fact cites,
extraction/uncited.py) is that fact's; and how many boxes a reviewer looks at per article.

    python -m bench.review_boxes --set blind-16 --set blind-17

A missed name counts as pointed at when a boxed run of words equals one of its gold
spellings, holds one or is held by one (folded); a missed figure when a boxed number has
its value, or its value in thousands or millions ("3,5 millions", "13 mil"). Dates,
countries and arrests are read from words that are no names or numbers of their own, and
count as not pointed at.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from extraction.facts import FACT_KINDS
from extraction.figures import parse_number, worded_number
from extraction.review_page import review_items
from extraction.score import Gold, gold_files, gold_sets, load_gold, score_one
from extraction.text import Article
from extraction.uncited import uncited
from graph.model.ids import fold

NAMED = {"agency", "group", "platform", "rights_holder", "operation"}
SCALES = (1.0, 1_000.0, 1_000_000.0)


def _numbers(texts: list[str], lang: str) -> set[float]:
    """The values of the boxed numbers, in digits or in words, read as the extractor reads
    them (extraction.figures)."""
    values = (parse_number(t, lang) if t[:1].isdigit() else worded_number(t, lang) for t in texts)
    return {v for v in values if v is not None}


def _pointed(kind: str, spellings: list[str], names: set[str], numbers: set[float]) -> bool:
    if kind in NAMED:
        return any(s == n or (len(n) > 2 and (s in n or n in s)) for s in spellings for n in names)
    if kind == "figure":
        values = [float(s.split(" ")[0]) for s in spellings]
        return any(v == n * scale for v in values for n in numbers for scale in SCALES)
    return False


def measure(golds: list[Gold]) -> tuple[Counter[str], Counter[str], int]:
    """(missed facts by kind, of them pointed at by kind, boxes in all)."""
    missed: Counter[str] = Counter()
    pointed: Counter[str] = Counter()
    boxes = 0
    for gold in golds:
        counts, dossier = score_one(gold)
        cited = [span for item in review_items(dossier, gold.text) for span in item.spans]
        boxed = [gold.text[a:b] for a, b, _ in uncited(Article(gold.text, gold.lang), cited)]
        boxes += len(boxed)
        names, numbers = {fold(t) for t in boxed}, _numbers(boxed, gold.lang)
        for kind in FACT_KINDS:
            for miss in counts[kind].misses:
                spellings = miss.split(": ", 1)[1].split(" | ")
                missed[kind] += 1
                pointed[kind] += _pointed(kind, spellings, names, numbers)
    return missed, pointed, boxes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.review_boxes", description=__doc__.split("\n")[0])
    parser.add_argument("--set", dest="sets", action="append", required=True, help=", ".join(gold_sets()))
    args = parser.parse_args(argv)
    try:
        golds = [load_gold(path) for name in args.sets for path in gold_files(name)]
    except ValueError as err:
        parser.error(str(err))
    missed, pointed, boxes = measure(golds)
    lines = [
        f"{len(golds)} articles, {boxes} boxes ({boxes / max(len(golds), 1):.1f} per article)",
        f"missed facts {sum(missed.values())}, pointed at by a box {sum(pointed.values())}",
        *(
            f"  {kind:<14} {missed[kind]:>4} missed {pointed[kind]:>4} boxed"
            for kind in FACT_KINDS
            if missed[kind]
        ),
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
