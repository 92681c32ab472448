"""The one way into the graph: plans of statements -> the changes they make -> one write.

Every loader (a folder, an upload, a STIX bundle) turns its input into dossier plans
(loaders/resolve.py); this module writes them. A dossier's statements replace the ones
it made before, if it was loaded before, and unloading a dossier removes them. Each node
or relationship touched is then derived anew from the statements it holds
(graph/model/statements.py), created, set anew or, with no statement left, deleted: the graph is
the same whatever order its dossiers arrived in.

Dossiers go in chunks of about `CHUNK_ROWS` nodes and relationships, each written by one
all-or-nothing write. A dossier is never split between chunks; when a chunk's write fails,
its dossiers are written one by one, so the error names the dossier at fault and the
dossiers before it are loaded.

A node that the plans of several chunks name (a country, an agency many operations
share: a "hub") holds statements from every dossier that names it. Rewriting them in
every chunk would make a load grow faster than its data, so a chunk only creates a hub
the graph lacks, and one last write (`settle`) derives each hub from all its statements
once. Until then the written dossiers' records carry no fingerprint: a load cut off
before that write is done again in full by the next one, which settles the hubs.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, partial
from pathlib import Path
from typing import Any, TypeVar

from graph.cypher_text import cypher, splice
from graph.errors import EngineUnavailable, NotFound, PiracyGraphError
from graph.model.ids import fold
from graph.model.plan import (
    RECORD_FORMAT,
    Changes,
    DossierRecord,
    EdgeRow,
    NodeRow,
    Plan,
    PlannedEdge,
    PlannedNode,
)
from graph.model.schema import ENTITY_LABEL, Schema
from graph.model.statements import Statement, decode, derive, merge_duplicates, name_keys, weakest_confidence
from graph.resources import schema_file
from graph.store.base import Reader, Store, WriteSession
from loaders.judgements import judgements_file
from loaders.resolve import gazetteer

log = logging.getLogger(__name__)

_Row = TypeVar("_Row", NodeRow, EdgeRow)

CHUNK_ROWS = 20_000  # nodes + relationships in the first writes
MAX_CHUNK_ROWS = 200_000  # what later writes grow to (see chunks())
LOOKUP_ROWS = 5_000  # ids per read
SETTLE_STATEMENTS = 100_000  # statements of a load about its hubs, per settling write


@dataclass(frozen=True)
class Written:
    dossier: str
    nodes: int
    edges: int


def chunks(plans: Sequence[Plan], rows: int = CHUNK_ROWS, most: int | None = None) -> Iterator[list[Plan]]:
    """Consecutive plans of about `rows` nodes and relationships, a plan never split.
    Later chunks grow to a quarter of what the chunks before them held, up to `most`,
    which keeps one write's query well under the engine's request size limit."""
    most = most or MAX_CHUNK_ROWS
    chunk: list[Plan] = []
    size = 0
    target = rows
    done = 0
    for plan in plans:
        weight = len(plan.nodes) + len(plan.edges)
        if chunk and size + weight > target:
            yield chunk
            done += size
            target = max(rows, min(most, done // 4))
            chunk, size = [], 0
        chunk.append(plan)
        size += weight
    if chunk:
        yield chunk


def merge_plans(plans: list[Plan]) -> Plan:
    """The statements of several dossiers' plans, by node and relationship."""
    merged = Plan(dossiers=[d for plan in plans for d in plan.dossiers])
    for plan in plans:
        merged.fingerprints.update(plan.fingerprints)
        merged.files.update(plan.files)
        merged.adding |= plan.adding
        for node in plan.nodes.values():
            have = merged.nodes.get(node.id)
            if have is None:
                merged.nodes[node.id] = PlannedNode(node.label, node.id, list(node.statements))
            else:
                have.statements.extend(node.statements)
        for edge in plan.edges.values():
            found = merged.edges.get(edge.id)
            if found is None:
                merged.edges[edge.id] = edge.with_statements(list(edge.statements))
            else:
                found.statements.extend(edge.statements)
    return merged


