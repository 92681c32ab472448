"""Entity search by name and alias: case-, accent- and punctuation-insensitive, by prefix."""

from __future__ import annotations

from typing import Any

from graph.cypher_text import cypher
from graph.errors import InvalidInput
from graph.model.ids import fold
from graph.model.schema import Schema
from graph.query.answer import Redactor
from graph.store.base import Store


def fulltext_query(text: str, dialect: str = "falkordb") -> str:
    """'Guardia di' -> 'guardia* di*'. Folding leaves only [a-z0-9 ], so nothing in the
    caller's text can act as full-text query syntax; '' when nothing is left.

    Every word must match: RediSearch (FalkorDB) joins terms with AND, Lucene (Neo4j) with
    OR unless each term is marked required ('+guardia* +di*')."""
    words = fold(text).split()
    required = "+" if dialect == "neo4j" else ""
    return " ".join(f"{required}{word}*" if len(word) > 1 else f"{required}{word}" for word in words[:12])


def search(
    store: Store,
    schema: Schema,
    text: str,
    *,
    label: str | None,
    limit: int,
    offset: int,
    redactor: Redactor | None,
) -> dict[str, Any]:
    """`redactor` is None for callers who may see people's names."""
    if label is not None and label not in schema.labels:
        raise InvalidInput(f"unknown label {label!r}", field="query.label")
    query = fulltext_query(text, store.dialect)
    if not query:  # nothing searchable left ("!!!", "*"): nothing matches
        return {
            "query": text,
            "results": [],
            "limit": limit,
            "offset": offset,
            "truncated": False,
            "next_offset": None,
        }
    rows = store.read(
        cypher("read/search.cypher", store.dialect),
        {
            "query": query,
            "exact": fold(text),
            "label": label,
            "limit": limit + 1,
            "offset": offset,
            "see_names": redactor is None,
            "hidden_words": redactor.hidden_words() if redactor is not None else [],
        },
    )
    more = len(rows) > limit
    results = []
    for row in rows[:limit]:
        name = redactor.text(row["name"]) if redactor is not None else row["name"]
        results.append(
            {
                "id": row["id"],
                "labels": [lb for lb in row["labels"] if lb in schema.labels],
                "name": name,
                "score": row["score"],
            }
        )
    return {
        "query": text,
        "results": results,
        "limit": limit,
        "offset": offset,
        "truncated": more,
        "next_offset": offset + limit if more else None,
    }
