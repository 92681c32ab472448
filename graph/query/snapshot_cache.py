"""The snapshot of the store's current generation (graph/query/snapshot.py), made in the
background: read from its file when the server starts, brought up to date after this
process's writes, copied anew from the engine after any other write."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from graph.query.snapshot import Snapshot, build_snapshot, read_delta
from graph.query.snapshot_file import load, save
from graph.store.base import Store
from graph.store.stats import counts

log = logging.getLogger(__name__)


class SnapshotCache:
    """The snapshot of the store's current generation, if there is one.

    `current()` never waits for a build: when the store has moved on (or no copy was made
    yet) it starts one in a background thread and answers None, and the caller asks the
    engine. Graphs over `max_entities` nodes + relationships are never copied (memory);
    0 turns the copy off.
    """

    def __init__(
        self,
        store: Store,
        max_entities: int,
        file: Path | None = None,
        on_ready: Callable[[Snapshot], object] | None = None,
    ):
        """`file`: where the copy is kept between runs (graph/query/snapshot_file.py);
        `on_ready`: called in the building thread with each new copy (to warm what is made
        from it)."""
        self.store = store
        self.max_entities = max_entities
        self.file = file
        self.on_ready = on_ready
        self._snapshot: Snapshot | None = None
        self._saved_generation: int | None = None
        self._too_large_at: int | None = None  # the generation found too large to copy
        self._building: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.max_entities > 0

    def current(self, generation: int | None = None) -> Snapshot | None:
        """`generation`: the store's, when the caller has just read it."""
        if not self.enabled:
            return None
        if generation is None:
            generation = self.store.generation()
        snapshot = self._snapshot
        if snapshot is not None and snapshot.generation == generation:
            return snapshot
        if self._too_large_at != generation:
            self.start()
        return None

    def adopt(self, snapshot: Snapshot) -> None:
        """Serve `snapshot` (built elsewhere) while the store is at its generation."""
        self._snapshot = snapshot

    def wait(self, timeout: float) -> Snapshot | None:
        """The current snapshot, building it if needed and waiting up to `timeout` seconds."""
        if not self.enabled:
            return None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.current()
            if found is not None or self._too_large_at == self.store.generation():
                return found
            building = self._building
            if building is not None:
                building.join(max(0.0, deadline - time.monotonic()))
        return self.current()

    def finish(self, timeout: float) -> None:
        """Wait up to `timeout` seconds for a copy under way, so that the store is not
        closed (or handed back to its owner) while a worker thread still reads it."""
        building = self._building
        if building is not None:
            building.join(timeout)

    def start(self) -> None:
        """Start a copy of the current generation in the background, unless one is under
        way. Never raises: an engine that does not answer leaves the engine answering."""
        if not self.enabled:
            return
        with self._lock:
            if self._building is not None and self._building.is_alive():
                return
            self._building = threading.Thread(target=self._build, name="snapshot-build", daemon=True)
            self._building.start()

    @property
    def warming(self) -> bool:
        """Whether a copy is being made, read from disk or brought up to date."""
        building = self._building
        return building is not None and building.is_alive()

    def _build(self) -> None:
        try:
            generation = self.store.generation()
            if generation in (self._too_large_at, getattr(self._snapshot, "generation", None)):
                return
            if self._follow(generation):
                self._ready()
                return
            total = counts(self.store)
            entities = sum(total["nodes"].values()) + sum(total["relationships"].values())
            if entities > self.max_entities:
                self._too_large_at = generation
                log.info(
                    "graph of %d entities: over %d, neighbourhoods read by the engine",
                    entities,
                    self.max_entities,
                )
                return
            self._too_large_at = None
            self._snapshot = None  # stale, never served again: free it before making the next
            started = time.perf_counter()
            snapshot = load(self.file, generation, entities) if self.file is not None else None
            if snapshot is not None:
                self._saved_generation = generation
                how = "read from " + str(self.file)
            else:
                snapshot = build_snapshot(self.store, generation)
                how = "copied"
            self._snapshot = snapshot
            log.info(
                "neighbourhoods from memory: %d nodes, %d relationships %s in %.1f s",
                snapshot.node_count,
                snapshot.relationships,
                how,
                time.perf_counter() - started,
            )
            if self._saved_generation != generation:
                self._save(snapshot, entities)
            self._ready()
        except Exception:  # a store closed or cleared under the build: the engine answers
            log.warning("snapshot build failed; neighbourhoods read by the engine", exc_info=True)

    def _ready(self) -> None:
        snapshot = self._snapshot
        if self.on_ready is not None and snapshot is not None:
            self.on_ready(snapshot)

    def _save(self, snapshot: Snapshot, entities: int) -> None:
        if self.file is None:
            return
        started = time.perf_counter()
        save(snapshot, self.file, entities)
        self._saved_generation = snapshot.generation
        log.info(
            "snapshot of generation %d saved in %.1f s", snapshot.generation, time.perf_counter() - started
        )

    def save_current(self) -> None:
        """Keep the current copy for the next start, unless it is on disk already (at
        shutdown: copies that followed writes are not saved as they are made)."""
        snapshot = self._snapshot
        if self.file is None or snapshot is None or snapshot.generation == self._saved_generation:
            return
        try:
            if snapshot.generation != self.store.generation():
                return
            total = counts(self.store)
            self._save(snapshot, sum(total["nodes"].values()) + sum(total["relationships"].values()))
        except Exception:  # the next start reads the graph again
            log.warning("snapshot not saved", exc_info=True)

    def _follow(self, generation: int) -> bool:
        """Bring the copy to `generation` by what this process's writes since changed, if
        it recorded them all; readers keep the previous copy until the new one is whole."""
        before = self._snapshot
        if before is None:
            return False
        touched = self.store.journal.since(before.generation, generation)
        if touched is None:
            return False
        started = time.perf_counter()
        self._snapshot = before.followed(generation, read_delta(self.store, touched))
        log.info(
            "neighbourhoods from memory: followed %d writes (%d nodes, %d relationships) in %.3f s",
            generation - before.generation,
            len(touched.nodes),
            len(touched.edges),
            time.perf_counter() - started,
        )
        return True
