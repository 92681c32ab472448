"""Each broken dossier is refused with its own message, names file and field, writes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app
from graph.errors import DossierError
from graph.model.schema import Schema
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import digest
from loaders.load import load_bytes
from loaders.yamlio import MAX_DOSSIER_BYTES
from tests.clients import graph_name_of
from tests.dossiers import MINIMAL
from tests.keys import write_keys

pytestmark = pytest.mark.both_engines

BROKEN: dict[str, tuple[bytes, str, str]] = {
    # name: (file content, field path expected in the message, problem expected in the message)
    "malformed_yaml": (
        MINIMAL.replace("  name: Test operation", "  name: [Test").encode(),
        "line",
        "malformed YAML",
    ),
    "alias_bomb": (b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "line", "aliases (*name) are not allowed"),
    "over_size_limit": (b"#" * (MAX_DOSSIER_BYTES + 1), "", "over the"),
    "invalid_utf8": (MINIMAL.encode() + b"\xff\xfe", "", "not valid UTF-8"),
    "not_a_mapping": (b"- just\n- a list\n", "", "must be a YAML mapping"),
    "wrong_format": (MINIMAL.replace("piracy-graph/dossier@1", "v0").encode(), "format", "Input should be"),
    "unknown_label": (
        MINIMAL.replace("label: Group", "label: Gang").encode(),
        "entities.net.label",
        "unknown label 'Gang'",
    ),
    "unknown_relationship_type": (
        MINIMAL.replace("type: TARGETED", "type: HUNTED").encode(),
        "relationships[1].type",
        "unknown relationship type 'HUNTED'",
    ),
    "type_not_allowed_between_labels": (
        MINIMAL.replace(
            "{from: operation, type: TARGETED, to: net", "{from: net, type: TARGETED, to: operation"
        ).encode(),
        "relationships[1]",
        "TARGETED does not connect Group->Operation",
    ),
    "dangling_reference": (
        MINIMAL.replace("to: net,", "to: nowhere,").encode(),
        "relationships[1].to",
        "'nowhere' is not an entity",
    ),
    "source_cited_not_declared": (
        MINIMAL.replace(
            "{from: gdf, type: LED, to: operation, sources: [release]}",
            "{from: gdf, type: LED, to: operation, sources: [ghost]}",
        ).encode(),
        "relationships[0].sources[0]",
        "source 'ghost' is cited but not declared",
    ),
    "unknown_country": (
        MINIMAL.replace("country:Royaume-Uni", "country:Atlantis").encode(),
        "relationships[2].to",
        "unknown country 'Atlantis'",
    ),
    "impossible_date": (
        MINIMAL.replace("action_day: 2099-01-02", "action_day: 2099-02-30").encode(),
        "operation.action_day",
        "not a real calendar date",
    ),
    "wrong_type": (
        MINIMAL.replace("value: 1000", "value: [1000]").encode(),
        "claims[0].value",
        "valid number",
    ),
    "claim_value_not_a_number": (
        MINIMAL.replace("value: 1000", "value: .nan").encode(),
        "claims[0].value",
        "finite number",
    ),
    "unknown_property": (
        MINIMAL.replace("{kind: IPTV service}", "{kind: IPTV service, colour: red}").encode(),
        "entities.net.properties.colour",
        "Group has no property",
    ),
    "missing_required_property": (
        MINIMAL.replace("{kind: IPTV service}", "{}").encode(),
        "entities.net.properties.kind",
        "Group requires 'kind'",
    ),
    "no_sources_on_entity": (
        MINIMAL.replace(
            "properties: {kind: police}\n    sources: [release]",
            "properties: {kind: police}\n    sources: []",
        ).encode(),
        "entities.gdf.sources",
        "at least 1 item",
    ),
    "duplicate_key": (
        MINIMAL.replace(
            "entities:\n",
            "entities:\n  net:\n    label: Group\n"
            "    name: Dup\n    properties: {kind: x}\n"
            "    sources: [release]\n",
        ).encode(),
        "line",
        "duplicate key 'net'",
    ),
    "named_person_without_basis": (
        MINIMAL.replace(
            "relationships:\n",
            "  boss:\n    label: Person\n    name: Jane Doe\n    properties:\n"
            "      role: leader\n      publicly_charged: true\n    sources: [release]\n"
            "relationships:\n",
        ).encode(),
        "entities.boss.properties.name_basis",
        "needs the official material",
    ),
    "person_named_without_a_charge": (
        MINIMAL.replace(
            "relationships:\n",
            "  boss:\n    label: Person\n    name: Jane Doe\n    properties:\n"
            "      role: leader\n    sources: [release]\n"
            "relationships:\n",
        ).encode(),
        "entities.boss.name",
        "a person is named only where official material publicly charged them",
    ),
    "person_with_an_alias_without_a_charge": (
        MINIMAL.replace(
            "relationships:\n",
            "  boss:\n    label: Person\n    description: Leader of the network\n    aliases: [JD]\n"
            "    properties:\n      role: leader\n    sources: [release]\n"
            "relationships:\n",
        ).encode(),
        "entities.boss.aliases",
        "a person who may not be named has no alias",
    ),
    "group_without_a_name": (
        MINIMAL.replace("    name: Example IPTV\n", "").encode(),
        "entities.net.name",
        "a Group needs a name",
    ),
    "unknown_field": (
        MINIMAL.replace("  action_day: 2099-01-02", "  action_dy: 2099-01-02").encode(),
        "operation.action_dy",
        "Extra inputs are not permitted",
    ),
    "html_in_a_name": (
        MINIMAL.replace("name: Example IPTV", 'name: "<img src=x onerror=alert(1)>"').encode(),
        "entities.net.name",
        "looks like HTML markup",
    ),
    "script_closer_in_a_name": (
        MINIMAL.replace("name: GdF", 'name: "</script><script>alert(1)</script>"').encode(),
        "entities.gdf.name",
        "looks like HTML markup",
    ),
    "event_handler_in_an_alias": (
        MINIMAL.replace("name: GdF", 'name: GdF\n    aliases: ["x onmouseover=alert(1)"]').encode(),
        "entities.gdf.aliases[0]",
        "looks like HTML markup",
    ),
    "javascript_in_a_source_title": (
        MINIMAL.replace(
            "publisher: Example police", "publisher: Example police\n    title: javascript:alert(1)"
        ).encode(),
        "sources.release.title",
        "looks like HTML markup",
    ),
    "cypher_in_the_operation_name": (
        MINIMAL.replace("name: Test operation", 'name: "x\'}) MATCH (n) DETACH DELETE n //"').encode(),
        "operation.name",
        "looks like a Cypher statement",
    ),
    "cypher_in_a_property": (
        MINIMAL.replace("{kind: IPTV service}", "{kind: \"CALL db.idx.fulltext.drop('Entity')\"}").encode(),
        "entities.net.properties.kind",
        "looks like a Cypher statement",
    ),
    "cypher_in_a_relationship_property": (
        MINIMAL.replace(
            "properties: {role: searches}", 'properties: {role: "MERGE (x:Admin) SET x.k = 1"}'
        ).encode(),
        "relationships[2].properties.role",
        "looks like a Cypher statement",
    ),
    "cypher_in_a_claim_metric": (
        MINIMAL.replace("metric: users", 'metric: "users\\" RETURN 1 // "').encode(),
        "claims[0].metric",
        "looks like a Cypher statement",
    ),
    "cypher_in_a_publisher": (
        MINIMAL.replace("publisher: Example police", 'publisher: "DROP INDEX ON :Group(id)"').encode(),
        "sources.release.publisher",
        "looks like a Cypher statement",
    ),
    "cypher_in_a_note": (
        MINIMAL.replace(
            "properties: {kind: police}", 'properties: {kind: police}\n    notes: "LOAD CSV FROM x"'
        ).encode(),
        "entities.gdf.notes",
        "looks like a Cypher statement",
    ),
    "bidi_override_in_a_name": (
        MINIMAL.replace("name: Example IPTV", 'name: "Example \\u202eVTPI"').encode(),
        "entities.net.name",
        "bidirectional-override",
    ),
    "conflicting_duplicate_ids": (
        MINIMAL.replace(
            "  gdf:\n",
            "  net2:\n    label: Group\n    name: Other\n    id: group:example-iptv\n"
            "    properties: {kind: streaming site}\n    sources: [release]\n  gdf:\n",
        ).encode(),
        "entities.net2.properties.kind",
        "resolves to group:example-iptv like another entity",
    ),
    "operation_declared_as_an_entity": (
        MINIMAL.replace("label: Group", "label: Operation", 1).encode(),
        "entities.net.label",
        "Operation nodes are declared under operation, not under entities",
    ),
    "relationship_ends_before_it_starts": (
        MINIMAL.replace(
            "{from: gdf, type: LED, to: operation, sources: [release]}",
            "{from: gdf, type: LED, to: operation, start: 2020-05-01, end: 2019-01-01, sources: [release]}",
        ).encode(),
        "relationships[0].end",
        "ends before it starts",
    ),
    "claim_without_value": (
        MINIMAL.replace("value: 1000, ", "").encode(),
        "claims[0]",
        "needs a value or a value_text",
    ),
    "unknown_event_kind": (
        (
            MINIMAL + "events:\n  - {date: 2099-01-02, kind: party, description: x, sources: [release]}\n"
        ).encode(),
        "events[0].kind",
        "'party' is not an event kind (allowed: investigation_start,",
    ),
    "group_with_a_jurisdiction_for_country": (
        MINIMAL.replace("    name: Example IPTV\n", "    name: Example IPTV\n    country: EU\n").encode(),
        "entities.net.country",
        "EU and INT are jurisdictions: a Group takes a country",
    ),
    "bad_language_code": (
        MINIMAL.replace("language: en", "language: english").encode(),
        "sources.release.language",
        "String should match pattern",
    ),
    "source_url_not_http": (
        MINIMAL.replace("url: https://example.org/release", "url: ftp://example.org/release").encode(),
        "sources.release.url",
        "String should match pattern",
    ),
    "source_without_url_or_document": (
        MINIMAL.replace("    url: https://example.org/release\n", "").encode(),
        "sources.release",
        "needs a url",
    ),
    "bad_dossier_id": (
        MINIMAL.replace("id: 2099-test-op", "id: ../../etc").encode(),
        "id",
        "String should match pattern",
    ),
    "unreviewed_draft": (
        (MINIMAL + "reviewed: false\n").encode(),
        "reviewed",
        "unreviewed draft",
    ),
    "reserved_reference": (
        MINIMAL.replace("  net:\n", "  operation:\n").replace("to: net,", "to: operation,").encode(),
        "entities.operation",
        "is reserved",
    ),
    "empty_file": (b"", "", "the file is empty"),
    "action_day_before_start": (
        MINIMAL.replace("  action_day: 2099-01-02", "  started: 2099-06\n  action_day: 2099-01-02").encode(),
        "operation.action_day",
        "is before operation.started",
    ),
    "norway_problem": (
        MINIMAL.replace("country: Italie", "country: NO").encode(),
        "entities.gdf.country",
        "quote the value",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_dossier_is_refused_with_file_field_and_problem(
    case: str, empty_store: FalkorDBStore, schema: Schema
) -> None:
    content, field, problem = BROKEN[case]
    with pytest.raises(DossierError) as caught:
        load_bytes(empty_store, schema, content, f"{case}.yaml")
    message = str(caught.value)
    assert (message.startswith(f"{case}.yaml: "), field in message, problem in message) == (
        True,
        True,
        True,
    ), message


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_dossier_leaves_the_graph_unchanged(
    case: str, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_bytes(empty_store, schema, MINIMAL.replace("2099-test-op", "2099-other").encode(), "base.yaml")
    before = digest(empty_store)
    with pytest.raises(DossierError):
        load_bytes(empty_store, schema, BROKEN[case][0], f"{case}.yaml")
    assert digest(empty_store) == before


def test_every_broken_case_has_its_own_message(empty_store: FalkorDBStore, schema: Schema) -> None:
    messages = set()
    for content, _, _ in BROKEN.values():
        with pytest.raises(DossierError) as caught:
            load_bytes(empty_store, schema, content, "same-name.yaml")
        messages.add(str(caught.value))
    assert len(messages) == len(BROKEN)


@pytest.fixture(scope="module")
def writer(
    tmp_path_factory: pytest.TempPathFactory, engine: EmbeddedEngine, schema: Schema
) -> Iterator[tuple[TestClient, FalkorDBStore]]:
    folder = tmp_path_factory.mktemp("writer")
    keys = write_keys(folder / "keys.yaml", {"w": (WRITER_KEY, "writer", False)})
    store = FalkorDBStore.embedded_at(engine, f"test-upload-{uuid.uuid4().hex[:8]}", schema)
    store.ensure_schema()
    settings = Settings(
        data_dir=folder, graph_name=graph_name_of(store), api_keys_file=keys, load_bundled_on_start=False
    )
    with TestClient(create_app(settings, store=store)) as client:
        yield client, store
    store.clear()


WRITER_KEY = "broken-writer-key-0123456789"


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_an_upload_of_a_broken_dossier_is_a_4xx_naming_the_problem(
    case: str, writer: tuple[TestClient, FalkorDBStore]
) -> None:
    client, store = writer
    before = digest(store)
    response = client.post(
        f"/dossiers?name={case}.yaml",
        content=BROKEN[case][0],
        headers={"Authorization": f"Bearer {WRITER_KEY}"},
    )
    problem = BROKEN[case][2]
    status_ok = response.status_code in {413, 422}
    assert (status_ok, problem in response.json()["error"]["message"], digest(store)) == (True, True, before)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_validating_a_broken_dossier_exits_non_zero(case: str, tmp_path: Path) -> None:
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(BROKEN[case][0])
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code != 0


def test_a_path_trick_in_an_upload_name_never_reaches_the_message(
    writer: tuple[TestClient, FalkorDBStore],
) -> None:
    client, _ = writer
    response = client.post(
        "/dossiers?name=../../../etc/passwd",
        content=BROKEN["unknown_label"][0],
        headers={"Authorization": f"Bearer {WRITER_KEY}"},
    )
    assert "../" not in response.json()["error"]["message"]


@pytest.mark.parametrize("number", [".inf", "-.inf", ".NaN"])
def test_a_number_that_is_not_finite_is_refused_once_where_it_is(number: str, schema: Schema) -> None:
    text = MINIMAL.replace("value: 1000", f"value: {number}")
    with pytest.raises(DossierError) as caught:
        load_bytes_nowhere(text.encode(), schema)
    line, row = next((i, row) for i, row in enumerate(text.splitlines(), 1) if number in row)
    column = row.index("value:") + 1  # where the field starts
    assert caught.value.problems == [
        ("claims[0].value", f"line {line}, column {column}: Input should be a finite number")
    ]


def test_a_comma_in_a_number_inside_braces_is_explained_where_it_is(tmp_path: Path, schema: Schema) -> None:
    """YAML reads `value: 110,000` inside {...} as value 110 and a second key 000."""
    text = MINIMAL.replace("value: 1000,", "value: 110,000,")
    with pytest.raises(DossierError) as caught:
        load_bytes_nowhere(text.encode(), schema)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "110,000" in row)
    assert caught.value.problems == [
        (
            "claims[0][0]",
            f"line {line}, column 5: Keys should be strings (a number with a thousands comma inside "
            "{...}, such as 110,000, is read as 110 and a second key 000: quote the value or write 110000)",
        )
    ]


def load_bytes_nowhere(data: bytes, schema: Schema) -> None:
    """Validate as an upload does, with the line and column of each problem, writing nothing."""
    from loaders.dossier import parse_dossier
    from loaders.yamlio import located, read_dossier_bytes

    try:
        parse_dossier(read_dossier_bytes(data, "upload.yaml"), "upload.yaml", schema)
    except DossierError as exc:
        raise located(exc, data) from None


def test_shape_and_reference_problems_are_reported_in_one_run(schema: Schema) -> None:
    """A relationship to an entity whose own shape is wrong is not reported twice."""
    data = (Path(__file__).parent / "data" / "shape-and-references.yaml").read_bytes()
    with pytest.raises(DossierError) as caught:
        load_bytes_nowhere(data, schema)
    assert [field for field, _ in caught.value.problems] == [
        "entities.net.colour",
        "relationships[2].type",
        "relationships[2].typ",
        "relationships[0].sources[0]",
        "relationships[3].to",
    ]
