"""Reading and parsing many dossier files in worker processes, ahead of the loader.

Parsing YAML was more than half of validating a folder (7.3 of 13.4 s for the 10^5
synthetic network); the rest (the dossier model, the hostile-content check, resolving
names) builds what the loader keeps, so it stays in the loader's process. Workers hand back
plain documents (dicts, lists, strings, numbers), which are cheap to send: pickling and
unpickling the 10^5 network's documents took 0.28 + 0.38 s. Files come back in their
order, a few tasks ahead of the loader at most, so parsed documents do not pile up.

Each worker is `python -m loaders.parse_pool`, fed through its own pipes. multiprocessing's
pools were not used: their processes start by running the caller's main script again
(spawn, forkserver), which breaks any script without a `__main__` guard, or copy a
process that may hold threads (fork). A worker that fails leaves the rest of the files to
be parsed in the loader's own process.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import subprocess
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph.errors import DossierError
from loaders.hostile import looks_clean
from loaders.yamlio import dossier_file_bytes, read_dossier_bytes

log = logging.getLogger(__name__)

# Starting a worker costs a fresh interpreter (about 0.05 s here); below this many bytes
# in all, the files are parsed in the loader's own process.
POOL_MIN_BYTES = 4 * 1024 * 1024
FILES_PER_TASK = 8  # one hand-over per few files, not per file
TASKS_AHEAD = 4  # per worker: enough to keep it busy, few enough to bound memory


@dataclass(frozen=True)
class Parsed:
    """One file: its document, or the problems that kept it from being read or parsed;
    `screened` if it was also found free of hostile text (loaders/hostile.py); `data`, the
    bytes the document was parsed from."""

    path: Path
    document: Any = None
    problems: list[tuple[str, str]] | None = None
    screened: bool = False
    data: bytes = b""

    def get(self) -> Any:
        """The document; raises the file's DossierError if it had one."""
        if self.problems is not None:
            raise DossierError(str(self.path), self.problems)
        return self.document


def default_workers() -> int:
    """One per CPU this process may run on, none on a single CPU. The loader's own process
    mostly waits for them: loading the 10^5 network on 2 CPUs took 18.4-18.8 s with two
    workers, 20.3-20.6 s with one and 24.7-26.0 s with none (alternating runs)."""
    cpus = len(os.sched_getaffinity(0))
    return cpus if cpus > 1 else 0


def parsed_files(files: Sequence[Path], workers: int | None = None) -> Iterator[Parsed]:
    """Each file read and parsed, in order. `workers`: processes to use (None: see
    default_workers; 0: none); small folders are parsed here whatever `workers` says."""
    count = default_workers() if workers is None else workers
    if count < 1 or len(files) < 2 or _total_bytes(files) < POOL_MIN_BYTES:
        yield from (_parse(path) for path in files)
        return
    tasks = deque(list(files[i : i + FILES_PER_TASK]) for i in range(0, len(files), FILES_PER_TASK))
    pool: list[_Worker] = []
    try:
        pool = [_Worker() for _ in range(count)]
        yield from _parse_in(pool, tasks)
    except (OSError, EOFError) as exc:  # a worker could not start, or died
        log.warning("parsing dossiers in this process from here on (a parsing worker failed: %r)", exc)
        for task in tasks:
            yield from (_parse(path) for path in task)
    finally:
        for worker in pool:
            worker.close()


def _parse_in(pool: list[_Worker], tasks: deque[list[Path]]) -> Iterator[Parsed]:
    """Results in file order; `tasks` keeps what has not been handed back yet, so the
    caller can parse it itself if a worker fails."""
    in_flight: deque[_Worker] = deque()
    turn = 0
    while tasks:
        # Keep every worker a few tasks ahead; each one answers its tasks in order.
        while len(in_flight) < min(len(tasks), len(pool) * TASKS_AHEAD):
            worker = pool[turn % len(pool)]
            worker.send(tasks[len(in_flight)])
            in_flight.append(worker)
            turn += 1
        results = in_flight.popleft().receive(tasks[0])
        tasks.popleft()
        yield from results


class _Worker:
    """One worker process, with a pipe each way."""

    def __init__(self) -> None:
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        try:
            self.process = subprocess.Popen(  # noqa: S603 - this interpreter, this module
                [sys.executable, "-m", "loaders.parse_pool", str(task_read), str(result_write)],
                pass_fds=(task_read, result_write),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": _import_path()},
            )
        except OSError:
            for fd in (task_read, task_write, result_read, result_write):
                os.close(fd)
            raise
        os.close(task_read)
        os.close(result_write)
        self.tasks = Connection(task_write, readable=False)
        self.results = Connection(result_read, writable=False)

    def send(self, paths: list[Path]) -> None:
        self.tasks.send([str(path) for path in paths])

    def receive(self, paths: list[Path]) -> list[Parsed]:
        """What the worker made of `paths`, the oldest task it was sent."""
        reply = self.results.recv()
        if isinstance(reply, BaseException):
            raise reply  # what reading a file raised there (OSError): parsed here again, it raises here
        return [Parsed(path, *answer) for path, answer in zip(paths, reply, strict=True)]

    def close(self) -> None:
        self.tasks.close()  # the worker ends at end of input
        self.results.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _import_path() -> str:
    """The folder this package is imported from, first, so the worker runs this code."""
    here = str(Path(__file__).resolve().parent.parent)
    inherited = os.environ.get("PYTHONPATH")
    return f"{here}{os.pathsep}{inherited}" if inherited else here


def _total_bytes(files: Sequence[Path]) -> int:
    total = 0
    for path in files:
        with contextlib.suppress(OSError):  # reported by the parse, in file order
            total += path.stat().st_size
    return total


def _parse(path: Path) -> Parsed:
    try:
        data = dossier_file_bytes(path)
        return Parsed(path, read_dossier_bytes(data, str(path)), data=data)
    except DossierError as exc:
        return Parsed(path, problems=exc.problems)


def _screened(parsed: Parsed) -> tuple[Any, list[tuple[str, str]] | None, bool, bytes]:
    clean = parsed.problems is None and looks_clean(parsed.document)
    return parsed.document, parsed.problems, clean, parsed.data


def _serve(task_fd: int, result_fd: int) -> None:
    """A worker's loop: lists of paths in, (document, problems, screened, data) per file out.
    Screening for hostile text here too takes a third of the checking off the loader."""
    tasks = Connection(task_fd, writable=False)
    results = Connection(result_fd, readable=False)
    while True:
        try:
            paths = tasks.recv()
        except EOFError:
            return
        reply: Any
        try:
            reply = [_screened(_parse(Path(path))) for path in paths]
        except OSError as exc:
            reply = exc
        try:
            results.send(reply)
        except BrokenPipeError:
            return  # the loader stopped reading: it needs nothing more


if __name__ == "__main__":
    # Documents are trees, freed by reference counting once sent; cyclic collection only
    # walked the half-built ones again and again (parsing took 2.7x as long with it on).
    gc.disable()
    _serve(int(sys.argv[1]), int(sys.argv[2]))
