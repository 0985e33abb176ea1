"""`assessor --help` (and building the parser every command starts with) loads no heavy library:
each command imports what it uses when it runs. bench/bench_startup.py measures the times."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pydantic", "rich", "yaml", "sqlalchemy", "jinja2", "textual", "weasyprint", "openpyxl")


def test_building_the_parser_loads_no_models_tables_or_renderers() -> None:
    code = (
        "import sys\nfrom assessor.cli.main import build_parser\nbuild_parser()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_assessor_help_lists_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assessor", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    for command in ("lint", "score", "report", "status", "import", "audit", "tui", "doctor"):
        assert command in done.stdout


def test_status_on_a_current_database_and_an_unchanged_set_imports_no_sqlalchemy_nor_alembic(
    tmp_path: Path,
) -> None:
    """The SQLite database is at the newest revision, so it is read with sqlite3 (no Alembic, no
    SQLAlchemy: store/light.py); the set loaded cleanly before, so it comes from the set cache
    without building its schema."""
    ws = tmp_path / "ws"
    ws.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        (ws / name).write_bytes((ROOT / "samples" / "workspace" / name).read_bytes())
    env = {**os.environ, "ASSESSOR_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ASSESSOR_NO_CACHE", None)
    entries = sorted(str(p) for p in (ROOT / "samples" / "sd-county-2020").glob("*.yaml"))
    imported = subprocess.run(
        [sys.executable, "-m", "assessor", "import", "-w", str(ws), "--who", "t", *entries],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    code = (
        "import sys\nfrom assessor.cli.main import main\n"
        f"code = main(['status', '-w', {str(ws)!r}])\n"
        "from assessor.model.indicator_set import IndicatorSet\n"
        "loaded = [m for m in ('alembic', 'sqlalchemy', 'mako') if m in sys.modules]\n"
        "print('RESULT', code, IndicatorSet.__pydantic_complete__, loaded)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "RESULT 0 False []"
