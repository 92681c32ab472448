"""Scoring drafts against hand-made gold files: precision and recall per fact type.

A gold file (tests/data/extract/*.yaml) names an article (a file, or the text itself for
synthetic articles), its language and publication date, and the facts a careful reader
takes from it, by type. The draft's facts are read back from the draft dossier itself, so
the score measures what a reviewer receives."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from extraction import ArticleMeta, draft_dossier
from extraction.facts import FACT_KINDS, FactKind
from graph.model.countries import country_code
from graph.model.ids import fold
from graph.model.schema import Label, Rel
from loaders.dossier import COUNTRY_REF, Dossier

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "data" / "extract"
_LABEL_KIND: dict[str, FactKind] = {
    Label.AGENCY: "agency",
    Label.GROUP: "group",
    Label.PLATFORM: "platform",
    Label.ORGANIZATION: "rights_holder",
}


@dataclass(frozen=True)
class Gold:
    name: str
    corpus: str  # "seed" or "synthetic"
    text: str
    lang: str
    published: dt.date | None
    url: str | None
    facts: dict[FactKind, set[str]]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.false_positives += other.false_positives
        self.misses += other.misses

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "false_positives": self.false_positives,
            "misses": self.misses,
        }


def key(kind: str, value: Any) -> str:
    """The comparable form of a fact: names folded, figures as 'value unit'."""
    text = str(value).strip()
    if kind in {"country", "arrest"}:
        return (country_code(text) or text) if text != "unknown" else text
    if kind == "figure":
        number, _, unit = text.partition(" ")
        as_float = float(number.replace(",", ""))
        return f"{int(as_float) if as_float.is_integer() else as_float} {unit.strip()}"
    if kind == "date":
        return text
    if kind == "operation":
        # "Operation 404" and "404" name one operation.
        return re.sub(r"^(?:operation|operazione|operacion|operacao|aktion)\s+", "", fold(text))
    return fold(text)


def load_gold(path: Path) -> Gold:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates)  # noqa: S506 - SafeLoader subclass
    if "text" in raw:
        text = str(raw["text"])
    else:
        text = (ROOT / raw["article"]).resolve().read_text(encoding="utf-8")
    published = dt.date.fromisoformat(raw["published"]) if raw.get("published") else None
    facts = {kind: {key(kind, v) for v in raw.get("facts", {}).get(kind) or []} for kind in FACT_KINDS}
    return Gold(path.stem, raw["corpus"], text, raw["lang"], published, raw.get("url"), facts)


class _TextDates(yaml.SafeLoader):
    """SafeLoader that keeps dates as the text written (2020-08 and 2020-08-25 alike)."""


_TextDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def draft_facts(dossier: Dossier) -> dict[FactKind, set[str]]:
    """The facts a draft states, by type, in the scorer's comparable form."""
    found: dict[FactKind, set[str]] = {kind: set() for kind in FACT_KINDS}
    for entity in dossier.entities.values():
        if entity.label in _LABEL_KIND:
            kind = _LABEL_KIND[entity.label]
            found[kind].add(key(kind, entity.shown))
    for rel in dossier.relationships:
        for end in (rel.source, rel.target):
            if end.startswith(COUNTRY_REF):
                found["country"].add(key("country", end[len(COUNTRY_REF) :]))
        if rel.type == Rel.ARRESTED:
            arrested = dossier.entities.get(rel.target)
            places = arrested.arrested_in if arrested is not None else []
            found["arrest"] |= {place.country for place in places} or {"unknown"}
    for claim in dossier.claims:
        if claim.value is not None:
            found["figure"].add(key("figure", f"{claim.value} {claim.unit}"))
    for event in dossier.events:
        found["date"].add(event.date)
    found["operation"] = {key("operation", a) for a in dossier.operation.aliases}
    return found


def score_one(gold: Gold) -> tuple[dict[FactKind, Counts], Dossier]:
    dossier = draft_dossier(gold.text, ArticleMeta(url=gold.url, published=gold.published), gold.lang)
    found = draft_facts(dossier)
    counts = {}
    for kind in FACT_KINDS:
        expected, got = gold.facts[kind], found[kind]
        counts[kind] = Counts(
            tp=len(expected & got),
            fp=len(got - expected),
            fn=len(expected - got),
            false_positives=[f"{gold.name}: {v}" for v in sorted(got - expected)],
            misses=[f"{gold.name}: {v}" for v in sorted(expected - got)],
        )
    return counts, dossier


def spans_exact(dossier: Dossier, text: str) -> tuple[int, int]:
    """(spans that slice the article exactly, all spans) over the whole draft."""
    blocks: list[Any] = [dossier.operation, *dossier.entities.values(), *dossier.relationships]
    blocks += [*dossier.claims, *dossier.events]
    spans = [s for b in blocks for s in b.spans]
    return sum(1 for s in spans if text[s.start : s.end] == s.text), len(spans)


def score_corpus(paths: list[Path]) -> dict[str, Any]:
    """Micro-averaged counts per fact type over the gold files, and per file."""
    total = {kind: Counts() for kind in FACT_KINDS}
    files: dict[str, Any] = {}
    exact = spans = 0
    for path in paths:
        gold = load_gold(path)
        counts, dossier = score_one(gold)
        good, allspans = spans_exact(dossier, gold.text)
        exact, spans = exact + good, spans + allspans
        overall = Counts()
        for kind, c in counts.items():
            total[kind].add(c)
            overall.add(c)
        files[gold.name] = {
            "lang": gold.lang,
            **{k: v for k, v in overall.as_dict().items() if k in {"precision", "recall"}},
        }
    overall = Counts()
    for c in total.values():
        overall.add(c)
    return {
        "files": files,
        "by_type": {kind: c.as_dict() for kind, c in total.items()},
        "overall": overall.as_dict(),
        "spans_exact": f"{exact}/{spans}",
    }


def gold_files(corpus: str) -> list[Path]:
    paths = sorted(GOLD_DIR.glob("*.yaml"))
    return [p for p in paths if load_gold_corpus(p) == corpus]


def load_gold_corpus(path: Path) -> str:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return str(raw.get("corpus"))
