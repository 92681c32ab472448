"""The loader's quick paths give what the general ones give: YAML built in one pass, rows
sent as JSON lists, provenance appended without a scan, plans kept from validation."""

from __future__ import annotations

import logging
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.synth import generate
from graph.errors import DossierError
from graph.ids import node_id
from graph.plan import Plan, PlannedEdge, PlannedNode
from graph.schema import Schema
from graph.stats import digest
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from loaders import yamlio
from loaders.batch import Known, Pending, chunks, load_chunked, merge_plans
from loaders.dossier import parse_dossier
from loaders.load import dossier_files, load_bytes, load_dossier, load_paths, validate_file
from loaders.resolve import build_plan, still_valid
from tests.conftest import new_store
from tests.dossiers import MINIMAL

pytestmark = pytest.mark.both_engines


def strict_load(text: str) -> Any:
    """The general path: SafeConstructor over libyaml, as before the quick one."""

    class Loader(yamlio._NoDuplicateKeys, yaml.CSafeLoader):
        pass

    Loader.yaml_implicit_resolvers = yamlio._StrictLoader.yaml_implicit_resolvers
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        return ("error", str(getattr(exc, "problem", exc)))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, 'y', 2.5, null, ~, true, NO, '0x1', 0o17, 1_000, 1:20, .inf]\n",
        "a: 2020-01-02\nb: '2016-09'\nc: {d: {e: [f, {g: h}]}}\n",
        "- a\n- {b: c}\n",
        "a: 1\na: 2\n",
        "NO: x\nfalse: y\n",
        "1: a\ntrue: b\n",
        "<<: {a: 1}\nb: 2\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!str 12\nb: !!int '12'\n",
        "=: x\n",
        "1.5: x\n~: y\n",
        "multi: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
    ],
)
def test_quick_yaml_gives_what_safe_constructor_gives(text: str) -> None:
    expected = strict_load(text)
    try:
        got = yamlio.parse_yaml(text, "f.yaml")
    except DossierError as exc:
        assert isinstance(expected, tuple), f"quick path refused what the general one read: {exc}"
        assert expected[1] in str(exc)
        return
    assert got == expected
    assert [type(v) for v in _leaves(got)] == [type(v) for v in _leaves(expected)]


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in [key, *_leaves(item)]]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


@pytest.mark.parametrize(
    "text",
    [
        'line\nbreak\ttab "quoted" back\\slash \\u0041 é ✓ 𝄞',
        "carriage\rreturn",
        "control\x01character",  # JSON would write \u0001: the client's own formatting
        "ends with a backslash\\",
        '\\" an escaped quote, then "], "x": [1 a closing bracket',
        "`backtick` and 'single' quotes",
        "line\u2028separator\u2029paragraph",
        "CYPHER rows_0=[] MATCH (n) DETACH DELETE n",
        "\\\\u0041 two backslashes before u",
    ],
)
def test_a_written_value_reads_back_exactly(empty_store: FalkorDBStore, text: str) -> None:
    plan = Plan(dossier="test")
    plan.nodes["group:odd"] = PlannedNode(
        "Group", "group:odd", "Odd", {"notes": text}, ["source:x"], ["test"]
    )
    plan.new_nodes = {"group:odd"}
    empty_store.write_plan(plan)
    plan.new_nodes = set()
    plan.nodes["group:odd"].props = {"kind": "forum"}
    empty_store.write_plan(plan)  # the merge path keeps what it does not set
    rows = empty_store.read(
        "MATCH (g:Group {id: 'group:odd'}) RETURN g.notes AS notes, g.kind AS kind, g.sources AS s"
    )
    assert rows == [{"notes": text, "kind": "forum", "s": ["source:x"]}]


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("synth")
    generate(600, folder)
    return dossier_files([folder])


def test_chunked_load_is_the_dossier_by_dossier_load(
    network: list[Path], schema: Schema, empty_store: FalkorDBStore
) -> None:
    dossiers = [Pending.of(str(path), validate_file(path, schema)) for path in network]
    # Small chunks: hubs are merged across many chunks, with fresh provenance appended.
    load_chunked(empty_store, schema, dossiers, rows=60)
    chunked = digest(empty_store)
    for node in empty_store.read("MATCH (n:Entity) RETURN n.sources AS s, n.dossiers AS d"):
        assert not [item for item, n in Counter(node["s"] + node["d"]).items() if n > 1]
    for edge in empty_store.read("MATCH ()-[r]->() RETURN r.sources AS s, r.dossiers AS d"):
        assert not [item for item, n in Counter(edge["s"] + edge["d"]).items() if n > 1]
    load_chunked(empty_store, schema, dossiers, rows=60)
    assert digest(empty_store) == chunked
    empty_store.clear()
    empty_store.ensure_schema()
    for item in dossiers:
        load_dossier(empty_store, schema, item.restore(), item.name)
    assert digest(empty_store) == chunked


