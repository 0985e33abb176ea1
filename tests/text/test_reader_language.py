"""The command line speaks the reader's language: ASSESSOR_LANG, else the locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessor.errors import AssessorError, Problem
from assessor.text.catalogue import reader_lang, said, say_count
from assessor.text.problems import error_text, problem_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"ASSESSOR_LANG": "zh"}, "zh"),
        ({"ASSESSOR_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"ASSESSOR_LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C.UTF-8"}, "zh"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_reader_language_comes_from_assessor_lang_then_the_locale(
    environ: dict[str, str], expected: str
) -> None:
    assert reader_lang(environ) == expected


def test_a_problem_reads_in_either_language_and_keeps_its_place() -> None:
    p = Problem(said("cli.lint.no_files", paths="x.yaml"), "a.yaml", 3, 5, "tree[0]")
    assert problem_text(p, "zh") == "a.yaml:3:5: [tree[0]] 在 x.yaml 中没有找到指标集文件"
    assert str(p) == problem_text(p, "en")
    assert str(p) == "a.yaml:3:5: [tree[0]] no indicator set files found in x.yaml"


def test_a_warning_says_so_in_its_language() -> None:
    p = Problem(said("cli.lint.no_files", paths="x"), "a.yaml", severity="warning")
    assert problem_text(p, "zh").startswith("a.yaml: 警告：")
    assert problem_text(Problem(said("cli.lint.no_files", paths="x")), "en") == (
        "no indicator set files found in x"
    )
    assert problem_text(p, "en").startswith("a.yaml: warning: ")
    assert str(p) == problem_text(p, "en")


def test_an_error_lists_every_problem_in_the_language_asked() -> None:
    err = AssessorError([Problem(said("cli.lint.no_files", paths=n)) for n in ("a", "b")])
    assert error_text(err, "zh").splitlines() == [
        "在 a 中没有找到指标集文件",
        "在 b 中没有找到指标集文件",
    ]


def test_a_message_filled_with_another_message_keeps_one_language() -> None:
    inner = said("cli.lint.no_files", paths="x")
    outer = said("punct.paren", text=inner)
    assert outer.zh == "（在 x 中没有找到指标集文件）"
    assert str(outer) == " (no indicator set files found in x)"


def test_counts_take_the_plural_their_language_needs() -> None:
    assert say_count("cli.problems_found", 1, "en") == "1 problem found."
    assert say_count("cli.problems_found", 2, "en") == "2 problems found."
    assert say_count("cli.problems_found", 2, "zh") == "发现 2 个问题。"


def _lint(env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("ASSESSOR_LANG", "LC_ALL")}
    return subprocess.run(
        [sys.executable, "-m", "assessor", "lint", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**clean, **env},
        timeout=120,
    )


def test_lint_speaks_chinese_to_a_chinese_locale(tmp_path: Path) -> None:
    missing = str(tmp_path / "无此文件.yaml")
    out = _lint({"LANG": "zh_CN.UTF-8"}, missing)
    assert out.returncode == 1
    assert out.stdout.splitlines()[-1] == "检查了 1 个指标集：1 个错误，0 个警告"


def test_lint_speaks_english_when_asked_whatever_the_locale(tmp_path: Path) -> None:
    out = _lint({"LANG": "zh_CN.UTF-8", "ASSESSOR_LANG": "en"}, str(tmp_path / "none.yaml"))
    assert out.stdout.splitlines()[-1] == "1 set checked, 1 error, 0 warnings"


def test_a_usage_error_speaks_the_reader_language(tmp_path: Path) -> None:
    out = _lint({"ASSESSOR_LANG": "zh"}, str(tmp_path))
    assert out.returncode == 2
    assert out.stderr.strip() == f"assessor：在 {tmp_path} 中没有找到指标集文件"
