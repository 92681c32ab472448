"""/docs and /redoc stay on this host: Swagger UI and ReDoc are served from the
fastapi-offline package, and a Content-Security-Policy stops the requests the two UIs still
make by default (ReDoc's logo from its CDN)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

DOCS_PAGES = frozenset({"/docs", "/redoc"})
# Both UIs start from an inline script; ReDoc runs its search in a worker made from a blob.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'"
)


def keep_docs_on_this_host(app: FastAPI) -> None:
    @app.middleware("http")
    async def docs_policy(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        if request.url.path in DOCS_PAGES:
            response.headers["Content-Security-Policy"] = DOCS_POLICY
        return response
