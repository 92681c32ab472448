"""Response models of the API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


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
