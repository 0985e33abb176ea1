"""Where assessor keeps what it can compute again (loaded sets, replayable runs).

Its own module, importing only `os` and `pathlib`, so that a command can look in the cache
before it imports anything heavy.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """`$ASSESSOR_CACHE_DIR`, else `$XDG_CACHE_HOME/assessor`, else `~/.cache/assessor`; None
    when `ASSESSOR_NO_CACHE` is set (to anything but 0)."""
    if os.environ.get("ASSESSOR_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("ASSESSOR_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "assessor"


def write_atomically(target: Path, payload: bytes) -> None:
    """Write `payload` to `target` so that another process reads the old file or the new one,
    never half; a read-only or full disk leaves the cache as it was (it is only a cache)."""
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
