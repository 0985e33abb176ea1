"""Build hook: the bundled sets and templates go into the package.

The repository keeps `indicators/` and `templates/` at the top level, where evaluators find and
copy them. A build copies both into the package (`assessor/indicators/`, `assessor/templates/`)
so any install — a virtualenv, `pip install --user`, pipx, `uv tool` — carries them as package
data, read with importlib.resources (assessor/resources.py). Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = ("indicators", "templates")


class BuildPyWithBundled(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        for name in BUNDLED:
            source = HERE / name
            if not source.is_dir():
                raise SystemExit(f"setup.py: {source} is missing; the sdist must carry it")
            target = Path(self.build_lib) / "assessor" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(
                source, target, ignore=shutil.ignore_patterns(".*", "__pycache__", "*.pyc")
            )


setup(cmdclass={"build_py": BuildPyWithBundled})
