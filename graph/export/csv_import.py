"""A graph answer as CSV files in the header format of `neo4j-admin database import`.

nodes.csv: `id:ID`, `:LABEL` (our label and Entity), `name`, then every property with its
type (`count:int`, `value:float`, `publicly_charged:boolean`, lists as `aliases:string[]`,
dates as text: a partial date such as 2016-09 is no Neo4j date). relationships.csv:
`:START_ID`, `:END_ID`, `:TYPE`, `id`, then the properties. `import.sh` holds the
command. Arrays use the tool's default delimiter `;`, so a list item containing one is
refused rather than silently split.
"""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

from graph.errors import InvalidInput
from graph.export.values import property_types
from graph.model.schema import ENTITY_LABEL, Schema

ARRAY_DELIMITER = ";"
NEO4J_TYPES = {"int": "int", "float": "float", "bool": "boolean", "list": "string[]"}
IMPORT_SH = """#!/bin/sh
# Load these files into an empty Neo4j 5 database named "piracy" (stop it first).
neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\
  --array-delimiter=";" --multiline-fields=true --overwrite-destination piracy
"""


def _column_type(values: list[Any], declared: str | None) -> str:
    """The schema's type where it declares one (dates are text), else what the values hold."""
    if declared is not None:
        return "str" if declared == "date" else declared
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "bool"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "float"
    if present and all(isinstance(v, list) for v in present):
        return "list"
    return "str"


def _columns(items: list[dict[str, Any]], types: dict[str, str]) -> list[tuple[str, str]]:
    names = sorted({key for item in items for key in item["properties"]})
    columns = [(n, _column_type([item["properties"].get(n) for item in items], types.get(n))) for n in names]
    return [*columns, ("sources", "list")]


def _header(name: str, kind: str) -> str:
    return f"{name}:{NEO4J_TYPES[kind]}" if kind in NEO4J_TYPES else name


def _cell(owner: str, name: str, value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        items = [str(v) for v in value]
        for item in items:
            if ARRAY_DELIMITER in item:
                raise InvalidInput(
                    f"{owner}: {name} item {item!r} contains the array delimiter {ARRAY_DELIMITER!r}"
                )
        return ARRAY_DELIMITER.join(items)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "str" and isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if kind in {"int", "float"} and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise InvalidInput(f"{owner}: {name} is {value!r}, not a number")
    return str(value)


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def to_csv_files(answer: dict[str, Any], schema: Schema) -> dict[str, str]:
    nodes = answer["nodes"]
    ids = {node["id"] for node in nodes}
    edges = [e for e in answer["edges"] if e["source"] in ids and e["target"] in ids]
    types = property_types(schema)
    node_columns = _columns(nodes, types)
    node_rows = []
    for node in nodes:
        labels = [lb for lb in node["labels"] if lb in schema.labels] + [ENTITY_LABEL]
        values = {**node["properties"], "sources": node.get("sources", [])}
        cells = [_cell(node["id"], name, values.get(name), kind) for name, kind in node_columns]
        node_rows.append([node["id"], ";".join(labels), node.get("name") or "", *cells])
    edge_columns = _columns(edges, types)
    edge_rows = []
    for edge in edges:
        values = {**edge["properties"], "sources": edge.get("sources", [])}
        cells = [_cell(edge["id"], name, values.get(name), kind) for name, kind in edge_columns]
        edge_rows.append([edge["source"], edge["target"], edge["type"], edge["id"] or "", *cells])
    return {
        "nodes.csv": _table(
            ["id:ID", ":LABEL", "name", *(_header(n, k) for n, k in node_columns)], node_rows
        ),
        "relationships.csv": _table(
            [":START_ID", ":END_ID", ":TYPE", "id", *(_header(n, k) for n, k in edge_columns)], edge_rows
        ),
        "import.sh": IMPORT_SH,
    }


def zipped(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # same bytes for the same graph
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o755 if name.endswith(".sh") else 0o644) << 16
            archive.writestr(info, text)
    return buffer.getvalue()


def to_csv_zip(answer: dict[str, Any], schema: Schema) -> bytes:
    return zipped(to_csv_files(answer, schema))
