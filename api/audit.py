"""The audit log: every write and every console query, one JSON line each, append-only.

A line says when, which key (its id, never the key), what was asked and how it ended.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from api.errors import status_of
from graph.errors import PiracyGraphError


class AuditLog:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def record(self, **entry: Any) -> None:
        line = json.dumps({"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), **entry}, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            # O_APPEND: each line lands at the end, whatever else has the file open.
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, (line + "\n").encode("utf-8"))
            finally:
                os.close(fd)

    @contextmanager
    def action(self, key_id: str, action: str, **what: Any) -> Iterator[dict[str, Any]]:
        """Record `action` with its outcome; the body may add details to the yielded dict."""
        details: dict[str, Any] = {}
        try:
            yield details
        except PiracyGraphError as exc:
            self.record(
                key_id=key_id,
                action=action,
                **what,
                outcome="refused",
                status=status_of(exc),
                error=exc.code,
                **details,
            )
            raise
        except Exception:
            self.record(key_id=key_id, action=action, **what, outcome="failed", status=500, **details)
            raise
        self.record(key_id=key_id, action=action, **what, outcome="ok", **details)