def hubs_of(batches: Sequence[list[Plan]]) -> dict[str, str]:
    """Node id -> label of the nodes that the plans of more than one chunk name."""
    seen: dict[str, int] = {}
    hubs: dict[str, str] = {}
    for number, chunk in enumerate(batches):
        for plan in chunk:
            for node in plan.nodes.values():
                first = seen.setdefault(node.id, number)
                if first != number:
                    hubs[node.id] = node.label
    return hubs


@dataclass
class Hubs:
    """The hubs of one load, and the plans written so far, whose statements about them
    the last write (`settle`) puts in place."""

    labels: dict[str, str]
    written: list[Plan] = field(default_factory=list)

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(self.labels)

    def settling(self, schema: Schema) -> list[Callable[[Reader], Changes]]:
        """The writes that derive every hub from its statements: those the graph holds of
        other dossiers, and those of the written plans. One write per group of hubs whose
        statements from this load stay under `SETTLE_STATEMENTS` (a 10^6 load settled in
        one write outgrew Neo4j's transaction memory). The last write also seals the
        written dossiers' records with their fingerprints and files, which the chunks
        left empty: a load cut off before it is done again in full by the next one."""
        replaced: set[str] = set()
        planned: dict[str, PlannedNode] = {}
        for plan in self.written:
            replaced |= _replaced(plan, set())
            for nid in self.labels.keys() & plan.nodes.keys():
                node = planned.setdefault(nid, PlannedNode(self.labels[nid], nid))
                node.statements.extend(plan.nodes[nid].statements)
        seals = {
            d: (plan.fingerprints[d], plan.files.get(d, ""))
            for plan in self.written
            for d in plan.dossiers
            if d in plan.fingerprints and d not in plan.adding
        }
        groups = list(
            bounded_groups(
                sorted(self.labels),
                lambda nid: len(planned[nid].statements) if nid in planned else 1,
                SETTLE_STATEMENTS,
            )
        )

        def settle(group: list[str], sealing: dict[str, tuple[str, str]], reader: Reader) -> Changes:
            shapes = Plan(dossiers=[], nodes={nid: PlannedNode(self.labels[nid], nid) for nid in group})
            held = Held(_held_nodes(reader, schema, shapes), {}, {})
            ours = Plan(dossiers=[], nodes={nid: planned[nid] for nid in group if nid in planned})
            changes, _ = decide(schema, ours, replaced, held)
            changes.what = f"{len(group)} of the {len(self.labels)} nodes shared by the chunks of this load"
            changes.seals = sealing
            return changes

        last = len(groups) - 1
        return [partial(settle, group, seals if n == last else {}) for n, group in enumerate(groups)]


def bounded_groups(items: Sequence[str], weight: Callable[[str], int], most: int) -> Iterator[list[str]]:
    """Consecutive items in groups that weigh at most `most`, or one item alone if it
    weighs more."""
    group: list[str] = []
    size = 0
    for item in items:
        w = weight(item)
        if group and size + w > most:
            yield group
            group, size = [], 0
        group.append(item)
        size += w
    if group:
        yield group


def write_plans(
    store: Store,
    schema: Schema,
    plans: Sequence[Plan],
    *,
    rows: int | None = None,
    on_written: Callable[[Plan], None] | None = None,
) -> list[Written]:
    """Write the plans' statements, chunk by chunk, in order; each dossier all-or-nothing."""
    done: list[Written] = []

    def written(chunk: list[Plan]) -> None:
        for plan in chunk:
            done.append(Written(plan.dossier, len(plan.nodes), len(plan.edges)))
            if on_written:
                on_written(plan)

    # A dossier loaded before with the same statements is in the graph as it would be
    # written: loading a folder again writes only the dossiers that changed.
    unchanged = _unchanged(store, plans)
    written([plan for plan in plans if id(plan) in unchanged])
    plans = [plan for plan in plans if id(plan) not in unchanged]
    batches = list(chunks(plans, rows or CHUNK_ROWS))
    hubs = Hubs(hubs_of(batches))
    pipelined = store.pipelined_writes()
    if pipelined is None:

        def write(plan: Plan) -> None:
            store.write_locked(lambda reader: work_out_changes(reader, schema, plan, set(), hubs.ids))
            hubs.written.append(plan)

        def settle() -> None:
            for work in hubs.settling(schema):
                store.write_locked(work)

        with _settled_at_the_end(hubs, settle):
            for chunk in batches:
                _write_chunk(chunk, write)
                written(chunk)
        return done
    with pipelined as session, ThreadPoolExecutor(1, thread_name_prefix="piracy-graph-write") as writer:

        def settle_in_session() -> None:
            for work in hubs.settling(schema):
                session.prepare(work(session))()

        with _settled_at_the_end(hubs, settle_in_session):
            _write_pipelined(session, writer, schema, iter(batches), written, hubs)
    return done


