"""Measure whether a multilingual contextual model lifts the two learned stages that did not
lift unseen text with the words around a mention alone: the name finder after the rules
(bench/name_classifier.py) and the estimate of each drafted item (bench/relevance_train.py).

    python -m bench.contextual_names spans /tmp/spans.jsonl       # the spans to embed
    python -m bench.mbert_vectors /tmp/spans.jsonl /tmp/vectors.npz --model DIR   # its own venv
    python -m bench.contextual_names measure /tmp/vectors.npz

Each candidate name and each drafted item gets the vector multilingual BERT gives its words
in their context (bench/mbert_vectors.py), standardised and weighed 1, 0.25 or 0.1 against
the features the stage already has; both stages are fitted and tried the same way with and
without it:

- the name finder fitted on the gold of seed, synthetic and blind-1 to blind-90 and tried
  on the once-drafts of blind-91 to blind-110 (as in bench/results/name-classifier.json),
  and fitted to blind-100, tried on blind-101 to blind-117: the names it adds at each
  threshold, and the precision and recall of the names drafted with them;
- the estimate fitted on the once-drafts of blind-2 to blind-76 and tried on the later
  once-drafts: its area under the ROC curve, and precision and recall over those sets when
  the items it rates under a threshold are dropped.

The weights were chosen on the sets tried, so the best row of each is an upper bound. The
weight read there for the estimate (0.25) is then tried once on sets no table holds: fitted
on every once-draft, on blind-118 to blind-137 drafted by the current code.

The model can also be fine-tuned to tag the names itself, then scored as the name finder is:

    python -m bench.contextual_names labels /tmp/labels.jsonl      # the gold names as spans
    python -m bench.mbert_tagger /tmp/labels.jsonl /tmp/tagged.jsonl --model DIR   # 2 epochs
    python -m bench.contextual_names tagged /tmp/tagged.jsonl --trained-to 90 --test 91-110

Or fine-tuned to rate each drafted item itself, then scored against the estimate on the
items the current code drafts for the sets in no training table:

    python -m bench.contextual_names items /tmp/items.jsonl        # each item in its sentence
    python -m bench.mbert_estimate /tmp/items.jsonl /tmp/rated.jsonl --model DIR
    python -m bench.contextual_names rated /tmp/rated.jsonl --trained-on 4000

Results go to bench/results/contextual-names.json. Nothing of it runs in the draft.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from bench import name_classifier
from bench.relevance_embedding import fitted_estimate
from bench.relevance_train import TIME_SPLIT, _set_number, current_items, featurise, load_items

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "contextual-names.json"
THRESHOLDS = (0.3, 0.4, 0.5)
# The vector's standardised columns are weighed against the rules' features: the grid is
# read on the sets tried, so its best row is an upper bound, not a clean score.
WEIGHTS = (1.0, 0.25, 0.1)
SPLITS = ((90, range(91, 111)), (100, range(101, 118)))
# Sets in no table of once-drafts, drafted by the current code: the weight read on the time
# split above (0.25, with items dropped under 0.3 the best F there) is tried on them once.
FRESH = range(118, 138)
CHOSEN_WEIGHT = 0.25
MAX_MENTIONS = 3
# The sets in no training table when the model was fine-tuned to rate items.
RATED_ON = range(118, 142)


def write_spans(out: Path) -> None:
    """Every candidate name, and the first mentions of every once-drafted item and of every
    item the current code drafts for the fresh sets, by file."""
    from extraction.score import load_gold

    items, _ = load_items()
    wanted: dict[str, set[tuple[int, int]]] = {}
    for row in items + _fresh_items():
        wanted.setdefault(row["file"], set()).update(tuple(s) for s in row["spans"][:MAX_MENTIONS])
    with out.open("w", encoding="utf-8") as sink:
        for path in name_classifier.gold_files():
            gold, where = load_gold(path), name_classifier.where_of(path)
            spans = {tuple(c[1]) for c in name_classifier.candidates(gold)} | wanted.get(where, set())
            sink.write(json.dumps({"file": where, "text": gold.text, "spans": sorted(spans)}) + "\n")


@cache
def _drafted_now(sets: range) -> list[dict[str, Any]]:
    """The items the current code drafts for the sets, in the training items' form."""
    return [row for n in sets for row in current_items(f"blind-{n}")]


def _fresh_items() -> list[dict[str, Any]]:
    return _drafted_now(FRESH)


def _gold_count(sets: range) -> int:
    from extraction.score import gold_files, load_gold

    files = [path for n in sets for path in gold_files(f"blind-{n}")]
    return sum(len(facts) for path in files for facts in load_gold(path).facts.values())


