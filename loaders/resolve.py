"""Entity resolution and statements: a dossier -> the statements it makes, by graph id.

An id depends on the dossier alone (its names, the reviewed names in gazetteer.yaml and
the analysts' judgements in judgements.yaml), never on what the graph already holds: so
the graph is the same whatever order dossiers arrive in. Every value the dossier gives
becomes a statement with the sources it cites, the dossier's id and its confidence
(graph/model/statements.py).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import DossierError
from graph.model.countries import country_code, country_name
from graph.model.ids import edge_id, fold, node_id, short_hash, slug, source_id
from graph.model.plan import Plan, PlannedEdge, PlannedNode
from graph.model.schema import Label, Rel, Schema
from graph.model.statements import (
    ALIAS,
    MENTION,
    MULTI_VALUED,
    NAME,
    NOTES,
    Statement,
    cited,
    source_rank,
    value_text,
)
from loaders.dossier import COUNTRY_REF, OPERATION_REF, OTHER_OPERATION_REF, Dossier, Entity, Provenance
from loaders.judgements import judgements
from loaders.measures import measure_of, measure_terms, metric_terms


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
    def __init__(self, dossier: Dossier, schema: Schema, name: str):
        self.dossier = dossier
        self.schema = schema
        self.file = name
        self.plan = Plan(dossiers=[dossier.id])
        self.refs: dict[str, str] = {}
        self.problems: list[tuple[str, str]] = []
        self.source_ids = {key: source_id(doc.url, doc.document) for key, doc in dossier.sources.items()}
        self.ranks: dict[str, int] = {}
        for key, doc in dossier.sources.items():
            sid = self.source_ids[key]
            self.ranks[sid] = max(self.ranks.get(sid, 0), source_rank(doc.official))

    # -- helpers --------------------------------------------------------------------------
    def cited(self, refs: list[str]) -> list[str]:
        return [self.source_ids[ref] for ref in refs]

    def said(
        self, values: dict[str, Any], sources: list[str], block: Provenance | None = None
    ) -> list[Statement]:
        """This dossier's statements of `values` (None values say nothing), citing
        `sources`, with the confidence and notes of `block`."""
        confidence = (block.confidence if block else None) or ""
        rank = max((self.ranks[s] for s in sources), default=0)
        if block is not None and block.notes:
            values = {**values, NOTES: block.notes}
        ids = cited(sources)
        dossier = self.dossier.id
        return [
            Statement(prop, value_text(value), dossier, confidence, rank, ids)
            for prop, value in values.items()
            if value is not None
        ]

    def add_node(self, label: str, nid: str, statements: list[Statement], path: str) -> None:
        existing = self.plan.nodes.get(nid)
        if existing is None:
            self.plan.nodes[nid] = PlannedNode(label, nid, statements)
            return
        if existing.label != label:
            self.problems.append((path, f"resolves to {nid}, already a {existing.label}"))
            return
        given = {
            s.prop: s for s in existing.statements if s.prop not in (MULTI_VALUED | {NAME, NOTES, MENTION})
        }
        for item in statements:
            old = given.get(item.prop)
            if old is not None and old.value_json != item.value_json:
                self.problems.append(
                    (
                        f"{path}.properties.{item.prop}",
                        f"resolves to {nid} like another entity of this dossier, which gives "
                        f"{item.prop}={old.value!r}, not {item.value!r}",
                    )
                )
        existing.statements.extend(statements)

    def add_edge(
        self,
        rel_type: str,
        source: str,
        target: str,
        sources: list[str],
        props: dict[str, Any] | None = None,
        key: str | None = None,
        block: Provenance | None = None,
    ) -> None:
        eid = edge_id(rel_type, source, target, key)
        # The mention itself: a relationship has no name to state.
        stated = self.said({MENTION: True, **(props or {})}, sources, block)
        existing = self.plan.edges.get(eid)
        if existing is not None:
            existing.statements.extend(stated)
            return
        self.plan.edges[eid] = PlannedEdge(
            type=rel_type,
            id=eid,
            source=source,
            source_label=self.label_of(source),
            target=target,
            target_label=self.label_of(target),
            statements=stated,
        )

    def label_of(self, nid: str) -> str:
        return self.plan.nodes[nid].label

    def country(self, text: str, sources: list[str]) -> str:
        code = country_code(text)
        if code is None:  # the dossier validation reports it first
            raise DossierError(self.file, [("", f"unknown country {text!r}")])
        nid = f"country:{code}"
        self.add_node(
            Label.COUNTRY, nid, self.said({NAME: country_name(code), "code": code}, sources), "country"
        )
        return nid

    def ref(self, ref: str, sources: list[str]) -> str:
        if ref.startswith(COUNTRY_REF):
            # A country mentioned by a relationship is supported by that relationship's sources.
            return self.country(ref[len(COUNTRY_REF) :], sources)
        if ref.startswith(OTHER_OPERATION_REF):
            # Another dossier's operation: this dossier only mentions it, so the link exists
            # whichever of the two is loaded first; its own dossier names and describes it.
            nid = ref
            self.add_node(Label.OPERATION, nid, self.said({MENTION: True}, sources), "relationships")
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
        self.plan.fingerprints[self.dossier.id] = self.plan.fingerprint()
        return self.plan

    def add_sources(self) -> None:
        for key, doc in self.dossier.sources.items():
            sid = self.source_ids[key]
            values = {
                NAME: doc.title or doc.publisher,
                "url": doc.url,
                "document": doc.document,
                "publisher": doc.publisher,
                "date": doc.date,
                "language": doc.language,
                "title": doc.title,
                "official": doc.official,
            }
            self.add_node(Label.SOURCE, sid, self.said(values, [sid]), f"sources.{key}")

    def add_operation(self) -> None:
        op = self.dossier.operation
        oid = op.id or node_id(self.schema.labels[Label.OPERATION].prefix, self.dossier.id)
        values = {
            NAME: op.name,
            "kind": op.kind,
            "started": op.started,
            "action_day": op.action_day,
            "ended": op.ended,
            "summary": op.summary,
            "status": op.status,
        }
        sources = self.cited(op.sources)
        stated = self.said(values, sources, op)
        stated += self.said_aliases(op.aliases, sources, op)
        self.add_node(Label.OPERATION, oid, stated, "operation")
        self.refs[OPERATION_REF] = oid
        for sid in self.source_ids.values():
            self.add_edge(Rel.REPORTS, sid, oid, [sid])

    def said_aliases(self, aliases: list[str], sources: list[str], block: Provenance) -> list[Statement]:
        return [item for alias in aliases for item in self.said({ALIAS: alias}, sources, block)]

    def entity_id(self, ref: str, entity: Entity) -> tuple[str, str]:
        """(id, canonical name) for one entity: from the dossier and the gazetteer alone."""
        spec = self.schema.labels[entity.label]
        name = entity.shown
        if entity.id:
            return entity.id, name
        if spec.natural_key == "code":
            code = country_code(name) or ""
            return f"{spec.prefix}:{code}", country_name(code)
        if spec.natural_key == "lowercase_name":
            return f"{spec.prefix}:{name.lower()}", name.lower()
        if spec.named_when and entity.properties.get(spec.named_when) is True:
            # Keyed by the name, but the id must not show it to readers without the right.
            return f"{spec.prefix}:{short_hash(fold(name))}", name
        if not spec.shared_by_name:
            # Servers and unnamed people are only known within their operation.
            return f"{spec.prefix}:{self.dossier.id}-{slug(ref)}", name
        known = gazetteer().get(entity.label, {})
        for given in [name, *entity.aliases]:
            found = known.get(fold(given))
            if found is not None:
                return node_id(spec.prefix, found[0]), found[0]
        return node_id(spec.prefix, name), name

    def add_entity(self, ref: str, entity: Entity) -> None:
        nid, canonical = self.entity_id(ref, entity)
        # Two nodes an analyst judged the same are one (loaders/judgements.py).
        nid = judgements().canonical(nid)
        values: dict[str, Any] = {NAME: canonical, **entity.properties}
        values["first_seen"] = entity.first_seen
        values["last_seen"] = entity.last_seen
        spec = self.schema.labels[entity.label]
        if spec.named_when:
            values["named"] = entity.properties.get(spec.named_when) is True
        if spec.natural_key == "code":
            values["code"] = nid.split(":", 1)[1]
        if spec.country_property and entity.country in {"EU", "INT"}:
            values[spec.country_property] = entity.country
        elif spec.country_property and entity.country and values.get(spec.country_property) is None:
            values[spec.country_property] = country_code(entity.country)
        sources = self.cited(entity.sources)
        aliases = [n for n in dict.fromkeys([entity.shown, *entity.aliases]) if n != canonical]
        stated = self.said(values, sources, entity) + self.said_aliases(aliases, sources, entity)
        self.add_node(entity.label, nid, stated, f"entities.{ref}")
        self.refs[ref] = nid
        if entity.country and entity.country not in {"EU", "INT"} and spec.country_relationship:
            self.add_edge(spec.country_relationship, nid, self.country(entity.country, sources), sources)
        for field, rel_type in spec.places.items():
            for place in entity.places(field):
                cited = self.cited(place.sources) if place.sources is not None else sources
                props = {"place": place.place, "date": place.date}
                target = self.country(place.country, cited)
                self.add_edge(rel_type, nid, target, cited, props)

    def add_relationships(self) -> None:
        for rel in self.dossier.relationships:
            sources = self.cited(rel.sources)
            props = dict(rel.properties)
            props["start"] = rel.start
            props["end"] = rel.end
            self.add_edge(
                rel.type,
                self.ref(rel.source, sources),
                self.ref(rel.target, sources),
                sources,
                props,
                rel.key,
                rel,
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
            values = {
                NAME: f"{claim.metric}: {shown} {claim.unit}",
                "metric": claim.metric,
                "value": claim.value,
                "value_text": claim.value_text,
                "unit": claim.unit,
                "qualifier": claim.qualifier,
                "date": claim.date,
                "claimed_by_text": None if by_entity else by,
                # What the figure counts, so that claims worded differently are compared.
                "measure": measure_of(claim.unit, claim.metric),
                "measure_terms": measure_terms(claim.unit, claim.metric, claim.qualifier),
                "metric_terms": metric_terms(claim.metric),
            }
            self.add_node(Label.CLAIM, cid, self.said(values, sources, claim), "claims")
            self.add_edge(Rel.ABOUT, cid, about, sources, block=claim)
            for sid in sources:
                self.add_edge(Rel.CITES, cid, sid, [sid], block=claim)
            if by_entity:
                self.add_edge(Rel.CLAIMED_BY, cid, by_entity, sources, block=claim)

    def add_events(self) -> None:
        for event in self.dossier.events:
            sources = self.cited(event.sources)
            about = [self.ref(ref, sources) for ref in event.about]
            eid = "event:" + short_hash(event.date, event.kind, *sorted(about), fold(event.description))
            values = {
                NAME: f"{event.date} {event.kind}: {event.description}"[:200],
                "date": event.date,
                "kind": event.kind,
                "description": event.description,
            }
            self.add_node(Label.EVENT, eid, self.said(values, sources, event), "events")
            for target in about:
                self.add_edge(Rel.ABOUT, eid, target, sources, block=event)
            for sid in sources:
                self.add_edge(Rel.CITES, eid, sid, [sid], block=event)


def build_plan(dossier: Dossier, schema: Schema, name: str) -> Plan:
    return Resolver(dossier, schema, name).resolve()
