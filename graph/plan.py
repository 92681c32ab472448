"""A write plan: the nodes and edges one dossier adds, already resolved to graph ids.

Loaders produce plans; stores write them. Lists here are provenance sets: writing a plan
merges them with what the graph holds, so writing the same plan twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from graph.ids import fold

SET_PROPERTIES = ("sources", "dossiers", "aliases", "keys")


@dataclass(slots=True)
class PlannedNode:
    label: str
    id: str
    name: str
    props: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    dossiers: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        props = {k: v for k, v in self.props.items() if v is not None}
        props["name"] = self.name
        return {
            "id": self.id,
            "props": props,
            "sources": self.sources,
            "dossiers": self.dossiers,
            "aliases": self.aliases,
            # Every node is found by its own name, whatever its label.
            "keys": union([fold(self.name)], self.keys),
        }

    def copy(self) -> PlannedNode:
        """The same node with lists and properties of its own, to fold mentions into."""
        return replace(
            self,
            props=dict(self.props),
            sources=list(self.sources),
            dossiers=list(self.dossiers),
            aliases=list(self.aliases),
            keys=list(self.keys),
        )

    def absorb(self, other: PlannedNode, keys: list[str] | None = None, seen: Seen | None = None) -> None:
        """What a later mention of the same node adds: the values still missing (the first
        value stays), its provenance, aliases and match keys (`keys` instead of its own).
        With `seen` (see `add_new`), the lists are extended in place."""
        fill_missing(self.props, other.props)
        if seen is not None:
            add_new(self.sources, other.sources, seen, "sources")
            add_new(self.dossiers, other.dossiers, seen, "dossiers")
            add_new(self.aliases, other.aliases, seen, "aliases")
            add_new(self.keys, other.keys if keys is None else keys, seen, "keys")
            return
        self.sources = union(self.sources, other.sources)
        self.dossiers = union(self.dossiers, other.dossiers)
        self.aliases = union(self.aliases, other.aliases)
        self.keys = union(self.keys, other.keys if keys is None else keys)


@dataclass(slots=True)
class PlannedEdge:
    type: str
    id: str
    source: str
    source_label: str
    target: str
    target_label: str
    props: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    dossiers: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        props = {k: v for k, v in self.props.items() if v is not None}
        return {
            "id": self.id,
            "src": self.source,
            "dst": self.target,
            "props": props,
            "sources": self.sources,
            "dossiers": self.dossiers,
        }

    def copy(self) -> PlannedEdge:
        """The same relationship with lists and properties of its own."""
        return replace(self, props=dict(self.props), sources=list(self.sources), dossiers=list(self.dossiers))

    def absorb(self, other: PlannedEdge, seen: Seen | None = None) -> None:
        """What a later mention of the same relationship adds: missing values, provenance.
        With `seen` (see `add_new`), the lists are extended in place."""
        fill_missing(self.props, other.props)
        if seen is not None:
            add_new(self.sources, other.sources, seen, "sources")
            add_new(self.dossiers, other.dossiers, seen, "dossiers")
            return
        self.sources = union(self.sources, other.sources)
        self.dossiers = union(self.dossiers, other.dossiers)


@dataclass
class Plan:
    dossier: str
    nodes: dict[str, PlannedNode] = field(default_factory=dict)
    edges: dict[str, PlannedEdge] = field(default_factory=dict)
    # Ids the loader checked the graph does not hold: a store may create these without
    # merging (FalkorDB does; Neo4j merges everything).
    new_nodes: set[str] = field(default_factory=set)
    new_edges: set[str] = field(default_factory=set)
    # Source and dossier ids the loader checked no provenance list of the nodes and
    # relationships in `fresh_owners` can hold yet: a store may append these to those
    # lists without looking (FalkorDB does), where it otherwise merges them as sets.
    fresh_provenance: set[str] = field(default_factory=set)
    fresh_owners: set[str] = field(default_factory=set)
    # Every name look-up the resolver made: (label, folded names, the (id, name) it gave
    # the entity, the (id, name) it gives when none of the names is found).
    looked_up: list[tuple[str, list[str], tuple[str, str], tuple[str, str]]] = field(default_factory=list)


def fill_missing(props: dict[str, Any], values: dict[str, Any]) -> None:
    """Set the `values` that `props` does not hold yet (or holds as None)."""
    for key, value in values.items():
        if value is not None and props.get(key) is None:
            props[key] = value


# List name -> the items already in that list of one planned node or relationship.
Seen = dict[str, set[str]]


def add_new(items: list[str], more: list[str], seen: Seen, name: str) -> None:
    """Append to `items` (in place) what `more` adds to it. `seen[name]` remembers what
    `items` holds, so folding many mentions into one hub costs what they add, not the
    size of the list each time (`union` builds that set anew on every call: merging a
    chunk of 700 dossiers that all name the Netherlands was quadratic)."""
    known = seen.get(name)
    if known is None:
        known = seen[name] = set(items)
    for item in more:
        if item not in known:
            known.add(item)
            items.append(item)


def union(first: list[str], second: list[str]) -> list[str]:
    """Ordered set union: keeps the first list's order, appends what is new."""
    if len(first) < 8:
        return first + [item for item in second if item not in first]
    known = set(first)  # a hub's provenance runs to thousands within one chunk
    return first + [item for item in second if item not in known]
