"""Countries: what servers they hosted, where operations acted, which agencies are based there."""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.model.countries import country_code
from graph.model.schema import Label, Rel
from graph.query.answer import INTERNAL, node_of_label
from graph.store.base import Store


def list_countries(store: Store) -> list[dict[str, Any]]:
    return [
        {
            "id": row["id"],
            "code": row["code"],
            "name": row["name"],
            "servers_and_domains": len(set(row["hosted"])),
            "operations_acted": len(set(row["acted"])),
            "operations_connected": len(set(row["connected"])),
            "agencies": len(set(row["agencies"])),
        }
        for row in store.read(cypher("read/countries.cypher", store.dialect))
    ]


def country_view(store: Store, code_or_name: str) -> dict[str, Any]:
    code = country_code(code_or_name)
    if code is None:
        raise NotFound(f"no country {code_or_name!r}")
    country = node_of_label(store, Label.COUNTRY, f"country:{code}")
    if country is None:
        raise NotFound(f"country {code} appears in no dossier")
    view: dict[str, Any] = {
        "id": f"country:{code}",
        "code": code,
        "name": country.get("name"),
        "hosted": [],
        "operations": [],
        "agencies": [],
        "based_here": [],
        "people": [],
    }
    for row in store.read(cypher("read/country_parts.cypher", store.dialect), {"id": f"country:{code}"}):
        node, rel, kind = row["node"], row["rel"], row["type"]
        entry = {
            "id": node["id"],
            "name": node.get("name"),
            "labels": [lb for lb in row["labels"] if lb != "Entity"],
            "relation": kind,
            "role": rel.get("role"),
            "properties": {k: v for k, v in node.items() if k not in INTERNAL},
            "sources": rel.get("sources") or [],
        }
        if kind == Rel.LOCATED_IN:
            entry["operated_by"] = row["operated_by"]
            entry["taken_down_by"] = row["taken_down_by"]
            view["hosted"].append(entry)
        elif kind in {Rel.ACTED_IN, Rel.CONNECTED_TO}:
            view["operations"].append(entry)
        elif kind == Rel.BASED_IN and Label.AGENCY in entry["labels"]:
            view["agencies"].append(entry)
        elif kind == Rel.BASED_IN:
            view["based_here"].append(entry)
        elif kind in {Rel.NATIONAL_OF, Rel.ARRESTED_IN, Rel.RESIDES_IN}:
            entry["place"] = rel.get("place")
            entry["date"] = rel.get("date")
            view["people"].append(entry)
    return view
