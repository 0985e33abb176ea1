"""A unit against the grade it declared (申报星级): 达标/未达标 per indicator and the failing
conditions, computed by hand; 必达项 (a grade's checklist) in the rating."""

from __future__ import annotations

from assessor.model import Assessment, Region
from assessor.scoring import score
from assessor.scoring.compliance import check_grade, declared_check, find_grade
from assessor.scoring.gap import gap_to_next_grade
from tests.scoring.helpers import assess, make_set, one
from tests.scoring.test_rating import cs as rating_set

CHECKLIST = """
full_score: 100
tree:
  - {id: A, name: 千兆光纤覆盖率, points: 40, method: bands,
     bands: [{min: 90, score: 1, level: 3}, {min: 80, score: 0.9, level: 2}, {min: 70, score: 0.8, level: 1}]}
  - {id: B, name: 5G覆盖率, points: 40, method: bands,
     bands: [{min: 95, score: 1, level: 3}, {min: 80, score: 0.9, level: 1}]}
  - {id: C, name: 组织机制, points: 20, method: check}
rating:
  grades:
    - {key: 标杆型, label: 标杆型, min_score: 95, requires: [{leaf: A, min_level: 3}, {leaf: B, min_level: 3}, C]}
    - {key: 成长型, label: 成长型, min_score: 85, requires: [{leaf: A, min_level: 2}, {leaf: B, min_level: 1}]}
    - {key: 基础型, label: 基础型, min_score: 60, requires: [{leaf: A, min_level: 1, label: 达到70%}, {leaf: B, min_level: 1}]}
    - {key: 未达标, label: 未达标}
"""


def test_a_high_score_with_a_failed_required_item_is_not_that_tier() -> None:
    cs = make_set(CHECKLIST)
    # A 65 % → no band (0 points, level 0); B 100 → 40; C yes → 20: total 60 …
    r = one(cs, {"A": 65, "B": 100, "C": True})
    assert r.rating.key == "未达标"  # … 60 ≥ 基础型's 60, but A misses its 必达项 (70 %)
    # with A at 79: 32 + 40 + 20 = 92 ≥ 成长型's 85, but A is level 1 and 成长型 needs 2
    r = one(cs, {"A": 79, "B": 100, "C": True})
    assert r.rating.key == "基础型"


def test_a_bare_leaf_id_requires_full_points() -> None:
    cs = make_set(CHECKLIST)
    r = one(cs, {"A": 95, "B": 96, "C": False})  # 40 + 40 + 0 = 80; 标杆型 needs C passed
    assert r.rating.key == "基础型"  # 80 < 成长型's 85 as well
    failed = check_grade(cs, find_grade(cs, "标杆型"), r).failed  # type: ignore[arg-type]
    assert [c.line() for c in failed] == [
        "未满足：总分 ≥ 95（实际 80.00）",
        "未满足：必达项 C 组织机制 满分（实际 0.00 / 20.00 分）",
    ]


def test_the_rating_names_the_required_item_that_failed_in_the_documents_words() -> None:
    cs = make_set(CHECKLIST)
    r = one(cs, {"A": 65, "B": 100, "C": True})
    failed = check_grade(cs, find_grade(cs, "基础型"), r).failed  # type: ignore[arg-type]
    assert [c.line() for c in failed] == ["未满足：必达项 A 千兆光纤覆盖率 达到70%（实际 0 级）"]


def _county(stage: dict[str, object]) -> Assessment:
    a = assess({"371502": {**stage, "V1": False, "B1": 0}})
    a.regions["371502"] = Region(id="371502", name="东昌府区", declared="4B")
    return a


