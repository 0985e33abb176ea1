"""End to end in a real terminal: tmux runs the TUI, keys are typed from the moment it starts
(0.05 s apart, before the workspace is even read), the session is killed, and the database
holds what was typed. Waits are for conditions (text on screen, a row in the database)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace

NEWCOMER = "专家组-周敏"  # the sample workspace's evaluator with nothing entered
TIMEOUT = 60.0  # generous: the suite must pass with both cores busy
pytestmark = pytest.mark.slow


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=30).stdout


def eventually(check: Callable[[], object], what: str, screen: Callable[[], str]) -> None:
    """Poll until `check()` holds (a condition, not a fixed wait); fail with the screen."""
    deadline = time.monotonic() + TIMEOUT
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} never happened; screen:\n{screen()}")
        time.sleep(0.1)


@contextmanager
def terminal(workspace: Path, size: tuple[int, int], evaluator: str) -> Iterator[str]:
    """The TUI in a detached tmux session of `size`; killed at the end like a closed window."""
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is required under CI")
        pytest.skip("tmux is not installed")
    session = f"assessor-{uuid.uuid4().hex[:8]}"
    cmd = (
        f"cd {workspace} && ASSESSOR_CONFIG_DIR={workspace}/.settings "
        f"{sys.executable} -m assessor tui --evaluator {evaluator}"
    )
    tmux("new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), cmd)
    try:
        yield session
    finally:
        tmux("kill-session", "-t", session)  # no chance to clean up


def laid_out_at(screen: str, width: int) -> bool:
    """The app uses the whole width: its footer (right-aligned `^p`) ends at the last column
    (a stale COLUMNS once pinned it to 80 columns in a 160-column terminal)."""
    from rich.cells import cell_len

    footer = [line for line in screen.splitlines() if "^p" in line]
    return bool(footer) and cell_len(footer[-1].rstrip()) >= width - 2


def typed(session: str, *keys: str) -> None:
    """Each key 0.05 s after the one before, as a quick typist; text keys literally."""
    for key in keys:
        if len(key) == 1:
            tmux("send-keys", "-t", session, "-l", key)
        else:
            tmux("send-keys", "-t", session, key)
        time.sleep(0.05)


def entry(workspace: Path, leaf: str, who: str) -> object:
    ws = open_workspace(workspace)
    try:
        got = ws.store.get_entry(EntryKey(ws.set_id, "371502", "2021", who, leaf))
        return None if got is None else got.entry
    finally:
        ws.close()


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_keys_typed_from_launch_reach_the_indicator_store_once_and_survive_a_kill(
    workspace: Path, size: tuple[int, int]
) -> None:
    """`/ dcfq Enter Enter` opens 东昌府区, `n` its first indicator not entered (D1-01, two
    inputs), `Enter 45 Enter 60 Enter` stores both at once; then the terminal is killed."""
    with terminal(workspace, size, NEWCOMER) as session:
        typed(session, "/", *"dcfq", "Enter", "Enter", "n", "Enter", "4", "5", "Enter",
              "6", "0", "Enter")  # fmt: skip
        eventually(
            lambda: entry(workspace, "D1-01", NEWCOMER) is not None,
            "storing D1-01",
            lambda: tmux("capture-pane", "-t", session, "-p"),
        )
        eventually(
            lambda: "已保存" in tmux("capture-pane", "-t", session, "-p"),
            "'已保存' on screen",
            lambda: tmux("capture-pane", "-t", session, "-p"),
        )
        shown = tmux("capture-pane", "-t", session, "-p")
        assert laid_out_at(shown, size[0]), shown
    got = entry(workspace, "D1-01", NEWCOMER)
    assert got is not None
    assert {k: str(v) for k, v in got.inputs.items()} == {"used": "45", "total": "60"}  # type: ignore[attr-defined]
    ws = open_workspace(workspace)
    try:
        mine = [r for r in ws.store.audit_log(region="371502", leaf="D1-01") if r.who == NEWCOMER]
        assert len(mine) == 1  # one decision, one record
        assert ws.store.verify_audit() == []
    finally:
        ws.close()


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_a_broken_set_file_at_launch_shows_the_problems_not_an_endless_load(
    workspace: Path, size: tuple[int, int]
) -> None:
    (workspace / "sd-county-2020.yaml").write_text(
        "id: sd-county-2020\nname: [broken\n", encoding="utf-8"
    )
    with terminal(workspace, size, NEWCOMER) as session:

        def screen() -> str:
            return tmux("capture-pane", "-t", session, "-p")

        eventually(lambda: "未能载入" in screen(), "the load problems", screen)
        shown = screen()
        assert "YAML" in shown and "正在读取" not in shown
        assert "e 编辑" in shown
        assert laid_out_at(shown, size[0]), shown
