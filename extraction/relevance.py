"""How likely each drafted fact is to be right, from a logistic model trained on the gold.

The rules' own confidence says how sure a statement's *form* is (is a country's role
drafted, is a body's kind guessed); it hardly tells a right item from a wrong one. This
model was trained on what the extractor drafted for blind sets it had not yet seen, each
item marked right or wrong by the scorer, so it learns the errors the code makes on new
text: bodies, countries, dates and figures an article names only for context. It reads
what the rules do not weigh: the words around each mention, where the mentions fall, how
many items of the kind the article has.

It only lowers: an item it rates under `DOUBTFUL` becomes `confidence: low` with a note
giving the estimate. Training and measurement: `bench/relevance_train.py`, docs/extraction.md.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from extraction.facts import KIND_OF_LABEL
from loaders.dossier import COUNTRY_REF

MODEL = Path(__file__).resolve().parent / "model" / "relevance.json"
# Under this estimate an item is marked low: on unseen sets such items were right less than
# half the time (docs/extraction.md, "A learned estimate of each item").
DOUBTFUL = 0.5

_WORD = re.compile(r"\w+|[^\w\s]")
_CONTEXT_CHARS, _CONTEXT_WORDS, _NEAR_WORDS, _MAX_MENTIONS = 80, 5, 2, 6


@dataclass
class Item:
    """One fact as the scorer counts it, with the draft blocks that state it."""

    kind: str
    key: str
    sub: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    blocks: list[dict[str, Any]] = field(default_factory=list)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def draft_items(raw: dict[str, Any]) -> list[Item]:
    """The items of a raw draft, one per (kind, value), in the order the draft states them."""
    found: dict[tuple[str, str], Item] = {}

    def add(kind: str, key: str, sub: str, block: dict[str, Any]) -> None:
        item = found.setdefault((kind, key), Item(kind, key, sub))
        item.spans += [(s["start"], s["end"]) for s in block.get("spans", [])]
        item.blocks.append(block)

    entities = raw.get("entities", {})
    for ref, entity in entities.items():
        if entity["label"] in KIND_OF_LABEL:
            add(KIND_OF_LABEL[entity["label"]], ref, entity["label"], entity)
    for rel in raw.get("relationships", []):
        for end in (rel["from"], rel["to"]):
            if end.startswith(COUNTRY_REF):
                add("country", end[len(COUNTRY_REF) :], rel["type"], rel)
        person = entities.get(rel["to"])
        if rel["type"] == "ARRESTED" and person is not None:
            for code in sorted(set(_countries(person.get("arrested_in"))) or {"unknown"}):
                add("arrest", code, "arrest", person)
    for claim in raw.get("claims", []):
        if claim.get("value") is not None:
            add("figure", f"{claim['value']} {claim['unit']}", claim["unit"], claim)
    for event in raw.get("events", []):
        add("date", str(event["date"]), event["kind"], event)
    operation = raw.get("operation", {})
    for alias in operation.get("aliases", []):
        add("operation", alias, "op", operation)
    return list(found.values())


def _countries(places: Any) -> Iterator[str]:
    for place in places if isinstance(places, list) else [places] if places else []:
        yield place if isinstance(place, str) else place["country"]


def features(item: Item, text: str, lang: str, published: str, peers: int) -> dict[str, float]:
    """What the model reads of one item: its kind, its mentions' places and words, and for
    dates and figures their values."""
    kind = item.kind
    f: dict[str, float] = {f"k={kind}": 1, f"k={kind}|lang={lang}": 1, f"k={kind}|sub={item.sub}": 1}
    spans = sorted(set(item.spans))
    f[f"k={kind}|nspans"] = math.log1p(len(spans))
    f[f"k={kind}|peers"] = math.log1p(peers)
    if not spans:
        f[f"k={kind}|nospan"] = 1
    else:
        first = spans[0][0] / max(len(text), 1)
        f[f"k={kind}|first"] = first
        f[f"k={kind}|early"] = 1 if first < 0.2 else 0
        f[f"k={kind}|para0"] = 1 if "\n\n" not in text[: spans[0][0]] else 0
        for word, count in _context(text, spans).items():
            f[f"k={kind}|{word}"] = f[word] = min(count, 3) / 3
    if kind == "date":
        f.update(_date_features(item.key, published))
    if kind == "figure":
        f.update(_figure_features(item.key))
    return f


def _context(text: str, spans: list[tuple[int, int]]) -> Counter[str]:
    """The words before (L), after (L2, R2 the nearest) and inside (S) the first mentions."""
    words: Counter[str] = Counter()
    for start, end in spans[:_MAX_MENTIONS]:
        left = _words(text[max(0, start - _CONTEXT_CHARS) : start])[-_CONTEXT_WORDS:]
        right = _words(text[end : end + _CONTEXT_CHARS])[:_CONTEXT_WORDS]
        words.update(f"L:{w}" for w in left)
        words.update(f"R:{w}" for w in right)
        words.update(f"L2:{w}" for w in left[-_NEAR_WORDS:])
        words.update(f"R2:{w}" for w in right[:_NEAR_WORDS])
        words.update(f"S:{w}" for w in _words(text[start:end])[:_MAX_MENTIONS])
    return words


def _date_features(date: str, published: str) -> dict[str, float]:
    f: dict[str, float] = {f"date|len={len(date)}": 1}
    if published and date[:4] != published[:4]:
        f["date|otheryear"] = 1
    if published and date == published[: len(date)]:
        f["date|ispub"] = 1
    return f


def _figure_features(key: str) -> dict[str, float]:
    try:
        value = float(key.split(maxsplit=1)[0])
    except ValueError:
        return {}
    return {
        "fig|log": math.log10(abs(value) + 1) / 10,
        "fig|round": 1 if value == int(value) and value % 10 == 0 else 0,
    }


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float

    def estimate(self, f: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in f.items())
        return 1 / (1 + math.exp(-z))


@cache
def model() -> Model:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return Model(weights=data["weights"], bias=data["bias"])


def estimates(raw: dict[str, Any], text: str, lang: str, published: str) -> list[tuple[Item, float]]:
    """Each item of the draft with the model's estimate that it is right."""
    items = draft_items(raw)
    peers = Counter(item.kind for item in items)
    return [
        (item, model().estimate(features(item, text, lang, published, peers[item.kind]))) for item in items
    ]


def mark_doubtful(raw: dict[str, Any], text: str, lang: str, published: str) -> None:
    """Lower the confidence of the draft's doubtful items, with a note giving the estimate."""
    for item, p in estimates(raw, text, lang, published):
        if p >= DOUBTFUL:
            continue
        share = f"about {round(p * 10)} in 10" if p >= 0.05 else "fewer than 1 in 10"
        note = (
            f"items like this were right {share} times in drafts of articles the extractor had not "
            "seen: check that the article states it of this operation"
        )
        for block in item.blocks:
            if note in (block.get("notes") or ""):
                continue
            block["confidence"] = "low"
            block["notes"] = f"{block['notes']}; {note}" if block.get("notes") else note
