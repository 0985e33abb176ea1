"""`assessor --help` (and building the parser every command starts with) loads no heavy library:
each command imports what it uses when it runs. bench/bench_startup.py measures the times."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli_run import fresh_python

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pydantic", "rich", "yaml", "sqlalchemy", "jinja2", "textual", "weasyprint", "openpyxl")


def test_building_the_parser_loads_no_models_tables_or_renderers() -> None:
    code = (
        "import sys\nfrom assessor.cli.main import build_parser\nbuild_parser()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    assert fresh_python(code) == ""


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
    SQLAlchemy: store/light.py); the set, workspace and regions files loaded cleanly before, so
    they come from the cache without building a pydantic schema (nor loading pydantic's plugins)."""
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
        "loaded = [m for m in ('alembic', 'sqlalchemy', 'mako', 'pydantic.plugin._loader') if m in sys.modules]\n"
        "print('RESULT', code, IndicatorSet.__pydantic_complete__, loaded)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "RESULT 0 False []"


def test_lint_score_and_status_run_with_the_cyclic_collector_paused_and_restore_it() -> None:
    """The short read-only commands pause the cyclic collector while they run (cli/main.py
    `_quick`); the TUI, reports and writes keep it on; it is on again afterwards."""
    import gc

    from assessor.cli import main as cli

    parser = cli.build_parser()
    quick = {
        name: bool(getattr(parser.parse_args(args), "quick", False))
        for name, args in {
            "lint": ["lint", "x.yaml"],
            "score": ["score"],
            "status": ["status"],
            "report": ["report", "--out", "x.pdf"],
            "tui": ["tui"],
            "import": ["import", "x.yaml"],
            "set-status": ["set-status", "371502", "final"],
        }.items()
    }
    assert quick == {
        "lint": True,
        "score": True,
        "status": True,
        "report": False,
        "tui": False,
        "import": False,
        "set-status": False,
    }
    seen: list[bool] = []
    args = parser.parse_args(["lint", "x.yaml"])
    args.run = lambda _args: seen.append(gc.isenabled()) or 0
    assert gc.isenabled()
    assert cli._quick(args) == 0
    assert seen == [False]
    assert gc.isenabled()


def test_the_command_table_names_every_command_each_module_registers_in_help_order() -> None:
    from assessor.cli import main as cli

    full = cli.build_parser().get_default("commands")
    assert list(full) == list(cli.COMMANDS)
    for command, module in cli.COMMANDS.items():
        assert command in cli.build_parser(command).get_default("commands"), (command, module)


def test_a_command_line_imports_only_its_commands_module() -> None:
    code = (
        "import sys\nfrom assessor.cli.main import build_parser\n"
        "build_parser('status').parse_args(['status'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('assessor.cli.cmd_')))"
    )
    assert fresh_python(code) == "['assessor.cli.cmd_workspace']"


def test_a_commands_help_is_the_same_from_its_own_parser_as_from_the_whole_one() -> None:
    from assessor.cli import main as cli

    for command in cli.COMMANDS:
        own = cli.build_parser(command).get_default("commands")[command].format_help()
        assert own == cli.build_parser().get_default("commands")[command].format_help()
