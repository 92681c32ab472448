"""Entity resolution: dossier references -> deterministic graph ids, aliases -> one node."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph.countries import country_code, country_name, country_names
from graph.errors import DossierError
from graph.ids import edge_id, fold, node_id, short_hash, slug, source_id
from graph.plan import Plan, PlannedEdge, PlannedNode, union
from graph.schema import Schema
from loaders.dossier import COUNTRY_REF, OPERATION_REF, Dossier, Entity, Provenance

# (label, folded keys) -> {folded key: (id, name)} of nodes already in the graph.
Lookup = Callable[[str, list[str]], dict[str, tuple[str, str]]]

# Labels whose nodes are the same thing across dossiers when their names match.
SHARED_BY_NAME = {"Group", "Agency", "Platform", "Organization"}


@cache
def gazetteer() -> dict[str, dict[str, tuple[str, list[str]]]]:
    """label -> folded name or alias -> (canonical name, all aliases)."""
    raw = yaml.safe_load((Path(__file__).parent / "gazetteer.yaml").read_text(encoding="utf-8"))
    index: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for label, entries in raw.items():
        for entry in entries:
            aliases = list(entry.get("aliases", []))
            for name in [entry["name"], *aliases]:
                index.setdefault(label, {})[fold(name)] = (entry["name"], aliases)
    return index


class Resolver:
    def __init__(self, dossier: Dossier, schema: Schema, lookup: Lookup, name: str):
        self.dossier = dossier
        self.schema = schema
        self.lookup = lookup
        self.file = name
        self.plan = Plan(dossier=dossier.id)
        self.refs: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.problems: list[tuple[str, str]] = []
        self.source_ids = {key: source_id(doc.url, doc.document) for key, doc in dossier.sources.items()}

    # -- helpers --------------------------------------------------------------------------
    def cited(self, refs: list[str]) -> list[str]:
        return [self.source_ids[ref] for ref in refs]

    def provenance(self, block: Provenance) -> dict[str, Any]:
        return {"confidence": block.confidence, "notes": block.notes}

    def add_node(self, node: PlannedNode, path: str) -> None:
        existing = self.plan.nodes.get(node.id)
        if existing is None:
            self.plan.nodes[node.id] = node
            return
        if existing.label != node.label:
            self.problems.append((path, f"resolves to {node.id}, already a {existing.label}"))
            return
        for key, value in node.props.items():
            old = existing.props.get(key)
            if old is not None and value is not None and old != value:
                self.problems.append(
                    (
                        f"{path}.properties.{key}",
                        f"resolves to {node.id} like another entity of this "
                        f"dossier, which gives {key}={old!r}, not {value!r}",
                    )
                )
            elif value is not None:
                existing.props[key] = value
        existing.sources = union(existing.sources, node.sources)
        existing.aliases = union(existing.aliases, node.aliases)
        existing.keys = union(existing.keys, node.keys)

    def add_edge(
        self,
        rel_type: str,
        source: str,
        target: str,
        sources: list[str],
        props: dict[str, Any] | None = None,
        key: str | None = None,
    ) -> None:
        eid = edge_id(rel_type, source, target, key)
        existing = self.plan.edges.get(eid)
        if existing is not None:
            existing.sources = union(existing.sources, sources)
            existing.props.update({k: v for k, v in (props or {}).items() if v is not None})
            return
        self.plan.edges[eid] = PlannedEdge(
            type=rel_type,
            id=eid,
            source=source,
            source_label=self.label_of(source),
            target=target,
            target_label=self.label_of(target),
            props=dict(props or {}),
            sources=list(sources),
            dossiers=[self.dossier.id],
        )

    def label_of(self, nid: str) -> str:
        return self.plan.nodes[nid].label

    def country(self, text: str, sources: list[str]) -> str:
        code = country_code(text)
        if code is None:  # the dossier validation reports it first
            raise DossierError(self.file, [("", f"unknown country {text!r}")])
        nid = f"country:{code}"
        self.add_node(
            PlannedNode(
                "Country",
                nid,
                country_name(code),
                {"code": code},
                sources=list(sources),
                dossiers=[self.dossier.id],
                keys=[fold(code), fold(country_name(code)), *country_names(code)],
            ),
            "country",
        )
        return nid

    def ref(self, ref: str, sources: list[str]) -> str:
        if ref.startswith(COUNTRY_REF):
            nid = self.country(ref[len(COUNTRY_REF) :], sources)
            # A country mentioned by a relationship is supported by that relationship's sources.
            node = self.plan.nodes[nid]
            node.sources = union(node.sources, sources)
            return nid
        return self.refs[ref]

    # -- steps ----------------------------------------------------------------------------
    def resolve(self) -> Plan:
        self.add_sources()
        self.add_operation()
        for ref, entity in self.dossier.entities.items():
            self.add_entity(ref, entity)
        self.add_relationships()
        self.add_claims()
        self.add_events()
        if self.problems:
            raise DossierError(self.file, self.problems)
        return self.plan

    def add_sources(self) -> None:
        for key, doc in self.dossier.sources.items():
            sid = self.source_ids[key]
            props = {
                "url": doc.url,
                "document": doc.document,
                "publisher": doc.publisher,
                "date": doc.date,
                "language": doc.language,
                "title": doc.title,
                "official": doc.official,
            }
            self.add_node(
                PlannedNode(
                    "Source",
                    sid,
                    doc.title or doc.publisher,
                    props,
                    sources=[sid],
                    dossiers=[self.dossier.id],
                ),
                f"sources.{key}",
            )

    def add_operation(self) -> None:
        op = self.dossier.operation
        oid = node_id("operation", self.dossier.id)
        props = {
            "kind": op.kind,
            "started": op.started,
            "action_day": op.action_day,
            "ended": op.ended,
            "summary": op.summary,
            "status": op.status,
            **self.provenance(op),
        }
        names = [op.name, *op.aliases]
        self.add_node(
            PlannedNode(
                "Operation",
                oid,
                op.name,
                props,
                self.cited(op.sources),
                [self.dossier.id],
                list(op.aliases),
                [fold(n) for n in names],
            ),
            "operation",
        )
        self.refs[OPERATION_REF] = oid
        for sid in self.source_ids.values():
            self.add_edge("REPORTS", sid, oid, [sid])

    def entity_id(self, ref: str, entity: Entity, names: list[str]) -> tuple[str, str, list[str]]:
        """(id, canonical name, extra aliases) for one entity."""
        spec = self.schema.labels[entity.label]
        if entity.id:
            return entity.id, entity.name, []
        if entity.label == "Country":
            code = country_code(entity.name) or ""
            return f"country:{code}", country_name(code), []
        if entity.label == "Domain":
            return f"domain:{entity.name.lower()}", entity.name.lower(), []
        if entity.label == "Person" and entity.properties.get("publicly_charged") is True:
            # Keyed by the name, but the id must not show it to readers without the right.
            return f"person:{short_hash(fold(entity.name))}", entity.name, []
        if entity.label not in SHARED_BY_NAME:
            # Servers and unnamed people are only known within their operation.
            return f"{spec.prefix}:{self.dossier.id}-{slug(ref)}", entity.name, []
        folded = [fold(n) for n in names]
        known = gazetteer().get(entity.label, {})
        for key in folded:
            if key in known:
                canonical, aliases = known[key]
                return node_id(spec.prefix, canonical), canonical, aliases
        found = self.lookup(entity.label, folded)
        fallback = (node_id(spec.prefix, entity.name), entity.name)
        resolved = next((found[key] for key in folded if key in found), fallback)
        self.plan.looked_up.append((entity.label, folded, resolved, fallback))
        return resolved[0], resolved[1], []

    def add_entity(self, ref: str, entity: Entity) -> None:
        names = [entity.name, *entity.aliases]
        nid, canonical, extra = self.entity_id(ref, entity, names)
        props: dict[str, Any] = dict(entity.properties)
        props.update(self.provenance(entity))
        props["first_seen"] = entity.first_seen
        props["last_seen"] = entity.last_seen
        if entity.label == "Person":
            props["named"] = entity.properties.get("publicly_charged") is True
        aliases = [n for n in union(names, extra) if n != canonical]
        if entity.label == "Country":
            code = nid.split(":", 1)[1]
            props["code"] = code
            aliases.append(code)
        if entity.country in {"EU", "INT"}:
            props["jurisdiction"] = entity.country
        elif entity.country and entity.label == "Agency":
            props.setdefault("jurisdiction", country_code(entity.country))
        keys = [fold(n) for n in [canonical, *aliases]]
        sources = self.cited(entity.sources)
        self.add_node(
            PlannedNode(
                entity.label, nid, canonical, props, sources, [self.dossier.id], aliases, union([], keys)
            ),
            f"entities.{ref}",
        )
        self.refs[ref] = nid
        spec = self.schema.labels[entity.label]
        if entity.country and entity.country not in {"EU", "INT"} and spec.country_relationship:
            self.add_edge(spec.country_relationship, nid, self.country(entity.country, sources), sources)

    def add_relationships(self) -> None:
        for rel in self.dossier.relationships:
            sources = self.cited(rel.sources)
            props = dict(rel.properties)
            props.update(self.provenance(rel))
            props["start"] = rel.start
            props["end"] = rel.end
            self.add_edge(
                rel.type,
                self.ref(rel.source, sources),
                self.ref(rel.target, sources),
                sources,
                props,
                rel.key,
            )

    def add_claims(self) -> None:
        for claim in self.dossier.claims:
            sources = self.cited(claim.sources)
            about = self.ref(claim.about, sources)
            shown = claim.value_text or (f"{claim.value:,}" if claim.value is not None else "")
            by = claim.claimed_by
            by_entity = self.refs.get(by) if by else None
            cid = "claim:" + short_hash(
                about,
                fold(claim.metric),
                str(claim.value),
                str(claim.value_text),
                fold(claim.unit),
                *sorted(sources),
            )
            props = {
                "metric": claim.metric,
                "value": claim.value,
                "value_text": claim.value_text,
                "unit": claim.unit,
                "qualifier": claim.qualifier,
                "date": claim.date,
                "claimed_by_text": None if by_entity else by,
                **self.provenance(claim),
            }
            self.add_node(
                PlannedNode(
                    "Claim", cid, f"{claim.metric}: {shown} {claim.unit}", props, sources, [self.dossier.id]
                ),
                "claims",
            )
            self.add_edge("ABOUT", cid, about, sources)
            for sid in sources:
                self.add_edge("CITES", cid, sid, [sid])
            if by_entity:
                self.add_edge("CLAIMED_BY", cid, by_entity, sources)

    def add_events(self) -> None:
        for event in self.dossier.events:
            sources = self.cited(event.sources)
            about = [self.ref(ref, sources) for ref in event.about]
            eid = "event:" + short_hash(event.date, event.kind, *sorted(about), fold(event.description))
            props = {
                "date": event.date,
                "kind": event.kind,
                "description": event.description,
                **self.provenance(event),
            }
            self.add_node(
                PlannedNode(
                    "Event",
                    eid,
                    f"{event.date} {event.kind}: {event.description}"[:200],
                    props,
                    sources,
                    [self.dossier.id],
                ),
                "events",
            )
            for target in about:
                self.add_edge("ABOUT", eid, target, sources)
            for sid in sources:
                self.add_edge("CITES", eid, sid, [sid])


def build_plan(dossier: Dossier, schema: Schema, lookup: Lookup, name: str) -> Plan:
    return Resolver(dossier, schema, lookup, name).resolve()


def still_valid(plan: Plan, lookup: Lookup) -> bool:
    """Whether `plan`, resolved against other names, is what `lookup` would resolve: every
    look-up it made gives the same node (the only way a lookup changes a plan)."""
    for label, keys, resolved, fallback in plan.looked_up:
        found = lookup(label, keys)
        if next((found[key] for key in keys if key in found), fallback) != resolved:
            return False
    return True
