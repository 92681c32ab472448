"""Fine-tune multilingual BERT to rate each drafted item, as the estimate does: read the item
(its kind and first mention) beside the sentence that holds it, and say how likely a reader
takes it as a fact of the operation.

    python -m bench.mbert_estimate ITEMS.jsonl RATED.jsonl --model DIR --train-items 4000

ITEMS.jsonl comes from `python -m bench.contextual_names items`: each drafted item's id, its
part (`train` for the once-drafts of blind-2 to blind-117, `test` for the sets in no
training table, drafted by the current code), its kind, mention, sentence and whether a
reader took it. The input is "[CLS] kind: mention [SEP] sentence [SEP]" in 128 word pieces,
the sentence cut around the mention; one dense layer over the first piece's last layer
gives the rating. The whole model is trained with Adam (rate 3e-5, one epoch, batches of
16) on --train-items items drawn at random from the train part, because an epoch over all
11,015 takes longer than the measurement is worth on two cores. RATED.jsonl holds each test
item's id and rating; `python -m bench.contextual_names rated RATED.jsonl` scores them
against the estimate. The model and its venv: bench/mbert_vectors.py, whose loader is the
only part of the project this script imports.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.mbert_vectors import OUTPUT, Encoder

LENGTH, BATCH = 128, 16
CLS, SEP = 101, 102


def pair_of(bert: Encoder, row: dict[str, Any]) -> tuple[list[int], list[int]]:
    """Word pieces and segment ids of "[CLS] kind: mention [SEP] sentence [SEP]", the
    sentence cut to what fits, centred on the mention."""
    first, _ = bert.pieces(f"{row['kind']}: {row['mention']}")
    first = first[:32]
    sentence, offsets = bert.pieces(row["sentence"])
    room = LENGTH - len(first) - 3
    at = next((i for i, (a, _) in enumerate(offsets) if a >= row["at"]), 0)
    start = max(0, min(at - room // 2, len(sentence) - room))
    second = sentence[start : start + room]
    ids = [CLS, *first, SEP, *second, SEP]
    return ids, [0] * (len(first) + 2) + [1] * (len(second) + 1)


def batch_of(pairs: list[tuple[list[int], list[int]]]) -> tuple[Any, Any, Any]:
    ids = np.zeros((len(pairs), LENGTH), dtype=np.int32)
    segments, mask = np.zeros_like(ids), np.zeros_like(ids)
    for r, (pieces, parts) in enumerate(pairs):
        ids[r, : len(pieces)] = pieces
        segments[r, : len(parts)] = parts
        mask[r, : len(pieces)] = 1
    return ids, segments, mask


def main(argv: list[str] | None = None) -> int:
    import tensorflow as tf

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("items", type=Path)
    parser.add_argument("rated", type=Path)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--train-items", type=int, default=4000)
    parser.add_argument("--rate", type=float, default=3e-5, help="Adam's learning rate")
    args = parser.parse_args(argv)

    bert = Encoder(args.model)
    rows = [json.loads(line) for line in args.items.read_text(encoding="utf-8").splitlines()]
    train = [r for r in rows if r["part"] == "train"]
    random.Random(0).shuffle(train)
    train = train[: args.train_items]
    test = [r for r in rows if r["part"] == "test"]

    tf1 = tf.compat.v1
    tf1.set_random_seed(0)
    session, graph = bert.session, bert.session.graph
    encoder = [v for v in tf1.global_variables() if v.name.startswith("module/bert/")]
    first_piece = graph.get_tensor_by_name(OUTPUT)[:, 0, :]
    right = tf1.placeholder(tf.float32, (None,))
    kernel = tf1.get_variable(
        "rating/kernel", (768, 1), initializer=tf1.truncated_normal_initializer(stddev=0.02)
    )
    bias = tf1.get_variable("rating/bias", (1,), initializer=tf1.zeros_initializer())
    logit = tf.squeeze(tf.matmul(first_piece, kernel) + bias, 1)
    loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=right, logits=logit))
    head = [kernel, bias]
    optimizer = tf1.train.AdamOptimizer(args.rate)
    step = optimizer.apply_gradients(zip(tf1.gradients(loss, encoder + head), encoder + head, strict=True))
    session.run(tf1.variables_initializer(head + optimizer.variables()))
    rating = tf.sigmoid(logit)

    def feed(batch: list[dict[str, Any]]) -> dict[str, Any]:
        ids, segments, mask = batch_of([pair_of(bert, r) for r in batch])
        return {"input_ids:0": ids, "input_mask:0": mask, "segment_ids:0": segments}

    started = time.time()
    for n in range(0, len(train), BATCH):
        batch = train[n : n + BATCH]
        value, _ = session.run([loss, step], {**feed(batch), right: [float(r["right"]) for r in batch]})
        if n // BATCH % 25 == 0:
            print(
                f"batch {n // BATCH}/{len(train) // BATCH} loss {value:.4f} {time.time() - started:.0f}s",
                flush=True,
            )
    with args.rated.open("w", encoding="utf-8") as sink:
        for n in range(0, len(test), BATCH * 4):
            batch = test[n : n + BATCH * 4]
            for row, p in zip(batch, session.run(rating, feed(batch)), strict=True):
                sink.write(json.dumps({"id": row["id"], "rating": round(float(p), 4)}) + "\n")
    print(f"trained on {len(train)} items, rated {len(test)} in {time.time() - started:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
