"""STIX 2.1 bundles -> the same write plan a dossier becomes: checked whole, written whole.

Objects that carry our data extension (every object of a piracy-graph export) come back
exactly as the graph held them: same ids, properties, sources and keys. Other objects are
read like a dossier's entities: campaign -> Operation, intrusion-set and threat-actor ->
Group, infrastructure -> Server (Domain when its name is a domain name), location ->
Country, identity -> Agency (government sectors), Platform (class system) or Organization,
report -> Source; groups, agencies, platforms and organisations get their ids as a
dossier's entities do, from their names and the reviewed names of loaders/gazetteer.yaml,
never from what the graph holds (the graph would then depend on load order). Every fact keeps
its sources: the reports that list it, its external references with a URL, or else the
bundle itself as a source. People are named only where official material publicly
charged them, so an `individual` identity without our extension is refused.

Each object read through its STIX fields is first checked against the official STIX 2.1
JSON schema of its type (a copy ships in loaders/stix2_schemas/); objects of ours are read
from our extension alone, checked field by field. Every problem names the object and the
field, and a bundle with one problem writes nothing.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from graph.errors import DossierError, InvalidInput
from graph.export.stix import CLAIM_TYPE, DATA_EXTENSION, EVENT_TYPE
from graph.model.countries import country_code, country_name, country_names
from graph.model.ids import edge_id, fold, node_id, short_hash, source_id
from graph.model.plan import Plan, PlannedEdge, PlannedNode
from graph.model.schema import Schema
from graph.model.statements import ALIAS, MENTION, NAME, Statement, decode, statement
from graph.store.base import Store
from loaders.pipeline import write_plans
from loaders.resolve import gazetteer

log = logging.getLogger(__name__)

# Our own export of a 10^4-node graph is about 46 MB (every object lists its sources).
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MAX_PROBLEMS = 50
SCHEMAS_DIR = Path(__file__).parent / "stix2_schemas" / "schemas"
SCHEMA_PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/"
CHECKED_TYPES = {
    "campaign": "sdos/campaign.json",
    "intrusion-set": "sdos/intrusion-set.json",
    "threat-actor": "sdos/threat-actor.json",
    "infrastructure": "sdos/infrastructure.json",
    "identity": "sdos/identity.json",
    "location": "sdos/location.json",
    "report": "sdos/report.json",
    "relationship": "sros/relationship.json",
    "extension-definition": "common/extension-definition.json",
}
# Objects that state no fact of their own.
QUIET_TYPES = {"extension-definition", "marking-definition", "language-content"}
# STIX relationship types, read back as ours; `located-at` becomes the label's country
# relationship, and any type spelled like one of ours (`took-down`) is that one.
FROM_STIX = {
    "targets": ["TARGETED"],
    "uses": ["USED", "OPERATED", "HOSTED_BY"],
    "owns": ["OPERATED"],
    "hosts": ["OPERATED"],
    "related-to": ["RELATED_TO"],
    "attributed-to": ["TARGETED"],
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
PROPERTY_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def union(first: list[str], second: list[str]) -> list[str]:
    """Ordered set union: keeps the first list's order, appends what is new."""
    known = set(first)
    return first + [item for item in second if item not in known]


@dataclass(slots=True)
class BundleNode:
    """A node as the bundle gives it, before it becomes statements."""

    label: str
    id: str
    name: str
    props: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    dossiers: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    def absorb(self, other: BundleNode) -> None:
        for key, value in other.props.items():
            if value is not None and self.props.get(key) is None:
                self.props[key] = value
        self.sources = union(self.sources, other.sources)
        self.dossiers = union(self.dossiers, other.dossiers)
        self.aliases = union(self.aliases, other.aliases)
        self.keys = union(self.keys, other.keys)


@dataclass(slots=True)
class BundleEdge:
    type: str
    id: str
    source: str
    source_label: str
    target: str
    target_label: str
    props: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    dossiers: list[str] = field(default_factory=list)


@dataclass
class Draft:
    nodes: dict[str, BundleNode] = field(default_factory=dict)
    edges: dict[str, BundleEdge] = field(default_factory=dict)


