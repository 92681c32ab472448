"""STIX 2.1: the export passes the OASIS validator, keeps every source, hides names from
readers without the right, and imports back into the same graph; foreign bundles load
like dossiers, and bad ones change nothing."""

from __future__ import annotations

import copy
import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import stix2validator.validator

from graph.errors import DossierError
from graph.export.stix import DATA_EXTENSION, PRODUCER_ID, TYPES_EXTENSION, to_stix
from graph.export.subgraph import neighbours, redacted, whole_graph
from graph.model.ids import short_hash
from graph.model.schema import Schema, get_schema
from graph.query.answer import Redactor
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import counts, digest
from loaders.load import load_paths
from loaders.pipeline import loaded_dossiers, unload
from loaders.resources import bundled_dossiers_dir
from loaders.stix import load_bundle

pytestmark = pytest.mark.both_engines

ROOT = Path(__file__).resolve().parent.parent
CREATED = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def bundle(bundled_store: FalkorDBStore, schema: Schema) -> dict[str, Any]:
    return to_stix(whole_graph(bundled_store), schema, created=CREATED)


def data(obj: dict[str, Any]) -> dict[str, Any]:
    return dict(obj["extensions"][DATA_EXTENSION])


def by_our_id(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {data(o)["id"]: o for o in bundle["objects"] if DATA_EXTENSION in o.get("extensions", {})}


# -- the export -------------------------------------------------------------------------------
def test_the_oasis_validator_finds_no_error_in_the_export_of_the_bundled_data(
    bundle: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The validator looks for its schemas beside its own module; point it at our copy
    # (its 3.3.1 wheel ships none and would try to download them).
    (tmp_path / "schemas-2.1").symlink_to(ROOT / "loaders" / "stix2_schemas")
    monkeypatch.setattr(stix2validator.validator, "__file__", str(tmp_path / "validator.py"))
    options = stix2validator.ValidationOptions(version="2.1")
    result = stix2validator.validate_parsed_json(bundle, options)
    assert ([str(e) for e in result.errors], result.is_valid) == ([], True)


def test_each_label_becomes_its_stix_type(bundle: dict[str, Any], bundled_store: FalkorDBStore) -> None:
    nodes = counts(bundled_store)["nodes"]
    publishers = len({r["p"] for r in bundled_store.read("MATCH (s:Source) RETURN s.publisher AS p")})
    assert Counter(o["type"] for o in bundle["objects"]) == {
        "campaign": nodes["Operation"],
        "intrusion-set": nodes["Group"],
        "infrastructure": nodes["Server"] + nodes["Domain"],
        "location": nodes["Country"],
        # agencies, people, platforms, organisations, each publisher, and us
        "identity": nodes["Agency"]
        + nodes["Person"]
        + nodes["Platform"]
        + nodes["Organization"]
        + publishers
        + 1,
        "report": nodes["Source"],
        "piracy-claim": nodes["Claim"],
        "piracy-event": nodes["Event"],
        "relationship": sum(counts(bundled_store)["relationships"].values()),
        "extension-definition": 2,
    }


def test_our_own_types_are_declared_by_an_extension_definition(bundle: dict[str, Any]) -> None:
    kinds = {o["type"] for o in bundle["objects"] if TYPES_EXTENSION in o.get("extensions", {})}
    assert kinds == {"piracy-claim", "piracy-event"}


def test_every_fact_cites_its_sources_as_external_references(bundle: dict[str, Any]) -> None:
    uncited = [
        o["id"]
        for o in bundle["objects"]
        if DATA_EXTENSION in o.get("extensions", {})
        and {r["external_id"] for r in o.get("external_references", [])} != set(data(o)["sources"])
    ]
    assert uncited == []


def test_a_report_lists_what_its_source_supports(
    bundle: dict[str, Any], bundled_store: FalkorDBStore
) -> None:
    sid = bundled_store.read(
        "MATCH (s:Source)-[:REPORTS]->(:Operation {id: 'operation:2020-sparks'}) "
        "WHERE s.publisher = 'TorrentFreak' RETURN s.id AS id ORDER BY id LIMIT 1"
    )[0]["id"]
    report = by_our_id(bundle)[sid]
    cited_there = {
        o["id"] for o in by_our_id(bundle).values() if sid in data(o).get("sources", []) and o is not report
    }
    assert set(report["object_refs"]) == cited_there


def test_reports_are_created_by_their_publisher(bundle: dict[str, Any]) -> None:
    names = {o["id"]: o["name"] for o in bundle["objects"] if o["type"] == "identity"}
    wrong = [
        o["id"]
        for o in bundle["objects"]
        if o["type"] == "report" and names[o["created_by_ref"]] != data(o)["properties"]["publisher"]
    ]
    assert wrong == []


def test_facts_are_created_by_the_graph(bundle: dict[str, Any]) -> None:
    makers = {o.get("created_by_ref") for o in bundle["objects"] if o["type"] in {"campaign", "relationship"}}
    assert makers == {PRODUCER_ID}


def test_sparks_campaign_targets_the_groups_the_graph_says(
    bundle: dict[str, Any], bundled_store: FalkorDBStore
) -> None:
    objects = {o["id"]: o for o in bundle["objects"]}
    campaign = by_our_id(bundle)["operation:2020-sparks"]["id"]
    targets = {
        data(objects[o["target_ref"]])["id"]
        for o in bundle["objects"]
        if o["type"] == "relationship" and o["source_ref"] == campaign and o["relationship_type"] == "targets"
    }
    expected = bundled_store.read(
        "MATCH (:Operation {id: 'operation:2020-sparks'})-[:TARGETED]->(t) RETURN collect(t.id) AS ids"
    )[0]["ids"]
    assert targets == set(expected)


def test_confidence_uses_the_stix_high_medium_low_scale(bundle: dict[str, Any]) -> None:
    seen = {
        (data(o)["properties"].get("confidence"), o.get("confidence")) for o in by_our_id(bundle).values()
    }
    # The bundled dossiers mark facts low or medium; unmarked facts carry no confidence.
    assert seen == {(None, None), ("low", 15), ("medium", 50)}


def test_partial_dates_become_the_period_they_name(schema: Schema) -> None:
    answer = {
        "nodes": [
            {"id": "group:a", "labels": ["Group"], "name": "A", "properties": {"kind": "x"}, "sources": []},
            {"id": "group:b", "labels": ["Group"], "name": "B", "properties": {"kind": "x"}, "sources": []},
        ],
        "edges": [
            {
                "id": "group:a|RELATED_TO|group:b",
                "source": "group:a",
                "target": "group:b",
                "type": "RELATED_TO",
                "properties": {"start": "2016-09", "end": "2016-09"},
                "sources": [],
            }
        ],
        "sources": {},
    }
    rel = next(o for o in to_stix(answer, schema, created=CREATED)["objects"] if o["type"] == "relationship")
    assert (rel["start_time"], rel["stop_time"]) == ("2016-09-01T00:00:00.000Z", "2016-09-30T23:59:59.999Z")


def test_exporting_twice_gives_the_same_bundle(
    bundle: dict[str, Any], bundled_store: FalkorDBStore, schema: Schema
) -> None:
    assert to_stix(whole_graph(bundled_store), schema, created=CREATED) == bundle


# -- people's names -----------------------------------------------------------------------------
def named_people(store: FalkorDBStore) -> list[str]:
    return sorted(
        r["name"] for r in store.read("MATCH (p:Person) WHERE p.named = true RETURN p.name AS name")
    )


def test_the_full_export_names_the_publicly_charged(
    bundle: dict[str, Any], bundled_store: FalkorDBStore
) -> None:
    text = json.dumps(bundle, ensure_ascii=False)
    assert [n for n in named_people(bundled_store) if n not in text] == []


def test_an_export_for_readers_without_the_right_names_nobody(
    bundled_store: FalkorDBStore, schema: Schema
) -> None:
    answer = redacted(whole_graph(bundled_store), Redactor.from_store(bundled_store))
    text = json.dumps(to_stix(answer, schema, created=CREATED), ensure_ascii=False)
    assert [n for n in named_people(bundled_store) if n in text] == []


# -- import -------------------------------------------------------------------------------------
def test_export_then_import_into_an_empty_graph_gives_the_same_digest(
    bundle: dict[str, Any], bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_bundle(empty_store, schema, bundle, "bundled.json")
    assert digest(empty_store) == digest(bundled_store)


def test_an_imported_export_holds_each_dossier_under_its_own_id(
    bundle: dict[str, Any], bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_bundle(empty_store, schema, bundle, "bundled.json")
    ids = [p.stem for p in bundled_dossiers_dir().glob("*.yaml")]
    assert (len(ids), sorted(loaded_dossiers(empty_store, ids))) == (49, sorted(ids))


def test_a_dossier_of_an_imported_export_unloads_like_a_loaded_one(
    bundle: dict[str, Any], empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_bundle(empty_store, schema, bundle, "bundled.json")
    unload(empty_store, schema, "2020-sparks")
    rows = empty_store.read("MATCH (n:Entity) WHERE '2020-sparks' IN n.dossiers RETURN n.id AS id")
    assert rows == []


def statements_of(store: FalkorDBStore, ids: list[str]) -> dict[str, list[str]]:
    rows = store.read(
        "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.statements AS s", {"ids": ids}
    )
    return {r["id"]: sorted(r["s"]) for r in rows}


def test_a_neighbourhood_export_restores_each_node_as_the_graph_holds_it(
    bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    answer = neighbours(bundled_store, schema, "group:sparks", depth=1, limit=500)
    load_bundle(empty_store, schema, to_stix(answer, schema, created=CREATED), "sparks.json")
    ids = [n["id"] for n in answer["nodes"]]
    assert statements_of(empty_store, ids) == statements_of(bundled_store, ids)


def test_a_neighbourhood_export_imported_where_its_dossiers_are_loaded_changes_nothing(
    bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    load_paths(empty_store, schema, [bundled_dossiers_dir()])
    before = digest(empty_store)
    answer = neighbours(bundled_store, schema, "group:sparks", depth=1, limit=500)
    load_bundle(empty_store, schema, to_stix(answer, schema, created=CREATED), "sparks.json")
    assert digest(empty_store) == before


def test_an_export_without_statements_reads_as_one_dossier_keeping_its_ids(
    bundled_store: FalkorDBStore, empty_store: FalkorDBStore, schema: Schema
) -> None:
    """An export for readers without the right to see names carries no statements."""
    answer = neighbours(bundled_store, schema, "operation:2020-sparks", depth=1, limit=500)
    hidden = redacted(answer, Redactor.from_store(bundled_store))
    result = load_bundle(empty_store, schema, to_stix(hidden, schema, created=CREATED), "hidden.json")
    entities = {
        n["id"] for n in answer["nodes"] if n["labels"][0] in {"Group", "Agency", "Country", "Operation"}
    }
    rows = empty_store.read("MATCH (n:Entity) RETURN n.id AS id")
    assert (result.dossiers, entities - {r["id"] for r in rows}) == ([f"stix-{hidden_id(hidden)}"], set())


def hidden_id(answer: dict[str, Any]) -> str:
    return to_stix(answer, get_schema(), created=CREATED)["id"].split("--", 1)[1][:12]


def foreign_bundle() -> dict[str, Any]:
    """A bundle as another tool would write it: common SDOs, no extension of ours."""
    stamp = "2021-03-01T00:00:00.000Z"

    def sdo(kind: str, n: int, **fields: Any) -> dict[str, Any]:
        base = {"type": kind, "spec_version": "2.1", "id": f"{kind}--00000000-0000-4000-8000-{n:012d}"}
        return {**base, "created": stamp, "modified": stamp, **fields}

    maker = sdo("identity", 1, name="Example CTI", identity_class="organization")
    campaign = sdo(
        "campaign", 2, name="Operation Example", first_seen="2020-06-01T00:00:00Z", created_by_ref=maker["id"]
    )
    group = sdo("intrusion-set", 3, name="Example Releasers", aliases=["EXR"], confidence=80)
    domain = sdo("infrastructure", 4, name="example-pirate.to", infrastructure_types=["unknown"])
    server = sdo("infrastructure", 5, name="Seedbox cluster", infrastructure_types=["unknown"])
    france = sdo("location", 6, name="France", country="fr")
    police = sdo(
        "identity", 7, name="Gendarmerie nationale", identity_class="organization", sectors=["government"]
    )
    telegram = sdo("identity", 8, name="Telegram", identity_class="system")
    malware = sdo("malware", 9, name="dropper", is_family=False)
    report = sdo(
        "report",
        10,
        name="Pirates arrested",
        published="2021-02-27T00:00:00Z",
        report_types=["threat-report"],
        created_by_ref=maker["id"],
        external_references=[{"source_name": "Example News", "url": "https://news.example/pirates"}],
        object_refs=[campaign["id"], group["id"], domain["id"]],
    )

    def rel(n: int, kind: str, a: dict[str, Any], b: dict[str, Any], **fields: Any) -> dict[str, Any]:
        return sdo(
            "relationship", n, relationship_type=kind, source_ref=a["id"], target_ref=b["id"], **fields
        )

    return {
        "type": "bundle",
        "id": "bundle--00000000-0000-4000-8000-000000000099",
        "objects": [
            maker,
            campaign,
            group,
            domain,
            server,
            france,
            police,
            telegram,
            malware,
            report,
            rel(11, "targets", campaign, group, start_time="2020-06-01T00:00:00Z"),
            rel(12, "owns", group, domain),
            rel(13, "owns", group, server),
            rel(14, "located-at", server, france),
            rel(15, "participated-in", police, campaign),
            rel(16, "uses", group, telegram),
            rel(17, "uses", group, malware),
        ],
    }


def edges_of(store: FalkorDBStore) -> set[tuple[str, str, str]]:
    rows = store.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b")
    return {(r["a"], r["t"], r["b"]) for r in rows}


def test_a_foreign_bundle_loads_like_a_dossier(empty_store: FalkorDBStore, schema: Schema) -> None:
    load_bundle(empty_store, schema, foreign_bundle(), "foreign.json")
    server = "server:stix-" + short_hash("infrastructure--00000000-0000-4000-8000-000000000005")
    facts = {edge for edge in edges_of(empty_store) if edge[1] != "REPORTS"}
    assert facts == {
        ("operation:operation-example", "TARGETED", "group:example-releasers"),
        ("group:example-releasers", "OPERATED", "domain:example-pirate.to"),
        ("group:example-releasers", "OPERATED", server),
        (server, "LOCATED_IN", "country:FR"),
        ("agency:gendarmerie-nationale", "PARTICIPATED_IN", "operation:operation-example"),
        ("group:example-releasers", "USED", "platform:telegram"),
    }


def test_every_source_of_a_foreign_bundle_reports_its_operation(
    empty_store: FalkorDBStore, schema: Schema
) -> None:
    """As every source of a dossier does: the report, and the bundle itself."""
    load_bundle(empty_store, schema, foreign_bundle(), "foreign.json")
    rows = empty_store.read(
        "MATCH (s:Source)-[:REPORTS]->(o:Operation) RETURN coalesce(s.url, s.document) AS s, o.id AS op"
    )
    assert {(r["s"], r["op"]) for r in rows} == {
        ("https://news.example/pirates", "operation:operation-example"),
        ("stix:bundle--00000000-0000-4000-8000-000000000099", "operation:operation-example"),
    }


def test_a_foreign_fact_cites_the_report_that_lists_it(empty_store: FalkorDBStore, schema: Schema) -> None:
    load_bundle(empty_store, schema, foreign_bundle(), "foreign.json")
    rows = empty_store.read(
        "MATCH (g:Group {id: 'group:example-releasers'}), (s:Source) WHERE s.id IN g.sources "
        "RETURN collect(s.url) AS urls"
    )
    assert rows[0]["urls"] == ["https://news.example/pirates"]


def test_a_foreign_fact_no_report_lists_cites_the_bundle(empty_store: FalkorDBStore, schema: Schema) -> None:
    load_bundle(empty_store, schema, foreign_bundle(), "foreign.json")
    rows = empty_store.read(
        "MATCH (p:Platform {id: 'platform:telegram'}), (s:Source) WHERE s.id IN p.sources "
        "RETURN collect(s.document) AS documents"
    )
    assert rows[0]["documents"] == ["stix:bundle--00000000-0000-4000-8000-000000000099"]


def test_objects_without_a_counterpart_are_reported_skipped(
    empty_store: FalkorDBStore, schema: Schema
) -> None:
    result = load_bundle(empty_store, schema, foreign_bundle(), "foreign.json")
    assert result.skipped == [
        ("malware--00000000-0000-4000-8000-000000000009", "no piracy-graph counterpart for a STIX malware"),
        ("relationship--00000000-0000-4000-8000-000000000017", "one end has no piracy-graph counterpart"),
    ]


def test_loading_a_bundle_twice_changes_nothing(empty_store: FalkorDBStore, schema: Schema) -> None:
    load_bundle(empty_store, schema, foreign_bundle(), "foreign.json")
    first = digest(empty_store)
    load_bundle(empty_store, schema, foreign_bundle(), "foreign.json")
    assert digest(empty_store) == first


def test_a_wrong_field_is_named_with_its_object(empty_store: FalkorDBStore, schema: Schema) -> None:
    bundle = foreign_bundle()
    bundle["objects"][2]["name"] = 42
    with pytest.raises(DossierError) as caught:
        load_bundle(empty_store, schema, bundle, "foreign.json")
    assert caught.value.problems == [
        (
            "objects[2] (intrusion-set--00000000-0000-4000-8000-000000000003).name",
            "42 is not of type 'string'",
        )
    ]


def test_a_bad_bundle_writes_nothing(empty_store: FalkorDBStore, schema: Schema) -> None:
    bundle = foreign_bundle()
    bundle["objects"][-2]["target_ref"] = "identity--00000000-0000-4000-8000-000000000404"
    with pytest.raises(DossierError):
        load_bundle(empty_store, schema, bundle, "foreign.json")
    assert counts(empty_store) == {"nodes": {}, "relationships": {}}


def test_a_dangling_reference_is_named(empty_store: FalkorDBStore, schema: Schema) -> None:
    bundle = foreign_bundle()
    bundle["objects"][-2]["target_ref"] = "identity--00000000-0000-4000-8000-000000000404"
    with pytest.raises(DossierError) as caught:
        load_bundle(empty_store, schema, bundle, "foreign.json")
    assert caught.value.problems == [
        (
            "objects[15] (relationship--00000000-0000-4000-8000-000000000016).target_ref",
            "'identity--00000000-0000-4000-8000-000000000404' is not in the bundle",
        )
    ]


def test_a_bundle_with_two_campaigns_is_refused(empty_store: FalkorDBStore, schema: Schema) -> None:
    bundle = foreign_bundle()
    second = {**bundle["objects"][1], "id": "campaign--00000000-0000-4000-8000-000000000098", "name": "Other"}
    bundle["objects"].append(second)
    with pytest.raises(DossierError) as caught:
        load_bundle(empty_store, schema, bundle, "foreign.json")
    assert caught.value.problems == [
        (
            f"objects[17] ({second['id']})",
            "a bundle's own facts become one dossier, about one operation; "
            "objects[1] (campaign--00000000-0000-4000-8000-000000000002) is one too",
        )
    ]


def test_a_dossier_check_names_the_object_it_failed_on(empty_store: FalkorDBStore, schema: Schema) -> None:
    bundle = foreign_bundle()
    claim = {
        "type": "piracy-claim",
        "spec_version": "2.1",
        "id": "piracy-claim--00000000-0000-4000-8000-000000000097",
        "created": "2021-03-01T00:00:00.000Z",
        "modified": "2021-03-01T00:00:00.000Z",
        "metric": "servers",
        "value": 60,
    }
    bundle["objects"].append(claim)
    with pytest.raises(DossierError) as caught:
        load_bundle(empty_store, schema, bundle, "foreign.json")
    assert caught.value.problems == [(f"objects[17] ({claim['id']}) unit", "Field required")]


def test_a_person_without_our_extension_is_refused(empty_store: FalkorDBStore, schema: Schema) -> None:
    bundle = foreign_bundle()
    bundle["objects"][7] = {**bundle["objects"][7], "name": "Jane Doe", "identity_class": "individual"}
    with pytest.raises(DossierError) as caught:
        load_bundle(empty_store, schema, bundle, "foreign.json")
    assert [field for field, _ in caught.value.problems] == [
        "objects[7] (identity--00000000-0000-4000-8000-000000000008).identity_class"
    ]


def test_our_data_cannot_smuggle_a_label_outside_the_schema(
    bundle: dict[str, Any], empty_store: FalkorDBStore, schema: Schema
) -> None:
    campaign = copy.deepcopy(next(o for o in bundle["objects"] if o["type"] == "campaign"))
    campaign["extensions"][DATA_EXTENSION]["labels"] = ["Operation) DETACH DELETE (n"]
    hostile = {**bundle, "objects": [*bundle["objects"][:3], campaign]}
    with pytest.raises(DossierError) as caught:
        load_bundle(empty_store, schema, hostile, "hostile.json")
    assert [problem for _, problem in caught.value.problems] == [
        "no label of the schema in ['Operation) DETACH DELETE (n']"
    ]


def test_our_data_must_name_a_relationship_type_of_the_schema(
    bundle: dict[str, Any], empty_store: FalkorDBStore, schema: Schema
) -> None:
    objects = {o["id"]: o for o in bundle["objects"]}
    rel = copy.deepcopy(next(o for o in bundle["objects"] if o["type"] == "relationship"))
    rel["extensions"][DATA_EXTENSION]["type"] = "OWNS"
    ends = [objects[rel["source_ref"]], objects[rel["target_ref"]]]
    hostile = {**bundle, "objects": [*bundle["objects"][:3], *ends, rel]}
    with pytest.raises(DossierError) as caught:
        load_bundle(empty_store, schema, hostile, "hostile.json")
    about_it = [problem for problem in caught.value.problems if problem[0].startswith("objects[5] ")]
    assert about_it == [
        (f"objects[5] ({rel['id']}).extensions.{DATA_EXTENSION}.type", "unknown relationship type 'OWNS'")
    ]


def test_every_type_the_import_checks_has_its_official_schema_offline() -> None:
    from loaders.stix.official import CHECKED_TYPES, validator

    assert {kind: validator(kind).schema["title"] for kind in CHECKED_TYPES} == {k: k for k in CHECKED_TYPES}
