"""The Neo4j store on a live server: the routed scheme a cluster or Aura needs, and the
errors a caller sees."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.errors import EngineUnavailable, InvalidInput
from graph.model.schema import Schema
from graph.store.neo4j import Neo4jStore
from graph.store.stats import digest
from loaders.load import load_paths
from tests.neo4j_server import Neo4jServer

pytestmark = pytest.mark.neo4j


@pytest.fixture
def routed(neo4j_scratch_server: Neo4jServer, schema: Schema) -> Iterator[Neo4jStore]:
    """The scratch server through neo4j://, the scheme with a routing table."""
    uri = neo4j_scratch_server.uri.replace("bolt://", "neo4j://", 1)
    store = Neo4jStore.connect(uri, neo4j_scratch_server.user, neo4j_scratch_server.password, None, schema)
    store.clear()
    store.ensure_schema()
    yield store
    store.clear()
    store.close()


def test_a_routed_store_shares_bookmarks_and_reads_its_writes(
    routed: Neo4jStore, schema: Schema, bundled_dir: Path
) -> None:
    load_paths(routed, schema, [bundled_dir / "2020-sparks.yaml"])
    rows = routed.read("MATCH (g:Group {id: 'group:sparks'}) RETURN g.name AS name")
    assert (routed.bookmarks is not None, rows) == (True, [{"name": "Sparks"}])


def test_a_direct_store_reads_without_bookmarks(empty_store: Neo4jStore) -> None:
    assert empty_store.bookmarks is None


def test_the_routed_and_the_direct_store_see_the_same_graph(
    routed: Neo4jStore, neo4j_scratch_server: Neo4jServer, schema: Schema, bundled_dir: Path
) -> None:
    load_paths(routed, schema, [bundled_dir])
    direct = Neo4jStore.connect(
        neo4j_scratch_server.uri, neo4j_scratch_server.user, neo4j_scratch_server.password, None, schema
    )
    try:
        assert digest(direct) == digest(routed)
    finally:
        direct.close()


def test_a_wrong_password_is_engine_unavailable_with_the_uri(
    neo4j_scratch_server: Neo4jServer, schema: Schema
) -> None:
    with pytest.raises(EngineUnavailable, match=neo4j_scratch_server.uri):
        Neo4jStore.connect(neo4j_scratch_server.uri, "neo4j", "not-the-password", None, schema)


def test_a_console_query_that_writes_is_refused(empty_store: Neo4jStore) -> None:
    with pytest.raises(InvalidInput, match="only runs queries that read"):
        empty_store.run_untrusted("CREATE (n:Group {id: 'group:x'})", {}, timeout_ms=1000, max_rows=10)