# One county declared 四星级(成长型) (4B: 总分 ≥ 85 and 数字惠民 D1 得分率 ≥ 80 %) in the set of
# tests/scoring/test_rating.py (L1 level /5 of 25, L2 bands of 25, P1 points of 50).
SELF = {"L1": 4, "L2": 95, "P1": 45}  # 20 + 25 + 45 = 90
REVIEW = {"L1": 4, "L2": 95, "P1": 41}  # 20 + 25 + 41 = 86
EXPERT = {"L1": 4, "L2": 80, "P1": 49}  # 20 + 15 + 49 = 84


def test_a_county_declared_four_stars_per_stage_by_hand() -> None:
    cs = rating_set()
    got = {}
    for name, stage in (("自评", SELF), ("复核", REVIEW), ("评审", EXPERT)):
        a = _county(stage)
        (r,) = score(cs, a)
        got[name] = (str(cs.round(r.total)), r.rating.key, declared_check(cs, r, "4B"))
    assert [(t, k) for t, k, _ in got.values()] == [
        ("90.00", "5"),
        ("86.00", "4B"),
        ("84.00", "4A"),
    ]
    assert got["自评"][2].reached and got["复核"][2].reached  # type: ignore[union-attr]
    final = got["评审"][2]
    assert final is not None and not final.reached
    # 4B needs 总分 ≥ 85 (84 short) and D1 = (20 + 15) / 50 = 70 % ≥ 80 % (short)
    assert [c.line() for c in final.grade.failed] == [
        "未满足：总分 ≥ 85（实际 84.00）",
        "未满足：D1 数字惠民 得分率 ≥ 80.0%（实际 70.0%）",
    ]
    # 四星级 asks level 4 of each levelled indicator: L1 is 4, L2's 80 is band level 3
    assert [(x.leaf, x.verdict, x.need) for x in final.leaves] == [
        ("L1", "达标", "≥ 4 级"),
        ("L2", "未达标", "≥ 4 级"),
    ]
    assert final.summary() == (
        "申报四星级(成长型)：未达到（评定为四星级(基础型)）；指标达标 1 项、未达标 1 项；"
        "未满足的条件 2 项。"
    )


def test_a_node_level_condition_sets_that_indicators_required_level() -> None:
    cs = rating_set()
    r = one(cs, {"L1": 2, "L2": 95, "P1": 50})
    check = declared_check(cs, r, "3")  # 三星级: L1 等级 ≥ 3
    assert check is not None
    assert [(x.leaf, x.verdict, x.need) for x in check.leaves] == [
        ("L1", "未达标", "≥ 3 级"),
        ("L2", "达标", "≥ 3 级"),
    ]


def test_a_triggered_veto_is_a_failed_condition_of_the_declared_grade() -> None:
    cs = rating_set()
    r = one(cs, {"L1": 5, "L2": 95, "P1": 50, "V1": True})  # 100, capped at 3 stars
    check = declared_check(cs, r, "5")
    assert check is not None and not check.reached
    assert [c.kind for c in check.grade.failed] == ["veto"]


def test_no_declared_grade_means_no_check() -> None:
    cs = rating_set()
    r = one(cs, {"L1": 5})
    assert declared_check(cs, r, None) is None


def test_the_gap_starts_from_the_declared_grade() -> None:
    cs = rating_set()
    gap = gap_to_next_grade(cs, _county(EXPERT), "371502")
    assert gap is not None and gap.declared and gap.target == "四星级(成长型)"
    # L2 is 未达标 against 4B, so it comes first: full marks give 20 + 25 + 49 = 94 → 4B holds
    assert [s.node for s in gap.steps] == ["L2"]
    assert gap.reached and gap.lines()[0].startswith(
        "从“四星级(基础型)”提升到申报等级“四星级(成长型)”"
    )


def test_without_a_declared_grade_the_gap_aims_one_grade_up() -> None:
    cs = rating_set()
    a = _county(EXPERT)
    a.regions["371502"] = Region(id="371502", name="东昌府区")
    gap = gap_to_next_grade(cs, a, "371502")
    assert gap is not None and not gap.declared and gap.target == "四星级(成长型)"
