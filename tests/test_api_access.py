"""API keys: who may read, who sees people's names, who may upload dossiers.

Reads run against the shared bundled store (read only). Uploads go to a store of their own
(`empty_store`), never to the bundled graph.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from graph.access import hash_key
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import digest
from loaders.resources import bundled_dossiers_dir
from loaders.yamlio import MAX_DOSSIER_BYTES
from tests.clients import graph_name_of
from tests.keys import write_keys

pytestmark = pytest.mark.both_engines

SPARKS = "operation:2020-sparks"
KEYS = {
    "reader": ("pg_reader_0123456789abcdef", "reader", False),
    "reader-names": ("pg_reader_names_0123456789", "reader", True),
    "analyst": ("pg_analyst_0123456789abcdef", "analyst", False),
    "writer": ("pg_writer_0123456789abcdef", "writer", False),
}


def bearer(who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEYS[who][0]}"}


@pytest.fixture(scope="module")
def keys_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_keys(tmp_path_factory.mktemp("keys") / "keys.yaml", KEYS)


@pytest.fixture(scope="module")
def keyed(bundled_store: FalkorDBStore, engine: EmbeddedEngine, keys_file: Path) -> Iterator[TestClient]:
    """The bundled data behind a server with API keys."""
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(bundled_store),
        load_bundled_on_start=False,
        api_keys_file=keys_file,
    )
    with TestClient(create_app(settings, store=bundled_store)) as test_client:
        yield test_client


@pytest.fixture
def upload(empty_store: FalkorDBStore, engine: EmbeddedEngine, keys_file: Path) -> Iterator[TestClient]:
    """A server with API keys on an empty graph of its own, for uploads."""
    settings = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(empty_store),
        load_bundled_on_start=False,
        api_keys_file=keys_file,
    )
    with TestClient(create_app(settings, store=empty_store)) as test_client:
        yield test_client


# -- reading with and without a key ------------------------------------------------------------

GUARDED = [
    "/entities?q=sparks",
    "/entities/group:sparks",
    "/entities/group:sparks/neighbours",
    "/groups/group:sparks/links",
    f"/operations/{SPARKS}",
    "/countries/NL",
    "/timeline",
    "/analytics/centrality",
    "/analytics/communities",
    "/queries/servers_by_country",
]
# Once open to anyone (they took no Reader dependency); every read router now takes one.
OPEN_TODAY = ["/groups", "/operations", "/countries", "/agencies", "/agencies/agency:europol", "/queries"]


@pytest.mark.parametrize("path", [*GUARDED, *OPEN_TODAY])
def test_a_read_without_a_key_is_401_when_keys_are_configured(keyed: TestClient, path: str) -> None:
    assert keyed.get(path).status_code == 401


@pytest.mark.parametrize("path", [*GUARDED, *OPEN_TODAY])
def test_a_read_with_a_wrong_key_is_401(keyed: TestClient, path: str) -> None:
    assert keyed.get(path, headers={"Authorization": "Bearer pg_not_a_key"}).status_code == 401


def test_a_401_has_the_error_shape(keyed: TestClient) -> None:
    body = keyed.get(f"/operations/{SPARKS}").json()
    assert body["error"]["code"] == "unauthenticated"


def test_a_wrong_key_in_x_api_key_is_401(keyed: TestClient) -> None:
    assert keyed.get(f"/operations/{SPARKS}", headers={"X-API-Key": "pg_not_a_key"}).status_code == 401


def test_the_hash_of_a_key_is_not_a_key(keyed: TestClient) -> None:
    headers = {"Authorization": f"Bearer {hash_key(KEYS['reader'][0])}"}
    assert keyed.get(f"/operations/{SPARKS}", headers=headers).status_code == 401


@pytest.mark.parametrize("path", GUARDED)
def test_a_reader_key_can_read(keyed: TestClient, path: str) -> None:
    assert keyed.get(path, headers=bearer("reader")).status_code == 200


def test_a_reader_key_in_x_api_key_can_read(keyed: TestClient) -> None:
    response = keyed.get(f"/operations/{SPARKS}", headers={"X-API-Key": KEYS["reader"][0]})
    assert response.status_code == 200


def test_a_reader_reads_the_same_answer_as_a_local_open_server(keyed: TestClient, client: TestClient) -> None:
    answer = keyed.get("/groups/group:sparks/links", headers=bearer("reader")).json()
    assert answer == client.get("/groups/group:sparks/links").json()


# -- people's names ----------------------------------------------------------------------------


@cache
def sparks_people() -> dict[str, str]:
    """Named people of the Sparks dossier: name -> role."""
    data = yaml.safe_load((bundled_dossiers_dir() / "2020-sparks.yaml").read_text(encoding="utf-8"))
    return {
        e["name"]: e["properties"]["role"]
        for e in data["entities"].values()
        if e["label"] == "Person" and e["properties"].get("publicly_charged")
    }


@cache
def all_named_people() -> set[str]:
    names = set()
    for path in bundled_dossiers_dir().glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names |= {
            e["name"]
            for e in (data.get("entities") or {}).values()
            if e["label"] == "Person" and e["properties"].get("publicly_charged")
        }
    return names


def person_id(store: FalkorDBStore, name: str) -> str:
    rows = store.read("MATCH (p:Person {name: $name}) RETURN p.id AS id", {"name": name})
    assert len(rows) == 1
    return str(rows[0]["id"])


def names_in(text: str, names: Any) -> list[str]:
    return sorted(n for n in names if n in text)


BRIDI = "George Bridi"


def test_the_sparks_dossier_names_three_people() -> None:
    assert sorted(sparks_people()) == ["George Bridi", "Jonatan Correa", "Umar Ahmad"]


def test_an_entity_shows_a_reader_the_role_instead_of_the_name(
    keyed: TestClient, bundled_store: FalkorDBStore
) -> None:
    body = keyed.get(f"/entities/{person_id(bundled_store, BRIDI)}", headers=bearer("reader")).json()
    assert body["name"] == sparks_people()[BRIDI]


def test_an_entity_shows_the_name_to_a_key_with_the_right(
    keyed: TestClient, bundled_store: FalkorDBStore
) -> None:
    body = keyed.get(f"/entities/{person_id(bundled_store, BRIDI)}", headers=bearer("reader-names")).json()
    assert body["name"] == BRIDI


def test_an_entity_hides_the_name_from_an_anonymous_reader(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    assert BRIDI not in client.get(f"/entities/{person_id(bundled_store, BRIDI)}").text


@pytest.mark.parametrize("name", ["George Bridi", "Jonatan Correa", "Umar Ahmad"])
def test_an_entity_hides_the_name_in_any_case(
    keyed: TestClient, bundled_store: FalkorDBStore, name: str
) -> None:
    text = keyed.get(f"/entities/{person_id(bundled_store, name)}", headers=bearer("reader")).text
    assert name.lower() not in text.lower()


def test_the_sparks_operation_shows_a_reader_no_name(keyed: TestClient) -> None:
    text = keyed.get(f"/operations/{SPARKS}", headers=bearer("reader")).text
    assert names_in(text.lower(), [n.lower() for n in sparks_people()]) == []


def test_the_sparks_operation_shows_a_reader_the_roles(keyed: TestClient) -> None:
    people = keyed.get(f"/operations/{SPARKS}", headers=bearer("reader")).json()["people"]
    assert {p["name"] for p in people} == set(sparks_people().values())


def test_the_sparks_operation_shows_the_names_to_a_key_with_the_right(keyed: TestClient) -> None:
    people = keyed.get(f"/operations/{SPARKS}", headers=bearer("reader-names")).json()["people"]
    assert {p["name"] for p in people} == set(sparks_people())


def test_people_by_operation_shows_a_reader_no_name(keyed: TestClient) -> None:
    text = keyed.get("/queries/people_by_operation", headers=bearer("reader")).text
    assert names_in(text.lower(), [n.lower() for n in sparks_people()]) == []


def test_people_by_operation_shows_the_names_to_a_key_with_the_right(keyed: TestClient) -> None:
    body = keyed.get("/queries/people_by_operation", headers=bearer("reader-names")).json()
    column = body["columns"].index("name")
    assert {row[column] for row in body["rows"]} == set(sparks_people())


def test_the_timeline_shows_a_reader_no_full_name(keyed: TestClient) -> None:
    text = keyed.get("/timeline?limit=500", headers=bearer("reader")).text
    assert names_in(text, all_named_people()) == []


@pytest.mark.parametrize(
    "path", ["/timeline?about=operation:2019-jetflicks", "/operations/operation:2019-jetflicks"]
)
def test_a_reader_sees_no_surname_of_a_named_person(keyed: TestClient, path: str) -> None:
    surnames = {name.split()[-1] for name in all_named_people()}
    words = set(re.findall(r"\w+", keyed.get(path, headers=bearer("reader")).text))
    assert sorted(surnames & words) == []


# -- uploading dossiers ------------------------------------------------------------------------

DOSSIER = textwrap.dedent("""\
    format: piracy-graph/dossier@1
    id: 2099-access-test
    operation:
      name: Access test operation
      action_day: 2099-01-02
      sources: [release]
    sources:
      release:
        url: https://example.org/access-test
        publisher: Example police
        language: en
    entities:
      net:
        label: Group
        name: Access Test IPTV
        properties: {kind: IPTV service}
        sources: [release]
    relationships:
      - {from: operation, type: TARGETED, to: net, sources: [release]}
    """)


def post(client: TestClient, body: bytes | str, who: str | None = "writer", name: str | None = None) -> Any:
    headers = bearer(who) if who else {}
    params = {"name": name} if name is not None else None
    return client.post("/dossiers", content=body, headers=headers, params=params)


def test_upload_without_a_key_is_401(upload: TestClient) -> None:
    assert post(upload, DOSSIER, who=None).status_code == 401


def test_upload_without_a_key_is_401_on_a_server_without_keys(
    empty_store: FalkorDBStore, engine: EmbeddedEngine
) -> None:
    settings = Settings(
        data_dir=engine.data_dir, graph_name=graph_name_of(empty_store), load_bundled_on_start=False
    )
    with TestClient(create_app(settings, store=empty_store)) as open_server:
        assert post(open_server, DOSSIER, who=None).status_code == 401


@pytest.mark.parametrize("who", ["reader", "reader-names", "analyst"])
def test_upload_below_the_writer_role_is_403(upload: TestClient, who: str) -> None:
    assert post(upload, DOSSIER, who=who).status_code == 403


def test_refused_uploads_write_nothing(upload: TestClient, empty_store: FalkorDBStore) -> None:
    before = digest(empty_store)
    for who in (None, "reader", "analyst"):
        post(upload, DOSSIER, who=who)
    assert digest(empty_store) == before


def test_upload_by_a_writer_is_201(upload: TestClient) -> None:
    response = post(upload, DOSSIER)
    assert (response.status_code, response.json()["dossier"], response.json()["loaded_by"]) == (
        201,
        "2099-access-test",
        "writer",
    )


def test_an_uploaded_dossier_can_be_read_back(upload: TestClient) -> None:
    post(upload, DOSSIER)
    body = upload.get("/operations/operation:2099-access-test", headers=bearer("reader")).json()
    assert [t["name"] for t in body["targets"]] == ["Access Test IPTV"]


def test_an_upload_reports_what_it_wrote(upload: TestClient, empty_store: FalkorDBStore) -> None:
    body = post(upload, DOSSIER).json()
    counts = empty_store.read(
        "MATCH (n:Entity) WITH count(n) AS nodes MATCH (:Entity)-[r]->() RETURN nodes, count(r) AS edges"
    )
    assert (body["nodes"], body["edges"]) == (counts[0]["nodes"], counts[0]["edges"])


INVALID = [
    (
        "unknown property",
        DOSSIER.replace("{kind: IPTV service}", "{kind: IPTV service, colour: red}"),
        "entities.net.properties.colour",
    ),
    (
        "unknown top-level field",
        DOSSIER.replace("id: 2099-access-test", "id: 2099-access-test\nbogus: 1"),
        "bogus",
    ),
    ("impossible date", DOSSIER.replace("2099-01-02", "2099-02-30"), "operation.action_day"),
    (
        "undeclared source",
        DOSSIER.replace("sources: [release]}", "sources: [nowhere]}"),
        "relationships[0].sources[0]",
    ),
    ("unreviewed draft", DOSSIER + "reviewed: false\n", "reviewed"),
    (
        "relationship to an undeclared entity",
        DOSSIER.replace("to: net,", "to: ghost,"),
        "relationships[0].to",
    ),
]


@pytest.mark.parametrize("case, text, field", INVALID, ids=[c[0] for c in INVALID])
def test_an_invalid_dossier_is_422(upload: TestClient, case: str, text: str, field: str) -> None:
    assert post(upload, text).status_code == 422


@pytest.mark.parametrize("case, text, field", INVALID, ids=[c[0] for c in INVALID])
def test_an_invalid_dossier_names_the_field(upload: TestClient, case: str, text: str, field: str) -> None:
    details = post(upload, text).json()["error"]["details"]
    assert field in [d["field"] for d in details]


@pytest.mark.parametrize("case, text, field", INVALID, ids=[c[0] for c in INVALID])
def test_an_invalid_dossier_writes_nothing(
    upload: TestClient, empty_store: FalkorDBStore, case: str, text: str, field: str
) -> None:
    before = digest(empty_store)
    post(upload, text)
    assert digest(empty_store) == before


def test_an_invalid_dossier_after_a_valid_one_changes_nothing(
    upload: TestClient, empty_store: FalkorDBStore
) -> None:
    post(upload, DOSSIER)
    before = digest(empty_store)
    post(upload, INVALID[0][1].replace("Access Test IPTV", "Renamed IPTV"))
    assert digest(empty_store) == before


def test_an_empty_body_is_422(upload: TestClient) -> None:
    response = post(upload, b"")
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "body")


def test_a_dossier_over_2_mib_is_413(upload: TestClient) -> None:
    body = DOSSIER + "# " + "x" * MAX_DOSSIER_BYTES + "\n"
    response = post(upload, body)
    assert (response.status_code, response.json()["error"]["code"]) == (413, "too_large")


def test_a_streamed_dossier_over_2_mib_is_413(upload: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield DOSSIER.encode()
        for _ in range(MAX_DOSSIER_BYTES // 65_536 + 2):
            yield b"#" + b"x" * 65_535 + b"\n"

    assert upload.post("/dossiers", content=chunks(), headers=bearer("writer")).status_code == 413


def test_a_dossier_over_2_mib_writes_nothing(upload: TestClient, empty_store: FalkorDBStore) -> None:
    before = digest(empty_store)
    post(upload, DOSSIER + "# " + "x" * MAX_DOSSIER_BYTES + "\n")
    assert digest(empty_store) == before


def test_a_dossier_of_exactly_2_mib_is_not_too_large(upload: TestClient) -> None:
    padding = MAX_DOSSIER_BYTES - len(DOSSIER.encode()) - 3
    assert post(upload, DOSSIER + "#" + "x" * padding + "\n").status_code == 201


BAD = INVALID[0][1]


@pytest.mark.parametrize(
    "name, shown",
    [
        ("../../etc/passwd", "passwd"),
        ("/etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("..%2F..%2Fetc%2Fpasswd", "_2F.._2Fetc_2Fpasswd"),
        ("../../", "upload.yaml"),
        ("....//....//etc/shadow", "shadow"),
        ("~/.ssh/id_rsa", "id_rsa"),
    ],
)
def test_a_path_in_the_name_is_shown_as_a_plain_name(upload: TestClient, name: str, shown: str) -> None:
    message = post(upload, BAD, name=name).json()["error"]["message"]
    assert message.split(": ")[0] == shown


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\win.ini"])
def test_a_path_in_the_name_never_appears_in_the_message(upload: TestClient, name: str) -> None:
    message = post(upload, BAD, name=name).json()["error"]["message"]
    assert [part for part in ("../", "..\\", "/etc", "\\windows") if part in message] == []