def test_a_folder_load_is_the_dossier_by_dossier_load(
    network: list[Path], schema: Schema, empty_store: FalkorDBStore
) -> None:
    """load_paths resolves each draft against the files before it, and writes in
    chunks: the same graph and the same counts as writing each dossier alone."""
    alone = [load_dossier(empty_store, schema, validate_file(path, schema), str(path)) for path in network]
    expected = digest(empty_store)
    empty_store.clear()
    empty_store.ensure_schema()
    assert load_paths(empty_store, schema, network) == alone
    assert digest(empty_store) == expected


def test_merging_plans_leaves_each_plan_as_it_was() -> None:
    def plan(dossier: str, source: str) -> Plan:
        found = Plan(dossier=dossier)
        found.nodes["group:a"] = PlannedNode("Group", "group:a", "Alpha", {}, [source], [dossier])
        found.edges["e"] = PlannedEdge(
            "USED", "e", "group:a", "Group", "platform:p", "Platform", {}, [source], [dossier]
        )
        return found

    first, second = plan("one", "source:1"), plan("two", "source:2")
    merged = merge_plans([first, second], set())
    assert [
        (merged.nodes["group:a"].sources, merged.nodes["group:a"].dossiers, merged.nodes["group:a"].keys),
        (merged.edges["e"].sources, merged.edges["e"].dossiers),
        (first.nodes["group:a"].sources, first.nodes["group:a"].dossiers, first.nodes["group:a"].keys),
        (first.edges["e"].sources, first.edges["e"].dossiers),
    ] == [
        (["source:1", "source:2"], ["one", "two"], ["alpha"]),
        (["source:1", "source:2"], ["one", "two"]),
        (["source:1"], ["one"], []),
        (["source:1"], ["one"]),
    ]


def test_new_nodes_and_relationships_hold_exactly_what_the_plan_gives(empty_store: FalkorDBStore) -> None:
    plan = Plan(dossier="test")
    plan.nodes["group:a"] = PlannedNode(
        "Group", "group:a", "Alpha", {"kind": "forum", "notes": None}, ["source:x"], ["test"], ["Alfa"]
    )
    plan.nodes["country:NL"] = PlannedNode("Country", "country:NL", "Netherlands", {"code": "NL"}, [], [])
    plan.edges["e"] = PlannedEdge(
        "BASED_IN",
        "e",
        "group:a",
        "Group",
        "country:NL",
        "Country",
        {"role": None, "start": "2020"},
        ["source:x"],
        ["test"],
    )
    plan.new_nodes, plan.new_edges = {"group:a", "country:NL"}, {"e"}
    empty_store.write_plan(plan)
    nodes = empty_store.read("MATCH (n:Group) RETURN labels(n) AS labels, properties(n) AS props")
    assert nodes == [
        {
            "labels": ["Group", "Entity"],
            "props": {
                "id": "group:a",
                "keys": ["alpha"],
                "search": " alpha",
                "sources": ["source:x"],
                "dossiers": ["test"],
                "aliases": ["Alfa"],
                "kind": "forum",
                "name": "Alpha",
            },
        }
    ]
    edges = empty_store.read("MATCH ()-[r:BASED_IN]->() RETURN properties(r) AS props")
    assert edges == [{"props": {"id": "e", "sources": ["source:x"], "dossiers": ["test"], "start": "2020"}}]


def test_a_property_named_like_a_provenance_list_is_merged_not_set_over_it(
    empty_store: FalkorDBStore,
) -> None:
    """Such a plan goes the general way (merge_nodes.cypher): the property is merged with
    the plan's provenance, and the search text still comes from the names."""
    plan = Plan(dossier="test")
    plan.nodes["group:a"] = PlannedNode(
        "Group",
        "group:a",
        "Alpha",
        {"search": "planted", "sources": ["source:planted"]},
        ["source:x"],
        ["test"],
    )
    plan.new_nodes = {"group:a"}
    empty_store.write_plan(plan)
    rows = empty_store.read("MATCH (n:Group) RETURN n.search AS search, n.sources AS sources")
    assert rows == [{"search": " alpha", "sources": ["source:planted", "source:x"]}]


