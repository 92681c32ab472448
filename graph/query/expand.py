"""Views expanded in place: the neighbours of chosen nodes added to a drawn answer.

An expansion is part of a view's address (`expand=ID`, repeatable, in order), so a shared
link, a reload or the print SVG shows the same drawing the investigator built by clicking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from graph.errors import InvalidInput

EXPAND_LIMIT = 100  # neighbours one expansion adds at most; the page's button uses the same
MAX_EXPANSIONS = 30

OneStep = Callable[[str], dict[str, Any]]


def edge_key(edge: dict[str, Any]) -> str:
    return str(edge.get("id") or f"{edge['source']}|{edge['type']}|{edge['target']}")


def expand_answer(answer: dict[str, Any], expand: Sequence[str], one_step: OneStep) -> dict[str, Any]:
    """`answer` with, for each id of `expand` in turn, its one-step neighbourhood (from
    `one_step`) merged in: new nodes in id order, relationships among drawn nodes only.
    Each id must be drawn by then: expanding a node the view does not show is refused."""
    if not expand:
        return answer
    if len(expand) > MAX_EXPANSIONS:
        raise InvalidInput(f"expand: at most {MAX_EXPANSIONS} expansions in one view, got {len(expand)}")
    nodes = list(answer["nodes"])
    edges = list(answer["edges"])
    sources = dict(answer.get("sources") or {})
    drawn = {n["id"] for n in nodes}
    edge_keys = {edge_key(e) for e in edges}
    done: list[dict[str, Any]] = []
    for entity_id in expand:
        if entity_id not in drawn:
            raise InvalidInput(f"expand: {entity_id!r} is not drawn in this view, so it cannot be expanded")
        if any(d["id"] == entity_id for d in done):
            continue
        step = one_step(entity_id)
        fresh = sorted((n for n in step["nodes"] if n["id"] not in drawn), key=lambda n: n["id"])
        nodes += fresh
        drawn |= {n["id"] for n in fresh}
        added_edges = 0
        for edge in step["edges"]:
            k = edge_key(edge)
            if k not in edge_keys and edge["source"] in drawn and edge["target"] in drawn:
                edges.append(edge)
                edge_keys.add(k)
                added_edges += 1
        sources.update(step.get("sources") or {})
        done.append(
            {
                "id": entity_id,
                "added_nodes": len(fresh),
                "added_edges": added_edges,
                "not_shown": step.get("not_shown", 0),
            }
        )
    return {**answer, "nodes": nodes, "edges": edges, "sources": sources, "expanded": done}
