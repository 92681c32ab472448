"""Exports: the whole graph (bounded), a neighbourhood, or any posted answer, as a file."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from api.deps import RedactorDep, SchemaDep, StoreDep, current_snapshot
from api.params import ID_PATTERN
from graph.errors import InvalidInput, NotFound
from graph.export.formats import FORMATS, render
from graph.export.subgraph import neighbours, of_answer, redacted, whole_graph

router = APIRouter(prefix="/exports", tags=["exports"])
FormatName = Annotated[
    str,
    Path(
        pattern="^(" + "|".join(FORMATS) + ")$",
        description="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()),
    ),
]
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {f.media_type: {} for f in FORMATS.values()}, "description": "the file"}
}
MAX_POSTED_NODES = 5_000


class AnswerNode(BaseModel):
    # Answers carry more (labels, properties, depth...); only the id is read: what is
    # exported is the node as the graph holds it, never what the caller sent.
    model_config = ConfigDict(extra="ignore")
    id: str = Field(pattern=ID_PATTERN, max_length=300)


class AnswerEdge(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str | None = Field(None, max_length=1000)


class GraphAnswer(BaseModel):
    """Any subgraph answer of this API (`/paths`, `/shared`, `/entities/{id}/neighbours`...)
    as it was returned; its other fields are ignored."""

    model_config = ConfigDict(extra="ignore")
    nodes: list[AnswerNode] = Field(min_length=1, max_length=MAX_POSTED_NODES)
    edges: list[AnswerEdge] | None = Field(None, max_length=50_000)


def _file(answer: dict[str, Any], fmt: str, schema: Any, redactor: Any, stem: str) -> Response:
    spec = FORMATS[fmt]
    body = render(redacted(answer, redactor), fmt, schema)
    headers = {"Content-Disposition": f'attachment; filename="{stem}{spec.suffix}"'}
    if answer.get("truncated"):
        headers["X-Truncated"] = "true"
        headers["X-Not-Shown"] = str(answer.get("not_shown", 0))
    return Response(body, media_type=spec.media_type, headers=headers)


@router.get(
    "/{fmt}", response_class=Response, responses=RESPONSES, summary="Export the graph or a neighbourhood"
)
def export_view(
    fmt: FormatName,
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    redactor: RedactorDep,
    view: Annotated[
        Literal["graph", "neighbours"], Query(description="the whole graph, or one neighbourhood")
    ] = "graph",
    entity_id: Annotated[
        str | None,
        Query(alias="id", pattern=ID_PATTERN, max_length=300, description="the centre, for view=neighbours"),
    ] = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    limit: Annotated[
        int, Query(ge=1, le=20_000, description="nodes at most; a cut export says X-Truncated")
    ] = 20_000,
) -> Response:
    """The whole graph (nodes in id order up to `limit`, with every relationship among
    them), or `view=neighbours&id=...&depth=...` like `/entities/{id}/neighbours`. People's
    names are hidden from keys without the right, as in every answer."""
    if view == "neighbours":
        if entity_id is None:
            raise InvalidInput("view=neighbours needs an id", field="query.id")
        answer = neighbours(
            store, schema, entity_id, depth=depth, limit=limit, reader=current_snapshot(request)
        )
        return _file(answer, fmt, schema, redactor, f"piracy-graph-{entity_id.replace(':', '-')}")
    return _file(whole_graph(store, limit=limit), fmt, schema, redactor, "piracy-graph")


@router.post("/{fmt}", response_class=Response, responses=RESPONSES, summary="Export a graph answer")
def export_answer(
    fmt: FormatName, body: GraphAnswer, store: StoreDep, schema: SchemaDep, redactor: RedactorDep
) -> Response:
    """POST any subgraph answer (for example what `/paths` returned): its nodes, and its
    edges when it lists them (else every relationship among the nodes), as the graph holds
    them now."""
    edge_ids = [e.id for e in body.edges if e.id] if body.edges is not None else None
    answer = of_answer(store, [n.id for n in body.nodes], edge_ids)
    if answer["not_found"]:
        raise NotFound(f"no entity {', '.join(answer['not_found'][:5])}")
    return _file(answer, fmt, schema, redactor, "piracy-graph-answer")
