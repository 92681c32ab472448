"""Loading: idempotent, aliases resolve to one node, sources accumulate, all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import DossierError
from graph.model.schema import Schema
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import counts, digest
from loaders.load import load_bytes, load_paths
from tests.dossiers import MINIMAL, SECOND

pytestmark = pytest.mark.both_engines


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loading_the_bundled_folder_twice_changes_nothing(
    empty_store: FalkorDBStore, schema: Schema, bundled_dir: Path
) -> None:
    load_paths(empty_store, schema, [bundled_dir])
    first = digest(empty_store)
    load_paths(empty_store, schema, [bundled_dir])
    assert digest(empty_store) == first


def test_second_load_keeps_the_counts(empty_store: FalkorDBStore, schema: Schema, bundled_dir: Path) -> None:
    load_paths(empty_store, schema, [bundled_dir])
    first = counts(empty_store)
    load_paths(empty_store, schema, [bundled_dir])
    assert counts(empty_store) == first


def test_alias_and_canonical_name_reach_one_agency(empty_store: FalkorDBStore, schema: Schema) -> None:
    load_bytes(empty_store, schema, MINIMAL.encode(), "minimal.yaml")
    load_bytes(empty_store, schema, SECOND.encode(), "second.yaml")
    rows = empty_store.read("MATCH (a:Agency) RETURN a.id AS id, a.name AS name")
    assert rows == [{"id": "agency:guardia-di-finanza", "name": "Guardia di Finanza"}]


def test_second_dossier_adds_its_source_to_an_existing_group(
    empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_bytes(empty_store, schema, MINIMAL.encode(), "minimal.yaml")
    load_bytes(empty_store, schema, SECOND.encode(), "second.yaml")
    rows = empty_store.read(
        "MATCH (g:Group {id: 'group:example-iptv'}) MATCH (s:Source) WHERE s.id IN g.sources"
        " RETURN s.url AS url"
    )
    assert {r["url"] for r in rows} == {"https://example.org/release", "https://example.com/article"}


def test_second_dossier_adds_its_alias_to_an_existing_group(
    empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_bytes(empty_store, schema, MINIMAL.encode(), "minimal.yaml")
    load_bytes(empty_store, schema, SECOND.encode(), "second.yaml")
    rows = empty_store.read("MATCH (g:Group) RETURN g.id AS id, g.aliases AS aliases")
    assert rows == [{"id": "group:example-iptv", "aliases": ["ExIPTV"]}]


def test_french_and_english_country_names_reach_one_country(
    empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_bytes(empty_store, schema, MINIMAL.encode(), "minimal.yaml")
    load_bytes(empty_store, schema, SECOND.encode(), "second.yaml")
    rows = empty_store.read("MATCH (c:Country) RETURN c.id AS id ORDER BY id")
    assert [r["id"] for r in rows] == ["country:GB", "country:IT"]


def test_a_folder_with_one_bad_dossier_writes_nothing(
    empty_store: FalkorDBStore, schema: Schema, tmp_path: Path
) -> None:
    write(tmp_path, "a-good.yaml", MINIMAL)
    write(tmp_path, "b-bad.yaml", SECOND.replace("type: TARGETED", "type: TARGETTED"))
    before = digest(empty_store)
    with pytest.raises(DossierError):
        load_paths(empty_store, schema, [tmp_path])
    assert digest(empty_store) == before


def test_two_files_with_one_dossier_id_are_refused(
    empty_store: FalkorDBStore, schema: Schema, tmp_path: Path
) -> None:
    write(tmp_path, "a.yaml", MINIMAL)
    write(tmp_path, "b.yaml", SECOND.replace("id: 2099-second-op", "id: 2099-test-op"))
    with pytest.raises(DossierError, match="appears in more than one file"):
        load_paths(empty_store, schema, [tmp_path])


def test_a_failed_write_leaves_nothing_behind(empty_store: FalkorDBStore, schema: Schema) -> None:
    # The engine undoes a query that fails part-way: make the last segment fail.
    query = (
        "UNWIND $rows AS row MERGE (n:Group {id: row.id}) SET n.name = row.name"
        " WITH count(*) AS _ UNWIND [1, 0] AS z RETURN 1 / z AS boom"
    )
    with pytest.raises(Exception, match=r"[Dd]ivision by zero|/ by zero"):
        empty_store.write(query, {"rows": [{"id": "group:half-written", "name": "x"}]})
    assert empty_store.read("MATCH (n:Group) RETURN n.id AS id") == []
