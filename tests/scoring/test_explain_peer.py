"""A rank leaf with several evaluators explains the rank it got, not only "已评分" (issue 11)."""

from assessor.scoring import explain_lines, score
from tests.scoring.helpers import assess, make_set

SET = """
full_score: 10
tree:
  - {id: R, name: 应用数, points: 10, method: rank, rank_scores: [1.0, 0.5]}
"""


def test_a_rank_leaf_with_several_evaluators_names_its_rank_among_the_peers() -> None:
    cs = make_set(SET)
    results = score(cs, assess({"a": {"R": [80, 90]}, "b": {"R": [95, 95]}}))
    a = next(r for r in results if r.region == "a")
    lines = explain_lines(cs, a, "R", lang="zh")
    assert any("2 个地区中排第 2 名" in line for line in lines), lines
    assert not any("已评分" in line for line in lines[1:]), lines
