"""The schema file: consistent, and turned into indexes and constraints idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import SchemaError
from graph.model.schema import Schema, load_schema
from graph.store.falkordb import FalkorDBStore


def test_every_label_has_a_unique_id_constraint(empty_store: FalkorDBStore, schema: Schema) -> None:
    rows = empty_store.read("CALL db.constraints() YIELD label, type RETURN label, type")
    assert {r["label"] for r in rows if r["type"] == "UNIQUE"} == set(schema.labels)


def test_ensure_schema_twice_changes_nothing(empty_store: FalkorDBStore) -> None:
    before = empty_store.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
    empty_store.ensure_schema()
    after = empty_store.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
    assert sorted(map(str, after)) == sorted(map(str, before))


def test_every_label_is_indexed_on_id_and_keys(empty_store: FalkorDBStore, schema: Schema) -> None:
    rows = empty_store.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
    assert {r["label"]: sorted(r["properties"]) for r in rows} == {
        "Entity": ["id", "search"],
        "LoadedDossier": ["id"],
    } | {label: ["id", "keys"] for label in schema.labels}


def test_one_full_text_index_covers_every_entity(empty_store: FalkorDBStore) -> None:
    rows = empty_store.read(
        "CALL db.indexes() YIELD label, properties, types RETURN label, properties, types"
    )
    assert [r["types"] for r in rows if r["label"] == "Entity"] == [{"id": ["RANGE"], "search": ["FULLTEXT"]}]


def test_a_relationship_to_an_unknown_label_is_a_schema_error(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parent.parent / "graph" / "schema.yaml").read_text(encoding="utf-8")
    path = tmp_path / "schema.yaml"
    path.write_text(text.replace("endpoints: [[Person, Country]]", "endpoints: [[Person, Nowhere]]"))
    with pytest.raises(SchemaError, match="unknown endpoint label in Person->Nowhere"):
        load_schema(path)


def test_unknown_labels_never_reach_cypher(schema: Schema) -> None:
    with pytest.raises(SchemaError):
        schema.check_label("Group) DETACH DELETE (n")


def test_a_schema_without_a_label_the_code_names_is_refused(tmp_path: Path) -> None:
    """graph/model/schema.py's Label and Rel must name exactly the file's labels and types."""
    text = (Path(__file__).resolve().parent.parent / "graph" / "schema.yaml").read_text(encoding="utf-8")
    start = text.index("  Domain:\n")
    end = text.index("  Country:\n")
    path = tmp_path / "schema.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    assert str(caught.value) == (
        "the schema's labels and graph/model/schema.py's differ: only in the file [], "
        "only in the code ['Domain']"
    )