def as_statements(draft: Draft, tag: str) -> Plan:
    """The bundle's facts as the statements of one dossier, `tag`. An object of ours
    brings back the statements it was exported with; a foreign object states what it
    gives, citing the sources the reader found for it."""
    plan = Plan(dossiers=[tag])
    for node in draft.nodes.values():
        plan.nodes[node.id] = PlannedNode(node.label, node.id, _stated(node, tag, {NAME: node.name}))
        plan.nodes[node.id].statements += [
            statement(ALIAS, alias, tag, node.sources)
            for alias in node.aliases
            if "statements" not in node.props
        ]
    for edge in draft.edges.values():
        plan.edges[edge.id] = PlannedEdge(
            edge.type,
            edge.id,
            edge.source,
            edge.source_label,
            edge.target,
            edge.target_label,
            _stated(edge, tag, {MENTION: True}),
        )
    plan.fingerprints[tag] = plan.fingerprint()
    return plan


def _stated(item: BundleNode | BundleEdge, tag: str, first: dict[str, Any]) -> list[Statement]:
    exported = item.props.get("statements")
    if isinstance(exported, list) and exported and all(isinstance(text, str) for text in exported):
        return [decode(text) for text in exported]
    props = {k: v for k, v in item.props.items() if k not in {"sources", "dossiers", "confidence"}}
    confidence = item.props.get("confidence")
    values = {**first, **props}
    return [
        statement(
            prop, value, tag, item.sources, confidence=confidence if isinstance(confidence, str) else None
        )
        for prop, value in values.items()
        if value is not None
    ]


@dataclass(frozen=True)
class StixLoadResult:
    path: str
    bundle: str
    nodes: int
    edges: int
    skipped: list[tuple[str, str]] = field(default_factory=list)


# -- the official schemas, offline -----------------------------------------------------------
# jsonschema is imported on first use: with its format extras it takes seconds to import,
# which every `piracy-graph` command would pay.
@cache
def _registry() -> Any:
    """Every schema under its own $id, crawled once: a `$ref` never leaves this folder."""
    from referencing import Registry, Resource

    resources = []
    for path in sorted(SCHEMAS_DIR.rglob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources).crawl()


@cache
def _validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = _registry()[SCHEMA_PREFIX + CHECKED_TYPES[kind]].contents
    return Draft202012Validator(schema, registry=_registry())


def schema_problems(obj: dict[str, Any], where: str) -> list[tuple[str, str]]:
    kind = obj.get("type")
    if kind not in CHECKED_TYPES:
        return []
    problems = []
    for error in _validator(str(kind)).iter_errors(obj):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        problems.append((f"{where}{path}", error.message))
    return problems


# -- reading ----------------------------------------------------------------------------------
def read_bundle_bytes(data: bytes, name: str) -> dict[str, Any]:
    if len(data) > MAX_BUNDLE_BYTES:
        raise DossierError(name, [("", f"the bundle is over {MAX_BUNDLE_BYTES} bytes")])
    try:
        bundle = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DossierError(name, [("", f"not UTF-8: {exc}")]) from exc
    except json.JSONDecodeError as exc:
        raise DossierError(name, [("", f"not JSON: {exc}")]) from exc
    problems = []
    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise DossierError(name, [("type", "a STIX bundle has type 'bundle'")])
    if not isinstance(bundle.get("id"), str) or not bundle["id"].startswith("bundle--"):
        problems.append(("id", "a STIX bundle has an id 'bundle--<uuid>'"))
    objects = bundle.get("objects")
    if not isinstance(objects, list) or not objects:
        problems.append(("objects", "a STIX bundle lists its objects"))
    else:
        for i, obj in enumerate(objects):
            if (
                not isinstance(obj, dict)
                or not isinstance(obj.get("type"), str)
                or not isinstance(obj.get("id"), str)
            ):
                problems.append((f"objects[{i}]", "every object has a type and an id"))
    if problems:
        raise DossierError(name, problems)
    return dict(bundle)


