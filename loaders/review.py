"""What resolution asks an analyst to review: near-miss names (loaders/candidates.py)
across the whole graph, or between the names a load brings and those the graph holds."""

from __future__ import annotations

from collections.abc import Iterable

from graph.cypher_text import cypher, splice
from graph.model.ids import node_id
from graph.model.plan import Plan
from graph.model.schema import Schema, get_schema
from graph.model.statements import ALIAS, NAME
from graph.store.base import Reader
from loaders.candidates import Candidate, Named, candidates
from loaders.judgements import judgements
from loaders.resolve import gazetteer


def graph_names(store: Reader, schema: Schema) -> list[Named]:
    """Every node of a label shared by name, with its names."""
    named = []
    for label in sorted(schema.labels_where("shared_by_name")):
        query = splice(cypher("read/shared_names.cypher", store.dialect), schema, labels={"LABEL": label})
        for row in store.read(query):
            names = tuple(dict.fromkeys([row["name"], *(row["aliases"] or [])]))
            named.append(Named(row["id"], label, row["name"], names))
    return named


def plan_names(plans: Iterable[Plan], schema: Schema) -> list[Named]:
    """The nodes of labels shared by name that `plans` state, with the names they give."""
    shared = schema.labels_where("shared_by_name")
    names: dict[str, dict[str, None]] = {}
    labels: dict[str, str] = {}
    for plan in plans:
        for node in plan.nodes.values():
            if node.label in shared:
                labels[node.id] = node.label
                given = names.setdefault(node.id, {})
                for item in sorted(node.statements, key=lambda s: s.text):
                    if item.prop in (NAME, ALIAS) and isinstance(item.value, str):
                        given[item.value] = None
    return [Named(nid, labels[nid], next(iter(names[nid]), nid), tuple(names[nid])) for nid in sorted(names)]


def gazetteer_names() -> list[Named]:
    """The reviewed names of loaders/gazetteer.yaml, as nodes."""
    schema = get_schema()
    seen: dict[str, Named] = {}
    for label, entries in gazetteer().items():
        for canonical, aliases in entries.values():
            nid = node_id(schema.labels[label].prefix, canonical)
            seen[nid] = Named(nid, label, canonical, (canonical, *aliases))
    return list(seen.values())


def graph_candidates(store: Reader, schema: Schema) -> list[Candidate]:
    """Every pair of nodes in the graph that resolution proposes and nobody judged."""
    return candidates(graph_names(store, schema), judgements())


def new_name_candidates(store: Reader, schema: Schema, before: set[str]) -> list[Candidate]:
    """For each node of a shared label the graph holds now and did not hold when it held
    the ids `before` (a load, an upload), the nodes whose names closely resemble its own."""
    now = graph_names(store, schema)
    return candidates([n for n in now if n.id not in before], judgements(), among=now)
