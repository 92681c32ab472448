"""Dependencies shared by routers: the store and the schema, from the app's state."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.schema import Schema, get_schema
from graph.store import Store


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
SchemaDep = Annotated[Schema, Depends(get_schema)]
