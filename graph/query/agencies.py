"""Agencies: the operations each took part in, and who they worked with most often."""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher
from graph.errors import NotFound
from graph.query.groups import page
from graph.store.base import Store


def list_agencies(store: Store, *, limit: int, offset: int) -> dict[str, Any]:
    rows = store.read(cypher("read/agencies.cypher", store.dialect), {"limit": limit + 1, "offset": offset})
    return page(rows, limit, offset)


def agency_view(store: Store, agency_id: str, partners_limit: int = 20) -> dict[str, Any]:
    found = store.read(
        "MATCH (a:Agency {id: $id}) RETURN a.name AS name, a.kind AS kind, a.jurisdiction AS jurisdiction",
        {"id": agency_id},
    )
    if not found:
        raise NotFound(f"no agency {agency_id!r}")
    return {
        "id": agency_id,
        **found[0],
        "operations": store.read(cypher("read/agency_operations.cypher", store.dialect), {"id": agency_id}),
        "partners": store.read(
            cypher("read/agency_partners.cypher", store.dialect), {"id": agency_id, "limit": partners_limit}
        ),
    }
