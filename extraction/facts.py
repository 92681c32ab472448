"""What the extractor finds: facts of a few kinds, each with the spans it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from graph.model.schema import Label

FactKind = Literal[
    "agency",
    "country",
    "group",
    "platform",
    "rights_holder",
    "figure",
    "date",
    "arrest",
    "operation",
    "person",
]
# The kinds the scorer compares: all but "person" (a charged person the draft names, which
# the reviewer checks against the charging document, and tests check).
FACT_KINDS: tuple[FactKind, ...] = tuple(kind for kind in get_args(FactKind) if kind != "person")
# The fact type the scorer counts an entity of each label under.
KIND_OF_LABEL: dict[str, FactKind] = {
    Label.AGENCY: "agency",
    Label.GROUP: "group",
    Label.PLATFORM: "platform",
    Label.ORGANIZATION: "rights_holder",
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Fact:
    """One fact: `key` is what the scorer compares (a name, an ISO code or date, a
    'value unit' pair); `data` holds what the draft needs besides (kind, country...)."""

    kind: FactKind
    key: str
    spans: list[Span]
    confidence: Literal["high", "medium", "low"] = "high"
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def add_spans(self, other: Fact) -> None:
        """`other` names this fact again: its mentions become this fact's."""
        added = [s for s in other.spans if s not in self.spans]
        self.spans = sorted([*self.spans, *added], key=lambda s: s.start)

    def merge(self, other: Fact) -> None:
        """Another mention of the same fact: keep every span, and the surer reading."""
        self.add_spans(other)
        rank = {"low": 0, "medium": 1, "high": 2}
        if rank[other.confidence] > rank[self.confidence]:
            self.confidence = other.confidence
            self.notes = other.notes
            self.data = {**self.data, **other.data}
        for key, value in other.data.items():
            self.data.setdefault(key, value)


def merge_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per (kind, key), in order of first mention."""
    merged: dict[tuple[str, str], Fact] = {}
    for fact in sorted(facts, key=lambda f: f.spans[0].start):
        key = (fact.kind, fact.key)
        if key in merged:
            merged[key].merge(fact)
        else:
            merged[key] = fact
    return list(merged.values())