def write_labels(out: Path) -> None:
    """Every file's text and the gold names it spells, as character spans that do not overlap
    (the longest first), for a tagger trained on the text (bench/mbert_tagger.py)."""
    from extraction.score import load_gold

    with out.open("w", encoding="utf-8") as sink:
        for path in name_classifier.gold_files():
            gold = load_gold(path)
            named = [(c[1], c[3]) for c in name_classifier.candidates(gold) if c[3] != "none"]
            named.sort(key=lambda n: n[0][0] - n[0][1])
            taken: list[tuple[int, int]] = []
            for span, _ in named:
                if not name_classifier.overlaps(span, taken):
                    taken.append(span)
            names = sorted([*span, kind] for span, kind in named if span in taken)
            row = {"file": name_classifier.where_of(path), "set": name_classifier.set_number(path)}
            sink.write(json.dumps({**row, "text": gold.text, "names": names}) + "\n")


def write_items(out: Path) -> None:
    """Each once-drafted item (the part to train on) and each item the current code drafts
    for the sets in no training table (the part to test on), read in its sentence."""
    from bench.relevance_embedding import sentence_of

    train, _ = load_items()
    test = _drafted_now(RATED_ON)
    with out.open("w", encoding="utf-8") as sink:
        for part, rows in (("train", train), ("test", test)):
            for n, row in enumerate(rows):
                mention, sentence = sentence_of(row)
                item = {"id": f"{part}-{n}", "part": part, "kind": row["kind"], "mention": mention}
                item |= {"sentence": sentence, "at": max(sentence.find(mention), 0), "right": row["right"]}
                sink.write(json.dumps(item, ensure_ascii=False) + "\n")


def score_rated(path: Path) -> dict[str, Any]:
    """The fine-tuned model's ratings against the estimate fitted on every once-draft, on
    the items the current code drafts for the sets in no training table: the area under
    the ROC curve, and precision and recall when the items rated under a threshold are
    dropped; the mean of the two ratings too (a fixed blend, nothing fitted)."""
    import numpy as np

    rows, _ = load_items()
    test = _drafted_now(RATED_ON)
    both = rows + test
    tried = list(range(len(rows), len(both)))
    estimate = fitted_estimate(list(range(len(rows))), tried, both, featurise(both), None)
    by_id = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rated = json.loads(line)
        by_id[rated["id"]] = rated["rating"]
    tuned = np.array([by_id[f"test-{n}"] for n in range(len(test))])
    right = [bool(row["right"]) for row in test]
    gold = _gold_count(RATED_ON)
    out: dict[str, Any] = {"items": len(test), "gold": gold}
    for name, ratings in (
        ("estimate", estimate),
        ("fine-tuned", tuned),
        ("mean of both", (estimate + tuned) / 2),
    ):
        out[name] = _rating_scores(right, ratings, gold)
    return out


class Vectors:
    """The contextual vector of each (file, span), standardised on the rows a stage is fitted on."""

    def __init__(self, path: Path) -> None:
        import numpy as np

        stored = np.load(path)
        self.rows = {key: i for i, key in enumerate(stored["keys"])}
        self.matrix = stored["vectors"].astype(np.float32)
        self.mean, self.scale, self.weight = None, None, 1.0

    def of(self, spans: list[tuple[str, tuple[int, int]]]) -> Any:
        import numpy as np

        out = np.zeros((len(spans), self.matrix.shape[1]), dtype=np.float32)
        for i, (file, (start, end)) in enumerate(spans):
            row = self.rows.get(f"{file}\t{start}\t{end}")
            if row is not None:
                out[i] = self.matrix[row]
        return out

    def of_items(self, items: list[dict[str, Any]]) -> Any:
        import numpy as np

        out = np.zeros((len(items), self.matrix.shape[1]), dtype=np.float32)
        for i, item in enumerate(items):
            spans = [(item["file"], tuple(s)) for s in item["spans"][:MAX_MENTIONS]]
            if spans:
                out[i] = self.of(spans).mean(0)
        return out

    def standardise(self, dense: Any, fit: bool) -> Any:
        if fit:
            self.mean, self.scale = dense.mean(0), dense.std(0) + 1e-6
        return self.weight * (dense - self.mean) / self.scale

    def fit_append(self, matrix: Any, spans: list[tuple[str, tuple[int, int]]]) -> Any:
        from scipy.sparse import csr_matrix, hstack

        return hstack([matrix, csr_matrix(self.standardise(self.of(spans), fit=True))]).tocsr()

    def append(self, matrix: Any, spans: list[tuple[str, tuple[int, int]]]) -> Any:
        from scipy.sparse import csr_matrix, hstack

        return hstack([matrix, csr_matrix(self.standardise(self.of(spans), fit=False))]).tocsr()


