"""Drivers are imported when used: the CLI starts without SQLAlchemy or Excel libraries, and a
SQLite workspace never loads the PostgreSQL driver."""

from __future__ import annotations

from pathlib import Path

from tests.cli_run import fresh_python

ROOT = Path(__file__).resolve().parents[2]


def loaded_after(code: str) -> set[str]:
    check = (
        f"{code}\nimport sys\n"
        "print(','.join(m for m in ('sqlalchemy', 'alembic', 'openpyxl', 'xlsxwriter', 'psycopg')"
        " if m in sys.modules))\n"
    )
    return set(filter(None, fresh_python(check).split(",")))


def test_building_the_cli_loads_no_database_or_excel_library() -> None:
    code = "import assessor.store, assessor.exchange\nfrom assessor.cli.main import build_parser\nbuild_parser()"
    assert loaded_after(code) == set()


def test_a_sqlite_workspace_does_not_load_the_postgresql_driver(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "samples" / "workspace", tmp_path / "ws")
    code = (
        "from assessor.store.workspace import open_workspace\n"
        f"ws = open_workspace({str(tmp_path / 'ws')!r})\nws.periods()\nws.close()"
    )
    loaded = loaded_after(code)
    assert "sqlalchemy" in loaded and "psycopg" not in loaded
