"""POST /cypher: the read-only console for analyst keys.

The hostile queries run against a copy of the bundled graph (the same dossiers loaded into
a graph of its own), so that even a console that let a write through could never change the
shared bundled graph the other tests read. The copy's digest is checked before and after.
"""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import digest
from loaders.load import load_paths
from loaders.resources import bundled_dossiers_dir
from tests.clients import graph_name_of
from tests.keys import write_keys

pytestmark = pytest.mark.both_engines

KEYS = {
    "reader": ("reader-key-0123456789", "reader", False),
    "analyst": ("analyst-key-0123456789", "analyst", False),
    "analyst-names": ("analyst-names-key-0123456789", "analyst", True),
    "writer": ("writer-key-0123456789", "writer", True),
}


def bearer(who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEYS[who][0]}"}


@pytest.fixture(scope="module")
def keys_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_keys(tmp_path_factory.mktemp("keys") / "keys.yaml", KEYS)


@pytest.fixture(scope="module")
def copy_store(engine: EmbeddedEngine, schema: Schema) -> Iterator[FalkorDBStore]:
    """The bundled dossiers in a graph of their own."""
    store = FalkorDBStore.embedded_at(engine, f"test-console-{uuid.uuid4().hex[:12]}", schema)
    store.ensure_schema()
    load_paths(store, schema, [bundled_dossiers_dir()])
    yield store
    store.clear()


@pytest.fixture(scope="module")
def digest_before(copy_store: FalkorDBStore) -> str:
    return digest(copy_store)


@pytest.fixture(scope="module")
def console(
    copy_store: FalkorDBStore, engine: EmbeddedEngine, keys_file: Path, digest_before: str
) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(copy_store),
        load_bundled_on_start=False,
        api_keys_file=keys_file,
    )
    with TestClient(create_app(settings, store=copy_store)) as test_client:
        yield test_client


def run(client: TestClient, body: dict[str, Any], who: str = "analyst-names") -> Any:
    return client.post("/cypher", json=body, headers=bearer(who))


# -- who may use it ----------------------------------------------------------------------------

COUNT = {"query": "MATCH (o:Operation) RETURN count(o) AS n"}


def test_no_key_is_401_even_on_a_server_without_keys(client: TestClient) -> None:
    response = client.post("/cypher", json=COUNT)
    assert (response.status_code, response.json()["error"]["code"]) == (401, "unauthenticated")


def test_no_key_is_401_on_a_server_with_keys(console: TestClient) -> None:
    assert console.post("/cypher", json=COUNT).status_code == 401


def test_a_wrong_key_is_401(console: TestClient) -> None:
    response = console.post("/cypher", json=COUNT, headers={"Authorization": "Bearer not-a-key"})
    assert response.status_code == 401


def test_a_reader_key_is_403(console: TestClient) -> None:
    response = run(console, COUNT, "reader")
    assert (response.status_code, response.json()["error"]["code"]) == (403, "forbidden")


def test_an_analyst_key_runs_the_query(console: TestClient) -> None:
    response = run(console, COUNT)
    assert (response.status_code, response.json()["rows"]) == (200, [[49]])


def test_an_analyst_key_in_the_x_api_key_header_runs_the_query(console: TestClient) -> None:
    response = console.post("/cypher", json=COUNT, headers={"X-API-Key": KEYS["analyst-names"][0]})
    assert response.status_code == 200


def test_a_writer_key_may_use_the_console_too(console: TestClient) -> None:
    assert run(console, COUNT, "writer").status_code == 200


def test_the_answer_names_its_columns(console: TestClient) -> None:
    body = run(
        console, {"query": "MATCH (g:Group {id: 'group:sparks'}) RETURN g.id AS id, g.name AS name"}
    ).json()
    assert (body["columns"], body["rows"]) == (["id", "name"], [["group:sparks", "Sparks"]])


def test_parameters_reach_the_query(console: TestClient) -> None:
    body = run(
        console,
        {"query": "MATCH (g:Group {id: $id}) RETURN g.name AS name", "params": {"id": "group:geckos"}},
    ).json()
    assert body["rows"] == [["Geckos"]]


