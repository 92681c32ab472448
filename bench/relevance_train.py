"""Train and measure the estimate `extraction.relevance` gives each drafted item.

    python -m bench.relevance_train collect            # redraw the training items (minutes)
    python -m bench.relevance_train fit                # write extraction/model/relevance.json
    python -m bench.relevance_train evaluate --fresh blind-120 --fresh blind-121

- **collect** drafts every blind set with the code of the commit that scored it once
  (bench/relevance/once-commits.tsv), each in a git worktree, so the items are what the
  extractor drafted for text it had not seen, right or wrong by the scorer's rules. They
  go to bench/relevance/once-items.jsonl.gz.
- **fit** reads those items, turns each into `extraction.relevance.features` (the same
  function the draft uses) and fits a logistic regression (scikit-learn, installed by the
  `train` extra; the draft itself needs only the weights).
- **evaluate** measures on items no fit saw: a model fitted on the sets up to blind-76 is
  tried on the once-drafts of the later sets in the table, and the shipped model on sets drafted
  by the current code that are in no training table (`--fresh`). It reports the area under
  the ROC curve of the estimate and of the rules' confidence, and how often items were
  right in each band, in bench/results/relevance.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from extraction.relevance import DOUBTFUL, MODEL, Item, Model, features
from extraction.score import load_gold

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "relevance"
ITEMS = HERE / "once-items.jsonl.gz"
COMMITS = HERE / "once-commits.tsv"
RESULTS = Path(__file__).resolve().parent / "results" / "relevance.json"
# Regularisation chosen by leaving sets out (docs/extraction.md); fewer than MIN_SEEN items
# with a feature give it no weight.
C, MIN_SEEN, TIME_SPLIT = 0.3, 3, 76


def collect() -> None:
    by_commit: dict[str, list[str]] = {}
    for line in COMMITS.read_text(encoding="utf-8").splitlines():
        corpus, commit = line.split("\t")
        by_commit.setdefault(commit, []).append(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        out, tree = Path(tmp) / "items.jsonl", Path(tmp) / "tree"
        for commit, sets in by_commit.items():
            subprocess.run(
                ["git", "worktree", "add", "-f", "--detach", str(tree), commit], check=True, cwd=ROOT
            )
            for corpus in sets:
                files = sorted(str(p) for p in (ROOT / "bench" / "blind" / corpus).glob("*.yaml"))
                dump = [sys.executable, str(HERE / "dump_once.py"), str(out), corpus, *files]
                subprocess.run(dump, check=True, cwd=tree)
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], check=True, cwd=ROOT)
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with gzip.open(ITEMS, "wt", encoding="utf-8") as sink:
        for row in rows:
            row["file"] = str(Path(row["file"]).relative_to(ROOT))
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")


def load_items(path: Path = ITEMS) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The drafted items, and the gold count per set."""
    items, gold = [], Counter[str]()
    with gzip.open(path, "rt", encoding="utf-8") as source:
        for line in source:
            row = json.loads(line)
            if "gold" in row:
                gold[row["set"]] += row["gold"]
            else:
                items.append(row)
    return items, gold


@cache
def _article(file: str) -> tuple[str, str]:
    """The text of a gold file and its publication date, as the draft reads them."""
    gold = load_gold(ROOT / file)
    return gold.text, str(gold.published or "")


def featurise(rows: list[dict[str, Any]]) -> list[dict[str, float]]:
    peers = Counter((r["file"], r["kind"]) for r in rows)
    out = []
    for r in rows:
        text, published = _article(r["file"])
        item = Item(r["kind"], r["spellings"][0], r["sub"], [tuple(s) for s in r["spans"]])
        out.append(features(item, text, r["lang"], published, peers[(r["file"], r["kind"])]))
    return out


def _set_number(row: dict[str, Any]) -> int:
    return int(row["set"].split("-")[1])


