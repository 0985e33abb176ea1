"""The suite's one switch for skipped tests: under CI a skip is a failure.

A test skips when a component it needs is missing on this machine (PostgreSQL server binaries,
poppler-utils, LibreOffice, tmux …). On a developer's machine that is a skip, listed with its
reason in the summary (`-rs` in pyproject's addopts). Under CI (`CI=true`, as `.ci/run` is run)
every component is installed by `scripts/system-deps.sh`, so a skip means a test that never ran
behind a green result: it is reported as a failure that names the reason instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Generator

import pytest

pytest_plugins = ["pytester"]  # tests/test_ci_mode.py runs small suites under the switch

CI_VALUES = {"1", "true", "yes"}
_OWN_CACHE = pytest.StashKey[str]()


def ci_mode() -> bool:
    """True under CI (`CI=true`, `CI=1` or `CI=yes`, as CI services set it)."""
    return os.environ.get("CI", "").strip().lower() in CI_VALUES


def pytest_configure(config: pytest.Config) -> None:
    """The suite's own set cache (assessor/loader/cache.py), empty at the start: results never
    depend on what a developer's ~/.cache holds, and the commands the tests run share it."""
    if "ASSESSOR_TEST_CACHE" not in os.environ:  # else an outer run's (pytester, workers)
        folder = tempfile.mkdtemp(prefix="assessor-test-cache-")
        os.environ["ASSESSOR_TEST_CACHE"] = folder
        config.stash[_OWN_CACHE] = folder
    os.environ["ASSESSOR_CACHE_DIR"] = os.environ["ASSESSOR_TEST_CACHE"]
    # The command line speaks the reader's language (ASSESSOR_LANG, else the locale): the suite
    # reads English unless a test asks for Chinese, whatever the developer's locale is.
    os.environ["ASSESSOR_LANG"] = "en"


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_OWN_CACHE, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop("ASSESSOR_TEST_CACHE", None)


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


def pytest_collection_finish(session: pytest.Session) -> None:
    """The collected suite's objects (modules, classes, parametrized cases) live to the end:
    frozen, Python's collector no longer scans them at every full collection, and a larger
    first generation collects less often (Textual and WeasyPrint allocate millions of short-
    lived objects). Measured on tests/tui/test_scoring_flow.py with tests/gate/test_fuzz.py:
    about 5 % less CPU. The commands themselves manage the collector (assessor/gcpause.py)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    _quicker_pilot_idle()


def _quicker_pilot_idle() -> None:
    """Pilot waits for the app to go idle after every key by sleeping 20 ms at a time until
    a 20-ms window passes with under 1 ms of CPU (textual/_wait.py): over the suite's thousands
    of key presses, minutes of sleep. Windows of 5 ms with the same 5 % bound let a test go on
    as soon as the app is idle; what tests wait for is still checked (tests/tui/waiting.py)."""
    try:
        from textual import _wait
    except ImportError:  # pragma: no cover - textual is a dependency
        return
    _wait.SLEEP_GRANULARITY = 1 / 200
    _wait.SLEEP_IDLE = _wait.SLEEP_GRANULARITY / 20.0


#: Test files of 30 s or more on 2 cores (`pytest --durations`, 2026-11-26), then the TUI's
#: (the heaviest folder): run first, so that the two workers end on short files together
#: instead of one finishing a long file alone (pytest-xdist's loadfile hands out files in
#: collection order). Only the order changes; tests/test_suite_order.py checks the names.
LONG_FIRST = (
    "tests/tui/test_keyboard_county.py",
    "tests/store/test_crash_and_concurrency.py",
    "tests/gate/test_fuzz.py",
    "tests/cli/test_report_cli.py",
    "tests/store/test_workspace.py",
    "tests/text/test_cli_zh.py",
    "tests/tui/test_languages.py",
    "tests/tui/test_scoring_flow.py",
    "tests/test_packaging.py",
    "tests/report/test_pdf_figures.py",
    "tests/tui/test_tmux_stages.py",
    "tests/tui/test_period_rollup.py",
    "tests/tui/test_tmux_campaign.py",
    "tests/tui/",
)


def run_order(nodeid: str) -> int:
    """Where a test's file comes in the run: its place in LONG_FIRST, else after them all."""
    return next(
        (i for i, prefix in enumerate(LONG_FIRST) if nodeid.startswith(prefix)), len(LONG_FIRST)
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: run_order(item.nodeid))  # stable: a file keeps its own order