@contextmanager
def _settled_at_the_end(hubs: Hubs, settle: Callable[[], object]) -> Iterator[None]:
    """Settle the hubs after the chunks, and after a chunk that failed too: the dossiers
    written before it stay loaded, with their statements about the hubs."""
    if not hubs.labels:
        yield
        return
    try:
        yield
    except BaseException:
        if hubs.written:
            try:
                settle()
            except PiracyGraphError as exc:  # the next load of those dossiers settles them
                log.warning("the shared nodes of an interrupted load were not settled: %s", exc)
        raise
    if hubs.written:
        settle()


def _unchanged(store: Store, plans: Sequence[Plan]) -> set[int]:
    """The plans (by id()) whose every dossier is loaded with these very statements."""
    records = loaded_dossiers(store, [d for plan in plans for d in plan.dossiers])
    return {
        id(plan)
        for plan in plans
        if plan.fingerprints
        and all(d in records and records[d].fingerprint == f for d, f in plan.fingerprints.items())
    }


def _write_chunk(chunk: list[Plan], write: Callable[[Plan], object]) -> None:
    """Write a chunk's plans as one; if that fails, dossier by dossier, so that the error
    names the dossier at fault and those before it are written."""
    try:
        write(merge_plans(chunk))
    except EngineUnavailable:
        # The store restarts an embedded engine that died; the write is all-or-nothing
        # and the changes are worked out again from the graph: one more try is safe.
        log.warning("engine lost while loading %s...; retrying once", chunk[0].dossier)
        write(merge_plans(chunk))
    except PiracyGraphError as exc:
        if len(chunk) == 1:
            raise
        log.warning("the write of %d dossiers failed (%s); writing them one by one", len(chunk), exc)
        for plan in chunk:
            write(plan)  # raises for the dossier at fault


def _write_pipelined(
    session: WriteSession,
    writer: ThreadPoolExecutor,
    schema: Schema,
    chunks_of_plans: Iterator[list[Plan]],
    written: Callable[[list[Plan]], None],
    hubs: Hubs,
) -> None:
    """While the engine writes one chunk, the next one's changes are worked out: they are
    read from the graph before that write starts, with what the write leaves taken from
    memory (`Overlay`), and derived while it runs. A failed write is done again the
    sequential way, and the next chunk worked out again from the graph."""

    shared = hubs.ids

    def sequential(plan: Plan) -> None:
        held = read_held(session, schema, plan, set(), Overlay(), shared)
        session.prepare(decide(schema, plan, set(), held, shared)[0])()
        hubs.written.append(plan)

    def finished(chunk: list[Plan], merged: Plan) -> None:
        hubs.written.append(merged)
        written(chunk)

    waiting: tuple[list[Plan], Plan, Changes, Overlay] | None = None
    for chunk in chunks_of_plans:
        merged = merge_plans(chunk)
        held = read_held(session, schema, merged, set(), waiting[3] if waiting else Overlay(), shared)
        if waiting is None:
            waiting = (chunk, merged, *decide(schema, merged, set(), held, shared))
            continue
        running = writer.submit(session.prepare(waiting[2]))
        upcoming = decide(schema, merged, set(), held, shared)
        try:
            running.result()
        except PiracyGraphError:
            _write_chunk(waiting[0], sequential)
            written(waiting[0])
            held = read_held(session, schema, merged, set(), Overlay(), shared)
            upcoming = decide(schema, merged, set(), held, shared)
        else:
            finished(waiting[0], waiting[1])
        waiting = (chunk, merged, *upcoming)
    if waiting is not None:
        try:
            session.prepare(waiting[2])()
        except PiracyGraphError:
            _write_chunk(waiting[0], sequential)
            written(waiting[0])
        else:
            finished(waiting[0], waiting[1])


