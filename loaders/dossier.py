"""The dossier format: one documented operation, its sources, entities, relationships, claims.

Pydantic checks shapes and types; `check_references` then checks the dossier against the
schema and against itself (every cited source declared, every reference resolvable).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from graph.errors import DossierError, SchemaError
from graph.model.countries import country_code
from graph.model.schema import Label, LabelSpec, Rel, Schema, get_schema
from loaders.hostile import hostile_content

FORMAT = "piracy-graph/dossier@1"
COUNTRY_REF = "country:"
OPERATION_REF = "operation"
# Another operation, by the id of its dossier's operation: "operation:2019-operation-404-brazil".
OTHER_OPERATION_REF = "operation:"

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DOSSIER_ID = r"^[a-z0-9][a-z0-9-]{2,80}$"
_REF = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")


def _partial_date(value: Any) -> str:
    """Accept 2020, '2020-08', 2020-08-25 (YAML date) or '2020-08-25'; keep ISO text."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
    match = _PARTIAL_DATE.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{value!r} is not a real calendar date") from None
    return value.strip()


PartialDate = Annotated[str, BeforeValidator(_partial_date)]


def _event_kind(value: str) -> str:
    allowed = get_schema().labels[Label.EVENT].values["kind"]
    if value not in allowed:
        raise ValueError(f"{value!r} is not an event kind (allowed: {', '.join(allowed)})")
    return value


Ref = Annotated[str, Field(pattern=_REF.pattern)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Scalar = str | int | float | bool
PropertyValue = Scalar | list[Scalar] | None
PropertyName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")]
Confidence = Literal["high", "medium", "low"]


class Strict(BaseModel):
    # A number that is not finite (.nan, .inf) is no figure: refused where it is read.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class SourceDoc(Strict):
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)] | None = None
    document: Text | None = Field(None, description="for a source with no URL (a seed file)")
    publisher: Text
    date: PartialDate | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] | None = Field(
        None, description="ISO 639-1, where known"
    )
    title: Text | None = None
    official: Text | None = None


class TextSpan(Strict):
    """Where in a source's text a fact was read: `text` is `source_text[start:end]`."""

    model_config = ConfigDict(extra="forbid")  # a span's text is kept exactly, spaces included
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=1)]
    text: Annotated[str, Field(min_length=1, max_length=2000)]
    source: Ref | None = Field(None, description="the source the offsets are in; default: the only one")

    @model_validator(mode="after")
    def _ordered(self) -> TextSpan:
        if self.end <= self.start:
            raise ValueError("a span ends after it starts")
        return self


class Provenance(Strict):
    sources: list[Ref] = Field(min_length=1)
    confidence: Confidence | None = None
    notes: Text | None = None
    spans: list[TextSpan] = Field(default_factory=list)


class OperationBlock(Provenance):
    name: Text
    id: Annotated[str, Field(max_length=200)] | None = Field(
        None, description="the operation's node, when another dossier describes it too"
    )
    aliases: list[Text] = Field(default_factory=list)
    kind: Text | None = None
    started: PartialDate | None = None
    action_day: PartialDate | None = None
    ended: PartialDate | None = None
    summary: Annotated[str, Field(max_length=5000)] | None = None
    status: Text | None = None


class Place(Strict):
    """One country in a person's story, with what the source says of it."""

    country: Text
    place: Text | None = Field(None, description="the town or region, where the source gives it")
    date: PartialDate | None = Field(None, description="when it held (the day of an arrest)")
    sources: list[Ref] | None = Field(None, description="default: the entity's sources")


