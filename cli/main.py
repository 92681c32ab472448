"""`piracy-graph`: load dossiers, serve the API, show what the graph holds."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cli import coverage, interop, render, review
from graph.errors import DossierError, PiracyGraphError
from graph.model.schema import get_schema
from graph.settings import Settings, get_settings
from graph.store import Store, open_store, open_target
from graph.store.copy import copy_graph
from graph.store.stats import counts, digest
from loaders.load import check_document, dossier_files, load_paths, require_reviewed
from loaders.parse_pool import parsed_files
from loaders.pipeline import unload as unload_dossier
from loaders.resources import bundled_dossiers_dir
from loaders.review import graph_names, new_name_candidates
from loaders.yamlio import located

app = typer.Typer(
    help="piracy-graph: a knowledge graph of piracy networks and the operations that take them down.",
    no_args_is_help=True,
)
console = Console(stderr=True, soft_wrap=True)  # never cut a path or message mid-line

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="where the embedded engine keeps the graph [env PIRACY_GRAPH_DATA_DIR]"),
]
GraphName = Annotated[str | None, typer.Option("--graph", help="graph name [env PIRACY_GRAPH_GRAPH_NAME]")]


def _settings(data_dir: Path | None, graph: str | None) -> Settings:
    settings = get_settings()
    updates: dict[str, object] = {}
    if data_dir is not None:
        updates["data_dir"] = data_dir
    if graph is not None:
        updates["graph_name"] = graph
    return Settings.model_validate({**settings.model_dump(), **updates}) if updates else settings


def _fail(exc: PiracyGraphError) -> None:
    console.print("[bold red]error[/]:", end=" ")
    console.print(str(exc), markup=False, highlight=False)
    raise typer.Exit(code=2)


def _open(settings: Settings) -> Store:
    try:
        return open_store(settings)
    except PiracyGraphError as exc:
        _fail(exc)
        raise  # unreachable: _fail exits


@app.command()
def validate(paths: Annotated[list[Path], typer.Argument(help="dossier files or folders")]) -> None:
    """Check dossiers against the format and the schema without touching any graph."""
    from loaders.candidates import candidates
    from loaders.judgements import judgements
    from loaders.review import gazetteer_names, plan_names

    schema = get_schema()
    failed = 0
    plans = []
    try:
        files = dossier_files(paths)
    except PiracyGraphError as exc:
        _fail(exc)
    for parsed in parsed_files(files):
        path = parsed.path
        try:
            dossier, plan = check_document(parsed.get(), str(path), schema, screened=parsed.screened)
            require_reviewed(dossier, str(path))
            console.print(f"[green]ok[/] {path}")
            plans.append(plan)
        except PiracyGraphError as exc:
            failed += 1
            shown = located(exc, parsed.data) if isinstance(exc, DossierError) else exc
            console.print("[red]invalid[/]", end=" ")
            console.print(str(shown), markup=False, highlight=False)
    named = plan_names(plans, schema)
    review.print_candidates(
        candidates(named, judgements(), among=[*named, *gazetteer_names()]),
        heading="names that closely resemble others (these files and the reviewed names)",
    )
    if failed:
        raise typer.Exit(code=1)


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="dossier files or folders")],
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """Load dossiers (all validated first; each written whole or not at all)."""
    settings = _settings(data_dir, graph)
    store = _open(settings)
    try:
        files = dossier_files(paths)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("loading dossiers", total=len(files))
            before = {named.id for named in graph_names(store, get_schema())}
            results = load_paths(store, get_schema(), files, on_file=lambda _: progress.advance(task))
        for result in results:
            console.print(
                f"loaded {result.path}: {result.nodes} nodes, {result.edges} relationships", highlight=False
            )
        review.print_candidates(
            new_name_candidates(store, get_schema(), before), heading="new names that closely resemble others"
        )
        console.print(f"digest {digest(store)}", highlight=False)
    except PiracyGraphError as exc:
        _fail(exc)
    finally:
        store.close()


@app.command()
def unload(
    dossier: Annotated[str, typer.Argument(help="the dossier's id (its `id:` field)")],
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """Remove one dossier's statements, and what only it supported (all or nothing)."""
    settings = _settings(data_dir, graph)
    store = _open(settings)
    try:
        removed = unload_dossier(store, get_schema(), dossier)
        console.print(
            f"unloaded {dossier}: {len(removed.delete_nodes)} nodes and {len(removed.delete_edges)} "
            f"relationships removed, {len(removed.update_nodes)} nodes and "
            f"{len(removed.update_edges)} relationships changed",
            highlight=False,
        )
        console.print(f"digest {digest(store)}", highlight=False)
    except PiracyGraphError as exc:
        _fail(exc)
    finally:
        store.close()


