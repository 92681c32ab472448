"""The graph of an operation page: the entities its view names, and the relationships among them."""

from __future__ import annotations

from typing import Any

from graph.model.schema import Label
from graph.query.answer import induced
from graph.store.base import Store

# Provenance: drawn collapsed until the reader asks for it, and the first cut when the
# graph must be cut (the panel lists every claim, event and source whatever the graph holds).
COLLAPSED_LABELS: tuple[str, ...] = (Label.CLAIM, Label.EVENT, Label.SOURCE)


def view_entity_ids(view: dict[str, Any]) -> list[str]:
    """Every entity the operation view names: the operation first, then its parts, then
    what its claims are about and who made them, then claims, events and sources."""
    ids: dict[str, None] = {view["id"]: None}
    sections = [
        *view["agencies"].values(),
        *view["countries"].values(),
        view["targets"],
        view["infrastructure"],
        view["people"],
        view["related_operations"],
    ]
    for section in sections:
        ids.update((item["id"], None) for item in section)
    ids.update((use["id"], None) for use in view["platforms"])
    ids.update((use["group"], None) for use in view["platforms"])
    claims = [*view["claims"], *(side for c in view["conflicts"] for side in (c["a"], c["b"]))]
    ids.update((c["about"], None) for c in view["claims"])
    ids.update((c["about"], None) for c in view["conflicts"])
    ids.update((c["claimed_by"], None) for c in view["claims"] if c.get("claimed_by"))
    ids.update((c["id"], None) for c in claims)
    ids.update((e["id"], None) for e in view["events"])
    ids.update((sid, None) for sid in sorted(view["source_index"]))
    return list(ids)


def _without_paths(answer: dict[str, Any]) -> dict[str, Any]:
    """The answer without the file a source with no URL was read from (a seed's path in the
    repository): a page names a source by its title, publisher and date."""
    nodes = [
        {**n, "properties": {k: v for k, v in n["properties"].items() if k != "document"}}
        for n in answer["nodes"]
    ]
    sources = {
        sid: {k: v for k, v in src.items() if k != "document"} for sid, src in answer["sources"].items()
    }
    return {**answer, "nodes": nodes, "sources": sources}


def operation_graph(store: Store, view: dict[str, Any], *, limit: int) -> dict[str, Any]:
    """The induced graph of the view's entities, cut to `limit` nodes: provenance goes first."""
    ids = view_entity_ids(view)
    answer = _without_paths(induced(store, ids))
    if len(answer["nodes"]) <= limit:
        return {**answer, "truncated": False, "not_shown": 0}
    rank = {node_id: i for i, node_id in enumerate(ids)}
    kept = sorted(answer["nodes"], key=lambda n: rank.get(n["id"], len(rank)))[:limit]
    kept_ids = {n["id"] for n in kept}
    edges = [e for e in answer["edges"] if e["source"] in kept_ids and e["target"] in kept_ids]
    cited = {sid for item in [*kept, *edges] for sid in item["sources"]}
    return {
        "nodes": kept,
        "edges": edges,
        "sources": {k: v for k, v in answer["sources"].items() if k in cited},
        "truncated": True,
        "not_shown": len(answer["nodes"]) - len(kept),
    }
