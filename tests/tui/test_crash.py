"""An unforeseen error ends the TUI with a short message, a log file and exit status 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.tui.app import AssessorApp
from assessor.tui.crash import crash_message, write_crash_log


class Boom(RuntimeError):
    pass


async def test_an_unforeseen_error_writes_a_log_and_exits_non_zero(
    workspace: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = AssessorApp(workspace, lang="zh")

    def explode() -> None:
        raise Boom("一个没人预见的错误")

    with pytest.raises(Boom):
        async with app.run_test() as pilot:
            app.call_later(explode)
            await pilot.pause()
    assert app.return_code == 1
    assert app.crash_log is not None and app.crash_log.parent == tmp_path / "state" / "assessor"
    logged = app.crash_log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "Boom: 一个没人预见的错误" in logged
    printed = capsys.readouterr().err
    assert "assessor 意外中止：Boom: 一个没人预见的错误" in printed
    assert "完整错误记录" in printed and "Traceback" not in printed
    assert len(printed.splitlines()) <= 4  # two lines, wrapped at most once each


def test_the_message_is_two_lines_naming_the_error_and_the_log(tmp_path: Path) -> None:
    try:
        raise Boom("x" * 1000 + "\nsecond line")
    except Boom as exc:
        log = write_crash_log(type(exc), exc, exc.__traceback__, folder=tmp_path)
        message = crash_message(exc, log, "en")
    lines = message.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("assessor stopped unexpectedly: Boom: xxx")
    assert len(lines[0]) < 400
    assert lines[1].endswith(str(log))
    assert "second line" in log.read_text(encoding="utf-8")
