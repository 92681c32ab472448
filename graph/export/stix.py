"""A graph answer as a STIX 2.1 bundle: every fact with its sources and confidence.

Operations are campaigns, groups intrusion sets, servers and domains infrastructure,
countries locations, agencies, platforms, organisations and people identities, sources
reports (with their publisher as an identity that created them), relationships SROs with
start and stop times. Claims and events have no STIX counterpart: they are our own object
types, declared by an extension definition. A second extension definition (a property
extension) rides on every object with our id, label or type and every property as the
graph holds it, so that importing the bundle (loaders/stix.py) rebuilds the same graph.

STIX ids are UUIDv5 of our ids, so exporting the same graph twice gives the same ids.
"""

from __future__ import annotations

import calendar
import datetime
import re
import uuid
from typing import Any
from urllib.parse import quote

from graph.model.schema import Label, Rel, Schema

SPEC = "2.1"
# Every STIX id we make is uuid5(NAMESPACE, our id): stable across exports and machines.
NAMESPACE = uuid.UUID("4f5a3c1e-8d2b-5e6f-9a7b-0c1d2e3f4a5b")
PRODUCER_NAME = "piracy-graph"
CLAIM_TYPE = "piracy-claim"
EVENT_TYPE = "piracy-event"
# The spec allows a URL or plain text; the model is the project's own schema file.
EXTENSION_SCHEMA = (
    "piracy-graph's domain model: graph/schema.yaml (labels, properties and their types, "
    "relationship types and endpoints) and docs/dossier-format.md in the piracy-graph sources"
)
CONFIDENCE = {"high": 85, "medium": 50, "low": 15}  # STIX 2.1 appendix A, the High/Med/Low scale
# How our relationship types read in STIX: the common vocabulary where one fits.
RELATIONSHIP_TYPES: dict[str, str] = {
    Rel.TARGETED: "targets",
    Rel.LOCATED_IN: "located-at",
    Rel.BASED_IN: "located-at",
    Rel.USED: "uses",
    Rel.OPERATED: "owns",
    Rel.RELATED_TO: "related-to",
}
# Relationship properties that read as the relationship's description.
DESCRIBED = ("role", "nature", "purpose", "count", "unit", "charge", "sentence", "place", "content")
_GOVERNMENT = re.compile(
    r"police|prosecut|court|judic|government|ministry|customs|tax|gendarm|agency|eu ", re.I
)


# Valid language subtags that the OASIS validator's list of RFC 5646 codes lacks (it calls
# them errors): a report in one of these languages keeps it in our extension only.
LANG_UNKNOWN_TO_VALIDATOR = frozenset(
    {
        "bs",
        "br",
        "co",
        "cu",
        "fy",
        "ga",
        "gd",
        "gv",
        "kw",
        "la",
        "lb",
        "nn",
        "no",
        "oc",
        "rm",
        "sc",
        "sh",
        "sr",
        "wa",
    }
)


