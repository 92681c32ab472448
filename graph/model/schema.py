"""The schema file read into typed objects, with its cross-references checked at load."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import SchemaError
from graph.resources import schema_file

PROPERTY_TYPES = {"str", "int", "float", "bool", "date", "list"}
# How a label's id can come from a natural key instead of a name (see schema.yaml).
NATURAL_KEYS = {"code", "lowercase_name"}
# Properties every node or relationship may carry, whatever its label or type.
PROVENANCE_PROPERTIES = {
    "sources",
    "dossiers",
    "first_seen",
    "last_seen",
    "start",
    "end",
    "confidence",
    "notes",
}
# The sections of a dossier that declare nodes of one label each (loaders/dossier.py).
SECTIONS = {"operation", "sources", "claims", "events"}
# The label every node also carries: one id index and one full-text index over all nodes.
ENTITY_LABEL = "Entity"
_NAME = re.compile(r"^[A-Z][A-Za-z]*$|^[A-Z][A-Z_]*$")


class Label(StrEnum):
    """The labels of graph/schema.yaml, for code that treats one label its own way: the
    schema is checked against this list when it is read, so neither can change alone."""

    OPERATION = "Operation"
    GROUP = "Group"
    PERSON = "Person"
    SERVER = "Server"
    DOMAIN = "Domain"
    COUNTRY = "Country"
    AGENCY = "Agency"
    PLATFORM = "Platform"
    ORGANIZATION = "Organization"
    SOURCE = "Source"
    CLAIM = "Claim"
    EVENT = "Event"


class Rel(StrEnum):
    """The relationship types of graph/schema.yaml, checked against it like `Label`."""

    LED = "LED"
    PARTICIPATED_IN = "PARTICIPATED_IN"
    TARGETED = "TARGETED"
    TOOK_DOWN = "TOOK_DOWN"
    SEIZED = "SEIZED"
    OPERATED = "OPERATED"
    LOCATED_IN = "LOCATED_IN"
    BASED_IN = "BASED_IN"
    NATIONAL_OF = "NATIONAL_OF"
    ARRESTED_IN = "ARRESTED_IN"
    RESIDES_IN = "RESIDES_IN"
    ACTED_IN = "ACTED_IN"
    CONNECTED_TO = "CONNECTED_TO"
    USED = "USED"
    HOSTED_BY = "HOSTED_BY"
    MEMBER_OF = "MEMBER_OF"
    ARRESTED = "ARRESTED"
    CHARGED = "CHARGED"
    CONVICTED = "CONVICTED"
    RELATED_TO = "RELATED_TO"
    FOLLOWS = "FOLLOWS"
    PHASE_OF = "PHASE_OF"
    SAME_INVESTIGATION_AS = "SAME_INVESTIGATION_AS"
    INFRINGED = "INFRINGED"
    REPORTS = "REPORTS"
    ABOUT = "ABOUT"
    CITES = "CITES"
    CLAIMED_BY = "CLAIMED_BY"


@dataclass(frozen=True)
class LabelSpec:
    name: str
    prefix: str
    description: str
    required: tuple[str, ...]
    properties: dict[str, str]
    country_relationship: str | None
    style: dict[str, str]
    shared_by_name: bool = False
    hub: bool = False
    one_fact: bool = False
    section: str | None = None
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    natural_key: str | None = None
    country_property: str | None = None
    named_when: str | None = None
    name_basis: str | None = None
    places: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RelationshipSpec:
    name: str
    endpoints: tuple[tuple[str, str], ...]
    properties: dict[str, str]

    def allows(self, source_label: str, target_label: str) -> bool:
        return (source_label, target_label) in self.endpoints


@dataclass(frozen=True)
class Schema:
    labels: dict[str, LabelSpec]
    relationships: dict[str, RelationshipSpec]
    label_by_prefix: dict[str, str] = field(default_factory=dict)

    def labels_where(self, flag: str) -> frozenset[str]:
        """The labels whose spec sets `flag` (shared_by_name, hub, one_fact)."""
        return frozenset(name for name, spec in self.labels.items() if getattr(spec, flag))

    def label_of_id(self, node_id: str) -> str | None:
        prefix, _, rest = node_id.partition(":")
        return self.label_by_prefix.get(prefix) if rest else None

    def check_label(self, label: str) -> str:
        """Return `label` if the schema allows it: the only way a label reaches Cypher text."""
        if label not in self.labels and label != ENTITY_LABEL:
            raise SchemaError(f"unknown label {label!r}")
        return label

    def check_type(self, rel_type: str) -> str:
        """Return `rel_type` if the schema allows it: the only way a type reaches Cypher text."""
        if rel_type not in self.relationships:
            raise SchemaError(f"unknown relationship type {rel_type!r}")
        return rel_type


def _parse(raw: dict[str, Any]) -> Schema:
    labels: dict[str, LabelSpec] = {}
    for name, spec in raw["labels"].items():
        if not _NAME.match(name):
            raise SchemaError(f"label {name!r} is not a plain identifier")
        props = dict(spec.get("properties") or {})
        bad = {k: v for k, v in props.items() if v not in PROPERTY_TYPES}
        if bad:
            raise SchemaError(f"label {name}: unknown property types {bad}")
        for req in spec.get("required", []):
            if req not in props:
                raise SchemaError(f"label {name}: required {req!r} is not a declared property")
        values = {prop: tuple(options) for prop, options in (spec.get("values") or {}).items()}
        for prop in values:
            if prop not in props:
                raise SchemaError(f"label {name}: values given for {prop!r}, not a declared property")
        section = spec.get("section")
        if section is not None and section not in SECTIONS:
            raise SchemaError(
                f"label {name}: unknown dossier section {section!r} (known: {sorted(SECTIONS)})"
            )
        natural_key = spec.get("natural_key")
        if natural_key is not None and natural_key not in NATURAL_KEYS:
            raise SchemaError(
                f"label {name}: unknown natural key {natural_key!r} (known: {sorted(NATURAL_KEYS)})"
            )
        named = dict(spec.get("named") or {})
        for key, kind in (("when", "bool"), ("basis", "str")):
            if named and props.get(named.get(key, "")) != kind:
                raise SchemaError(f"label {name}: named.{key} must be a declared {kind} property")
        country_property = spec.get("country_property")
        if country_property is not None and props.get(country_property) != "str":
            raise SchemaError(f"label {name}: country_property must be a declared str property")
        labels[name] = LabelSpec(
            name=name,
            prefix=spec["prefix"],
            description=spec["description"],
            required=tuple(spec.get("required", [])),
            properties=props,
            country_relationship=spec.get("country_relationship"),
            style=dict(spec["style"]),
            shared_by_name=bool(spec.get("shared_by_name", False)),
            hub=bool(spec.get("hub", False)),
            one_fact=bool(spec.get("one_fact", False)),
            section=section,
            values=values,
            natural_key=natural_key,
            country_property=country_property,
            named_when=named.get("when"),
            name_basis=named.get("basis"),
            places=dict(spec.get("places") or {}),
        )
    _same_names("labels", set(labels), {member.value for member in Label})
    relationships: dict[str, RelationshipSpec] = {}
    for name, spec in raw["relationships"].items():
        if not _NAME.match(name):
            raise SchemaError(f"relationship type {name!r} is not a plain identifier")
        endpoints = tuple((a, b) for a, b in spec["endpoints"])
        for a, b in endpoints:
            if a not in labels or b not in labels:
                raise SchemaError(f"relationship {name}: unknown endpoint label in {a}->{b}")
        relationships[name] = RelationshipSpec(name, endpoints, dict(spec.get("properties") or {}))
    for label in labels.values():
        for rel in filter(None, [label.country_relationship, *label.places.values()]):
            if not (rel in relationships and relationships[rel].allows(label.name, Label.COUNTRY)):
                raise SchemaError(f"label {label.name}: {rel} does not allow {label.name}->Country")
    _same_names("relationship types", set(relationships), {member.value for member in Rel})
    prefixes = [spec.prefix for spec in labels.values()]
    if len(set(prefixes)) != len(prefixes):
        raise SchemaError("two labels share an id prefix")
    return Schema(labels, relationships, {spec.prefix: name for name, spec in labels.items()})


def _same_names(what: str, in_file: set[str], in_code: set[str]) -> None:
    """The schema file and the code name the same labels (or types): code that treats a
    label its own way must not outlive it, nor a new label go without that code."""
    if in_file != in_code:
        raise SchemaError(
            f"the schema's {what} and graph/model/schema.py's differ: only in the file "
            f"{sorted(in_file - in_code)}, only in the code {sorted(in_code - in_file)}"
        )


def load_schema(path: Path) -> Schema:
    with path.open(encoding="utf-8") as handle:
        return _parse(yaml.safe_load(handle))


@cache
def get_schema() -> Schema:
    """The project's schema, parsed once."""
    return load_schema(schema_file())
