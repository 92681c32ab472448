"""Reading a dossier file safely: size limit, strict UTF-8, no aliases, no duplicate keys."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from graph.errors import DossierError

MAX_DOSSIER_BYTES = 2 * 1024 * 1024


class _NoDuplicateKeys(yaml.constructor.SafeConstructor):
    """Refuses a mapping that repeats a key (YAML would keep the last one silently)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _StrictLoader(_NoDuplicateKeys, yaml.SafeLoader):
    """SafeLoader that refuses anchors/aliases (no alias bombs) and duplicate keys."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.constructor.ConstructorError(
                None, None, "YAML aliases (*name) are not allowed in dossiers", event.start_mark
            )
        node = super().compose_node(parent, index)
        if node is not None and getattr(node, "anchor", None):
            raise yaml.constructor.ConstructorError(
                None, None, "YAML anchors (&name) are not allowed in dossiers", node.start_mark
            )
        return node


# Dates stay text: the dossier model checks them and keeps partial dates ("2016-09") as
# written, and an impossible date ("2020-02-30") gets a clear message, not a crash.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
# Scalars whose SafeConstructor functions depend on nothing but the node.
_PLAIN_SCALARS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}


class _Unusual(Exception):
    """A document the quick constructor leaves to PyYAML's own (and its error messages)."""


class _FastStrictLoader(_NoDuplicateKeys, yaml.CSafeLoader):
    """libyaml's parser (about 10x faster) for text that cannot hold an anchor or an alias:
    both need a '&' or a '*' character, so text without either is safe to compose in C.

    Plain documents (maps, lists, strings, numbers, booleans, nulls) are built in one pass
    here; anything else - explicit tags, merge keys, a repeated or unhashable key - goes
    through SafeConstructor as before, which also gives the same error messages. Duplicate
    keys are refused on both paths."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._tags: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # Called by libyaml for every node; the implicit resolvers (regular expressions
        # tried in turn) depend on the text alone, so a document's repeats are looked up.
        if kind is yaml.ScalarNode and implicit[0]:
            tag = self._tags.get(value)
            if tag is None:
                tag = self._tags[value] = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            return self.DEFAULT_SCALAR_TAG  # quoted: never resolved implicitly
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]

    def construct_document(self, node: Any) -> Any:
        try:
            return self._build(node)
        except (_Unusual, RecursionError):
            return super().construct_document(node)

    def _build(self, node: Any) -> Any:
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:
            return node.value
        if tag == _MAP and type(node) is yaml.MappingNode:
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag != _STR and key_node.tag not in _PLAIN_SCALARS:
                    raise _Unusual  # merge keys ('<<'), '=' keys, lists or maps as keys
                key = self._build(key_node)
                if key in mapping:
                    raise _Unusual
                mapping[key] = self._build(value_node)
            return mapping
        if tag == _SEQ and type(node) is yaml.SequenceNode:
            return [self._build(item) for item in node.value]
        if tag in _PLAIN_SCALARS and type(node) is yaml.ScalarNode:
            return self.yaml_constructors[tag](self, node)
        raise _Unusual


_FastStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


def parse_yaml(text: str, name: str) -> Any:
    fast = "&" not in text and "*" not in text
    try:
        return yaml.load(text, Loader=_FastStrictLoader if fast else _StrictLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DossierError(name, [(where, f"malformed YAML: {problem}")]) from None


def read_dossier_bytes(data: bytes, name: str) -> Any:
    if len(data) > MAX_DOSSIER_BYTES:
        raise DossierError(
            name,
            [("", f"file is {len(data)} bytes, over the {MAX_DOSSIER_BYTES}-byte limit for one dossier")],
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DossierError(name, [("", f"not valid UTF-8 at byte {exc.start}")]) from None
    return parse_yaml(text, name)


def read_dossier_file(path: Path) -> Any:
    return read_dossier_bytes(dossier_file_bytes(path), str(path))


def dossier_file_bytes(path: Path) -> bytes:
    """The file's bytes; a file over the size limit is refused before it is read."""
    size = path.stat().st_size
    if size > MAX_DOSSIER_BYTES:
        raise DossierError(
            str(path),
            [("", f"file is {size} bytes, over the {MAX_DOSSIER_BYTES}-byte limit for one dossier")],
        )
    return path.read_bytes()


_LAST_STEP = re.compile(r"(\.[^.\[]+|\[\d+\])$")


def field_positions(data: bytes) -> dict[str, tuple[int, int]]:
    """Field path ('claims[0].value') -> (line, column) where it is written, both from 1.
    Read again only when a dossier has problems, so that each can say where it is."""
    try:
        root = yaml.compose(data.decode("utf-8"), Loader=yaml.CSafeLoader)
    except (UnicodeDecodeError, yaml.YAMLError):
        return {}
    positions: dict[str, tuple[int, int]] = {}

    def walk(node: yaml.Node, path: str) -> None:
        positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = f"{path}.{key.value}" if path else str(key.value)
                positions.setdefault(child, (key.start_mark.line + 1, key.start_mark.column + 1))
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, f"{path}[{i}]")

    if root is not None:
        walk(root, "")
    return positions


def located(exc: DossierError, data: bytes) -> DossierError:
    """`exc` with the line and column of each problem's field (or of the nearest field
    that contains it) at the head of its message."""
    fields = [field for field, _ in exc.problems if field and not field.startswith("line ")]
    if not fields:
        return exc
    positions = field_positions(data)
    problems = []
    for field, message in exc.problems:
        path = field
        while path and path not in positions:
            path = _LAST_STEP.sub("", path) if _LAST_STEP.search(path) else ""
        where = ""
        if field and not field.startswith("line ") and path:
            line, column = positions[path]
            where = f"line {line}, column {column}: "
        problems.append((field, where + message))
    return DossierError(exc.path, problems)