def unload(store: Store, schema: Schema, dossier: str) -> Changes:
    """Remove every statement of `dossier`, and what only it supported; all-or-nothing.
    The changes made are returned."""

    def work(reader: Reader) -> Changes:
        changes = work_out_changes(reader, schema, Plan(dossiers=[]), {dossier})
        if changes.empty():
            raise NotFound(f"no dossier {dossier!r} is loaded")
        return changes

    return store.write_locked(work)


@cache
def loader_version() -> str:
    """A digest of everything that decides which statements a file becomes: the schema,
    the reviewed names, and the code of the format, resolution and statements."""
    here = Path(__file__).resolve().parent
    parts = [
        here / "dossier.py",
        here / "resolve.py",
        here / "gazetteer.yaml",
        judgements_file(),
        here / "judgements.py",
        here / "measures.py",
        here / "yamlio.py",
        here / "hostile.py",
        schema_file(),
        here.parent / "graph" / "model" / "statements.py",
        here.parent / "graph" / "model" / "countries.py",
        here.parent / "graph" / "model" / "ids.py",
    ]
    hasher = hashlib.sha256(RECORD_FORMAT)  # a file recorded otherwise is read again
    for path in parts:
        hasher.update(path.read_bytes())
    return hasher.hexdigest()[:16]


def files_loaded(store: Reader, sha256s: list[str]) -> dict[str, tuple[str, DossierRecord]]:
    """File sha256 -> (dossier id, record) for files the graph holds as the current loader
    read them."""
    found: dict[str, tuple[str, DossierRecord]] = {}
    version = loader_version()
    for batch in _batches(sha256s):
        for row in store.read(cypher("read/dossier_files.cypher", store.dialect), {"sha256s": batch}):
            if row["loader"] == version:
                record = DossierRecord(
                    list(row["nodes"] or []), list(row["edges"] or []), "", row["sha"], version
                )
                found[row["sha"]] = (row["id"], record)
    return found


def loaded_dossiers(store: Reader, dossiers: list[str]) -> dict[str, DossierRecord]:
    """The records of those of `dossiers` the graph holds: (node ids, relationship ids)
    each made statements about."""
    records: dict[str, DossierRecord] = {}
    for batch in _batches(dossiers):
        for row in store.read(cypher("read/dossier_records.cypher", store.dialect), {"ids": batch}):
            records[row["id"]] = DossierRecord(
                list(row["nodes"] or []),
                list(row["edges"] or []),
                row["fingerprint"] or "",
                row["file_sha256"] or "",
                row["loader"] or "",
                list(row["low"] or []),
            )
    return records


# -- what changes ------------------------------------------------------------------------


@dataclass
class _HeldNode:
    """A node the graph holds: its statements, and the names of its properties."""

    statements: list[Statement]
    row: NodeRow


@dataclass
class _HeldEdge:
    statements: list[Statement]
    row: EdgeRow


@dataclass
class Held:
    """What the graph holds of what a write touches."""

    nodes: dict[str, _HeldNode]
    edges: dict[str, _HeldEdge]
    records: dict[str, DossierRecord]


@dataclass
class Overlay:
    """What a write under way leaves, by id (None: deleted), for the next chunk's changes
    to be worked out before that write is done."""

    nodes: dict[str, _HeldNode | None] = field(default_factory=dict)
    edges: dict[str, _HeldEdge | None] = field(default_factory=dict)


def work_out_changes(
    store: Reader, schema: Schema, plan: Plan, removing: set[str], hubs: frozenset[str] = frozenset()
) -> Changes:
    """What writing `plan` does to the graph: the statements of `plan.dossiers` and of
    `removing` that the graph holds are replaced by the plan's (but for `hubs`)."""
    return decide(schema, plan, removing, read_held(store, schema, plan, removing, Overlay(), hubs), hubs)[0]


