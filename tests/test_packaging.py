"""A built assessor installs with its dependencies and finds its bundled sets and templates.

Built for real (an sdist, then a wheel from it, as pip, pipx and `uv tool` do from an index),
installed with its declared dependencies — nothing borrowed from this environment — into:

- a clean virtualenv made from the base interpreter (no system site-packages);
- a `pip install --user` style user base (the base interpreter, a private PYTHONUSERBASE);
- a pipx / `uv tool` style layout: the virtualenv's `assessor` linked from another bin folder.

Dependencies come from the locked wheels that `make setup` keeps in `.venv/wheelhouse`
(`pip wheel -r requirements-lock.txt`), so no test goes back to the index, and a dependency
missing from pyproject.toml fails here. An editable checkout hides this kind of mistake.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements-lock.txt"
BASE_PYTHON = Path(getattr(sys, "_base_executable", sys.executable))

pytestmark = pytest.mark.slow


def sh(cmd: Sequence[str | Path], **kw: object) -> subprocess.CompletedProcess[str]:
    p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kw)  # type: ignore[call-overload]
    assert p.returncode == 0, f"{' '.join(map(str, cmd))}\n{p.stdout}\n{p.stderr}"
    return p  # type: ignore[no-any-return]


def pip(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """This environment's pip, pointed at another interpreter with --python where needed."""
    return sh([sys.executable, "-m", "pip", "--disable-pip-version-check", *args])


