"""STIX 2.1 bundles in: checked whole, then written whole by the one load pipeline.

A bundle holds two kinds of objects. Those of a piracy-graph export that carry their
statements come back exactly as the graph held them, dossier by dossier
(loaders/stix/restore.py). Every other object is read through its fields into one dossier,
which is checked and resolved like a file's (loaders/stix/as_dossier.py). Objects read
through their STIX fields are first checked against the official STIX 2.1 JSON schema of
their type (loaders/stix/official.py). Every problem names the object and the field, and a
bundle with one problem writes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import DossierError, InvalidInput
from graph.model.plan import Plan
from graph.model.schema import Schema
from graph.store.base import Store
from loaders.pipeline import merge_plans, write_plans
from loaders.resolve import build_plan
from loaders.stix.as_dossier import as_dossier
from loaders.stix.bundle import MAX_BUNDLE_BYTES, MAX_PROBLEMS, Bundle, ours, read_bundle_bytes
from loaders.stix.official import schema_problems
from loaders.stix.restore import restore

log = logging.getLogger(__name__)

__all__ = ["StixLoadResult", "load_bundle", "load_bundle_bytes", "load_bundle_file", "plan_bundle"]


@dataclass(frozen=True)
class StixLoadResult:
    path: str
    bundle: str
    nodes: int
    edges: int
    dossiers: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def plan_bundle(schema: Schema, raw: dict[str, Any], name: str) -> tuple[Plan, list[tuple[str, str]]]:
    """The bundle's statements as one plan (restored dossiers and the bundle's own), and
    the objects skipped with the reason; DossierError lists every problem found."""
    bundle = Bundle.of(raw, name)
    problems = [
        problem
        for sid, obj in bundle.objects.items()
        if ours(obj) is None
        for problem in schema_problems(obj, bundle.where[sid])
    ]
    if problems:
        raise DossierError(name, problems[:MAX_PROBLEMS])
    restored = restore(bundle, schema)
    if restored.problems:
        raise DossierError(name, restored.problems[:MAX_PROBLEMS])
    own = as_dossier(bundle, schema, restored)
    plans = list(restored.plans)
    if own.dossier is not None:
        plans.append(build_plan(own.dossier, schema, name))
    if not plans:
        raise DossierError(name, [("objects", "the bundle states no fact the graph can hold")])
    return merge_plans(plans), own.skipped


def load_bundle(store: Store, schema: Schema, raw: dict[str, Any], name: str) -> StixLoadResult:
    plan, skipped = plan_bundle(schema, raw, name)
    # One plan, so one all-or-nothing write.
    write_plans(store, schema, [plan])
    log.info(
        "loaded %s: %d nodes, %d edges, %d objects skipped",
        name,
        len(plan.nodes),
        len(plan.edges),
        len(skipped),
    )
    return StixLoadResult(name, raw["id"], len(plan.nodes), len(plan.edges), list(plan.dossiers), skipped)


def load_bundle_bytes(store: Store, schema: Schema, data: bytes, name: str) -> StixLoadResult:
    return load_bundle(store, schema, read_bundle_bytes(data, name), name)


def load_bundle_file(store: Store, schema: Schema, path: Path) -> StixLoadResult:
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file")
    if path.stat().st_size > MAX_BUNDLE_BYTES:
        raise DossierError(str(path), [("", f"the bundle is over {MAX_BUNDLE_BYTES} bytes")])
    return load_bundle_bytes(store, schema, path.read_bytes(), str(path))
