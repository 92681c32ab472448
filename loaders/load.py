"""Load dossiers: read -> validate -> statements -> write (loaders/pipeline.py), all-or-nothing
per dossier."""

from __future__ import annotations

import gc
import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import DossierError, InvalidInput
from graph.model.plan import Plan
from graph.model.schema import Schema, get_schema
from graph.store.base import Store
from graph.store.stats import counts
from loaders.dossier import Dossier, parse_dossier
from loaders.parse_pool import parsed_files
from loaders.pipeline import files_loaded, write_plans
from loaders.resolve import build_plan
from loaders.resources import bundled_dossiers_dir
from loaders.yamlio import located, read_dossier_bytes, read_dossier_file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadResult:
    path: str
    dossier: str
    nodes: int
    edges: int


def require_reviewed(dossier: Dossier, name: str) -> None:
    if not dossier.reviewed:
        raise DossierError(
            name, [("reviewed", "this is an unreviewed draft; check it, then set reviewed: true")]
        )


def validate_file(path: Path, schema: Schema) -> Dossier:
    """Format, schema and the dossier's own consistency (two entities resolving to one
    node with different values), without looking at any graph."""
    return check_document(read_dossier_file(path), str(path), schema)[0]


def check_document(
    document: Any, name: str, schema: Schema, *, screened: bool = False
) -> tuple[Dossier, Plan]:
    """`validate_file` for a document already read and parsed (and `screened` for hostile
    text, see dossier.parse_dossier), with the statements it makes (its plan)."""
    dossier = parse_dossier(document, name, schema, screened=screened)
    return dossier, build_plan(dossier, schema, name)


def load_dossier(
    store: Store, schema: Schema, dossier: Dossier, name: str, file_sha256: str | None = None
) -> LoadResult:
    plan = build_plan(dossier, schema, name)
    if file_sha256:
        plan.files[dossier.id] = file_sha256
    write_plans(store, schema, [plan])
    log.info("loaded %s: %d nodes, %d edges", name, len(plan.nodes), len(plan.edges))
    return LoadResult(name, dossier.id, len(plan.nodes), len(plan.edges))


def load_bytes(store: Store, schema: Schema, data: bytes, name: str) -> LoadResult:
    try:
        dossier = parse_dossier(read_dossier_bytes(data, name), name, schema)
    except DossierError as exc:
        raise located(exc, data) from None
    require_reviewed(dossier, name)
    return load_dossier(store, schema, dossier, name, hashlib.sha256(data).hexdigest())


def dossier_files(paths: Iterable[Path]) -> list[Path]:
    """Files to load: each path itself, or a folder's *.yaml / *.yml, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise InvalidInput(f"{path}: no such file or folder")
    return files


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while loading. A load keeps every parsed dossier and
    plan alive and makes millions of small objects; each collection walked all of them
    again, which cost about as much as parsing (and grew faster than the data). Objects
    without reference cycles are still freed by reference counting meanwhile; a cycle made
    during the load waits for the next collection after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_paths(
    store: Store,
    schema: Schema,
    paths: Iterable[Path],
    on_file: Callable[[Path], None] | None = None,
    workers: int | None = None,
) -> list[LoadResult]:
    """Validate every file first, so a bad file in a folder stops the load before any
    write; then write the dossiers in chunks, each dossier all-or-nothing (loaders/batch.py).
    `workers`: processes that parse large folders' YAML (loaders/parse_pool.py; None: one
    per CPU, 0: none)."""
    with gc_paused():
        return _load_paths(store, schema, paths, on_file, workers)


def _load_paths(
    store: Store,
    schema: Schema,
    paths: Iterable[Path],
    on_file: Callable[[Path], None] | None,
    workers: int | None,
) -> list[LoadResult]:
    files = dossier_files(paths)
    # A file the graph holds byte for byte, as this loader read it, is neither read nor
    # written again: loading a folder again costs what changed in it.
    sha256s = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}
    held = files_loaded(store, sorted(set(sha256s.values())))
    kept = {path: held[sha] for path, sha in sha256s.items() if sha in held}
    # Each dossier is kept as the statements it makes (its plan), not as the parsed model.
    plans: list[tuple[Path, Plan]] = []
    problems: list[DossierError] = []
    for parsed in parsed_files([path for path in files if path not in kept], workers):
        path = parsed.path
        try:
            dossier, plan = check_document(parsed.get(), str(path), schema, screened=parsed.screened)
            require_reviewed(dossier, str(path))
        except DossierError as exc:
            problems.append(located(exc, parsed.data))
            continue
        plan.files[dossier.id] = sha256s[path]
        plans.append((path, plan))
    if problems:
        if len(problems) == 1:
            raise problems[0]
        raise DossierError(f"{len(problems)} dossiers", [(exc.path, str(exc)) for exc in problems])
    ids = Counter([plan.dossier for _, plan in plans] + [dossier_id for dossier_id, _ in kept.values()])
    duplicated = sorted(i for i, n in ids.items() if n > 1)
    if duplicated:
        named = [str(p) for p, plan in plans if plan.dossier in duplicated]
        named += [str(p) for p, (dossier_id, _) in kept.items() if dossier_id in duplicated]
        raise DossierError(
            ", ".join(sorted(named)),
            [("id", f"dossier id {i!r} appears in more than one file") for i in duplicated],
        )
    path_of = {plan.dossier: path for path, plan in plans}

    def written(plan: Plan) -> None:
        if on_file:
            on_file(path_of[plan.dossier])

    done = write_plans(store, schema, [plan for _, plan in plans], on_written=written)
    results = [LoadResult(str(path_of[w.dossier]), w.dossier, w.nodes, w.edges) for w in done]
    for path, (dossier_id, record) in kept.items():
        if on_file:
            on_file(path)
        results.append(LoadResult(str(path), dossier_id, len(record.nodes), len(record.edges)))
    order = {path: i for i, path in enumerate(files)}
    return sorted(results, key=lambda result: order[Path(result.path)])


def load_bundled_if_empty(store: Store) -> None:
    """A new graph starts with the bundled dossiers, so that it answers from the first run."""
    if counts(store)["nodes"]:
        return
    folder = bundled_dossiers_dir()
    results = load_paths(store, get_schema(), [folder])
    log.info("empty graph: loaded %d bundled dossiers from %s", len(results), folder)
