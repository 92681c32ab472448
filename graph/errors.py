"""The library's one error hierarchy. Each class has a `code`, the kind of failure in
words; the API maps classes to HTTP statuses (api/errors.py)."""

from __future__ import annotations


class PiracyGraphError(Exception):
    """Base of every error the library raises on purpose."""

    code = "internal_error"


class InvalidInput(PiracyGraphError):
    """The caller's input is wrong: a dossier, a parameter, a query."""

    code = "invalid_input"

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class DossierError(InvalidInput):
    """A dossier failed validation; `problems` lists every (file, field path, message)."""

    code = "invalid_dossier"

    def __init__(self, path: str, problems: list[tuple[str, str]]):
        self.path = path
        self.problems = problems
        lines = [
            f"{path}: {field}: {message}" if field else f"{path}: {message}" for field, message in problems
        ]
        super().__init__("\n".join(lines))
        self.field = None


class NotFound(PiracyGraphError):
    code = "not_found"


class EngineUnavailable(PiracyGraphError):
    """The graph engine cannot be reached or started."""

    code = "engine_unavailable"


class DataDirInUse(EngineUnavailable):
    """Another process owns the data directory and its engine cannot be shared."""

    code = "data_dir_in_use"


class SchemaError(PiracyGraphError):
    """The schema file itself is inconsistent (a bug in the project, not the caller's)."""

    code = "schema_error"