def read_held(
    store: Reader,
    schema: Schema,
    plan: Plan,
    removing: set[str],
    overlay: Overlay,
    hubs: frozenset[str] = frozenset(),
) -> Held:
    """Every node and relationship the plan mentions, or that the dossiers it replaces
    and `removing` made statements about, as the graph holds them (or as `overlay` says
    the write under way leaves them). Of `hubs`, whether the graph holds them, not their
    statements: the chunks of a load leave those to its last write."""
    records = loaded_dossiers(store, sorted(set(plan.dossiers) | removing))
    # A dossier the plan adds to keeps what it holds: only its record is needed, not
    # every node and relationship it made statements about.
    replaced = _replaced(plan, removing)
    shapes = _with_recorded(schema, plan, {d: r for d, r in records.items() if d in replaced})
    nodes = _held_nodes(store, schema, shapes, skip=overlay.nodes.keys(), bare=hubs)
    nodes.update(
        {nid: held for nid, held in overlay.nodes.items() if held is not None and nid in shapes.nodes}
    )
    edges = _held_edges(store, schema, shapes, nodes, skip=overlay.edges.keys())
    edges.update(
        {eid: held for eid, held in overlay.edges.items() if held is not None and eid in shapes.edges}
    )
    unrecorded = sorted(removing - records.keys())
    if unrecorded:  # a graph copied without its records, or a bundle loaded before them
        _held_by_dossiers(store, schema, unrecorded, nodes, edges)
    return Held(nodes, edges, records)


def decide(
    schema: Schema, plan: Plan, removing: set[str], held: Held, hubs: frozenset[str] = frozenset()
) -> tuple[Changes, Overlay]:
    """The changes that replace, in what `held` holds, the statements of `plan.dossiers`
    and `removing` by the plan's; and what they leave. Of `hubs`, only those the graph
    lacks are written (created with the plan's statements), and the records keep no
    fingerprint until the load's last write settles the hubs. Reads nothing."""
    replaced = _replaced(plan, removing)
    changes = Changes(what=plan.dossier or ", ".join(sorted(removing)))
    changes.records = _touched(plan, held.records)
    if hubs:
        changes.records = {d: replace(r, fingerprint="", file_sha256="") for d, r in changes.records.items()}
    changes.forget = sorted(removing & held.records.keys())
    after = Overlay()
    for nid in sorted(held.nodes.keys() | plan.nodes.keys()):
        if nid in hubs and nid in held.nodes:
            continue
        planned, was = plan.nodes.get(nid), held.nodes.get(nid)
        before = was.statements if was else []
        statements = _kept(before, replaced, planned.statements if planned else [])
        step = _step(was is not None, planned is not None, statements, before)
        if step == "create" and planned is not None:
            row = node_row(schema, planned.label, nid, statements)
        elif step == "update" and was is not None:
            row = _replacing(node_row(schema, was.row.label, nid, statements), was.row)
        elif step == "delete" and was is not None:
            row = was.row
        else:
            continue
        getattr(changes, f"{step}_nodes").append(row)
        after.nodes[nid] = None if step == "delete" else _HeldNode(statements, row)
    for eid in sorted(held.edges.keys() | plan.edges.keys()):
        edge, was_edge = plan.edges.get(eid), held.edges.get(eid)
        before = was_edge.statements if was_edge else []
        statements = _kept(before, replaced, edge.statements if edge else [])
        step = _step(was_edge is not None, edge is not None, statements, before)
        if step == "create" and edge is not None:
            edge_out = edge_row(edge, statements)
        elif step == "update" and was_edge is not None:
            edge_out = _replacing(edge_row(was_edge.row, statements), was_edge.row)
        elif step == "delete" and was_edge is not None:
            edge_out = was_edge.row
        else:
            continue
        getattr(changes, f"{step}_edges").append(edge_out)
        after.edges[eid] = None if step == "delete" else _HeldEdge(statements, edge_out)
    return changes, after


def _replaced(plan: Plan, removing: set[str]) -> set[str]:
    """The dossiers whose statements the write puts in place of those the graph holds."""
    return (set(plan.dossiers) - plan.adding) | removing


def _step(held: bool, planned: bool, statements: list[Statement], before: list[Statement]) -> str:
    """What a write does to one node or relationship: create, update, delete or nothing."""
    if not held:
        return "create" if planned else ""
    if not statements:
        return "delete"
    if len(statements) != len(before):
        return "update"
    return "update" if any(a.text != b.text for a, b in zip(statements, before, strict=True)) else ""


