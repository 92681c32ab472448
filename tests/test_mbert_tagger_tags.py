"""The fine-tuning bench's tags: gold names become word-piece tags and tags become names again."""

import numpy as np

from bench.mbert_tagger import TAGS, spans_of, tags_of

# Word pieces of "La Guardia Civil cerró Mag ##is ##TV ." as character offsets.
OFFSETS = [(0, 2), (3, 10), (11, 16), (17, 22), (23, 26), (26, 28), (28, 30), (31, 32)]
NAMES = [[0, 16, "agency"], [23, 30, "group"]]


def one_hot(tags: list[int]) -> np.ndarray:
    probs = np.full((len(tags), len(TAGS)), 0.01)
    probs[np.arange(len(tags)), tags] = 0.9
    return probs


def test_a_name_of_three_pieces_is_one_begin_and_two_inside():
    tags = tags_of(OFFSETS, NAMES)
    assert [TAGS[t] for t in tags[:3]] == ["B-agency", "I-agency", "I-agency"]


def test_a_word_of_three_pieces_is_tagged_as_one_name():
    tags = tags_of(OFFSETS, NAMES)
    assert [TAGS[t] for t in tags[4:7]] == ["B-group", "I-group", "I-group"]


def test_pieces_outside_every_name_are_o():
    tags = tags_of(OFFSETS, NAMES)
    assert [TAGS[tags[i]] for i in (3, 7)] == ["O", "O"]


def test_the_tags_give_back_the_names_with_their_probability():
    assert spans_of(OFFSETS, one_hot(tags_of(OFFSETS, NAMES))) == [
        [0, 16, "agency", 0.9],
        [23, 30, "group", 0.9],
    ]


def test_an_inside_tag_of_another_kind_ends_the_name():
    tags = [TAGS.index(t) for t in ("B-agency", "I-group", "O", "O", "O", "O", "O", "O")]
    assert spans_of(OFFSETS, one_hot(tags)) == [[0, 2, "agency", 0.9], [3, 10, "group", 0.9]]
