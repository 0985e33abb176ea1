"""requirements-lock.txt pins every distribution CI and the tests run with; pyproject.toml keeps
ranges, so a user's install can share an environment with other tools."""

from __future__ import annotations

import importlib.metadata as md
import re
import tomllib
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCKED_EXTRAS = ("dev", "postgres")


def locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements-lock.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate():
            continue  # another platform's pin (colorama on Windows …)
        (spec,) = req.specifier
        assert spec.operator == "==", f"lock line not pinned exactly: {line}"
        pins[canonicalize_name(req.name)] = spec.version
    return pins


def needed(name: str, extras: tuple[str, ...]) -> set[str]:
    """`name` and everything it needs here (with `extras`), from the installed metadata."""
    seen: set[str] = set()
    todo: list[tuple[str, tuple[str, ...]]] = [(name, extras)]
    while todo:
        dist, wanted = todo.pop()
        key = canonicalize_name(dist)
        seen.add(key)
        for text in md.requires(dist) or []:
            req = Requirement(text)
            envs = [{**default_environment(), "extra": e} for e in ("", *wanted)]
            if req.marker is not None and not any(req.marker.evaluate(env) for env in envs):
                continue
            child = canonicalize_name(req.name)
            if child not in seen or req.extras:
                todo.append((req.name, tuple(req.extras)))
    return seen - {"assessor"}


def test_every_distribution_the_tests_use_is_pinned_at_the_installed_version() -> None:
    pins = locked()
    for dist in sorted(needed("assessor", LOCKED_EXTRAS)):
        assert dist in pins, f"{dist} is installed for assessor[dev,postgres] but not locked"
        assert md.version(dist) == pins[dist], (
            f"{dist} {md.version(dist)} installed, {pins[dist]} locked: run `make setup`"
        )


def test_the_lock_holds_nothing_that_is_not_needed() -> None:
    extra = set(locked()) - needed("assessor", LOCKED_EXTRAS)
    assert not extra, f"locked but needed by nothing: {sorted(extra)} (run `make lock`)"


def test_runtime_dependencies_are_ranges_not_pins() -> None:
    for text in PYPROJECT["project"]["dependencies"]:
        assert not re.search(r"===?", text), f"pinned in [project] dependencies: {text}"