def _touched(plan: Plan, held: dict[str, DossierRecord]) -> dict[str, DossierRecord]:
    """Dossier id -> the nodes and relationships of `plan` it states something about; for
    a dossier the plan adds to, those it held before as well, with no fingerprint nor
    file (what it holds now is no single plan's: loading its file again replaces it)."""
    nodes: dict[str, set[str]] = defaultdict(set)
    edges: dict[str, set[str]] = defaultdict(set)
    low: dict[str, set[str]] = defaultdict(set)
    for items, about in ((plan.nodes.values(), nodes), (plan.edges.values(), edges)):
        for item in items:
            for statement in item.statements:
                about[statement.dossier].add(item.id)
                if statement.confidence == "low":
                    low[statement.dossier].add(item.id)
    records = {}
    for d in plan.dossiers:
        fingerprint, file = plan.fingerprints.get(d, ""), plan.files.get(d, "")
        if d in plan.adding and d in held:
            nodes[d] |= set(held[d].nodes)
            edges[d] |= set(held[d].edges)
            low[d] |= set(held[d].low)
            fingerprint, file = "", ""
        records[d] = DossierRecord(
            sorted(nodes[d]), sorted(edges[d]), fingerprint, file, loader_version(), sorted(low[d])
        )
    return records


def _kept(held: list[Statement], replaced: set[str], planned: list[Statement]) -> list[Statement]:
    if not held:
        return merge_duplicates(planned)
    return merge_duplicates([s for s in held if s.dossier not in replaced] + planned)


def _replacing(row: _Row, before: NodeRow | EdgeRow) -> _Row:
    """`row` with a None for every property `before` had that it has not: a store sets
    every property of the row, so those are removed."""
    for key in before.props:
        row.props.setdefault(key, None)
    return row


def node_row(schema: Schema, label: str, nid: str, statements: list[Statement]) -> NodeRow:
    derived = derive(statements)
    keys = name_keys(label, derived)
    spec = schema.labels[label]
    if spec.shared_by_name and derived.name:
        keys = sorted(set(keys) | set(_gazetteer_keys(label, derived.name)))
    props: dict[str, Any] = dict(derived.props)
    if spec.one_fact:  # one reported fact: the weakest confidence it was given
        props["confidence"] = weakest_confidence(statements)
    props.update(
        {
            "id": nid,
            "name": derived.name if derived.name is not None else nid,
            "aliases": derived.aliases,
            "keys": keys,
            "search": "".join(" " + key for key in keys),
            "sources": derived.sources,
            "dossiers": derived.dossiers,
            "statements": derived.statements,
            "alternatives": derived.alternatives or None,
        }
    )
    return NodeRow(label, nid, {k: v for k, v in props.items() if v is not None})


def edge_row(edge: PlannedEdge | EdgeRow, statements: list[Statement]) -> EdgeRow:
    derived = derive(statements)
    props: dict[str, Any] = dict(derived.props)
    props.update(
        {
            "id": edge.id,
            "sources": derived.sources,
            "dossiers": derived.dossiers,
            "statements": derived.statements,
            "alternatives": derived.alternatives or None,
        }
    )
    return EdgeRow(edge.type, edge.id, edge.source, edge.source_label, edge.target, edge.target_label, props)


@cache
def _gazetteer_aliases() -> dict[tuple[str, str], tuple[str, ...]]:
    index: dict[tuple[str, str], tuple[str, ...]] = {}
    for label, names in gazetteer().items():
        for canonical, aliases in names.values():
            index[(label, canonical)] = (canonical, *aliases)
    return index


def _gazetteer_keys(label: str, name: str) -> list[str]:
    """Search keys for the reviewed aliases of a shared entity's name."""
    return [fold(alias) for alias in _gazetteer_aliases().get((label, name), ())]


# -- what the graph holds ----------------------------------------------------------------


def _batches(items: list[Any], size: int = LOOKUP_ROWS) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _decoded(texts: list[str] | None) -> list[Statement]:
    return [decode(text) for text in texts or []]


