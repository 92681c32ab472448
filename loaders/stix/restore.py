"""Objects of a piracy-graph export that carry their statements come back as they were.

Such an object is already resolved: it holds the statements each dossier made about it,
with their sources. They go back, dossier by dossier, as plans that add to what the graph
holds of those dossiers (a bundle may hold part of one: the export of a neighbourhood).
Loading the dossier's own file later puts its statements in their place, as ever.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from graph.export.stix import DATA_EXTENSION
from graph.model.plan import Plan, PlannedEdge, PlannedNode
from graph.model.schema import Label, Schema
from graph.model.statements import CONFIDENCE_ORDER, MENTION, Statement, cited, decode
from loaders.dossier import DOSSIER_ID
from loaders.stix.bundle import Bundle, ours

PROPERTY_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_DOSSIER = re.compile(DOSSIER_ID)


@dataclass
class RestoredNode:
    label: str
    id: str
    name: str


@dataclass
class Restored:
    """The plans, one per dossier, and the nodes they restore, by STIX id."""

    plans: list[Plan] = field(default_factory=list)
    nodes: dict[str, RestoredNode] = field(default_factory=dict)
    edges: set[str] = field(default_factory=set)  # STIX ids of relationships restored
    problems: list[tuple[str, str]] = field(default_factory=list)


def carries_statements(obj: dict[str, Any]) -> bool:
    data = ours(obj)
    props = data.get("properties") if data else None
    return isinstance(props, dict) and isinstance(props.get("statements"), list) and bool(props["statements"])


def statement_problem(text: Any) -> str | None:
    """What is wrong with an exported statement's text, or None."""
    if not isinstance(text, str):
        return "a statement is a text"
    try:
        item = decode(text)
        json.loads(item.value_json)
    except ValueError:
        return f"{text[:80]!r} is not a statement (property|dossier|confidence|rank|sources|value)"
    if not (PROPERTY_NAME.match(item.prop) or item.prop == MENTION):
        return f"{item.prop!r} is not a property name"
    if not _DOSSIER.match(item.dossier):
        return f"{item.dossier!r} is not a dossier id"
    if item.confidence not in CONFIDENCE_ORDER:
        return f"{item.confidence!r} is not a confidence (high, medium, low or none)"
    if not item.sources or any(not s.startswith("source:") for s in item.sources):
        return "a statement cites the ids of its sources"
    canonical = Statement(
        item.prop, item.value_json, item.dossier, item.confidence, item.rank, cited(item.sources)
    )
    if canonical.text != text:
        return f"{text[:80]!r} is not written as the graph writes statements"
    return None


class Restorer:
    def __init__(self, bundle: Bundle, schema: Schema):
        self.bundle = bundle
        self.schema = schema
        self.out = Restored()
        self.by_dossier: dict[str, Plan] = {}

    def problem(self, sid: str, path: str, message: str) -> None:
        self.out.problems.append((f"{self.bundle.where[sid]}{path}", message))

    def statements(self, sid: str, data: dict[str, Any]) -> list[Statement]:
        texts = data["properties"]["statements"]
        where = ".properties.statements"
        found = []
        for i, text in enumerate(texts):
            problem = statement_problem(text)
            if problem:
                self.problem(sid, f".extensions.{DATA_EXTENSION}{where}[{i}]", problem)
            else:
                found.append(decode(text))
        return found

    def plan_of(self, dossier: str) -> Plan:
        if dossier not in self.by_dossier:
            self.by_dossier[dossier] = Plan(dossiers=[dossier], adding={dossier})
        return self.by_dossier[dossier]

    def restore(self) -> Restored:
        for sid, obj in self.bundle.objects.items():
            if obj["type"] != "relationship" and carries_statements(obj):
                self.node(sid, ours(obj) or {})
        for sid, obj in self.bundle.objects.items():
            if obj["type"] == "relationship" and carries_statements(obj):
                self.edge(sid, obj, ours(obj) or {})
        self.check_citations()
        for dossier in sorted(self.by_dossier):
            plan = self.by_dossier[dossier]
            plan.fingerprints[dossier] = plan.fingerprint()
            self.out.plans.append(plan)
        return self.out

    def check_citations(self) -> None:
        """Every source a restored statement cites is a source the bundle restores."""
        known = {node.id for node in self.out.nodes.values() if node.label == Label.SOURCE}
        stix_ids = {node.id: sid for sid, node in self.out.nodes.items()}
        for plan in self.by_dossier.values():
            for item_id, items in [
                *((n.id, n.statements) for n in plan.nodes.values()),
                *((e.id, e.statements) for e in plan.edges.values()),
            ]:
                missing = sorted({s for item in items for s in item.sources} - known)
                if missing:
                    where = self.bundle.where.get(stix_ids.get(item_id, ""), item_id)
                    self.out.problems.append(
                        (where, f"cites {missing[0]}, which is not a source in the bundle")
                    )

    def node(self, sid: str, data: dict[str, Any]) -> None:
        nid, name = data.get("id"), data.get("name")
        label = next((lb for lb in data.get("labels") or [] if lb in self.schema.labels), None)
        if label is None:
            self.problem(
                sid,
                f".extensions.{DATA_EXTENSION}.labels",
                f"no label of the schema in {data.get('labels')!r}",
            )
            return
        if not isinstance(nid, str) or self.schema.label_of_id(nid) != label:
            self.problem(sid, f".extensions.{DATA_EXTENSION}.id", f"{nid!r} is not the id of a {label}")
            return
        for item in self.statements(sid, data):
            plan = self.plan_of(item.dossier)
            plan.nodes.setdefault(nid, PlannedNode(label, nid)).statements.append(item)
        self.out.nodes[sid] = RestoredNode(label, nid, name if isinstance(name, str) and name else nid)

    def edge(self, sid: str, obj: dict[str, Any], data: dict[str, Any]) -> None:
        rel_type, eid = data.get("type"), data.get("id")
        ends = [self.out.nodes.get(str(obj.get(end))) for end in ("source_ref", "target_ref")]
        source, target = ends
        if source is None or target is None:
            self.problem(
                sid, "", "a relationship of ours joins two objects of ours that carry their statements"
            )
            return
        spec = self.schema.relationships.get(str(rel_type))
        if spec is None:
            self.problem(sid, f".extensions.{DATA_EXTENSION}.type", f"unknown relationship type {rel_type!r}")
            return
        if not spec.allows(source.label, target.label):
            self.problem(
                sid,
                f".extensions.{DATA_EXTENSION}.type",
                f"{rel_type} does not go from {source.label} to {target.label}",
            )
            return
        if not isinstance(eid, str) or not eid.startswith(f"{source.id}|{rel_type}|{target.id}"):
            self.problem(
                sid, f".extensions.{DATA_EXTENSION}.id", f"{eid!r} is not the id of this relationship"
            )
            return
        for item in self.statements(sid, data):
            plan = self.plan_of(item.dossier)
            edge = plan.edges.get(eid)
            if edge is None:
                edge = PlannedEdge(str(rel_type), eid, source.id, source.label, target.id, target.label)
                plan.edges[eid] = edge
            edge.statements.append(item)
        self.out.edges.add(sid)


def restore(bundle: Bundle, schema: Schema) -> Restored:
    return Restorer(bundle, schema).restore()
