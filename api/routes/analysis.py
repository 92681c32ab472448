"""Analytics, named queries and the read-only console."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from api.audit import AuditLog
from api.deps import ProjectionsDep, RedactorDep, SchemaDep, StoreDep
from api.errors import ErrorResponse
from api.models import Centrality, Communities, NamedQueryResult, QueryList, Rows
from api.params import Labels, Types, named_query_values
from api.security import Analyst, Forbidden
from graph.query.analytics import MEASURES, centrality, communities
from graph.query.catalogue import catalogue, run_named_query
from graph.query.console import MAX_ROWS, MAX_TIMEOUT_MS, run_console

router = APIRouter()
ERRORS: dict[int | str, dict[str, Any]] = {404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}}


@router.get(
    "/analytics/centrality",
    response_model=Centrality,
    tags=["analytics"],
    summary="Degree, betweenness or PageRank",
)
def get_centrality(
    store: StoreDep,
    schema: SchemaDep,
    projections: ProjectionsDep,
    redactor: RedactorDep,
    measure: Annotated[str, Query(pattern="^(" + "|".join(MEASURES) + ")$")] = "degree",
    labels: Labels = [],  # noqa: B006 - FastAPI copies defaults
    types: Types = [],  # noqa: B006
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> dict[str, Any]:
    """Scores over the projection of the chosen labels and relationship types (provenance
    relationships excluded unless named), highest first, each with its node."""
    result = centrality(store, schema, projections, measure=measure, labels=labels, types=types, limit=limit)
    return redactor.value(result) if redactor is not None else result


@router.get(
    "/analytics/communities", response_model=Communities, tags=["analytics"], summary="Communities (Louvain)"
)
def get_communities(
    store: StoreDep,
    schema: SchemaDep,
    projections: ProjectionsDep,
    redactor: RedactorDep,
    labels: Labels = [],  # noqa: B006
    types: Types = [],  # noqa: B006
    min_size: Annotated[int, Query(ge=1, le=10_000)] = 2,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    result = communities(
        store, schema, projections, labels=labels, types=types, min_size=min_size, limit=limit
    )
    return redactor.value(result) if redactor is not None else result


@router.get(
    "/queries", response_model=QueryList, tags=["queries"], summary="The named queries, with their parameters"
)
def list_queries() -> dict[str, Any]:
    return {
        "queries": [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "parameters": [
                    {"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                    for p in q.parameters
                ],
                "cypher": q.text,
            }
            for q in catalogue().values()
        ]
    }


@router.get(
    "/queries/{name}",
    response_model=NamedQueryResult,
    tags=["queries"],
    responses=ERRORS,
    summary="Run a named query",
)
def get_named_query(
    name: Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{0,63}$", examples=["servers_by_country"])],
    request: Request,
    store: StoreDep,
    redactor: RedactorDep,
) -> dict[str, Any]:
    """Parameters come as query-string values (`?group=group:sparks`), checked against the
    query's declared types; the query runs read-only with a time limit."""
    answer = run_named_query(store, name, named_query_values(request))
    return redactor.value(answer) if redactor is not None else answer


class ConsoleRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(
        min_length=1, max_length=10_000, examples=["MATCH (g:Group) RETURN g.name AS name LIMIT 5"]
    )
    params: dict[str, Any] = Field(default_factory=dict, examples=[{}])
    limit: int = Field(100, ge=1, le=MAX_ROWS)
    timeout_ms: int = Field(2_000, ge=10, le=MAX_TIMEOUT_MS)


@router.post(
    "/cypher",
    response_model=Rows,
    tags=["console"],
    responses=ERRORS,
    summary="Read-only Cypher console (analyst key)",
)
def post_cypher(body: ConsoleRequest, who: Analyst, store: StoreDep, request: Request) -> dict[str, Any]:
    """The engine refuses anything that writes. Rows and time are bounded. The console
    shows raw data, so it needs a key that may also see people's names."""
    audit: AuditLog = request.app.state.audit
    with audit.action(who.key_id, "console", query=body.query, params=body.params) as details:
        if not who.see_names:
            raise Forbidden(
                "the console shows raw data, people's names included: it needs a key with see_names"
            )
        result = run_console(store, body.query, body.params, limit=body.limit, timeout_ms=body.timeout_ms)
        details.update(rows=result["row_count"])
    return result