def _estimate_scores(
    train: list[int], test: list[int], rows: list[dict[str, Any]], features: list[Any], dense: Any, gold: int
) -> dict[str, Any]:
    """The estimate's area under the ROC curve on the items `test`, and precision and recall
    over their sets keeping every item, then dropping those it rates under each threshold."""
    estimate = fitted_estimate(train, test, rows, features, dense)
    return _rating_scores([bool(rows[i]["right"]) for i in test], estimate, gold)


def _rating_scores(right: list[bool], ratings: Any, gold: int) -> dict[str, Any]:
    """The area under the ROC curve of ratings of items, and precision and recall over their
    sets keeping every item, then dropping those rated under each threshold."""
    from sklearn.metrics import roc_auc_score

    out: dict[str, Any] = {"auc": round(float(roc_auc_score(right, ratings)), 3)}
    for threshold in (0.0, *THRESHOLDS):
        kept = [ok for ok, p in zip(right, ratings, strict=True) if p >= threshold]
        out[f"dropped under {threshold}" if threshold else "every item"] = _score(len(kept), sum(kept), gold)
    return out


def _score(drafted: int, right: int, gold: int) -> dict[str, Any]:
    return {"drafted": drafted, "right": right, "P": round(right / drafted, 3), "R": round(right / gold, 3)}


def _names_with_adds(found: dict[str, Any]) -> dict[str, Any]:
    """Precision and recall of the names in the tried once-drafts, then with each threshold's adds."""
    base = found["names_in_once_drafts"]
    out = {"once-drafts": _score(base["drafted"], base["right"], base["gold"])}
    for threshold, adds in found["adds_by_threshold"].items():
        drafted = base["drafted"] + adds.get("true", 0) + adds.get("wrong", 0)
        out[f"with the adds at {threshold}"] = _score(
            drafted, base["right"] + adds.get("true", 0), base["gold"]
        )
    return out


def _standardised(dense: Any, fitted_on: list[int]) -> Any:
    return (dense - dense[fitted_on].mean(0)) / (dense[fitted_on].std(0) + 1e-6)


def _name_finder(vectors: Vectors) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for train_to, test in SPLITS:
        for weight in (None, *WEIGHTS):
            name = "words around the name" if weight is None else f"and its vector, weighed {weight}"
            vectors.weight = weight or 1.0
            found = name_classifier.measure(train_to, test, 1.0, None if weight is None else vectors)
            found["precision and recall"] = _names_with_adds(found)
            results.setdefault(found["tried_on"], {})[name] = found
            print(name, json.dumps(found["precision and recall"]), file=sys.stderr, flush=True)
    return results


def _estimate(vectors: Vectors) -> dict[str, Any]:
    rows, gold_by_set = load_items()
    features = featurise(rows)
    early = [i for i, row in enumerate(rows) if _set_number(row) <= TIME_SPLIT]
    late = [i for i, row in enumerate(rows) if _set_number(row) > TIME_SPLIT]
    late_gold = sum(n for s, n in gold_by_set.items() if int(s.split("-")[1]) > TIME_SPLIT)
    mentions = _standardised(vectors.of_items(rows), early)
    tried = f"fitted on the once-drafts of blind-2 to blind-{TIME_SPLIT}, tried on the later ones"
    results: dict[str, Any] = {tried: {}}
    for weight in (None, *WEIGHTS):
        name = "the rules' features only" if weight is None else f"and the mentions' vector, weighed {weight}"
        dense = None if weight is None else mentions * weight
        results[tried][name] = _estimate_scores(early, late, rows, features, dense, late_gold)
        print(name, json.dumps(results[tried][name]), file=sys.stderr, flush=True)

    fresh = _fresh_items()
    everything = list(range(len(rows)))
    later = list(range(len(rows), len(rows) + len(fresh)))
    both, both_features = rows + fresh, features + featurise(fresh)
    mentions = _standardised(vectors.of_items(both), everything)
    tried = (
        f"fitted on every once-draft, tried on blind-{FRESH.start} to blind-{FRESH.stop - 1} "
        "drafted by the current code"
    )
    results[tried] = {}
    for weight in (None, CHOSEN_WEIGHT):
        name = "the rules' features only" if weight is None else f"and the mentions' vector, weighed {weight}"
        dense = None if weight is None else mentions * weight
        results[tried][name] = _estimate_scores(
            everything, later, both, both_features, dense, _gold_count(FRESH)
        )
        print(name, json.dumps(results[tried][name]), file=sys.stderr, flush=True)
    return results