def train(rows: list[dict[str, Any]]) -> Model:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X = featurise(rows)
    seen = Counter(name for f in X for name in f)
    X = [{k: v for k, v in f.items() if seen[k] >= MIN_SEEN} for f in X]
    vectors = DictVectorizer()
    fitted = LogisticRegression(C=C, max_iter=5000).fit(vectors.fit_transform(X), [r["right"] for r in rows])
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectors.get_feature_names_out(), fitted.coef_[0], strict=True)
        if round(float(w), 4)
    }
    return Model(weights=dict(sorted(weights.items())), bias=round(float(fitted.intercept_[0]), 4))


def fit() -> None:
    rows, _ = load_items()
    model = train(rows)
    sets = sorted({r["set"] for r in rows}, key=lambda s: int(s.split("-")[1]))
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    MODEL.write_text(
        json.dumps(
            {
                "trained_on": f"{len(rows)} items drafted once for {len(sets)} sets, {sets[0]} to {sets[-1]}",
                "C": C,
                "bias": model.bias,
                "weights": model.weights,
            },
            indent=0,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {MODEL}: {len(model.weights)} weights from {len(rows)} items")


_RANK = {"low": 0, "medium": 1, "high": 2}


def report(model: Model, rows: list[dict[str, Any]]) -> dict[str, Any]:
    from sklearn.metrics import roc_auc_score

    right = [bool(r["right"]) for r in rows]
    estimate = [model.estimate(f) for f in featurise(rows)]
    rules = [min(_RANK[c] for c in r.get("confidence") or ["medium"]) for r in rows]
    bands: dict[str, Any] = {}
    for name, low, high in (
        ("under 0.5", 0, DOUBTFUL),
        ("0.5 to 0.75", DOUBTFUL, 0.75),
        ("0.75 and over", 0.75, 2),
    ):
        picked = [ok for ok, p in zip(right, estimate, strict=True) if low <= p < high]
        bands[name] = {"items": len(picked), "right": round(sum(picked) / len(picked), 3) if picked else None}
    out = {
        "items": len(rows),
        "right": round(sum(right) / len(rows), 3),
        "auc_estimate": round(float(roc_auc_score(right, estimate)), 3),
        "bands": bands,
    }
    if any("confidence" in r for r in rows):
        out["auc_rules_confidence"] = round(float(roc_auc_score(right, rules)), 3)
    return out


def current_items(corpus: str) -> list[dict[str, Any]]:
    """What the current code drafts for a set, in the training items' form, with the
    confidence the rules alone give each item."""
    from bench.relevance.dump_once import rows_of
    from extraction.draft import ArticleMeta
    from extraction.score import draft_dossier, gold_files

    rows = []
    for path in gold_files(corpus):
        gold = load_gold(path)
        meta = ArticleMeta(url=gold.url, published=gold.published)
        dossier = draft_dossier(gold.text, meta, gold.lang, estimate=False)
        where = {"set": corpus, "file": str(path.relative_to(ROOT)), "lang": gold.lang}
        rows += [row for row in rows_of(gold, dossier, where) if "gold" not in row]
    return rows


def evaluate(fresh: list[str]) -> None:
    rows, _ = load_items()
    early = [r for r in rows if _set_number(r) <= TIME_SPLIT]
    late = [r for r in rows if _set_number(r) > TIME_SPLIT]
    results: dict[str, Any] = {
        f"fitted on blind-2 to blind-{TIME_SPLIT}, tried on the once-drafts of the later sets": report(
            train(early), late
        )
    }
    if fresh:
        shipped = json.loads(MODEL.read_text(encoding="utf-8"))
        model = Model(weights=shipped["weights"], bias=shipped["bias"])
        drafted = [r for corpus in fresh for r in current_items(corpus)]
        results[f"the shipped model on {', '.join(fresh)} drafted by the current code"] = report(
            model, drafted
        )
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.relevance_train", description=__doc__.split("\n")[0]
    )
    parser.add_argument("step", choices=["collect", "fit", "evaluate"])
    parser.add_argument(
        "--fresh", action="append", default=[], metavar="SET", help="a set in no training table"
    )
    args = parser.parse_args(argv)
    {"collect": collect, "fit": fit}.get(args.step, lambda: evaluate(args.fresh))()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
