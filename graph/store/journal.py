"""What each write made through this process changed, by the write generation it made.

The in-process copy of the graph (graph/query/snapshot.py) follows a small write by
reading again only what the write touched, instead of the whole graph. It can do so only
when every generation since its own was made here and recorded: a write from another
process, or one of our own raw statements, leaves a gap, and the copy is then read anew.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from graph.model.plan import Changes

EdgeKey = tuple[str, str, str, str]  # source id, target id, type, relationship id

# A write that touches more is not recorded (a large load: reading the graph anew is then
# about as cheap as following it, and the journal stays small).
MAX_TOUCHED = 50_000
KEEP_WRITES = 256


@dataclass(frozen=True)
class Touched:
    """Nodes and relationships some writes created, changed or deleted; `cut`: the nodes
    deleted, whose relationships all went with them."""

    nodes: frozenset[str] = frozenset()
    edges: frozenset[EdgeKey] = frozenset()
    cut: frozenset[str] = frozenset()

    @classmethod
    def by(cls, changes: Changes) -> Touched:
        edges = changes.create_edges + changes.update_edges + changes.delete_edges
        return cls(
            frozenset(row.id for row in changes.create_nodes + changes.update_nodes + changes.delete_nodes),
            frozenset((row.source, row.target, row.type, row.id) for row in edges),
            frozenset(row.id for row in changes.delete_nodes),
        )

    def __or__(self, other: Touched) -> Touched:
        return Touched(self.nodes | other.nodes, self.edges | other.edges, self.cut | other.cut)

    def size(self) -> int:
        return len(self.nodes) + len(self.edges)


@dataclass
class WriteJournal:
    keep: int = KEEP_WRITES
    _writes: OrderedDict[int, Touched | None] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, generation: int, changes: Changes | None) -> None:
        """The write that made `generation`; None (or one too large) leaves a gap."""
        touched = Touched.by(changes) if changes is not None else None
        if touched is not None and touched.size() > MAX_TOUCHED:
            touched = None
        with self._lock:
            self._writes[generation] = touched
            while len(self._writes) > self.keep:
                self._writes.popitem(last=False)

    def since(self, generation: int, current: int) -> Touched | None:
        """Everything the writes after `generation` up to `current` touched, or None when
        one of them was not recorded here."""
        found = Touched()
        with self._lock:
            for number in range(generation + 1, current + 1):
                touched = self._writes.get(number)
                if touched is None:
                    return None
                found = found | touched
        return found if current >= generation else None
