"""Lint of the periodic keys (issue 16): roll-up per indicator, 序时 targets, rank points."""

from __future__ import annotations

from pathlib import Path

from tests.loader.helpers import lint, only, set_problems, write

HEAD = "id: t\nname: 测试\nfull_score: 20\n"


def test_a_falling_schedule_is_refused_at_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD
        + """\
tree:
  - {id: A1, name: a, points: 20, method: ratio, rollup: last,
     pro_rata: {schedule: {3: 20%, 6: 10%, 12: 100%}}}
""",
    )
    p = only(set_problems(path), text="falls from 20% (month 3) to 10% (month 6)")
    assert (p.file, p.line) == (str(path), 6)  # the pro_rata line


def test_a_schedule_must_reach_december(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD + "tree:\n  - {id: A1, name: a, points: 20, method: ratio, "
        "pro_rata: {schedule: {3: 20%, 9: 75%}}}\n",
    )
    only(set_problems(path), text="what is due by December")


def test_an_unknown_rollup_method_names_the_allowed_ones(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD + "tree:\n  - {id: A1, name: a, points: 20, method: ratio, rollup: latest}\n",
    )
    p = only(set_problems(path), text="latest")
    assert "mean, sum, last, max, min" in p.message and p.line == 5


def test_set_wide_sum_beside_indicator_rollups_is_an_error(tmp_path: Path) -> None:
    problems = lint(
        tmp_path,
        HEAD
        + """\
rollup: {method: sum}
tree:
  - {id: A1, name: a, points: 20, method: ratio, rollup: last}
""",
    )
    p = only(problems, code="rollup-sum-mixed")
    assert p.severity == "error" and p.line == 4 and "A1" in p.message


def test_a_pro_rata_target_without_last_rollup_is_warned_about(tmp_path: Path) -> None:
    problems = lint(
        tmp_path,
        HEAD + "tree:\n  - {id: A1, name: a, points: 20, method: ratio, pro_rata: days}\n",
    )
    p = only(problems, code="pro-rata-rollup")
    assert p.severity == "warning" and "rollup: last" in p.message


def test_summing_a_check_leaf_is_warned_about_at_the_group_that_says_so(tmp_path: Path) -> None:
    problems = lint(
        tmp_path,
        HEAD
        + """\
tree:
  - id: G
    name: 组
    rollup: sum
    children:
      - {id: G1, name: 上线, points: 20, method: check}
""",
    )
    p = only(problems, code="rollup-not-number")
    assert p.line == 7 and "G1" in p.message


def test_a_rising_rank_points_table_is_warned_about(tmp_path: Path) -> None:
    problems = lint(
        tmp_path,
        HEAD
        + """\
rank_points: {table: [100, 90, 95]}
tree:
  - {id: A1, name: a, points: 20, method: points}
""",
    )
    p = only(problems, code="rank-points-order")
    assert "rank 3" in p.message


def test_rank_points_need_exactly_one_rule_shape(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD + "rank_points: {first: 100, table: [100]}\ntree:\n"
        "  - {id: A1, name: a, points: 20, method: points}\n",
    )
    only(set_problems(path), text="exactly one of first/step, table or tiers")
