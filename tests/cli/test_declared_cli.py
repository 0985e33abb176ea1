"""The declared grade (申报星级, regions.yaml `declared`) in `assessor score` and `explain`, on
the sample workspace: 东阿县 371524 declares 四星级(成长型) and scores 84.52."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tui.conftest import sample_workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_workspace(tmp_path_factory.mktemp("declared") / "ws")


def _run(*argv: str) -> str:
    from tests.indicators.common import run_cli

    rc, out = run_cli(list(argv))
    assert rc == 0, out
    return out


def test_score_json_says_whether_the_declared_grade_is_reached(workspace: Path) -> None:
    docs = {d["region"]: d for d in json.loads(_run("score", str(workspace), "--format", "json"))}
    assert docs["371524"]["declared"]["reached"] is False
    assert docs["371524"]["declared"]["failed"] == ["未满足：总分 ≥ 85（实际 84.52）"]
    assert docs["371502"]["declared"]["reached"] is True  # 93.59, 五星级 as declared
    assert "declared" not in docs["371503"]  # 茌平区 declares nothing


def test_explain_names_the_failing_condition_and_the_indicators_below_the_grade(
    workspace: Path,
) -> None:
    out = _run("explain", str(workspace), "--region", "371524")
    assert "申报四星级(成长型)：未达到（评定为四星级(基础型)）；指标达标 31 项、未达标 10 项" in out
    assert "D4-05 县级大数据平台：未达标（现 2 级，需 ≥ 4 级）" in out


def test_explain_can_judge_another_grade(workspace: Path) -> None:
    out = _run("explain", str(workspace), "--region", "371524", "--declared", "4A")
    assert "申报四星级(基础型)：已达到" in out
