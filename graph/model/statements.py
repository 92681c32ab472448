"""Statements: every value in the graph as one dossier stated it, with its sources.

A node or relationship holds the statements made about it (its `statements` list, one
encoded text each) and the values derived from them: the displayed value of each property,
its names, aliases, sources and dossiers. The derived values are a function of the set of
statements alone, so the graph is the same whatever order its dossiers arrived in. The
rule is written down in docs/statements.md.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from graph.model.countries import country_names
from graph.model.ids import fold
from graph.model.schema import Label

# The property of the statement that records that a dossier mentions a relationship
# (relationships have no name to state).
MENTION = ""
NAME = "name"
ALIAS = "alias"
# Kept as statements and shown with their dossier, never as one value of the entity.
NOTES = "notes"
# Values of these properties are all kept (a list on the node), not chosen among.
MULTI_VALUED = {ALIAS}
# Stated per dossier and never displayed as a property of the entity as a whole.
DOSSIER_ONLY = {NOTES}
# Properties whose value is not chosen among statements (see derive).
_NOT_CHOSEN = MULTI_VALUED | DOSSIER_ONLY | {MENTION, NAME}
CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2, "": 3}

# Ids, property names and ranks never hold it, and the value comes last: no escaping needed
# in Cypher text, and a query can split the fields off with split(text, "|").
_FIELD_SEPARATOR = "|"


class Statement:
    """One value of one property, as one dossier stated it.

    `rank` is how official the statement's best source is (see `source_rank`), as the
    dossier described its sources; `confidence` is the dossier's judgement ("" when it
    gave none). `text` is the statement as the graph stores it; statements are equal,
    and sort, as their texts do."""

    __slots__ = ("confidence", "dossier", "prop", "rank", "sources", "text", "value_json")

    def __init__(
        self,
        prop: str,
        value_json: str,
        dossier: str,
        confidence: str,
        rank: int,
        sources: tuple[str, ...],
        text: str | None = None,
    ):
        self.prop = prop
        self.value_json = value_json
        self.dossier = dossier
        self.confidence = confidence
        self.rank = rank
        self.sources = sources
        self.text = text or _FIELD_SEPARATOR.join(
            [prop, dossier, confidence, str(rank), " ".join(sources), value_json]
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Statement) and self.text == other.text

    def __lt__(self, other: Statement) -> bool:
        return self.text < other.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Statement({self.text!r})"

    @property
    def value(self) -> Any:
        return json.loads(self.value_json)

    def encode(self) -> str:
        return self.text

    def as_dict(self) -> dict[str, Any]:
        return {
            "property": self.prop,
            "value": self.value,
            "dossier": self.dossier,
            "confidence": self.confidence or None,
            "sources": list(self.sources),
        }


def statement(
    prop: str,
    value: Any,
    dossier: str,
    sources: Iterable[str],
    *,
    confidence: str | None = None,
    rank: int = 0,
) -> Statement:
    return Statement(prop, value_text(value), dossier, confidence or "", rank, cited(sources))


def cited(sources: Iterable[str]) -> tuple[str, ...]:
    """Source ids as a statement keeps them: each once, sorted."""
    return tuple(sorted(set(sources)))


# A text in JSON, without the keyword handling of json.dumps (a load makes millions).
_json_text = json.encoder.encode_basestring
_canonical_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def value_text(value: Any) -> str:
    """The canonical text of a value: equal values, equal texts."""
    kind = type(value)
    if kind is str:
        return str(_json_text(value))
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    return str(_canonical_json(value))


def decode(text: str) -> Statement:
    prop, dossier, confidence, rank, sources, value = text.split(_FIELD_SEPARATOR, 5)
    return Statement(prop, value, dossier, confidence, int(rank), tuple(sources.split()), text)


_TEXT = attrgetter("text")


def merge_duplicates(statements: Iterable[Statement]) -> list[Statement]:
    """One statement per (property, value, dossier, confidence), its sources united and
    its best rank kept; sorted, so equal sets give equal lists."""
    statements = list(statements)
    if len(statements) < 2:
        return statements
    if len({(s.prop, s.value_json, s.dossier, s.confidence) for s in statements}) == len(statements):
        return sorted(statements, key=_TEXT)  # nothing to merge: the usual case
    merged: dict[tuple[str, str, str, str], tuple[int, set[str]]] = {}
    for item in statements:
        key = (item.prop, item.value_json, item.dossier, item.confidence)
        rank, sources = merged.get(key, (item.rank, set()))
        merged[key] = (max(rank, item.rank), sources | set(item.sources))
    return sorted(
        (
            Statement(prop, value, dossier, confidence, rank, tuple(sorted(sources)))
            for (prop, value, dossier, confidence), (rank, sources) in merged.items()
        ),
        key=_TEXT,
    )


def choose(statements: list[Statement]) -> Statement:
    """The statement whose value is displayed, among statements of one property: the value
    with the most distinct sources; then the one with the most official source; then the
    value whose text sorts first (a text value without its JSON quotes). The statement
    returned is the first, in sort order, of those stating that value."""
    if len(statements) == 1:
        return statements[0]
    sources: dict[str, set[str]] = defaultdict(set)
    rank: dict[str, int] = defaultdict(int)
    for item in statements:
        sources[item.value_json] |= set(item.sources)
        rank[item.value_json] = max(rank[item.value_json], item.rank)
    best = min(sources, key=lambda value: (-len(sources[value]), -rank[value], _plain_text(value), value))
    return min(item for item in statements if item.value_json == best)


def _plain_text(value_json: str) -> str:
    value = json.loads(value_json)
    return value if isinstance(value, str) else value_json


@dataclass
class Derived:
    """What a node or relationship shows, derived from its statements."""

    name: str | None
    props: dict[str, Any]
    aliases: list[str]
    sources: list[str]
    dossiers: list[str]
    statements: list[str]
    # The values not shown, of properties that dossiers disagree on: JSON texts
    # {property, value, dossiers, sources}, sorted.
    alternatives: list[str]


def derive(statements: list[Statement]) -> Derived:
    by_prop: dict[str, list[Statement]] = {}
    for item in statements:
        group = by_prop.get(item.prop)
        if group is None:
            by_prop[item.prop] = [item]
        else:
            group.append(item)
    props: dict[str, Any] = {}
    alternatives: list[str] = []
    for prop, stated in by_prop.items():
        if prop in _NOT_CHOSEN:
            continue
        chosen = choose(stated)
        props[prop] = _loads(chosen.value_json)
        if len(stated) > 1:
            others = [s for s in stated if s.value_json != chosen.value_json]
            if others:
                alternatives += _alternatives(prop, others)
    names = by_prop.get(NAME, [])
    name_json = choose(names).value_json if names else None
    name = _loads(name_json) if name_json is not None else None
    aliases: list[str] = []
    if len(names) > 1 or ALIAS in by_prop:
        # A hub is named by thousands of dossiers, nearly all alike: decode each text once.
        other_names = {item.value_json for item in [*names, *by_prop.get(ALIAS, [])]}
        other_names.discard(name_json)
        aliases = sorted(n for n in map(_loads, other_names) if isinstance(n, str) and n != name)
    if len(statements) == 1:  # most relationships: one dossier's mention
        sources, dossiers = list(statements[0].sources), [statements[0].dossier]
    else:
        sources = sorted({s for item in statements for s in item.sources})
        dossiers = sorted({item.dossier for item in statements})
    return Derived(
        name=name,
        props=props,
        aliases=aliases,
        sources=sources,
        dossiers=dossiers,
        statements=[item.text for item in statements],
        alternatives=sorted(alternatives),
    )


_loads = json.JSONDecoder().decode


def _alternatives(prop: str, others: list[Statement]) -> list[str]:
    by_value: dict[str, list[Statement]] = defaultdict(list)
    for item in others:
        by_value[item.value_json].append(item)
    return [
        json.dumps(
            {
                "property": prop,
                "value": json.loads(value),
                "dossiers": sorted({s.dossier for s in stated}),
                "sources": sorted({src for s in stated for src in s.sources}),
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        for value, stated in by_value.items()
    ]


def name_keys(label: str, derived: Derived) -> list[str]:
    """The folded names a node is found by: all its names and aliases (and, for a
    country, every name the country table knows)."""
    keys = {fold(derived.name)} if derived.name else set()
    keys |= {fold(alias) for alias in derived.aliases}
    if label == Label.COUNTRY and "code" in derived.props:
        keys |= set(country_names(str(derived.props["code"])))
    return sorted(k for k in keys if k)


_OFFICIAL = re.compile(r"^\s*(yes|official)\b", re.IGNORECASE)
_QUOTES_OFFICIAL = re.compile(
    r"quot|reproduc|reprint|excerpt|translation|paraphras|embeds|cites|release|statement|court|docket",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(r"press|wire|news", re.IGNORECASE)


def source_rank(official: str | None) -> int:
    """How official a source is, from a dossier's `official` note about it: 3 an official
    release (or its verbatim reprint), 2 a report quoting or reproducing official
    material, 1 other press, 0 anything else (blogs, undescribed)."""
    if not official:
        return 0
    if _OFFICIAL.search(official):
        return 3
    if _QUOTES_OFFICIAL.search(official):
        return 2
    if _PUBLISHED.search(official):
        return 1
    return 0


def weakest_confidence(statements: Iterable[Statement]) -> str | None:
    """The lowest confidence any of `statements` was given, or None when none was given."""
    given = [item.confidence for item in statements if item.confidence]
    return min(given, key=CONFIDENCE_ORDER.__getitem__) if given else None
