"""Loading many dossiers fast: a few batched look-ups and one write per chunk of dossiers.

Loading dossier by dossier costs some 30 round trips each (name look-ups per entity, the
existing values per label and per relationship type, the write) and merges every row
against the graph. Here dossiers go in chunks of about `CHUNK_ROWS` nodes and
relationships (growing to `MAX_CHUNK_ROWS` as the load goes on):

1. one look-up per label for every name the chunk's shared entities go by, and one per
   label for the existing values of every node the chunk mentions (the graph as it is
   before the chunk), so each node's existence is known;
2. each dossier is resolved and its plan pruned of values already known, in file order,
   against the graph *and* the dossiers before it in the chunk - the same answers the
   dossier-by-dossier load would get;
3. the chunk's plans are merged into one plan and written by one query: new nodes and
   relationships are created (no index probe per row), known ones merged.

Atomicity: FalkorDB runs one query atomically, so a chunk is written whole or not at all.
A dossier is never split between chunks (one larger than a chunk is a chunk of its own;
the 2 MiB file limit bounds its size), so every dossier is still all-or-nothing. If the
chunk's write fails, nothing of it was written and its dossiers are written again one by
one through the ordinary merge path, so the error names the dossier that fails, and the
dossiers before it are loaded, as with the dossier-by-dossier load. Idempotency: ids are
deterministic, the create path only takes ids the graph did not hold before the chunk,
and the unique constraint on `id` turns a concurrent writer's race into a failed chunk
(then retried by merging), never a duplicate.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from graph.cypher_text import cypher, splice
from graph.errors import EngineUnavailable, PiracyGraphError
from graph.ids import fold, node_id
from graph.plan import Plan, Seen, fill_missing, union
from graph.schema import Schema
from graph.store.base import Store
from loaders.dossier import Dossier
from loaders.existing import SET_PROPERTIES, apply_known
from loaders.resolve import SHARED_BY_NAME, build_plan, still_valid

log = logging.getLogger(__name__)

CHUNK_ROWS = 5_000  # nodes + relationships in the first writes; 1,000-5,000 measured best
MAX_CHUNK_ROWS = 200_000  # what later chunks grow to (see chunks())
LOOKUP_ROWS = 5_000  # ids or names per look-up query


@dataclass
class Known:
    """What the graph holds, as far as one chunk needs: fetched before it, then updated
    with every dossier of the chunk resolved so far."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> scalar props
    edges: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> props
    names: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # label -> key -> (id, name)
    in_graph: set[str] = field(default_factory=set)  # node and edge ids the graph held before the chunk

    def lookup(self, label: str, keys: list[str]) -> dict[str, tuple[str, str]]:
        by_key = self.names.get(label, {})
        return {key: by_key[key] for key in keys if key in by_key}

    def add_names(self, plan: Plan) -> None:
        """After resolving a dossier: the names its shared entities will be found under."""
        for node in plan.nodes.values():
            if node.label in SHARED_BY_NAME:
                names = self.names.setdefault(node.label, {})
                for key in union([fold(node.name)], node.keys):
                    names.setdefault(key, (node.id, node.name))

    def add_values(self, plan: Plan) -> None:
        """After pruning a dossier's plan: the values the graph will hold once it is written."""
        for node in plan.nodes.values():
            props = self.nodes.setdefault(node.id, {})
            props.setdefault("name", node.name)
            fill_missing(props, node.props)
        for edge in plan.edges.values():
            fill_missing(self.edges.setdefault(edge.id, {}), edge.props)


@dataclass(frozen=True)
class Pending:
    """A validated dossier waiting to be written, as little of it as the write needs: its
    size, the names it looks up, and a way to get the dossier back (kept, or parsed again
    from the bytes that were validated) for a plan that must be resolved again."""

    name: str
    weight: int  # an estimate of its nodes + relationships, from the file
    wanted: tuple[tuple[str, str], ...]  # (label, folded name) its shared entities go by
    restore: Callable[[], Dossier]

    @classmethod
    def of(cls, name: str, dossier: Dossier, restore: Callable[[], Dossier] | None = None) -> Pending:
        weight = (
            len(dossier.entities) * 2
            + len(dossier.relationships)
            + len(dossier.claims) * 3
            + len(dossier.events) * 3
            + len(dossier.sources) * 2
        )
        wanted = tuple(
            (entity.label, fold(n))
            for entity in dossier.entities.values()
            if entity.label in SHARED_BY_NAME and not entity.id
            for n in [entity.name, *entity.aliases]
        )
        return cls(name, weight, wanted, restore or (lambda: dossier))


