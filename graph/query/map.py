"""The map: every country by its role, for the whole graph or one operation, group or agency."""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher
from graph.errors import InvalidInput, NotFound
from graph.model.schema import ENTITY_LABEL, Label, Rel
from graph.query.answer import Redactor, node_of_label, source_index_of
from graph.store.base import Store

# A country's roles, in the order the legend and every answer list them.
ROLES: dict[str, Rel] = {
    "hosting": Rel.LOCATED_IN,  # servers or domains hosted there
    "enforcement": Rel.ACTED_IN,  # an operation acted there
    "connected": Rel.CONNECTED_TO,  # tied to a case without reported enforcement there
    "arrests": Rel.ARRESTED_IN,  # people arrested there
    "based": Rel.BASED_IN,  # agencies (and, on a group's map, the group) based there
}
ROLE_OF: dict[str, str] = {rel: role for role, rel in ROLES.items()}
SCOPES: dict[str, Label] = {"operation": Label.OPERATION, "group": Label.GROUP, "agency": Label.AGENCY}
# Facts listed per country and role: the whole graph at 10^5 nodes lists about 4,300 of
# its 80,000 this way (a 1.5 MB page); `totals` counts them all.
PER_ROLE_DEFAULT = 20


def country_map(
    store: Store,
    *,
    operation: str | None = None,
    group: str | None = None,
    agency: str | None = None,
    per_role: int = PER_ROLE_DEFAULT,
    redactor: Redactor | None = None,
) -> dict[str, Any]:
    """{scope, countries: [{code, name, roles, facts, totals}], sources}: no scope = the whole graph.

    A fact is one entity in one role ({role, id, name, label, details, sources}); the
    relationships that tie it to the country for that role (an operation can act in a
    country for several reasons) are merged into it, their sources with them."""
    given = {kind: value for kind, value in (("operation", operation), ("group", group), ("agency", agency))}
    chosen = {kind: value for kind, value in given.items() if value is not None}
    if len(chosen) > 1:
        raise InvalidInput(
            "give at most one of operation, group and agency",
            field=", ".join(f"query.{k}" for k in sorted(chosen)),
        )
    scope: dict[str, Any] = {"kind": "graph", "id": None, "name": None}
    if chosen:
        kind, entity_id = next(iter(chosen.items()))
        props = node_of_label(store, SCOPES[kind], entity_id)
        if props is None:
            raise NotFound(f"no {kind} {entity_id!r}")
        scope = {"kind": kind, "id": entity_id, "name": props.get("name")}
        rows = store.read(
            cypher(f"read/map_{kind}.cypher", store.dialect), {"id": entity_id, "per_role": per_role}
        )
    else:
        rows = store.read(cypher("read/map_whole.cypher", store.dialect), {"per_role": per_role})
    countries = _countries(rows, redactor)
    cited = sorted({sid for country in countries for fact in country["facts"] for sid in fact["sources"]})
    if redactor is not None and scope["name"] is not None:
        scope["name"] = redactor.text(scope["name"])
    return {"scope": scope, "countries": countries, "sources": source_index_of(store, cited)}


def _countries(rows: list[dict[str, Any]], redactor: Redactor | None) -> list[dict[str, Any]]:
    """Rows (one per relationship listed, see cypher/read/map_whole.cypher) -> countries."""
    by_code: dict[str, dict[str, Any]] = {}
    for row in rows:
        role = ROLE_OF[row["relation"]]
        country = by_code.setdefault(
            row["code"], {"code": row["code"], "name": row["country"], "roles": [], "facts": {}, "totals": {}}
        )
        country["totals"][role] = row["total"]
        fact = country["facts"].setdefault(
            (role, row["id"]),
            {
                "role": role,
                "id": row["id"],
                "name": _shown_name(row, redactor),
                "label": next((lb for lb in row["labels"] if lb != ENTITY_LABEL), None),
                "details": [],
                "sources": [],
            },
        )
        for detail in (row["detail"], _place(row)):
            if detail and detail not in fact["details"]:
                fact["details"].append(redactor.text(detail) if redactor is not None else detail)
        fact["sources"].extend(s for s in row["sources"] or [] if s not in fact["sources"])
    countries = []
    for code in sorted(by_code):
        country = by_code[code]
        facts = sorted(country["facts"].values(), key=lambda f: (list(ROLES).index(f["role"]), f["id"]))
        for fact in facts:
            fact["sources"].sort()
        roles = [role for role in ROLES if role in country["totals"]]
        totals = {role: country["totals"][role] for role in roles}
        countries.append({**country, "roles": roles, "facts": facts, "totals": totals})
    return countries


def _place(row: dict[str, Any]) -> str | None:
    """Where and when an arrest happened, as the dossier gives it."""
    parts = [str(part) for part in (row.get("place"), row.get("date")) if part]
    return ", ".join(parts) or None


def _shown_name(found: dict[str, Any], redactor: Redactor | None) -> str | None:
    """The name a reader may see: a named person is shown by role to readers without the right."""
    name: str | None = found["name"]
    if redactor is None:
        return name
    node = {
        "labels": found["labels"],
        "name": name,
        "properties": {"named": found.get("named"), "role": found.get("person_role")},
    }
    shown: str | None = redactor.node(node)["name"]
    return shown
