"""The lexicon's YAML files: a key written twice silently loses one of its values, and an
unquoted NO (Norway) is read by YAML 1.1 as the boolean false."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from extraction.lexicon import WORDS


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping holding the same key twice."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)  # type: ignore[no-untyped-call]
        if key in seen:
            raise ValueError(f"line {key_node.start_mark.line + 1}: {key!r} written twice")
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _keys(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in _keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


FILES = sorted(WORDS.glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_key_is_written_twice(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506 - a safe loader


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_key_is_read_as_a_boolean(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [k for k in _keys(data) if isinstance(k, bool)] == []


def test_the_strict_loader_refuses_a_key_written_twice() -> None:
    with pytest.raises(ValueError, match="line 2: 'NO' written twice"):
        yaml.load("'NO': [a]\n'NO': [b]\n", Loader=_StrictLoader)  # noqa: S506 - a safe loader
