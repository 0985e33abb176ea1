"""Fixtures: a small Chinese indicator set scored by the real engine (no loader, no files).

Reports must show the engine's numbers, so tests compare PDFs against `result_to_json`.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from assessor.model import Assessment, Entry, IndicatorSet, Region, RegionResult
from assessor.scoring import CompiledSet, compile_set, score

SET_YAML = """
format: 1
id: test-county
name: 县级智慧城市测试指标
version: "2024.1"
source: 测试用指标体系
full_score: 100
tree:
  - id: D1
    name: 数字惠民
    points: 40
    children:
      - id: D1-01
        name: 公共交通乘车电子支付使用率
        share: 50
        unit: "%"
        method: bands
        input: {type: number, min: 0, max: 100}
        bands:
          - {above: 90, score: 1.0, level: 5}
          - {min: 75, score: 0.8, level: 4}
          - {min: 50, score: 0.6, level: 3}
          - {min: 0, score: 0.3, level: 1}
      - id: D1-02
        name: 智慧校园覆盖率
        share: 50
        unit: "%"
        method: ratio
        input: {type: number, min: 0, max: 100}
  - id: D2
    name: 数字政府
    points: 35
    children:
      - id: D2-01
        name: 政务服务事项网上可办率
        share: 60
        method: ratio
        input: {type: number, min: 0, max: 100}
      - id: D2-02
        name: 政务数据共享平台建设
        share: 40
        method: choice
        options:
          - {key: good, label: 优秀, score: 1.0}
          - {key: fair, label: 一般, score: 0.6}
          - {key: poor, label: 较差, score: 0.2}
  - id: D3
    name: 基础设施
    points: 25
    children:
      - id: D3-01
        name: 5G网络覆盖率
        share: 100
        method: ratio
        input: {type: number, min: 0, max: 100}
rating:
  grades:
    - {key: "5", label: 五星级, stars: 5, min_score: 90}
    - {key: "4", label: 四星级, stars: 4, min_score: 80}
    - {key: "3", label: 三星级, stars: 3, min_score: 70}
    - {key: "0", label: 未达星级, stars: 0}
"""

REGIONS = [
    Region(id="371502", name="东昌府区", group="聊城市"),
    Region(id="371521", name="阳谷县", group="聊城市"),
    Region(id="371302", name="兰山区", group="临沂市"),
]

#: period → region → leaf → value
VALUES: dict[str, dict[str, dict[str, Any]]] = {
    "2024-01": {
        "371502": {"D1-01": "80", "D1-02": "70", "D2-01": "85", "D2-02": "fair", "D3-01": "60"},
        "371521": {"D1-01": "95", "D1-02": "90", "D2-01": "92", "D2-02": "good", "D3-01": "88"},
        "371302": {"D1-01": "60", "D1-02": "55", "D2-01": "70", "D2-02": "poor", "D3-01": "50"},
    },
    "2024-02": {
        "371502": {"D1-01": "92", "D1-02": "81", "D2-01": "90", "D2-02": "good", "D3-01": "75"},
        "371521": {"D1-01": "91", "D1-02": "85", "D2-01": "88", "D2-02": "fair", "D3-01": "80"},
        "371302": {"D1-01": "70", "D1-02": "65", "D2-01": "72", "D2-02": "fair", "D3-01": "58"},
    },
}


def make_entry(value: str, comment: str | None = None, evidence: tuple[str, ...] = ()) -> Entry:
    v: Any = Decimal(value) if value[0].isdigit() else value
    return Entry(value=v, evaluator="张三", comment=comment, evidence=evidence)


def build_assessments(
    comments: dict[tuple[str, str], str] | None = None,
    evidence: dict[tuple[str, str], tuple[str, ...]] | None = None,
    names: dict[str, str] | None = None,
) -> list[Assessment]:
    """Assessments of VALUES; comments/evidence keyed by (region, leaf) go into the last period."""
    comments = comments or {}
    evidence = evidence or {}
    out = []
    last = max(VALUES)
    for period, regions in VALUES.items():
        a = Assessment(period=period)
        for region in REGIONS:
            if names and region.id in names:
                region = region.model_copy(update={"name": names[region.id]})
            for leaf, value in regions[region.id].items():
                key = (region.id, leaf)
                a.add(
                    region,
                    leaf,
                    make_entry(
                        value,
                        comments.get(key) if period == last else None,
                        evidence.get(key, ()) if period == last else (),
                    ),
                )
        out.append(a)
    return out


@pytest.fixture(scope="session")
def indicator_set() -> IndicatorSet:
    return IndicatorSet.model_validate(yaml.safe_load(SET_YAML))


@pytest.fixture(scope="session")
def compiled(indicator_set: IndicatorSet) -> CompiledSet:
    return compile_set(indicator_set)


@pytest.fixture(scope="session")
def results(compiled: CompiledSet) -> list[RegionResult]:
    comments = {("371502", "D1-01"): "已实现公交全覆盖，地铁在建。"}
    evidence = {("371502", "D1-01"): ("docs/d1-01.pdf",)}
    return score(compiled, build_assessments(comments, evidence))


@pytest.fixture(scope="session")
def renderer() -> Any:
    """One Renderer for the whole session, as a CLI run or a batch worker would keep it."""
    from assessor.report.render import Renderer

    return Renderer()


@pytest.fixture(scope="session")
def pdftotext() -> Callable[[bytes, Path], str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")

    def run(pdf: bytes, tmp: Path) -> str:
        path = tmp / "x.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout

    return run
