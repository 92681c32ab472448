"""The one store interface every engine adapter implements."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol

import anyio.to_thread

from graph.errors import InvalidInput
from graph.model.plan import Changes
from graph.store.journal import WriteJournal


class GenerationReader(Protocol):
    """`Store.generation()` for code on an event loop. Made on the loop that uses it and
    closed there (`aclose`): an engine's asyncio connections belong to one loop."""

    async def read(self) -> int: ...

    async def aclose(self) -> None: ...


class ThreadedGeneration:
    """A GenerationReader for engines without an asyncio client: the store's own read, in
    a worker thread, so the loop never waits on the engine."""

    def __init__(self, read: Callable[[], int]):
        self._read = read

    async def read(self) -> int:
        return await anyio.to_thread.run_sync(self._read)

    async def aclose(self) -> None:
        return None


class Reader(Protocol):
    """What reads the graph: a store, or a store's view of one write's transaction."""

    dialect: str

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]: ...


class WriteSession(Reader, Protocol):
    """Many writes with no other writer between them (the store's write lock held), for a
    loader that works out the next write while the engine runs this one."""

    def prepare(self, changes: Changes) -> Callable[[], None]:
        """The write of `changes`, built now (no engine), run when called."""
        ...


class Store(Protocol):
    engine: str
    dialect: str  # which Cypher files it runs: cypher/<path> or cypher/neo4j/<path>
    journal: WriteJournal  # what this process's writes changed, by generation

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read-only query; rows as dicts keyed by column name."""
        ...

    def run_untrusted(
        self, query: str, params: dict[str, Any], *, timeout_ms: int, max_rows: int
    ) -> tuple[list[str], list[dict[str, Any]]]:
        """Run a caller's query read-only (enforced by the engine) within `timeout_ms`:
        the result's columns and at most `max_rows` of its rows, only those turned into
        Python values (a query may return millions)."""
        ...

    def write(self, query: str, params: dict[str, Any] | None = None) -> None:
        """Run one of our own writing statements (never a caller's text)."""
        ...

    def pipelined_writes(self) -> AbstractContextManager[WriteSession] | None:
        """A WriteSession to enter, or None where the store cannot write while a loader
        reads (Neo4j reads and writes within one transaction per write instead)."""
        ...

    def write_locked(self, work: Callable[[Reader], Changes]) -> Changes:
        """Run `work`, which reads the graph through the Reader it is given and returns
        the changes to make, then write them all-or-nothing; no other `write_locked` of
        this graph, in any process, comes between those reads and that write."""
        ...

    def ensure_schema(self) -> None:
        """Create indexes and constraints; safe to call on every start."""
        ...

    def generation(self) -> int:
        """A number that changes whenever the graph is written."""
        ...

    def generation_reader(self) -> GenerationReader:
        """A reader of `generation()` for the running event loop (see GenerationReader)."""
        ...

    def version(self) -> str: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...


def check_parameters(params: dict[str, Any]) -> None:
    """Refuse a NUL character in any parameter, on every engine. FalkorDB's client sends
    parameters as text before the query, where a NUL would cut it; Neo4j would take it, but
    the same question must get the same answer from both."""

    def walk(value: Any) -> None:
        if isinstance(value, str) and "\x00" in value:
            raise InvalidInput("a parameter contains a NUL character")
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(params)
