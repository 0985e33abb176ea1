"""Running the real `assessor` command, as a user would, from tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def assessor(
    *args: str, cwd: Path | None = ROOT, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """`python -m assessor ARGS` in the repository (or `cwd`), output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "assessor", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
    )
