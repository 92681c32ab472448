"""Precision and recall of `piracy-graph extract` per fact type, on the seed articles and,
separately, on the synthetic test articles (tests/data/extract/). Prints a table and
writes bench/results/extract.json.

    python -m bench.extract_scores
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from extraction.facts import FACT_KINDS
from extraction.score import gold_files, score_corpus

RESULTS = Path(__file__).resolve().parent / "results" / "extract.json"


def table(name: str, result: dict[str, Any]) -> str:
    lines = [f"{name}: {len(result['files'])} articles, spans exact {result['spans_exact']}"]
    lines.append(f"  {'fact type':<14} {'gold':>5} {'found':>5} {'tp':>4} {'precision':>9} {'recall':>7}")
    rows = [*((kind, result["by_type"][kind]) for kind in FACT_KINDS), ("all", result["overall"])]
    for kind, c in rows:
        gold, found = c["tp"] + c["fn"], c["tp"] + c["fp"]
        lines.append(
            f"  {kind:<14} {gold:>5} {found:>5} {c['tp']:>4} {c['precision']:>9.3f} {c['recall']:>7.3f}"
        )
    for kind in FACT_KINDS:
        c = result["by_type"][kind]
        for item in c["false_positives"]:
            lines.append(f"  extra   {kind}: {item}")
        for item in c["misses"]:
            lines.append(f"  missed  {kind}: {item}")
    return "\n".join(lines)


def main() -> int:
    results = {corpus: score_corpus(gold_files(corpus)) for corpus in ("seed", "synthetic")}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(table("seed articles (real, French)", results["seed"]) + "\n\n")
    sys.stdout.write(table("synthetic articles (written for the tests)", results["synthetic"]) + "\n")
    sys.stdout.write(f"\nwrote {RESULTS}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
