"""A county's star rating through three stages (自评 → 复核 → 评审) in a workspace, on SQLite and
PostgreSQL: per-stage results, the differences and the reviewer's reasons, computed by hand;
evidence that is missing or judged 无效 stops a submission, naming the indicator.

The set (data/stage-test.yaml) has four `points` leaves, so every figure below is the sum of the
values entered: A1 (40 points), A2 (30, evidence required), A3 (20), A4 (10); 四星级 from 85,
三星级 from 70.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessor.errors import AssessorError
from assessor.model import Entry
from assessor.store.errors import StoreError
from assessor.store.stage_compare import compare_stages
from assessor.store.stages import judge_evidence, record_site_check, start_stage
from assessor.store.workspace import Workspace, open_workspace

DATA = Path(__file__).parent / "data"
COUNTY = "371502"
WORKSPACE = """\
format: 1
name: 阶段测试（示例）
sets: [stage-test.yaml]
period: "2021"
stages:
  - {key: self, label: 自评, evaluators: [县自评组]}
  - {key: review, label: 复核, evaluators: [市复核组]}
  - {key: expert, label: 评审, evaluators: [专家组]}
sample: true
database: DB
"""
REGIONS = """\
format: 1
regions:
  - {id: "371502", name: 东昌府区, group: 聊城市, declared: "4"}
