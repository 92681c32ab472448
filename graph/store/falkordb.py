"""FalkorDB adapter: embedded (a child engine) or remote (by URL)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
from collections import defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import orjson
import redis
import redis.asyncio
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.helpers import stringify_param_value
from falkordb.node import Node
from falkordb.path import Path
from falkordb.query_result import parse_scalar

from graph.cypher_text import cypher, splice
from graph.errors import EngineUnavailable, InvalidInput, PiracyGraphError
from graph.model.plan import Changes, EdgeRow, NodeRow
from graph.model.schema import ENTITY_LABEL, Schema
from graph.store.base import GenerationReader, Reader, ThreadedGeneration, WriteSession, check_parameters
from graph.store.embedded import EmbeddedEngine, Endpoint
from graph.store.journal import WriteJournal

log = logging.getLogger(__name__)

_ALREADY = ("already indexed", "already exists")
# How long a load may hold the graph for one write (its reads, then the write).
WRITE_LOCK_SECONDS = 900


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """Engine values -> JSON-friendly Python values (maps may come back as OrderedDict).
    Nodes and relationships are identified by our own `id` property, never engine ids.
    Scalars and lists of scalars (most values of most rows) return at once: this runs for
    every value of every row."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        if all(type(v) in _SCALARS for v in value):
            return value
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _SCALARS else _plain(v) for k, v in value.items()}
    if isinstance(value, Node):
        return {
            "id": value.properties.get("id"),
            "labels": [lb for lb in value.labels if lb != "Entity"],
            "properties": _plain(value.properties),
        }
    if isinstance(value, Edge):
        return {
            "id": value.properties.get("id"),
            "type": value.relation,
            "properties": _plain(value.properties),
        }
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes()], "edges": [_plain(e) for e in value.edges()]}
    return value


# A \\u escape in JSON text (an even number of backslashes before it): orjson writes
# one for a control character other than \\n, \\r, \\t, \\b and \\f, which FalkorDB would
# keep as six characters.
_UNICODE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u")
_PROPERTY = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _columns(rows: list[Any]) -> list[str] | None:
    """The property columns of rows of one segment (every property but `id`), or None
    when one is not a plain identifier."""
    names = sorted({key for row in rows for key in row.props if key != "id"})
    return names if all(_PROPERTY.fullmatch(name) for name in names) else None


def _embedded_client(endpoint: Endpoint, engine: EmbeddedEngine) -> FalkorDB:
    # A timeout, unlike a remote engine's client: a hung engine of ours is killed and
    # restarted (`recover`) instead of holding its caller forever.
    return FalkorDB(
        host=endpoint.host,
        port=endpoint.port,
        password=endpoint.password,
        socket_timeout=engine.answer_timeout,
    )


class _RowsQuery:
    """One query text for a whole write: segments of cypher/write/, their rows as lists.
    Rows go in the CYPHER parameter header as JSON text: the client formats a parameter
    value by value in Python, which cost a fifth of a load. When a value needs the
    client's way (a control character JSON writes as \\u, an integer beyond 64 bits),
    `params` carries every segment's rows instead."""

    def __init__(self, schema: Schema):
        self.schema = schema
        self.segments: list[str] = []
        self.rows: dict[str, list[list[Any]]] = {}

    def add(
        self,
        template: str,
        rows: list[list[Any]],
        columns: list[str],
        *,
        variable: str,
        first: int,
        labels: dict[str, str],
        types: dict[str, str] | None = None,
    ) -> None:
        """`rows` carry the property `columns` from position `first`: a create gives them
        in its map (a null leaves one out), an update sets each (a null removes one)."""
        name = f"rows_{len(self.segments)}"
        entries = "".join(f", `{p}`: row[{first + i}]" for i, p in enumerate(columns))
        pairs = [(p, f"row[{first + i}]") for i, p in enumerate(columns)]
        text = cypher(template).replace("__COLUMNS__", entries)
        self.segments.append(
            splice(
                text,
                self.schema,
                labels=labels,
                types=types,
                names={"ROWS": name},
                assignments={"PROPERTIES": (variable, pairs)} if "__PROPERTIES__" in text else None,
            )
        )
        self.rows[name] = rows

    def query(self) -> tuple[str, dict[str, Any]] | None:
        """(text, parameters), or None when there is nothing to write."""
        if not self.segments:
            return None
        body = "\n".join(self.segments) + "\nRETURN 1 AS written"
        # orjson writes a float that is not finite as null: the dossier model refuses them.
        try:
            params = [f"{name}={orjson.dumps(rows).decode()}" for name, rows in self.rows.items()]
        except orjson.JSONEncodeError:  # an integer beyond 64 bits
            return body, dict(self.rows)
        header = "CYPHER " + " ".join(params) + " "
        if "\\u" in header and _UNICODE_ESCAPE.search(header):
            return body, dict(self.rows)
        return header + body, {}


