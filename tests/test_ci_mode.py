"""Under CI a test that would skip for a missing component fails the run; elsewhere it skips and
the summary says why. Each case runs a small real pytest session with the suite's conftest."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8")

NEEDS_A_MISSING_TOOL = """
import shutil
import pytest

def test_needs_a_tool():
    if shutil.which("assessor-no-such-tool") is None:
        pytest.skip("assessor-no-such-tool is not installed")

@pytest.mark.skipif(shutil.which("assessor-no-such-tool") is None, reason="no such tool")
def test_marked_for_a_tool():
    pass

def test_runs():
    pass
"""


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest(CONFTEST.replace('pytest_plugins = ["pytester"]', ""))
    pytester.makepyfile(test_tool=NEEDS_A_MISSING_TOOL)
    return pytester


def test_a_missing_component_fails_the_run_under_ci(
    suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    result = suite.runpytest_subprocess("-p", "no:randomly")
    # a skip inside the test is a failure; a skipif mark acts at setup, so it is an error
    result.assert_outcomes(passed=1, failed=1, errors=1)
    result.stdout.fnmatch_lines(["*skipped under CI: assessor-no-such-tool is not installed*"])
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_missing_component_skips_with_its_reason_outside_ci(
    suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    result = suite.runpytest_subprocess("-p", "no:randomly", "-rs")
    result.assert_outcomes(passed=1, skipped=2)
    result.stdout.fnmatch_lines(["SKIPPED*assessor-no-such-tool is not installed*"])
    assert result.ret == pytest.ExitCode.OK


def test_a_module_skipped_at_import_fails_under_ci(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makeconftest(CONFTEST.replace('pytest_plugins = ["pytester"]', ""))
    pytester.makepyfile(test_mod="import pytest\npytest.importorskip('assessor_no_such_module')\n")
    monkeypatch.setenv("CI", "true")
    result = pytester.runpytest_subprocess("-p", "no:randomly")
    result.stdout.fnmatch_lines(["*skipped under CI*assessor_no_such_module*"])
    assert result.ret != pytest.ExitCode.OK


def test_the_suite_prints_the_reason_of_every_skip() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert "-rs" in pyproject["tool"]["pytest"]["ini_options"]["addopts"].split()
