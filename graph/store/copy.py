"""Copy a graph from one store to another (embedded FalkorDB -> Neo4j is the use case).

Nodes go first, page by page in id order, then each page's outgoing relationships; every
write is an idempotent MERGE on our own ids, so an interrupted copy can simply be re-run.
The digests of source and target are compared at the end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.cypher_text import cypher, splice
from graph.model.schema import ENTITY_LABEL, Schema
from graph.store.base import Store
from graph.store.stats import digest


@dataclass(frozen=True)
class CopyResult:
    nodes: int
    relationships: int
    source_digest: str
    target_digest: str

    @property
    def identical(self) -> bool:
        return self.source_digest == self.target_digest


def _label(labels: list[str], schema: Schema) -> str:
    return next(label for label in labels if label != ENTITY_LABEL and label in schema.labels)


def copy_graph(
    source: Store,
    target: Store,
    schema: Schema,
    *,
    batch: int = 2000,
    on_batch: Callable[[int, int], None] | None = None,
) -> CopyResult:
    target.ensure_schema()
    after, nodes, relationships = "", 0, 0
    while True:
        page = source.read(
            cypher("read/page_of_nodes.cypher", source.dialect), {"after": after, "limit": batch}
        )
        if not page:
            break
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in page:
            by_label[_label(row["labels"], schema)].append({"id": row["id"], "props": row["props"]})
        for label, rows in by_label.items():
            query = splice(cypher("write/copy_nodes.cypher", target.dialect), schema, labels={"LABEL": label})
            target.write(query, {"rows": rows})
        nodes += len(page)
        after = page[-1]["id"]
        if on_batch:
            on_batch(nodes, relationships)
    # Relationships once every node exists, so both ends are always found.
    after = ""
    while True:
        page = source.read(
            cypher("read/page_of_nodes.cypher", source.dialect), {"after": after, "limit": batch}
        )
        if not page:
            break
        ids = [row["id"] for row in page]
        by_kind: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in source.read(cypher("read/outgoing_edges.cypher", source.dialect), {"ids": ids}):
            kind = (row["type"], _label(row["src_labels"], schema), _label(row["dst_labels"], schema))
            by_kind[kind].append(
                {"id": row["props"].get("id"), "src": row["src"], "dst": row["dst"], "props": row["props"]}
            )
        for (rel_type, source_label, target_label), rows in by_kind.items():
            query = splice(
                cypher("write/copy_edges.cypher", target.dialect),
                schema,
                labels={"FROM": source_label, "TO": target_label},
                types={"TYPE": rel_type},
            )
            target.write(query, {"rows": rows})
            relationships += len(rows)
        after = ids[-1]
        if on_batch:
            on_batch(nodes, relationships)
    return CopyResult(nodes, relationships, digest(source), digest(target))
