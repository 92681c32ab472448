"""Analysts' judgements on pairs of nodes that resolution proposed as the same thing.

Names that resemble each other are only ever proposed (loaders/candidates.py); an analyst
decides, and the decision is kept in `loaders/judgements.yaml`, a reviewed file of the
repository, the way nomenklatura keeps OpenSanctions' judgements. `same` merges the two
nodes on every load: every statement about either goes to one id, the first of the
cluster in sort order, so the merged node keeps every source and shows the other name as
an alias. `different` is remembered, so the pair is not proposed again. A merge is never
made on a similarity score alone: only a judgement merges.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.errors import DossierError
from graph.model.schema import Schema, get_schema

JUDGEMENTS_FILE = Path(__file__).parent / "judgements.yaml"
ID = r"^[a-z]+:[a-z0-9][a-z0-9._-]*$"


class JudgementEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    left: str = Field(pattern=ID)
    right: str = Field(pattern=ID)
    judgement: Literal["same", "different"]
    note: str = Field(min_length=1, max_length=1000, description="why: what the analyst checked")
    date: dt.date


@dataclass(frozen=True)
class Judgements:
    """`same` clusters (every id -> its cluster's id) and `different` pairs."""

    canonical_of: dict[str, str]
    different: frozenset[tuple[str, str]]

    def canonical(self, node_id: str) -> str:
        return self.canonical_of.get(node_id, node_id)

    def judged(self, left: str, right: str) -> str | None:
        """'same', 'different' or None for a pair of ids."""
        a, b = self.canonical(left), self.canonical(right)
        if a == b:
            return "same"
        return "different" if tuple(sorted((a, b))) in self.different else None


def parse_judgements(raw: Any, name: str, schema: Schema) -> Judgements:
    """The judgements of a parsed file; DossierError names every problem."""
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise DossierError(name, [("", "a list of judgements")])
    problems: list[tuple[str, str]] = []
    entries: list[JudgementEntry] = []
    for i, item in enumerate(raw):
        try:
            entries.append(JudgementEntry.model_validate(item))
        except ValidationError as exc:
            problems += [(f"[{i}].{'.'.join(map(str, e['loc']))}", e["msg"]) for e in exc.errors()]
            continue
        entry = entries[-1]
        labels = schema.label_of_id(entry.left), schema.label_of_id(entry.right)
        shared = schema.labels_where("shared_by_name")
        if labels[0] not in shared or labels[1] != labels[0]:
            problems.append(
                (
                    f"[{i}]",
                    f"judgements pair two nodes of one label shared by name ({', '.join(sorted(shared))})",
                )
            )
        if entry.left == entry.right:
            problems.append((f"[{i}]", "a judgement pairs two different ids"))
    seen: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(entries):
        pair = tuple(sorted((entry.left, entry.right)))
        if pair in seen:
            problems.append((f"[{i}]", f"the pair is judged already, at [{seen[pair]}]"))
        seen.setdefault(pair, i)  # type: ignore[arg-type]
    if problems:
        raise DossierError(name, problems)
    clusters = _clusters([(e.left, e.right) for e in entries if e.judgement == "same"])
    different = {
        tuple(sorted((clusters.get(e.left, e.left), clusters.get(e.right, e.right))))
        for e in entries
        if e.judgement == "different"
    }
    for i, entry in enumerate(entries):
        if entry.judgement == "different" and clusters.get(entry.left, entry.left) == clusters.get(
            entry.right, entry.right
        ):
            problems.append((f"[{i}]", "judged different, but other judgements make the two the same"))
    if problems:
        raise DossierError(name, problems)
    return Judgements(clusters, frozenset(different))  # type: ignore[arg-type]


def _clusters(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Every id of a `same` cluster -> the cluster's first id in sort order."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    for left, right in pairs:
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    ids = {i for pair in pairs for i in pair}
    return {i: root(i) for i in ids if root(i) != i}


def judgements_file() -> Path:
    """The judgements in effect (the repository's; a test may point elsewhere)."""
    return JUDGEMENTS_FILE


@cache
def judgements() -> Judgements:
    """The judgements in effect, read once."""
    path = judgements_file()
    return parse_judgements(yaml.safe_load(path.read_text(encoding="utf-8")), str(path), get_schema())
