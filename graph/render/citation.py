"""A source as a reader cites it: publisher (or title), the title when both are known, the
date or "date unknown", and the web address; never an internal file path."""

from __future__ import annotations

from typing import Any

DATE_UNKNOWN = "date unknown"


def citation_parts(info: dict[str, Any], source_id: str) -> list[str]:
    parts = [str(info.get("publisher") or info.get("title") or source_id)]
    if info.get("title") and info.get("publisher"):
        parts.append(str(info["title"]))
    parts.append(str(info.get("date") or DATE_UNKNOWN))
    if info.get("url"):
        parts.append(str(info["url"]))
    return parts


def citation(info: dict[str, Any], source_id: str) -> str:
    return ", ".join(citation_parts(info, source_id))
