"""End to end in a real terminal: tmux runs the TUI, keys are typed, the session is killed,
and the database holds what was typed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=30).stdout


def wait_for(session: str, text: str, seconds: float = 20) -> str:
    deadline = time.time() + seconds
    screen = ""
    while time.time() < deadline:
        screen = tmux("capture-pane", "-t", session, "-p")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; screen:\n{screen}")


@pytest.mark.slow
@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
def test_typed_scores_survive_a_killed_terminal(workspace: Path, size: tuple[int, int]) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    session = f"assessor-{uuid.uuid4().hex[:8]}"
    cmd = f"cd {workspace} && {sys.executable} -m assessor tui --evaluator 专家组-陈静"
    tmux("new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), cmd)
    try:
        wait_for(session, "东昌府区")
        time.sleep(0.5)
        tmux("send-keys", "-t", session, "C-p")  # command palette: open 东昌府区 by its initials
        time.sleep(0.5)
        tmux("send-keys", "-t", session, "dcfq")
        time.sleep(0.8)
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "D1-01")
        wait_for(session, "371502")
        for _ in range(14):  # root, D1, D1-01 … D1-13 (电子社保卡应用率)
            tmux("send-keys", "-t", session, "Down")
            time.sleep(0.05)
        time.sleep(0.5)
        tmux("send-keys", "-t", session, "Enter")  # edit its value
        time.sleep(0.3)
        for _ in range(6):
            tmux("send-keys", "-t", session, "BSpace")
        tmux("send-keys", "-t", session, "3", "0")
        wait_for(session, "已保存：30")  # "已保存：3" is not enough: the 0 may not be in yet
    finally:
        tmux("kill-session", "-t", session)  # like a closed terminal: no chance to clean up
    ws = open_workspace(workspace)
    try:
        got = ws.store.get_entry(EntryKey(ws.set_id, "371502", "2021", "专家组-陈静", "D1-13"))
        assert got is not None and str(got.entry.value) == "30"
        assert ws.store.verify_audit() == []
    finally:
        ws.close()