def _changes_query(changes: Changes, schema: Schema) -> tuple[str, dict[str, Any]] | None:
    """The whole write as one query: FalkorDB runs a query atomically and undoes a failed
    one. Relationships go before the nodes they may lose, nodes before the relationships
    that need them."""
    query = _RowsQuery(schema)

    def node_segments(template: str, rows: list[NodeRow], with_columns: bool) -> None:
        by_label: dict[str, list[NodeRow]] = defaultdict(list)
        for row in rows:
            by_label[row.label].append(row)
        for label, group in sorted(by_label.items()):
            columns = _columns(group) if with_columns else []
            if columns is None:
                raise PiracyGraphError(f"a property name of {label} is not a plain identifier")
            values = [[row.id, *(row.props.get(c) for c in columns)] for row in group]
            query.add(template, values, columns, variable="n", first=1, labels={"LABEL": label})

    def edge_segments(template: str, rows: list[EdgeRow], with_columns: bool) -> None:
        by_type: dict[tuple[str, str, str], list[EdgeRow]] = defaultdict(list)
        for row in rows:
            by_type[(row.type, row.source_label, row.target_label)].append(row)
        for (rel_type, source, target), group in sorted(by_type.items()):
            columns = _columns(group) if with_columns else []
            if columns is None:
                raise PiracyGraphError(f"a property name of {rel_type} is not a plain identifier")
            values = [[row.id, row.source, row.target, *(row.props.get(c) for c in columns)] for row in group]
            query.add(
                template,
                values,
                columns,
                variable="r",
                first=3,
                labels={"FROM": source, "TO": target},
                types={"TYPE": rel_type},
            )

    edge_segments("write/delete_edges.cypher", changes.delete_edges, False)
    node_segments("write/delete_nodes.cypher", changes.delete_nodes, False)
    node_segments("write/create_nodes.cypher", changes.create_nodes, True)
    node_segments("write/update_nodes.cypher", changes.update_nodes, True)
    edge_segments("write/create_edges.cypher", changes.create_edges, True)
    edge_segments("write/update_edges.cypher", changes.update_edges, True)
    if changes.forget:
        query.add(
            "write/forget_dossiers.cypher",
            [[d] for d in changes.forget],
            [],
            variable="d",
            first=1,
            labels={},
        )
    if changes.records:
        rows = [
            [d, r.nodes, r.edges, r.fingerprint, r.file_sha256, r.loader, r.low]
            for d, r in sorted(changes.records.items())
        ]
        query.add("write/record_dossiers.cypher", rows, [], variable="d", first=3, labels={})
    if changes.seals:
        seals = [[d, fingerprint, file] for d, (fingerprint, file) in sorted(changes.seals.items())]
        query.add("write/seal_dossiers.cypher", seals, [], variable="d", first=3, labels={})
    return query.query()


class _LockedSession:
    """FalkorDBStore.pipelined_writes: the write lock held from entry to exit, renewed at
    every write (a long load outlasts one lock period)."""

    dialect = "falkordb"

    def __init__(self, store: FalkorDBStore):
        self.store = store
        self.lock = store.write_lock()

    def __enter__(self) -> _LockedSession:
        self._acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(redis.RedisError):  # the lock's LockError among them
            self.lock.release()

    def _acquire(self) -> None:
        try:
            acquired = self.lock.acquire()
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            raise EngineUnavailable(f"the graph engine does not answer: {exc}") from exc
        if not acquired:
            raise EngineUnavailable(f"another write held the graph for over {WRITE_LOCK_SECONDS} s")

    def _renew(self) -> None:
        """Renew the lock after a write; an engine restarted meanwhile lost it (see
        FalkorDBStore.recover), so it is taken again, on the new connection."""
        try:
            self.lock.reacquire()
        except redis.RedisError:
            self.lock = self.store.write_lock()
            self._acquire()

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self.store.read(query, params)

    def prepare(self, changes: Changes) -> Callable[[], None]:
        write = self.store.prepare_changes(changes)

        def locked_write() -> None:
            write()
            self._renew()

        return locked_write


