"""What a view leaves out, and why, in words: shown above the graph in every mode."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model.schema import Schema
from graph.query.expand import EXPAND_LIMIT
from graph.query.neighbours import DISCOVERY_CAP

VIEW_LIMIT_MAX = 5000
QUERY_LIMIT_MAX = 1000


@dataclass(frozen=True)
class Note:
    """One line: `headline` in its own element (`element_id`), then `joiner` and `why`."""

    element_id: str
    headline: str
    why: str = ""
    cut: bool = True
    joiner: str = ": "


def _plural(label: str) -> str:
    word = label.lower()
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def _steps(depth: int) -> str:
    return f"{depth} step{'s' if depth != 1 else ''}"


def _added(answer: dict[str, Any]) -> int:
    return sum(int(done["added_nodes"]) for done in answer.get("expanded") or [])


def _neighbourhood(answer: dict[str, Any], schema: Schema) -> list[Note]:
    shown = len(answer["nodes"]) - _added(answer)
    limit, depth = int(answer["limit"]), int(answer.get("depth") or 1)
    not_shown = int(answer.get("not_shown") or 0)
    if not_shown:
        return [
            Note(
                "cut-note",
                f"{not_shown} more neighbours not shown",
                f"limit={limit} keeps the {shown} nearest nodes (fewest steps first, then by id); "
                f"raise the limit (up to {VIEW_LIMIT_MAX}) or keep fewer labels or types.",
            )
        ]
    if answer.get("truncated"):
        return [
            Note(
                "cut-note",
                "Some neighbours are not shown",
                f"one step reached more than {DISCOVERY_CAP:,} nodes; keep fewer labels or types.",
            )
        ]
    if shown >= limit:
        return []
    hub_labels = schema.labels_where("hub")
    hubs = sorted({lb for node in answer["nodes"] for lb in node["labels"] if lb in hub_labels})
    why = f"that is every node within {_steps(depth)} with these filters"
    if hubs:
        named = " and ".join(_plural(lb) for lb in hubs)
        why += (
            f"; the walk does not go on through {named} (nearly everything reaches them): "
            "open one to see its own neighbourhood"
        )
    headline = f"limit={limit} shows {shown} nodes"
    return [Note("scope-note", headline, f"because {why}.", cut=False, joiner=" ")]


def _whole_graph(answer: dict[str, Any]) -> list[Note]:
    shown, not_shown = len(answer["nodes"]) - _added(answer), int(answer["not_shown"])
    why = f"the view keeps the {shown} most connected nodes"
    limit = answer.get("limit")
    if isinstance(limit, int) and shown < limit and answer.get("provenance") is False:
        why = (
            f"limit={limit} shows {shown} nodes because the others are sources, claims and events, "
            "left out unless provenance=1"
        )
    return [Note("cut-note", f"{not_shown} more nodes not shown", why + ".")] if not_shown else []


def _table(answer: dict[str, Any]) -> list[Note]:
    table = answer["table"]
    notes = []
    if table.get("truncated"):
        limit = table.get("limit")
        notes.append(
            Note(
                "cut-note",
                "More rows than the query's limit",
                f"limit={limit} shows the first {limit} rows; "
                f"?limit= asks for more (at most {QUERY_LIMIT_MAX}).",
            )
        )
    mentioned, drawn = int(answer.get("mentioned") or 0), len(answer["nodes"]) - _added(answer)
    if mentioned > drawn and drawn:
        notes.append(
            Note(
                "graph-cut-note",
                f"{mentioned - drawn} more entities not drawn",
                f"the graph draws the first {drawn} of the {mentioned} entities the rows mention.",
            )
        )
    return notes


def _expansions(answer: dict[str, Any]) -> list[Note]:
    """Which nodes were expanded in place (the address's `expand=`), and what each added."""
    done = answer.get("expanded") or []
    if not done:
        return []
    names = {n["id"]: n.get("name") or n["id"] for n in answer["nodes"]}
    parts = [f"{names.get(d['id'], d['id'])} (+{d['added_nodes']})" for d in done]
    cut = [d for d in done if d["not_shown"]]
    why = f"each expansion adds at most {EXPAND_LIMIT} neighbours, one step away"
    if cut:
        left = (f"{d['not_shown']} more of {names.get(d['id'], d['id'])}" for d in cut)
        why += "; not shown: " + ", ".join(left)
    return [Note("expand-note", "Expanded in place: " + ", ".join(parts), why + ".", cut=bool(cut))]


def _base_notes(answer: dict[str, Any], schema: Schema) -> list[Note]:
    if "table" in answer:
        return _table(answer)
    if "center" in answer and "limit" in answer:
        return _neighbourhood(answer, schema)
    if "not_shown" in answer:
        return _whole_graph(answer)
    if answer.get("truncated"):
        return [Note("cut-note", "This view was cut to its size limit", "")]
    return []


def scope_notes(answer: dict[str, Any], schema: Schema) -> list[Note]:
    """The notes for `answer`: a neighbourhood (centre, depth, limit), the whole graph
    (`not_shown` without a centre), a named query's table, or any answer marked cut; then
    the nodes expanded in place."""
    return _base_notes(answer, schema) + _expansions(answer)
