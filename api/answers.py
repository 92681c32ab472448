"""Large graph answers go out as JSON without a second pass through their response model.

FastAPI validates a route's return value against its `response_model` before writing it:
for a 500-node neighbourhood that took 1.1 ms, longer than finding the answer in the
snapshot. The answers these routes return are built by graph/ in the models' exact shape
(tests/test_api_answers.py checks each against its model, on both neighbourhood paths, and
the schemathesis run checks every response against the OpenAPI document), so they are
written as they are. The routes keep `response_model` for the documentation.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Response


class JSONAnswer(Response):
    media_type = "application/json"


def json_answer(answer: dict[str, Any]) -> JSONAnswer:
    # orjson wrote these answers 4-5x as fast as pydantic_core.to_json, byte for byte the
    # same (tests/test_api_answers.py); pydantic_core took 0.35 ms for a median depth-1
    # answer at 10^5 (80 KB).
    return JSONAnswer(orjson.dumps(answer))
