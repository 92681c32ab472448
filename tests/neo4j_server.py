"""A real Neo4j for the tests and benchmarks: the launcher of tools/neo4j, started as a
child process on a free port of 127.0.0.1, with a throwaway data directory.

The launcher stops by itself when the process that started it ends, so a killed test run
leaves no server behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

LAUNCHER_DIR = Path(__file__).resolve().parent.parent / "tools" / "neo4j"
LAUNCHER_JAR = LAUNCHER_DIR / "target" / "neo4j-launcher.jar"
USER = "neo4j"


class Neo4jNotAvailable(RuntimeError):
    """The launcher cannot start: what is missing, and how to get it."""


@dataclass
class Neo4jServer:
    uri: str
    user: str
    password: str
    process: subprocess.Popen[str] | None = field(default=None, repr=False)
    log_path: Path | None = None

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _require_launcher() -> None:
    if not LAUNCHER_JAR.exists():
        raise Neo4jNotAvailable(
            f"{LAUNCHER_JAR} is missing: build it with `cd tools/neo4j && mvn -q package` "
            "(scripts/test does this)"
        )


def java_command() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise Neo4jNotAvailable("no Java found: install a JDK 17 or newer (Debian: openjdk-17-jdk)")
    return java


def start_neo4j(
    *, heap: str = "1g", pagecache_mb: int = 256, data_dir: Path | None = None, timeout: float = 180
) -> Neo4jServer:
    """Start the launcher and wait for its Bolt URI. Needs `mvn -q package` in tools/neo4j.
    Without `data_dir`, the data lives in a temporary directory deleted when it stops."""
    _require_launcher()
    password = secrets.token_urlsafe(18)
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - kept open for the server's life
        prefix="neo4j-launcher-", suffix=".log", delete=False
    )
    process = subprocess.Popen(
        [
            java_command(),
            f"-Xmx{heap}",
            "-XX:+UseParallelGC",
            "-jar",
            str(LAUNCHER_JAR),
            "--pagecache",
            str(pagecache_mb * 1024 * 1024),
            *(["--data-dir", str(data_dir)] if data_dir is not None else []),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env={**os.environ, "NEO4J_LAUNCHER_PASSWORD": password},
    )
    uri = _first_line(process, timeout)
    log.close()
    if not uri.startswith("bolt://"):
        process.kill()
        process.wait()
        tail = Path(log.name).read_text(errors="replace")[-2000:]
        raise Neo4jNotAvailable(f"the Neo4j launcher did not start (see {log.name}):\n{tail}")
    return Neo4jServer(uri, USER, password, process, Path(log.name))


def admin_import(home: Path, nodes: list[Path], relationships: list[Path], heap: str = "2g") -> None:
    """`neo4j-admin database import full` into the database "neo4j" under `home`, which
    start_neo4j(data_dir=home) then serves. CSV files in the tool's header format."""
    _require_launcher()
    (home / "conf").mkdir(parents=True, exist_ok=True)
    classpath = f"{LAUNCHER_JAR}{os.pathsep}{LAUNCHER_JAR.parent / 'lib' / '*'}"
    command = [java_command(), f"-Xmx{heap}", "-cp", classpath, "org.neo4j.cli.AdminTool"]
    command += ["database", "import", "full", "--multiline-fields=true"]
    command += [f"--nodes={path}" for path in nodes]
    command += [f"--relationships={path}" for path in relationships]
    # The file options take several values: the database name follows an option that
    # takes none.
    done = subprocess.run(
        [*command, "--overwrite-destination", "neo4j"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")},
    )
    if done.returncode:
        raise RuntimeError(f"neo4j-admin import failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout)
    return line[0].strip() if line else ""
