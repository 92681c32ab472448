"""The audit log: every upload and console query, with key id and outcome; never a key."""

from __future__ import annotations

import json
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from tests.clients import graph_name_of
from tests.dossiers import MINIMAL
from tests.keys import write_keys

WRITER = "audit-writer-key-0123456789"
ANALYST = "audit-analyst-key-0123456789"


@pytest.fixture
def audited(tmp_path: Path, engine: EmbeddedEngine, schema: Schema) -> Iterator[tuple[TestClient, Path]]:
    keys = write_keys(
        tmp_path / "keys.yaml", {"wendy": (WRITER, "writer", False), "alice": (ANALYST, "analyst", True)}
    )
    store = FalkorDBStore.embedded_at(engine, f"test-audit-{uuid.uuid4().hex[:8]}", schema)
    store.ensure_schema()
    log = tmp_path / "audit.jsonl"
    settings = Settings(
        data_dir=tmp_path,
        graph_name=graph_name_of(store),
        api_keys_file=keys,
        audit_log=log,
        load_bundled_on_start=False,
    )
    with TestClient(create_app(settings, store=store)) as client:
        yield client, log
    store.clear()


def lines(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_an_upload_is_recorded_with_its_key_id_and_outcome(audited: tuple[TestClient, Path]) -> None:
    client, log = audited
    client.post(
        "/dossiers?name=m.yaml", content=MINIMAL.encode(), headers={"Authorization": f"Bearer {WRITER}"}
    )
    entry = lines(log)[-1]
    assert (entry["key_id"], entry["action"], entry["outcome"], entry["dossier"]) == (
        "wendy",
        "upload_dossier",
        "ok",
        "2099-test-op",
    )


def test_a_refused_upload_is_recorded_as_refused(audited: tuple[TestClient, Path]) -> None:
    client, log = audited
    client.post("/dossiers", content=b"- not a dossier", headers={"Authorization": f"Bearer {WRITER}"})
    entry = lines(log)[-1]
    assert (entry["outcome"], entry["status"], entry["error"]) == ("refused", 422, "invalid_dossier")


def test_a_console_query_is_recorded_with_its_text(audited: tuple[TestClient, Path]) -> None:
    client, log = audited
    client.post("/cypher", json={"query": "RETURN 1 AS one"}, headers={"Authorization": f"Bearer {ANALYST}"})
    entry = lines(log)[-1]
    assert (entry["key_id"], entry["action"], entry["query"], entry["outcome"]) == (
        "alice",
        "console",
        "RETURN 1 AS one",
        "ok",
    )


def test_a_refused_console_write_is_recorded(audited: tuple[TestClient, Path]) -> None:
    client, log = audited
    client.post("/cypher", json={"query": "CREATE (n:X)"}, headers={"Authorization": f"Bearer {ANALYST}"})
    assert lines(log)[-1]["outcome"] == "refused"


def test_the_log_never_holds_a_key(audited: tuple[TestClient, Path]) -> None:
    client, log = audited
    client.post(
        "/dossiers?name=m.yaml", content=MINIMAL.encode(), headers={"Authorization": f"Bearer {WRITER}"}
    )
    client.post("/cypher", json={"query": "RETURN 1"}, headers={"Authorization": f"Bearer {ANALYST}"})
    text = log.read_text(encoding="utf-8")
    assert (WRITER in text, ANALYST in text) == (False, False)


def test_the_log_is_private_to_its_owner(audited: tuple[TestClient, Path]) -> None:
    client, log = audited
    client.post("/cypher", json={"query": "RETURN 1"}, headers={"Authorization": f"Bearer {ANALYST}"})
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_the_log_only_grows(audited: tuple[TestClient, Path]) -> None:
    client, log = audited
    client.post("/cypher", json={"query": "RETURN 1"}, headers={"Authorization": f"Bearer {ANALYST}"})
    first = log.read_text(encoding="utf-8")
    client.post("/cypher", json={"query": "RETURN 2"}, headers={"Authorization": f"Bearer {ANALYST}"})
    assert log.read_text(encoding="utf-8").startswith(first)
