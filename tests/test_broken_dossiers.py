"""Each broken dossier is refused with its own message, names file and field, writes nothing."""

from __future__ import annotations

import pytest

from graph.errors import DossierError
from graph.schema import Schema
from graph.stats import digest
from graph.store.falkordb import FalkorDBStore
from loaders.load import load_bytes
from loaders.yamlio import MAX_DOSSIER_BYTES
from tests.dossiers import MINIMAL

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
    "unknown_field": (
        MINIMAL.replace("  action_day: 2099-01-02", "  action_dy: 2099-01-02").encode(),
        "operation.action_dy",
        "Extra inputs are not permitted",
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
