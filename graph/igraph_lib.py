"""igraph, imported without its drawing back-ends.

When matplotlib, plotly or cairo are installed, igraph imports them as soon as it is
imported itself, for plotting functions this project never calls: about 40 MB of the API
server's memory. They are hidden from that one import only. A back-end imported before
stays as it is, and a later `import matplotlib` works as usual.
"""

from __future__ import annotations

import sys
from types import ModuleType

_DRAWING_BACKENDS = ("matplotlib", "plotly", "cairo", "cairocffi")


def _import_without_drawing() -> ModuleType:
    hidden = [name for name in _DRAWING_BACKENDS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
    try:
        import igraph
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    module: ModuleType = igraph
    return module


igraph = _import_without_drawing()