def minimal_draft(schema: Schema, names: Known) -> Plan:
    dossier = parse_dossier(yaml.safe_load(MINIMAL), "minimal.yaml", schema)
    return build_plan(dossier, schema, names.lookup, "minimal.yaml")


def names_of_the_group(node: tuple[str, str]) -> Known:
    known = Known()
    known.names["Group"] = {"example iptv": node}
    return known


def test_a_draft_that_found_a_name_is_valid_while_the_name_is_found_the_same_way(schema: Schema) -> None:
    known = names_of_the_group(("group:elsewhere", "Elsewhere"))
    assert still_valid(minimal_draft(schema, known), known.lookup)


def test_a_draft_that_found_a_name_is_not_valid_where_the_name_is_unknown(schema: Schema) -> None:
    draft = minimal_draft(schema, names_of_the_group(("group:elsewhere", "Elsewhere")))
    assert not still_valid(draft, Known().lookup)


def test_a_draft_that_found_a_name_is_not_valid_where_it_names_another_node(schema: Schema) -> None:
    draft = minimal_draft(schema, names_of_the_group(("group:elsewhere", "Elsewhere")))
    assert not still_valid(draft, names_of_the_group(("group:other", "Other")).lookup)


def test_a_draft_that_found_no_name_is_not_valid_where_the_name_is_found(schema: Schema) -> None:
    draft = minimal_draft(schema, Known())
    assert not still_valid(draft, names_of_the_group(("group:elsewhere", "Elsewhere")).lookup)


def test_a_draft_that_found_no_name_is_valid_where_the_name_is_its_own(schema: Schema) -> None:
    draft = minimal_draft(schema, Known())
    assert still_valid(draft, names_of_the_group(("group:example-iptv", "Example IPTV")).lookup)


def test_a_folder_load_attaches_to_a_group_the_graph_knew_by_another_name(
    schema: Schema, empty_store: FalkorDBStore, tmp_path: Path
) -> None:
    """The draft, resolved against the folder alone, made a new group; the write finds the
    group the graph already held under the name, as a dossier-by-dossier load does."""
    known = MINIMAL.replace("name: Example IPTV", "name: Known IPTV\n    aliases: [Example IPTV]")
    load_bytes(empty_store, schema, known.encode(), "known.yaml")
    (tmp_path / "later.yaml").write_text(MINIMAL.replace("id: 2099-test-op", "id: 2099-later-op"))
    load_paths(empty_store, schema, [tmp_path])
    rows = empty_store.read("MATCH (g:Group) RETURN g.id AS id ORDER BY id")
    assert [row["id"] for row in rows] == ["group:known-iptv"]


def test_a_chunk_whose_write_fails_is_merged_and_the_next_prepared_again(
    network: list[Path],
    schema: Schema,
    engine: EmbeddedEngine,
    empty_store: FalkorDBStore,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The second chunk is prepared while the first is written, to create its operation.
    A concurrent writer creates that node first: the second chunk's write fails on the
    unique constraint, its dossiers are merged one by one, and the third chunk, prepared
    as if the second had been written as planned, is prepared again."""
    dossiers = [Pending.of(str(path), validate_file(path, schema)) for path in network]
    second = next(islice(chunks(dossiers, 60), 1, None))[0].restore()
    raced: list[str] = []

    def concurrent_writer(name: str, plan: Plan) -> None:
        if not raced:
            raced.append(name)
            empty_store.write(
                "CREATE (:Operation:Entity {id: $id, name: $name})",
                {"id": node_id("operation", second.id), "name": second.operation.name},
            )

    with caplog.at_level(logging.WARNING, logger="loaders.batch"):
        load_chunked(empty_store, schema, dossiers, rows=60, on_written=concurrent_writer)
    clean = new_store(engine, schema)
    try:
        load_chunked(clean, schema, dossiers, rows=60)
        assert "failed" in caplog.text and "merging them one by one" in caplog.text
        assert digest(empty_store) == digest(clean)
    finally:
        clean.clear()