"""


@pytest.fixture
def ws(db_url: str, tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(DATA / "stage-test.yaml", folder)
    (folder / "workspace.yaml").write_text(WORKSPACE.replace("DB", db_url), encoding="utf-8")
    (folder / "regions.yaml").write_text(REGIONS, encoding="utf-8")
    w = open_workspace(folder)
    try:
        yield w
    finally:
        w.close()


def enter(ws: Workspace, who: str, values: dict[str, str], reasons: dict[str, str] = {}) -> None:  # noqa: B006
    for leaf, v in values.items():
        ws.set_entry(COUNTY, "2021", leaf, who, Entry(value=D(v)), reason=reasons.get(leaf))


def self_assessed(ws: Workspace) -> None:
    ws.use_stage("self")
    enter(ws, "县自评组", {"A1": "38", "A2": "27", "A3": "17", "A4": "8"})  # 90
    ws.add_evidence(COUNTY, "2021", "A2", "县自评组", url="https://example.org/share.png")
    ws.set_status(COUNTY, "2021", "submitted", who="县自评组")


def reviewed(ws: Workspace) -> None:
    self_assessed(ws)
    start_stage(ws, "review", "2021", who="市复核组")
    ws.use_stage("review")
    enter(ws, "市复核组", {"A1": "36"}, {"A1": "平台用户数核减：统计口径含测试账号"})
    ws.set_entry(COUNTY, "2021", "A3", "市复核组", Entry(value=D("15"), comment="两项服务未上线"))
    ws.set_status(COUNTY, "2021", "submitted", who="市复核组")  # 86


def expert_scored(ws: Workspace) -> None:
    reviewed(ws)
    start_stage(ws, "expert", "2021", who="专家组")
    ws.use_stage("expert")
    enter(ws, "专家组", {"A2": "25"}, {"A2": "现场核查：共享目录更新滞后"})  # 84


def test_a_county_declared_four_stars_through_three_stages_computed_by_hand(ws: Workspace) -> None:
    expert_scored(ws)
    [cmp] = compare_stages(ws, "2021")
    assert [(c.score_name, c.total, c.rating) for c in cmp.columns] == [
        ("自评分", D("90.00"), "四星级"),
        ("复核分", D("86.00"), "四星级"),
        ("核定分", D("84.00"), "三星级"),
    ]
    assert cmp.final is not None and cmp.final.key == "expert"  # the last stage is the rating
    rows = {r.id: r for r in cmp.rows}
    assert rows["A1"].points == (D("38.00"), D("36.00"), D("36.00"))
    assert rows["A1"].deltas == (None, D("-2.00"), D("0.00"))
    assert rows["A2"].deltas == (None, D("0.00"), D("-2.00"))
    assert [(c.stage, c.id, c.before, c.after, c.delta, c.reason) for c in cmp.changes] == [
        ("review", "A1", D("38.00"), D("36.00"), D("-2.00"), "平台用户数核减：统计口径含测试账号"),
        ("review", "A3", D("17.00"), D("15.00"), D("-2.00"), "两项服务未上线"),
        ("expert", "A2", D("27.00"), D("25.00"), D("-2.00"), "现场核查：共享目录更新滞后"),
    ]
    assert cmp.unexplained == []
    assert ws.store.verify_audit() == []


def test_a_change_without_a_reason_is_listed_as_unexplained(ws: Workspace) -> None:
    self_assessed(ws)
    start_stage(ws, "review", "2021", who="市复核组")
    ws.use_stage("review")
    enter(ws, "市复核组", {"A4": "5"})
    [cmp] = compare_stages(ws, "2021")
    assert [(c.id, c.reason) for c in cmp.unexplained] == [("A4", None)]
    assert cmp.columns[2].started is False and cmp.columns[2].total is None


def test_the_comment_carried_over_from_the_stage_before_is_not_a_reason(ws: Workspace) -> None:
    ws.use_stage("self")
    ws.set_entry(COUNTY, "2021", "A1", "县自评组", Entry(value=D("38"), comment="自评说明"))
    ws.set_status(COUNTY, "2021", "submitted", who="县自评组")
    start_stage(ws, "review", "2021", who="市复核组")
    ws.use_stage("review")
    ws.set_entry(COUNTY, "2021", "A1", "市复核组", Entry(value=D("30"), comment="自评说明"))
    [cmp] = compare_stages(ws, "2021")
    assert [(c.id, c.reason) for c in cmp.changes] == [("A1", None)]


def test_each_stage_takes_values_only_from_its_own_evaluators(ws: Workspace) -> None:
    ws.use_stage("review")
    with pytest.raises(AssessorError, match="县自评组 is not an evaluator of stage review"):
        ws.set_entry(COUNTY, "2021", "A1", "县自评组", Entry(value=D("1")))


def test_the_current_stage_is_the_latest_with_entries(ws: Workspace) -> None:
    assert ws.stage == "self"  # nothing yet: the first stage
    reviewed(ws)
    ws.use_stage(None)
    assert ws.stage == "review"
    assert ws.assessment("2021").entries[COUNTY]["A1"][0].value == D("36")


def test_an_unknown_stage_lists_the_stages(ws: Workspace) -> None:
    with pytest.raises(AssessorError, match=r"stages: self \(自评\), review \(复核\), expert"):
        ws.use_stage("province")


def test_submitting_with_required_evidence_missing_is_refused_naming_the_indicator(
    ws: Workspace,
) -> None:
    ws.use_stage("self")
    enter(ws, "县自评组", {"A1": "38", "A2": "27"})
    with pytest.raises(
        StoreError, match=r"371502 2021 cannot become submitted.*A2: no evidence attached"
    ):
        ws.set_status(COUNTY, "2021", "submitted", who="县自评组")
    assert ws.statuses("2021")[COUNTY] == "draft"


def test_submitting_with_required_evidence_judged_invalid_is_refused_naming_the_indicator(
    ws: Workspace,
) -> None:
    self_assessed(ws)
    start_stage(ws, "review", "2021", who="市复核组")
    ws.use_stage("review")
    judge_evidence(ws, COUNTY, "2021", "A2", "https://example.org/share.png", "无效",
                   who="市复核组", reason="截图不是本县的共享目录")  # fmt: skip
    with pytest.raises(
        StoreError, match=r"A2: no usable evidence item: https://example.org/share.png 无效"
    ):
        ws.set_status(COUNTY, "2021", "submitted", who="市复核组")
    judge_evidence(
        ws, COUNTY, "2021", "A2", "https://example.org/share.png", "有效", who="市复核组"
    )
    ws.set_status(COUNTY, "2021", "final", who="市复核组")


def test_a_stage_starts_only_after_the_stage_before_was_submitted(ws: Workspace) -> None:
    ws.use_stage("self")
    enter(ws, "县自评组", {"A1": "38"})
    with pytest.raises(AssessorError, match="none has submitted stage self"):
        start_stage(ws, "review", "2021", who="市复核组")
    with pytest.raises(AssessorError, match="the first stage: it starts empty"):
        start_stage(ws, "self", "2021", who="市复核组")


def test_the_site_check_belongs_to_its_stage(ws: Workspace) -> None:
    from assessor.store.review import site_check

    expert_scored(ws)
    record_site_check(ws, COUNTY, "2021", checked_on="2021-11-03", checkers=["陈静", "张磊"],
                      findings="共享目录更新滞后", who="专家组")  # fmt: skip
    assert site_check(ws.store, ws.set_id, "expert", COUNTY, "2021") is not None
    assert site_check(ws.store, ws.set_id, "review", COUNTY, "2021") is None
