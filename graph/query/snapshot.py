"""An in-process copy of the graph that answers neighbourhoods without asking the engine.

A neighbourhood needs four queries (the ids step by step, the nodes, the relationships
among them, the sources they cite). At 10^5 nodes the engine's own time for those alone
is over the latency we want for a click in the explorer, and the client spends as long
again reading the replies. So the API keeps a read-only copy of every node and
relationship, taken at one write generation and used only while the store is still at
that generation; after a write the copy is rebuilt in the background and the engine
answers meanwhile. Both paths produce the same answer (tests/test_snapshot.py).

Values are the ones `Store.read` returns; answers are built by the same `node_out` and
`edge_out` as the engine's, so they cannot drift apart in shape.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from graph.cypher_text import cypher, splice
from graph.model.schema import Label, get_schema
from graph.query.answer import MAX_SOURCES, WIDE_FANOUT, edge_out, node_out
from graph.query.longlived import built_to_last
from graph.store.base import Store
from graph.store.stats import counts

log = logging.getLogger(__name__)

SOURCE_FIELDS = ("name", "url", "document", "publisher", "date", "language")


@dataclass(slots=True)
class Link:
    """A relationship, held as graph.query.answer.edge_out shows it."""

    src: str
    dst: str
    type: str
    id: str | None
    properties: dict[str, Any]
    sources: list[str]
    # Values dossiers stated but the relationship does not show; None for nearly all.
    alternatives: list[dict[str, Any]] | None = None

    @classmethod
    def from_row(cls, src: str, dst: str, rel_type: str, props: dict[str, Any]) -> Link:
        shown = edge_out({"src": src, "dst": dst, "type": rel_type, "props": props})
        return cls(
            src,
            dst,
            rel_type,
            shown["id"],
            shown["properties"],
            shown["sources"],
            shown.get("alternatives"),
        )

    def out(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.src,
            "target": self.dst,
            "type": self.type,
            "properties": dict(self.properties),
            "sources": list(self.sources),
        }
        if self.alternatives:
            out["alternatives"] = [dict(item) for item in self.alternatives]
        return out


def passes_dates(link: Link, since_lo: str | None, until_hi: str | None) -> bool:
    """The relationship date filter of read/neighbour_ids.cypher and read/edges_among.cypher."""
    start = link.properties.get("start")
    if until_hi is not None and start is not None and not start <= until_hi:
        return False
    if since_lo is not None:
        last = link.properties.get("end", start)
        if last is not None and not last + "~" >= since_lo:
            return False
    return True


def node_passes_dates(node: dict[str, Any], since_lo: str | None, until_hi: str | None) -> bool:
    """The node date filter (an event's or a seizure's `date`) of read/neighbour_ids.cypher."""
    date = node["properties"].get("date")
    if date is None:
        return True
    if until_hi is not None and not date <= until_hi:
        return False
    return since_lo is None or date + "~" >= since_lo


@dataclass
class Snapshot:
    generation: int
    by_label: dict[str, set[str]] = field(default_factory=dict)
    shown: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> as nodes_by_id gives it
    outgoing: dict[str, list[Link]] = field(default_factory=dict)
    incoming: dict[str, list[Link]] = field(default_factory=dict)
    adjacent: dict[str, list[str]] = field(default_factory=dict)  # id -> the other end of each link
    # For nodes with many outgoing relationships: target id -> relationships, so that the
    # relationships among a small set are found by probing, not by reading them all.
    wide: dict[str, dict[str, list[Link]]] = field(default_factory=dict)
    targets: dict[str, frozenset[str]] = field(default_factory=dict)  # id -> its outgoing ends
    source_rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # as source_index gives them
    relationships: int = 0
    _label_sets: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)

    def add_node(self, labels: list[str], props: dict[str, Any]) -> None:
        """Keeps what a node answer shows: the first MAX_SOURCES sources and dossiers and
        the total, as read/nodes_by_id.cypher returns them."""
        node_id = props["id"]
        sources = props.get("sources")
        dossiers = props.get("dossiers")
        shown = {
            **props,
            "keys": None,
            "search": None,
            "sources": None if sources is None else sources[:MAX_SOURCES],
            "dossiers": None if dossiers is None else dossiers[:MAX_SOURCES],
            "sources_total": None if sources is None else len(sources),
        }
        for label in labels:
            self.by_label.setdefault(label, set()).add(node_id)
        self.shown[node_id] = node_out({"labels": labels, "props": shown})
        if Label.SOURCE in labels:
            self.source_rows[node_id] = {name: props.get(name) for name in SOURCE_FIELDS}

    def add_link(self, link: Link) -> None:
        self.outgoing.setdefault(link.src, []).append(link)
        self.incoming.setdefault(link.dst, []).append(link)
        self.adjacent.setdefault(link.src, []).append(link.dst)
        self.adjacent.setdefault(link.dst, []).append(link.src)
        self.relationships += 1

    def index_targets(self, fanout: int) -> None:
        for node_id, links in self.outgoing.items():
            self.targets[node_id] = frozenset(link.dst for link in links)
            if len(links) > fanout:
                by_target: dict[str, list[Link]] = {}
                for link in links:
                    by_target.setdefault(link.dst, []).append(link)
                self.wide[node_id] = by_target

    def degree(self, node_id: str) -> int:
        """How many relationships touch the node (0 for an id the copy does not hold)."""
        return len(self.adjacent.get(node_id, ()))

    def with_labels(self, labels: Iterable[str]) -> frozenset[str]:
        """The ids of every node that has one of `labels`."""
        key = tuple(sorted(labels))
        found = self._label_sets.get(key)
        if found is None:
            found = frozenset().union(*(self.by_label.get(label, ()) for label in key))
            self._label_sets[key] = found
        return found

    # -- the four reads of a neighbourhood, as graph.query.neighbours.EngineReader does them ----
    def step(
        self, frontier: list[str], filters: dict[str, Any], cap: int, hub_labels: Iterable[str]
    ) -> tuple[list[str], set[str]]:
        """Every node one relationship from `frontier` that passes the filters (at most
        `cap`, in the order found), and which of them are hubs."""
        if filters["types"] or filters["labels"] or filters["since_lo"] or filters["until_hi"]:
            found = self._step_filtered(frontier, filters, cap)
        else:
            found = {}
            for node_id in frontier:
                found.update(dict.fromkeys(self.adjacent.get(node_id, ())))  # keeps first-found order
                if len(found) >= cap:
                    found = dict.fromkeys(islice(found, cap))
                    break
        return list(found), found.keys() & self.with_labels(hub_labels)

    def _step_filtered(self, frontier: list[str], filters: dict[str, Any], cap: int) -> dict[str, None]:
        types = set(filters["types"])
        allowed = self.with_labels(filters["labels"]) if filters["labels"] else None
        since_lo, until_hi = filters["since_lo"], filters["until_hi"]
        found: dict[str, None] = {}
        for node_id in frontier:
            ends = [(link, link.dst) for link in self.outgoing.get(node_id, ())]
            ends += [(link, link.src) for link in self.incoming.get(node_id, ())]
            for link, other in ends:
                if other in found or (types and link.type not in types):
                    continue
                if allowed is not None and other not in allowed:
                    continue
                if not passes_dates(link, since_lo, until_hi):
                    continue
                if not node_passes_dates(self.shown[other], since_lo, until_hi):
                    continue
                found[other] = None
                if len(found) >= cap:
                    return found
        return found

    def nodes(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """As graph.query.answer.nodes_by_id."""
        answer = {}
        for node_id in ids:
            node = self.shown.get(node_id)
            if node is not None:
                answer[node_id] = {
                    **node,
                    "labels": list(node["labels"]),
                    "properties": dict(node["properties"]),
                    "sources": list(node["sources"]),
                }
        return answer

    def edges_among(self, ids: list[str], filters: dict[str, Any]) -> list[dict[str, Any]]:
        """As graph.query.answer.edges_among: every relationship with both ends in `ids`."""
        members = set(ids)
        types = set(filters.get("types") or [])
        since_lo, until_hi = filters.get("since_lo"), filters.get("until_hi")
        found: list[Link] = []
        for node_id in members:
            common = members.intersection(self.targets.get(node_id, ()))
            if not common:
                continue
            by_target = self.wide.get(node_id)
            if by_target is not None:
                for other in common:
                    found += by_target[other]
            else:
                found += [link for link in self.outgoing[node_id] if link.dst in common]
        if types:
            found = [link for link in found if link.type in types]
        if since_lo is not None or until_hi is not None:
            found = [link for link in found if passes_dates(link, since_lo, until_hi)]
        return [link.out() for link in found]

    def sources(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """As graph.query.answer.source_index: publisher, date, url... of each source found.
        The rows are shared between answers: callers must not change them."""
        rows = self.source_rows
        return {source_id: rows[source_id] for source_id in sorted(set(ids)) if source_id in rows}


def _interned(value: Any) -> Any:
    """Source ids and dossier names recur on thousands of nodes: keep one copy of each."""
    if type(value) is list:
        return [sys.intern(v) if type(v) is str else v for v in value]
    return value


def build_snapshot(store: Store, generation: int) -> Snapshot:
    """Read every node, label by label, then every relationship, type by type: one reply
    per label or type keeps the peak of reading well below one reply for the whole graph."""
    schema = get_schema()
    snapshot = Snapshot(generation)
    with built_to_last():
        for label in sorted(schema.labels):
            query = splice(
                cypher("read/snapshot_nodes.cypher", store.dialect), schema, labels={"LABEL": label}
            )
            for row in store.read(query):
                props = {k: _interned(v) for k, v in row["props"].items()}
                props["id"] = sys.intern(props["id"])
                snapshot.add_node(row["labels"], props)
        for rel_type in sorted(schema.relationships):
            query = splice(
                cypher("read/snapshot_relationships.cypher", store.dialect), schema, types={"TYPE": rel_type}
            )
            for row in store.read(query):
                src, dst = sys.intern(row["src"]), sys.intern(row["dst"])
                if src not in snapshot.shown or dst not in snapshot.shown:
                    continue  # written between the reads; this copy is already stale then
                props = {k: _interned(v) for k, v in row["props"].items()}
                snapshot.add_link(Link.from_row(src, dst, sys.intern(rel_type), props))
        snapshot.index_targets(WIDE_FANOUT)
    return snapshot


class SnapshotCache:
    """The snapshot of the store's current generation, if there is one.

    `current()` never waits for a build: when the store has moved on (or no copy was made
    yet) it starts one in a background thread and answers None, and the caller asks the
    engine. Graphs over `max_entities` nodes + relationships are never copied (memory);
    0 turns the copy off.
    """

    def __init__(self, store: Store, max_entities: int):
        self.store = store
        self.max_entities = max_entities
        self._snapshot: Snapshot | None = None
        self._too_large_at: int | None = None  # the generation found too large to copy
        self._building: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.max_entities > 0

    def current(self, generation: int | None = None) -> Snapshot | None:
        """`generation`: the store's, when the caller has just read it."""
        if not self.enabled:
            return None
        if generation is None:
            generation = self.store.generation()
        snapshot = self._snapshot
        if snapshot is not None and snapshot.generation == generation:
            return snapshot
        if self._too_large_at != generation:
            self.start()
        return None

    def wait(self, timeout: float) -> Snapshot | None:
        """The current snapshot, building it if needed and waiting up to `timeout` seconds."""
        if not self.enabled:
            return None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.current()
            if found is not None or self._too_large_at == self.store.generation():
                return found
            building = self._building
            if building is not None:
                building.join(max(0.0, deadline - time.monotonic()))
        return self.current()

    def finish(self, timeout: float) -> None:
        """Wait up to `timeout` seconds for a copy under way, so that the store is not
        closed (or handed back to its owner) while a worker thread still reads it."""
        building = self._building
        if building is not None:
            building.join(timeout)

    def start(self) -> None:
        """Start a copy of the current generation in the background, unless one is under
        way. Never raises: an engine that does not answer leaves the engine answering."""
        if not self.enabled:
            return
        with self._lock:
            if self._building is not None and self._building.is_alive():
                return
            self._building = threading.Thread(target=self._build, name="snapshot-build", daemon=True)
            self._building.start()

    def _build(self) -> None:
        try:
            generation = self.store.generation()
            if generation in (self._too_large_at, getattr(self._snapshot, "generation", None)):
                return
            total = counts(self.store)
            entities = sum(total["nodes"].values()) + sum(total["relationships"].values())
            if entities > self.max_entities:
                self._too_large_at = generation
                log.info(
                    "graph of %d entities: over %d, neighbourhoods read by the engine",
                    entities,
                    self.max_entities,
                )
                return
            self._too_large_at = None
            self._snapshot = None  # stale, never served again: free it before making the next
            started = time.perf_counter()
            snapshot = build_snapshot(self.store, generation)
            self._snapshot = snapshot
            log.info(
                "neighbourhoods from memory: %d nodes, %d relationships copied in %.1f s",
                len(snapshot.shown),
                snapshot.relationships,
                time.perf_counter() - started,
            )
        except Exception:  # a store closed or cleared under the build: the engine answers
            log.warning("snapshot build failed; neighbourhoods read by the engine", exc_info=True)
