"""Neo4j 5 / Aura / cluster adapter, through the official `neo4j` driver.

Reads run in read transactions (routed to readers on a cluster), writes in managed write
transactions (retried on transient errors). A dossier's plan is written in one
transaction, segment by segment, so it lands whole or not at all: ids the loader checked
are new are created, the others merged.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import neo4j
from neo4j import GraphDatabase, NotificationDisabledClassification, Query, RoutingControl
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired, TransientError

from graph.cypher_text import cypher, splice
from graph.errors import EngineUnavailable, InvalidInput, PiracyGraphError
from graph.model.plan import Changes, EdgeRow, NodeRow
from graph.model.schema import ENTITY_LABEL, Schema
from graph.store.base import GenerationReader, Reader, ThreadedGeneration, WriteSession, check_parameters
from graph.store.journal import WriteJournal

log = logging.getLogger(__name__)

_UNAVAILABLE = (ServiceUnavailable, SessionExpired, OSError)


def _plain(value: Any) -> Any:
    """Driver values -> JSON-friendly values; nodes by our own `id`, never element ids."""
    if isinstance(value, neo4j.graph.Node):
        props = _plain(dict(value))
        return {
            "id": props.get("id"),
            "labels": sorted(set(value.labels) - {ENTITY_LABEL}),
            "properties": props,
        }
    if isinstance(value, neo4j.graph.Relationship):
        props = _plain(dict(value))
        return {"id": props.get("id"), "type": value.type, "properties": props}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [_plain(n) for n in value.nodes], "edges": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | neo4j.time.Date | neo4j.time.DateTime):
        return value.isoformat()
    return value


def change_segments(changes: Changes, schema: Schema) -> list[tuple[str, dict[str, Any]]]:
    """The write as (statement, parameters) pairs, run in one transaction: relationships
    go before the nodes they may lose, nodes before the relationships that need them.
    Also used to lint every statement the store can build."""
    segments: list[tuple[str, dict[str, Any]]] = []

    def nodes(template: str, rows: list[NodeRow]) -> None:
        by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_label[row.label].append({"id": row.id, "props": _without_nulls(row.props)})
        for label, group in sorted(by_label.items()):
            text = splice(cypher(template, "neo4j"), schema, labels={"LABEL": label}, names={"ROWS": "rows"})
            segments.append((_returning(text), {"rows": group}))

    def edges(template: str, rows: list[EdgeRow]) -> None:
        by_type: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_type[(row.type, row.source_label, row.target_label)].append(
                {"id": row.id, "src": row.source, "dst": row.target, "props": _without_nulls(row.props)}
            )
        for (rel_type, source, target), group in sorted(by_type.items()):
            text = splice(
                cypher(template, "neo4j"),
                schema,
                labels={"FROM": source, "TO": target},
                types={"TYPE": rel_type},
                names={"ROWS": "rows"},
            )
            segments.append((_returning(text), {"rows": group}))

    edges("write/delete_edges.cypher", changes.delete_edges)
    nodes("write/delete_nodes.cypher", changes.delete_nodes)
    nodes("write/create_nodes.cypher", changes.create_nodes)
    nodes("write/update_nodes.cypher", changes.update_nodes)
    edges("write/create_edges.cypher", changes.create_edges)
    edges("write/update_edges.cypher", changes.update_edges)
    if changes.forget:
        text = splice(cypher("write/forget_dossiers.cypher", "neo4j"), schema, names={"ROWS": "rows"})
        segments.append((_returning(text), {"rows": [{"id": d} for d in changes.forget]}))
    if changes.records:
        records = [
            {
                "id": d,
                "nodes": r.nodes,
                "edges": r.edges,
                "fingerprint": r.fingerprint,
                "file_sha256": r.file_sha256,
                "loader": r.loader,
                "low": r.low,
            }
            for d, r in sorted(changes.records.items())
        ]
        text = splice(cypher("write/record_dossiers.cypher", "neo4j"), schema, names={"ROWS": "rows"})
        segments.append((_returning(text), {"rows": records}))
    if changes.seals:
        seals = [
            {"id": d, "fingerprint": fingerprint, "file_sha256": file}
            for d, (fingerprint, file) in sorted(changes.seals.items())
        ]
        text = splice(cypher("write/seal_dossiers.cypher", "neo4j"), schema, names={"ROWS": "rows"})
        segments.append((_returning(text), {"rows": seals}))
    return segments


def _without_nulls(props: dict[str, Any]) -> dict[str, Any]:
    # `SET n = map` replaces every property: one left out is removed.
    return {key: value for key, value in props.items() if value is not None}


def _returning(text: str) -> str:
    # The portable template ends with WITH, to be chained on FalkorDB; alone it returns.
    return text.removesuffix("WITH count(*) AS _").rstrip() + "\nRETURN count(*) AS written"


def schema_statements(schema: Schema) -> list[str]:
    """Constraints and indexes, idempotent (IF NOT EXISTS)."""
    statements = []
    for label in schema.labels:
        name = label.lower()
        statements.append(
            splice(
                cypher("write/create_constraint.cypher", "neo4j"),
                schema,
                labels={"LABEL": label},
                names={"NAME": f"{name}_id"},
            )
        )
        statements.append(
            splice(
                cypher("write/create_index.cypher", "neo4j"),
                schema,
                labels={"LABEL": label},
                names={"NAME": f"{name}_keys", "PROP": "keys"},
            )
        )
    statements.append(
        splice(
            cypher("write/create_index.cypher", "neo4j"),
            schema,
            labels={"LABEL": ENTITY_LABEL},
            names={"NAME": "entity_id", "PROP": "id"},
        )
    )
    statements.append(cypher("write/create_fulltext_index.cypher", "neo4j"))
    statements.append(cypher("write/create_meta_constraint.cypher", "neo4j"))
    statements.append(cypher("write/create_dossier_index.cypher", "neo4j"))
    return statements


class _TransactionReader:
    """Reads inside one write transaction (Neo4jStore.write_locked)."""

    dialect = "neo4j"

    def __init__(self, tx: neo4j.ManagedTransaction):
        self.tx = tx

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        check_parameters(params or {})
        result = self.tx.run(query, params or {})
        return [{k: _plain(record[k]) for k in record.keys()} for record in result]  # noqa: SIM118


def _counted(tx: neo4j.ManagedTransaction) -> int:
    """Counts the transaction's write: the graph's new write generation."""
    return int(tx.run(cypher("write/generation.cypher", "neo4j")).single(strict=True)["generation"])


class Neo4jStore:
    engine = "neo4j"
    dialect = "neo4j"

    def __init__(self, driver: neo4j.Driver, database: str | None, schema: Schema, *, routed: bool = False):
        self.driver = driver
        self.database = database
        self.schema = schema
        # On a cluster (neo4j:// URIs, routed), every query shares the driver's bookmarks:
        # a read that follows a write waits until its member has that write (causal
        # consistency). One server (bolt://) always reads its own writes, and bookmarks
        # would make each of its reads slower (docs/performance.md).
        self.bookmarks = driver.execute_query_bookmark_manager if routed else None
        self.journal = WriteJournal()

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str | None, schema: Schema) -> Neo4jStore:
        """neo4j://, neo4j+s:// (Aura, clusters with routing) or bolt:// URIs."""
        driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            # Our queries name every label and type of the schema, present in the graph
            # or not: the server's "does not exist" warnings would flood the log.
            notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
        )
        try:
            driver.verify_connectivity()
        except (Neo4jError, *_UNAVAILABLE) as exc:
            driver.close()
            raise EngineUnavailable(f"cannot reach Neo4j at {uri}: {exc}") from exc
        return cls(driver, database, schema, routed=uri.lower().startswith("neo4j"))

    def _session(self, access_mode: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        return self.driver.session(
            database=self.database, default_access_mode=access_mode, bookmark_manager=self.bookmarks
        )

    # -- queries --------------------------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """One auto-commit transaction: one round trip, where a managed one takes a second to
        commit. If it meets a member that went away or a transient error, the driver's
        managed transaction, which retries, runs the read again."""
        check_parameters(params or {})
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                records = list(session.run(Query(query), params or {}))
        except (*_UNAVAILABLE, TransientError):
            try:
                records, _, _ = self.driver.execute_query(
                    query,
                    params or {},
                    database_=self.database,
                    routing_=RoutingControl.READ,
                    bookmark_manager_=self.bookmarks,
                )
            except _UNAVAILABLE as exc:
                raise EngineUnavailable(f"Neo4j does not answer: {exc}") from exc
        return [{k: _plain(record[k]) for k in record.keys()} for record in records]  # noqa: SIM118 - a Record iterates values

    def run_untrusted(
        self, query: str, params: dict[str, Any], *, timeout_ms: int, max_rows: int
    ) -> tuple[list[str], list[dict[str, Any]]]:
        """A caller's query: EXPLAIN must say it only reads, then it runs in a read
        transaction (the server refuses writes there too) within the time limit."""
        check_parameters(params)
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                summary = session.run(Query("EXPLAIN " + query), params).consume()
                if summary.query_type != "r":
                    raise InvalidInput("the console only runs queries that read", field="body.query")

                @neo4j.unit_of_work(timeout=timeout_ms / 1000)
                def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[dict[str, Any]]]:
                    result = tx.run(query, params)
                    # Records stream: stop after max_rows (the rest is never sent).
                    records = result.fetch(max_rows)
                    rows = [{k: _plain(record[k]) for k in record.keys()} for record in records]  # noqa: SIM118
                    return list(result.keys()), rows

                return session.execute_read(work)
        except _UNAVAILABLE as exc:
            raise EngineUnavailable(f"Neo4j does not answer: {exc}") from exc
        except ClientError as exc:
            raise InvalidInput(f"Neo4j refused the query: {exc.message}", field="body.query") from exc

    def pipelined_writes(self) -> AbstractContextManager[WriteSession] | None:
        return None  # a write's reads belong to its transaction (write_locked)

    def write_locked(self, work: Callable[[Reader], Changes]) -> Changes:
        """Reads and write in one transaction that first takes the write lock (a node every
        load writes first): other loads wait for it to commit."""

        def run(tx: neo4j.ManagedTransaction) -> tuple[Changes, int | None]:
            tx.run(cypher("write/write_lock.cypher", "neo4j")).consume()
            changes = work(_TransactionReader(tx))
            if changes.writes_nothing():
                return changes, None
            for text, params in change_segments(changes, self.schema):
                tx.run(text, params).consume()
            return changes, _counted(tx)

        try:
            with self._session() as session:
                changes, generation = session.execute_write(run)
                if generation is not None:
                    self.journal.record(generation, changes)
                return changes
        except _UNAVAILABLE as exc:
            raise EngineUnavailable(f"Neo4j does not answer: {exc}") from exc
        except Neo4jError as exc:
            raise PiracyGraphError(f"Neo4j refused a write: {exc}") from exc

    def generation(self) -> int:
        rows = self.read(cypher("read/generation.cypher", "neo4j"))
        return int(rows[0]["generation"]) if rows else 0

    def generation_reader(self) -> GenerationReader:
        # The sync driver's read in a worker thread (an async driver would be a second
        # client to configure, per event loop).
        return ThreadedGeneration(self.generation)

    # -- schema and housekeeping ----------------------------------------------------------
    def ensure_schema(self) -> None:
        for statement in schema_statements(self.schema):
            self._write(statement)

    def write(self, query: str, params: dict[str, Any] | None = None) -> None:
        check_parameters(params or {})

        def work(tx: neo4j.ManagedTransaction) -> int:
            tx.run(query, params or {}).consume()
            return _counted(tx)

        try:
            with self._session() as session:
                self.journal.record(session.execute_write(work), None)
        except _UNAVAILABLE as exc:
            raise EngineUnavailable(f"Neo4j does not answer: {exc}") from exc

    def _write(self, statement: str) -> None:
        # Schema statements cannot share a transaction with data writes.
        try:
            self.driver.execute_query(
                statement,
                database_=self.database,
                routing_=RoutingControl.WRITE,
                bookmark_manager_=self.bookmarks,
            )
        except _UNAVAILABLE as exc:
            raise EngineUnavailable(f"Neo4j does not answer: {exc}") from exc

    def version(self) -> str:
        rows = self.read(cypher("read/version.cypher", "neo4j"))
        return f"{rows[0]['version']} {rows[0]['edition']}" if rows else "unknown"

    def clear(self) -> None:
        # CALL { } IN TRANSACTIONS needs an auto-commit transaction.
        with self._session() as session:
            session.run(Query(cypher("write/clear.cypher", "neo4j"))).consume()
        self._write(cypher("write/generation.cypher", "neo4j"))

    def close(self) -> None:
        self.driver.close()
