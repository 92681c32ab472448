"""Response models of the API: one graph answer shape, and what each endpoint adds."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.model.schema import Label, Rel


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(Model):
    status: str
    engine: str
    version: str
    graph: str
    nodes: dict[str, int]
    relationships: dict[str, int]
    neighbourhoods: Literal["memory", "engine"] = Field(
        description="memory: neighbourhoods come from the API's copy of the current graph; "
        "engine: from Cypher queries (right after a write, or over the copy's size bound)"
    )
    warming: list[Literal["neighbourhoods", "paths"]] = Field(
        default_factory=list,
        description="what is still being prepared in memory (after a start or a write): "
        "neighbourhoods: the copy of the graph is being read, from its file or the engine, or "
        "brought up to date; paths: the projection for paths and analytics is being built. "
        "Meanwhile the engine answers neighbourhoods, and a path question waits for its projection",
    )


class SourceRef(Model):
    id: str
    name: str | None
    url: str | None
    document: str | None
    publisher: str | None
    date: str | None
    language: str | None


class SourceInfo(Model):
    name: str | None
    url: str | None
    document: str | None
    publisher: str | None
    date: str | None
    language: str | None


class Degree(Model):
    type: str
    direction: str
    count: int


class Degrees(Model):
    total: int
    by_type: list[Degree]


class Statement(Model):
    property: str = Field(description="the property stated; '' records that a relationship is mentioned")
    value: Any
    dossier: str = Field(description="the dossier (or imported bundle) that states it")
    confidence: str | None = Field(description="that dossier's confidence: high, medium or low")
    sources: list[str] = Field(description="ids of the sources it cites")


class EntityDetail(Model):
    id: str
    labels: list[str]
    name: str | None
    properties: dict[str, Any] = Field(description="the values shown, chosen from the statements")
    statements: list[Statement] = Field(
        description="every value stated, with its sources (docs/statements.md)"
    )
    sources: list[SourceRef] = Field(
        description="one page of the sources that cite it (sources_limit, sources_offset)"
    )
    sources_total: int = Field(description="how many sources cite it in all")
    degree: Degrees


class Alternative(Model):
    property: str
    value: Any = Field(description="a value stated but not shown")
    dossiers: list[str] = Field(description="the dossiers that state it")
    sources: list[str] = Field(description="ids of the sources they cite for it")


class GraphNode(Model):
    id: str = Field(examples=["group:sparks"])
    labels: list[str] = Field(examples=[[Label.GROUP]])
    name: str | None = Field(examples=["Sparks"])
    properties: dict[str, Any]
    sources: list[str] = Field(description="ids of the sources that support this node")
    alternatives: list[Alternative] | None = Field(
        None, description="where dossiers disagree: the values stated but not shown (docs/statements.md)"
    )
    depth: int | None = Field(None, description="steps from the centre (neighbourhoods)")


class GraphEdge(Model):
    id: str | None
    source: str = Field(examples=["operation:2020-sparks"])
    target: str = Field(examples=["group:sparks"])
    type: str = Field(examples=[Rel.TARGETED])
    properties: dict[str, Any]
    sources: list[str] = Field(description="ids of the sources that support this relationship")
    alternatives: list[Alternative] | None = Field(
        None, description="where dossiers disagree: the values stated but not shown (docs/statements.md)"
    )


class GraphAnswer(Model):
    """Every answer that is a subgraph has these fields; `sources` resolves the ids cited."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    sources: dict[str, SourceInfo]
    truncated: bool = Field(description="true when the answer was cut to its limit")
    links: dict[str, str] = Field(
        default_factory=dict, description="the same answer as an interactive view, and as SVG"
    )


class Neighbourhood(GraphAnswer):
    center: str
    depth: int
    not_shown: int = Field(description="neighbours left out by the limit")
    limit: int


class PathStep(Model):
    length: int
    nodes: list[str]
    edges: list[str] = Field(description="every relationship between consecutive nodes")


class Paths(GraphAnswer):
    source: str
    target: str
    paths: list[PathStep]
    k: int
    max_hops: int


