"""Where the bundled dossiers live: inside the wheel, or in the source checkout."""

from __future__ import annotations

from pathlib import Path


def bundled_dossiers_dir() -> Path:
    """The bundled data/operations: inside the wheel, or in the source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "bundled_operations"
    if packaged.is_dir():
        return packaged
    return here.parent / "data" / "operations"
