"""Choose and open the store the settings ask for."""

from __future__ import annotations

from graph.errors import InvalidInput
from graph.model.schema import get_schema
from graph.settings import Settings
from graph.store.base import Store
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.format import check_format


def open_store(settings: Settings, *, ensure_schema: bool = True) -> Store:
    schema = get_schema()
    store: Store
    if settings.neo4j_uri:
        from graph.store.neo4j import Neo4jStore  # the driver is 30 MB: only when Neo4j is used

        store = Neo4jStore.connect(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password or "",
            settings.neo4j_database,
            schema,
        )
    elif settings.falkordb_url:
        store = FalkorDBStore.from_url(settings.falkordb_url, settings.graph_name, schema)
    else:
        engine = EmbeddedEngine(settings.data_dir, settings.engine_start_timeout)
        store = FalkorDBStore.embedded_at(engine, settings.graph_name, schema)
    if ensure_schema:
        store.ensure_schema()
    try:
        check_format(store)
    except Exception:
        store.close()
        raise
    return store


def open_target(uri: str, *, graph_name: str, user: str, password: str, database: str | None) -> Store:
    """A store from a URI: redis:// or rediss:// (FalkorDB), neo4j://, neo4j+s://, bolt:// (Neo4j)."""
    schema = get_schema()
    scheme = uri.split("://", 1)[0].lower()
    if scheme in {"redis", "rediss", "falkor", "falkors"}:
        return FalkorDBStore.from_url(uri, graph_name, schema)
    if scheme in {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}:
        from graph.store.neo4j import Neo4jStore

        return Neo4jStore.connect(uri, user, password, database, schema)
    raise InvalidInput(f"unknown store URI scheme {scheme!r}: use redis://, neo4j://, neo4j+s:// or bolt://")