def test_a_list_parameter_reaches_the_query(console: TestClient) -> None:
    body = run(console, {"query": "RETURN $xs AS xs", "params": {"xs": [1, "a", [2, 3]]}}).json()
    assert body["rows"] == [[[1, "a", [2, 3]]]]


# -- writes and hostile queries ----------------------------------------------------------------

LONG_HIDDEN_WRITE = "MATCH (n) /*" + "a" * 9900 + "*/ DETACH DELETE n"
HOSTILE: list[tuple[str, dict[str, Any]]] = [
    ("create", {"query": "CREATE (:Group {id: 'group:evil', name: 'Evil'})"}),
    ("create lower case", {"query": "create (:X)"}),
    ("merge", {"query": "MERGE (g:Group {id: 'group:evil'}) RETURN g"}),
    ("merge on match set", {"query": "MERGE (g:Group {id: 'group:sparks'}) ON MATCH SET g.name = 'x'"}),
    ("set", {"query": "MATCH (g:Group {id: 'group:sparks'}) SET g.name = 'pwned'"}),
    ("set map", {"query": "MATCH (g:Group {id: 'group:sparks'}) SET g += {name: 'pwned'}"}),
    ("set label", {"query": "MATCH (n) SET n:Hacked"}),
    ("delete", {"query": "MATCH (g:Group {id: 'group:sparks'}) DELETE g"}),
    ("delete relationships", {"query": "MATCH ()-[r]->() DELETE r"}),
    ("detach delete", {"query": "MATCH (n) DETACH DELETE n"}),
    ("remove", {"query": "MATCH (g:Group {id: 'group:sparks'}) REMOVE g.name"}),
    ("create index", {"query": "CREATE INDEX FOR (g:Group) ON (g.kind)"}),
    ("drop index", {"query": "DROP INDEX ON :Group(id)"}),
    ("create constraint", {"query": "CREATE CONSTRAINT ON (g:Group) ASSERT g.kind IS UNIQUE"}),
    ("fulltext create", {"query": "CALL db.idx.fulltext.createNodeIndex('Group', 'kind')"}),
    ("fulltext drop", {"query": "CALL db.idx.fulltext.drop('Entity')"}),
    ("two statements", {"query": "MATCH (n) RETURN count(n) AS n; MATCH (n) DETACH DELETE n"}),
    ("block comment hides a write", {"query": "MATCH (n) /* x */ DELETE n"}),
    ("line comment hides a write", {"query": "MATCH (n) // x\n DETACH DELETE n"}),
    ("comment before a write", {"query": "/* read only */ CREATE (:X)"}),
    ("union with a write", {"query": "RETURN 1 AS a UNION MATCH (n) DETACH DELETE n RETURN 1 AS a"}),
    ("subquery write", {"query": "UNWIND [1] AS x CALL { CREATE (:X) } RETURN x"}),
    ("foreach write", {"query": "FOREACH (x IN [1] | CREATE (:X))"}),
    ("write after a procedure", {"query": "CALL db.labels() YIELD label CREATE (:X {l: label})"}),
    ("always-true filter delete", {"query": "MATCH (n) WHERE n.id = 'x' OR 1 = 1 DETACH DELETE n"}),
    ("explain a write", {"query": "EXPLAIN MATCH (n) DETACH DELETE n"}),
    ("profile a write", {"query": "PROFILE MATCH (n) DETACH DELETE n"}),
    ("engine command", {"query": "GRAPH.DELETE piracy"}),
    ("fullwidth SET", {"query": "MATCH (g:Group {id: 'group:sparks'}) ＳＥＴ g.name = 'x'"}),
    ("fullwidth keywords", {"query": "ｍａｔｃｈ (n) ｄｅｔａｃｈ ｄｅｌｅｔｅ n"}),
    ("zero-width space", {"query": "CRE\u200bATE (:X)"}),
    ("cyrillic C", {"query": "\u0421REATE (:X)"}),
    ("no-break spaces", {"query": "MATCH\u00a0(n)\u00a0DETACH\u00a0DELETE\u00a0n"}),
    ("right-to-left override", {"query": "\u202eMATCH (n) DETACH DELETE n"}),
    ("line separator", {"query": "MATCH (n) RETURN n.id AS id \u2028 DETACH DELETE n"}),
    ("NUL before a write", {"query": "MATCH (n) DETACH DELETE n\u0000 RETURN 1"}),
    ("load csv of a local file", {"query": "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"}),
    ("load csv of the environment", {"query": "LOAD CSV FROM 'file:///proc/self/environ' AS row RETURN row"}),
    (
        "load csv into the graph",
        {"query": "LOAD CSV FROM 'file:///etc/passwd' AS row CREATE (:X {line: row[0]})"},
    ),
    ("too long", {"query": "MATCH (n) RETURN n " + "x" * 10_000}),
    ("long query hiding a write", {"query": LONG_HIDDEN_WRITE}),
    ("empty", {"query": "   "}),
    (
        "huge unwind, small timeout",
        {"query": "UNWIND range(1, 10000000) AS x RETURN count(x) AS c", "timeout_ms": 10},
    ),
    (
        "cartesian product, small timeout",
        {"query": "MATCH (a), (b), (c) RETURN count(*) AS c", "timeout_ms": 50},
    ),
    (
        "variable-length paths, small timeout",
        {"query": "MATCH p = (a)-[*1..6]-(b) RETURN count(p) AS c", "timeout_ms": 50},
    ),
    ("NUL in a parameter", {"query": "RETURN $a AS a", "params": {"a": "\u0000"}}),
]


