"""An in-process copy of the graph that answers neighbourhoods without asking the engine.

A neighbourhood needs four queries (the ids step by step, the nodes, the relationships
among them, the sources they cite). At 10^5 nodes the engine's own time for those alone
is over the latency we want for a click in the explorer, and the client spends as long
again reading the replies. So the API keeps a read-only copy of every node and
relationship, taken at one write generation and used only while the store is still at
that generation; after a write the copy is rebuilt in the background and the engine
answers meanwhile. Both paths produce the same answer (tests/test_snapshot.py).

The copy is compact, so that a graph of a million nodes fits beside the engine: nodes and
relationships are numbered, the structure is integer arrays (an undirected adjacency in
compressed sparse row form), and what an answer shows of each node and relationship is
kept as one JSON text in a shared buffer. The API's answers pass those texts on as they
are (`contents_json`); they are decoded only where an answer is used as dicts (views,
redaction, exports).
Values are the ones `Store.read` returns, turned into answers by the same `node_out` and
`edge_out` as the engine's, so the two cannot drift apart in shape.
"""

from __future__ import annotations

import logging
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson

from graph.cypher_text import cypher, splice
from graph.model.schema import ENTITY_LABEL, Label, Schema, get_schema
from graph.query.answer import MAX_SOURCES, edge_out, node_out
from graph.query.longlived import built_to_last
from graph.query.neighbours import DISCOVERY_CAP, JsonContents, Walk
from graph.store.base import Store
from graph.store.journal import Touched

log = logging.getLogger(__name__)

SOURCE_FIELDS = ("name", "url", "document", "publisher", "date", "language")
_EDGE_KEYS = ("id", "properties", "sources", "alternatives")  # the rest is in the arrays
# edges_among looks a node's members up instead of reading its entries when it has more
# than LOOK_UP_ABOVE relationships and LOOK_UP_FACTOR times as many as there are members.
LOOK_UP_ABOVE = 256
LOOK_UP_FACTOR = 4


