"""Settings from the environment (PIRACY_GRAPH_*), built on demand, never at import."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("piracy-graph", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PIRACY_GRAPH_", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir, description="where the embedded engine keeps the graph on disk"
    )
    falkordb_url: str | None = Field(
        None, description="use a running FalkorDB instead, e.g. redis://:password@host:6379"
    )
    neo4j_uri: str | None = Field(None, description="use Neo4j: neo4j://, neo4j+s:// or bolt:// URI")
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = Field(None, description="Neo4j password (never stored in the repository)")
    neo4j_database: str | None = Field(None, description="Neo4j database; the server's default when unset")
    graph_name: str = Field("piracy", pattern=r"^[A-Za-z0-9_-]{1,64}$")
    engine_start_timeout: float = Field(30.0, gt=0)
    load_bundled_on_start: bool = True
    audit_log: Path | None = Field(
        None, description="JSON-lines audit log; default: audit.jsonl in the data directory"
    )
    snapshot_max_entities: int = Field(
        8_000_000,
        ge=0,
        description="copy graphs of up to this many nodes + relationships into the API process "
        "to answer neighbourhoods and build path projections without the engine (about 270 bytes "
        "each: 1 GB for the 10^6-node benchmark network); 0: never",
    )
    snapshot_file: bool = Field(
        True,
        description="keep the in-process copy on disk (data_dir/snapshots/) between runs, so that a "
        "restarted server answers from memory in seconds; it is used only for the write generation "
        "and the node and relationship counts it was taken at",
    )
    api_keys_file: Path | None = Field(
        None, description="YAML file of API keys (id, role, see_names, sha256); none: open to readers"
    )


@cache
def get_settings() -> Settings:
    return Settings.model_validate({})


def snapshot_path(settings: Settings, engine: str) -> Path | None:
    """Where the API keeps its copy of the graph between runs, or None when it does not."""
    if not settings.snapshot_file or settings.snapshot_max_entities == 0:
        return None
    return settings.data_dir / "snapshots" / f"{engine}-{settings.graph_name}.npz"
