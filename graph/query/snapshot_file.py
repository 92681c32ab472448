"""The in-process snapshot kept on disk, so that a restarted server answers from memory in
seconds instead of reading the whole graph again (minutes at 10^6 nodes).

One file per graph: a NumPy archive of the snapshot's arrays, its two texts as byte arrays
and its Python values as JSON; no pickle, so reading the file runs no code from it. It is
used only for the generation it was taken at, and only when the graph still holds as many
nodes and relationships as it did; anything else (another version of the format, a file
cut short) is ignored and the graph is read anew.
"""

from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from graph.query.longlived import built_to_last
from graph.query.snapshot import Snapshot, object_column

log = logging.getLogger(__name__)

FORMAT = 6
READ_CHUNK = 16 * 2**20
_ARRAYS = (
    "node_labels",
    "node_span",
    "edge_src",
    "edge_dst",
    "edge_type",
    "edge_span",
    "adj_ptr",
    "adj_node",
    "adj_edge",
    "by_id",
    "rank",
    "cite_rank",
    "node_cite_ptr",
    "node_cites",
    "edge_cite_ptr",
    "edge_cites",
)


def save(snapshot: Snapshot, path: Path, entities: int) -> None:
    """Write the snapshot to `path` whole or not at all (a temporary file renamed).
    `entities`: the nodes + relationships the store counted (graph/store/stats.py) at its
    generation, which a later start compares."""
    held = np.fromiter(snapshot.index.values(), dtype=np.int64, count=len(snapshot.index))
    removed = np.setdiff1d(np.arange(len(snapshot.ids)), held).tolist()  # sets of ints: 100 MB at 10^6
    values = {
        "format": FORMAT,
        "generation": snapshot.generation,
        "entities": entities,
        "ids": snapshot.ids,
        "removed": removed,
        "label_sets": [sorted(labels) for labels in snapshot.label_sets],
        "types": snapshot.types,
        "node_dates": snapshot.node_dates.tolist(),
        "edge_start": snapshot.edge_start.tolist(),
        "edge_last": snapshot.edge_last.tolist(),
        "cited": snapshot.cited,
        "cite_row": snapshot.cite_row.tolist(),
    }
    arrays = {name: getattr(snapshot, name) for name in _ARRAYS}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez(
                out,
                values=np.frombuffer(orjson.dumps(values), dtype=np.uint8),
                node_text=np.frombuffer(snapshot.node_text, dtype=np.uint8),
                edge_text=np.frombuffer(snapshot.edge_text, dtype=np.uint8),
                **arrays,
            )
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(path: Path, generation: int, entities: int) -> Snapshot | None:
    """The snapshot saved at `path` if it is of this generation and of a graph of as many
    nodes + relationships; else None."""
    with built_to_last():  # the copy lasts until a write: out of the collector's way
        return _read(path, generation, entities)


def _read(path: Path, generation: int, entities: int) -> Snapshot | None:
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as archive:
            values: dict[str, Any] = orjson.loads(archive["values"].data)
            if (values.get("format"), values.get("generation")) != (FORMAT, generation):
                return None
            if values.get("entities") != entities:
                return None
            arrays = {name: archive[name] for name in _ARRAYS}
            node_text = _text(archive, "node_text")
            edge_text = _text(archive, "edge_text")
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, orjson.JSONDecodeError) as exc:
        log.warning("snapshot file %s not used: %s", path, exc)
        return None
    ids: list[str] = values["ids"]
    removed = set(values["removed"])
    return Snapshot(
        generation=generation,
        ids=ids,
        index={node_id: i for i, node_id in enumerate(ids) if i not in removed},
        label_sets=[frozenset(labels) for labels in values["label_sets"]],
        node_dates=object_column(values["node_dates"]),
        node_text=node_text,
        types=values["types"],
        edge_start=object_column(values["edge_start"]),
        edge_last=object_column(values["edge_last"]),
        edge_text=edge_text,
        cited=values["cited"],
        cite_row=object_column(values["cite_row"]),
        node_labels=arrays["node_labels"],
        node_span=arrays["node_span"],
        edge_src=arrays["edge_src"],
        edge_dst=arrays["edge_dst"],
        edge_type=arrays["edge_type"],
        edge_span=arrays["edge_span"],
        adj_ptr=arrays["adj_ptr"],
        adj_node=arrays["adj_node"],
        adj_edge=arrays["adj_edge"],
        by_id=arrays["by_id"],
        rank=arrays["rank"],
        cite_rank=arrays["cite_rank"],
        node_cite_ptr=arrays["node_cite_ptr"],
        node_cites=arrays["node_cites"],
        edge_cite_ptr=arrays["edge_cite_ptr"],
        edge_cites=arrays["edge_cites"],
    )


def _text(archive: Any, name: str) -> bytearray:
    """A byte array of the archive read straight into the buffer the copy keeps: one
    copy of a text that is hundreds of megabytes at 10^6 nodes, not three."""
    with archive.zip.open(f"{name}.npy") as member:
        major, _ = np.lib.format.read_magic(member)
        formats = np.lib.format
        read_header = formats.read_array_header_1_0 if major == 1 else formats.read_array_header_2_0
        (size,), _, dtype = read_header(member)
        if dtype != np.uint8:
            raise ValueError(f"{name}: bytes expected, found {dtype}")
        text = bytearray(size)
        view, done = memoryview(text), 0
        while done < size:
            # A zip member reads what it is asked for into a bytes object of its own, then
            # copies it: asked for the whole text, it held it twice.
            got = member.readinto(view[done : done + READ_CHUNK])
            if not got:
                raise ValueError(f"{name}: the file ends before its text does")
            done += got
        return text
