"""Where packaged files live: found from the installed packages, never from the cwd."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def schema_file() -> Path:
    return Path(str(resources.files("graph").joinpath("schema.yaml")))


def cypher_dir() -> Path:
    # `cypher/` holds only Cypher text, so it is a namespace package (no __init__.py);
    # the wheel ships its files all the same.
    import cypher

    for entry in cypher.__path__:
        if (Path(entry) / "write").is_dir():
            return Path(entry)
    raise FileNotFoundError("the cypher/ catalogue is not installed")
