"""The map view: countries by their role in operations, drawn offline as SVG."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/views", tags=["views"])
