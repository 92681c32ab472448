"""Links between entities: paths, what they share, and groups' links to other groups."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from api.answers import json_answer
from api.deps import CurrentSnapshotDep, ProjectionsDep, RedactorDep, SchemaDep, StoreDep
from api.errors import ErrorResponse
from api.models import Paths, Shared
from api.params import PathQueryDep, view_links
from graph.query.paths import paths
from graph.query.shared import shared

router = APIRouter(tags=["links"])
ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}}


@router.get(
    "/paths", response_model=Paths, responses=ERRORS, summary="The k shortest paths between two entities"
)
def get_paths(
    request: Request,
    store: StoreDep,
    schema: SchemaDep,
    projections: ProjectionsDep,
    redactor: RedactorDep,
    ask: PathQueryDep,
) -> Response:
    """Undirected, shortest first; each path lists every relationship between consecutive
    nodes, and `sources` resolves what each one cites. Provenance relationships (REPORTS,
    CITES, ABOUT, CLAIMED_BY) are left out unless named in `types`; `labels` restricts the
    nodes a path may pass through."""
    answer = paths(store, schema, projections, ask.source, ask.target, **ask.kwargs(), redactor=redactor)
    return json_answer({**answer, "links": view_links(request, "/views/paths")})


@router.get(
    "/shared", response_model=Shared, responses=ERRORS, summary="What two or more entities have in common"
)
def get_shared(
    request: Request,
    store: StoreDep,
    redactor: RedactorDep,
    snapshot: CurrentSnapshotDep,
    ids: Annotated[
        list[str],
        Query(
            alias="id",
            min_length=2,
            max_length=10,
            examples=[["operation:2020-sparks", "operation:2020-perfect-storm"]],
        ),
    ],
) -> Response:
    """Common neighbours (agencies, countries, platforms, servers, people, operations...),
    with the relationships that tie each entity to them."""
    return json_answer(
        {
            **shared(store, ids, redactor=redactor, reader=snapshot),
            "links": view_links(request, "/views/shared"),
        }
    )
