"""One error shape for every failure: {"error": {"code", "message", "details"}}."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from graph.errors import DossierError, EngineUnavailable, InvalidInput, NotFound, PiracyGraphError

# The HTTP status of each library error: the nearest class in an error's ancestry decides.
STATUS: dict[type[Exception], int] = {
    InvalidInput: 422,
    NotFound: 404,
    EngineUnavailable: 503,
    PiracyGraphError: 500,
}


def status_of(exc: PiracyGraphError) -> int:
    """The HTTP status for `exc`: an API error class sets its own `status_code`."""
    own = getattr(exc, "status_code", None)
    if isinstance(own, int):
        return own
    return next(STATUS[cls] for cls in type(exc).__mro__ if cls in STATUS)


class ErrorBody(BaseModel):
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorResponse(BaseModel):
    error: ErrorBody


def _response(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> JSONResponse:
    body = ErrorResponse(error=ErrorBody(code=code, message=message, details=details or []))
    return JSONResponse(status_code=status, content=body.model_dump())


def _wants_a_page(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return request.method == "GET" and "text/html" in accept and "application/json" not in accept


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(PiracyGraphError)
    async def library_error(request: Request, exc: PiracyGraphError) -> Response:
        if status_of(exc) == 401 and _wants_a_page(request):
            # A person opening a page, not a program: show the sign-in page, then come back.
            back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?{urlencode({'next': back})}", status_code=303)
        details: list[dict[str, Any]] = []
        if isinstance(exc, DossierError):
            details = [{"field": field, "problem": problem} for field, problem in exc.problems]
        elif isinstance(exc, InvalidInput) and exc.field:
            details = [{"field": exc.field, "problem": str(exc)}]
        return _response(status_of(exc), exc.code, str(exc), details)

    @app.exception_handler(RequestValidationError)
    async def request_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = []
        for err in exc.errors():
            # query.labels, not query.labels.0: the field, whichever of its values is wrong.
            field = ".".join(str(part) for part in err["loc"] if not isinstance(part, int))
            problem = err["msg"]
            given = err.get("input")
            if isinstance(given, str | int | float) and not isinstance(given, bool):
                problem += f" (got {str(given)[:80]!r})"
            details.append({"field": field, "problem": problem})
        message = "; ".join(f"{d['field']}: {d['problem']}" for d in details) or "invalid parameters"
        return _response(422, "invalid_parameter", message, details)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _response(exc.status_code, code, str(exc.detail))
