"""Every statement the Neo4j store can run passes Neo4j's own parser and semantic analysis.

tools/cypherlint/lint.mjs runs Neo4j's front end (@neo4j-cypher/language-support, pinned)
offline, in Cypher 5 with the built-in functions and procedures, and --strict: warnings
such as deprecations fail too. All statements go to ONE node process; one test per
statement then reads its diagnostics. The deliberately broken queries ride in the same
run, so a lint that silently stopped reporting would fail them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graph.model.schema import get_schema
from tests.neo4j_statements import BUILT_BY, EXCLUDED, cypher_files, lint_schema, neo4j_statements

LINT_DIR = Path(__file__).resolve().parent.parent / "tools" / "cypherlint"
INSTALLED = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"

STATEMENTS = dict(neo4j_statements(get_schema()))

BROKEN = {
    "broken/syntax": "MATCH (n:Group RETURN n",
    "broken/deprecated_id": "MATCH (n) RETURN id(n)",
    "broken/falkordb_fulltext": "CALL db.idx.fulltext.queryNodes('Entity','x') YIELD node RETURN node",
}

pytestmark = pytest.mark.slow


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not on PATH: the Neo4j Cypher check needs Node.js 20+ and npm")
    return found


@pytest.fixture(scope="session")
def lint_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """lint.mjs over every distinct statement plus the broken ones, in one node process;
    diagnostics by statement name."""
    if not INSTALLED.is_file():
        subprocess.run([_tool("npm"), "ci", "--no-audit", "--no-fund"], cwd=LINT_DIR, check=True, timeout=600)
    first_name: dict[str, str] = {}  # statement text -> the name it is linted under
    for name, text in STATEMENTS.items():
        first_name.setdefault(text, name)
    items = [{"name": name, "query": text} for text, name in first_name.items()]
    items += [{"name": name, "query": text} for name, text in BROKEN.items()]
    folder = tmp_path_factory.mktemp("cypherlint")
    (folder / "queries.json").write_text(json.dumps(items), encoding="utf-8")
    (folder / "schema.json").write_text(json.dumps(lint_schema(get_schema())), encoding="utf-8")
    run = subprocess.run(
        [_tool("node"), "lint.mjs", "--strict", "--schema", folder / "schema.json", folder / "queries.json"],
        cwd=LINT_DIR,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode in {0, 1}, f"lint.mjs failed to run ({run.returncode}):\n{run.stderr}"
    report = json.loads(run.stdout)
    assert report["checked"] == len(items)
    assert report["ok"] is False and run.returncode == 1, "the broken queries must fail the run"
    by_name = {result["name"]: result["diagnostics"] for result in report["results"]}
    return {
        "statements": {name: by_name[first_name[text]] for name, text in STATEMENTS.items()},
        "broken": {name: by_name[name] for name in BROKEN},
    }


def _show(diagnostics: list[dict[str, Any]]) -> str:
    return "\n".join(f"  {d['severity']} {d['line']}:{d['column']} {d['message']}" for d in diagnostics)


@pytest.mark.parametrize("name", list(STATEMENTS))
def test_statement_passes_neo4j_lint(name: str, lint_report: dict[str, Any]) -> None:
    diagnostics = lint_report["statements"][name]
    assert diagnostics == [], f"{name}:\n{STATEMENTS[name]}\n--\n{_show(diagnostics)}"


def test_syntax_error_is_reported(lint_report: dict[str, Any]) -> None:
    found = lint_report["broken"]["broken/syntax"]
    assert any(d["severity"] == "error" and "Invalid input 'RETURN'" in d["message"] for d in found), found


def test_deprecated_id_is_reported(lint_report: dict[str, Any]) -> None:
    found = lint_report["broken"]["broken/deprecated_id"]
    assert any(d["deprecated"] and "Function id is deprecated" in d["message"] for d in found), found


def test_falkordb_procedure_is_reported(lint_report: dict[str, Any]) -> None:
    found = lint_report["broken"]["broken/falkordb_fulltext"]
    assert any(
        d["severity"] == "error" and "db.idx.fulltext.queryNodes is not present" in d["message"]
        for d in found
    ), found


def test_no_falkordb_procedure_reaches_neo4j() -> None:
    assert not [name for name, text in STATEMENTS.items() if "db.idx." in text or "CALL algo." in text]


def test_every_cypher_file_is_checked() -> None:
    """Each file is linted itself, through the builder that runs it, or excluded with a reason."""
    # Names start with the file ("read/groups.cypher ...") or the builder ("change_segments ...").
    covered = {name.split(" ")[0] for name in STATEMENTS}
    files = cypher_files()
    for path in files:
        assert path in covered or BUILT_BY.get(path) in covered or EXCLUDED.get(path), path
    assert set(BUILT_BY) | set(EXCLUDED) <= set(files), "stale entries in BUILT_BY / EXCLUDED"
    assert all(reason.strip() for reason in EXCLUDED.values())
