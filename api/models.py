"""Response models of the API: one graph answer shape, and what each endpoint adds."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(Model):
    status: str
    engine: str
    version: str
    graph: str
    nodes: dict[str, int]
    relationships: dict[str, int]


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


class EntityDetail(Model):
    id: str
    labels: list[str]
    name: str | None
    properties: dict[str, Any]
    sources: list[SourceRef]
    degree: Degrees


class GraphNode(Model):
    id: str = Field(examples=["group:sparks"])
    labels: list[str] = Field(examples=[["Group"]])
    name: str | None = Field(examples=["Sparks"])
    properties: dict[str, Any]
    sources: list[str] = Field(description="ids of the sources that support this node")
    depth: int | None = Field(None, description="steps from the centre (neighbourhoods)")


class GraphEdge(Model):
    id: str | None
    source: str = Field(examples=["operation:2020-sparks"])
    target: str = Field(examples=["group:sparks"])
    type: str = Field(examples=["TARGETED"])
    properties: dict[str, Any]
    sources: list[str] = Field(description="ids of the sources that support this relationship")


class GraphAnswer(Model):
    """Every answer that is a subgraph has these fields; `sources` resolves the ids cited."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    sources: dict[str, SourceInfo]
    truncated: bool = Field(description="true when the answer was cut to its limit")


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
