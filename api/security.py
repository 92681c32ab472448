"""Who is calling: an API key (Authorization: Bearer or X-API-Key) mapped to a role."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.session import COOKIE, READ_METHODS, Sessions
from graph.access import ANONYMOUS_READER, KeyRing, Principal, Role
from graph.errors import PiracyGraphError

bearer = HTTPBearer(auto_error=False, description="an API key as a bearer token")
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an API key")


class Unauthenticated(PiracyGraphError):
    status_code = 401
    code = "unauthenticated"


class Forbidden(PiracyGraphError):
    status_code = 403
    code = "forbidden"


async def principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    header_key: Annotated[str | None, Depends(api_key_header)],
) -> Principal:
    keys: KeyRing = request.app.state.keys
    presented = credentials.credentials if credentials else header_key
    if presented:
        found = keys.authenticate(presented)
        if found is None:
            raise Unauthenticated("the API key is not valid")
        request.state.key_id = found.key_id
        return found
    cookie = request.cookies.get(COOKIE)
    if cookie and request.method in READ_METHODS:
        sessions: Sessions = request.app.state.sessions
        signed_in = sessions.check(cookie, keys)
        if signed_in is None:
            raise Unauthenticated("the session has ended or is not valid: sign in again at /login")
        request.state.key_id = signed_in.key_id
        return signed_in
    if keys.configured:
        raise Unauthenticated("this server needs an API key (Authorization: Bearer <key>; browsers: /login)")
    return ANONYMOUS_READER


def requires(role: Role, *, always_keyed: bool = False) -> Any:
    """Dependency: the caller has at least `role`. `always_keyed` refuses anonymous callers
    even on a server without keys (writes and the console always need a key)."""

    async def check(who: Annotated[Principal, Depends(principal)]) -> Principal:
        if always_keyed and who is ANONYMOUS_READER:
            raise Unauthenticated(f"this needs an API key with the {role.name} role")
        if not who.can(role):
            raise Forbidden(f"this needs the {role.name} role; the key {who.key_id!r} is {who.role.name}")
        return who

    return Depends(check)


Reader = Annotated[Principal, requires(Role.reader)]
Analyst = Annotated[Principal, requires(Role.analyst, always_keyed=True)]
Writer = Annotated[Principal, requires(Role.writer, always_keyed=True)]
