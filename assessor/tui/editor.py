"""Open a file in the evaluator's `$VISUAL`/`$EDITOR` while the app is suspended."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import App


def edit(app: App[object], path: Path, line: int | None = None) -> bool:
    """Edit `path` (at `line` for editors that take `+N`); False when no terminal can be
    handed over (headless, web), which is said in a notification."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    args = shlex.split(editor)
    name = Path(args[0]).name if args else ""
    if line and name in ("vi", "vim", "nvim", "nano", "emacs", "micro", "kak", "hx"):
        args.append(f"+{line}")
    try:
        with app.suspend():
            subprocess.call([*args, str(path)])
    except Exception as exc:  # no terminal to hand over: say so, stay up
        app.notify(f"{editor}: {exc}", severity="error")
        return False
    return True
