"""Large structures built to last (graph/query/longlived.py): out of the collector's way,
and the memory their build freed handed back to the system."""

from __future__ import annotations

import gc
import sys

import numpy as np
import pytest

from graph.query.longlived import _malloc_trim, built_to_last


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def test_what_is_built_is_frozen_out_of_the_collector() -> None:
    gc.unfreeze()
    with built_to_last():
        built = [{"n": i} for i in range(1000)]
    assert (gc.get_freeze_count() >= len(built), gc.isenabled()) == (True, True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_on_linux_the_allocators_trim_is_found() -> None:
    assert callable(_malloc_trim())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_the_memory_a_build_freed_goes_back_to_the_system() -> None:
    # Freed mmapped blocks raise glibc's threshold, so later large blocks come from the
    # heap; freed between blocks that stay, they stay too unless trimmed: the pattern of a
    # build's temporaries beside what it keeps.
    for size in (1, 2, 4, 8, 16, 32):
        np.ones(size * 2**20 // 8)
    before = resident_mb()
    with built_to_last():
        kept, temporary = [], []
        for _ in range(16):
            temporary.append(np.ones(16 * 2**20 // 8))
            kept.append(np.ones(2**20 // 8))
        del temporary
    assert resident_mb() - before < 64
