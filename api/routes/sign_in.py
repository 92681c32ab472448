"""Signing a browser in and out on a server with API keys (see api/session.py)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from api.security import Unauthenticated
from api.session import COOKIE, LIFETIME_S, Sessions, safe_next
from graph.access import KeyRing
from graph.render.network import environment

router = APIRouter(tags=["sign-in"])


class SignIn(BaseModel):
    key: str = Field(min_length=1, max_length=500, description="an API key from the keys file")


@router.get(
    "/login",
    summary="The sign-in page for browsers",
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "the page"}},
)
def login_page(
    request: Request,
    next: Annotated[str | None, Query(max_length=2000, description="the page to open after")] = None,
) -> HTMLResponse:
    keys: KeyRing = request.app.state.keys
    page = (
        environment()
        .get_template("login.html")
        .render(nonce=secrets.token_urlsafe(16), next=safe_next(next), needed=keys.configured)
    )
    return HTMLResponse(page)


@router.post(
    "/session",
    status_code=204,
    summary="Sign a browser in with an API key: a session cookie for reading",
    responses={401: {"description": "the key is not valid"}},
)
def sign_in(body: SignIn, request: Request) -> Response:
    keys: KeyRing = request.app.state.keys
    found = keys.authenticate(body.key)
    if found is None:
        request.app.state.audit.record(key_id=None, action="sign_in", outcome="refused", status=401)
        raise Unauthenticated("the API key is not valid")
    sessions: Sessions = request.app.state.sessions
    response = Response(status_code=204)
    response.set_cookie(
        COOKIE,
        sessions.issue(found),
        max_age=LIFETIME_S,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    request.app.state.audit.record(key_id=found.key_id, action="sign_in", outcome="ok")
    return response


@router.delete("/session", status_code=204, summary="Sign a browser out")
def sign_out(request: Request) -> Response:
    response = Response(status_code=204)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response
