"""Fine-tune multilingual BERT to tag the names of bodies, targets, platforms and rights
holders in articles, and write what it tags in the articles of later sets.

    python -m bench.mbert_tagger LABELS.jsonl TAGGED.jsonl --model DIR --train-to 90 --test 91-110

LABELS.jsonl comes from `python -m bench.contextual_names labels`: each file's text, set
number and gold names as character spans. Every word piece gets a tag (B- or I- and the
kind, or O); the model is BERT-Base multilingual cased from Maven Central (how to get it
and the venv it runs in: bench/mbert_vectors.py) with one dense layer over its last layer,
all of it trained with Adam (rate 5e-5, two epochs, batches of 8) on the files of the sets
up to --train-to, cut into windows of 126 pieces. TAGGED.jsonl holds, for each file of the
--test sets, the spans it tags, each with its kind and the mean probability of its pieces'
tags; `python -m bench.contextual_names tagged TAGGED.jsonl` scores them as names added to
the once-drafts. Of the project it imports only bench/mbert_vectors.py, so it runs in that
script's venv.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.mbert_vectors import OUTPUT, WINDOW, Encoder

KINDS = ("agency", "group", "platform", "rights_holder")
TAGS = ("O", *(f"{edge}-{kind}" for kind in KINDS for edge in "BI"))
BATCH = 8


def tags_of(offsets: list[tuple[int, int]], names: list[list[Any]]) -> list[int]:
    """The tag of each word piece, from the names' character spans."""
    out = [0] * len(offsets)
    for start, end, kind in names:
        inside = [i for i, (a, b) in enumerate(offsets) if a < end and b > start]
        for n, piece in enumerate(inside):
            out[piece] = TAGS.index(f"{'B' if n == 0 else 'I'}-{kind}")
    return out


def windows(ids: list[int]) -> list[int]:
    return list(range(0, max(len(ids), 1), WINDOW))


def batch_of(rows: list[tuple[list[int], list[int]]]) -> tuple[Any, Any, Any]:
    ids = np.zeros((len(rows), 128), dtype=np.int32)
    tags = np.zeros_like(ids)
    mask = np.zeros_like(ids)
    for r, (pieces, labels) in enumerate(rows):
        ids[r, : len(pieces) + 2] = [101, *pieces, 102]
        tags[r, 1 : len(labels) + 1] = labels
        mask[r, : len(pieces) + 2] = 1
    return ids, tags, mask


def spans_of(offsets: list[tuple[int, int]], probs: Any) -> list[list[Any]]:
    """Tagged names: a B- piece and the I- pieces of its kind after it."""
    best = probs.argmax(1)
    out, i = [], 0
    while i < len(best):
        tag = TAGS[best[i]]
        if tag == "O":
            i += 1
            continue
        kind, j = tag[2:], i + 1
        while j < len(best) and TAGS[best[j]] == f"I-{kind}":
            j += 1
        out.append([offsets[i][0], offsets[j - 1][1], kind, round(float(probs[i:j].max(1).mean()), 4)])
        i = j
    return out


def main(argv: list[str] | None = None) -> int:
    import tensorflow as tf

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("tagged", type=Path)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--train-to", type=int, default=90)
    parser.add_argument("--test", default="91-110")
    parser.add_argument("--rate", type=float, default=5e-5, help="Adam's learning rate")
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args(argv)
    first, last = (int(n) for n in args.test.split("-"))

    bert = Encoder(args.model)
    train, test = [], []
    for line in args.labels.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        ids, offsets = bert.pieces(row["text"])
        if row["set"] <= args.train_to:
            labels = tags_of(offsets, row["names"])
            train += [(ids[s : s + WINDOW], labels[s : s + WINDOW]) for s in windows(ids)]
        elif first <= row["set"] <= last:
            test.append((row["file"], ids, offsets))

    tf1 = tf.compat.v1
    tf1.set_random_seed(0)
    session, graph = bert.session, bert.session.graph
    encoder = [v for v in tf1.global_variables() if v.name.startswith("module/bert/")]
    hidden = graph.get_tensor_by_name(OUTPUT)
    tags = tf1.placeholder(tf.int32, (None, 128))
    kernel = tf1.get_variable(
        "tagger/kernel", (768, len(TAGS)), initializer=tf1.truncated_normal_initializer(stddev=0.02)
    )
    bias = tf1.get_variable("tagger/bias", (len(TAGS),), initializer=tf1.zeros_initializer())
    logits = tf.einsum("btd,dk->btk", hidden, kernel) + bias
    mask = tf.cast(graph.get_tensor_by_name("input_mask:0"), tf.float32)
    loss = tf1.losses.sparse_softmax_cross_entropy(tags, logits, weights=mask)
    head = [kernel, bias]
    grads = tf1.gradients(loss, encoder + head)
    optimizer = tf1.train.AdamOptimizer(args.rate)
    step = optimizer.apply_gradients(zip(grads, encoder + head, strict=True))
    session.run(tf1.variables_initializer(head + optimizer.variables()))
    probs = tf.nn.softmax(logits)

    random.Random(0).shuffle(train)
    started = time.time()
    for epoch in range(args.epochs):
        for n in range(0, len(train), BATCH):
            ids, labels, pieces = batch_of(train[n : n + BATCH])
            feed = {
                "input_ids:0": ids,
                "input_mask:0": pieces,
                "segment_ids:0": np.zeros_like(ids),
                tags: labels,
            }
            value, _ = session.run([loss, step], feed)
            if n // BATCH % 50 == 0:
                print(
                    f"epoch {epoch} batch {n // BATCH}/{len(train) // BATCH} loss {value:.4f} "
                    f"{time.time() - started:.0f}s",
                    flush=True,
                )
    with args.tagged.open("w", encoding="utf-8") as sink:
        for file, ids, offsets in test:
            starts = windows(ids)
            rows = [(ids[s : s + WINDOW], []) for s in starts]
            found = []
            for n in range(0, len(rows), BATCH):
                batch, _, pieces = batch_of(rows[n : n + BATCH])
                feed = {"input_ids:0": batch, "input_mask:0": pieces, "segment_ids:0": np.zeros_like(batch)}
                found.append(session.run(probs, feed))
            every = np.concatenate(found)
            piece_probs = np.concatenate([every[r, 1 : len(rows[r][0]) + 1] for r in range(len(rows))])
            sink.write(json.dumps({"file": file, "names": spans_of(offsets, piece_probs)}) + "\n")
    print(f"tagged {len(test)} files in {time.time() - started:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
