"""Running the real `assessor` command, as a user would, from tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def assessor(
    *args: str, cwd: Path | None = ROOT, timeout: float = 180, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m assessor ARGS` in the repository (or `cwd`), output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "assessor", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
    )


def assessor_in(
    lang: str, *args: str, cwd: Path | None = ROOT, timeout: float = 180, **env: str
) -> subprocess.CompletedProcess[str]:
    """`assessor ARGS` as a reader of `lang` runs it: ASSESSOR_LANG=`lang` and a neutral locale
    (LC_ALL and LANGUAGE left out, LANG=C.UTF-8), whatever this machine's locale; `env` on top."""
    clean = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANGUAGE")}
    env = {**clean, "LANG": "C.UTF-8", "ASSESSOR_LANG": lang, **env}
    return assessor(*args, cwd=cwd, timeout=timeout, env=env)


def fresh_python(code: str) -> str:
    """What `code` prints in a new interpreter of this environment (which modules a fresh
    process imports can only be seen there); fails the test if it raises."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
