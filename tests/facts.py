"""Facts the bundled dossiers state, checked by several tests (from the Sparks dossier)."""

from __future__ import annotations

# The 16 countries where the Sparks servers were taken down (Europol, via Brands Protection News).
SPARKS_SERVER_COUNTRIES = frozenset(
    {"CA", "CZ", "DK", "FR", "DE", "LV", "NL", "NO", "PL", "PT", "RO", "KR", "ES", "SE", "CH", "GB"}
)
