"""The suite's run order (tests/conftest.py LONG_FIRST) names files and folders that exist."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import LONG_FIRST, run_order

ROOT = Path(__file__).resolve().parents[1]


def test_every_file_run_first_exists() -> None:
    assert [p for p in LONG_FIRST if not (ROOT / p).exists()] == []


def test_a_long_file_runs_before_the_tui_folder_and_both_before_the_rest() -> None:
    keyboard = run_order("tests/tui/test_keyboard_county.py::test_x")
    tui = run_order("tests/tui/test_help.py::test_x")
    rest = run_order("tests/loader/test_schema.py::test_x")
    assert keyboard < tui < rest
