"""`assessor agreement` on the bundled county samples (three experts)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.indicators.common import entries_files, run_cli, set_path

SET = "sd-county-2020"


def test_the_least_agreed_indicator_with_its_formula() -> None:
    rc, out = run_cli(
        ["agreement", "--set", str(set_path(SET)), "--entries", *map(str, entries_files(SET))]
    )
    assert rc == 0
    assert "评估人 3 名：专家组-张磊、专家组-赵丽、专家组-陈静" in out
    # D2-10: 12 regions every expert rated, S = 851, ties ΣT = 702:
    # W = 12 × 851 / (3² × (12³ − 12) − 3 × 702) = 10212 / 13338
    assert f"{float(Fraction(10212, 13338)):.3f}" == "0.766"
    assert "D2-10 基层网格化治理：W = 0.766（12 个地区）" in out
    assert "= 12×851 / (3²×(12³−12) − 3×702) = 0.7656" in out
    assert "总分 ICC(2,1) = " in out


def test_one_evaluator_is_refused_with_who_entered(capsys: pytest.CaptureFixture[str]) -> None:
    one = [p for p in entries_files(SET) if "zhaoli" in p.name]
    rc, _ = run_cli(["agreement", "--set", str(set_path(SET)), "--entries", *map(str, one)])
    assert rc != 0
    assert (
        "agreement needs at least 2 evaluators; entries are by 专家组-赵丽"
        in capsys.readouterr().err
    )
