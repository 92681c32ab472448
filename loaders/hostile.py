"""Text that has no business in a dossier: markup, script, Cypher statements, control bytes.

Values never reach Cypher text and views show every value as text, so such content could
do no harm; it is refused all the same, because in a dossier it is a sign of a hostile or
broken file, and evidence should not carry it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|javascript\s*:|\bon[a-z]{3,20}\s*=", re.IGNORECASE)
_CYPHER = re.compile(
    r"\b(?:DETACH\s+DELETE|MATCH\s*\(|MERGE\s*\(|CREATE\s*\(|CREATE\s+(?:INDEX|CONSTRAINT)|"
    r"DROP\s+(?:INDEX|CONSTRAINT)|CALL\s+(?:db|dbms|algo|apoc|gds)\s*\.|LOAD\s+CSV|"
    r"RETURN\s+\w+\s*(?://|;)|\bSET\s+\w+\s*[.:+=])",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def problem_with(text: str) -> str | None:
    if _CONTROL.search(text):
        return "contains control or bidirectional-override characters"
    if _MARKUP.search(text):
        return "looks like HTML markup or script; dossier values are plain text"
    if _CYPHER.search(text):
        return "looks like a Cypher statement; dossier values are plain text"
    return None


def strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a parsed document, keys included, with its field path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            if isinstance(key, str):
                yield child, key
            yield from strings(item, child)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{path}[{index}]")


# All three at once, to clear a whole document in one search.
_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in (_CONTROL, _MARKUP, _CYPHER)), re.IGNORECASE)
# Between a document's strings: no pattern can match across it (not a word character, not
# a space, not a character any pattern names), so a clean joined text means clean strings.
_JOIN = "\u2063"


def _texts(value: Any, out: list[str]) -> list[str]:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                out.append(key)
            _texts(item, out)
    elif isinstance(value, list):
        for item in value:
            _texts(item, out)
    return out


def looks_clean(document: Any) -> bool:
    """True if no string in the document matches any pattern (one search over them all)."""
    return not _ANY.search(_JOIN.join(_texts(document, [])))


def hostile_content(document: Any) -> list[tuple[str, str]]:
    """(field path, problem) for each string a pattern matches."""
    if looks_clean(document):
        return []
    return [(path, found) for path, text in strings(document) if (found := problem_with(text))]
