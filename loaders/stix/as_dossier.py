"""STIX objects read through their own fields become one dossier, like a file's.

campaign -> the operation; intrusion-set and threat-actor -> Group; infrastructure ->
Server (Domain when its name is a domain name); location -> Country; identity -> Agency
(government sectors), Platform (class system) or Organization; report -> a source.
Objects of a piracy-graph export that carry no statements (an export for readers without
the right to see names) are read from our extension the same way, keeping their ids.

The dossier then goes through the checks and the resolution of every dossier: ids come
from names and the reviewed names of loaders/gazetteer.yaml, never from what the graph
holds. Every fact cites the reports that list it, its external references with a URL, or
else the bundle itself. People are named only where official material publicly charged
them, so an `individual` identity without our extension is refused. A problem the
dossier checks find is named by the object it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph.errors import DossierError
from graph.export.stix import CLAIM_TYPE, DATA_EXTENSION, EVENT_TYPE
from graph.model.countries import country_code, country_name
from graph.model.ids import node_id, short_hash, source_id
from graph.model.schema import Label, Rel, Schema
from loaders.dossier import FORMAT, OPERATION_REF, Dossier, parse_dossier
from loaders.stix.bundle import QUIET_TYPES, Bundle, confidence, day, ours
from loaders.stix.restore import Restored

# STIX relationship types, read back as ours; `located-at` becomes the label's country
# relationship, and any type spelled like one of ours (`took-down`) is that one.
FROM_STIX: dict[str, list[str]] = {
    "targets": [Rel.TARGETED],
    "uses": [Rel.USED, Rel.OPERATED, Rel.HOSTED_BY],
    "owns": [Rel.OPERATED],
    "hosts": [Rel.OPERATED],
    "related-to": [Rel.RELATED_TO],
    "attributed-to": [Rel.TARGETED],
    "consists-of": [],
}
GOVERNMENT_SECTORS = {
    "government",
    "government-national",
    "government-regional",
    "government-local",
    "government-public-services",
    "emergency-services",
    "law-enforcement",
}
DOMAIN_NAME = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
CONFIDENCES = {"high", "medium", "low"}


def dossier_id(bundle: Bundle) -> str:
    return "stix-" + bundle.id.split("--", 1)[-1][:12]


@dataclass
class AsDossier:
    """The dossier (None when every object was restored), and what had no counterpart."""

    dossier: Dossier | None
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


class DossierReader:
    def __init__(self, bundle: Bundle, schema: Schema, restored: Restored):
        self.bundle = bundle
        self.schema = schema
        self.restored = restored
        self.id = dossier_id(bundle)
        self.operation: dict[str, Any] | None = None
        self.sources: dict[str, dict[str, Any]] = {}
        self.entities: dict[str, dict[str, Any]] = {}
        self.relationships: list[dict[str, Any]] = []
        self.claims: dict[str, dict[str, Any]] = {}  # by STIX id, until their `about` is known
        self.events: dict[str, dict[str, Any]] = {}
        self.refs: dict[str, str] = {}  # STIX id -> dossier reference
        self.labels: dict[str, str] = {}  # STIX id -> label
        self.source_refs: dict[str, str] = {}  # our source id -> dossier source key
        self.listed_by: dict[str, list[str]] = {}  # STIX id -> keys of the reports listing it
        self.paths: dict[str, str] = {}  # dossier path -> the object it came from
        self.campaigns: list[str] = []
        self.skipped: list[tuple[str, str]] = []
        self.problems: list[tuple[str, str]] = []

    # -- helpers ------------------------------------------------------------------------
    def problem(self, sid: str, path: str, message: str) -> None:
        self.problems.append((f"{self.bundle.where[sid]}{path}", message))

    def source(self, values: dict[str, Any]) -> str:
        sid = source_id(values.get("url"), values.get("document"))
        key = "s" + sid.split(":", 1)[1]
        if key not in self.sources:
            self.sources[key] = _clean(values)
        self.source_refs[sid] = key
        return key

    def bundle_source(self) -> str:
        makers = [name for o in self.bundle.objects.values() if (name := self.bundle.creator_name(o))]
        publisher = max(sorted(set(makers)), key=makers.count) if makers else "STIX bundle"
        return self.source(
            {
                "document": f"stix:{self.bundle.id}",
                "publisher": publisher,
                "title": f"STIX bundle {self.bundle.id}",
            }
        )

    def cited(self, obj: dict[str, Any]) -> list[str]:
        """Dossier source keys for an object: ours cite their own sources; any other cites
        the reports listing it and its external references, or else the bundle."""
        data = ours(obj)
        if data is not None:
            keys = [self.source_refs[s] for s in data.get("sources") or [] if s in self.source_refs]
            return keys or [self.bundle_source()]
        keys = list(self.listed_by.get(obj["id"], []))
        for ref in obj.get("external_references") or []:
            if (
                isinstance(ref, dict)
                and _text(ref.get("url"))
                and ref.get("source_name") not in {"cve", "capec"}
            ):
                key = self.source(
                    {
                        "url": ref["url"],
                        "publisher": _text(ref.get("source_name")) or "unknown publisher",
                        "title": _text(ref.get("description")),
                    }
                )
                keys += [key] if key not in keys else []
        return keys or [self.bundle_source()]

    def provenance(self, obj: dict[str, Any]) -> dict[str, Any]:
        data = ours(obj)
        if data is not None:
            given = (data.get("properties") or {}).get("confidence")
            level = given if given in CONFIDENCES else None
        else:
            level = confidence(obj.get("confidence"))
        return _clean({"sources": self.cited(obj), "confidence": level})

    # -- the steps ------------------------------------------------------------------------
    def read(self) -> AsDossier:
        restored = set(self.restored.nodes) | self.restored.edges
        makers = self.bundle.makers()
        nodes = [
            o
            for sid, o in self.bundle.objects.items()
            if sid not in restored
            and o["type"] != "relationship"
            and o["type"] not in QUIET_TYPES
            and sid not in makers
        ]
        rels = [
            o for sid, o in self.bundle.objects.items() if sid not in restored and o["type"] == "relationship"
        ]
        for obj in sorted(nodes, key=lambda o: not self.is_source(o)):  # what cites a report finds it
            self.node(obj)
        for obj in rels:
            self.relationship(obj)
        if self.problems:
            raise DossierError(self.bundle.file, self.problems)
        if self.operation is None:
            if not (self.entities or self.claims or self.events or self.relationships):
                return AsDossier(None, self.skipped)
            raise DossierError(
                self.bundle.file,
                [
                    (
                        "",
                        "a bundle's own facts become one dossier, about one operation: it has no campaign",
                    )
                ],
            )
        return AsDossier(self.parse(), self.skipped)

    def is_source(self, obj: dict[str, Any]) -> bool:
        data = ours(obj)
        return obj["type"] == "report" if data is None else Label.SOURCE in (data.get("labels") or [])

    def parse(self) -> Dossier:
        raw = {
            "format": FORMAT,
            "id": self.id,
            "operation": self.operation,
            "sources": self.sources,
            "entities": self.entities,
            "relationships": self.relationships,
            "claims": list(self.claims.values()),
            "events": list(self.events.values()),
        }
        for i, sid in enumerate(self.claims):
            self.paths[f"claims[{i}]"] = self.bundle.where[sid]
        for i, sid in enumerate(self.events):
            self.paths[f"events[{i}]"] = self.bundle.where[sid]
        try:
            return parse_dossier(raw, self.bundle.file, self.schema)
        except DossierError as exc:
            raise DossierError(
                self.bundle.file, [(self.where(path), message) for path, message in exc.problems]
            ) from None

    def where(self, path: str) -> str:
        """A path in the dossier as the bundle object it came from, and the field."""
        for prefix in sorted(self.paths, key=len, reverse=True):
            if path == prefix or path.startswith((prefix + ".", prefix + "[")):
                rest = path[len(prefix) :].lstrip(".")
                return f"{self.paths[prefix]} {rest}" if rest else self.paths[prefix]
        return path

    # -- objects ----------------------------------------------------------------------------
    def node(self, obj: dict[str, Any]) -> None:
        data = ours(obj)
        label = self.label_of(obj, data)
        if label is None:
            return
        sid = obj["id"]
        self.labels[sid] = label
        if label == Label.SOURCE:
            self.refs[sid] = self.report(obj, data)
            self.paths[f"sources.{self.refs[sid]}"] = self.bundle.where[sid]
        elif label == Label.OPERATION:
            self.campaign(obj, data)
        elif label == Label.CLAIM:
            self.claims[sid] = self.claim(obj, data)
        elif label == Label.EVENT:
            self.events[sid] = self.event(obj, data)
        else:
            self.entity(obj, data, label)

    def label_of(self, obj: dict[str, Any], data: dict[str, Any] | None) -> str | None:
        kind, sid = obj["type"], obj["id"]
        if data is not None:
            label = next((lb for lb in data.get("labels") or [] if lb in self.schema.labels), None)
            nid = data.get("id")
            if label is None:
                self.problem(
                    sid,
                    f".extensions.{DATA_EXTENSION}.labels",
                    f"no label of the schema in {data.get('labels')!r}",
                )
            elif not isinstance(nid, str) or self.schema.label_of_id(nid) != label:
                self.problem(sid, f".extensions.{DATA_EXTENSION}.id", f"{nid!r} is not the id of a {label}")
                return None
            return label
        if kind == "report":
            return Label.SOURCE
        if kind == "campaign":
            return Label.OPERATION
        if kind in {"intrusion-set", "threat-actor"}:
            return Label.GROUP
        if kind == "infrastructure":
            return Label.DOMAIN if DOMAIN_NAME.match(str(obj.get("name", "")).lower()) else Label.SERVER
        if kind == "location":
            return Label.COUNTRY
        if kind == CLAIM_TYPE:
            return Label.CLAIM
        if kind == EVENT_TYPE:
            return Label.EVENT
        if kind == "identity":
            klass = obj.get("identity_class")
            if klass == "individual":
                self.problem(
                    sid,
                    ".identity_class",
                    "a person is named only where official material publicly charged them: "
                    "describe them by role, or give our extension with publicly_charged and name_basis",
                )
                return None
            if klass == "system":
                return Label.PLATFORM
            if GOVERNMENT_SECTORS & set(obj.get("sectors") or []):
                return Label.AGENCY
            return Label.ORGANIZATION
        self.skipped.append((sid, f"no piracy-graph counterpart for a STIX {kind}"))
        return None

    def report(self, obj: dict[str, Any], data: dict[str, Any] | None) -> str:
        if data is not None:
            props = data.get("properties") or {}
            fields = ("url", "document", "publisher", "date", "language", "title", "official")
            values = {k: props.get(k) for k in fields}
            values["publisher"] = values["publisher"] or "unknown publisher"
        else:
            urls = [
                r["url"]
                for r in obj.get("external_references") or []
                if isinstance(r, dict) and _text(r.get("url"))
            ]
            refs = [r for r in obj.get("external_references") or [] if isinstance(r, dict)]
            lang = obj.get("lang")
            values = {
                "url": urls[0] if urls else None,
                "document": None if urls else f"stix:{obj['id']}",
                "publisher": self.bundle.creator_name(obj)
                or (_text(refs[0].get("source_name")) if refs else None)
                or "unknown publisher",
                "title": _text(obj.get("name")),
                "date": day(obj.get("published")),
                "language": lang if isinstance(lang, str) and re.fullmatch("[a-z]{2}", lang) else None,
            }
        key = self.source(values)
        for ref in obj.get("object_refs") or []:
            listing = self.listed_by.setdefault(str(ref), [])
            listing += [key] if key not in listing else []
        return key

    def campaign(self, obj: dict[str, Any], data: dict[str, Any] | None) -> None:
        sid = obj["id"]
        self.campaigns.append(sid)
        if len(self.campaigns) > 1:
            first = self.bundle.where[self.campaigns[0]]
            self.problem(
                sid, "", f"a bundle's own facts become one dossier, about one operation; {first} is one too"
            )
            return
        if data is not None:
            props = data.get("properties") or {}
            block = {k: props.get(k) for k in ("kind", "started", "action_day", "ended", "summary", "status")}
            block |= {"id": data["id"], "name": data.get("name"), "aliases": props.get("aliases")}
        else:
            name = _text(obj.get("name"))
            block = {"name": name, "aliases": obj.get("aliases"), "summary": _text(obj.get("description"))}
            block |= {"started": day(obj.get("first_seen")), "ended": day(obj.get("last_seen"))}
            block["id"] = node_id(self.schema.labels[Label.OPERATION].prefix, name) if name else None
        self.operation = _clean({**block, **self.provenance(obj)})
        self.refs[sid] = OPERATION_REF
        self.paths["operation"] = self.bundle.where[sid]

    def entity(self, obj: dict[str, Any], data: dict[str, Any] | None, label: str) -> None:
        sid = obj["id"]
        spec = self.schema.labels[label]
        if data is not None:
            props = data.get("properties") or {}
            entity = {
                "id": data["id"],
                "name": data.get("name"),
                "aliases": [a for a in props.get("aliases") or [] if a != data.get("name")],
                "first_seen": props.get("first_seen"),
                "last_seen": props.get("last_seen"),
                "properties": {k: v for k, v in props.items() if k in spec.properties and k != "confidence"},
            }
            if label == Label.COUNTRY:
                entity["name"] = country_name(str(props.get("code") or data["id"].split(":", 1)[1]))
            if spec.named_when and props.get(spec.named_when) is not True:
                # Someone who may not be named is described, with no alias.
                entity["description"], entity["name"], entity["aliases"] = entity["name"], None, []
        else:
            read = self.foreign_entity(obj, label)
            if read is None:
                return
            entity = read
        ref = "e" + short_hash(sid)
        self.entities[ref] = _clean({"label": label, **entity, **self.provenance(obj)})
        self.entities[ref].setdefault("properties", {})
        self.refs[sid] = ref
        self.paths[f"entities.{ref}"] = self.bundle.where[sid]

    def foreign_entity(self, obj: dict[str, Any], label: str) -> dict[str, Any] | None:
        sid = obj["id"]
        name = _text(obj.get("name"))
        first, last = day(obj.get("first_seen")), day(obj.get("last_seen"))
        entity: dict[str, Any] = {"name": name, "aliases": [a for a in obj.get("aliases") or [] if a != name]}
        description = _text(obj.get("description"))
        if label == Label.COUNTRY:
            code = country_code(str(obj.get("country") or "")) or country_code(name or "")
            if code is None:
                self.problem(
                    sid, ".country", f"not a country the graph knows: {obj.get('country') or name!r}"
                )
                return None
            return {"name": country_name(code)}
        if name is None:
            self.problem(sid, ".name", f"a {obj['type']} read as a {label} needs a name")
            return None
        if label == Label.GROUP:
            types = obj.get("threat_actor_types") or []
            entity["properties"] = _clean(
                {"kind": types[0] if types else "unspecified", "description": description}
                | {"active_since": first, "active_until": last}
            )
        elif label == Label.SERVER:
            entity |= {"id": f"{self.schema.labels['Server'].prefix}:stix-{short_hash(sid)}"}
            entity |= {
                "first_seen": first,
                "last_seen": last,
                "properties": _clean({"description": description}),
            }
        elif label == Label.DOMAIN:
            entity |= {"name": name.lower(), "first_seen": first, "last_seen": last}
        elif label == Label.AGENCY:
            entity["properties"] = {"kind": description or "government"}
        else:
            entity["properties"] = _clean({"kind": description})
        return entity

    def claim(self, obj: dict[str, Any], data: dict[str, Any] | None) -> dict[str, Any]:
        given = (data.get("properties") or {}) if data is not None else obj
        fields = ("metric", "value", "value_text", "unit", "qualifier", "date")
        values = {k: given.get(k) for k in fields}
        values["claimed_by"] = given.get("claimed_by_text" if data is not None else "claimed_by")
        return _clean({**values, **self.provenance(obj)})

    def event(self, obj: dict[str, Any], data: dict[str, Any] | None) -> dict[str, Any]:
        given = (data.get("properties") or {}) if data is not None else obj
        values = {"date": given.get("date"), "kind": given.get("kind") or "other"}
        values["description"] = given.get("description") or _text(obj.get("name"))
        return _clean({**values, **self.provenance(obj)})

    # -- relationships ------------------------------------------------------------------
    def relationship(self, obj: dict[str, Any]) -> None:
        sid = obj["id"]
        ends = []
        for end in ("source_ref", "target_ref"):
            ref = obj.get(end)
            if ref not in self.bundle.objects:
                self.problem(sid, f".{end}", f"{ref!r} is not in the bundle")
                return
            ends.append(str(ref))
        source, target = ends
        if source in self.restored.nodes or target in self.restored.nodes:
            self.skipped.append(
                (sid, "joins an object restored with its statements; the export holds the relationship")
            )
            return
        src_label, dst_label = self.labels.get(source), self.labels.get(target)
        if src_label is None or dst_label is None:
            self.skipped.append((sid, "one end has no piracy-graph counterpart"))
            return
        rel_type = self.relationship_type(obj, src_label, dst_label)
        if rel_type is None:
            return
        if rel_type == Rel.ABOUT and source in self.claims:
            self.claims[source]["about"] = self.refs[target]
        elif rel_type == Rel.ABOUT and source in self.events:
            about = self.events[source].setdefault("about", [])
            about += [self.refs[target]] if self.refs[target] not in about else []
        elif rel_type == Rel.CLAIMED_BY and source in self.claims:
            self.claims[source]["claimed_by"] = self.refs[target]
        elif rel_type in {Rel.REPORTS, Rel.CITES} or Label.SOURCE in {src_label, dst_label}:
            return  # a dossier's sources report its operation, and what they support cites them
        else:
            self.add_relationship(obj, rel_type, source, target)

    def relationship_type(self, obj: dict[str, Any], src_label: str, dst_label: str) -> str | None:
        data = ours(obj)
        if data is not None:
            rel_type = str(data.get("type"))
            spec = self.schema.relationships.get(rel_type)
            if spec is None:
                self.problem(
                    obj["id"], f".extensions.{DATA_EXTENSION}.type", f"unknown relationship type {rel_type!r}"
                )
                return None
            if not spec.allows(src_label, dst_label):
                self.problem(
                    obj["id"],
                    f".extensions.{DATA_EXTENSION}.type",
                    f"{rel_type} does not go from {src_label} to {dst_label}",
                )
                return None
            return rel_type
        stix_type = str(obj.get("relationship_type"))
        candidates = list(FROM_STIX.get(stix_type, []))
        country_rel = self.schema.labels[src_label].country_relationship
        if stix_type == "located-at" and country_rel:
            candidates.append(country_rel)
        spelled = stix_type.upper().replace("-", "_")
        if spelled in self.schema.relationships:
            candidates.append(spelled)
        found = next(
            (t for t in candidates if self.schema.relationships[t].allows(src_label, dst_label)), None
        )
        if found is None:
            self.skipped.append(
                (
                    obj["id"],
                    f"no relationship of the schema reads {stix_type!r} from {src_label} to {dst_label}",
                )
            )
        return found

    def add_relationship(self, obj: dict[str, Any], rel_type: str, source: str, target: str) -> None:
        data = ours(obj)
        if data is not None:
            props = data.get("properties") or {}
            allowed = self.schema.relationships[rel_type].properties
            values: dict[str, Any] = {"start": props.get("start"), "end": props.get("end")}
            values["properties"] = {k: v for k, v in props.items() if k in allowed}
        else:
            values = {"start": day(obj.get("start_time")), "end": day(obj.get("stop_time"))}
            values["notes"] = _text(obj.get("description"))
        rel = _clean({"from": self.refs[source], "type": rel_type, "to": self.refs[target], **values})
        self.paths[f"relationships[{len(self.relationships)}]"] = self.bundle.where[obj["id"]]
        self.relationships.append({**rel, **self.provenance(obj)})


def as_dossier(bundle: Bundle, schema: Schema, restored: Restored) -> AsDossier:
    return DossierReader(bundle, schema, restored).read()
