"""`piracy-graph export` and `piracy-graph import-stix`: the graph in and out of other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.errors import PiracyGraphError
from graph.model.schema import get_schema
from graph.settings import Settings, get_settings
from graph.store import Store, open_store

# Exporters and the STIX reader are imported by their command only: networkx and
# jsonschema would slow the start of every other command.
FORMAT_NAMES = ("stix", "graphml", "gexf", "csv", "nodelink")

console = Console(stderr=True, soft_wrap=True)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="where the embedded engine keeps the graph [env PIRACY_GRAPH_DATA_DIR]"),
]
GraphName = Annotated[str | None, typer.Option("--graph", help="graph name [env PIRACY_GRAPH_GRAPH_NAME]")]


def _open(data_dir: Path | None, graph: str | None) -> Store:
    settings = get_settings()
    updates = {k: v for k, v in {"data_dir": data_dir, "graph_name": graph}.items() if v is not None}
    if updates:
        settings = Settings.model_validate({**settings.model_dump(), **updates})
    return open_store(settings)


def _fail(exc: PiracyGraphError) -> None:
    console.print("[bold red]error[/]:", end=" ")
    console.print(str(exc), markup=False, highlight=False)
    raise typer.Exit(code=2)


def export(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="one of: " + ", ".join(FORMAT_NAMES))],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="the file to write (csv: a .zip, or a folder for the files)"),
    ],
    neighbours_of: Annotated[
        str | None,
        typer.Option("--neighbours", help="export this entity's neighbourhood, not the whole graph"),
    ] = None,
    depth: Annotated[int, typer.Option(min=1, max=3, help="steps from --neighbours")] = 1,
    limit: Annotated[int, typer.Option(min=1, max=1_000_000, help="nodes at most")] = 20_000,
    hide_names: Annotated[
        bool, typer.Option("--hide-names", help="people's names as readers without the right see them")
    ] = False,
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """Export the graph (or one neighbourhood) as STIX 2.1, GraphML, GEXF, CSV or node-link JSON."""
    from graph.export.csv_import import to_csv_files
    from graph.export.formats import export_format, render
    from graph.export.subgraph import neighbours, redacted, whole_graph
    from graph.query.answer import Redactor

    schema = get_schema()
    try:
        spec = export_format(fmt)
        store = _open(data_dir, graph)
    except PiracyGraphError as exc:
        _fail(exc)
        return
    try:
        if neighbours_of:
            answer = neighbours(store, schema, neighbours_of, depth=depth, limit=limit)
        else:
            answer = whole_graph(store, limit=limit)
        answer = redacted(answer, Redactor.from_store(store) if hide_names else None)
        if spec.name == "csv" and output.suffix != ".zip":
            output.mkdir(parents=True, exist_ok=True)
            for name, text in to_csv_files(answer, schema).items():
                (output / name).write_text(text, encoding="utf-8")
        else:
            output.write_bytes(render(answer, spec.name, schema))
    except PiracyGraphError as exc:
        _fail(exc)
    finally:
        store.close()
    cut = f" (cut at {limit} nodes: {answer['not_shown']} not shown)" if answer.get("truncated") else ""
    console.print(
        f"wrote {output}: {len(answer['nodes'])} nodes, {len(answer['edges'])} relationships{cut}",
        highlight=False,
    )


def import_stix(
    path: Annotated[Path, typer.Argument(help="a STIX 2.1 bundle (JSON)")],
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """Load a STIX 2.1 bundle as a dossier would be loaded: checked whole, written whole."""
    from graph.store.stats import digest
    from loaders.stix import load_bundle_file

    try:
        store = _open(data_dir, graph)
    except PiracyGraphError as exc:
        _fail(exc)
        return
    try:
        result = load_bundle_file(store, get_schema(), path)
        console.print(
            f"loaded {result.path}: {result.nodes} nodes, {result.edges} relationships", highlight=False
        )
        for stix_id, reason in result.skipped:
            console.print(f"skipped {stix_id}: {reason}", markup=False, highlight=False)
        console.print(f"digest {digest(store)}", highlight=False)
    except PiracyGraphError as exc:
        _fail(exc)
    finally:
        store.close()
