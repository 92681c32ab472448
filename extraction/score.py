"""Scoring drafts against hand-made gold files: precision and recall per fact type and
per language.

A gold file names an article (a file, or the text itself), its language and publication
date, and the facts a careful reader takes from it, by type. Sets: `seed` and `synthetic`
(tests/data/extract/, which the tests read) and the blind sets (bench/blind/<set>/, which
only this scorer reads; their format is bench/blind/README.md).

Matching rules:
- The draft's facts are read back from the draft dossier itself (entity names, country
  codes on relationships, claims' value and unit, events' dates, arrested persons' arrest
  countries, the operation's aliases), so the score measures what a reviewer receives.
- Names (agency, group, platform, rights holder) compare folded: case, accents and
  punctuation aside. A gold item may list several spellings of one fact, and a drafted
  entity has its name and its aliases (which the reviewer sees with it); they match when
  any spelling of one equals any spelling of the other.
- Countries and arrests compare as ISO alpha-2 codes (a name is turned into its code);
  `unknown` is an arrest whose country the text does not give.
- Figures compare as value and unit: the number exactly (3500000 and 3.5e6 alike), the
  unit exactly as written in the gold.
- Dates compare as written: 2020-11 matches only 2020-11, never 2020-11-06.
- Operations compare without a leading "Operation", "Operazione", "Operación"...
- A gold fact matched by the draft is a true positive, once however many draft items
  match it; it counts as a miss otherwise. A draft item that matches no gold fact, or a
  fact another draft item already matched (the same body drafted twice), is a false
  positive. Counts are summed over articles (micro-average)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from extraction import ArticleMeta, draft_dossier
from extraction.facts import FACT_KINDS, KIND_OF_LABEL, FactKind
from graph.model.countries import country_code
from graph.model.ids import fold
from graph.model.schema import Rel
from loaders.dossier import COUNTRY_REF, Dossier

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "data" / "extract"
BLIND_DIR = ROOT / "bench" / "blind"
TEST_SETS = ("seed", "synthetic")
_LABEL_KIND = KIND_OF_LABEL  # the name bench/relevance/dump_once.py reads in every commit


@dataclass(frozen=True)
class Gold:
    name: str
    corpus: str  # "seed", "synthetic" or a blind set's name
    text: str
    lang: str
    published: dt.date | None
    url: str | None
    # Each gold fact is the set of its accepted spellings, in comparable form.
    facts: dict[FactKind, list[frozenset[str]]]


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
    facts = {kind: _gold_facts(kind, raw.get("facts", {}).get(kind) or []) for kind in FACT_KINDS}
    return Gold(path.stem, raw["corpus"], text, raw["lang"], published, raw.get("url"), facts)


def _gold_facts(kind: str, items: list[Any]) -> list[frozenset[str]]:
    """One entry per gold fact: a list item is the accepted spellings of one fact."""
    facts: list[frozenset[str]] = []
    for item in items:
        spellings = frozenset(key(kind, v) for v in (item if isinstance(item, list) else [item]))
        if spellings not in facts:
            facts.append(spellings)
    return facts


class _TextDates(yaml.SafeLoader):
    """SafeLoader that keeps dates and YAML 1.1 booleans as the text written: 2020-08 and
    2020-08-25 alike, and NO, Norway's code, which YAML 1.1 reads as false."""


_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
_TextDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in _TEXT_TAGS]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def draft_facts(dossier: Dossier) -> dict[FactKind, set[str]]:
    """The facts a draft states, by type, in the scorer's comparable form."""
    return {kind: {spellings[0] for spellings in items} for kind, items in draft_items(dossier).items()}


def draft_items(dossier: Dossier) -> dict[FactKind, list[tuple[str, ...]]]:
    """Each fact a draft states, as its spellings in comparable form (the shown name
    first, then aliases); one spelling for facts other than names."""
    found: dict[FactKind, list[tuple[str, ...]]] = {kind: [] for kind in FACT_KINDS}

    def add(kind: FactKind, *spellings: str) -> None:
        if spellings not in found[kind]:
            found[kind].append(spellings)

    for entity in dossier.entities.values():
        if entity.label in _LABEL_KIND:
            kind = _LABEL_KIND[entity.label]
            names = [key(kind, entity.shown), *(key(kind, a) for a in entity.aliases)]
            add(kind, *dict.fromkeys(names))
    for rel in dossier.relationships:
        for end in (rel.source, rel.target):
            if end.startswith(COUNTRY_REF):
                add("country", key("country", end[len(COUNTRY_REF) :]))
        if rel.type == Rel.ARRESTED:
            arrested = dossier.entities.get(rel.target)
            places = arrested.arrested_in if arrested is not None else []
            for code in sorted({place.country for place in places} or {"unknown"}):
                add("arrest", code)
    for claim in dossier.claims:
        if claim.value is not None:
            add("figure", key("figure", f"{claim.value} {claim.unit}"))
    for event in dossier.events:
        add("date", event.date)
    for alias in dossier.operation.aliases:
        add("operation", key("operation", alias))
    return found