def clean_env(**extra: str) -> dict[str, str]:
    """No PYTHON* variables of this run, no virtualenv: as in a new shell."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the sdist, the wheel built from it) — no build isolation: the venv's setuptools."""
    dist = tmp_path_factory.mktemp("dist")
    build_sdist = f"from setuptools import build_meta as b; print(b.build_sdist({str(dist)!r}))"
    name = sh([sys.executable, "-c", build_sdist], cwd=ROOT).stdout.split()[-1]
    target = dist / name
    pip("wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, target)
    (wheel,) = dist.glob("assessor-*.whl")
    return target, wheel


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The locked wheels `make setup` keeps; built from the lock when this venv has none."""
    kept = Path(sys.prefix) / "wheelhouse"
    if kept.is_dir() and any(kept.glob("*.whl")):
        return kept
    made = tmp_path_factory.mktemp("wheelhouse")
    pip("wheel", "-q", "-w", made, "-r", LOCK)
    return made


def install(python: Path, wheelhouse: Path, *args: str | Path) -> None:
    """Into `python`'s environment: the locked wheels only, never the index."""
    pip("--python", python, "install", "-q", "--no-compile", "--no-index", "--find-links", wheelhouse, "-c", LOCK, *args)  # fmt: skip


@pytest.fixture(scope="module")
def venv(
    built: tuple[Path, Path], wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A clean virtualenv of the base interpreter with the wheel and its dependencies."""
    where = tmp_path_factory.mktemp("venv") / "assessor"
    sh([BASE_PYTHON, "-m", "venv", "--without-pip", where])
    cfg = (where / "pyvenv.cfg").read_text()
    assert "include-system-site-packages = false" in cfg
    install(where / "bin" / "python", wheelhouse, built[1])
    return where


def test_the_clean_virtualenv_sees_no_other_site_packages(venv: Path, tmp_path: Path) -> None:
    """What makes the install tests meaningful: nothing leaks in from the base Python's
    site-packages (which may hold anything) or a user site; assessor itself is not in either."""
    probe = "import sys; print('\\n'.join(p for p in sys.path if 'site-packages' in p))"
    paths = sh([venv / "bin" / "python", "-c", probe], cwd=tmp_path, env=clean_env()).stdout
    assert paths.split() and all(Path(p).is_relative_to(venv) for p in paths.split()), paths
    base = subprocess.run(
        [BASE_PYTHON, "-c", "import assessor"], cwd=tmp_path, env=clean_env(), capture_output=True
    )
    assert base.returncode != 0, "assessor is installed in the base interpreter"


def test_the_sdist_and_the_wheel_carry_every_bundled_set_and_template(
    built: tuple[Path, Path],
) -> None:
    sdist, wheel = built
    with tarfile.open(sdist) as tar, zipfile.ZipFile(wheel) as whl:
        in_sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
        in_wheel = set(whl.namelist())
    for folder in ("indicators", "templates"):
        for f in (ROOT / folder).iterdir():
            assert f"{folder}/{f.name}" in in_sdist, f"sdist lacks {folder}/{f.name}"
            assert f"assessor/{folder}/{f.name}" in in_wheel, f"wheel lacks {folder}/{f.name}"
    assert not any(n.endswith(".data/") or "/data/share/" in n for n in in_wheel)


def test_the_wheel_declares_every_third_party_package_it_imports(built: tuple[Path, Path]) -> None:
    import ast

    from packaging.requirements import Requirement

    with zipfile.ZipFile(built[1]) as z:
        (meta,) = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
        lines = z.read(meta).decode().splitlines()
        sources = {n: z.read(n).decode() for n in z.namelist() if n.endswith(".py")}
    declared = {
        Requirement(line.split(":", 1)[1]).name.lower().replace("_", "-")
        for line in lines
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    }
    # import name → distribution, where they differ
    dist_of = {"yaml": "pyyaml", "fonttools": "fonttools", "pydantic_core": "pydantic-core"}
    imported: set[str] = set()
    for text in sources.values():
        for node in ast.walk(ast.parse(text)):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                else []
            )
            imported.update(n.split(".")[0] for n in names)
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "assessor"}
    optional = {"psycopg"}  # the [postgres] extra; SQLAlchemy imports it by URL only
    missing = {
        m for m in third_party - optional if dist_of.get(m.lower(), m.lower()) not in declared
    }
    assert not missing, f"imported but not in [project] dependencies: {sorted(missing)}"


def check_installed(bin_dir: Path, tmp_path: Path, env: dict[str, str], *, pdf: bool) -> None:
    """From an unrelated folder: the bundled set is found by its id, scored, and reported."""
    ws = tmp_path / "ws"
    ws.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        (ws / name).write_bytes((ROOT / "samples" / "workspace" / name).read_bytes())
    entries = sorted(str(p) for p in (ROOT / "samples" / "sd-county-2020").glob("*.yaml"))
    assessor = bin_dir / "assessor"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return sh([assessor, *args], cwd=tmp_path, env=env)

    where = run("doctor").stdout
    assert "report templates" in where
    run("import", "-w", str(ws), "--who", "t", *entries)
    assert "371502" in run("status", "-w", str(ws)).stdout
    if pdf:
        run("report", str(ws), "--region", "371502", "--quiet", "-o", str(tmp_path / "out"))
        assert list((tmp_path / "out").glob("county-*.pdf"))


def test_a_clean_virtualenv_install_reports_from_a_workspace_naming_a_bundled_set(
    venv: Path, tmp_path: Path
) -> None:
    probe = "import assessor; print(assessor.__file__)"
    site = sh([venv / "bin" / "python", "-c", probe], cwd=tmp_path, env=clean_env())
    assert str(venv) in site.stdout
    check_installed(venv / "bin", tmp_path, clean_env(), pdf=True)


def test_a_pipx_or_uv_tool_layout_finds_the_bundled_sets_and_templates(
    venv: Path, tmp_path: Path
) -> None:
    """pipx and `uv tool` keep one virtualenv per tool and link its script into ~/.local/bin."""
    bin_dir = tmp_path / "local-bin"
    bin_dir.mkdir()
    (bin_dir / "assessor").symlink_to(venv / "bin" / "assessor")
    env = clean_env(PATH=f"{bin_dir}:/usr/local/bin:/usr/bin:/bin")
    check_installed(bin_dir, tmp_path, env, pdf=False)


def test_a_user_install_finds_the_bundled_sets_and_templates(
    built: tuple[Path, Path], wheelhouse: Path, tmp_path: Path
) -> None:
    """`pip install --user` puts the package under the user base, not under sys.prefix."""
    user_base = tmp_path / "userbase"
    env = clean_env(PYTHONUSERBASE=str(user_base))
    sh(
        [
            sys.executable,
            "-m",
            "pip",
            "--disable-pip-version-check",
            "--python",
            BASE_PYTHON,
            "install",
            "-q",
            "--no-compile",
            "--user",
            # A Debian-managed base Python refuses --user installs (PEP 668) unless told; only
            # the private PYTHONUSERBASE in tmp_path is written.
            "--break-system-packages",
            "--no-index",
            "--find-links",
            str(wheelhouse),
            "-c",
            str(LOCK),
            str(built[1]),
        ],
        env={**env, "PATH": os.environ["PATH"]},
        cwd=tmp_path,
    )
    probe = "import assessor.resources as r; print(r.bundled('indicators')); print(r.bundled('templates'))"
    found = sh([BASE_PYTHON, "-c", probe], env=env, cwd=tmp_path).stdout.split()
    assert all(Path(p).is_relative_to(user_base) and Path(p).is_dir() for p in found), found
    check_installed(user_base / "bin", tmp_path, env, pdf=False)
