"""API keys and roles: who may read, run the console, upload dossiers, see people's names."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

import yaml

from graph.errors import InvalidInput


class Role(IntEnum):
    """Each role can do what the ones below it can."""

    reader = 1  # read every endpoint
    analyst = 2  # + the read-only Cypher console
    writer = 3  # + dossier upload
    admin = 4  # + everything


@dataclass(frozen=True)
class Principal:
    key_id: str
    role: Role
    see_names: bool

    def can(self, role: Role) -> bool:
        return self.role >= role


ANONYMOUS_READER = Principal("anonymous", Role.reader, see_names=False)


@dataclass(frozen=True)
class KeyEntry:
    key_id: str
    role: Role
    see_names: bool
    sha256: str


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return "pg_" + secrets.token_urlsafe(32)


class KeyRing:
    """The configured keys; an empty ring means a local server open to readers."""

    def __init__(self, entries: list[KeyEntry]):
        self.entries = entries

    @property
    def configured(self) -> bool:
        return bool(self.entries)

    @classmethod
    def from_file(cls, path: Path | None) -> KeyRing:
        if path is None:
            return cls([])
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            entries = [
                KeyEntry(
                    str(item["id"]),
                    Role[item["role"]],
                    bool(item.get("see_names", False)),
                    str(item["sha256"]).lower(),
                )
                for item in raw.get("keys", [])
            ]
        except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
            raise InvalidInput(f"{path}: not a valid API key file ({exc!r})") from exc
        return cls(entries)

    def principal(self, key_id: str) -> Principal | None:
        """The key with this id as the file says now, or None when there is none."""
        entry = next((e for e in self.entries if e.key_id == key_id), None)
        return Principal(entry.key_id, entry.role, entry.see_names) if entry else None

    def authenticate(self, presented: str) -> Principal | None:
        digest = hash_key(presented)
        found: KeyEntry | None = None
        for entry in self.entries:
            # Compare against every entry, in constant time, so timing reveals nothing.
            if hmac.compare_digest(entry.sha256, digest):
                found = entry
        if found is None:
            return None
        return Principal(found.key_id, found.role, found.see_names)
