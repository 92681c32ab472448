"""Dossier upload for writers: validated whole, written whole or not at all."""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from api.audit import AuditLog
from api.deps import SchemaDep, StoreDep
from api.errors import ErrorResponse
from api.models import DossierLoaded, DossierUnloaded
from api.security import Writer
from graph.errors import InvalidInput
from loaders.dossier import DOSSIER_ID
from loaders.load import load_bytes
from loaders.pipeline import unload
from loaders.review import graph_names, new_name_candidates
from loaders.yamlio import MAX_DOSSIER_BYTES

router = APIRouter(tags=["dossiers"])


def safe_name(name: str) -> str:
    """A display name for messages: the last path part, plain characters only."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")[:100]
    return cleaned or "upload.yaml"


@router.post(
    "/dossiers",
    response_model=DossierLoaded,
    status_code=201,
    responses={413: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    summary="Upload one dossier (writer key)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/yaml": {"schema": {"type": "string"}}},
        }
    },
)
async def post_dossier(
    request: Request,
    who: Writer,
    store: StoreDep,
    schema: SchemaDep,
    name: Annotated[str, Query(max_length=200, description="the file's name, for messages")] = "upload.yaml",
) -> dict[str, Any]:
    """The body is the dossier's YAML. Errors name the field and the problem; nothing is
    written unless the whole dossier is valid."""
    audit: AuditLog = request.app.state.audit

    def too_large(size: int) -> TooLarge:
        audit.record(
            key_id=who.key_id,
            action="upload_dossier",
            name=safe_name(name),
            bytes=size,
            outcome="refused",
            status=413,
            error="too_large",
        )
        return TooLarge(f"the dossier is over the {MAX_DOSSIER_BYTES}-byte limit for one dossier")

    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_DOSSIER_BYTES:
        raise too_large(int(declared))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_DOSSIER_BYTES:
            raise too_large(len(body))
    data = bytes(body)
    if not data:
        raise InvalidInput(f"{safe_name(name)}: the file is empty", field="body")
    with audit.action(
        who.key_id,
        "upload_dossier",
        name=safe_name(name),
        bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    ) as details:
        before = {named.id for named in graph_names(store, schema)}
        result = load_bytes(store, schema, data, safe_name(name))
        details.update(dossier=result.dossier, nodes=result.nodes, edges=result.edges)
    found = new_name_candidates(store, schema, before)
    return {
        "dossier": result.dossier,
        "nodes": result.nodes,
        "edges": result.edges,
        "loaded_by": who.key_id,
        "candidates": [c.as_dict() for c in found],
    }


@router.delete(
    "/dossiers/{dossier}",
    response_model=DossierUnloaded,
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
    summary="Unload one dossier (writer key)",
)
def delete_dossier(
    request: Request,
    who: Writer,
    store: StoreDep,
    schema: SchemaDep,
    dossier: Annotated[str, Path(pattern=DOSSIER_ID, description="the dossier's id")],
) -> dict[str, Any]:
    """Removes the dossier's statements, and the nodes and relationships only it
    supported; the values of the others are derived again without it. All or nothing."""
    audit: AuditLog = request.app.state.audit
    with audit.action(who.key_id, "unload_dossier", dossier=dossier) as details:
        changes = unload(store, schema, dossier)
        details.update(nodes=len(changes.delete_nodes), edges=len(changes.delete_edges))
    return {
        "dossier": dossier,
        "nodes_removed": len(changes.delete_nodes),
        "edges_removed": len(changes.delete_edges),
        "nodes_changed": len(changes.update_nodes),
        "edges_changed": len(changes.update_edges),
        "unloaded_by": who.key_id,
    }


class TooLarge(InvalidInput):
    status_code = 413
    code = "too_large"
