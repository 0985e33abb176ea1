"""What the TUI remembers between runs for this user (the theme), in a small JSON file.

`$ASSESSOR_CONFIG_DIR` or `$XDG_CONFIG_HOME/assessor` or `~/.config/assessor`. A file that
cannot be read or written is ignored: preferences never stop the app.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def settings_path() -> Path:
    base = os.environ.get("ASSESSOR_CONFIG_DIR")
    if base:
        return Path(base) / "tui.json"
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(xdg) / "assessor" / "tui.json"


def load() -> dict[str, object]:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember(key: str, value: object) -> None:
    data = load()
    if data.get(key) == value:
        return
    data[key] = value
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
