"""API key files for tests: keys are stored by their sha256, as the server expects."""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.access import hash_key


def write_keys(path: Path, keys: dict[str, tuple[str, str, bool]]) -> Path:
    """`keys`: key id -> (the key, its role, whether it may see people's names)."""
    entries = [
        {"id": key_id, "role": role, "see_names": names, "sha256": hash_key(key)}
        for key_id, (key, role, names) in keys.items()
    ]
    path.write_text(yaml.safe_dump({"keys": entries}), encoding="utf-8")
    return path
