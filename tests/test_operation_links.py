"""Operations link to operations: a phase, a follow-up, one investigation under two names.
A dossier names the other operation by its dossier's id; the link is there whichever of
the two is loaded first, and it shows in the operation view, in /shared and in /paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.errors import DossierError
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.stats import digest
from loaders.load import load_paths
from tests.clients import graph_name_of
from tests.dossiers import one_source_dossier

pytestmark = pytest.mark.both_engines

WHOLE = "operation:2099-whole"
PHASE = "operation:2099-phase-two"


def dossier(dossier_id: str, name: str, relationships: str = "") -> str:
    body = """\
        entities:
          net:
            label: Group
            name: Example Links Network
            properties: {kind: IPTV service}
            sources: [release]
        relationships:
          - {from: operation, type: TARGETED, to: net, sources: [release]}
        """
    return one_source_dossier(dossier_id, body, name=name) + relationships


PHASE_LINK = (
    "  - {from: operation, type: PHASE_OF, to: 'operation:2099-whole', properties: {phase: '2'},"
    " sources: [release]}\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    whole = tmp_path / "whole.yaml"
    phase = tmp_path / "phase.yaml"
    whole.write_text(dossier("2099-whole", "Operation Whole"), encoding="utf-8")
    phase.write_text(dossier("2099-phase-two", "Operation Whole, phase 2", PHASE_LINK), encoding="utf-8")
    return whole, phase


def test_the_link_is_the_same_whichever_dossier_comes_first(
    empty_store: Any, schema: Schema, files: tuple[Path, Path]
) -> None:
    whole, phase = files
    load_paths(empty_store, schema, [whole], workers=0)
    load_paths(empty_store, schema, [phase], workers=0)
    first = digest(empty_store)
    empty_store.clear()
    empty_store.ensure_schema()
    load_paths(empty_store, schema, [phase], workers=0)
    load_paths(empty_store, schema, [whole], workers=0)
    assert digest(empty_store) == first


def test_another_operation_is_named_by_its_dossier_id(
    empty_store: Any, schema: Schema, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    link = PHASE_LINK.replace("operation:2099-whole", "operation:Whole Op")
    bad.write_text(dossier("2099-phase-two", "Phase", link), encoding="utf-8")
    with pytest.raises(DossierError) as caught:
        load_paths(empty_store, schema, [bad], workers=0)
    assert caught.value.problems == [
        (
            "relationships[1].to",
            "line 19, column 39: 'operation:Whole Op' is not another operation: "
            "write operation:<the id of its dossier>",
        )
    ]


@pytest.fixture
def client(
    empty_store: Any, engine: EmbeddedEngine, schema: Schema, files: tuple[Path, Path]
) -> Iterator[TestClient]:
    load_paths(empty_store, schema, list(files), workers=0)
    settings = Settings(
        data_dir=engine.data_dir, graph_name=graph_name_of(empty_store), load_bundled_on_start=False
    )
    with TestClient(create_app(settings, store=empty_store)) as test_client:
        yield test_client


def test_the_operation_view_lists_its_phases(client: TestClient) -> None:
    view = client.get(f"/operations/{WHOLE}").json()
    assert [
        (r["id"], r["relation"], r["outgoing"], r["relationship"].get("phase"))
        for r in view["related_operations"]
    ] == [(PHASE, "PHASE_OF", False, "2")]


def test_shared_shows_the_link_between_the_operations(client: TestClient) -> None:
    answer = client.get("/shared", params={"id": [WHOLE, PHASE]}).json()
    assert (answer["direct"], answer["shared"]) == (
        [f"{PHASE}|PHASE_OF|{WHOLE}"],
        {"Group": ["group:example-links-network"]},
    )


def test_the_shortest_path_between_two_phases_is_the_link(client: TestClient) -> None:
    answer = client.get("/paths", params={"from": PHASE, "to": WHOLE, "k": 1}).json()
    assert [path["edges"] for path in answer["paths"]] == [[f"{PHASE}|PHASE_OF|{WHOLE}"]]