def chunks(pending: Sequence[Pending], rows: int, most: int = MAX_CHUNK_ROWS) -> Iterator[list[Pending]]:
    """Consecutive dossiers of about `rows` items in all; a dossier is never split.

    Later chunks grow to a quarter of what the chunks before them held, up to `most`:
    every chunk rewrites the provenance lists of the hub nodes it touches (a country is
    touched by nearly every chunk), and those lists grow with the data, so with a fixed
    size the cost per row grew as the load went on. (Late in a 10^6 load with chunks of
    50,000 rows, rewriting the 60 countries' lists took a fifth of each write, measured
    with GRAPH.PROFILE on the same ratio of hub lists to rows at 10^5.) A chunk of 200,000
    rows is one query of about 30 MB, which took the engine about 60 MB more at its peak
    than chunks of 50,000 at 10^5."""
    chunk: list[Pending] = []
    size = 0
    target = rows
    done = 0
    for item in pending:
        weight = item.weight
        if chunk and size + weight > target:
            yield chunk
            done += size
            target = max(rows, min(most, done // 4))
            chunk, size = [], 0
        chunk.append(item)
        size += weight
    if chunk:
        yield chunk


def _batches(items: list[Any], size: int = LOOKUP_ROWS) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch_names(store: Store, chunk: list[Pending], known: Known, before: Known | None = None) -> None:
    """The graph's answer for every name the chunk's shared entities go by. Names the chunk
    `before` settled (found or gave) are taken from it: it may still be being written."""
    if before is not None:
        known.names = {label: dict(names) for label, names in before.names.items()}
    wanted: dict[str, set[str]] = defaultdict(set)
    for item in chunk:
        for label, key in item.wanted:
            wanted[label].add(key)
    for label, keys in sorted(wanted.items()):
        settled = known.names.get(label, {})
        for batch in _batches(sorted(k for k in keys if k not in settled)):
            known.names.setdefault(label, {}).update(store.find_by_keys(label, batch))


def fetch_existing(
    store: Store, schema: Schema, plans: list[Plan], known: Known, before: Known | None = None
) -> None:
    """Scalar properties of every node the plans mention that the graph holds, and the
    properties of every relationship between two such nodes. What the chunk `before`
    wrote is taken from it: it may still be being written, and it holds them all."""
    ids_by_label: dict[str, set[str]] = defaultdict(set)
    for plan in plans:
        for node in plan.nodes.values():
            if before is not None and node.id in before.nodes:
                _carry(node.id, before.nodes, known.nodes, known.in_graph)
            else:
                ids_by_label[node.label].add(node.id)
    for label, ids in sorted(ids_by_label.items()):
        query = splice(cypher("read/node_scalars.cypher"), schema, labels={"LABEL": label})
        for batch in _batches(sorted(ids)):
            for row in store.read(query, {"ids": batch, "lists": SET_PROPERTIES}):
                known.in_graph.add(row["id"])
                known.nodes[row["id"]] = dict(row["props"])
    rows_by_type: dict[tuple[str, str, str], dict[str, dict[str, str]]] = defaultdict(dict)
    for plan in plans:
        for edge in plan.edges.values():
            if before is not None and edge.id in before.edges:
                _carry(edge.id, before.edges, known.edges, known.in_graph)
            # A relationship that touches a node new to the graph is new too.
            elif edge.source in known.in_graph and edge.target in known.in_graph:
                rows_by_type[(edge.type, edge.source_label, edge.target_label)][edge.id] = {
                    "id": edge.id,
                    "src": edge.source,
                    "dst": edge.target,
                }
    for (rel_type, source, target), rows in sorted(rows_by_type.items()):
        query = splice(
            cypher("write/edge_scalars.cypher"),
            schema,
            labels={"FROM": source, "TO": target},
            types={"TYPE": rel_type},
        )
        for batch in _batches(list(rows.values())):
            for row in store.read(query, {"rows": batch, "lists": SET_PROPERTIES}):
                known.in_graph.add(row["id"])
                known.edges[row["id"]] = dict(row["props"])


def _carry(
    item: str, before: dict[str, dict[str, Any]], now: dict[str, dict[str, Any]], in_graph: set[str]
) -> None:
    """A value the chunk before settled, as a look-up in the graph would give it once
    written: without the lists a look-up leaves out."""
    in_graph.add(item)
    now[item] = {key: value for key, value in before[item].items() if key not in SET_PROPERTIES}


def merge_plans(plans: list[Plan], in_graph: set[str]) -> Plan:
    """One plan with what each of `plans` writes, as if they were written in order.

    A node or relationship only one plan mentions (most of them) is taken as it is; one a
    later plan mentions again is copied before that plan's mention is folded in, so the
    plans themselves stay as they were (a failed write falls back to writing them one by
    one)."""
    merged = Plan(dossier=", ".join(p.dossier for p in plans))
    # What each copied node's or relationship's lists hold (graph.plan.add_new).
    copied_nodes: dict[str, Seen] = {}
    copied_edges: dict[str, Seen] = {}
    for plan in plans:
        for node in plan.nodes.values():
            have = merged.nodes.get(node.id)
            if have is None:
                merged.nodes[node.id] = node
                continue
            seen = copied_nodes.get(node.id)
            if seen is None:
                seen = copied_nodes[node.id] = {}
                have = merged.nodes[node.id] = have.copy()
            have.absorb(node, keys=union([fold(node.name)], node.keys), seen=seen)
        for edge in plan.edges.values():
            found = merged.edges.get(edge.id)
            if found is None:
                merged.edges[edge.id] = edge
                continue
            seen = copied_edges.get(edge.id)
            if seen is None:
                seen = copied_edges[edge.id] = {}
                found = merged.edges[edge.id] = found.copy()
            found.absorb(edge, seen=seen)
    merged.new_nodes = {i for i in merged.nodes if i not in in_graph}
    merged.new_edges = {i for i in merged.edges if i not in in_graph}
    # Every source a dossier cites is a Source node of its plan, and every dossier has its
    # Operation node: so when this write creates that node, no list in the graph can hold
    # its id yet (a concurrent writer's duplicate fails on the unique constraint).
    merged.fresh_provenance = {i for i in merged.new_nodes if merged.nodes[i].label == "Source"}
    merged.fresh_provenance.update(
        p.dossier for p in plans if node_id("operation", p.dossier) in merged.new_nodes
    )
    return merged


@dataclass
class Prepared:
    """A chunk ready to write: its plans, merged into one, and its write (the query
    already built)."""

    planned: Planned
    merged: Plan
    write: Callable[[], None]

    def new_ids(self) -> set[str]:
        return self.merged.new_nodes | self.merged.new_edges

    def written(self) -> list[tuple[str, Plan]]:
        return [(item.name, plan) for item, plan in zip(self.planned.chunk, self.planned.plans, strict=True)]


def load_chunked(
    store: Store,
    schema: Schema,
    dossiers: Sequence[Pending],
    *,
    rows: int = CHUNK_ROWS,
    on_written: Callable[[str, Plan], None] | None = None,
    drafts: dict[str, Plan] | None = None,
) -> list[tuple[str, int, int]]:
    """Resolve and write `dossiers` in file order, chunk by chunk; (name, nodes,
    relationships) of each plan, in order (the plans themselves are let go once written).
    `drafts` (by name, taken from the dict) are plans already resolved for validation,
    used where the graph's names would not change them.

    While the engine writes a chunk, the next one is made ready: its values checked, its
    plans merged, its query built (the engine's writes were 5.7 s of a 10 s write phase at
    10^5, this process waiting). Reads wait for a running write in FalkorDB, so the next
    chunk reads the graph just before the write starts: what it needs to know of the chunk
    about to be written comes from that chunk's own `Known`, the rest from the graph, which
    that write does not change. If the write fails, the next chunk is planned again from
    the graph as it then is."""
    drafts = {} if drafts is None else drafts
    done: list[tuple[str, int, int]] = []
    # Nodes and relationships this load created (or is creating: taken back if the write
    # fails): their provenance lists hold only what this load wrote, so an id no earlier
    # chunk could have written is appended to them without a look.
    created: set[str] = set()
    with ThreadPoolExecutor(1, thread_name_prefix="piracy-graph-write") as writer:
        waiting: Prepared | None = None  # ready, not written yet
        for chunk in chunks(dossiers, rows):
            # No write is running here: the graph holds every chunk before `waiting`.
            planned = _plan(store, schema, chunk, drafts, waiting.planned.known if waiting else None)
            if waiting is None:
                waiting = _ready(store, planned, created)
                continue
            write = _start(writer, waiting, created)
            ready = _ready(store, planned, created)  # while the engine writes
            if not _finish(store, schema, waiting, write, created, done, on_written):
                ready = _ready(store, _plan(store, schema, chunk, {}, None), created)
            waiting = ready
        if waiting is not None:
            _finish(store, schema, waiting, _start(writer, waiting, created), created, done, on_written)
    return done


def _start(writer: ThreadPoolExecutor, prepared: Prepared, created: set[str]) -> Future[None]:
    """The chunk's write, started; what it creates counts as created from now on (the next
    chunk's query is built while it runs), and is taken back if it fails (_finish)."""
    write = writer.submit(prepared.write)
    created.update(prepared.new_ids())
    return write


def _finish(
    store: Store,
    schema: Schema,
    prepared: Prepared,
    write: Future[None],
    created: set[str],
    done: list[tuple[str, int, int]],
    on_written: Callable[[str, Plan], None] | None,
) -> bool:
    """Wait for a chunk's write; True if it went as prepared. If not, its dossiers are
    written another way, or the error is raised."""
    as_prepared = True
    chunk = prepared.planned.chunk
    try:
        write.result()
        written = prepared.written()
    except EngineUnavailable:
        # The store restarts an embedded engine that died; a chunk is written whole or
        # not at all and writing it again is idempotent, so one more try is safe.
        log.warning("engine lost while loading %s...; retrying once", chunk[0].name)
        created.difference_update(prepared.new_ids())
        again = _ready(store, _plan(store, schema, chunk, {}, None), created)
        again.write()
        created.update(again.new_ids())
        written, as_prepared = again.written(), False
    except PiracyGraphError as exc:
        created.difference_update(prepared.new_ids())
        log.warning("the write of %d dossier(s) failed (%s); merging them one by one", len(chunk), exc)
        written, as_prepared = prepared.written(), False
        for _, plan in written:
            plan.new_nodes, plan.new_edges = set(), set()
            store.write_plan(plan)  # raises for the dossier at fault, after those before it
    for name, plan in written:
        done.append((name, len(plan.nodes), len(plan.edges)))
        if on_written:
            on_written(name, plan)
    return as_prepared


@dataclass
class Planned:
    """A chunk's plans, resolved, and what the graph holds of what they mention."""

    chunk: list[Pending]
    plans: list[Plan]
    known: Known


def _plan(
    store: Store,
    schema: Schema,
    chunk: list[Pending],
    drafts: dict[str, Plan],
    before: Known | None,
) -> Planned:
    """The chunk's plans against the graph as it will be once `before` (the chunk about to
    be written, if any) is written: every read of the graph a chunk makes."""
    known = Known()
    fetch_names(store, chunk, known, before)
    plans = []
    for item in chunk:
        # The names the graph held before the chunk, and those its earlier dossiers bring.
        draft = drafts.pop(item.name, None)  # taken: a chunk planned again resolves afresh
        if draft is not None and still_valid(draft, known.lookup):
            plans.append(draft)
        else:
            plans.append(build_plan(item.restore(), schema, known.lookup, item.name))
        known.add_names(plans[-1])
    fetch_existing(store, schema, plans, known, before)
    return Planned(chunk, plans, known)


def _ready(store: Store, planned: Planned, created: set[str]) -> Prepared:
    """The chunk's plans pruned of known values, merged, and its query built: no engine."""
    known = planned.known
    for item, plan in zip(planned.chunk, planned.plans, strict=True):
        for conflict in apply_known(plan, known.nodes, known.edges):
            log.info("%s: %s", item.name, conflict)
        known.add_values(plan)
    merged = merge_plans(planned.plans, known.in_graph)
    merged.fresh_owners = created  # with what the chunk before is creating
    return Prepared(planned, merged, store.prepare_write(merged))
