"""Agencies: the operations each took part in, and who they worked with most often."""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.model.schema import Label
from graph.query.answer import node_of_label
from graph.query.groups import page
from graph.store.base import Store


def list_agencies(store: Store, *, limit: int, offset: int) -> dict[str, Any]:
    rows = store.read(cypher("read/agencies.cypher", store.dialect), {"limit": limit + 1, "offset": offset})
    return page(rows, limit, offset)


def agency_view(store: Store, agency_id: str, partners_limit: int = 20) -> dict[str, Any]:
    agency = node_of_label(store, Label.AGENCY, agency_id)
    if agency is None:
        raise NotFound(f"no agency {agency_id!r}")
    return {
        "id": agency_id,
        "name": agency.get("name"),
        "kind": agency.get("kind"),
        "jurisdiction": agency.get("jurisdiction"),
        "operations": store.read(cypher("read/agency_operations.cypher", store.dialect), {"id": agency_id}),
        "partners": store.read(
            cypher("read/agency_partners.cypher", store.dialect), {"id": agency_id, "limit": partners_limit}
        ),
    }
