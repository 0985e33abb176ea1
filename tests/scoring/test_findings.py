"""The facts behind a report's 评估结论 / 主要问题 / 整改建议 (issue 15): chosen by the engine,
hand-checked here, never invented by a template."""

from decimal import Decimal as D

from assessor.scoring import score
from assessor.scoring.figures import figures
from assessor.scoring.findings import findings
from tests.scoring.helpers import assess, make_set

SET = """
full_score: 20
tree:
  - id: D1
    name: 数字惠民
    points: 10
    children:
      - {id: A, name: 政务服务, points: 6, method: points}
      - {id: B, name: 交通出行, points: 4, method: points}
  - id: D2
    name: 数字政府
    points: 10
    children:
      - {id: C, name: 协同办公, points: 5, method: points}
      - {id: E, name: 数据共享, points: 5, method: points}
  - {id: P, name: 数据泄露, points: 3, kind: penalty, method: points}
  - {id: V, name: 重大网络安全事件, kind: veto, method: check, effect: {max_stars: 3}}
rating:
  grades:
    - {key: five, label: 五星级, stars: 5, min_score: 18}
    - {key: four, label: 四星级, stars: 4, min_score: 14}
    - {key: three, label: 三星级, stars: 3}
"""


def scored(regions: dict[str, dict]):  # type: ignore[no-untyped-def]
    cs = make_set(SET)
    results = score(cs, assess(regions))
    return {r.region: figures(cs, r, results) for r in results}


def test_a_dimension_is_weak_when_its_share_is_below_the_peers_mean_share() -> None:
    # D1: r scores 5/10 = 50 %; peers' mean of D1 = (5 + 9) / 2 = 7 → 70 %.
    # D2: r scores 10/10, above the mean 7.5 → not weak.
    f = scored({"r": {"A": 3, "B": 2, "C": 5, "E": 5}, "s": {"A": 5, "B": 4, "C": 3, "E": 2}})
    fd = findings(f["r"])
    assert [(w.dimension.id, w.ratio, w.peer_ratio) for w in fd.weak_dimensions] == [
        ("D1", D("0.5"), D("0.7"))
    ]


def test_the_largest_losses_are_the_three_largest_scored_losses_largest_first() -> None:
    # losses: A 6-1=5, B 4-3=1, C 5-2=3, E 5-4=1 → A, C, then B before E (set order on a tie)
    f = scored({"r": {"A": 1, "B": 3, "C": 2, "E": 4}})
    assert [(x.id, x.lost) for x in findings(f["r"]).largest_losses] == [
        ("A", D(5)),
        ("C", D(3)),
        ("B", D(1)),
    ]


def test_an_unscored_indicator_is_a_problem_of_its_own_not_a_largest_loss() -> None:
    f = scored({"r": {"A": 6, "B": 4, "C": 5}})  # E not entered
    fd = findings(f["r"])
    assert [x.id for x in fd.unscored] == ["E"] and fd.largest_losses == ()


def test_only_triggered_vetoes_and_applied_deductions_are_problems() -> None:
    quiet = findings(scored({"r": {"A": 6, "B": 4, "C": 5, "E": 5, "V": False, "P": 0}})["r"])
    assert quiet.vetoes == () and quiet.deductions == () and not quiet.has_problems
    loud = findings(scored({"r": {"A": 6, "B": 4, "C": 5, "E": 5, "V": True, "P": 2}})["r"])
    assert [v.id for v in loud.vetoes] == ["V"]
    assert [(d.id, d.points) for d in loud.deductions] == [("P", D(2))]


def test_the_next_grade_is_the_engines_with_the_points_short() -> None:
    # total 15 → 四星级; 五星级 needs 18: 3 points short
    fd = findings(scored({"r": {"A": 6, "B": 4, "C": 5, "E": 0}})["r"])
    assert fd.next_grade is not None
    assert (fd.next_grade.grade.key, fd.next_grade.points_short) == ("five", D(3))
