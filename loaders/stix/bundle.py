"""A STIX 2.1 bundle as read: its objects (the newest version of each), where each one sits
in the file, and which ones carry our data extension."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from graph.errors import DossierError
from graph.export.stix import DATA_EXTENSION

# Our own export of a 10^4-node graph is about 46 MB (every object lists its sources).
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MAX_PROBLEMS = 50
# Objects that state no fact of their own.
QUIET_TYPES = {"extension-definition", "marking-definition", "language-content"}


def read_bundle_bytes(data: bytes, name: str) -> dict[str, Any]:
    """The bundle's JSON, checked to be a bundle whose every object has a type and an id."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise DossierError(name, [("", f"the bundle is over {MAX_BUNDLE_BYTES} bytes")])
    try:
        bundle = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DossierError(name, [("", f"not UTF-8: {exc}")]) from exc
    except json.JSONDecodeError as exc:
        raise DossierError(name, [("", f"not JSON: {exc}")]) from exc
    problems = []
    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise DossierError(name, [("type", "a STIX bundle has type 'bundle'")])
    if not isinstance(bundle.get("id"), str) or not bundle["id"].startswith("bundle--"):
        problems.append(("id", "a STIX bundle has an id 'bundle--<uuid>'"))
    objects = bundle.get("objects")
    if not isinstance(objects, list) or not objects:
        problems.append(("objects", "a STIX bundle lists its objects"))
    else:
        for i, obj in enumerate(objects):
            if (
                not isinstance(obj, dict)
                or not isinstance(obj.get("type"), str)
                or not isinstance(obj.get("id"), str)
            ):
                problems.append((f"objects[{i}]", "every object has a type and an id"))
    if problems:
        raise DossierError(name, problems)
    return dict(bundle)


def day(value: Any) -> str | None:
    """'2020-11-10T00:00:00Z' -> '2020-11-10': our dates are days, months or years."""
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def confidence(value: Any) -> str | None:
    """STIX's 0-100 confidence on our high / medium / low scale."""
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return "high" if value >= 70 else "medium" if value >= 30 else "low"


def ours(obj: dict[str, Any]) -> dict[str, Any] | None:
    """The object's piracy-graph data extension, if it has one."""
    data = (obj.get("extensions") or {}).get(DATA_EXTENSION)
    return data if isinstance(data, dict) else None


@dataclass
class Bundle:
    """The bundle's objects by STIX id, each the newest version the bundle holds."""

    id: str
    file: str
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, raw: dict[str, Any], file: str) -> Bundle:
        bundle = cls(str(raw["id"]), file)
        for i, obj in enumerate(raw["objects"]):
            sid = obj["id"]
            previous = bundle.objects.get(sid)
            if previous is not None and str(previous.get("modified", "")) >= str(obj.get("modified", "")):
                continue  # an older version of an object the bundle also holds
            bundle.objects[sid] = obj
            bundle.where[sid] = f"objects[{i}] ({sid})"
        return bundle

    def makers(self) -> set[str]:
        """Identities that only made objects (a bundle's producer, a report's publisher):
        who said things, kept as the sources' publishers, with no fact of their own."""
        ends = {
            o.get(e)
            for o in self.objects.values()
            if o["type"] == "relationship"
            for e in ("source_ref", "target_ref")
        }
        return {str(o["created_by_ref"]) for o in self.objects.values() if o.get("created_by_ref")} - ends

    def creator_name(self, obj: dict[str, Any]) -> str | None:
        creator = self.objects.get(str(obj.get("created_by_ref")))
        name = creator.get("name") if creator else None
        return name if isinstance(name, str) and name.strip() else None
