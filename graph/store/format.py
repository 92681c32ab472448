"""Which version of piracy-graph wrote a graph: a graph without statements is refused."""

from __future__ import annotations

from graph.cypher_text import cypher
from graph.errors import EngineUnavailable
from graph.store.base import Reader


class OldFormat(EngineUnavailable):
    """The graph was written by a version of piracy-graph that kept no statements."""

    code = "old_graph_format"


def check_format(store: Reader) -> None:
    """Refuse a graph written before values were kept as statements: its values have no
    dossier or source of their own, and reading them as if they had would mislead."""
    rows = store.read(cypher("read/node_without_statements.cypher", store.dialect))
    if rows:
        raise OldFormat(
            f"this graph was written by an older piracy-graph, which kept values without their "
            f"statements (node {rows[0]['id']!r} has none). Load the dossiers again into a new "
            f"data directory or graph: piracy-graph load data/operations --data-dir NEW_DIR"
        )
