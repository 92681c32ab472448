"""GET /entities/{id}: one entity with provenance and degree by relationship type."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import SchemaDep, StoreDep
from api.errors import ErrorResponse
from api.models import EntityDetail
from graph.entities import entity_detail

router = APIRouter(tags=["entities"])

EntityId = Annotated[
    str, Path(min_length=3, max_length=300, pattern=r"^[a-z]+:\S+$", examples=["group:sparks", "country:GB"])
]


@router.get(
    "/entities/{entity_id}",
    response_model=EntityDetail,
    responses={404: {"model": ErrorResponse}},
    summary="One entity with its properties, sources and degree by type",
)
def get_entity(entity_id: EntityId, store: StoreDep, schema: SchemaDep) -> EntityDetail:
    return EntityDetail.model_validate(entity_detail(store, schema, entity_id))