class Shared(GraphAnswer):
    entities: list[str]
    shared: dict[str, list[str]] = Field(description="the common neighbours, by label")
    direct: list[str] = Field(
        description="ids of the relationships that join the entities themselves (an operation "
        "that is a phase of the other, two related groups)"
    )


class SearchHit(Model):
    id: str
    labels: list[str]
    name: str | None
    score: float


class SearchResults(Model):
    query: str
    results: list[SearchHit]
    limit: int
    offset: int
    truncated: bool
    next_offset: int | None


class Page(Model):
    """A page of a list: `truncated` says more follow, from `next_offset`."""

    limit: int
    offset: int
    truncated: bool
    next_offset: int | None


class GroupItem(Model):
    id: str
    name: str | None
    kind: str | None
    aliases: list[str] | None
    operations: int = Field(description="operations that targeted the group")


class GroupList(Page):
    items: list[GroupItem]


class LinkReason(Model):
    reason: str = Field(
        examples=["shared_operation"],
        description="related_to, shared_operation, shared_infrastructure, shared_people or shared_platform",
    )
    via: str | None = Field(
        description="the node through which they are linked", examples=["operation:2020-sparks"]
    )
    detail: str | None
    sources: list[str]


class LinkedGroup(Model):
    id: str
    name: str | None
    reasons: list[LinkReason]


class GroupLinks(Model):
    group: str
    linked_groups: list[LinkedGroup]


class OperationItem(Model):
    id: str
    name: str | None
    kind: str | None
    started: str | None
    action_day: str | None
    targets: list[str]
    led_by: list[str]
    sources: list[str] | None


class OperationList(Page):
    items: list[OperationItem]


class Attached(Model):
    """A node attached to the operation, with the relationship that attaches it."""

    id: str
    name: str | None
    labels: list[str]
    relation: str
    properties: dict[str, Any]
    relationship: dict[str, Any]
    sources: list[str]
    located_in: list[str] | None = None
    outgoing: bool | None = Field(
        None, description="for a related operation: whether the relationship goes from this operation to it"
    )


class PersonPlace(Model):
    relation: str = Field(description="NATIONAL_OF, ARRESTED_IN or RESIDES_IN")
    country: str
    country_name: str | None
    place: str | None
    date: str | None
    sources: list[str]


class PersonInOperation(Model):
    id: str
    name: str | None
    labels: list[str]
    properties: dict[str, Any]
    sources: list[str]
    relations: list[dict[str, Any]]
    places: list[PersonPlace] = Field(
        default_factory=list, description="nationality, place of arrest, residence: each with its sources"
    )


class PlatformUse(Model):
    group: str
    id: str
    name: str | None
    purpose: str | None
    count: int | None
    unit: str | None
    sources: list[str] | None


class ClaimOut(Model):
    id: str
    metric: str | None
    value: float | None
    value_text: str | None
    unit: str | None
    qualifier: str | None
    confidence: str | None
    about: str
    claimed_by: str | None
    claimed_by_name: str | None
    sources: list[str] | None


class AgenciesByRole(Model):
    led: list[Attached]
    participated: list[Attached]


class CountriesByRole(Model):
    acted_in: list[Attached]
    connected_to: list[Attached]


class ClaimSide(Model):
    id: str
    metric: str | None
    value: float | None
    value_text: str | None
    unit: str | None
    claimed_by: str | None
    sources: list[str]


class ClaimConflict(Model):
    about: str
    measure: str = Field(description="what the first claim counts: the head noun of its unit, singular")
    differ: str = Field(
        description="'values' (one thing counted, two figures) or 'what is counted' (one metric)"
    )
    a: ClaimSide
    b: ClaimSide


class OperationView(Model):
    id: str
    name: str | None
    properties: dict[str, Any]
    agencies: AgenciesByRole
    countries: CountriesByRole
    targets: list[Attached]
    infrastructure: list[Attached]
    platforms: list[PlatformUse]
    people: list[PersonInOperation]
    events: list[Attached]
    sources: list[str]
    claims: list[ClaimOut]
    seizures: list[Attached | ClaimOut]
    conflicts: list[ClaimConflict] = Field(
        description="pairs of claims about the operation or a target that measure the same thing "
        "and disagree, each with its sources and who made it"
    )
    related_operations: list[Attached] = Field(
        description="operations this one is a phase of, follows up, or shares an investigation with"
    )
    source_index: dict[str, SourceInfo]
    links: dict[str, str] = Field(default_factory=dict, description="the operation's view, and as SVG")