def measure(path: Path) -> dict[str, Any]:
    import numpy as np

    vectors = Vectors(path)
    return {
        "name finder": _name_finder(vectors),
        "estimate": _estimate(vectors),
        "vectors": {"spans": len(vectors.rows), "width": int(np.shape(vectors.matrix)[1])},
    }


def score_tagged(path: Path, test: range) -> dict[str, Any]:
    """The names a fine-tuned tagger found (bench/mbert_tagger.py), added to the once-drafts
    of the sets `test` as the name finder's are, and scored alone."""
    from extraction.score import load_gold

    tagged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        tagged[row["file"]] = row["names"]

    def rate(where: str, gold: Any) -> list[name_classifier.Rated]:
        names = tagged.get(where, [])
        return [(p, kind, gold.text[start:end], (start, end)) for start, end, kind, p in names]

    base, adds = name_classifier.try_on(test, rate)
    alone = {threshold: Counter[str]() for threshold in name_classifier.THRESHOLDS}
    for file in name_classifier.gold_files():
        where = name_classifier.where_of(file)
        if name_classifier.set_number(file) in test and where in tagged:
            gold = load_gold(file)
            _tally_alone(gold, rate(where, gold), alone)
    found = {
        "tried_on": f"once-drafts of blind-{test.start} to blind-{test.stop - 1}",
        "names_in_once_drafts": dict(base),
        "adds_by_threshold": {str(t): dict(tally) for t, tally in adds.items()},
    }
    found["precision and recall"] = _names_with_adds(found)
    found["the tagger alone, every name it tags at each threshold"] = {
        str(t): _score(n["drafted"], n["right"], base["gold"]) for t, n in alone.items()
    }
    return found


def _tally_alone(gold: Any, rated: list[name_classifier.Rated], alone: dict[float, Counter[str]]) -> None:
    """Count the distinct names tagged in an article at each threshold, and those a gold
    name of their kind spells (each gold name matched once)."""
    for threshold, tally in alone.items():
        matched: set[tuple[str, int]] = set()
        names = {name_classifier.key(kind, surface): kind for p, kind, surface, _ in rated if p >= threshold}
        for name, kind in names.items():
            tally["drafted"] += 1
            facts = enumerate(gold.facts[kind])
            hit = next((i for i, fact in facts if (kind, i) not in matched and name in fact), None)
            if hit is not None:
                matched.add((kind, hit))
                tally["right"] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.contextual_names", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("spans", help="write the spans to embed").add_argument("out", type=Path)
    commands.add_parser("labels", help="write the gold names to tag").add_argument("out", type=Path)
    commands.add_parser("items", help="write the drafted items to rate").add_argument("out", type=Path)
    rated = commands.add_parser("rated", help="score a fine-tuned model's ratings")
    rated.add_argument("rated", type=Path)
    rated.add_argument("--trained-on", type=int, required=True, help="how many items it was trained on")
    commands.add_parser("measure", help="fit and try with and without the vectors").add_argument(
        "vectors", type=Path
    )
    tagged = commands.add_parser("tagged", help="score the names a fine-tuned tagger found")
    tagged.add_argument("tagged", type=Path)
    tagged.add_argument("--test", required=True, help="the sets it tagged, as FIRST-LAST")
    tagged.add_argument("--trained-to", type=int, required=True, help="the last set it was trained on")
    args = parser.parse_args(argv)
    if args.command == "tagged":
        first, last = (int(n) for n in args.test.split("-"))
        found = score_tagged(args.tagged, range(first, last + 1))
        results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        trained = f"fine-tuned on seed, synthetic and blind-1 to blind-{args.trained_to}"
        results.setdefault("fine-tuned tagger", {})[trained] = found
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(found["precision and recall"], indent=1))
        return 0
    if args.command == "rated":
        found = score_rated(args.rated)
        results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        first, last = RATED_ON.start, RATED_ON.stop - 1
        tried = f"fine-tuned on {args.trained_on} once-drafted items, tried on blind-{first} to blind-{last}"
        results.setdefault("fine-tuned estimate", {})[tried] = found
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(found, indent=1))
        return 0
    if args.command in ("spans", "labels", "items"):
        {"spans": write_spans, "labels": write_labels, "items": write_items}[args.command](args.out)
        return 0
    results = measure(args.vectors)
    if RESULTS.exists():
        results["fine-tuned tagger"] = json.loads(RESULTS.read_text(encoding="utf-8")).get(
            "fine-tuned tagger"
        )
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
