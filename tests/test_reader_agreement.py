"""bench.reader_agreement: a second reader's gold scored against the first's by the
extractor's matching rules (pure logic on two gold readings; no engine)."""

from __future__ import annotations

import pytest

from bench.reader_agreement import second_reading
from extraction.facts import FACT_KINDS
from extraction.score import Gold, key


def reading(text: str, **facts: list[list[str]]) -> Gold:
    by_kind = {
        kind: [frozenset(key(kind, v) for v in item) for item in facts.get(kind, [])] for kind in FACT_KINDS
    }
    return Gold("fr-example", "blind-x", text, "fr", None, None, by_kind)


FIRST = reading(
    "text",
    agency=[["Guardia di Finanza", "GdF"], ["Europol"]],
    figure=[["3500000 EUR"], ["12 servers"]],
)


def test_a_shared_spelling_is_agreement() -> None:
    second = reading("text", agency=[["GdF"], ["Europol"]], figure=[["3500000 EUR"], ["12 servers"]])
    counts = second_reading(FIRST, second)
    assert (counts["agency"].tp, counts["agency"].fp, counts["agency"].fn) == (2, 0, 0)


def test_a_fact_only_the_second_reader_took_is_an_extra() -> None:
    second = reading("text", figure=[["3500000 EUR"], ["12 servers"], ["4 people"]])
    assert second_reading(FIRST, second)["figure"].false_positives == ["fr-example: 4 people"]


def test_a_fact_only_the_first_reader_took_is_a_miss() -> None:
    second = reading("text", agency=[["Europol"]])
    assert second_reading(FIRST, second)["agency"].misses == ["fr-example: gdf | guardia di finanza"]


def test_a_reading_of_another_text_is_refused() -> None:
    with pytest.raises(ValueError, match="text or language differs"):
        second_reading(FIRST, reading("another text"))
