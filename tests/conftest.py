"""The suite's one switch for skipped tests: under CI a skip is a failure.

A test skips when a component it needs is missing on this machine (PostgreSQL server binaries,
poppler-utils, LibreOffice, tmux …). On a developer's machine that is a skip, listed with its
reason in the summary (`-rs` in pyproject's addopts). Under CI (`CI=true`, as `.ci/run` is run)
every component is installed by `scripts/system-deps.sh`, so a skip means a test that never ran
behind a green result: it is reported as a failure that names the reason instead.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest

pytest_plugins = ["pytester"]  # tests/test_ci_mode.py runs small suites under the switch

CI_VALUES = {"1", "true", "yes"}


def ci_mode() -> bool:
    """True under CI (`CI=true`, `CI=1` or `CI=yes`, as CI services set it)."""
    return os.environ.get("CI", "").strip().lower() in CI_VALUES


def _skip_reason(longrepr: object) -> str:
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _fail_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    reason = _skip_reason(report.longrepr)
    report.outcome = "failed"
    report.longrepr = (
        f"skipped under CI: {reason}\n"
        "CI must run every test: install the missing component (scripts/system-deps.sh) "
        "or run without CI=true to allow skips."
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.skipped and ci_mode() and not hasattr(report, "wasxfail"):
        _fail_skip(report)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, None]:
    outcome = yield
    report: pytest.CollectReport = outcome.get_result()
    if report.skipped and ci_mode():  # a whole module skipped (importorskip, allow_module_level)
        _fail_skip(report)