@app.command()
def stats(
    data_dir: DataDir = None,
    graph: GraphName = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Counts by label and relationship type, and the digest of the graph's content."""
    settings = _settings(data_dir, graph)
    store = _open(settings)
    try:
        summary = {"graph": settings.graph_name, **counts(store), "digest": digest(store)}
    except PiracyGraphError as exc:
        _fail(exc)
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    table = Table("kind", "name", "count")
    for kind in ("nodes", "relationships"):
        for name, count in summary[kind].items():  # type: ignore[attr-defined]
            table.add_row(kind, name, str(count))
    Console().print(table)
    Console().print(f"digest {summary['digest']}", highlight=False)


@app.command()
def copy(
    to: Annotated[
        str,
        typer.Option("--to", help="target: redis://[:password@]host:port or neo4j[+s]://host, bolt://host"),
    ],
    to_graph: Annotated[str, typer.Option(help="graph name on a FalkorDB target")] = "piracy",
    to_user: Annotated[str, typer.Option(help="Neo4j user")] = "neo4j",
    to_password: Annotated[
        str,
        typer.Option(
            envvar="PIRACY_GRAPH_COPY_PASSWORD", help="Neo4j password [env PIRACY_GRAPH_COPY_PASSWORD]"
        ),
    ] = "",
    to_database: Annotated[str | None, typer.Option(help="Neo4j database (default: the server's)")] = None,
    batch: Annotated[int, typer.Option(min=1, max=50_000, help="nodes per batch")] = 2000,
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """Copy the graph to another store in batches, then compare both digests."""
    source = _open(_settings(data_dir, graph))
    try:
        target = open_target(
            to, graph_name=to_graph, user=to_user, password=to_password, database=to_database
        )
    except PiracyGraphError as exc:
        source.close()
        _fail(exc)
        return
    try:
        with Progress(
            TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True
        ) as bar:
            task = bar.add_task("copying")
            result = copy_graph(
                source,
                target,
                get_schema(),
                batch=batch,
                on_batch=lambda n, r: bar.update(task, description=f"copied {n} nodes, {r} relationships"),
            )
    except PiracyGraphError as exc:
        _fail(exc)
        return
    finally:
        target.close()
        source.close()
    console.print(f"copied {result.nodes} nodes and {result.relationships} relationships", highlight=False)
    console.print(f"source digest {result.source_digest}", highlight=False)
    console.print(f"target digest {result.target_digest}", highlight=False)
    if not result.identical:
        console.print("[bold red]the digests differ[/]: the target held other data, or the copy was cut")
        raise typer.Exit(code=1)


render_app = typer.Typer(
    help="Write a view to a self-contained HTML file (or .svg for print).", no_args_is_help=True
)
app.add_typer(render_app, name="render")
Output = Annotated[Path, typer.Option("--output", "-o", help="the file to write: .html, or .svg for print")]
BaseUrl = Annotated[str, typer.Option(help="where the page's links point, e.g. http://127.0.0.1:8000")]


def _render(data_dir: Path | None, graph: str | None, draw: Callable[[Store], None], output: Path) -> None:
    store = _open(_settings(data_dir, graph))
    try:
        draw(store)
    except PiracyGraphError as exc:
        _fail(exc)
    finally:
        store.close()
    console.print(f"wrote {output}", highlight=False)


@render_app.command("neighbours")
def render_neighbours(
    entity_id: Annotated[str, typer.Argument(help="an entity id, e.g. group:sparks")],
    output: Output,
    depth: Annotated[int, typer.Option(min=1, max=3)] = 1,
    limit: Annotated[int, typer.Option(min=1, max=5000)] = 150,
    base_url: BaseUrl = "",
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """An entity's neighbourhood."""
    _render(
        data_dir,
        graph,
        lambda s: render.neighbours_view(s, entity_id, depth, limit, output, base_url),
        output,
    )


@render_app.command("paths")
def render_paths(
    source: Annotated[str, typer.Argument(help="from: an entity id")],
    target: Annotated[str, typer.Argument(help="to: an entity id")],
    output: Output,
    k: Annotated[int, typer.Option(min=1, max=10)] = 3,
    max_hops: Annotated[int, typer.Option(min=1, max=8)] = 6,
    base_url: BaseUrl = "",
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """The k shortest paths between two entities."""
    _render(
        data_dir, graph, lambda s: render.paths_view(s, source, target, k, max_hops, output, base_url), output
    )


@render_app.command("operation")
def render_operation(
    entity_id: Annotated[str, typer.Argument(help="an operation id, e.g. operation:2020-sparks")],
    output: Output,
    base_url: BaseUrl = "",
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """An operation's page: its dossier panel beside its graph."""
    _render(data_dir, graph, lambda s: render.operation_page(s, entity_id, output, base_url), output)


@render_app.command("query")
def render_query(
    name: Annotated[str, typer.Argument(help="a named query, e.g. servers_by_country")],
    output: Output,
    param: Annotated[list[str], typer.Option("--param", "-p", help="name=value, repeatable")] = [],  # noqa: B006
    base_url: BaseUrl = "",
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """The entities a named query returns and the relationships among them."""
    params = dict(item.split("=", 1) for item in param if "=" in item)
    _render(data_dir, graph, lambda s: render.query_view(s, name, params, output, base_url), output)


@render_app.command("graph")
def render_graph(
    output: Output,
    limit: Annotated[int, typer.Option(min=1, max=5000)] = 500,
    base_url: BaseUrl = "",
    data_dir: DataDir = None,
    graph: GraphName = None,
) -> None:
    """The whole graph, bounded to its most connected nodes."""
    _render(data_dir, graph, lambda s: render.graph_view(s, limit, output, base_url), output)


@app.command()
def serve(
    data_dir: DataDir = None,
    graph: GraphName = None,
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
) -> None:
    """Serve the HTTP API (loads the bundled dossiers on first start)."""
    import uvicorn

    from api.app import create_app

    settings = _settings(data_dir, graph)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    console.print(f"bundled dossiers: {bundled_dossiers_dir()}", highlight=False)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


# Interoperability: the graph in and out of other tools (cli/interop.py).
app.command("export")(interop.export)
app.command("import-stix")(interop.import_stix)
app.command("resolve")(review.resolve)
app.command("coverage")(coverage.coverage)


@app.command("extract")
def extract_command(
    article: Annotated[
        Path, typer.Argument(help="the article's plain text (UTF-8), or - for standard input")
    ],
    url: Annotated[str | None, typer.Option(help="the article's URL (its source key)")] = None,
    published: Annotated[
        str | None, typer.Option(help="publication date, YYYY-MM-DD: resolves 'le 25 août'")
    ] = None,
    lang: Annotated[str, typer.Option(help="fr, en, it, es, de, pt, or auto")] = "auto",
    publisher: Annotated[str | None, typer.Option(help="who published it (default: the URL's host)")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write the draft here, not to stdout")
    ] = None,
    review: Annotated[
        Path | None,
        typer.Option(help="also write the review page here: the article with every drafted fact marked"),
    ] = None,
) -> None:
    """Draft a dossier from a news article (French, English, Italian, Spanish, Portuguese,
    German): every fact with its span; reviewed: false, so load refuses it until a person
    has checked it."""
    from cli.extract import extract, summary, write_review_page

    try:
        dossier, text, article_text = extract(article, url, published, lang, publisher)
        if review is not None:
            write_review_page(dossier, article_text, review)
    except PiracyGraphError as exc:
        _fail(exc)
        return
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {output}", highlight=False)
    if review is not None:
        console.print(f"wrote {review}", highlight=False)
    console.print(summary(dossier), highlight=False)


@app.command("draft-page")
def draft_page_command(
    draft: Annotated[
        Path, typer.Argument(help="a drafted dossier (YAML), as extract wrote it or after edits")
    ],
    article: Annotated[Path, typer.Argument(help="the article's plain text the draft was made from")],
    output: Annotated[Path, typer.Option("--output", "-o", help="the page to write")],
) -> None:
    """The review page of a draft: the article with every fact's spans marked and the facts
    beside it, each linking to the words it was read from (one file, no script)."""
    from cli.extract import draft_page

    try:
        dossier = draft_page(draft, article, output)
    except PiracyGraphError as exc:
        _fail(exc)
        return
    console.print(
        f"wrote {output} ({dossier.id}, reviewed: {str(dossier.reviewed).lower()})", highlight=False
    )


@app.command()
def bench(
    quick: Annotated[
        bool, typer.Option("--quick", help="10^4 nodes, short samples: under 3 minutes")
    ] = False,
    nodes: Annotated[list[int] | None, typer.Option("--nodes", help="scales to run, repeatable")] = None,
) -> None:
    """Benchmarks: load, queries, API, views; tables on stdout, JSON in bench/results/."""
    from cli.bench import run_benchmarks

    raise typer.Exit(run_benchmarks(quick, nodes or None))


if __name__ == "__main__":
    app()
