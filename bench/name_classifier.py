"""Measure a learned name finder as a stage after the rules: would it add the bodies,
targets and rights holders the rules miss on text they had not seen?

    python -m bench.name_classifier                       # fit on blind-1..90, try on 91..110
    python -m bench.name_classifier --train-to 90 --test 91-110 --c 1.0

Every run of capitalised words in an article (with the small words that join names, and
each sub-run), and every domain, is a candidate; the gold labels it agency, group, platform,
rights holder or none. A logistic regression over the candidate's words, shape and the words
around it is fitted on the gold files of the early sets (seed and synthetic files too) and
tried on the later sets' once-drafts (bench/relevance/once-items.jsonl.gz): at each threshold,
the names it rates a kind at or over the threshold, that no drafted item spells or covers and
that overlap no name taken before them, are added; an add is true when it matches a gold
name the once-draft missed. Results go to bench/results/name-classifier.json. It needs the
`train` extra (scikit-learn). Nothing of it runs in the draft: docs/extraction.md says why.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from extraction.facts import FactKind
from extraction.score import Gold, key, load_gold

ROOT = Path(__file__).resolve().parent.parent
ONCE_ITEMS = ROOT / "bench" / "relevance" / "once-items.jsonl.gz"
RESULTS = ROOT / "bench" / "results" / "name-classifier.json"
NAME_KINDS: tuple[FactKind, ...] = ("agency", "group", "platform", "rights_holder")
_KIND_OF_CLASS: dict[str, FactKind] = {kind: kind for kind in NAME_KINDS}
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
MAX_WORDS = 8
# Small words that join the capitalised words of one name, in the five languages.
_JOINERS_TEXT = """de di da del della delle dei degli des du do dos das of the and for y e et la le les el los
las und für der against on in en per pour contre contra al à a & -"""
JOINERS = frozenset(_JOINERS_TEXT.split())
_TOKEN = re.compile(r"[\w.'’&-]+|[^\w\s]")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)

Token = tuple[str, int, int]
Candidate = tuple[str, tuple[int, int], dict[str, int], str]
# A proposed name: the model's estimate, its kind, its words and its span in the article.
Rated = tuple[float, FactKind, str, tuple[int, int]]


class Context(Protocol):
    """Dense features of a candidate read from its context (bench/contextual_names.py)."""

    def fit_append(self, matrix: Any, spans: list[tuple[str, tuple[int, int]]]) -> Any: ...

    def append(self, matrix: Any, spans: list[tuple[str, tuple[int, int]]]) -> Any: ...


def _capitalised(word: str) -> bool:
    word = word.strip(".'’")
    if not word:
        return False
    inner_capital = word[0].isalpha() and any(c.isupper() for c in word[1:])
    return word[0].isupper() or inner_capital or bool(_DOMAIN.match(word))


def _joins(small: str, next_word: str) -> bool:
    return small.lower() in JOINERS and _capitalised(next_word)


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Every sub-run, first and last word capitalised, of each maximal run of name words."""
    spans, i = [], 0
    while i < len(tokens):
        if not _capitalised(tokens[i][0]):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            if _capitalised(tokens[j + 1][0]):
                j += 1
            elif j + 2 < len(tokens) and _joins(tokens[j + 1][0], tokens[j + 2][0]):
                j += 2
            else:
                break
        starts = [a for a in range(i, j + 1) if _capitalised(tokens[a][0])]
        for a in starts:
            spans += [(a, b) for b in starts if a <= b < a + MAX_WORDS]
        i = j + 1
    return spans


def _shape(word: str) -> str:
    word = re.sub(r"[A-ZÀ-Ý]", "A", word)
    word = re.sub(r"[a-zß-ÿ]", "a", word)
    return re.sub(r"(.)\1+", r"\1\1", re.sub(r"\d", "9", word))


def _features(gold: Gold, tokens: list[Token], a: int, b: int, counts: Counter[str]) -> dict[str, int]:
    words = [t[0] for t in tokens[a : b + 1]]
    low = [w.lower() for w in words]
    out = {
        f"lang={gold.lang}": 1,
        f"len={min(len(words), 5)}": 1,
        f"first={low[0]}": 1,
        f"last={low[-1]}": 1,
        f"shape={' '.join(_shape(w) for w in words)[:30]}": 1,
        f"count={min(counts[' '.join(low)], 4)}": 1,
    }
    out.update({f"w={w}": 1 for w in low})
    for k in (1, 2, 3):
        before = tokens[a - k][0].lower() if a - k >= 0 else "<s>"
        after = tokens[b + k][0].lower() if b + k < len(tokens) else "</s>"
        out.update({f"p{k}={before}": 1, f"p*={before}": 1, f"n{k}={after}": 1, f"n*={after}": 1})
    flags = {
        "sentence_start": a > 0 and tokens[a - 1][0] in ".:!?",
        "capital_before": a > 0 and _capitalised(tokens[a - 1][0]),
        "capital_after": b + 1 < len(tokens) and _capitalised(tokens[b + 1][0]),
        "acronym": len(words) == 1 and len(words[0]) > 1 and words[0].isupper(),
        "domain": any(_DOMAIN.match(w) for w in words),
        "headline": "\n" in gold.text and tokens[a][1] < gold.text.index("\n"),
    }
    out.update({name: 1 for name, on in flags.items() if on})
    return out