def uri(url: str | None) -> str | None:
    """STIX wants a URI: non-ASCII characters of an IRI percent-encoded, escapes kept."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~") if url else None


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, key)}"


PRODUCER_ID = stix_id("identity", "producer:piracy-graph")
DATA_EXTENSION = stix_id("extension-definition", "extension:piracy-graph-data")
TYPES_EXTENSION = stix_id("extension-definition", "extension:piracy-graph-types")


def relationship_type(rel_type: str) -> str:
    return RELATIONSHIP_TYPES.get(rel_type, rel_type.lower().replace("_", "-"))


def timestamp(moment: datetime.datetime) -> str:
    return (
        moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def _parts(value: Any) -> tuple[int, int | None, int | None] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value).strip())
    if not match:
        return None
    year, month, day = (int(p) if p else None for p in match.groups())
    try:
        datetime.date(year or 1, month or 1, day or 1)
    except ValueError:
        return None
    return year or 1, month, day


def period_start(value: Any) -> str | None:
    """'2016-09' -> the first instant of September 2016."""
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    return f"{year:04d}-{month or 1:02d}-{day or 1:02d}T00:00:00.000Z"


def period_end(value: Any) -> str | None:
    """'2016-09' -> the last instant of September 2016: a partial date is a period."""
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    month = month or 12
    day = day or calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}T23:59:59.999Z"


def _label(node: dict[str, Any], schema: Schema) -> str:
    return next((lb for lb in node["labels"] if lb in schema.labels), "")


def _first(*values: Any) -> Any:
    return next((v for v in values if v not in (None, "", [])), None)


def with_statements(props: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """A node's or relationship's properties with its statements, where the answer has
    them (a whole-graph export): an import of the bundle gets back exactly those."""
    statements = item.get("statements")
    return {**props, "statements": statements} if statements else props


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v not in (None, "", [], {})}


class _Bundle:
    def __init__(self, answer: dict[str, Any], schema: Schema, created: str):
        self.answer = answer
        self.schema = schema
        self.created = created
        self.objects: list[dict[str, Any]] = []
        self.refs: dict[str, str] = {}  # our node id -> STIX id
        self.publishers: dict[str, str] = {}  # publisher name -> identity id
        self.cited_by: dict[str, list[str]] = {}  # our source id -> STIX ids citing it
        self.source_info = self._source_info()
        self.nodes = {node["id"]: node for node in answer["nodes"]}

    def _source_info(self) -> dict[str, dict[str, Any]]:
        info = {sid: dict(value) for sid, value in self.answer.get("sources", {}).items()}
        for node in self.answer["nodes"]:
            if Label.SOURCE in node["labels"]:
                info[node["id"]] = {**info.get(node["id"], {}), **node["properties"], "name": node["name"]}
        return info

    def common(self, kind: str, key: str, item: dict[str, Any]) -> dict[str, Any]:
        props = item.get("properties", {})
        return {
            "type": kind,
            "spec_version": SPEC,
            "id": stix_id(kind, key),
            "created": self.created,
            "modified": self.created,
            "created_by_ref": PRODUCER_ID,
            "confidence": CONFIDENCE.get(str(props.get("confidence", "")).lower()),
            "external_references": [self.reference(sid) for sid in item.get("sources", [])],
        }

    def reference(self, sid: str) -> dict[str, Any]:
        info = self.source_info.get(sid, {})
        url, document = info.get("url"), info.get("document")
        return _clean(
            {
                "source_name": info.get("publisher") or "unknown publisher",
                "url": uri(url),
                "description": _first(
                    info.get("title"), info.get("name"), f"document {document}" if document else None
                ),
                "external_id": sid,
            }
        )

    def publisher(self, name: str) -> str:
        if name not in self.publishers:
            identity = {
                "type": "identity",
                "spec_version": SPEC,
                "id": stix_id("identity", f"publisher:{name}"),
                "created": self.created,
                "modified": self.created,
                "created_by_ref": PRODUCER_ID,
                "name": name,
                "identity_class": "organization",
                "description": "publisher of sources cited in this bundle",
            }
            self.objects.append(identity)
            self.publishers[name] = identity["id"]
        return self.publishers[name]

    def data(self, **values: Any) -> dict[str, Any]:
        return {DATA_EXTENSION: {"extension_type": "property-extension", **_clean(values)}}

    # -- nodes -------------------------------------------------------------------------
    def node(self, node: dict[str, Any]) -> dict[str, Any] | None:
        label = _label(node, self.schema)
        props = node["properties"]
        name = node.get("name") or node["id"]
        aliases = [a for a in props.get("aliases") or [] if a != name]
        first_seen = period_start(
            _first(props.get("first_seen"), props.get("active_since"), props.get("started"))
        )
        last_seen = period_end(_first(props.get("last_seen"), props.get("active_until"), props.get("ended")))
        if first_seen and last_seen and last_seen < first_seen:
            last_seen = None
        fields: dict[str, Any]
        if label == Label.OPERATION:
            kind = "campaign"
            fields = {"name": name, "aliases": aliases, "description": props.get("summary")}
            fields |= {
                "first_seen": first_seen or period_start(props.get("action_day")),
                "last_seen": last_seen,
            }
        elif label == Label.GROUP:
            kind = "intrusion-set"
            fields = {"name": name, "aliases": aliases, "description": props.get("description")}
            fields |= {"first_seen": first_seen, "last_seen": last_seen}
        elif label in {Label.SERVER, Label.DOMAIN}:
            kind = "infrastructure"
            fields = {"name": name, "aliases": aliases, "description": props.get("description")}
            fields |= {"infrastructure_types": ["unknown"], "first_seen": first_seen, "last_seen": last_seen}
        elif label == Label.COUNTRY:
            kind = "location"
            fields = {"name": name, "country": props.get("code") or node["id"].split(":", 1)[1]}
        elif label == Label.PERSON:
            kind = "identity"
            fields = {
                "name": name,
                "identity_class": "individual",
                "roles": [props["role"]] if props.get("role") else [],
            }
            fields["description"] = props.get("status")
        elif label == Label.AGENCY:
            kind = "identity"
            government = bool(props.get("jurisdiction")) or bool(
                _GOVERNMENT.search(str(props.get("kind", "")))
            )
            fields = {"name": name, "identity_class": "organization", "description": props.get("kind")}
            fields["sectors"] = ["government"] if government else []
        elif label == Label.ORGANIZATION:
            kind = "identity"
            fields = {"name": name, "identity_class": "organization", "description": props.get("kind")}
            fields["sectors"] = ["entertainment"]
        elif label == Label.PLATFORM:
            kind = "identity"
            fields = {"name": name, "identity_class": "system", "description": props.get("kind")}
        elif label == Label.CLAIM:
            kind = CLAIM_TYPE
            fields = {k: props.get(k) for k in ("metric", "value", "value_text", "unit", "qualifier", "date")}
            fields["name"] = name
            fields["claimed_by"] = props.get("claimed_by_text")
        elif label == Label.EVENT:
            kind = EVENT_TYPE
            fields = {"name": name, "date": props.get("date"), "kind": props.get("kind")}
            fields["description"] = props.get("description")
        else:
            return None
        obj = self.common(kind, node["id"], node)
        obj |= fields
        if kind in {CLAIM_TYPE, EVENT_TYPE}:
            obj["extensions"] = {TYPES_EXTENSION: {"extension_type": "new-sdo"}}
        else:
            obj["extensions"] = {}
        obj["extensions"] |= self.data(
            id=node["id"],
            labels=[label],
            name=name,
            properties=with_statements(props, node),
            sources=node.get("sources", []),
            keys=node.get("keys"),
        )
        self.refs[node["id"]] = obj["id"]
        for sid in node.get("sources", []):
            self.cited_by.setdefault(sid, []).append(obj["id"])
        return _clean(obj)

    def report(self, sid: str) -> dict[str, Any]:
        info = self.source_info.get(sid, {})
        publisher = info.get("publisher") or "unknown publisher"
        report_id = self.refs.get(sid) or stix_id("report", sid)
        refs = [ref for ref in self.cited_by.get(sid, []) if ref != report_id]
        published = period_start(info.get("date"))
        props = {k: v for k, v in info.items() if k not in {"name", "id"}}
        obj = {
            "type": "report",
            "spec_version": SPEC,
            "id": report_id,
            "created": self.created,
            "modified": self.created,
            "created_by_ref": self.publisher(publisher),
            "name": _first(info.get("title"), info.get("name"), publisher),
            "description": None if published else "the source gives no publication date",
            "report_types": ["threat-report"],
            # `published` is required; a source without a date gets the export's time.
            "published": published or self.created,
            "object_refs": refs or [self.publishers[publisher]],
            "lang": None if info.get("language") in LANG_UNKNOWN_TO_VALIDATOR else info.get("language"),
            "external_references": [self.reference(sid)],
            "extensions": self.data(
                id=sid,
                labels=[Label.SOURCE],
                name=info.get("name") or info.get("title") or publisher,
                properties=with_statements(props, self.nodes.get(sid, {})),
                sources=info.get("sources") or [sid],
                keys=info.get("keys"),
            ),
        }
        return _clean(obj)

    # -- edges -------------------------------------------------------------------------
    def relationship(self, edge: dict[str, Any]) -> dict[str, Any] | None:
        source, target = self.refs.get(edge["source"]), self.refs.get(edge["target"])
        if source is None or target is None:
            return None
        props = edge["properties"]
        start, stop = period_start(props.get("start")), period_end(props.get("end"))
        if start and stop and stop <= start:
            stop = None
        obj = self.common(
            "relationship", edge["id"] or f"{edge['source']}|{edge['type']}|{edge['target']}", edge
        )
        obj |= {
            "relationship_type": relationship_type(edge["type"]),
            "source_ref": source,
            "target_ref": target,
            "description": "; ".join(f"{k}: {props[k]}" for k in DESCRIBED if props.get(k) is not None),
            "start_time": start,
            "stop_time": stop,
            "extensions": self.data(
                id=edge["id"],
                type=edge["type"],
                source=edge["source"],
                target=edge["target"],
                properties=with_statements(props, edge),
                sources=edge.get("sources", []),
            ),
        }
        for sid in edge.get("sources", []):
            self.cited_by.setdefault(sid, []).append(obj["id"])
        return _clean(obj)

    # -- the whole bundle --------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        header = [self.producer(), *self.extension_definitions()]
        sources = [n for n in self.answer["nodes"] if Label.SOURCE in n["labels"]]
        for node in sources:  # reports first, so every citation finds its report's id
            self.refs[node["id"]] = stix_id("report", node["id"])
        for node in self.answer["nodes"]:
            if Label.SOURCE in node["labels"]:
                continue
            obj = self.node(node)
            if obj is not None:
                self.objects.append(obj)
        for edge in self.answer["edges"]:
            obj = self.relationship(edge)
            if obj is not None:
                self.objects.append(obj)
        cited = sorted(set(self.cited_by) | {n["id"] for n in sources} | set(self.source_info))
        reports = [self.report(sid) for sid in cited]
        objects = header + self.objects + reports
        key = "\n".join(sorted(o["id"] for o in objects))
        return {"type": "bundle", "id": stix_id("bundle", key), "objects": objects}

    def producer(self) -> dict[str, Any]:
        return {
            "type": "identity",
            "spec_version": SPEC,
            "id": PRODUCER_ID,
            "created": self.created,
            "modified": self.created,
            "name": PRODUCER_NAME,
            "identity_class": "system",
            "description": "An open knowledge graph of piracy networks and of the operations that "
            "take them down. Every object cites the sources that support it (external_references, reports).",
        }

    def extension_definitions(self) -> list[dict[str, Any]]:
        base = {
            "type": "extension-definition",
            "spec_version": SPEC,
            "created": self.created,
            "modified": self.created,
            "created_by_ref": PRODUCER_ID,
            "schema": EXTENSION_SCHEMA,
            "version": "1.0",
        }
        return [
            {
                **base,
                "id": TYPES_EXTENSION,
                "name": "piracy-graph object types",
                "description": f"{CLAIM_TYPE}: a figure as one source reports it (metric, value, value_text, "
                f"unit, qualifier, date). {EVENT_TYPE}: a dated step of an operation (date, kind, "
                "description). Their subject is given by 'about' relationships, their sources by "
                "external_references and 'cites' relationships.",
                "extension_types": ["new-sdo"],
            },
            {
                **base,
                "id": DATA_EXTENSION,
                "name": "piracy-graph data",
                "description": "The object as the piracy-graph graph holds it: id, labels or relationship "
                "type, name, properties, sources (ids of the reports' sources) and keys.",
                "extension_types": ["property-extension"],
            },
        ]


def to_stix(
    answer: dict[str, Any], schema: Schema, *, created: datetime.datetime | None = None
) -> dict[str, Any]:
    """The STIX 2.1 bundle of a graph answer (redact it first for readers without names)."""
    stamp = timestamp(created or datetime.datetime.now(datetime.UTC))
    return _Bundle(answer, schema, stamp).build()