def score_one(gold: Gold) -> tuple[dict[FactKind, Counts], Dossier]:
    dossier = draft_dossier(gold.text, ArticleMeta(url=gold.url, published=gold.published), gold.lang)
    found = draft_items(dossier)
    return {kind: compare(gold.name, gold.facts[kind], found[kind]) for kind in FACT_KINDS}, dossier


def compare(name: str, expected: list[frozenset[str]], got: list[tuple[str, ...]]) -> Counts:
    """Counts for one fact type of one article, by the rules in the module docstring."""
    counts = Counts()
    matched: set[int] = set()
    for spellings in sorted(got):
        hits = [i for i, gold in enumerate(expected) if gold.intersection(spellings)]
        fresh = [i for i in hits if i not in matched]
        if fresh:
            matched.add(fresh[0])
            counts.tp += 1
        else:
            counts.fp += 1
            counts.false_positives.append(f"{name}: {spellings[0]}" + (" (again)" if hits else ""))
    for i, gold in enumerate(expected):
        if i not in matched:
            counts.fn += 1
            counts.misses.append(f"{name}: {' | '.join(sorted(gold))}")
    return counts


def spans_exact(dossier: Dossier, text: str) -> tuple[int, int]:
    """(spans that slice the article exactly, all spans) over the whole draft."""
    blocks: list[Any] = [dossier.operation, *dossier.entities.values(), *dossier.relationships]
    blocks += [*dossier.claims, *dossier.events]
    spans = [s for b in blocks for s in b.spans]
    return sum(1 for s in spans if text[s.start : s.end] == s.text), len(spans)


def score_corpus(paths: list[Path]) -> dict[str, Any]:
    """Micro-averaged counts per fact type and per language over the gold files, and per
    file."""
    scored: list[tuple[Gold, dict[FactKind, Counts]]] = []
    exact = spans = 0
    for path in paths:
        gold = load_gold(path)
        counts, dossier = score_one(gold)
        good, allspans = spans_exact(dossier, gold.text)
        exact, spans = exact + good, spans + allspans
        scored.append((gold, counts))
    return {**tally(scored), "spans_exact": f"{exact}/{spans}"}


def tally(scored: list[tuple[Gold, dict[FactKind, Counts]]]) -> dict[str, Any]:
    """Counts per article summed per fact type, per language and overall."""
    total = {kind: Counts() for kind in FACT_KINDS}
    by_lang: dict[str, Counts] = {}
    files: dict[str, Any] = {}
    for gold, counts in scored:
        overall = Counts()
        for kind, c in counts.items():
            total[kind].add(c)
            overall.add(c)
        by_lang.setdefault(gold.lang, Counts()).add(overall)
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
        "by_lang": {lang: _rates(c) for lang, c in sorted(by_lang.items())},
        "overall": overall.as_dict(),
    }


def _rates(counts: Counts) -> dict[str, Any]:
    return {k: v for k, v in counts.as_dict().items() if k not in {"false_positives", "misses"}}


def gold_files(corpus: str) -> list[Path]:
    """The gold files of one set: a test set's from tests/data/extract/, a blind set's
    from its own folder."""
    if corpus in TEST_SETS:
        return [p for p in sorted(GOLD_DIR.glob("*.yaml")) if load_gold_corpus(p) == corpus]
    folder = BLIND_DIR / corpus
    if not folder.is_dir() or corpus.startswith((".", "_")) or "/" in corpus:
        raise ValueError(f"no gold set named {corpus!r}: choose one of {', '.join(gold_sets())}")
    return sorted(folder.glob("*.yaml"))


def gold_sets() -> list[str]:
    blind = sorted(p.name for p in BLIND_DIR.iterdir() if p.is_dir()) if BLIND_DIR.is_dir() else []
    return [*TEST_SETS, *blind]


def load_gold_corpus(path: Path) -> str:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return str(raw.get("corpus"))