def _day(value: Any) -> str | None:
    """'2020-11-10T00:00:00Z' -> '2020-11-10': our dates are days, months or years."""
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def _confidence(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return "high" if value >= 70 else "medium" if value >= 30 else "low"


class BundleReader:
    def __init__(self, bundle: dict[str, Any], schema: Schema, name: str):
        self.bundle = bundle
        self.schema = schema
        self.file = name
        self.tag = "stix-" + bundle["id"].split("--", 1)[-1][:12]
        self.plan = Draft()
        self.problems: list[tuple[str, str]] = []
        self.skipped: list[tuple[str, str]] = []
        self.objects: dict[str, dict[str, Any]] = {}
        self.where: dict[str, str] = {}
        self.refs: dict[str, str] = {}  # STIX id -> our node id
        self.listed_by: dict[str, list[str]] = {}  # STIX id -> ids of the sources of reports listing it
        self.bundle_source: str | None = None

    # -- helpers ------------------------------------------------------------------------
    def problem(self, stix_id: str, path: str, message: str) -> None:
        self.problems.append((f"{self.where.get(stix_id, stix_id)}{path}", message))

    def add_node(self, node: BundleNode) -> None:
        existing = self.plan.nodes.get(node.id)
        if existing is None:
            self.plan.nodes[node.id] = node
            return
        if existing.label != node.label:
            self.problems.append((node.id, f"is both a {existing.label} and a {node.label}"))
            return
        existing.absorb(node)

    def add_edge(self, edge: BundleEdge) -> None:
        existing = self.plan.edges.get(edge.id)
        if existing is None:
            self.plan.edges[edge.id] = edge
            return
        existing.sources = union(existing.sources, edge.sources)
        existing.dossiers = union(existing.dossiers, edge.dossiers)
        existing.props.update({k: v for k, v in edge.props.items() if v is not None})

    def properties(self, stix_id: str, raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict):
            self.problem(stix_id, ".properties", "must be an object")
            return {}
        props: dict[str, Any] = {}
        for key, value in raw.items():
            scalar = (str, int, float, bool)
            if not PROPERTY_NAME.match(str(key)):
                self.problem(stix_id, f".properties.{key}", "not a property name (a-z, 0-9, _)")
            elif isinstance(value, list) and all(isinstance(v, scalar) for v in value):
                props[key] = list(value)
            elif isinstance(value, scalar):
                props[key] = value
            elif value is not None:
                self.problem(stix_id, f".properties.{key}", "must be a text, a number, true/false or a list")
        return props

    def strings(self, stix_id: str, path: str, raw: Any) -> list[str]:
        if raw is None:
            return []
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            self.problem(stix_id, path, "must be a list of texts")
            return []
        return list(raw)

    # -- the steps ------------------------------------------------------------------------
    def read(self) -> Draft:
        for i, obj in enumerate(self.bundle["objects"]):
            sid = obj["id"]
            previous = self.objects.get(sid)
            if previous is not None and str(previous.get("modified", "")) >= str(obj.get("modified", "")):
                continue  # an older version of an object the bundle also holds
            self.objects[sid] = obj
            self.where[sid] = f"objects[{i}] ({sid})"
        for sid, obj in self.objects.items():
            # An object of ours is read from our extension alone, which the steps below
            # check field by field; the schema checks the STIX fields of everything else.
            if DATA_EXTENSION not in (obj.get("extensions") or {}):
                self.problems += schema_problems(obj, self.where[sid])
        if self.problems:
            raise DossierError(self.file, self.problems[:MAX_PROBLEMS])
        # Identities that only made objects (a bundle's producer, a report's publisher) are
        # who said things, already kept as the sources' publishers: no fact of their own.
        ends = {
            o.get(e)
            for o in self.objects.values()
            if o["type"] == "relationship"
            for e in ("source_ref", "target_ref")
        }
        makers = {o.get("created_by_ref") for o in self.objects.values()} - ends
        nodes = [o for o in self.objects.values() if o["type"] != "relationship" and o["id"] not in makers]
        # Reports first: the facts they list cite them.
        for obj in sorted(nodes, key=lambda o: o["type"] != "report"):
            self.node(obj)
        for obj in self.objects.values():
            if obj["type"] == "relationship":
                self.relationship(obj)
        self.reports_edges()
        self.check_citations()
        if self.problems:
            raise DossierError(self.file, self.problems[:MAX_PROBLEMS])
        return self.plan

    def node(self, obj: dict[str, Any]) -> None:
        data = (obj.get("extensions") or {}).get(DATA_EXTENSION)
        if isinstance(data, dict):
            self.our_node(obj, data)
        elif obj["type"] in QUIET_TYPES:
            return
        else:
            self.foreign_node(obj)

    def our_node(self, obj: dict[str, Any], data: dict[str, Any]) -> None:
        sid, where = obj["id"], f".extensions.{DATA_EXTENSION}"
        nid, name = data.get("id"), data.get("name")
        label = next((lb for lb in data.get("labels") or [] if lb in self.schema.labels), None)
        if label is None:
            self.problem(sid, f"{where}.labels", f"no label of the schema in {data.get('labels')!r}")
            return
        if not isinstance(nid, str) or self.schema.label_of_id(nid) != label:
            self.problem(sid, f"{where}.id", f"{nid!r} is not the id of a {label}")
            return
        if not isinstance(name, str) or not name:
            self.problem(sid, f"{where}.name", "a node has a name")
            return
        props = self.properties(sid, data.get("properties", {}))
        aliases = self.strings(sid, f"{where}.properties.aliases", props.pop("aliases", []))
        dossiers = self.strings(sid, f"{where}.properties.dossiers", props.pop("dossiers", []))
        keys = self.strings(sid, f"{where}.keys", data.get("keys"))
        if not keys:  # a redacted or hand-made bundle: found by its name and aliases
            keys = [fold(n) for n in [name, *aliases]]
        node = BundleNode(
            label,
            nid,
            name,
            props,
            self.strings(sid, f"{where}.sources", data.get("sources")),
            dossiers or [self.tag],
            aliases,
            keys,
        )
        self.add_node(node)
        self.refs[sid] = nid

    def cited(self, obj: dict[str, Any]) -> list[str]:
        """Our source ids for a foreign object: the reports listing it, its references."""
        sources = list(self.listed_by.get(obj["id"], []))
        for ref in obj.get("external_references") or []:
            if isinstance(ref, dict) and ref.get("url") and ref.get("source_name") not in {"cve", "capec"}:
                sources = union(
                    sources,
                    [
                        self.source_node(
                            ref["url"], None, ref.get("source_name"), ref.get("description"), None, None
                        )
                    ],
                )
        if not sources:
            sources = [self.the_bundle_source()]
        return sources

    def source_node(
        self,
        url: str | None,
        document: str | None,
        publisher: str | None,
        title: str | None,
        date: str | None,
        language: str | None,
    ) -> str:
        sid = source_id(url, document)
        shown = publisher or "unknown publisher"
        props = {"url": url, "document": document, "publisher": shown}
        props |= {"title": title, "date": date, "language": language}
        self.add_node(BundleNode("Source", sid, title or shown, props, [sid], [self.tag]))
        return sid

    def the_bundle_source(self) -> str:
        if self.bundle_source is None:
            makers = [str(o["created_by_ref"]) for o in self.objects.values() if o.get("created_by_ref")]
            creator = self.objects.get(max(set(makers), key=makers.count), {}) if makers else {}
            self.bundle_source = self.source_node(
                None,
                f"stix:{self.bundle['id']}",
                creator.get("name") or "STIX bundle",
                f"STIX bundle {self.file}",
                None,
                None,
            )
        return self.bundle_source

    def publisher(self, obj: dict[str, Any]) -> str | None:
        creator = self.objects.get(str(obj.get("created_by_ref")))
        if creator and isinstance(creator.get("name"), str):
            return str(creator["name"])
        refs = [r for r in obj.get("external_references") or [] if isinstance(r, dict)]
        return str(refs[0]["source_name"]) if refs else None

    def foreign_node(self, obj: dict[str, Any]) -> None:
        kind, sid = obj["type"], obj["id"]
        name = obj.get("name")
        if kind == "report":
            url = next(
                (
                    r["url"]
                    for r in obj.get("external_references") or []
                    if isinstance(r, dict) and r.get("url")
                ),
                None,
            )
            source = self.source_node(
                url,
                None if url else f"stix:{sid}",
                self.publisher(obj),
                name,
                _day(obj.get("published")),
                obj.get("lang"),
            )
            self.refs[sid] = source
            for ref in obj.get("object_refs", []):
                self.listed_by[ref] = union(self.listed_by.get(ref, []), [source])
            return
        label = self.foreign_label(obj)
        if label is None:
            return
        if not isinstance(name, str) or not name.strip():
            if kind in {CLAIM_TYPE, EVENT_TYPE}:
                what = obj.get("value_text") or obj.get("value") or obj.get("description")
                name = f"{obj.get('metric') or obj.get('kind')}: {what}"
            else:
                self.problem(sid, ".name", f"a {kind} read as a {label} needs a name")
                return
        aliases = [a for a in self.strings(sid, ".aliases", obj.get("aliases")) if a != name]
        props: dict[str, Any] = {"confidence": _confidence(obj.get("confidence"))}
        first, last = _day(obj.get("first_seen")), _day(obj.get("last_seen"))
        if label == "Operation":
            props |= {"summary": obj.get("description"), "started": first, "ended": last}
        elif label == "Group":
            types = obj.get("threat_actor_types") or []
            props |= {"kind": types[0] if types else "unspecified", "description": obj.get("description")}
            props |= {"active_since": first, "active_until": last}
        elif label in {"Server", "Domain"}:
            props |= {"first_seen": first, "last_seen": last}
            if label == "Server":
                props["description"] = obj.get("description")
        elif label == "Agency":
            props |= {"kind": obj.get("description") or "government"}
        elif label in {"Platform", "Organization"}:
            props |= {"kind": obj.get("description")}
        elif label == "Claim":
            props |= {k: obj.get(k) for k in ("metric", "value", "value_text", "unit", "qualifier", "date")}
            props["claimed_by_text"] = obj.get("claimed_by")
        elif label == "Event":
            props |= {
                "date": obj.get("date"),
                "kind": obj.get("kind") or "other",
                "description": obj.get("description"),
            }
        props = {k: v for k, v in props.items() if v is not None}
        nid, canonical, extra = self.foreign_id(obj, label, name, aliases)
        if nid is None:
            return
        names = union([canonical], [n for n in [name, *aliases, *extra] if n != canonical])
        keys = [fold(n) for n in names]
        if label == "Country":
            code = nid.split(":", 1)[1]
            props["code"] = code
            keys = union(keys, [fold(code), *country_names(code)])
        self.add_node(BundleNode(label, nid, canonical, props, self.cited(obj), [self.tag], names[1:], keys))
        self.refs[sid] = nid

    def foreign_label(self, obj: dict[str, Any]) -> str | None:
        kind, sid = obj["type"], obj["id"]
        if kind == "campaign":
            return "Operation"
        if kind in {"intrusion-set", "threat-actor"}:
            return "Group"
        if kind == "infrastructure":
            return "Domain" if DOMAIN_NAME.match(str(obj.get("name", "")).lower()) else "Server"
        if kind == "location":
            return "Country"
        if kind == CLAIM_TYPE:
            return "Claim"
        if kind == EVENT_TYPE:
            return "Event"
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
                return "Platform"
            if GOVERNMENT_SECTORS & set(obj.get("sectors") or []):
                return "Agency"
            return "Organization"
        self.skipped.append((sid, f"no piracy-graph counterpart for a STIX {kind}"))
        return None

    def foreign_id(
        self, obj: dict[str, Any], label: str, name: str, aliases: list[str]
    ) -> tuple[str | None, str, list[str]]:
        """(id, canonical name, extra aliases), as the dossier loader would choose them."""
        spec = self.schema.labels[label]
        sid = obj["id"]
        if label == "Country":
            code = country_code(str(obj.get("country") or "")) or country_code(name)
            if code is None:
                self.problem(
                    sid, ".country", f"not a country the graph knows: {obj.get('country') or name!r}"
                )
                return None, name, []
            return f"country:{code}", country_name(code), []
        if label == "Domain":
            return f"domain:{name.lower()}", name.lower(), []
        if label in {"Server", "Claim", "Event"}:
            return f"{spec.prefix}:stix-{short_hash(sid)}", name, []
        folded = [fold(n) for n in [name, *aliases]]
        known = gazetteer().get(label, {})
        for key in folded:
            if key in known:
                canonical, extra = known[key]
                return node_id(spec.prefix, canonical), canonical, extra
        if not spec.shared_by_name and spec.section != "operation":
            return f"{spec.prefix}:stix-{short_hash(sid)}", name, []
        return node_id(spec.prefix, name), name, []

    def relationship(self, obj: dict[str, Any]) -> None:
        sid = obj["id"]
        data = (obj.get("extensions") or {}).get(DATA_EXTENSION)
        ends = []
        for end in ("source_ref", "target_ref"):
            ref = obj.get(end)
            if ref not in self.objects:
                self.problem(sid, f".{end}", f"{ref!r} is not in the bundle")
                return
            ends.append(self.refs.get(str(ref)))
        source, target = ends
        if source is None or target is None:
            self.skipped.append((sid, "one end has no piracy-graph counterpart"))
            return
        src_label, dst_label = self.plan.nodes[source].label, self.plan.nodes[target].label
        if isinstance(data, dict):
            self.our_edge(obj, data, src_label, dst_label)
            return
        stix_type = str(obj.get("relationship_type"))
        candidates = list(FROM_STIX.get(stix_type, []))
        if stix_type == "located-at" and self.schema.labels[src_label].country_relationship:
            candidates.append(str(self.schema.labels[src_label].country_relationship))
        ours = stix_type.upper().replace("-", "_")
        if ours in self.schema.relationships:
            candidates.append(ours)
        rel_type = next(
            (t for t in candidates if self.schema.relationships[t].allows(src_label, dst_label)), None
        )
        if rel_type is None:
            self.skipped.append(
                (sid, f"no relationship of the schema reads {stix_type!r} from {src_label} to {dst_label}")
            )
            return
        props = {
            "start": _day(obj.get("start_time")),
            "end": _day(obj.get("stop_time")),
            "confidence": _confidence(obj.get("confidence")),
            "notes": obj.get("description"),
        }
        self.add_edge(
            BundleEdge(
                rel_type,
                edge_id(rel_type, source, target),
                source,
                src_label,
                target,
                dst_label,
                {k: v for k, v in props.items() if v is not None},
                self.cited(obj),
                [self.tag],
            )
        )

    def our_edge(self, obj: dict[str, Any], data: dict[str, Any], src_label: str, dst_label: str) -> None:
        sid, where = obj["id"], f".extensions.{DATA_EXTENSION}"
        rel_type, eid = data.get("type"), data.get("id")
        if rel_type not in self.schema.relationships:
            self.problem(sid, f"{where}.type", f"unknown relationship type {rel_type!r}")
            return
        if not self.schema.relationships[str(rel_type)].allows(src_label, dst_label):
            self.problem(sid, f"{where}.type", f"{rel_type} does not go from {src_label} to {dst_label}")
            return
        if not isinstance(eid, str) or not eid:
            self.problem(sid, f"{where}.id", "a relationship has an id")
            return
        props = self.properties(sid, data.get("properties", {}))
        dossiers = self.strings(sid, f"{where}.properties.dossiers", props.pop("dossiers", []))
        source, target = self.refs[obj["source_ref"]], self.refs[obj["target_ref"]]
        sources = self.strings(sid, f"{where}.sources", data.get("sources"))
        self.add_edge(
            BundleEdge(
                str(rel_type),
                eid,
                source,
                src_label,
                target,
                dst_label,
                props,
                sources,
                dossiers or [self.tag],
            )
        )

    def reports_edges(self) -> None:
        """A dossier's sources report its operation; a bundle's sources report the operations
        they support (our own bundles list these relationships themselves)."""
        ours = {(e.source, e.target) for e in self.plan.edges.values() if e.type == "REPORTS"}
        for node in list(self.plan.nodes.values()):
            if node.label != "Operation" or self.tag not in node.dossiers:
                continue
            for sid in node.sources:
                if (sid, node.id) not in ours and sid in self.plan.nodes:
                    self.add_edge(
                        BundleEdge(
                            "REPORTS",
                            edge_id("REPORTS", sid, node.id),
                            sid,
                            "Source",
                            node.id,
                            "Operation",
                            {},
                            [sid],
                            [self.tag],
                        )
                    )

    def check_citations(self) -> None:
        items: list[BundleNode | BundleEdge] = [*self.plan.nodes.values(), *self.plan.edges.values()]
        for item in items:
            if not item.sources:
                self.problems.append((item.id, "cites no source"))
            for sid in item.sources:
                if sid not in self.plan.nodes or self.plan.nodes[sid].label != "Source":
                    self.problems.append((item.id, f"cites {sid}, which is not a source in the bundle"))


def plan_bundle(
    store: Store, schema: Schema, bundle: dict[str, Any], name: str
) -> tuple[Plan, list[tuple[str, str]]]:
    reader = BundleReader(bundle, schema, name)
    return as_statements(reader.read(), reader.tag), reader.skipped


def load_bundle(store: Store, schema: Schema, bundle: dict[str, Any], name: str) -> StixLoadResult:
    plan, skipped = plan_bundle(store, schema, bundle, name)
    write_plans(store, schema, [plan])
    log.info(
        "loaded %s: %d nodes, %d edges, %d objects skipped",
        name,
        len(plan.nodes),
        len(plan.edges),
        len(skipped),
    )
    return StixLoadResult(name, bundle["id"], len(plan.nodes), len(plan.edges), skipped)


def load_bundle_bytes(store: Store, schema: Schema, data: bytes, name: str) -> StixLoadResult:
    return load_bundle(store, schema, read_bundle_bytes(data, name), name)


def load_bundle_file(store: Store, schema: Schema, path: Path) -> StixLoadResult:
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file")
    if path.stat().st_size > MAX_BUNDLE_BYTES:
        raise DossierError(str(path), [("", f"the bundle is over {MAX_BUNDLE_BYTES} bytes")])
    return load_bundle_bytes(store, schema, path.read_bytes(), str(path))