@pytest.fixture(scope="module")
def hostile_answers(console: TestClient) -> dict[str, tuple[int, str]]:
    """Every hostile query, sent once: name -> (status, body text)."""
    answers = {}
    for name, body in HOSTILE:
        response = run(console, body)
        answers[name] = (response.status_code, response.text)
    return answers


@pytest.mark.parametrize("name", [name for name, _ in HOSTILE])
def test_a_hostile_query_is_refused_with_a_4xx(
    hostile_answers: dict[str, tuple[int, str]], name: str
) -> None:
    assert hostile_answers[name][0] // 100 == 4


def test_the_graph_is_unchanged_after_every_hostile_query(
    hostile_answers: dict[str, tuple[int, str]], copy_store: FalkorDBStore, digest_before: str
) -> None:
    assert digest(copy_store) == digest_before


def test_the_copy_has_the_digest_of_the_bundled_graph(
    bundled_store: FalkorDBStore, digest_before: str
) -> None:
    assert digest(bundled_store) == digest_before


def test_a_refused_write_says_the_engine_refused_it(hostile_answers: dict[str, tuple[int, str]]) -> None:
    status, text = hostile_answers["detach delete"]
    assert (status, "refused" in text) == (422, True)


def test_a_local_file_never_reaches_the_answer(hostile_answers: dict[str, tuple[int, str]]) -> None:
    assert "root:" not in hostile_answers["load csv of a local file"][1]


def test_a_timed_out_query_says_so(hostile_answers: dict[str, tuple[int, str]]) -> None:
    status, text = hostile_answers["huge unwind, small timeout"]
    assert (status, "ran over 10 ms" in text) == (422, True)


def test_a_too_long_query_is_422_naming_the_field(console: TestClient) -> None:
    response = run(console, {"query": "RETURN 1 AS a " + " " * 10_000})
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "body.query")


def test_the_console_makes_the_engine_connect_nowhere(console: TestClient) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(5)
    port = listener.getsockname()[1]
    connections: list[Any] = []

    def accept() -> None:
        try:
            conn, _ = listener.accept()
            connections.append(conn.getsockname())
            conn.close()  # at once, so the engine's TLS handshake fails fast
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    try:
        run(
            console,
            {
                "query": f"LOAD CSV FROM 'https://127.0.0.1:{port}/x.csv' AS row RETURN row",
                "timeout_ms": 1000,
            },
        )
    finally:
        listener.close()
        thread.join()
    assert connections == []


# -- bounds ------------------------------------------------------------------------------------

OPERATION_IDS = sorted(f"operation:{p.stem}" for p in bundled_dossiers_dir().glob("*.yaml"))
ALL_OPERATIONS = "MATCH (o:Operation) RETURN o.id AS id ORDER BY id"


def test_row_limit_cuts_the_rows(console: TestClient) -> None:
    body = run(console, {"query": ALL_OPERATIONS, "limit": 5}).json()
    assert body["rows"] == [[i] for i in OPERATION_IDS[:5]]


