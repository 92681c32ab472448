"""Schemathesis against the live OpenAPI schema, on the real engine: no 5xx, no response
that breaks the schema. Bounded: a few generated requests per read operation.

Driven through schemathesis' Python API with hypothesis (its pytest plugin does not run
under this pytest version).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.app import create_app
from graph.settings import Settings
from graph.store.embedded import EmbeddedEngine
from graph.store.falkordb import FalkorDBStore
from tests.clients import graph_name_of
from tests.keys import write_keys

pytestmark = pytest.mark.both_engines

EXAMPLES_PER_OPERATION = 6


READER_KEY = "fuzz-reader-key-0123456789"


@pytest.fixture(scope="module")
def api_schema(
    bundled_store: FalkorDBStore, engine: EmbeddedEngine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    # With keys configured, so that schemathesis' authentication checks have a meaning.
    keys = write_keys(tmp_path_factory.mktemp("fuzz") / "keys.yaml", {"r": (READER_KEY, "reader", False)})
    config = Settings(
        data_dir=engine.data_dir,
        graph_name=graph_name_of(bundled_store),
        api_keys_file=keys,
        load_bundled_on_start=False,
    )
    app = create_app(config, store=bundled_store)
    with TestClient(app):  # runs the lifespan, so the app holds its store
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def read_operations(api_schema: Any) -> list[Any]:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    return [op for op in operations if op.method.upper() == "GET"]


def test_the_schema_has_every_read_operation(api_schema: Any) -> None:
    assert len(read_operations(api_schema)) >= 25


def test_no_read_operation_answers_5xx_or_breaks_its_schema(api_schema: Any) -> None:
    failures: list[str] = []
    for operation in read_operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            case.call_and_validate(
                headers={"Authorization": f"Bearer {READER_KEY}"},
                # Our 422s also check what a schema cannot say (a path between an entity and
                # itself, a real calendar date): every other check stays on.
                excluded_checks=[positive_data_acceptance],
            )

        try:
            check()
        except Exception as exc:
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:600]}")
    assert failures == []
