"""Property values made fit for flat formats (GraphML, GEXF, CSV): one type per column."""

from __future__ import annotations

import json
from typing import Any

from graph.model.schema import Schema

# Types of the properties every node or edge may have, whatever the schema says of labels.
COMMON_TYPES = {
    "first_seen": "date",
    "last_seen": "date",
    "start": "date",
    "end": "date",
    "confidence": "str",
    "notes": "str",
    "named": "bool",
    "aliases": "list",
    "dossiers": "list",
    "sources": "list",
}


def property_types(schema: Schema) -> dict[str, str]:
    """Property name -> its schema type, over every label and relationship type. Where two
    labels disagree (none do today) the property is text."""
    types: dict[str, str] = {}
    declared = [spec.properties for spec in schema.labels.values()]
    declared += [spec.properties for spec in schema.relationships.values()]
    for properties in declared:
        for name, kind in properties.items():
            types[name] = kind if types.get(name, kind) == kind else "str"
    return {**types, **COMMON_TYPES}


def flat(value: Any, kind: str | None) -> Any:
    """A value of the column's type: lists as JSON text, dates as text, numbers as numbers."""
    if value is None:
        return None
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if kind == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind in {"float", "int", "bool"} or not isinstance(value, str):
        return str(value)
    return value
