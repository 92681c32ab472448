"""A person's places are explicit: nationality, where they were arrested, where they live.
Each is its own relationship to a country, with its own sources; a bare `country` on a
person is refused because it does not say which."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.errors import DossierError
from graph.model.ids import source_id
from graph.model.schema import Schema
from graph.query.operations import operation_view
from graph.query.places import country_view
from graph.store.stats import digest
from loaders.dossier import PLACE_FIELDS, Entity
from loaders.load import load_paths
from tests.dossiers import one_source_dossier

pytestmark = pytest.mark.both_engines

SPARKS = "operation:2020-sparks"
BRIDI = "person:050ed3b391cf"  # member-cy
CORREA = "person:6aff0fa88474"  # member-us
DOJ_EXTRADITION = source_id(
    "https://vuink.com/post/whfgvpr-d-dtbi/usao-sdny/pr/"
    "manhattan-us-attorney-announces-extradition-british-national-participation-online-film",
    None,
)
SILICONANGLE = source_id(
    "https://siliconangle.com/2020/08/26/global-law-enforcement-operation-brings-sparks-piracy-group", None
)


def places_of(view: dict[str, Any], person: str) -> set[tuple[Any, ...]]:
    entry = next(p for p in view["people"] if p["id"] == person)
    return {(p["relation"], p["country"], p["place"], p["date"]) for p in entry["places"]}


def test_bridi_is_british_and_was_arrested_in_paphos(bundled_store: Any) -> None:
    view = operation_view(bundled_store, SPARKS, None)
    assert places_of(view, BRIDI) == {
        ("NATIONAL_OF", "country:GB", None, None),
        ("ARRESTED_IN", "country:CY", "Paphos", "2020-08-23"),
    }


def test_a_place_with_its_own_sources_cites_only_those(bundled_store: Any) -> None:
    view = operation_view(bundled_store, SPARKS, None)
    entry = next(p for p in view["people"] if p["id"] == BRIDI)
    assert {p["relation"]: sorted(p["sources"]) for p in entry["places"]} == {
        "NATIONAL_OF": [DOJ_EXTRADITION],
        "ARRESTED_IN": [DOJ_EXTRADITION],
    }


def test_a_place_without_sources_cites_the_persons_sources(bundled_store: Any) -> None:
    view = operation_view(bundled_store, SPARKS, None)
    entry = next(p for p in view["people"] if p["id"] == CORREA)
    assert [sorted(p["sources"]) for p in entry["places"]] == [sorted([DOJ_EXTRADITION, SILICONANGLE])]


def test_cyprus_lists_who_was_arrested_there(bundled_store: Any) -> None:
    view = country_view(bundled_store, "CY")
    assert {(p["id"], p["relation"], p["place"]) for p in view["people"]} == {
        (BRIDI, "ARRESTED_IN", "Paphos"),
        ("person:2019-cyprus-iptv-europol-server-operators", "ARRESTED_IN", None),
    }


def test_every_place_field_of_the_schema_is_a_field_of_the_format(schema: Schema) -> None:
    declared = {field for spec in schema.labels.values() for field in spec.places}
    assert declared <= set(PLACE_FIELDS) <= set(Entity.model_fields)


PERSON = """\
    entities:
      suspect:
        label: Person
        description: Suspected operator of the example service
        {place}
        properties: {{role: suspected operator}}
        sources: [release]
    relationships:
      - {{from: operation, type: ARRESTED, to: suspect, sources: [release]}}
    """


def problems_of(tmp_path: Path, schema: Schema, store: Any, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "person.yaml"
    path.write_text(one_source_dossier("2099-person-places", body), encoding="utf-8")
    with pytest.raises(DossierError) as caught:
        load_paths(store, schema, [path], workers=0)
    return [(where, problem.split(": ", 1)[-1]) for where, problem in caught.value.problems]


def test_a_persons_bare_country_is_refused(tmp_path: Path, schema: Schema, empty_store: Any) -> None:
    body = PERSON.format(place="country: IT")
    assert problems_of(tmp_path, schema, empty_store, body) == [
        (
            "entities.suspect.country",
            "a Person's country does not say which: write nationality, arrested_in, resides_in instead",
        )
    ]


def test_a_group_takes_no_arrest(tmp_path: Path, schema: Schema, empty_store: Any) -> None:
    body = """\
        entities:
          net:
            label: Group
            name: Example Places Network
            arrested_in: IT
            properties: {kind: IPTV service}
            sources: [release]
        """
    assert problems_of(tmp_path, schema, empty_store, body) == [
        ("entities.net.arrested_in", "a Group takes no arrested_in")
    ]


def test_a_nationality_has_no_date(tmp_path: Path, schema: Schema, empty_store: Any) -> None:
    body = PERSON.format(place="nationality: {country: GR, date: 2019-01-11}")
    assert problems_of(tmp_path, schema, empty_store, body) == [
        ("entities.suspect.nationality[0].date", "nationality takes no date")
    ]


def test_a_place_cites_declared_sources_and_known_countries(
    tmp_path: Path, schema: Schema, empty_store: Any
) -> None:
    body = PERSON.format(place="arrested_in: [{country: Atlantis}, {country: BG, sources: [rumour]}]")
    assert set(problems_of(tmp_path, schema, empty_store, body)) == {
        ("entities.suspect.arrested_in[0].country", "unknown country 'Atlantis'"),
        (
            "entities.suspect.arrested_in[1].sources[0]",
            "source 'rumour' is cited but not declared under sources",
        ),
    }


def test_a_refused_dossier_changes_nothing(tmp_path: Path, schema: Schema, empty_store: Any) -> None:
    before = digest(empty_store)
    problems_of(tmp_path, schema, empty_store, PERSON.format(place="country: IT"))
    assert digest(empty_store) == before


def test_several_countries_of_arrest_are_each_a_relationship(
    tmp_path: Path, schema: Schema, empty_store: Any
) -> None:
    path = tmp_path / "person.yaml"
    body = PERSON.format(place="arrested_in: [ES, DE, SE, DK]")
    path.write_text(one_source_dossier("2099-person-places", body), encoding="utf-8")
    load_paths(empty_store, schema, [path], workers=0)
    rows = empty_store.read("MATCH (:Person)-[:ARRESTED_IN]->(c:Country) RETURN c.code AS code")
    assert sorted(row["code"] for row in rows) == ["DE", "DK", "ES", "SE"]