@dataclass(frozen=True)
class Snapshot:
    """One write generation of the graph, as arrays. Node i is `ids[i]` (while `index`
    holds it); relationship e goes from `edge_src[e]` to `edge_dst[e]`.
    `adj_ptr[i]:adj_ptr[i + 1]` indexes node i's relationships in `adj_node` (the other
    end) and `adj_edge` (the relationship), sorted by the other end, then the relationship:
    whether a node with many relationships touches some others is a look-up, not a scan.

    What an answer shows of node i is the JSON text node_text[node_span[i, 0]:node_span[i, 1]]
    (the same for relationships). The two texts are append-only buffers that the copies
    following later writes share: a node a write changed gets a new text at the end, and
    the spans of older copies stay valid."""

    generation: int
    ids: list[str]
    index: dict[str, int]  # the nodes the copy holds: a node deleted since keeps its number
    label_sets: list[frozenset[str]]  # a node's labels, by code
    node_labels: np.ndarray  # node -> code in label_sets
    node_dates: np.ndarray  # an event's or a seizure's date, or None (objects)
    node_text: bytearray
    node_span: np.ndarray  # (nodes, 2): start and end in node_text
    types: list[str]
    edge_src: np.ndarray
    edge_dst: np.ndarray
    edge_type: np.ndarray  # code in types
    edge_start: np.ndarray  # objects: `start` or None
    edge_last: np.ndarray  # objects: `end`, else `start`, or None
    edge_text: bytearray
    edge_span: np.ndarray
    adj_ptr: np.ndarray
    adj_node: np.ndarray
    adj_edge: np.ndarray
    by_id: np.ndarray  # node numbers in id order (removed nodes too)
    rank: np.ndarray  # node -> its place in by_id
    # The sources that nodes and relationships cite, by code: `cited[c]` is the id,
    # `cite_row[c]` the row source_index gives (None while no Source node has that id),
    # `cite_rank[c]` its place in id order among those with a row (else -1).
    cited: list[str]
    cite_row: np.ndarray
    cite_rank: np.ndarray
    # The codes of what node i shows in `sources` are node_cites[node_cite_ptr[i]:node_cite_ptr[i + 1]],
    # in order (the same for relationships).
    node_cite_ptr: np.ndarray
    node_cites: np.ndarray
    edge_cite_ptr: np.ndarray
    edge_cites: np.ndarray
    _label_codes: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict, compare=False)
    _cite_order: list[np.ndarray] = field(default_factory=list, compare=False)
    _cite_json: list[np.ndarray] = field(default_factory=list, compare=False)

    @property
    def node_count(self) -> int:
        return len(self.index)

    @property
    def relationships(self) -> int:
        return len(self.edge_src)

    def node_ids(self) -> list[str]:
        return list(self.index)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.index

    def nbytes(self) -> int:
        """About how much memory the copy holds: arrays and texts exactly, Python objects
        by their own size (each distinct date once)."""
        arrays = [self.node_labels, self.node_dates, self.node_span, self.edge_src, self.edge_dst]
        arrays += [self.edge_type, self.edge_start, self.edge_last, self.edge_span]
        arrays += [
            self.adj_ptr,
            self.adj_node,
            self.adj_edge,
            self.by_id,
            self.rank,
            self.cite_row,
            self.cite_rank,
        ]
        arrays += [self.node_cite_ptr, self.node_cites, self.edge_cite_ptr, self.edge_cites]
        rows = [row for row in self.cite_row.tolist() if row is not None]
        dates = {d for column in (self.node_dates, self.edge_start, self.edge_last) for d in column.tolist()}
        return (
            sum(a.nbytes for a in arrays)
            + len(self.node_text)
            + len(self.edge_text)
            + sys.getsizeof(self.ids)
            + sum(sys.getsizeof(i) for i in self.ids)
            + sys.getsizeof(self.index)
            + sum(sys.getsizeof(d) for d in dates)
            + sys.getsizeof(self.cited)
            + sum(sys.getsizeof(c) for c in self.cited)
            + sum(sys.getsizeof(row) + sys.getsizeof(row.get("url")) for row in rows)
        )

    def degree(self, node_id: str) -> int:
        """How many relationships touch the node (0 for an id the copy does not hold)."""
        i = self.index.get(node_id)
        return 0 if i is None else int(self.adj_ptr[i + 1] - self.adj_ptr[i])

    def _codes_with(self, labels: Iterable[str]) -> np.ndarray:
        """Per label-set code: does it hold one of `labels`."""
        key = tuple(sorted(labels))
        found = self._label_codes.get(key)
        if found is None:
            wanted = set(key)
            found = np.array([bool(wanted & labels_) for labels_ in self.label_sets], dtype=bool)
            self._label_codes[key] = found
        return found

    def _around(self, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every adjacency entry of `nodes`, node by node in their order: (the other end,
        the relationship)."""
        starts = self.adj_ptr[nodes]
        at = _spread(starts, self.adj_ptr[nodes + 1] - starts)
        return self.adj_node[at], self.adj_edge[at]

    def _passing(
        self, edges: np.ndarray, filters: dict[str, Any], others: np.ndarray | None = None
    ) -> np.ndarray:
        """Which relationships pass the type and date filters of read/edges_among.cypher;
        with `others` (the end reached through each), also the label and date filters of
        that end, as read/neighbour_ids.cypher."""
        keep = np.ones(len(edges), dtype=bool)
        if filters.get("types"):
            wanted = set(filters["types"])
            type_ok = np.array([t in wanted for t in self.types], dtype=bool)
            keep &= type_ok[self.edge_type[edges]]
        if others is not None and filters.get("labels"):
            keep &= self._codes_with(filters["labels"])[self.node_labels[others]]
        since_lo, until_hi = filters.get("since_lo"), filters.get("until_hi")
        if since_lo is None and until_hi is None:
            return keep
        for at in np.flatnonzero(keep).tolist():
            edge = int(edges[at])
            if not (
                _edge_in_dates(self.edge_start[edge], self.edge_last[edge], since_lo, until_hi)
                and (others is None or _node_in_dates(self.node_dates[int(others[at])], since_lo, until_hi))
            ):
                keep[at] = False
        return keep

    # -- the reads of a neighbourhood, as graph.query.neighbours.EngineReader does them --------
    def walk(
        self, entity_id: str, depth: int, filters: dict[str, Any], limit: int, hub_labels: list[str]
    ) -> Walk:
        """As EngineReader.walk, in arrays: a step finds what passes the filters (at most
        DISCOVERY_CAP nodes, in the order of the entries), and while the limit is not
        reached its new nodes are put in id order by their rank."""
        start = self.index.get(entity_id)
        if start is None:
            return Walk([entity_id], [0], 1, False)
        level = np.full(len(self.ids), -1, dtype=np.int8)
        level[start] = 0
        frontier = np.array([start], dtype=np.int64)
        parts, reached, capped = [frontier], 1, False
        is_hub = self._codes_with(hub_labels)
        for step in range(1, depth + 1):
            if len(frontier) == 0:
                break
            others, edges = self._around(frontier)
            others = others[self._passing(edges, filters, others)]
            _, first = np.unique(others, return_index=True)
            found = others[np.sort(first)][:DISCOVERY_CAP]
            capped = capped or len(found) >= DISCOVERY_CAP
            new = found[level[found] < 0]
            if reached < limit:
                new = new[np.argsort(self.rank[new], kind="stable")]
            level[new] = step
            parts.append(new)
            reached += len(new)
            frontier = new[~is_hub[self.node_labels[new]]]
        shown = np.concatenate(parts)[:limit]
        ids = self.ids
        return Walk([ids[i] for i in shown.tolist()], level[shown].tolist(), reached, capped)

    def contents(
        self, shown: list[str], filters: dict[str, Any]
    ) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """As graph.query.neighbours.EngineReader.contents: the nodes of `shown` the copy
        holds, the relationships among them that pass `filters`, and the sources they cite.
        The source rows are shared between answers: callers must not change them."""
        nodes, numbers = self._nodes_with_numbers(shown)
        edges = self._edges_passing(np.unique(numbers), filters)
        return nodes, self._edge_answers(edges), self._sources(numbers, edges)

    def contents_json(self, entity_id: str, walk: Walk, filters: dict[str, Any]) -> JsonContents | None:
        """As `contents`, with the depth of each node, written as the JSON an answer shows:
        the kept texts are passed on, not decoded and written again. None if the copy does
        not hold `entity_id`."""
        index = self.index
        if entity_id not in index:
            return None
        held = [(index[i], level) for i, level in zip(walk.shown, walk.levels, strict=True) if i in index]
        numbers = np.fromiter((number for number, _ in held), dtype=np.int64, count=len(held))
        text, spans = self.node_text, self.node_span[numbers].tolist()
        depths = [b',"depth":%d},' % level for level in range(max((lv for _, lv in held), default=0) + 1)]
        nodes: list[bytes | bytearray] = [b"["]
        for (start, end), (_, level) in zip(spans, held, strict=True):
            nodes += (text[start : end - 1], depths[level])
        nodes[-1] = b',"depth":%d}]' % held[-1][1]  # the center at least is held
        edges = self._edges_passing(np.unique(numbers), filters)
        return JsonContents(
            orjson.Fragment(b"".join(nodes)),
            orjson.Fragment(self._edges_json(edges)),
            orjson.Fragment(self._sources_json(numbers, edges)),
        )

    def _edges_json(self, edges: np.ndarray) -> bytes:
        """The answers of `edges` as one JSON list, byte for byte what `_edge_answers` would
        give once written: each one's parts are joined once for the whole list. A text
        that kept an id or a key is decoded (see `_kept_edge`)."""
        ids, text = self.ids, self.edge_text
        src, dst = self.edge_src[edges], self.edge_dst[edges]
        written = {n: orjson.dumps(ids[n]) for n in np.unique(np.concatenate([src, dst])).tolist()}
        types = [orjson.dumps(t)[1:-1] for t in self.types]
        between = [b"|%b|" % t for t in types]  # "source|TYPE|target"
        last = [b',"type":"%b"},' % t for t in types]
        # Slices, not memoryviews: a view would forbid a later write's copy to append to the text.
        parts: list[bytes | bytearray] = [b"["]
        for (start, end), a, b, t, e in zip(
            self.edge_span[edges].tolist(),
            src.tolist(),
            dst.tolist(),
            self.edge_type[edges].tolist(),
            edges.tolist(),
            strict=True,
        ):
            if end - start <= 2 or text.startswith((b'"id":', b'"key":'), start + 1):
                parts += (orjson.dumps(self._edge_shown(e)), b",")
                continue
            source, target = written[a], written[b]
            parts += (
                b'{"id":',
                source[:-1],
                between[t],
                target[1:],
                b",",
                text[start + 1 : end - 1],
                b',"source":',
                source,
                b',"target":',
                target,
                last[t],
            )
        if len(parts) > 1:
            parts[-1] = parts[-1][:-1]  # the comma after the last one
        parts.append(b"]")
        return b"".join(parts)

    def _sources_json(self, nodes: np.ndarray, edges: np.ndarray) -> bytes:
        """`_sources` as one JSON object, from each source's id and row written once per copy."""
        order, ids, rows = self._cited_in_id_order()
        if not self._cite_json:
            pairs = [orjson.dumps(i)[:-1] + b'":' + orjson.dumps(r) for i, r in zip(ids, rows, strict=True)]
            self._cite_json.append(object_column(pairs))
        kept = self._shown_sources(nodes, edges)[order]
        return b"{" + b",".join(self._cite_json[0][kept].tolist()) + b"}"

    def items(
        self, ids: list[str], edges: list[int]
    ) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """The nodes of `ids` the copy holds, the relationships numbered `edges` in that
        order, and the sources they cite (shared rows, as in `contents`)."""
        nodes, numbers = self._nodes_with_numbers(ids)
        chosen = np.array(edges, dtype=np.int64)
        return nodes, self._edge_answers(chosen), self._sources(numbers, chosen)

    def shared_among(self, ids: list[str], left_out: Iterable[str]) -> Shared | None:
        """As read/shared.cypher with edges_among: the neighbours of every one of `ids` that
        are none of them and have none of the labels `left_out`, in id order; the
        relationships among `ids`; those that tie each of `ids` to such a neighbour, by
        neighbour, then in the order of `ids`. None unless the copy holds every one of `ids`."""
        index = self.index
        if not all(i in index for i in ids):
            return None
        numbers = np.array([index[i] for i in ids], dtype=np.int64)
        member = np.zeros(len(self.ids), dtype=bool)
        member[numbers] = True
        kept = ~self._codes_with(left_out)
        owners = np.zeros(len(self.ids), dtype=np.int32)
        ties = []
        for number in numbers.tolist():
            others, edges = self._around(np.array([number], dtype=np.int64))
            keep = ~member[others] & kept[self.node_labels[others]]
            others, edges = others[keep], edges[keep]
            owners[np.unique(others)] += 1
            ties.append((others, edges))
        common = np.flatnonzero(owners == len(ids))
        common = common[np.argsort(self.rank[common])]
        place = np.full(len(self.ids), -1, dtype=np.int64)
        place[common] = np.arange(len(common))
        by_neighbour = np.concatenate([place[others] for others, _ in ties])
        links = np.concatenate([edges for _, edges in ties])
        chosen = by_neighbour >= 0
        links = links[chosen][np.argsort(by_neighbour[chosen], kind="stable")]
        node_ids = self.ids
        return Shared(
            [node_ids[i] for i in common.tolist()],
            self._edges_passing(np.unique(numbers), {}).tolist(),
            links.tolist(),
        )

    def nodes(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """As graph.query.answer.nodes_by_id."""
        return self._nodes_with_numbers(ids)[0]

    def _nodes_with_numbers(self, ids: list[str]) -> tuple[dict[str, dict[str, Any]], np.ndarray]:
        """The answers of the nodes of `ids` the copy holds, and their numbers."""
        index = self.index
        found = [node_id for node_id in ids if node_id in index]
        numbers = np.fromiter((index[node_id] for node_id in found), dtype=np.int64, count=len(found))
        return dict(
            zip(found, _decoded(self.node_text, self.node_span, numbers.tolist()), strict=True)
        ), numbers

    def edges_among(self, ids: list[str], filters: dict[str, Any]) -> list[dict[str, Any]]:
        """As graph.query.answer.edges_among: every relationship with both ends in `ids`."""
        index = self.index
        nodes = np.unique(np.fromiter((index[i] for i in ids if i in index), dtype=np.int64))
        return self._edge_answers(self._edges_passing(nodes, filters))

    def _edges_passing(self, nodes: np.ndarray, filters: dict[str, Any]) -> np.ndarray:
        """The relationships among `nodes` (sorted node numbers) that pass `filters`, in order."""
        edges: np.ndarray = np.unique(self._edges_within(nodes))
        passing: np.ndarray = edges[self._passing(edges, filters)]
        return passing

    def _edge_answers(self, edges: np.ndarray) -> list[dict[str, Any]]:
        ids, types = self.ids, self.types
        sources = [ids[a] for a in self.edge_src[edges].tolist()]
        targets = [ids[b] for b in self.edge_dst[edges].tolist()]
        kinds = [types[t] for t in self.edge_type[edges].tolist()]
        ends = zip(sources, kinds, targets, strict=True)
        return _edge_answers_of(_decoded(self.edge_text, self.edge_span, edges.tolist()), ends)

    def _sources(self, nodes: np.ndarray, edges: np.ndarray) -> dict[str, dict[str, Any]]:
        """As graph.query.answer.source_index for what `nodes` and `edges` show: by codes, as
        a 2-hop answer cites up to 16,000 sources, and reading their ids and rows from
        scattered memory took longer than the rest of the answer."""
        order, ids, rows = self._cited_in_id_order()
        kept = self._shown_sources(nodes, edges)[order]
        return dict(zip(ids[kept].tolist(), rows[kept].tolist(), strict=True))

    def _shown_sources(self, nodes: np.ndarray, edges: np.ndarray) -> np.ndarray:
        """Which cited sources (by code) `nodes` and `edges` show."""
        shown = np.zeros(len(self.cited), dtype=bool)
        shown[_gathered(self.node_cite_ptr, self.node_cites, nodes)] = True
        shown[_gathered(self.edge_cite_ptr, self.edge_cites, edges)] = True
        return shown

    def _cited_in_id_order(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The codes of the cited sources that have a row, in id order, with their ids and
        rows as object columns in that order: made once per copy, on first use."""
        found = self._cite_order
        if not found:
            with_row = np.flatnonzero(self.cite_rank >= 0)
            order = with_row[np.argsort(self.cite_rank[with_row])]
            cited = self.cited
            found.extend([order, object_column([cited[c] for c in order.tolist()]), self.cite_row[order]])
        return found[0], found[1], found[2]

    def _edges_within(self, nodes: np.ndarray) -> np.ndarray:
        """The relationships with both ends in `nodes` (sorted node numbers), some twice.
        A shown country or platform can have 10^5 relationships: reading them all cost more
        than the rest of a depth-2 answer, so the members are looked up in its sorted entries."""
        member = np.zeros(len(self.ids), dtype=bool)
        member[nodes] = True
        degree = self.adj_ptr[nodes + 1] - self.adj_ptr[nodes]
        looked_up = (degree > LOOK_UP_ABOVE) & (degree > LOOK_UP_FACTOR * len(nodes))
        others, edges = self._around(nodes[~looked_up])
        found = [edges[member[others]]]
        for node in nodes[looked_up].tolist():
            start, end = int(self.adj_ptr[node]), int(self.adj_ptr[node + 1])
            entries = self.adj_node[start:end]
            low = np.searchsorted(entries, nodes, side="left")
            at = _spread(low, np.searchsorted(entries, nodes, side="right") - low)
            found.append(self.adj_edge[start + at])
        return np.concatenate(found)

    def _edge_shown(self, e: int) -> dict[str, Any]:
        return self._edge_answers(np.array([e], dtype=np.int64))[0]

    def relationship(self, e: int) -> dict[str, Any]:
        """{id, src, dst, type} of relationship e, as a projection names it."""
        return {
            "id": self._edge_shown(e)["id"],
            "src": self.ids[self.edge_src[e]],
            "dst": self.ids[self.edge_dst[e]],
            "type": self.types[self.edge_type[e]],
        }

    # -- following a write -------------------------------------------------------------------
    def followed(self, generation: int, delta: Delta) -> Snapshot:
        """This copy with a write's changes, as a new copy: this one is left as it was, so
        answers under way keep reading one generation. `delta` holds the nodes and
        relationships the write touched, as the engine holds them after it."""
        with built_to_last():
            return self._followed(generation, delta)

    def _followed(self, generation: int, delta: Delta) -> Snapshot:
        nodes = _Nodes(self)
        for labels, props in delta.nodes:
            nodes.put(labels, props)
        for node_id in delta.gone:
            nodes.remove(node_id)
        dead = np.zeros(len(self.edge_src), dtype=bool)
        for node_id in delta.gone | delta.cut:
            i = self.index.get(node_id)
            if i is not None:
                dead[self.adj_edge[self.adj_ptr[i] : self.adj_ptr[i + 1]]] = True
        for key in delta.edge_keys:
            dead[self._edge_numbers(key)] = True
        keep = ~dead
        kept = {
            "src": [self.edge_src[keep]],
            "dst": [self.edge_dst[keep]],
            "types": [self.edge_type[keep]],
            "starts": [self.edge_start[keep]],
            "lasts": [self.edge_last[keep]],
            "spans": [self.edge_span[keep]],
        }
        edges = _Edges(
            self.edge_text,
            dict(zip(self.types, range(len(self.types)), strict=True)),
            nodes.citations,
            _CiteLists.of(self.edge_cite_ptr, self.edge_cites, keep),
            kept,
        )
        for row in delta.edges:
            edges.put(nodes.index, row["src"], row["dst"], row["type"], row["props"])
        return _snapshot(generation, nodes, edges, self._adjacency_without(keep, len(nodes.ids)))

    def _adjacency_without(self, keep: np.ndarray, nodes: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """This copy's adjacency with only the relationships `keep` holds, renumbered as
        they are once the others are dropped, for `nodes` nodes."""
        owners = np.repeat(np.arange(len(self.adj_ptr) - 1), np.diff(self.adj_ptr))
        kept = keep[self.adj_edge]
        renumbered = (np.cumsum(keep) - 1).astype(np.int32)
        ptr = np.concatenate([[0], np.cumsum(np.bincount(owners[kept], minlength=nodes))])
        return ptr, self.adj_node[kept], renumbered[self.adj_edge[kept]]

    def _edge_numbers(self, key: tuple[str, str, str, str]) -> list[int]:
        """The relationships this copy holds as (source id, target id, type, id)."""
        src, dst, rel_type, rel_id = key
        a, b = self.index.get(src), self.index.get(dst)
        if a is None or b is None:
            return []
        entries = self.adj_edge[self.adj_ptr[a] : self.adj_ptr[a + 1]].tolist()
        return [
            e
            for e in entries
            if self.edge_src[e] == a
            and self.edge_dst[e] == b
            and self.types[self.edge_type[e]] == rel_type
            and self._edge_shown(e)["id"] == rel_id
        ]


@dataclass(frozen=True)
class Delta:
    """What a write touched, as the engine holds it after the write: nodes as (labels,
    properties), the ids of touched nodes it no longer holds, relationships as rows of
    src, dst, type, props; and the (source, target, type, id) of every relationship it
    touched, whether it still holds it or not. A node deleted and made again since is in
    `cut` and in `nodes`."""

    nodes: list[tuple[list[str], dict[str, Any]]]
    gone: set[str]
    edges: list[dict[str, Any]]
    edge_keys: set[tuple[str, str, str, str]]
    cut: set[str] = field(default_factory=set)  # nodes deleted: every relationship they had went


@dataclass(frozen=True)
class Shared:
    """What `Snapshot.shared_among` finds: neighbour ids, relationship numbers."""

    common: list[str]
    direct: list[int]
    links: list[int]


def _spread(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The positions of the ranges starts[k]:starts[k] + lengths[k], one range after another."""
    firsts = np.cumsum(lengths) - lengths
    positions: np.ndarray = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(
        starts - firsts, lengths
    )
    return positions


def _gathered(ptr: np.ndarray, values: np.ndarray, items: np.ndarray) -> np.ndarray:
    """values[ptr[i]:ptr[i + 1]] for every i of `items`, joined."""
    starts = ptr[items]
    found: np.ndarray = values[_spread(starts, ptr[items + 1] - starts)]
    return found


def _decoded(text: bytearray, spans: np.ndarray, numbers: list[int]) -> list[dict[str, Any]]:
    """The JSON texts of items `numbers`, decoded in one call."""
    if not numbers:
        return []
    bounds = spans[numbers].tolist()
    joined = b",".join([text[start:end] for start, end in bounds])
    decoded: list[dict[str, Any]] = orjson.loads(b"[" + joined + b"]")
    return decoded


def _kept_edge(shown: dict[str, Any], source: str, rel_type: str, target: str) -> dict[str, Any]:
    """What the copy's text keeps of a relationship answer: not its ends and type, which
    its arrays hold, nor the part of its id they give ("source|TYPE|target"), only the
    "|key" that follows for a parallel relationship; an id of another form whole."""
    kept = {k: shown[k] for k in _EDGE_KEYS if k in shown}
    rel_id, base = kept.get("id"), f"{source}|{rel_type}|{target}"
    if isinstance(rel_id, str) and rel_id.startswith(base) and rel_id[len(base) : len(base) + 1] in ("", "|"):
        del kept["id"]
        if rel_id != base:  # first, as a kept id is: a text that starts otherwise kept neither
            kept = {"key": rel_id[len(base) + 1 :], **kept}
    return kept


def _edge_answers_of(
    kept: list[dict[str, Any]], ends: Iterable[tuple[str, str, str]]
) -> list[dict[str, Any]]:
    """The relationship answers from what `_kept_edge` kept of them and their (source,
    type, target): one comprehension for all, as a depth-2 answer makes thousands."""
    answer = [
        {"id": f"{a}|{ty}|{b}", **stored, "source": a, "target": b, "type": ty}
        for stored, (a, ty, b) in zip(kept, ends, strict=True)
    ]
    for shown in answer:  # an id kept whole replaced the made one; a key follows it
        if "key" in shown:
            shown["id"] = f"{shown['id']}|{shown.pop('key')}"
    return answer


def _edge_in_dates(start: str | None, last: str | None, since_lo: str | None, until_hi: str | None) -> bool:
    """The relationship date filter of read/neighbour_ids.cypher and read/edges_among.cypher."""
    if until_hi is not None and start is not None and not start <= until_hi:
        return False
    return since_lo is None or last is None or last + "~" >= since_lo


def _node_in_dates(date: str | None, since_lo: str | None, until_hi: str | None) -> bool:
    """The node date filter (an event's or a seizure's `date`) of read/neighbour_ids.cypher."""
    if date is None:
        return True
    if until_hi is not None and not date <= until_hi:
        return False
    return since_lo is None or date + "~" >= since_lo


def object_column(values: list[Any]) -> np.ndarray:
    """A NumPy column of Python values (text or None)."""
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column


class _Citations:
    """The ids that nodes and relationships cite, numbered as they are first met, with the
    row of each that a Source node holds."""

    def __init__(self, base: Snapshot | None = None):
        self.ids: list[str] = [] if base is None else list(base.cited)
        self.rows: list[dict[str, Any] | None] = [] if base is None else base.cite_row.tolist()
        self.code_of = {cited: code for code, cited in enumerate(self.ids)}

    def codes(self, ids: list[str]) -> list[int]:
        code_of, found = self.code_of, []
        for cited in ids:
            code = code_of.get(cited)
            if code is None:
                code = code_of[cited] = len(self.ids)
                self.ids.append(cited)
                self.rows.append(None)
            found.append(code)
        return found

    def hold(self, source_id: str, row: dict[str, Any] | None) -> None:
        """The row of source `source_id`, or None once no Source node holds it."""
        self.rows[self.codes([source_id])[0]] = row

    def columns(self) -> dict[str, Any]:
        held = sorted((c for c, row in enumerate(self.rows) if row is not None), key=self.ids.__getitem__)
        rank = np.full(len(self.ids), -1, dtype=np.int32)
        rank[held] = np.arange(len(held), dtype=np.int32)
        return {"cited": self.ids, "cite_row": object_column(self.rows), "cite_rank": rank}


class _CiteLists:
    """Per item (node or relationship), the codes of the sources it shows: on top of a
    copy's lists, items appended and items whose lists changed."""

    def __init__(self, lengths: list[np.ndarray] | None = None, codes: list[np.ndarray] | None = None):
        self.base_lengths = lengths or []
        self.base_codes = codes or []
        self.lengths, self.codes = array("q"), array("i")
        self.changed: dict[int, list[int]] = {}

    @classmethod
    def of(cls, ptr: np.ndarray, codes: np.ndarray, keep: np.ndarray | None = None) -> _CiteLists:
        """A copy's lists, all of them or those of the items `keep` holds."""
        lengths = np.diff(ptr)
        if keep is None:
            return cls([lengths], [codes])
        return cls([lengths[keep]], [codes[np.repeat(keep, lengths)]])

    def append(self, codes: list[int]) -> None:
        self.lengths.append(len(codes))
        self.codes.extend(codes)

    def columns(self) -> tuple[np.ndarray, np.ndarray]:
        """(ptr, codes) of every item."""
        lengths = np.concatenate([*self.base_lengths, np.frombuffer(self.lengths, dtype=np.int64)])
        codes = np.concatenate([*self.base_codes, np.frombuffer(self.codes, dtype=np.int32)]).astype(
            np.int32, copy=False
        )
        if self.changed:
            items = np.array(sorted(self.changed), dtype=np.int64)
            replaced = np.zeros(len(lengths), dtype=bool)
            replaced[items] = True
            codes = codes[np.repeat(~replaced, lengths)]
            lengths[items] = 0
            starts = np.concatenate([[0], np.cumsum(lengths)])[items]
            new = [self.changed[i] for i in items.tolist()]
            counts = np.array([len(c) for c in new], dtype=np.int64)
            flat = np.array([code for c in new for code in c], dtype=np.int32)
            codes = np.insert(codes, np.repeat(starts, counts), flat)
            lengths[items] = counts
        return np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64), codes


class _Nodes:
    """Nodes being collected, on top of a copy's (none for a new copy): nodes new to it are
    numbered after its own; a node it holds that changed gets a new text and span."""

    def __init__(self, base: Snapshot | None = None):
        self.citations = _Citations(base)
        if base is None:
            self.text, self.ids, self.index = bytearray(), [], {}
            self.label_codes: dict[frozenset[str], int] = {}
            self.base_labels = np.empty(0, dtype=np.uint16)
            self.base_dates = object_column([])
            self.base_spans = np.empty((0, 2), dtype=np.int64)
            self.cites = _CiteLists()
            self.base_by_id: np.ndarray | None = None
        else:
            self.text, self.ids, self.index = base.node_text, list(base.ids), dict(base.index)
            self.label_codes = {labels: code for code, labels in enumerate(base.label_sets)}
            self.base_labels, self.base_dates, self.base_spans = (
                base.node_labels,
                base.node_dates,
                base.node_span,
            )
            self.cites = _CiteLists.of(base.node_cite_ptr, base.node_cites)
            self.base_by_id = base.by_id
        self.changed: dict[int, tuple[int, str | None, tuple[int, int]]] = {}
        self.labels = array("H")
        self.dates: list[str | None] = []
        self.spans = array("q")  # start, end of each new node's text

    def put(self, labels: list[str], props: dict[str, Any]) -> None:
        """A node as read/snapshot_nodes.cypher returns it; kept as a node answer shows it:
        the first MAX_SOURCES sources and dossiers and the total, as read/nodes_by_id.cypher
        returns them."""
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
        answer = node_out({"labels": labels, "props": shown})
        start = len(self.text)
        self.text += orjson.dumps(answer)
        codes = self.citations.codes(answer["sources"])
        code = self.label_codes.setdefault(frozenset(labels), len(self.label_codes))
        i = self.index.get(node_id)
        if i is None:
            self.index[node_id] = len(self.ids)
            self.ids.append(node_id)
            self.labels.append(code)
            self.dates.append(props.get("date"))
            self.spans.extend((start, len(self.text)))
            self.cites.append(codes)
        elif i >= len(self.base_labels):
            at = i - len(self.base_labels)
            self.labels[at], self.dates[at] = code, props.get("date")
            self.spans[2 * at : 2 * at + 2] = array("q", (start, len(self.text)))
            self.cites.changed[i] = codes
        else:
            self.changed[i] = (code, props.get("date"), (start, len(self.text)))
            self.cites.changed[i] = codes
        if Label.SOURCE in labels:
            self.citations.hold(node_id, {name: props.get(name) for name in SOURCE_FIELDS})

    def remove(self, node_id: str) -> None:
        self.index.pop(node_id, None)
        if node_id in self.citations.code_of:
            self.citations.hold(node_id, None)

    def order(self) -> tuple[np.ndarray, np.ndarray]:
        """(by_id, rank) of every node: nodes new to the base copy are placed among its own."""
        ids = self.ids
        if self.base_by_id is None:
            by_id = np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int32)
        else:
            new = sorted(range(len(self.base_labels), len(ids)), key=ids.__getitem__)
            at = [bisect_left(self.base_by_id, ids[i], key=ids.__getitem__) for i in new]
            by_id = np.insert(self.base_by_id, at, new).astype(np.int32)
        rank = np.empty(len(ids), dtype=np.int32)
        rank[by_id] = np.arange(len(ids), dtype=np.int32)
        return by_id, rank

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Labels, dates and spans of every node: the base copy's arrays are not changed."""
        labels = np.concatenate([self.base_labels, np.frombuffer(self.labels, dtype=np.uint16)])
        dates = np.concatenate([self.base_dates, object_column(self.dates)])
        spans = np.concatenate([self.base_spans, np.frombuffer(self.spans, dtype=np.int64).reshape(-1, 2)])
        for i, (code, date, span) in self.changed.items():
            labels[i], dates[i], spans[i] = code, date, span
        return labels, dates, spans


class _Edges:
    """Relationships being collected: columns, in parts to be joined once."""

    def __init__(
        self,
        text: bytearray,
        type_codes: dict[str, int],
        citations: _Citations,
        cites: _CiteLists,
        kept: dict[str, list[np.ndarray]] | None = None,
    ):
        self.text, self.type_codes, self.citations, self.cites = text, type_codes, citations, cites
        kept = kept or {}
        self.src, self.dst, self.types = kept.get("src", []), kept.get("dst", []), kept.get("types", [])
        self.starts, self.lasts = kept.get("starts", []), kept.get("lasts", [])
        self.spans = kept.get("spans", [])
        self.new_src, self.new_dst, self.new_types = array("i"), array("i"), array("B")
        self.new_starts: list[str | None] = []
        self.new_lasts: list[str | None] = []
        self.new_spans = array("q")

    @classmethod
    def empty(cls, citations: _Citations) -> _Edges:
        return cls(bytearray(), {}, citations, _CiteLists())

    def put(self, index: dict[str, int], src: str, dst: str, rel_type: str, props: dict[str, Any]) -> None:
        a, b = index.get(src), index.get(dst)
        if a is None or b is None:
            return  # written between the reads; this copy is already stale then
        shown = edge_out({"src": src, "dst": dst, "type": rel_type, "props": props})
        self.new_src.append(a)
        self.new_dst.append(b)
        self.new_types.append(self.type_codes.setdefault(rel_type, len(self.type_codes)))
        start = shown["properties"].get("start")
        self.new_starts.append(start)
        self.new_lasts.append(shown["properties"].get("end", start))
        self.new_spans.append(len(self.text))
        self.text += orjson.dumps(_kept_edge(shown, src, rel_type, dst))
        self.new_spans.append(len(self.text))
        self.cites.append(self.citations.codes(shown["sources"]))

    def columns(self) -> dict[str, np.ndarray]:
        ptr, codes = self.cites.columns()
        return {
            "edge_src": np.concatenate([*self.src, np.frombuffer(self.new_src, dtype=np.int32)]),
            "edge_dst": np.concatenate([*self.dst, np.frombuffer(self.new_dst, dtype=np.int32)]),
            "edge_type": np.concatenate([*self.types, np.frombuffer(self.new_types, dtype=np.uint8)]),
            "edge_start": np.concatenate([*self.starts, object_column(self.new_starts)]),
            "edge_last": np.concatenate([*self.lasts, object_column(self.new_lasts)]),
            "edge_span": np.concatenate(
                [*self.spans, np.frombuffer(self.new_spans, dtype=np.int64).reshape(-1, 2)]
            ),
            "edge_cite_ptr": ptr,
            "edge_cites": codes,
        }


def _snapshot(
    generation: int,
    nodes: _Nodes,
    edges: _Edges,
    adjacency: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> Snapshot:
    """The arrays of a copy from what was collected. `adjacency`: that of the relationships
    before the new ones (edges.src...), which then go at the end of each node's entries;
    else it is made from all of them."""
    columns = edges.columns()
    src, dst = columns["edge_src"].astype(np.int32), columns["edge_dst"].astype(np.int32)
    n = len(nodes.ids)
    if adjacency is None:  # int32 throughout: at 10^6 these temporaries outweigh the texts' growth
        owners, others = np.concatenate([src, dst]), np.concatenate([dst, src])
        numbers = np.arange(len(src), dtype=np.int32)
        numbers = np.concatenate([numbers, numbers])
        order = np.lexsort((numbers, others, owners))
        ptr = np.concatenate([[0], np.cumsum(np.bincount(owners, minlength=n))])
        del owners
        adj_node, adj_edge = others[order], numbers[order]
        del others, numbers, order
    else:
        ptr, adj_node, adj_edge = adjacency
        first = sum(len(part) for part in edges.src)
        owners = np.concatenate([src[first:], dst[first:]])
        others = np.concatenate([dst[first:], src[first:]])
        numbers = np.arange(first, len(src), dtype=np.int32)
        numbers = np.concatenate([numbers, numbers])
        # Each new entry goes after its owner's entries with a lower or equal other end
        # (theirs are older relationships, with lower numbers).
        at = np.array(
            [
                ptr[owner] + np.searchsorted(adj_node[ptr[owner] : ptr[owner + 1]], other, side="right")
                for owner, other in zip(owners.tolist(), others.tolist(), strict=True)
            ],
            dtype=np.int64,
        )
        # Entries at one place belong to consecutive owners (nodes new to the copy all go at
        # the end): owner first, then as within an owner.
        order = np.lexsort((numbers, others, owners, at))
        adj_node = np.insert(adj_node, at[order], others[order])
        adj_edge = np.insert(adj_edge, at[order], numbers[order])
        ptr = ptr + np.concatenate([[0], np.cumsum(np.bincount(owners, minlength=n))])
    labels, dates, spans = nodes.columns()
    node_cite_ptr, node_cites = nodes.cites.columns()
    by_id, rank = nodes.order()
    return Snapshot(
        generation=generation,
        ids=nodes.ids,
        index=nodes.index,
        label_sets=sorted(nodes.label_codes, key=nodes.label_codes.__getitem__),
        node_labels=labels,
        node_dates=dates,
        node_text=nodes.text,
        node_span=spans,
        types=sorted(edges.type_codes, key=edges.type_codes.__getitem__),
        edge_text=edges.text,
        adj_ptr=ptr.astype(np.int64, copy=False),
        adj_node=adj_node.astype(np.int32, copy=False),
        adj_edge=adj_edge.astype(np.int32, copy=False),
        by_id=by_id,
        rank=rank,
        **nodes.citations.columns(),
        node_cite_ptr=node_cite_ptr,
        node_cites=node_cites,
        edge_cite_ptr=columns["edge_cite_ptr"],
        edge_cites=columns["edge_cites"],
        edge_src=src.astype(np.int32, copy=False),
        edge_dst=dst.astype(np.int32, copy=False),
        edge_type=columns["edge_type"],
        edge_start=columns["edge_start"],
        edge_last=columns["edge_last"],
        edge_span=columns["edge_span"],
    )


# Nodes per read while a snapshot is made. Each reply's rows are garbage once read, but the
# memory they took stays with the process, among the copy's own objects: smaller pages
# give a lower peak, and the reads take no longer (docs/performance.md).
PAGE = 5_000
# Start nodes per read of relationships (three relationships a node on average).
RELATIONSHIP_PAGE = 2_000


def build_snapshot(store: Store, generation: int) -> Snapshot:
    """Read every node, label by label, then every relationship, a page at a time: the
    peak of reading stays at one page's reply beside the copy being made."""
    schema = get_schema()
    nodes = _Nodes()
    edges = _Edges.empty(nodes.citations)
    with built_to_last():
        for label in sorted(schema.labels):
            query = splice(
                cypher("read/snapshot_nodes.cypher", store.dialect), schema, labels={"LABEL": label}
            )
            top = _top_id(store, schema, label)
            for row in _pages(store, query, top):
                if row["props"]["id"] not in nodes.index:  # a node of several labels is read once per label
                    nodes.put(row["labels"], row["props"])
        query = cypher("read/snapshot_relationships.cypher", store.dialect)
        for row in _pages(store, query, _top_id(store, schema, ENTITY_LABEL), RELATIONSHIP_PAGE):
            if row["dst"] is not None and row["type"] in schema.relationships:
                edges.put(nodes.index, row["src"], row["dst"], row["type"], row["props"])
        return _snapshot(generation, nodes, edges)


def _top_id(store: Store, schema: Schema, label: str) -> int | None:
    """The highest engine id of the label's nodes, where pages are id ranges (FalkorDB)."""
    if store.dialect != "falkordb":
        return None
    query = splice(cypher("read/snapshot_top_id.cypher", store.dialect), schema, labels={"LABEL": label})
    top = store.read(query)[0]["top"]
    return -1 if top is None else int(top)


def _pages(store: Store, query: str, top: int | None, page: int | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a paged read of `page` nodes at a time (PAGE by default): by engine id
    ranges up to `top` (FalkorDB), else by our ids, each page after the last row's `start`
    or `props.id` (Neo4j)."""
    page = PAGE if page is None else page
    if top is not None:
        for low in range(0, top + 1, page):
            yield from store.read(query, {"from": low, "to": low + page})
        return
    after = ""
    while True:
        rows = store.read(query, {"after": after, "page": page})
        yield from rows
        starts = {row["start"] if "start" in row else row["props"]["id"] for row in rows}
        if len(starts) < page:
            return
        after = max(starts)


def read_delta(store: Store, touched: Touched) -> Delta:
    """The nodes and relationships some writes touched, as the engine holds them now."""
    ids = sorted(touched.nodes)
    nodes = [
        (row["labels"], row["props"])
        for batch in _batches(ids)
        for row in store.read(cypher("read/snapshot_nodes_by_id.cypher", store.dialect), {"ids": batch})
    ]
    keys = sorted(touched.edges)
    rows = [{"src": src, "dst": dst, "id": rel_id} for src, dst, _, rel_id in keys]
    edges = [
        row
        for batch in _batches(rows)
        for row in store.read(cypher("read/edges_by_id.cypher", store.dialect), {"rows": batch})
        if (row["src"], row["dst"], row["type"], row["props"].get("id")) in touched.edges
    ]
    found = {props["id"] for _, props in nodes}
    return Delta(nodes, set(ids) - found, edges, set(keys), set(touched.cut))


def _batches(items: list[Any], size: int = 5_000) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