class FalkorDBStore:
    engine = "falkordb"
    dialect = "falkordb"

    def __init__(
        self, client: FalkorDB, graph_name: str, schema: Schema, embedded: EmbeddedEngine | None = None
    ):
        self.client = client
        self.graph_name = graph_name
        self.graph = client.select_graph(graph_name)
        self.schema = schema
        self.embedded = embedded
        self.url: str | None = None  # where a remote engine is (from_url)
        self._recovering = threading.Lock()
        # Bumped after every write, so in-memory projections know when to rebuild.
        self.generation_key = f"piracy-graph:{graph_name}:generation"
        self.journal = WriteJournal()

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def embedded_at(cls, engine: EmbeddedEngine, graph_name: str, schema: Schema) -> FalkorDBStore:
        client = _embedded_client(engine.start(), engine)
        return cls(client, graph_name, schema, engine)

    @classmethod
    def from_url(cls, url: str, graph_name: str, schema: Schema) -> FalkorDBStore:
        try:
            # No socket timeout unless the URL sets one (`?socket_timeout=`, which wins):
            # redis-py 8 gives a URL's client 5 s, less than a large chunk's write or a
            # whole-graph read can take, and a timed-out write may still be applied.
            client = FalkorDB.from_url(url, socket_timeout=None)
        except redis.RedisError as exc:
            raise EngineUnavailable(f"cannot reach FalkorDB at the configured URL: {exc}") from exc
        store = cls(client, graph_name, schema)
        store.url = url
        return store

    # -- queries --------------------------------------------------------------------------
    def _run(self, query: str, params: dict[str, Any] | None, read_only: bool) -> Any:
        check_parameters(params or {})
        for attempt in (1, 2):
            try:
                if read_only:
                    return self.graph.ro_query(query, params or {})
                return self.graph.query(query, params or {})
            except (redis.ConnectionError, redis.TimeoutError, ConnectionError) as exc:
                # Our engine died: restart it and run the query once more. That is safe for
                # writes too: a query is all-or-nothing and our writes are idempotent MERGEs.
                if attempt == 1 and self.recover():
                    continue
                raise EngineUnavailable(f"the graph engine does not answer: {exc}") from exc
        raise AssertionError("unreachable")

    def recover(self) -> bool:
        """After a lost connection: if our embedded engine died (killed, crashed), or the
        process whose engine we shared stopped, start it again from its data directory and
        reconnect; the graph is as the engine's append-only file kept it."""
        if self.embedded is None:
            return False
        with self._recovering:
            if self.embedded.alive():
                return False
            log.warning("the embedded engine is gone or hangs; restarting it from %s", self.embedded.data_dir)
            try:
                endpoint = self.embedded.restart()
            except EngineUnavailable:
                log.exception("the embedded engine could not be restarted")
                return False
            self.client = _embedded_client(endpoint, self.embedded)
            self.graph = self.client.select_graph(self.graph_name)
            # The engine kept the write lock in its file; whoever held it lost the engine
            # with their write, and would otherwise hold everyone up until it expires.
            with contextlib.suppress(redis.RedisError):
                self.client.connection.delete(self.write_lock_key)
            return True

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self._run(query, params, read_only=True)
        except redis.ResponseError as exc:
            if "empty key" in str(exc):
                return []  # the graph has never been written: it holds nothing
            raise
        columns = [column[1] if isinstance(column, list | tuple) else column for column in result.header]
        return [dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in result.result_set]

    def run_untrusted(
        self, query: str, params: dict[str, Any], *, timeout_ms: int, max_rows: int
    ) -> tuple[list[str], list[dict[str, Any]]]:
        """A caller's query, read-only and time-bounded; the engine's refusals are theirs.
        The reply is read whole (the engine has no cursor), but only its first `max_rows`
        rows are turned into Python values: the client's parser is the costly part."""
        check_parameters(params)
        header = "".join(f"{name}={stringify_param_value(value)} " for name, value in params.items())
        text = (f"CYPHER {header}" if header else "") + query
        try:
            reply = self.graph.execute_command(
                "GRAPH.RO_QUERY", self.graph_name, text, "--compact", "timeout", timeout_ms
            )
        except (redis.ConnectionError, redis.TimeoutError, ConnectionError) as exc:
            raise EngineUnavailable(f"the graph engine does not answer: {exc}") from exc
        except redis.ResponseError as exc:
            raise self._refused(exc, timeout_ms) from exc
        for part in (reply[0], reply[-1]):  # an error comes first, or ends the reply (run time)
            if isinstance(part, redis.ResponseError):
                raise self._refused(part, timeout_ms)
        if len(reply) == 1:  # statistics only: the query returns nothing
            return [], []
        columns = [column[1] for column in reply[0]]
        rows = [
            dict(zip(columns, (_plain(parse_scalar(v, self.graph)) for v in row), strict=True))
            for row in reply[1][:max_rows]
        ]
        return columns, rows

    @staticmethod
    def _refused(exc: redis.ResponseError, timeout_ms: int) -> InvalidInput:
        message = str(exc)
        if "timed out" in message.lower():
            return InvalidInput(f"the query ran over {timeout_ms} ms", field="body.query")
        return InvalidInput(f"the engine refused the query: {message}", field="body.query")

    def write(self, query: str, params: dict[str, Any] | None = None) -> None:
        self._run(query, params, read_only=False)
        self._bump_generation()

    def pipelined_writes(self) -> AbstractContextManager[WriteSession] | None:
        return _LockedSession(self)

    def write_locked(self, work: Callable[[Reader], Changes]) -> Changes:
        with _LockedSession(self):
            changes = work(self)
            self.prepare_changes(changes)()
        return changes

    @property
    def write_lock_key(self) -> str:
        return f"piracy-graph:{self.graph_name}:write-lock"

    def write_lock(self) -> redis.lock.Lock:
        """A lock in the engine itself, so that loads from other processes sharing it wait
        too; it expires should its holder die."""
        # Not thread-local: a loader takes it in one thread and renews it in its writer.
        lock: redis.lock.Lock = self.client.connection.lock(
            self.write_lock_key,
            timeout=WRITE_LOCK_SECONDS,
            blocking_timeout=WRITE_LOCK_SECONDS,
            thread_local=False,
        )
        return lock

    def prepare_changes(self, changes: Changes) -> Callable[[], None]:
        """One query for the whole write (all of it or, if it fails, nothing), built now and
        run when called."""
        built = None if changes.writes_nothing() else _changes_query(changes, self.schema)
        if built is None:
            return lambda: None
        text, params = built

        def write() -> None:
            try:
                self._run(text, params or None, read_only=False)
            except redis.ResponseError as exc:
                raise PiracyGraphError(f"the engine refused the write of {changes.what}: {exc}") from exc
            self._bump_generation(changes)

        return write

    def _bump_generation(self, changes: Changes | None = None) -> None:
        """`changes`: what the write changed, for the journal; None: unknown."""
        try:
            generation = int(self.client.connection.incr(self.generation_key))
        except redis.RedisError as exc:
            raise EngineUnavailable(f"the graph engine does not answer: {exc}") from exc
        self.journal.record(generation, changes)

    def generation(self) -> int:
        try:
            value = self.client.connection.get(self.generation_key)
        except redis.RedisError as exc:
            raise EngineUnavailable(f"the graph engine does not answer: {exc}") from exc
        return int(value or 0)

    def generation_reader(self) -> GenerationReader:
        return _AsyncGeneration(self)

    def async_client(self) -> redis.asyncio.Redis | None:
        """A new asyncio client to the engine the store's client talks to, with the same
        connection settings; None when that client is not one plain connection pool (a
        sentinel or a cluster behind the URL)."""
        if self.embedded is not None and self.embedded.endpoint is not None:
            endpoint = self.embedded.endpoint
            return redis.asyncio.Redis(
                host=endpoint.host,
                port=endpoint.port,
                password=endpoint.password,
                socket_timeout=self.embedded.answer_timeout,
            )
        pool = getattr(self.client.connection, "connection_pool", None)
        if self.url is None or type(pool) is not redis.ConnectionPool:
            return None
        # As FalkorDB.from_url reads it.
        url = re.sub(r"^falkor(s?)://", r"redis\1://", self.url)
        return redis.asyncio.from_url(url)

    def ensure_schema(self) -> None:
        for label in self.schema.labels:
            for prop in ("id", "keys"):
                self._create_index(label, prop)
            self._unique_id(label)
        self._create_index(ENTITY_LABEL, "id")  # lookups by id when the label is not known
        try:
            self.write(cypher("write/create_dossier_index.cypher"))
        except redis.ResponseError as exc:
            if not any(marker in str(exc) for marker in _ALREADY):
                raise
        try:
            self.write(cypher("write/create_fulltext_index.cypher"))
        except redis.ResponseError as exc:
            if not any(marker in str(exc) for marker in _ALREADY):
                raise

    def _create_index(self, label: str, prop: str) -> None:
        query = splice(
            cypher("write/create_index.cypher"), self.schema, labels={"LABEL": label}, names={"PROP": prop}
        )
        try:
            self.write(query)
        except redis.ResponseError as exc:
            if not any(marker in str(exc) for marker in _ALREADY):
                raise

    def _unique_id(self, label: str) -> None:
        # FalkorDB declares constraints with a command, not Cypher.
        try:
            self.client.connection.execute_command(
                "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label, "PROPERTIES", 1, "id"
            )
        except redis.ResponseError as exc:
            if not any(marker in str(exc).lower() for marker in _ALREADY):
                raise

    # -- housekeeping ---------------------------------------------------------------------
    def version(self) -> str:
        try:
            modules = self.client.connection.execute_command("MODULE", "LIST")
        except redis.RedisError as exc:
            raise EngineUnavailable(f"the graph engine does not answer: {exc}") from exc
        for module in modules:
            fields = dict(zip(module[::2], module[1::2], strict=True))
            name = fields.get(b"name", fields.get("name"))
            if name in (b"graph", "graph"):
                ver = int(fields.get(b"ver", fields.get("ver")) or 0)
                return f"{ver // 10000}.{ver // 100 % 100}.{ver % 100}"
        return "unknown"

    def clear(self) -> None:
        try:
            self.graph.delete()
        except redis.ResponseError as exc:
            if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                raise
        self.graph = self.client.select_graph(self.graph_name)
        self._bump_generation()

    def close(self) -> None:
        try:
            self.client.connection.close()
        finally:
            if self.embedded is not None and self.embedded.owner:
                self.embedded.stop()


