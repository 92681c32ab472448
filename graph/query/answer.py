"""The one shape of every subgraph answer: nodes, edges and the sources they cite.

Engine rows become plain dicts here; internal properties (match keys, search text) never
leave, and people's names are replaced by their role for readers without the right.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from graph.cypher_text import cypher, splice
from graph.model.ids import fold
from graph.model.schema import ENTITY_LABEL, Label, get_schema
from graph.store.base import Store

# `statements` are shown decoded, with the entity alone (graph/query/entities.py);
# `alternatives` decoded, beside the properties.
INTERNAL = {"keys", "search", "sources", "id", "name", "statements", "alternatives"}
# Sources listed per node in graph answers; `sources_total` in its properties says how many.
MAX_SOURCES = 25
# Relationships among a set of nodes: a node with more outgoing relationships than this is
# probed against each member of the set instead of expanded (see edges_among.cypher).
WIDE_FANOUT = 32
NO_FILTERS: dict[str, Any] = {"types": [], "since_lo": None, "until_hi": None}


def node_out(row: dict[str, Any]) -> dict[str, Any]:
    """{id, labels, name, properties, sources} from a row with `labels` and `props`."""
    props = row["props"]
    out = {
        "id": props["id"],
        "labels": [label for label in row["labels"] if label != ENTITY_LABEL],
        "name": props.get("name"),
        "properties": {k: v for k, v in props.items() if k not in INTERNAL and v is not None},
        "sources": list(props.get("sources") or []),
    }
    return _with_alternatives(out, props)


def edge_out(row: dict[str, Any]) -> dict[str, Any]:
    """{id, source, target, type, properties, sources} from a row with src, dst, type, props."""
    props = row["props"]
    out = {
        "id": props.get("id"),
        "source": row["src"],
        "target": row["dst"],
        "type": row["type"],
        "properties": {k: v for k, v in props.items() if k not in INTERNAL},
        "sources": list(props.get("sources") or []),
    }
    return _with_alternatives(out, props)


def _with_alternatives(out: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    """`alternatives`, where dossiers disagree: the values stated but not shown, each with
    its dossiers and sources (graph/model/statements.py)."""
    texts = props.get("alternatives")
    if texts:
        out["alternatives"] = [json.loads(text) for text in texts]
    return out


WORD = re.compile(r"\w+")


@dataclass
class Redactor:
    """Replaces the names of named people by their role, in names and in any text."""

    names: dict[str, str] = field(default_factory=dict)  # a name or alias -> the role
    pattern: re.Pattern[str] | None = None
    # The first word of every name: a text with none of them as a word holds no name. The
    # pattern alternates hundreds of names (696 in the 10^5 benchmark network) and is tried at every
    # position; this test is one scan, and spares the pattern almost every text.
    # None when some name has no word character at all: then every text gets the pattern.
    first_words: frozenset[str] | None = field(init=False)

    def __post_init__(self) -> None:
        firsts = [WORD.findall(name) for name in self.names]
        self.first_words = frozenset(words[0] for words in firsts) if all(firsts) else None

    @classmethod
    def from_store(cls, store: Store) -> Redactor:
        names: dict[str, str] = {}
        for row in store.read(cypher("read/named_people.cypher", store.dialect)):
            role = f"[{row['role']}]"
            names[row["name"]] = role
            # Surnames too ("United States v. Dallmann"); nicknames ("Raid", "Artist") are
            # ordinary words elsewhere and go with the aliases property instead.
            surname = row["name"].split()[-1]
            if len(surname) >= 4 and surname[0].isupper():
                names.setdefault(surname, role)
        pattern = (
            re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
            if names
            else None
        )
        return cls(names, pattern)

    def hidden_words(self) -> list[str]:
        """Folded names and surnames, each with the space that starts a word in search text."""
        return sorted({" " + fold(name) for name in self.names})

    def text(self, value: Any) -> Any:
        if isinstance(value, str) and self.pattern is not None:
            if self.first_words is not None and self.first_words.isdisjoint(WORD.findall(value)):
                return value
            return self.pattern.sub(lambda m: self.names[m.group(1)], value)
        if isinstance(value, list):
            return [self.text(v) for v in value]
        return value

    def node(self, node: dict[str, Any]) -> dict[str, Any]:
        props = {k: self.text(v) for k, v in node["properties"].items()}
        name = node["name"]
        if Label.PERSON in node["labels"] and props.get("named"):
            name = props.get("role") or "person (name withheld)"
            props.pop("aliases", None)
        redacted = {**node, "name": self.text(name), "properties": props}
        if "alternatives" in node:
            redacted["alternatives"] = self.value(node["alternatives"])
        return redacted

    def value(self, value: Any) -> Any:
        """Any nested answer: named people become their role, names in texts too."""
        if isinstance(value, dict):
            props = value.get("properties")
            if isinstance(props, dict) and props.get("named") and Label.PERSON in value.get("labels", []):
                value = {**value, "name": props.get("role") or "person (name withheld)"}
                value["properties"] = {k: v for k, v in props.items() if k != "aliases"}
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(v) for v in value]
        return self.text(value)

    def edge(self, edge: dict[str, Any]) -> dict[str, Any]:
        redacted = {**edge, "properties": {k: self.text(v) for k, v in edge["properties"].items()}}
        if "alternatives" in edge:
            redacted["alternatives"] = self.value(edge["alternatives"])
        return redacted


def redacted_sources(
    sources: dict[str, dict[str, Any]], redactor: Redactor | None
) -> dict[str, dict[str, Any]]:
    """A source's title or publisher can name a person ("US v. <name>")."""
    if redactor is None:
        return sources
    hidden: dict[str, dict[str, Any]] = redactor.value(sources)
    return hidden