def _held_nodes(
    store: Reader, schema: Schema, plan: Plan, skip: Collection[str] = (), bare: Collection[str] = ()
) -> dict[str, _HeldNode]:
    """The plan's nodes the graph holds, but for `skip`; those in `bare` without their
    statements."""
    ids_by_label: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for node in plan.nodes.values():
        if node.id not in skip:
            ids_by_label[(node.label, node.id in bare)].append(node.id)
    held: dict[str, _HeldNode] = {}
    for (label, without_statements), ids in sorted(ids_by_label.items()):
        template = "read/node_keys.cypher" if without_statements else "read/node_statements.cypher"
        query = splice(cypher(template, store.dialect), schema, labels={"LABEL": label})
        for batch in _batches(sorted(ids)):
            for row in store.read(query, {"ids": batch}):
                held[row["id"]] = _HeldNode(
                    _decoded(row.get("statements")), NodeRow(label, row["id"], dict.fromkeys(row["keys"]))
                )
    return held


def _held_edges(
    store: Reader, schema: Schema, plan: Plan, nodes: dict[str, _HeldNode], skip: Collection[str] = ()
) -> dict[str, _HeldEdge]:
    """The plan's relationships the graph holds: only those between two nodes it holds."""
    rows_by_type: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for edge in plan.edges.values():
        if edge.source in nodes and edge.target in nodes and edge.id not in skip:
            rows_by_type[(edge.type, edge.source_label, edge.target_label)].append(
                {"id": edge.id, "src": edge.source, "dst": edge.target}
            )
    held: dict[str, _HeldEdge] = {}
    for (rel_type, source, target), rows in sorted(rows_by_type.items()):
        query = splice(
            cypher("read/edge_statements.cypher", store.dialect),
            schema,
            labels={"FROM": source, "TO": target},
            types={"TYPE": rel_type},
        )
        for batch in _batches(rows):
            for row in store.read(query, {"rows": batch}):
                edge = plan.edges[row["id"]]
                held[row["id"]] = _HeldEdge(
                    _decoded(row["statements"]),
                    EdgeRow(
                        rel_type,
                        edge.id,
                        edge.source,
                        source,
                        edge.target,
                        target,
                        dict.fromkeys(row["keys"]),
                    ),
                )
    return held


def _with_recorded(schema: Schema, plan: Plan, records: dict[str, DossierRecord]) -> Plan:
    """The plan's nodes and relationships, and those the recorded dossiers made statements
    about (write/record_dossiers.cypher), as shapes to read."""
    if not records:
        return plan
    shapes = Plan(dossiers=[], nodes=dict(plan.nodes), edges=dict(plan.edges))
    for record in records.values():
        for nid in record.nodes:
            label = schema.label_of_id(nid)
            if nid not in shapes.nodes and label is not None:
                shapes.nodes[nid] = PlannedNode(label, nid)
        for eid in record.edges:
            # An id is "source|TYPE|target", and "|key" for parallel relationships.
            source, rel_type, target = eid.split("|")[:3]
            source_label, target_label = schema.label_of_id(source), schema.label_of_id(target)
            if eid not in shapes.edges and source_label and target_label:
                shapes.edges[eid] = PlannedEdge(rel_type, eid, source, source_label, target, target_label)
    return shapes


def _schema_label(schema: Schema, labels: list[str]) -> str:
    return next(label for label in labels if label != ENTITY_LABEL and label in schema.labels)


def _held_by_dossiers(
    store: Reader,
    schema: Schema,
    dossiers: list[str],
    nodes: dict[str, _HeldNode],
    edges: dict[str, _HeldEdge],
) -> None:
    """Add every node and relationship that any of `dossiers` made statements about."""
    for row in store.read(cypher("read/nodes_of_dossiers.cypher", store.dialect), {"dossiers": dossiers}):
        if row["id"] not in nodes:
            label = _schema_label(schema, row["labels"])
            nodes[row["id"]] = _HeldNode(
                _decoded(row["statements"]), NodeRow(label, row["id"], dict.fromkeys(row["keys"]))
            )
    for row in store.read(cypher("read/edges_of_dossiers.cypher", store.dialect), {"dossiers": dossiers}):
        if row["id"] not in edges:
            edges[row["id"]] = _HeldEdge(
                _decoded(row["statements"]),
                EdgeRow(
                    row["type"],
                    row["id"],
                    row["src"],
                    _schema_label(schema, row["src_labels"]),
                    row["dst"],
                    _schema_label(schema, row["dst_labels"]),
                    dict.fromkeys(row["keys"]),
                ),
            )
