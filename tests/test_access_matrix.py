"""Every endpoint x every role, with and without the right to see people's names.

Roles: none (no key), reader, analyst (console), writer (uploads), admin; each with and
without see_names. Expected: reads need a key (any role) when keys are configured; the
console needs analyst or above AND see_names; uploads need writer or above; /health is
open. People's names appear exactly for keys with see_names.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.model.schema import Schema
from graph.store.embedded import EmbeddedEngine
from tests.clients import keyed_client
from tests.dossiers import MINIMAL
from tests.keys import write_keys

pytestmark = pytest.mark.both_engines

ROLES = ["reader", "analyst", "writer", "admin"]
PRINCIPALS = ["none"] + [f"{role}{suffix}" for role in ROLES for suffix in ("", "+names")]
NAMED = "George Bridi"  # publicly charged, in the Sparks dossier

READS = [
    "/entities?q=sparks",
    "/entities/group:sparks",
    "/entities/group:sparks/neighbours",
    "/paths?from=group:sparks&to=group:geckos",
    "/shared?id=group:geckos&id=group:drones",
    "/groups",
    "/groups/group:sparks/links",
    "/operations",
    "/operations/operation:2020-sparks",
    "/countries",
    "/countries/NL",
    "/agencies",
    "/agencies/agency:europol",
    "/timeline",
    "/analytics/centrality",
    "/analytics/communities",
    "/queries",
    "/queries/people_by_operation",
    "/views/entities/group:sparks",
    "/views/paths?from=group:sparks&to=group:geckos",
    "/views/shared?id=group:geckos&id=group:drones",
    "/views/operations/operation:2020-sparks",
    "/views/queries/servers_by_country",
    "/views/graph?limit=50",
    "/views/timeline?operation=operation:2020-sparks",
    "/views/map?operation=operation:2020-sparks",
    "/map?operation=operation:2020-sparks",
    "/coverage",
    "/",
    "/exports/nodelink",
]


def key_of(principal: str) -> str:
    return f"matrix-{principal.replace('+', '-')}-key-0123456789"


@pytest.fixture(scope="module")
def matrix(
    tmp_path_factory: pytest.TempPathFactory, engine: EmbeddedEngine, schema: Schema
) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("matrix")
    keys = {p: (key_of(p), p.split("+")[0], p.endswith("+names")) for p in PRINCIPALS if p != "none"}
    with keyed_client(engine, schema, folder, write_keys(folder / "keys.yaml", keys)) as client:
        yield client


def call(client: TestClient, principal: str, method: str, url: str, **kwargs: Any) -> Any:
    headers = {} if principal == "none" else {"Authorization": f"Bearer {key_of(principal)}"}
    return client.request(method, url, headers=headers, **kwargs)


def expected_read(principal: str) -> int:
    return 401 if principal == "none" else 200


def expected_console(principal: str) -> int:
    if principal == "none":
        return 401
    role = principal.split("+", maxsplit=1)[0]
    return 200 if role != "reader" and principal.endswith("+names") else 403


def expected_upload(principal: str) -> int:
    if principal == "none":
        return 401
    return 201 if principal.split("+", maxsplit=1)[0] in {"writer", "admin"} else 403


@pytest.mark.parametrize("principal", PRINCIPALS)
def test_health_is_open_to_everyone(matrix: TestClient, principal: str) -> None:
    assert call(matrix, principal, "GET", "/health").status_code == 200


@pytest.mark.parametrize("principal", PRINCIPALS)
@pytest.mark.parametrize("url", READS)
def test_reads(matrix: TestClient, principal: str, url: str) -> None:
    assert call(matrix, principal, "GET", url).status_code == expected_read(principal)


@pytest.mark.parametrize("principal", PRINCIPALS)
@pytest.mark.parametrize("path", ["/extract", "/extract/review"])
def test_extract(matrix: TestClient, principal: str, path: str) -> None:
    response = call(matrix, principal, "POST", path, json={"text": "Europol a fermé 60 serveurs en France."})
    assert response.status_code == expected_read(principal)


@pytest.mark.parametrize("principal", PRINCIPALS)
def test_export_of_an_answer(matrix: TestClient, principal: str) -> None:
    body = {"nodes": [{"id": "group:sparks"}, {"id": "group:geckos"}]}
    assert call(matrix, principal, "POST", "/exports/nodelink", json=body).status_code == expected_read(
        principal
    )


@pytest.mark.parametrize("principal", PRINCIPALS)
def test_console(matrix: TestClient, principal: str) -> None:
    response = call(matrix, principal, "POST", "/cypher", json={"query": "RETURN 1 AS one"})
    assert response.status_code == expected_console(principal)


@pytest.mark.parametrize("principal", PRINCIPALS)
def test_upload(matrix: TestClient, principal: str) -> None:
    response = call(matrix, principal, "POST", "/dossiers?name=m.yaml", content=MINIMAL.encode())
    assert response.status_code == expected_upload(principal)


# Pages that mention a publicly charged person, and the name they mention.
NAME_PAGES = [
    ("/operations/operation:2020-sparks", NAMED),
    ("/entities/operation:2020-sparks/neighbours", NAMED),
    ("/queries/people_by_operation", NAMED),
    ("/timeline?about=operation:2019-jetflicks", "Kristopher Dallmann"),
    ("/entities?q=bridi", NAMED),
    ("/views/operations/operation:2020-sparks", NAMED),
    ("/views/timeline?about=operation:2019-jetflicks", "Kristopher Dallmann"),
    ("/views/map?operation=operation:2020-sparks", "Bridi"),
    ("/map?operation=operation:2020-sparks", "Bridi"),
    ("/exports/nodelink?view=neighbours&id=operation:2020-sparks", NAMED),
]


@pytest.mark.parametrize("principal", [p for p in PRINCIPALS if p != "none"])
@pytest.mark.parametrize(("url", "name"), NAME_PAGES)
def test_names_show_exactly_to_keys_with_the_right(
    matrix: TestClient, principal: str, url: str, name: str
) -> None:
    text = call(matrix, principal, "GET", url).text
    assert (name in text) == principal.endswith("+names")
