"""When the TUI meets an error nobody foresaw: a short message on the terminal, the whole
traceback in a log file whose path the message gives, and a non-zero exit status.

Textual's default prints a traceback with every local variable, which for a session holding a
whole campaign ran to 50,000 lines and tens of seconds of CPU, and the command still exited 0.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from pathlib import Path
from types import TracebackType


def log_folder() -> Path:
    """`$XDG_STATE_HOME/assessor` (default `~/.local/state/assessor`): the workspace folder may
    be read-only or shared, a crash log is the user's own."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "assessor"


def write_crash_log(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
    *,
    folder: Path | None = None,
) -> Path:
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    text = "".join(traceback.format_exception(exc_type, exc, tb)) if exc else "no exception\n"
    path.write_text(text, encoding="utf-8")
    return path


def crash_message(exc: BaseException | None, log: Path, lang: str) -> str:
    from assessor.tui.i18n import t

    what = f"{type(exc).__name__}: {exc}" if exc else t(lang, "crash_unknown")
    what = what.splitlines()[0][:300] if what.strip() else type(exc).__name__
    return t(lang, "crash").format(what=what, log=log)
