"""How far two careful readers of the same excerpts agree, scored by the extractor's own
rules: a ceiling for what any extractor can score against one reader's gold.

    python -m bench.reader_agreement --set blind-18

The first reader's gold is the blind set (bench/blind/<set>/); the second reader's is
bench/agreement/<set>/, written from the same texts by a session that never saw the first
gold. The second reader's facts are scored as if they were a draft (a fact's spellings
are its names), so precision is the share of the second reader's facts the first reader
also took, and recall the share of the first reader's facts the second reader also took.

Prints the same table as bench.extract_scores and writes
bench/results/reader-agreement-<set>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.extract_scores import table
from extraction.facts import FACT_KINDS
from extraction.score import Counts, Gold, compare, gold_files, load_gold, tally

AGREEMENT_DIR = Path(__file__).resolve().parent / "agreement"
RESULTS = Path(__file__).resolve().parent / "results"


def second_reading(first: Gold, second: Gold) -> dict[str, Counts]:
    """The second reader's facts scored against the first reader's, kind by kind."""
    if first.text != second.text or first.lang != second.lang:
        raise ValueError(f"{second.name}: the second reader's text or language differs from the set's")
    return {
        kind: compare(first.name, first.facts[kind], [tuple(sorted(s)) for s in second.facts[kind]])
        for kind in FACT_KINDS
    }


def agreement(name: str) -> dict[str, Any]:
    second_dir = AGREEMENT_DIR / name
    firsts = gold_files(name)
    missing = [p.name for p in firsts if not (second_dir / p.name).is_file()]
    if missing:
        raise ValueError(f"{second_dir}: no second reading of {', '.join(missing)}")
    pairs = [(load_gold(p), load_gold(second_dir / p.name)) for p in firsts]
    return tally([(first, second_reading(first, second)) for first, second in pairs])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.reader_agreement", description=__doc__.split("\n")[0]
    )
    sets = sorted(p.name for p in AGREEMENT_DIR.iterdir() if p.is_dir()) if AGREEMENT_DIR.is_dir() else []
    parser.add_argument("--set", dest="sets", action="append", metavar="NAME", help=", ".join(sets))
    args = parser.parse_args(argv)
    names = args.sets or sets
    try:
        results = {name: agreement(name) for name in names}
    except ValueError as err:
        parser.error(str(err))
    out = RESULTS / f"reader-agreement-{'-'.join(names)}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = (table(f"set {name} (second reader against the first)", r) for name, r in results.items())
    sys.stdout.write("\n\n".join(rows) + f"\n\nwrote {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
