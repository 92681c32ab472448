"""The rating bench's input: "[CLS] kind: mention [SEP] sentence [SEP]", cut to 128 pieces
around the mention (pure logic, with a word-per-piece stand-in for the tokenizer)."""

import re

from bench.mbert_estimate import CLS, LENGTH, SEP, batch_of, pair_of


class Words:
    """One piece per word, its id the word's number plus 1000, so pieces can be traced."""

    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        spans = [m.span() for m in re.finditer(r"\S+", text)]
        return [1000 + n for n in range(len(spans))], spans


def item(sentence: str, mention: str) -> dict[str, object]:
    return {"kind": "agency", "mention": mention, "sentence": sentence, "at": sentence.find(mention)}


def test_a_short_sentence_is_kept_whole_after_the_kind_and_mention():
    ids, _ = pair_of(Words(), item("La Guardia Civil cerró MagisTV", "Guardia Civil"))  # type: ignore[arg-type]
    assert ids == [CLS, 1000, 1001, 1002, SEP, 1000, 1001, 1002, 1003, 1004, SEP]


def test_the_first_part_is_segment_zero_and_the_sentence_segment_one():
    _, segments = pair_of(Words(), item("La Guardia Civil cerró MagisTV", "Guardia Civil"))  # type: ignore[arg-type]
    assert segments == [0] * 5 + [1] * 6


def test_a_long_sentence_is_cut_around_the_mention():
    words = [f"w{n}" for n in range(400)]
    words[300] = "Europol"
    ids, _ = pair_of(Words(), item(" ".join(words), "Europol"))  # type: ignore[arg-type]
    assert (len(ids), 1000 + 300 in ids[4:]) == (LENGTH, True)


def test_a_batch_pads_ids_segments_and_mask_to_128():
    ids, segments, mask = batch_of([([CLS, 7, SEP, 8, SEP], [0, 0, 0, 1, 1])])
    assert (ids.shape, int(mask.sum()), int(segments.sum())) == ((1, LENGTH), 5, 2)
