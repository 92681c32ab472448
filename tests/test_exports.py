"""GraphML, GEXF, CSV and node-link exports read back whole; the API and the CLI serve them."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx
import pytest
from click.testing import Result
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from cli.main import app
from graph.errors import InvalidInput
from graph.export.csv_import import to_csv_files
from graph.export.formats import render
from graph.export.subgraph import whole_graph
from graph.model.schema import Schema
from graph.store.falkordb import FalkorDBStore
from graph.store.stats import counts

pytestmark = pytest.mark.both_engines

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def answer(bundled_store: FalkorDBStore) -> dict[str, Any]:
    return whole_graph(bundled_store)


@pytest.fixture(scope="module")
def sizes(bundled_store: FalkorDBStore) -> tuple[int, int]:
    summary = counts(bundled_store)
    return sum(summary["nodes"].values()), sum(summary["relationships"].values())


def read_back(data: bytes, fmt: str) -> nx.MultiDiGraph:
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data))
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(data))
    return nx.node_link_graph(json.loads(data), edges="links")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "nodelink"])
def test_read_back_with_networkx_the_whole_graph_is_there(
    answer: dict[str, Any], schema: Schema, sizes: tuple[int, int], fmt: str
) -> None:
    graph = read_back(render(answer, fmt, schema), fmt)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == sizes


def test_graphml_keeps_lists_as_json(
    answer: dict[str, Any], schema: Schema, bundled_store: FalkorDBStore
) -> None:
    graph = read_back(render(answer, "graphml", schema), "graphml")
    aliases = bundled_store.read("MATCH (a:Agency {id: 'agency:europol'}) RETURN a.aliases AS a")[0]["a"]
    assert json.loads(graph.nodes["agency:europol"]["aliases"]) == aliases


def test_graphml_keeps_numbers_as_numbers(answer: dict[str, Any], schema: Schema) -> None:
    graph = read_back(render(answer, "graphml", schema), "graphml")
    kinds = {type(data["value"]).__name__ for _, data in graph.nodes(data=True) if "value" in data}
    assert kinds == {"float"}


def test_gexf_is_dynamic_with_dates(answer: dict[str, Any], schema: Schema) -> None:
    graph = ElementTree.fromstring(render(answer, "gexf", schema)).find("{http://www.gexf.net/1.2draft}graph")
    assert graph is not None
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")


def test_gexf_starts_each_operation_on_its_first_date(
    answer: dict[str, Any], schema: Schema, bundled_store: FalkorDBStore
) -> None:
    graph = read_back(render(answer, "gexf", schema), "gexf")
    rows = bundled_store.read(
        "MATCH (o:Operation) RETURN o.id AS id, coalesce(o.started, o.action_day) AS day"
    )
    expected = {r["id"]: r["day"] for r in rows}
    shown = {op: graph.nodes[op].get("start", "")[: len(str(day))] for op, day in expected.items()}
    assert shown == expected


def test_gexf_shows_events_on_their_day(answer: dict[str, Any], schema: Schema) -> None:
    graph = read_back(render(answer, "gexf", schema), "gexf")
    event = next(
        n for n in answer["nodes"] if n["labels"] == ["Event"] and len(n["properties"]["date"]) == 10
    )
    assert (graph.nodes[event["id"]]["start"], graph.nodes[event["id"]]["end"]) == (
        event["properties"]["date"],
        event["properties"]["date"],
    )


def csv_rows(files: dict[str, str], name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(files[name])))


def test_csv_headers_are_what_neo4j_admin_import_expects(answer: dict[str, Any], schema: Schema) -> None:
    files = to_csv_files(answer, schema)
    nodes, rels = csv_rows(files, "nodes.csv")[0], csv_rows(files, "relationships.csv")[0]
    typed = {"count", "value", "named", "publicly_charged", "aliases", "sources", "dossiers", "date"}
    assert (nodes[:3], rels[:4], sorted(h for h in nodes if h.split(":")[0] in typed)) == (
        ["id:ID", ":LABEL", "name"],
        [":START_ID", ":END_ID", ":TYPE", "id"],
        [
            "aliases:string[]",
            "count:int",
            "date",
            "dossiers:string[]",
            "named:boolean",
            "publicly_charged:boolean",
            "sources:string[]",
            "value:float",
        ],
    )


def test_csv_has_a_row_per_node_and_relationship(
    answer: dict[str, Any], schema: Schema, sizes: tuple[int, int]
) -> None:
    files = to_csv_files(answer, schema)
    assert (len(csv_rows(files, "nodes.csv")) - 1, len(csv_rows(files, "relationships.csv")) - 1) == sizes


def test_csv_relationships_only_join_exported_nodes(answer: dict[str, Any], schema: Schema) -> None:
    files = to_csv_files(answer, schema)
    ids = {row[0] for row in csv_rows(files, "nodes.csv")[1:]}
    ends = {end for row in csv_rows(files, "relationships.csv")[1:] for end in row[:2]}
    assert ends - ids == set()


def test_csv_labels_each_node_with_its_label_and_entity(answer: dict[str, Any], schema: Schema) -> None:
    files = to_csv_files(answer, schema)
    labels = {row[1] for row in csv_rows(files, "nodes.csv")[1:]}
    assert labels == {f"{label};Entity" for label in schema.labels}


def test_csv_refuses_a_list_item_holding_the_array_delimiter(schema: Schema) -> None:
    answer = {
        "nodes": [{"id": "group:a", "labels": ["Group"], "name": "A", "properties": {"aliases": ["x;y"]}}],
        "edges": [],
    }
    with pytest.raises(InvalidInput, match="group:a: aliases item 'x;y' contains the array delimiter"):
        to_csv_files(answer, schema)


def test_the_csv_zip_holds_the_files_and_the_import_command(answer: dict[str, Any], schema: Schema) -> None:
    archive = zipfile.ZipFile(io.BytesIO(render(answer, "csv", schema)))
    assert archive.namelist() == ["nodes.csv", "relationships.csv", "import.sh"]


def test_nodelink_keeps_every_source_cited(answer: dict[str, Any], schema: Schema) -> None:
    data = json.loads(render(answer, "nodelink", schema))
    cited = {sid for item in data["nodes"] + data["links"] for sid in item["sources"]}
    assert cited - set(data["graph"]["sources"]) == set()


# -- the API ------------------------------------------------------------------------------------
def test_api_exports_the_whole_graph_as_graphml(client: TestClient, sizes: tuple[int, int]) -> None:
    response = client.get("/exports/graphml")
    graph = read_back(response.content, "graphml")
    assert (response.headers["content-type"], graph.number_of_nodes(), graph.number_of_edges()) == (
        "application/graphml+xml",
        *sizes,
    )


def test_api_exports_a_neighbourhood_like_the_json_answer(client: TestClient) -> None:
    answer = client.get("/entities/group:sparks/neighbours", params={"depth": 1}).json()
    response = client.get("/exports/nodelink", params={"view": "neighbours", "id": "group:sparks"})
    assert {n["id"] for n in response.json()["nodes"]} == {n["id"] for n in answer["nodes"]}


def test_api_exports_a_posted_paths_answer(client: TestClient) -> None:
    answer = client.get("/paths", params={"from": "group:sparks", "to": "group:geckos"}).json()
    response = client.post("/exports/nodelink", json=answer)
    links = {link["id"] for link in response.json()["links"]}
    assert links == {edge["id"] for edge in answer["edges"]}


def test_api_stix_export_hides_names_from_readers_without_the_right(
    client: TestClient, bundled_store: FalkorDBStore
) -> None:
    text = client.get("/exports/stix").text
    names = [r["n"] for r in bundled_store.read("MATCH (p:Person) WHERE p.named = true RETURN p.name AS n")]
    assert [n for n in names if n in text] == []


def test_api_stix_export_is_served_as_stix(client: TestClient) -> None:
    response = client.get("/exports/stix", params={"view": "neighbours", "id": "operation:2020-sparks"})
    assert (response.headers["content-type"], response.json()["type"]) == (
        "application/stix+json;version=2.1",
        "bundle",
    )


def test_api_says_when_the_export_is_cut(client: TestClient, sizes: tuple[int, int]) -> None:
    response = client.get("/exports/nodelink", params={"limit": 10})
    assert (
        response.headers["x-truncated"],
        len(response.json()["nodes"]),
        response.headers["x-not-shown"],
    ) == (
        "true",
        10,
        str(sizes[0] - 10),
    )


def test_api_refuses_an_unknown_format(client: TestClient) -> None:
    response = client.get("/exports/pdf")
    assert (response.status_code, response.json()["error"]["code"]) == (422, "invalid_parameter")


def test_api_needs_an_id_for_a_neighbourhood(client: TestClient) -> None:
    response = client.get("/exports/stix", params={"view": "neighbours"})
    assert (response.status_code, response.json()["error"]["details"]) == (
        422,
        [{"field": "query.id", "problem": "view=neighbours needs an id"}],
    )


def test_api_answers_404_for_a_posted_unknown_entity(client: TestClient) -> None:
    response = client.post("/exports/stix", json={"nodes": [{"id": "group:nobody"}]})
    assert response.status_code == 404


# -- the command line ---------------------------------------------------------------------------
def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def sparks_data(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Result]:
    data = str(tmp_path_factory.mktemp("cli") / "data")
    return data, run("load", str(ROOT / "data" / "operations" / "2020-sparks.yaml"), "--data-dir", data)


def test_cli_export_then_import_stix_gives_the_same_digest(
    sparks_data: tuple[str, Result], tmp_path: Path
) -> None:
    data, loaded = sparks_data
    exported = run("export", "stix", "-o", str(tmp_path / "sparks.json"), "--data-dir", data)
    imported = run("import-stix", str(tmp_path / "sparks.json"), "--data-dir", data, "--graph", "copy")
    digests = [
        line for r in (loaded, imported) for line in r.stderr.splitlines() if line.startswith("digest ")
    ]
    assert (exported.exit_code, len(digests), len(set(digests))) == (0, 2, 1), (
        exported.stderr + imported.stderr
    )


def test_cli_export_of_a_neighbourhood_as_csv_writes_a_folder(
    sparks_data: tuple[str, Result], tmp_path: Path
) -> None:
    data, _ = sparks_data
    result = run(
        "export", "csv", "-o", str(tmp_path / "csv"), "--neighbours", "group:sparks", "--data-dir", data
    )
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "import.sh",
        "nodes.csv",
        "relationships.csv",
    ], result.stderr


def test_cli_export_says_what_it_wrote(sparks_data: tuple[str, Result], tmp_path: Path) -> None:
    data, _ = sparks_data
    result = run("export", "graphml", "-o", str(tmp_path / "g.graphml"), "--data-dir", data)
    graph = nx.read_graphml(tmp_path / "g.graphml")
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    assert result.stderr.strip() == f"wrote {tmp_path / 'g.graphml'}: {nodes} nodes, {edges} relationships"


def test_cli_import_of_a_broken_bundle_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"type": "bundle", "id": "bundle--1", "objects": []}), encoding="utf-8")
    result = run("import-stix", str(path), "--data-dir", str(tmp_path / "data"))
    assert (result.exit_code, f"{path}: objects: a STIX bundle lists its objects" in result.stderr) == (
        2,
        True,
    )


def test_cli_knows_every_export_format() -> None:
    from cli.interop import FORMAT_NAMES
    from graph.export.formats import FORMATS

    assert tuple(FORMATS) == FORMAT_NAMES
