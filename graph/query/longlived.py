"""Large structures that live until the next write (the snapshot, the projections).

Building one makes hundreds of thousands of objects: collection is paused meanwhile (each
full collection would walk everything built so far). Once built, the objects are frozen
out of the collector: otherwise every later full collection walks them all again, which
showed as 250 ms pauses in neighbourhood latencies at 10^5 nodes. Frozen objects are
still freed by reference counting when the structure is dropped (they hold no cycles).
Freezing takes every object alive at that moment, so a cycle among them that becomes
garbage later is never collected: a few request objects per rebuild at most.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
