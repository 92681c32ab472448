"""Large structures that live until the next write (the snapshot, the projections).

Building one makes hundreds of thousands of objects: collection is paused meanwhile (each
full collection would walk everything built so far). Once built, the objects are frozen
out of the collector: otherwise every later full collection walks them all again, which
showed as 250 ms pauses in neighbourhood latencies at 10^5 nodes. Frozen objects are
still freed by reference counting when the structure is dropped (they hold no cycles).
Freezing takes every object alive at that moment, so a cycle among them that becomes
garbage later is never collected: a few request objects per rebuild at most.

The temporary arrays and lists of a build are freed at its end, but the C allocator
(glibc's) keeps much of that memory for later use: 280 MB after a projection at 10^6
nodes. It is handed back to the system then, so that the server's size is what it holds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def built_to_last() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    give_back_free_memory()


@cache
def _malloc_trim() -> object | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def give_back_free_memory() -> None:
    trim = _malloc_trim()
    if callable(trim):
        trim(0)