class CountryItem(Model):
    id: str
    code: str
    name: str | None
    servers_and_domains: int
    operations_acted: int
    operations_connected: int
    agencies: int


class CountryList(Model):
    items: list[CountryItem]


class CountryEntry(Model):
    id: str
    name: str | None
    labels: list[str]
    relation: str
    role: str | None
    properties: dict[str, Any]
    sources: list[str]
    operated_by: list[str] | None = None
    taken_down_by: list[str] | None = None
    place: str | None = Field(None, description="a person's town or region there, where a source gives it")
    date: str | None = Field(None, description="when it held, such as the day of an arrest")


class CountryView(Model):
    id: str
    code: str
    name: str | None
    hosted: list[CountryEntry]
    operations: list[CountryEntry]
    agencies: list[CountryEntry]
    based_here: list[CountryEntry]
    people: list[CountryEntry]


class AgencyItem(Model):
    id: str
    name: str | None
    kind: str | None
    jurisdiction: str | None
    operations: int


class AgencyList(Page):
    items: list[AgencyItem]


class AgencyOperation(Model):
    id: str
    name: str | None
    action_day: str | None
    relation: str
    role: str | None
    sources: list[str] | None


class Partner(Model):
    id: str
    name: str | None
    shared_operations: int
    operations: list[str]


class AgencyView(Model):
    id: str
    name: str | None
    kind: str | None
    jurisdiction: str | None
    operations: list[AgencyOperation]
    partners: list[Partner]


class EventOut(Model):
    id: str
    date: str
    kind: str
    description: str | None
    confidence: str | None
    about: list[str]
    sources: list[str] | None


class Timeline(Page):
    items: list[EventOut]


class Score(Model):
    id: str
    name: str | None
    labels: list[str]
    score: float


class Centrality(Model):
    measure: str
    labels: list[str]
    types: list[str]
    nodes_in_projection: int
    scores: list[Score]


class Member(Model):
    id: str
    name: str | None
    labels: list[str]


class Community(Model):
    size: int
    members: list[Member]


class Communities(Model):
    labels: list[str]
    types: list[str]
    modularity: float | None
    communities: list[Community]


class QueryParameter(Model):
    name: str
    type: str
    default: Any
    description: str


class QueryInfo(Model):
    name: str
    title: str
    description: str
    parameters: list[QueryParameter]
    cypher: str


class QueryList(Model):
    queries: list[QueryInfo]


class Rows(Model):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    row_count: int


class NamedQueryResult(Rows):
    name: str
    title: str
    parameters: dict[str, Any]


class NameCandidate(Model):
    """Two nodes whose names closely resemble each other: proposed, never merged without
    a judgement (loaders/judgements.yaml)."""

    left: str = Field(examples=["org:dazn"])
    right: str = Field(examples=["org:dazn-group"])
    label: str
    left_name: str
    right_name: str
    score: float = Field(ge=0, le=100)
    reason: str = Field(examples=["the same words once generic ones are set aside (group)"])


class DossierLoaded(Model):
    dossier: str
    nodes: int
    edges: int
    loaded_by: str
    candidates: list[NameCandidate] = Field(
        description="new names of this dossier that closely resemble names the graph holds"
    )


class DossierUnloaded(Model):
    dossier: str
    nodes_removed: int
    edges_removed: int
    nodes_changed: int
    edges_changed: int
    unloaded_by: str


class OperationCoverage(Model):
    id: str
    name: str | None
    year: str
    lead_countries: list[str] = Field(description="ISO codes of the leads' countries; EU or INT for bodies")
    target_categories: list[str]
    sources: int
    official_sources: int
    industry_sources: int
    press_only: bool


class Coverage(Model):
    operations: int
    by_year: dict[str, int]
    by_lead_country: dict[str, int]
    by_target: dict[str, int] = Field(
        description="operations per kind of target; one operation may count in several"
    )
    sources: int
    official_sources: int
    press_only: list[str] = Field(description="operations with no official and no industry source")
    per_operation: list[OperationCoverage]