def test_row_limit_truncation_is_reported(console: TestClient) -> None:
    body = run(console, {"query": ALL_OPERATIONS, "limit": 5}).json()
    assert (body["truncated"], body["row_count"]) == (True, 5)


def test_a_million_rows_come_back_as_the_limit_and_a_cut(console: TestClient) -> None:
    # The store turns only limit + 1 rows into Python values, whatever the engine returns.
    body = run(console, {"query": "UNWIND range(1, 1000000) AS x RETURN x", "limit": 3}).json()
    assert (body["rows"], body["truncated"]) == ([[1], [2], [3]], True)


def test_a_query_that_matches_nothing_answers_its_columns_and_no_rows(console: TestClient) -> None:
    body = run(console, {"query": "MATCH (o:Operation {id: 'operation:none'}) RETURN o"}).json()
    assert (body["columns"], body["rows"], body["truncated"]) == (["o"], [], False)


def test_a_result_within_the_limit_is_not_truncated(console: TestClient) -> None:
    body = run(console, {"query": ALL_OPERATIONS, "limit": 49}).json()
    assert (body["truncated"], body["row_count"], len(body["rows"])) == (False, 49, 49)


@pytest.mark.parametrize(
    "body, field",
    [
        ({"query": "RETURN $a AS a", "params": {"a": {"b": 1}}}, "body.params"),
        ({"query": "RETURN $a AS a", "params": {"a": [{"b": 1}]}}, "body.params"),
        ({"query": "RETURN $a AS a", "params": {"a": [[[1]]]}}, "body.params"),
        ({"query": "RETURN 1 AS a", "params": {"1a": 1}}, "body.params"),
        ({"query": "RETURN 1 AS a", "params": {"a b": 1}}, "body.params"),
        ({"query": "RETURN 1 AS a", "params": [1, 2]}, "body.params"),
        ({"query": "RETURN 1 AS a", "params": "a=1"}, "body.params"),
        ({"query": "RETURN 1 AS a", "limit": 0}, "body.limit"),
        ({"query": "RETURN 1 AS a", "limit": 1001}, "body.limit"),
        ({"query": "RETURN 1 AS a", "timeout_ms": 5}, "body.timeout_ms"),
        ({"query": "RETURN 1 AS a", "timeout_ms": 10_001}, "body.timeout_ms"),
        ({"query": "RETURN 1 AS a", "write": True}, "body.write"),
        ({"query": 42}, "body.query"),
        ({}, "body.query"),
    ],
)
def test_a_body_of_the_wrong_shape_is_422_naming_the_field(
    console: TestClient, body: dict[str, Any], field: str
) -> None:
    response = run(console, body)
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, field)


def test_a_body_that_is_not_json_is_422(console: TestClient) -> None:
    response = console.post("/cypher", content=b"MATCH (n) RETURN n", headers=bearer("analyst-names"))
    assert response.status_code == 422


# -- people's names ----------------------------------------------------------------------------


@cache
def named_people() -> set[str]:
    names = set()
    for path in bundled_dossiers_dir().glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for value in (data.get("entities") or {}).values():
            if value["label"] == "Person" and value.get("properties", {}).get("publicly_charged"):
                names.add(value["name"])
    return names


NAMES_QUERY = {"query": "MATCH (p:Person) WHERE p.named = true RETURN p.name AS name"}


def test_an_analyst_without_the_right_to_see_names_is_refused(console: TestClient) -> None:
    # A console can rebuild any hidden text (toLower, substring...): it needs the right.
    response = run(console, NAMES_QUERY, "analyst")
    assert (response.status_code, response.json()["error"]["code"]) == (403, "forbidden")


def test_an_analyst_with_the_right_sees_every_name(console: TestClient) -> None:
    rows = run(console, NAMES_QUERY, "analyst-names").json()["rows"]
    assert {row[0] for row in rows} == named_people()


@pytest.mark.parametrize("expression", ["p.keys", "p.search", "toLower(p.name)"])
def test_an_analyst_without_the_right_cannot_read_a_name_another_way(
    console: TestClient, expression: str
) -> None:
    query = {"query": f"MATCH (p:Person) WHERE p.named = true RETURN {expression} AS x"}
    assert run(console, query, "analyst").status_code == 403
