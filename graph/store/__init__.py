"""Store backends behind one interface; `open_store` picks one from settings."""

from graph.store.base import Store
from graph.store.factory import open_store, open_target

__all__ = ["Store", "open_store", "open_target"]
