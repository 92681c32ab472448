"""Entity detail: properties, labels, sources with their documents, degree by type."""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher, splice
from graph.errors import NotFound
from graph.model.schema import ENTITY_LABEL, Schema
from graph.model.statements import decode
from graph.store.base import Store

INTERNAL_PROPERTIES = {"keys", "search", "statements"}


# Sources listed per page of an entity's detail: a country is cited by thousands
# (6,336 for the Netherlands in the 10^5 benchmark network: 1.4 MB and 160 ms for one page).
SOURCES_PAGE = 100


def entity_detail(
    store: Store,
    schema: Schema,
    entity_id: str,
    *,
    sources_limit: int = SOURCES_PAGE,
    sources_offset: int = 0,
) -> dict[str, Any]:
    """The entity: the values it shows (`properties`), every statement made about it
    (each value with its sources, dossier and confidence), one page of the sources that
    cite it and how many there are."""
    label = schema.label_of_id(entity_id)
    if label is None:
        raise NotFound(
            f"no entity {entity_id!r}: ids look like 'group:sparks' "
            f"(known prefixes: {', '.join(sorted(schema.label_by_prefix))})"
        )
    query = splice(cypher("read/entity_detail.cypher", store.dialect), schema, labels={"LABEL": label})
    rows = store.read(query, {"id": entity_id, "types": sorted(schema.relationships)})
    if not rows:
        raise NotFound(f"no entity {entity_id!r}")
    row = rows[0]
    statements = [decode(text).as_dict() for text in row["props"].get("statements") or []]
    props = {k: v for k, v in row["props"].items() if k not in INTERNAL_PROPERTIES}
    all_source_ids = props.pop("sources", [])
    source_ids = all_source_ids[sources_offset : sources_offset + sources_limit]
    sources = store.read(cypher("read/sources_by_id.cypher", store.dialect), {"ids": source_ids})
    order = {sid: i for i, sid in enumerate(source_ids)}
    sources.sort(key=lambda s: order.get(s["id"], 0))
    degrees = sorted(row["degrees"], key=lambda d: (d["type"], d["direction"]))
    return {
        "id": props.pop("id"),
        "labels": [label for label in row["labels"] if label != ENTITY_LABEL],
        "name": props.pop("name", None),
        "properties": props,
        "statements": statements,
        "sources": sources,
        "sources_total": len(all_source_ids),
        "degree": {"total": sum(d["count"] for d in degrees), "by_type": degrees},
    }