class _AsyncGeneration:
    """The generation key read by redis.asyncio on the event loop, with no hand-off to a
    worker thread. Its connections belong to the loop of its first read: on any other
    loop, or where the store's client is no plain pool (`async_client`), it reads in a
    worker thread. When the store reconnects (its embedded engine was restarted, on
    another port), it reconnects too."""

    def __init__(self, store: FalkorDBStore):
        self.store = store
        self._threaded = ThreadedGeneration(store.generation)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client_of: FalkorDB | None = None  # the store's client when `_redis` was made
        self._redis: redis.asyncio.Redis | None = None

    async def read(self) -> int:
        loop = asyncio.get_running_loop()
        self._loop = self._loop or loop
        if loop is not self._loop:
            return await self._threaded.read()
        if self._client_of is not self.store.client:
            stale, self._redis = self._redis, self.store.async_client()
            self._client_of = self.store.client
            if stale is not None:
                await stale.aclose()
        if self._redis is None:
            return await self._threaded.read()
        try:
            value = await self._redis.get(self.store.generation_key)
        except redis.RedisError as exc:
            raise EngineUnavailable(f"the graph engine does not answer: {exc}") from exc
        return int(value or 0)

    async def aclose(self) -> None:
        stale, self._redis = self._redis, None
        if stale is not None:
            await stale.aclose()
