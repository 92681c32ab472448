"""Precision and recall of `piracy-graph extract` on one gold set, per fact type and per
language. The matching rules are in `extraction.score`'s docstring.

    python -m bench.extract_scores                  # the seed and synthetic sets
    python -m bench.extract_scores --set blind-1    # one set: seed, synthetic, blind-1...

Prints a table with every miss and every extra item, and writes
bench/results/extract-<set>.json (extract.json for the default pair).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from extraction.facts import FACT_KINDS
from extraction.score import TEST_SETS, gold_files, gold_sets, score_corpus

RESULTS = Path(__file__).resolve().parent / "results"


def table(name: str, result: dict[str, Any]) -> str:
    spans = f", spans exact {result['spans_exact']}" if "spans_exact" in result else ""
    lines = [f"{name}: {len(result['files'])} articles{spans}"]
    lines.append(f"  {'fact type':<14} {'gold':>5} {'found':>5} {'tp':>4} {'precision':>9} {'recall':>7}")
    rows = [*((kind, result["by_type"][kind]) for kind in FACT_KINDS), ("all", result["overall"])]
    rows += [(f"lang {lang}", c) for lang, c in result["by_lang"].items()]
    for label, c in rows:
        gold, found = c["tp"] + c["fn"], c["tp"] + c["fp"]
        lines.append(
            f"  {label:<14} {gold:>5} {found:>5} {c['tp']:>4} {c['precision']:>9.3f} {c['recall']:>7.3f}"
        )
    for kind in FACT_KINDS:
        c = result["by_type"][kind]
        for item in c["false_positives"]:
            lines.append(f"  extra   {kind}: {item}")
        for item in c["misses"]:
            lines.append(f"  missed  {kind}: {item}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.extract_scores", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--set", dest="sets", action="append", metavar="NAME", help=", ".join(gold_sets()))
    args = parser.parse_args(argv)
    names = args.sets or list(TEST_SETS)
    try:
        results = {name: score_corpus(gold_files(name)) for name in names}
    except ValueError as err:
        parser.error(str(err))
    out = RESULTS / ("extract.json" if names == list(TEST_SETS) else f"extract-{'-'.join(names)}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write("\n\n".join(table(f"set {name}", result) for name, result in results.items()))
    sys.stdout.write(f"\n\nwrote {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