def _place(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError('YAML read an unquoted NO (or yes/on/off) as true/false: write "NO"')
    return {"country": value} if isinstance(value, str) else value


def _places(value: Any) -> Any:
    return [_place(item) for item in value] if isinstance(value, list) else [_place(value)]


# A country code, a Place, or a list of them: always read as a list.
Places = Annotated[list[Place], BeforeValidator(_places)]
# The place fields an entity may have; which of them a label takes is the schema's `places`.
PLACE_FIELDS = ("nationality", "arrested_in", "resides_in")


class Entity(Provenance):
    label: str
    name: Text | None = None
    description: Text | None = Field(
        None, description="a person not publicly charged: who they are, by role, in place of a name"
    )
    id: Annotated[str, Field(max_length=200)] | None = None
    aliases: list[Text] = Field(default_factory=list)
    country: Text | None = None
    nationality: Places = Field(default_factory=list)
    arrested_in: Places = Field(default_factory=list)
    resides_in: Places = Field(default_factory=list)
    first_seen: PartialDate | None = None
    last_seen: PartialDate | None = None
    properties: dict[PropertyName, PropertyValue] = Field(default_factory=dict)

    def places(self, field: str) -> list[Place]:
        places: list[Place] = getattr(self, field)
        return places

    @property
    def shown(self) -> str:
        """What the node is called: its name, or, for a person who may not be named, the
        description (else the role)."""
        return self.name or self.description or str(self.properties.get("role") or "")


class Relationship(Provenance):
    source: Annotated[str, Field(alias="from")]
    type: str
    target: Annotated[str, Field(alias="to")]
    key: Text | None = Field(None, description="tells parallel edges of one type apart")
    start: PartialDate | None = None
    end: PartialDate | None = None
    properties: dict[PropertyName, PropertyValue] = Field(default_factory=dict)

    model_config = ConfigDict(populate_by_name=True)  # merged with Strict's


class Claim(Provenance):
    metric: Text
    value: float | int | None = None
    value_text: Text | None = None
    unit: Text
    about: str = OPERATION_REF
    claimed_by: str | None = Field(None, description="an entity ref, or free text")
    qualifier: Text | None = None
    date: PartialDate | None = None


class Event(Provenance):
    date: PartialDate
    kind: Annotated[str, AfterValidator(_event_kind)]
    description: Text
    about: list[str] = Field(default_factory=lambda: [OPERATION_REF], min_length=1)


class Dossier(Strict):
    format: Literal["piracy-graph/dossier@1"]
    id: Annotated[str, Field(pattern=DOSSIER_ID)]
    operation: OperationBlock
    sources: dict[Ref, SourceDoc] = Field(min_length=1)
    entities: dict[Ref, Entity] = Field(default_factory=dict)
    relationships: list[Relationship] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    reviewed: bool = True


def _field_path(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def _hint(err: Any, loc: tuple[Any, ...]) -> str:
    """What the common mistake behind a validation error probably was."""
    message = str(err["msg"])
    if isinstance(err.get("input"), bool) and "string" in message:
        # YAML 1.1 reads NO, yes, on, off as booleans: the Norway problem.
        return " (YAML reads NO, yes, on and off as true/false: quote the value)"
    number_key = bool(loc) and (isinstance(loc[-1], int) or str(loc[-1]).isdigit())
    if number_key and ("Keys should be strings" in message or err.get("type") == "extra_forbidden"):
        return (
            " (a number with a thousands comma inside {...}, such as 110,000, is read as 110 "
            "and a second key 000: quote the value or write 110000)"
        )
    return ""


def parse_dossier(raw: Any, name: str, schema: Schema, *, screened: bool = False) -> Dossier:
    """Validate a parsed YAML document; raise DossierError listing every problem.
    `screened`: the caller has found no hostile text in it (hostile.looks_clean)."""
    if raw is None:
        raise DossierError(name, [("", "the file is empty")])
    if not isinstance(raw, dict):
        raise DossierError(name, [("", "a dossier must be a YAML mapping at the top level")])
    hostile = [] if screened else hostile_content(raw)
    if hostile:
        raise DossierError(name, hostile)
    try:
        dossier = Dossier.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            # Pydantic names union branches in the path ("str", "int"): not the user's field.
            loc = tuple(
                p
                for p in err["loc"]
                if p not in {"str", "int", "float", "bool", "list[union[str,int,float,bool]]"}
            )
            problem = (_field_path(loc), err["msg"] + _hint(err, loc))
            if problem not in problems:  # two union branches can refuse a value alike
                problems.append(problem)
        # The references of what did validate are checked too: one run shows every problem.
        raise DossierError(name, problems + _references_of_what_validates(raw, schema)) from None
    problems = check_references(dossier, schema)
    if problems:
        raise DossierError(name, problems)
    return dossier


# A dossier's sections of items, with the model of one item.
_ITEM_SECTIONS: dict[str, type[BaseModel]] = {
    "relationships": Relationship,
    "claims": Claim,
    "events": Event,
}


def _references_of_what_validates(raw: dict[str, Any], schema: Schema) -> list[tuple[str, str]]:
    """The reference problems of the items of `raw` whose own shape is valid, with their
    paths in `raw`; none where the dossier's frame (format, id, operation, sources) does
    not validate, or where a problem only follows from an item with a bad shape."""
    trimmed = dict(raw)
    broken_refs: set[str] = set()
    keyed: tuple[tuple[str, type[BaseModel]], ...] = (("sources", SourceDoc), ("entities", Entity))
    for key, model in keyed:
        items = raw.get(key)
        if isinstance(items, dict):
            trimmed[key] = {ref: item for ref, item in items.items() if _validates(model, item)}
            broken_refs |= {str(ref) for ref in items if ref not in trimmed[key]}
    where: dict[str, list[int]] = {}
    for key, model in _ITEM_SECTIONS.items():
        items = raw.get(key)
        if isinstance(items, list):
            where[key] = [i for i, item in enumerate(items) if _validates(model, item)]
            trimmed[key] = [items[i] for i in where[key]]
    try:
        dossier = Dossier.model_validate(trimmed)
    except ValidationError:
        return []
    found = []
    for path, message in check_references(dossier, schema):
        if any(f"{ref!r}" in message for ref in broken_refs):
            continue  # it follows from an item reported for its shape
        match = re.match(r"^(relationships|claims|events)\[(\d+)\]", path)
        if match:
            original = where[match.group(1)][int(match.group(2))]
            found.append((f"{match.group(1)}[{original}]{path[match.end() :]}", message))
        else:
            found.append((path, message))
    return found


def _validates(model: type[BaseModel], item: Any) -> bool:
    try:
        model.model_validate(item)
    except ValidationError:
        return False
    return True


def _type_ok(kind: str, value: Any) -> bool:
    if value is None:
        return True
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "date":
        try:
            _partial_date(value)
        except ValueError:
            return False
        return True
    return kind == "list" and isinstance(value, list)


def _check_properties(
    path: str, props: dict[str, Any], allowed: dict[str, str], owner: str
) -> list[tuple[str, str]]:
    problems = []
    for key, value in props.items():
        if key not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            problems.append((f"{path}.{key}", f"{owner} has no property {key!r} (allowed: {known})"))
        elif not _type_ok(allowed[key], value):
            problems.append((f"{path}.{key}", f"must be of type {allowed[key]}"))
    return problems


def entity_label(dossier: Dossier, ref: str) -> str | None:
    """The label a reference points to, or None when it resolves to nothing."""
    if ref == OPERATION_REF:
        return Label.OPERATION
    if ref.startswith(COUNTRY_REF):
        return Label.COUNTRY if country_code(ref[len(COUNTRY_REF) :]) else None
    if ref.startswith(OTHER_OPERATION_REF):
        other = ref[len(OTHER_OPERATION_REF) :]
        return Label.OPERATION if re.match(DOSSIER_ID, other) and other != dossier.id else None
    entity = dossier.entities.get(ref)
    return entity.label if entity else None


def _naming_problems(path: str, entity: Entity, spec: LabelSpec) -> list[tuple[str, str]]:
    """A node has a name; a person has one only where official material publicly charged
    them (the schema's `named` rule): everyone else is described, and has no alias."""
    if not spec.named_when:
        problems = [] if entity.name else [(f"{path}.name", f"a {entity.label} needs a name")]
        if entity.description is not None:
            problems.append((f"{path}.description", f"a {entity.label} is named, not described: use name"))
        return problems
    charged = entity.properties.get(spec.named_when) is True
    if not charged:
        rule = (
            f"a person is named only where official material publicly charged them "
            f"(properties.{spec.named_when}: true and properties.{spec.name_basis})"
        )
        problems = []
        if entity.name is not None:
            problems.append((f"{path}.name", f"{rule}: describe them with description and properties.role"))
        if entity.aliases:
            problems.append((f"{path}.aliases", f"{rule}: a person who may not be named has no alias"))
        return problems
    problems = [] if entity.name else [(f"{path}.name", "a publicly charged person is named: give name")]
    if spec.name_basis and not entity.properties.get(spec.name_basis):
        problems.append(
            (
                f"{path}.properties.{spec.name_basis}",
                "a named person needs the official material that charged them",
            )
        )
    return problems


def _place_problems(
    path: str,
    entity: Entity,
    spec: LabelSpec,
    schema: Schema,
    cite: Callable[[str, list[str]], None],
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for field in PLACE_FIELDS:
        places = entity.places(field)
        if places and field not in spec.places:
            problems.append((f"{path}.{field}", f"a {entity.label} takes no {field}"))
            continue
        for i, place in enumerate(places):
            where = f"{path}.{field}[{i}]"
            if not country_code(place.country):
                problems.append((f"{where}.country", f"unknown country {place.country!r}"))
            if place.sources is not None:
                cite(where, place.sources)
            takes = schema.relationships[spec.places[field]].properties
            for detail in ("place", "date"):
                if getattr(place, detail) is not None and detail not in takes:
                    problems.append((f"{where}.{detail}", f"{field} takes no {detail}"))
    return problems


def check_references(dossier: Dossier, schema: Schema) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    declared = set(dossier.sources)

    def cite(path: str, refs: list[str]) -> None:
        for i, ref in enumerate(refs):
            if ref not in declared:
                problems.append(
                    (f"{path}.sources[{i}]", f"source {ref!r} is cited but not declared under sources")
                )

    def reference(path: str, ref: str) -> str | None:
        label = entity_label(dossier, ref)
        if label is None:
            if ref.startswith(COUNTRY_REF):
                problems.append((path, f"unknown country {ref[len(COUNTRY_REF) :]!r}"))
            elif ref.startswith(OTHER_OPERATION_REF):
                problems.append(
                    (path, f"{ref!r} is not another operation: write operation:<the id of its dossier>")
                )
            else:
                problems.append(
                    (
                        path,
                        f"{ref!r} is not an entity of this dossier (nor 'operation', "
                        "'operation:<another dossier id>' or 'country:<name>')",
                    )
                )
        return label

    for key, source in dossier.sources.items():
        if not source.url and not source.document:
            problems.append((f"sources.{key}", "needs a url (or a document name when it has none)"))
    cite("operation", dossier.operation.sources)
    operation_prefix = schema.labels[Label.OPERATION].prefix
    if dossier.operation.id is not None and not dossier.operation.id.startswith(f"{operation_prefix}:"):
        problems.append(("operation.id", f"an operation id must start with '{operation_prefix}:'"))

    for ref, entity in dossier.entities.items():
        path = f"entities.{ref}"
        cite(path, entity.sources)
        if ref == OPERATION_REF or ref.startswith(COUNTRY_REF.rstrip(":")):
            problems.append((path, f"{ref!r} is reserved; choose another reference"))
        spec = schema.labels.get(entity.label)
        if spec is None:
            problems.append(
                (
                    f"{path}.label",
                    f"unknown label {entity.label!r} (allowed: {', '.join(sorted(schema.labels))})",
                )
            )
            continue
        if spec.section is not None:
            problems.append(
                (
                    f"{path}.label",
                    f"{entity.label} nodes are declared under {spec.section}, not under entities",
                )
            )
        problems += _check_properties(f"{path}.properties", entity.properties, spec.properties, entity.label)
        for req in spec.required:
            if entity.properties.get(req) is None:
                problems.append((f"{path}.properties.{req}", f"{entity.label} requires {req!r}"))
        if entity.country is not None:
            if spec.places:
                fields = ", ".join(spec.places)
                problems.append(
                    (
                        f"{path}.country",
                        f"a {entity.label}'s country does not say which: write {fields} instead",
                    )
                )
            elif spec.country_relationship is None:
                problems.append((f"{path}.country", f"{entity.label} takes no country"))
            elif entity.country in {"EU", "INT"} and spec.country_property is None:
                problems.append(
                    (f"{path}.country", f"EU and INT are jurisdictions: a {entity.label} takes a country")
                )
            elif entity.country not in {"EU", "INT"} and not country_code(entity.country):
                problems.append((f"{path}.country", f"unknown country {entity.country!r}"))
        problems += _place_problems(path, entity, spec, schema, cite)
        if spec.natural_key == "code" and not country_code(entity.shown):
            problems.append((f"{path}.name", f"unknown country {entity.name!r}"))
        if entity.id is not None and not entity.id.startswith(f"{spec.prefix}:"):
            problems.append((f"{path}.id", f"a {entity.label} id must start with '{spec.prefix}:'"))
        problems += _naming_problems(path, entity, spec)

    for i, rel in enumerate(dossier.relationships):
        path = f"relationships[{i}]"
        cite(path, rel.sources)
        spec_rel = schema.relationships.get(rel.type)
        source_label = reference(f"{path}.from", rel.source)
        target_label = reference(f"{path}.to", rel.target)
        if spec_rel is None:
            problems.append((f"{path}.type", f"unknown relationship type {rel.type!r}"))
            continue
        if source_label and target_label and not spec_rel.allows(source_label, target_label):
            allowed = ", ".join(f"{a}->{b}" for a, b in spec_rel.endpoints)
            problems.append(
                (path, f"{rel.type} does not connect {source_label}->{target_label} (allowed: {allowed})")
            )
        problems += _check_properties(f"{path}.properties", rel.properties, spec_rel.properties, rel.type)
        if rel.start and rel.end and rel.end < rel.start:
            problems.append((f"{path}.end", "ends before it starts"))

    about_rel = schema.relationships[Rel.ABOUT]
    for i, claim in enumerate(dossier.claims):
        path = f"claims[{i}]"
        cite(path, claim.sources)
        if claim.value is None and claim.value_text is None:
            problems.append((path, "a claim needs a value or a value_text"))
        label = reference(f"{path}.about", claim.about)
        if label and not about_rel.allows(Label.CLAIM, label):
            problems.append((f"{path}.about", f"a claim cannot be about a {label}"))
        if claim.claimed_by in dossier.entities:
            by_label = dossier.entities[claim.claimed_by].label
            if not schema.relationships[Rel.CLAIMED_BY].allows(Label.CLAIM, by_label):
                problems.append((f"{path}.claimed_by", f"a {by_label} cannot claim"))

    for i, event in enumerate(dossier.events):
        path = f"events[{i}]"
        cite(path, event.sources)
        for j, ref in enumerate(event.about):
            label = reference(f"{path}.about[{j}]", ref)
            if label and not about_rel.allows(Label.EVENT, label):
                problems.append((f"{path}.about[{j}]", f"an event cannot be about a {label}"))

    blocks: list[tuple[str, Provenance]] = [("operation", dossier.operation)]
    blocks += [(f"entities.{ref}", entity) for ref, entity in dossier.entities.items()]
    blocks += [(f"relationships[{i}]", rel) for i, rel in enumerate(dossier.relationships)]
    blocks += [(f"claims[{i}]", claim) for i, claim in enumerate(dossier.claims)]
    blocks += [(f"events[{i}]", event) for i, event in enumerate(dossier.events)]
    for path, block in blocks:
        for i, span in enumerate(block.spans):
            if span.source is not None and span.source not in block.sources:
                problems.append(
                    (f"{path}.spans[{i}].source", f"{span.source!r} is not one of this item's sources")
                )

    op = dossier.operation
    if op.started and op.action_day and op.action_day < op.started:
        problems.append(("operation.action_day", "is before operation.started"))
    return problems


# Which schema label each section's model fills, and the fields that become its properties.
SECTION_FIELDS: dict[str, tuple[type[BaseModel], set[str]]] = {
    "operation": (OperationBlock, {"kind", "started", "action_day", "ended", "summary", "status"}),
    "sources": (SourceDoc, {"url", "document", "publisher", "date", "language", "title", "official"}),
    "claims": (Claim, {"metric", "value", "value_text", "unit", "qualifier", "date"}),
    "events": (Event, {"date", "kind", "description"}),
}


def check_model(schema: Schema) -> None:
    """The dossier format against the schema, as FollowTheMoney checks its model at import:
    every section fills a label the schema declares for it, with properties it declares."""
    sections = {spec.section: spec for spec in schema.labels.values() if spec.section}
    if set(sections) != set(SECTION_FIELDS):
        raise SchemaError(f"the schema's dossier sections {sorted(sections)} are not the format's")
    for section, (model, fields) in SECTION_FIELDS.items():
        spec = sections[section]
        missing = fields - set(model.model_fields)
        undeclared = fields - set(spec.properties)
        if missing or undeclared:
            raise SchemaError(
                f"dossier section {section}: fields {sorted(missing)} not in the model, "
                f"{sorted(undeclared)} not properties of {spec.name} in the schema"
            )


check_model(get_schema())