def source_index(store: Store, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every source cited by `items`, by id: publisher, date, url, language."""
    return source_index_of(store, sorted({sid for item in items for sid in item["sources"]}))


def source_index_of(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The sources `ids`, by id: publisher, date, url, language."""
    if not ids:
        return {}
    rows = store.read(cypher("read/sources_by_id.cypher", store.dialect), {"ids": ids})
    return {row["id"]: {k: v for k, v in row.items() if k != "id"} for row in rows}


def node_of_label(store: Store, label: Label, node_id: str) -> dict[str, Any] | None:
    """The properties of node `node_id` if it has `label`, else None."""
    query = splice(cypher("read/node_of_label.cypher", store.dialect), get_schema(), labels={"LABEL": label})
    found = store.read(query, {"id": node_id})
    return dict(found[0]["props"]) if found else None


def nodes_by_id(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = store.read(
        cypher("read/nodes_by_id.cypher", store.dialect), {"ids": ids, "max_sources": MAX_SOURCES}
    )
    return {row["props"]["id"]: node_out(row) for row in rows}


def edges_among(store: Store, ids: list[str], filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every relationship whose two ends are in `ids` and that passes the type and date
    filters (`types`, `since_lo`, `until_hi`, as graph.query.neighbours.date_bounds makes them)."""
    if not ids:
        return []
    params = {**NO_FILTERS, **(filters or {}), "ids": ids, "fanout": WIDE_FANOUT}
    return [edge_out(row) for row in store.read(cypher("read/edges_among.cypher", store.dialect), params)]


def names_by_id(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """{id: {name, labels}}: for lists of entities, without their properties."""
    if not ids:
        return {}
    rows = store.read(cypher("read/names_by_id.cypher", store.dialect), {"ids": ids})
    return {
        row["id"]: {"name": row["name"], "labels": [lb for lb in row["labels"] if lb != ENTITY_LABEL]}
        for row in rows
    }


def induced(store: Store, ids: list[str], edge_ids: list[str] | None = None) -> dict[str, Any]:
    """The nodes with these ids and every relationship among them (only `edge_ids`, when
    given), with the sources they cite."""
    nodes = list(nodes_by_id(store, ids).values())
    found = [n["id"] for n in nodes]
    edges = edges_among(store, found)
    if edge_ids is not None:
        wanted = set(edge_ids)
        edges = [e for e in edges if e["id"] in wanted]
    return {"nodes": nodes, "edges": edges, "sources": source_index(store, nodes + edges)}
