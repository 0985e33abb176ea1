"""A wheel carries the bundled sets and templates, and an installed `assessor` finds them.

Built and installed for real (pip wheel, a fresh virtualenv), then used from another folder:
an editable checkout hides this kind of mistake.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the virtualenv's bin folder) — dependencies come from this environment."""
    tmp = tmp_path_factory.mktemp("wheel")
    run = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp), str(ROOT)]
    subprocess.run(run, check=True, capture_output=True, timeout=300)
    (wheel,) = tmp.glob("assessor-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)]
    subprocess.run(pip, check=True, capture_output=True, timeout=300)
    return wheel, venv / "bin"


def test_the_wheel_carries_every_bundled_set_and_template(installed: tuple[Path, Path]) -> None:
    names = set(zipfile.ZipFile(installed[0]).namelist())
    for folder, pattern in (("indicators", "*.yaml"), ("templates", "*.html")):
        for f in (ROOT / folder).glob(pattern):
            assert any(n.endswith(f"share/assessor/{folder}/{f.name}") for n in names), f.name


def test_an_installed_assessor_reports_from_a_workspace_naming_a_bundled_set(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    bin_dir = installed[1]
    ws = tmp_path / "ws"
    ws.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        (ws / name).write_bytes((ROOT / "samples" / "workspace" / name).read_bytes())
    entries = sorted(str(p) for p in (ROOT / "samples" / "sd-county-2020").glob("*.yaml"))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(bin_dir / "assessor"), *args]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=180)

    where = run("doctor")
    assert str(bin_dir.parent / "share" / "assessor" / "templates") in where.stdout
    assert run("import", "-w", str(ws), "--who", "t", *entries).returncode == 0
    p = run("report", str(ws), "--region", "371502", "--quiet", "-o", str(tmp_path / "out"))
    assert p.returncode == 0, p.stderr
    assert list((tmp_path / "out").glob("county-*.pdf"))
