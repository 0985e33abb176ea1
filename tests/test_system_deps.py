"""scripts/system-deps.sh stops setup when it cannot install what the tests need."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "system-deps.sh"
BASH = shutil.which("bash") or "/bin/bash"


def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # An empty PATH: no dpkg, as on a machine that is not Debian.
    return subprocess.run([BASH, str(SCRIPT)], env=env, capture_output=True, text=True)


def test_a_machine_it_cannot_install_on_fails_setup_naming_the_packages(tmp_path: Path) -> None:
    p = run({"PATH": str(tmp_path)})
    assert p.returncode == 1
    assert "not a Debian system" in p.stderr
    assert "postgresql" in p.stderr and "poppler-utils" in p.stderr


def test_system_deps_skip_goes_on_with_a_warning(tmp_path: Path) -> None:
    p = run({"PATH": str(tmp_path), "SYSTEM_DEPS": "skip"})
    assert p.returncode == 0
    assert "going on without them" in p.stderr
