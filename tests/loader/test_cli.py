"""The lint and schema commands as an evaluator runs them; and the core's import hygiene."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli_run import fresh_python
from tests.loader.helpers import write

ROOT = Path(__file__).parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessor", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_lint_of_a_bad_set_exits_1_with_located_messages_and_no_traceback(tmp_path: Path) -> None:
    bad = write(
        tmp_path,
        "bad.yaml",
        "id: t\nname: x\ntree:\n  - {id: A, name: a, points: 1, method: bandz}\n",
    )
    done = run("lint", str(bad))
    assert done.returncode == 1
    out = done.stdout + done.stderr
    assert "Traceback" not in out
    assert f"{bad}:4:" in out and "unknown method 'bandz'" in out
    assert "1 set checked, 1 error, 0 warnings" in out


def test_lint_of_the_bundled_sets_exits_0() -> None:
    done = run("lint", "indicators")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout


def test_lint_warnings_alone_exit_0(tmp_path: Path) -> None:
    text = "id: t\nname: x\nfull_score: 1\nrollup: {method: sum}\ntree:\n  - {id: A, name: a, points: 1, method: check}\n"
    done = run("lint", str(write(tmp_path, "w.yaml", text)))
    assert done.returncode == 0
    assert "warning:" in done.stdout and "(rollup-sum)" in done.stdout


def test_lint_of_garbage_bytes_exits_1_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xff\xfe\x00garbage: [")
    done = run("lint", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr


def test_schema_prints_json() -> None:
    done = run("schema")
    assert (
        done.returncode == 0
        and '"$schema": "https://json-schema.org/draft/2020-12/schema"' in done.stdout
    )


def test_the_core_does_not_import_ui_report_or_database_libraries() -> None:
    code = (
        "import sys, assessor.model, assessor.loader, assessor.scoring\n"
        "bad = [m for m in ('textual', 'weasyprint', 'sqlalchemy', 'openpyxl', 'psycopg')"
        " if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    assert fresh_python(code) == ""
