"""The timeline view: events in date order, filterable, each with its sources."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/views", tags=["views"])
