"""The export formats by name: what each is for, its media type, and how to write it."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from graph.errors import InvalidInput
from graph.export.csv_import import to_csv_zip
from graph.export.graphml import to_gexf, to_graphml
from graph.export.nodelink import to_nodelink
from graph.export.stix import to_stix
from graph.model.schema import Schema


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    suffix: str
    description: str


FORMATS = {
    f.name: f
    for f in (
        ExportFormat("stix", "application/stix+json;version=2.1", ".json", "STIX 2.1 bundle"),
        ExportFormat("graphml", "application/graphml+xml", ".graphml", "GraphML (yEd, Cytoscape, Gephi)"),
        ExportFormat("gexf", "application/gexf+xml", ".gexf", "GEXF with dates (Gephi's timeline)"),
        ExportFormat("csv", "application/zip", ".zip", "CSV files for neo4j-admin database import"),
        ExportFormat("nodelink", "application/json", ".json", "node-link JSON (networkx, D3)"),
    )
}


def export_format(name: str) -> ExportFormat:
    if name not in FORMATS:
        raise InvalidInput(f"unknown export format {name!r}: one of {', '.join(FORMATS)}", field="format")
    return FORMATS[name]


def render(
    answer: dict[str, Any], name: str, schema: Schema, *, created: datetime.datetime | None = None
) -> bytes:
    """The answer written in format `name`, as the bytes of one file."""
    export_format(name)
    if name == "stix":
        # Compact: a bundle repeats its sources in every object (about 46 MB at 10^4 nodes).
        bundle = to_stix(answer, schema, created=created)
        return json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if name == "graphml":
        return to_graphml(answer, schema)
    if name == "gexf":
        return to_gexf(answer, schema)
    if name == "csv":
        return to_csv_zip(answer, schema)
    return json.dumps(to_nodelink(answer), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
