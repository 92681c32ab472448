"""Browser sessions on a server with API keys.

A browser cannot put a key in a header when it opens a page, so a reader signs in once
(`/login`: the key goes in a JSON body to `POST /session`) and gets a cookie that stands
for that key: `key id . expiry . HMAC`, signed with a secret that lives only in the
server's memory (a restart signs everyone out; a key removed from the keys file stops
working at the next restart). The cookie is HttpOnly and SameSite=Strict, and it is
accepted for reading only (GET and HEAD): a write always needs the key itself, so no other
site can make a signed-in browser change the graph.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from graph.access import KeyRing, Principal

COOKIE = "piracy_graph_session"
LIFETIME_S = 12 * 3600
READ_METHODS = frozenset({"GET", "HEAD"})
_EXPIRES = re.compile(r"[0-9]{1,12}")


@dataclass(frozen=True)
class Sessions:
    """Signs and checks session cookies for one running server."""

    secret: bytes

    @classmethod
    def new(cls) -> Sessions:
        return cls(secrets.token_bytes(32))

    def _mac(self, key_id: str, expires: int) -> str:
        return hmac.new(self.secret, f"{key_id}\n{expires}".encode(), hashlib.sha256).hexdigest()

    def issue(self, principal: Principal, now: float | None = None) -> str:
        expires = int(now if now is not None else time.time()) + LIFETIME_S
        return f"{principal.key_id}.{expires}.{self._mac(principal.key_id, expires)}"

    def check(self, cookie: str, keys: KeyRing, now: float | None = None) -> Principal | None:
        """The key a cookie stands for, as the keys file says now; None when the cookie is
        forged, expired, or names a key that is gone."""
        parts = cookie.rsplit(".", 2)
        if len(parts) != 3 or not _EXPIRES.fullmatch(parts[1]):
            return None
        key_id, expires_text, mac = parts
        expires = int(expires_text)
        # As bytes: a forged cookie may hold any character, and compare_digest takes only
        # ASCII text.
        if not hmac.compare_digest(mac.encode(), self._mac(key_id, expires).encode()):
            return None
        if expires < (now if now is not None else time.time()):
            return None
        return keys.principal(key_id)


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this server, never another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target
