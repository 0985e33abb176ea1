"""Two evaluators, two real terminals, one workspace: a value stored in one terminal shows in
the other's home table without a key press. Waits are for conditions (text on screen)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.tui.test_tmux_e2e import NEWCOMER, entry, eventually, terminal, tmux, typed

pytestmark = pytest.mark.slow
OTHER = "专家组-陈静"


def total_of(screen: str, name: str) -> str | None:
    """The first number after the region's name on its home row."""
    for line in screen.splitlines():
        if name in line:
            found = re.search(r"\b\d+\.\d\d\b", line.split(name, 1)[1])
            return found.group(0) if found else None
    return None


def test_a_value_stored_in_one_terminal_appears_in_the_other_without_a_key(
    workspace: Path,
) -> None:
    size = (160, 50)
    with (
        terminal(workspace, size, OTHER) as watching,
        terminal(workspace, size, NEWCOMER) as typing,
    ):

        def home() -> str:
            return tmux("capture-pane", "-t", watching, "-p")

        def typist() -> str:
            return tmux("capture-pane", "-t", typing, "-p")

        eventually(lambda: total_of(home(), "东昌府区") is not None, "the first home table", home)
        # this test is about the other terminal, not type-ahead: both are up before any key
        eventually(lambda: total_of(typist(), "东昌府区") is not None, "the second table", typist)
        before = total_of(home(), "东昌府区")
        # 周敏 opens 东昌府区 and stores 1 for its first indicator (a formula: two inputs)
        typed(typing, "/", *"dcfq", "Enter", "Enter", "n", "Enter", "1", "Enter", "9", "0", "0",
              "Enter")  # fmt: skip
        eventually(  # first in the database (two TUIs starting on a busy machine take a while)
            lambda: entry(workspace, "D1-01", NEWCOMER) is not None,
            "周敏's value stored",
            typist,
        )
        eventually(
            lambda: total_of(home(), "东昌府区") not in (None, before),
            "东昌府区's total to change in the other terminal",
            home,
        )
