"""Operations: a filtered list, and the full view of one operation."""

from __future__ import annotations

import re
from typing import Any

from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.model.schema import Label, Rel
from graph.query.answer import INTERNAL, Redactor, node_of_label, source_index
from graph.query.groups import page
from graph.store.base import Store

SEIZURE_WORDS = re.compile(r"seiz|forfeit|confiscat|frozen|freez", re.IGNORECASE)


def list_operations(
    store: Store,
    *,
    year: str | None,
    country: str | None,
    agency: str | None,
    target_kind: str | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    params = {
        "year": year,
        "country": country,
        "agency": agency,
        "target_kind": target_kind.lower() if target_kind else None,
        "limit": limit + 1,
        "offset": offset,
    }
    return page(store.read(cypher("read/operations.cypher", store.dialect), params), limit, offset)


def _entry(row: dict[str, Any]) -> dict[str, Any]:
    node = row["node"]
    rel = row["rel"]
    return {
        "id": node["id"],
        "name": node.get("name"),
        "labels": [lb for lb in row["labels"] if lb != "Entity"],
        "relation": row["type"],
        "properties": {k: v for k, v in node.items() if k not in INTERNAL},
        "relationship": {k: v for k, v in rel.items() if k not in INTERNAL},
        "sources": rel.get("sources") or [],
    }


def operation_view(store: Store, operation_id: str, redactor: Redactor | None) -> dict[str, Any]:
    props = node_of_label(store, Label.OPERATION, operation_id)
    if props is None:
        raise NotFound(f"no operation {operation_id!r}")
    view: dict[str, Any] = {
        "id": operation_id,
        "name": props.get("name"),
        "properties": {k: v for k, v in props.items() if k not in INTERNAL},
        "agencies": {"led": [], "participated": []},
        "countries": {"acted_in": [], "connected_to": []},
        "targets": [],
        "infrastructure": [],
        "platforms": [],
        "people": [],
        "events": [],
        "sources": [],
        "claims": [],
        "seizures": [],
        "related_operations": [],
    }
    people: dict[str, dict[str, Any]] = {}
    for row in store.read(cypher("read/operation_parts.cypher", store.dialect), {"id": operation_id}):
        entry = _entry(row)
        kind = row["type"]
        if kind == Rel.LED:
            view["agencies"]["led"].append(entry)
        elif kind == Rel.PARTICIPATED_IN:
            view["agencies"]["participated"].append(entry)
        elif kind == Rel.ACTED_IN:
            view["countries"]["acted_in"].append(entry)
        elif kind == Rel.CONNECTED_TO:
            view["countries"]["connected_to"].append(entry)
        elif kind in {Rel.TOOK_DOWN, Rel.SEIZED}:
            entry["located_in"] = row["located_in"]
            view["infrastructure"].append(entry)
            if kind == Rel.SEIZED:
                view["seizures"].append(entry)
        elif kind == Rel.TARGETED and Label.PERSON not in row["labels"]:
            view["targets"].append(entry)
        elif Label.PERSON in row["labels"]:
            person = people.setdefault(entry["id"], {**entry, "relations": []})
            person["relations"].append({"type": kind, **entry["relationship"]})
        elif kind == Rel.ABOUT and Label.EVENT in row["labels"]:
            view["events"].append(entry)
        elif kind == Rel.REPORTS:
            view["sources"].append(entry["id"])
        elif Label.OPERATION in row["labels"]:
            # Phases, follow-ups, one investigation under two names: which way the
            # relationship points says which operation is the phase or the follow-up.
            view["related_operations"].append({**entry, "outgoing": row["outgoing"]})
    for person in people.values():
        person.pop("relation")
        person.pop("relationship")
        person["places"] = []
        view["people"].append(person)
    for place in store.read(
        cypher("read/operation_people_places.cypher", store.dialect), {"id": operation_id}
    ):
        known = people.get(place.pop("person"))
        if known is not None:
            known["places"].append(place)
    view["platforms"] = store.read(
        cypher("read/operation_platforms.cypher", store.dialect), {"id": operation_id}
    )
    dossier = operation_id.split(":", 1)[1]
    view["claims"] = store.read(cypher("read/operation_claims.cypher", store.dialect), {"dossier": dossier})
    view["seizures"] += [c for c in view["claims"] if SEIZURE_WORDS.search(c["metric"] or "")]
    view["conflicts"] = store.read(
        cypher("read/operation_conflicts.cypher", store.dialect), {"id": operation_id}
    )
    view["events"].sort(key=lambda e: (e["properties"].get("date") or "", e["id"]))
    for section in ("targets", "infrastructure", "people", "sources", "related_operations"):
        view[section].sort(key=lambda e: e if isinstance(e, str) else e["id"])
    cited = [{"sources": props.get("sources") or []}, {"sources": view["sources"]}]
    cited += [{"sources": item.get("sources") or []} for item in _items(view)]
    view["source_index"] = source_index(store, cited)
    return redactor.value(view) if redactor is not None else view


def _items(view: dict[str, Any]) -> list[dict[str, Any]]:
    """Every entry of the view's sections (agencies, countries, targets...), to index
    the sources they cite."""
    items: list[dict[str, Any]] = []
    for value in view.values():
        if isinstance(value, dict):
            for sub in value.values():
                if isinstance(sub, list):
                    items += [i for i in sub if isinstance(i, dict)]
        elif isinstance(value, list):
            items += [i for i in value if isinstance(i, dict)]
    return items
