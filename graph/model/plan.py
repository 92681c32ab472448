"""What a load changes in the graph.

A `Plan` holds the statements that some dossiers make, resolved to graph ids: the
resolver makes one per dossier, and the pipeline merges them. A `Changes` is what a store
writes: nodes and relationships to create, to set anew (every derived value at once) and
to delete, written all-or-nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from graph.model.statements import Statement


@dataclass(slots=True)
class PlannedNode:
    label: str
    id: str
    statements: list[Statement] = field(default_factory=list)


@dataclass(slots=True)
class PlannedEdge:
    type: str
    id: str
    source: str
    source_label: str
    target: str
    target_label: str
    statements: list[Statement] = field(default_factory=list)

    def with_statements(self, statements: list[Statement]) -> PlannedEdge:
        """The same relationship with other statements."""
        return PlannedEdge(
            self.type, self.id, self.source, self.source_label, self.target, self.target_label, statements
        )


# What a dossier's record holds (`DossierRecord`): a dossier recorded in another format
# has another fingerprint, so that loading its file again writes its record anew.
RECORD_FORMAT = b"record 2: low-confidence ids\x1e"


@dataclass
class Plan:
    """The statements of the dossiers in `dossiers` (their ids), by node and relationship."""

    dossiers: list[str]
    nodes: dict[str, PlannedNode] = field(default_factory=dict)
    edges: dict[str, PlannedEdge] = field(default_factory=dict)
    # Dossier id -> the fingerprint of its own plan (see `fingerprint`), and the sha256 of
    # the file it was read from, where there was one.
    fingerprints: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    # Dossiers whose statements here are added to those the graph holds, not put in their
    # place: an export restored (loaders/stix/restore.py) may hold part of a dossier.
    adding: set[str] = field(default_factory=set)

    def fingerprint(self) -> str:
        """A digest of every statement of the plan with what it is about: two plans with
        the same fingerprint write the same statements, and the same dossier record."""
        hasher = hashlib.sha256(RECORD_FORMAT)
        for items in (self.nodes, self.edges):
            for item_id in sorted(items):
                hasher.update(item_id.encode("utf-8"))
                for text in sorted(s.text for s in items[item_id].statements):
                    hasher.update(b"\x1f")
                    hasher.update(text.encode("utf-8"))
                hasher.update(b"\x1e")
        return hasher.hexdigest()

    @property
    def dossier(self) -> str:
        return ", ".join(self.dossiers)


@dataclass(frozen=True)
class DossierRecord:
    """What a loaded dossier made statements about, its plan's fingerprint, and the sha256
    of the file it was read from with the version of the loader that read it (a file
    loaded again unchanged by the same loader need not be read again). `low`: the nodes
    and relationships it stated something about with low confidence, so that the facts a
    dossier marked weak are found without reading every statement of the graph."""

    nodes: list[str]
    edges: list[str]
    fingerprint: str
    file_sha256: str = ""
    loader: str = ""
    low: list[str] = field(default_factory=list)


@dataclass(slots=True)
class NodeRow:
    """A node as the store writes it: every property it holds after the write."""

    label: str
    id: str
    props: dict[str, Any]


@dataclass(slots=True)
class EdgeRow:
    type: str
    id: str
    source: str
    source_label: str
    target: str
    target_label: str
    props: dict[str, Any]


@dataclass
class Changes:
    """One all-or-nothing write. Rows to `create` are new to the graph; rows to `update`
    replace every property of what the graph holds; `delete` ones go, a node with its
    relationships."""

    what: str
    create_nodes: list[NodeRow] = field(default_factory=list)
    update_nodes: list[NodeRow] = field(default_factory=list)
    delete_nodes: list[NodeRow] = field(default_factory=list)
    create_edges: list[EdgeRow] = field(default_factory=list)
    update_edges: list[EdgeRow] = field(default_factory=list)
    delete_edges: list[EdgeRow] = field(default_factory=list)
    # Dossier id -> (node ids, relationship ids) it states something about; dossiers
    # unloaded, whose record goes.
    records: dict[str, DossierRecord] = field(default_factory=dict)
    forget: list[str] = field(default_factory=list)
    # Dossier id -> (fingerprint, file sha256) to set on a record written before.
    seals: dict[str, tuple[str, str]] = field(default_factory=dict)

    def empty(self) -> bool:
        """Whether the write changes no node and no relationship."""
        return not any(
            [
                self.create_nodes,
                self.update_nodes,
                self.delete_nodes,
                self.create_edges,
                self.update_edges,
                self.delete_edges,
            ]
        )

    def writes_nothing(self) -> bool:
        """Whether the write changes nothing at all: no node, no relationship, and no
        dossier's record."""
        return self.empty() and not (self.records or self.forget or self.seals)
