"""Run as a separate process: own the engine of a data directory until killed."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from graph.store.embedded import EmbeddedEngine

if __name__ == "__main__":
    engine = EmbeddedEngine(Path(sys.argv[1]))
    endpoint = engine.start()
    assert engine.process is not None
    sys.stdout.write(json.dumps({"engine_pid": engine.process.pid, "port": endpoint.port}) + "\n")
    sys.stdout.flush()
    while True:
        time.sleep(1)
