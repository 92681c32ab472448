"""Deterministic ids from natural keys, and the normal form used to match names."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Signs that change what a name means are spelled out, not dropped: "Disney+" (the
# streaming service) is not "Disney" (the studio), and "Canal+" is "Canal Plus".
# "+" and "&" carry meaning (Disney+ is not Disney); the letters below have no accent to
# strip, so without them "Økokrim" would fold to "kokrim".
_MEANINGFUL = str.maketrans(
    {
        "+": " plus ",
        "&": " and ",
        **dict.fromkeys("øØ", "o"),
        **dict.fromkeys("æÆ", "ae"),
        **dict.fromkeys("œŒ", "oe"),
        **dict.fromkeys("đĐðÐ", "d"),
        **dict.fromkeys("łŁ", "l"),
        **dict.fromkeys("þÞ", "th"),
        "ß": "ss",
        "ı": "i",
    }
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: 'Policía  Nacional!' -> 'policia
    nacional'; '+' and '&' read as 'plus' and 'and'."""
    text = text.translate(_MEANINGFUL)
    if text.isascii():  # nothing to decompose; casefold is lower for ASCII
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", stripped.casefold()).strip()


def slug(text: str) -> str:
    """'Guardia di Finanza' -> 'guardia-di-finanza'."""
    return fold(text).replace(" ", "-")


def node_id(prefix: str, natural_key: str) -> str:
    return f"{prefix}:{slug(natural_key)}"


def short_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def source_id(url: str | None, document: str | None) -> str:
    """Sources are keyed by their URL (or, for a document without one, its name)."""
    key = normalise_url(url) if url else f"document:{document}"
    return f"source:{short_hash(key)}"


def normalise_url(url: str) -> str:
    # The same page cited as http/https, with or without a trailing slash, is one source.
    url = url.strip()
    url = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    url = re.sub(r"^www\.", "", url, flags=re.IGNORECASE)
    return url.rstrip("/")


def edge_id(rel_type: str, source: str, target: str, key: str | None = None) -> str:
    """Parallel edges of one type between two nodes are told apart by `key`."""
    base = f"{source}|{rel_type}|{target}"
    return f"{base}|{slug(key)}" if key else base