def candidates(gold: Gold) -> list[Candidate]:
    """Each candidate name of an article: its text, span, features and gold label."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(gold.text)]
    spans = _runs(tokens)
    counts = Counter(" ".join(t[0].lower() for t in tokens[a : b + 1]) for a, b in spans)
    out = []
    for a, b in spans:
        surface = gold.text[tokens[a][1] : tokens[b][2]]
        label = next(
            (kind for kind in NAME_KINDS if any(key(kind, surface) in fact for fact in gold.facts[kind])),
            "none",
        )
        out.append((surface, (tokens[a][1], tokens[b][2]), _features(gold, tokens, a, b, counts), label))
    return out


def overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def where_of(path: Path) -> str:
    return str(path.relative_to(ROOT))


def set_number(path: Path) -> int:
    found = re.search(r"blind-(\d+)$", path.parent.name)
    return int(found.group(1)) if found else 0


def _once_drafts() -> dict[str, list[dict[str, Any]]]:
    drafts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with gzip.open(ONCE_ITEMS, "rt", encoding="utf-8") as source:
        for line in source:
            row = json.loads(line)
            if "right" in row:
                drafts[row["file"]].append(row)
    return drafts


def _missed(gold: Gold, drafted: list[dict[str, Any]]) -> dict[str, list[bool]]:
    """For each name kind, which gold facts the once-draft left unmatched."""
    right = {(r["kind"], s) for r in drafted if r["right"] for s in r["spellings"]}
    return {
        kind: [not any((kind, s) in right for s in fact) for fact in gold.facts[kind]] for kind in NAME_KINDS
    }


def gold_files() -> list[Path]:
    files = sorted((ROOT / "tests" / "data" / "extract").glob("*.yaml"))
    return files + sorted((ROOT / "bench" / "blind").glob("blind-*/*.yaml"))


def try_on(
    test: range, rate: Callable[[str, Gold], list[Rated]]
) -> tuple[Counter[str], dict[float, Counter[str]]]:
    """The names of the once-drafts of the sets `test`, and at each threshold how many of the
    names `rate` proposes for an article would be added right and wrong."""
    drafts = _once_drafts()
    adds = {t: Counter[str]() for t in THRESHOLDS}
    base = Counter[str]()
    for path in gold_files():
        where = where_of(path)
        if set_number(path) not in test or where not in drafts:
            continue
        gold = load_gold(path)
        drafted = [r for r in drafts[where] if r["kind"] in NAME_KINDS]
        base["gold"] += sum(len(gold.facts[k]) for k in NAME_KINDS)
        base["drafted"] += len(drafted)
        base["right"] += sum(bool(r["right"]) for r in drafted)
        rated = sorted(rate(where, gold), reverse=True)
        spelled = {s for r in drafts[where] for s in r["spellings"]}
        covered = [tuple(span) for r in drafts[where] for span in r["spans"]]
        for threshold, tally in adds.items():
            missed, taken, keys = _missed(gold, drafted), list[tuple[int, int]](), set[str]()
            for estimate, kind, surface, span in rated:
                name = key(kind, surface)
                if estimate < threshold:
                    break
                if name in spelled or name in keys or overlaps(span, [*covered, *taken]):
                    continue
                taken.append(span)
                keys.add(name)
                facts = enumerate(gold.facts[kind])
                hit = next((i for i, fact in facts if missed[kind][i] and name in fact), None)
                if hit is None:
                    tally["wrong"] += 1
                else:
                    missed[kind][hit] = False
                    tally["true"] += 1
    return base, adds


def measure(train_to: int, test: range, c: float, context: Context | None = None) -> dict[str, Any]:
    """Fit on the gold of the sets up to `train_to` and add names to the once-drafts of `test`.
    With `context`, each candidate's features also hold its contextual vector."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    by_file = [(f, candidates(load_gold(f))) for f in gold_files() if set_number(f) <= train_to]
    train_rows = [row for _, rows in by_file for row in rows]
    vectors = DictVectorizer()
    x_train = vectors.fit_transform([r[2] for r in train_rows])
    if context is not None:
        x_train = context.fit_append(x_train, [(where_of(f), r[1]) for f, rows in by_file for r in rows])
    model = LogisticRegression(C=c, max_iter=3000).fit(x_train, [r[3] for r in train_rows])
    classes = [str(name) for name in model.classes_]

    def rate(where: str, gold: Gold) -> list[Rated]:
        rows = candidates(gold)
        if not rows:
            return []
        x_test = vectors.transform([r[2] for r in rows])
        if context is not None:
            x_test = context.append(x_test, [(where, r[1]) for r in rows])
        rated = []
        for (surface, span, _, _), p in zip(rows, model.predict_proba(x_test), strict=True):
            best = max(range(len(classes)), key=lambda i: p[i])
            if classes[best] != "none":
                rated.append((float(p[best]), _KIND_OF_CLASS[classes[best]], surface, span))
        return rated

    base, adds = try_on(test, rate)
    return {
        "fitted_on": f"seed, synthetic and blind-1 to blind-{train_to}: {len(train_rows)} candidates, "
        + ", ".join(f"{k} {n}" for k, n in Counter(r[3] for r in train_rows).most_common()),
        "tried_on": f"once-drafts of blind-{test.start} to blind-{test.stop - 1}",
        "C": c,
        "names_in_once_drafts": dict(base),
        "adds_by_threshold": {str(t): dict(tally) for t, tally in adds.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.name_classifier", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--train-to", type=int, default=90, help="last blind set fitted on")
    parser.add_argument("--test", default="91-110", help="blind sets tried, as FIRST-LAST")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    first, last = (int(n) for n in args.test.split("-"))
    if first <= args.train_to:
        parser.error("the sets tried must come after the sets fitted on")
    results = measure(args.train_to, range(first, last + 1), args.c)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
