"""`assessor --help` (and building the parser every command starts with) loads no heavy library:
each command imports what it uses when it runs. bench/bench_startup.py measures the times."""

from __future__ import annotations

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
