"""The official STIX 2.1 JSON schemas, offline: every object read through its STIX fields
is checked against the schema of its type (a copy ships in loaders/stix2_schemas/)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "stix2_schemas" / "schemas"
SCHEMA_PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/"
CHECKED_TYPES = {
    "campaign": "sdos/campaign.json",
    "intrusion-set": "sdos/intrusion-set.json",
    "threat-actor": "sdos/threat-actor.json",
    "infrastructure": "sdos/infrastructure.json",
    "identity": "sdos/identity.json",
    "location": "sdos/location.json",
    "report": "sdos/report.json",
    "relationship": "sros/relationship.json",
    "extension-definition": "common/extension-definition.json",
}


# jsonschema is imported on first use: with its format extras it takes seconds to import,
# which every `piracy-graph` command would pay.
@cache
def _registry() -> Any:
    """Every schema under its own $id, crawled once: a `$ref` never leaves this folder."""
    from referencing import Registry, Resource

    resources = []
    for path in sorted(SCHEMAS_DIR.rglob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources).crawl()


@cache
def validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = _registry()[SCHEMA_PREFIX + CHECKED_TYPES[kind]].contents
    return Draft202012Validator(schema, registry=_registry())


def schema_problems(obj: dict[str, Any], where: str) -> list[tuple[str, str]]:
    kind = obj.get("type")
    if kind not in CHECKED_TYPES:
        return []
    problems = []
    for error in validator(str(kind)).iter_errors(obj):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        problems.append((f"{where}{path}", error.message))
    return problems
