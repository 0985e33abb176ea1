"""Lint rules: each catches one thing an evaluator would trip over, at the right line."""

from __future__ import annotations

from pathlib import Path

from assessor.errors import Problem
from assessor.loader.lint import lint_paths
from tests.loader.helpers import codes, lint, only, write

HEAD = "id: t\nname: 测试\n"


def rule(problems: list[Problem], code: str) -> Problem:
    return only(problems, code=code)


def test_bundled_sets_are_clean() -> None:
    folder = Path(__file__).parents[2] / "indicators"
    found = [p for p in lint_paths(sorted(folder.glob("*.yaml"))) if p.severity == "error"]
    assert found == []


def test_points_that_do_not_add_up(tmp_path: Path) -> None:
    p = rule(
        lint(
            tmp_path,
            HEAD
            + """\
tree:
  - id: A
    name: 甲
    points: 100
    children:
      - {id: A1, name: 一, points: 60, method: check}
      - {id: A2, name: 二, points: 30, method: check}
""",
        ),
        "points-sum",
    )
    assert (Path(p.file or "").name, p.line) == ("s.yaml", 6)
    assert "100" in p.message and "90" in p.message and "normalize: true" in p.message


def test_normalize_true_allows_points_that_do_not_add_up(tmp_path: Path) -> None:
    text = (
        HEAD
        + "tree:\n  - {id: A, name: 甲, points: 100, normalize: true, children: [{id: A1, name: 一, points: 60, method: check}]}\n"
    )
    assert "points-sum" not in codes(lint(tmp_path, text))


def test_top_level_core_nodes_must_add_up_to_full_score(tmp_path: Path) -> None:
    text = (
        HEAD
        + "full_score: 100\ntree:\n  - {id: A1, name: 一, points: 60, method: check}\n  - {id: B, name: 加, points: 50, kind: bonus, method: check}\n"
    )
    p = rule(lint(tmp_path, text), "points-sum")
    assert p.line == 3 and "full_score is 100" in p.message


def test_shares_that_do_not_make_100_percent(tmp_path: Path) -> None:
    text = (
        HEAD
        + "tree:\n  - id: A\n    name: 甲\n    points: 100\n    children:\n      - {id: A1, name: 一, share: 60, method: check}\n      - {id: A2, name: 二, share: 30, method: check}\n"
    )
    p = rule(lint(tmp_path, text), "share-sum")
    assert "90%" in p.message and "A1 60%" in p.message


def test_a_share_under_a_parent_without_points(tmp_path: Path) -> None:
    text = (
        HEAD
        + "tree:\n  - id: A\n    name: 甲\n    children:\n      - {id: A1, name: 一, share: 100, method: check}\n"
    )
    p = rule(lint(tmp_path, text), "share-without-points")
    assert p.line == 7 and "A (甲)" in p.message


def test_a_leaf_without_points_or_share(tmp_path: Path) -> None:
    text = HEAD + "tree:\n  - {id: A1, name: 一, method: check}\n"
    assert rule(lint(tmp_path, text), "leaf-without-points").line == 4


def test_a_bonus_node_without_points(tmp_path: Path) -> None:
    text = (
        HEAD
        + "full_score: 1\ntree:\n  - {id: A1, name: 一, points: 1, method: check}\n  - {id: B1, name: 加, kind: bonus, method: count, each: 1}\n"
    )
    assert rule(lint(tmp_path, text), "bonus-without-points").line == 6


BANDS = (
    HEAD
    + """\
full_score: 1
tree:
  - id: A1
    name: 一
    points: 1
    method: bands
    {direction}
    input: {{min: 0}}
    bands:
{bands}
"""
)


def bands(tmp_path: Path, rows: str, direction: str = "") -> list[Problem]:
    return lint(tmp_path, BANDS.format(direction=direction, bands=rows))


def test_a_band_shadowed_by_an_earlier_one_is_unreachable(tmp_path: Path) -> None:
    p = rule(
        bands(
            tmp_path,
            "      - {min: 40, score: 0.5}\n      - {min: 50, score: 0.4}\n      - {min: 0, score: 0}",
        ),
        "band-unreachable",
    )
    assert p.line == 13 and "band 2 (min 50)" in p.message and "band 1 (min 40)" in p.message


def test_above_after_min_at_the_same_threshold_is_unreachable(tmp_path: Path) -> None:
    found = bands(
        tmp_path,
        "      - {min: 50, score: 1}\n      - {above: 50, score: 0.5}\n      - {min: 0, score: 0}",
    )
    assert "band-unreachable" in codes(found)


def test_above_then_min_at_the_same_threshold_is_fine(tmp_path: Path) -> None:
    found = bands(
        tmp_path,
        "      - {above: 90, score: 1}\n      - {min: 90, score: 0.8}\n      - {min: 0, score: 0}",
    )
    assert not [p for p in found if p.severity == "error"]


def test_min_or_above_on_direction_lower_is_mixed(tmp_path: Path) -> None:
    found = bands(
        tmp_path, "      - {max: 5, score: 1}\n      - {min: 10, score: 0.5}", "direction: lower"
    )
    p = rule(found, "band-direction")
    assert "`max` or `below`" in p.message


def test_scores_rising_down_the_bands_are_out_of_order(tmp_path: Path) -> None:
    found = bands(tmp_path, "      - {min: 50, score: 0.5}\n      - {min: 0, score: 1}")
    assert rule(found, "band-order").severity == "warning"


def test_values_below_the_last_band_are_a_gap(tmp_path: Path) -> None:
    found = bands(tmp_path, "      - {min: 50, score: 1}\n      - {min: 10, score: 0.5}")
    p = rule(found, "band-gap")
    assert p.severity == "warning" and "from 0 to below 10" in p.message


LEVELS = (
    HEAD
    + "full_score: 1\ntree:\n  - id: A1\n    name: 一\n    points: 1\n    method: level\n    levels:\n{rows}\n"
)


def test_duplicate_level_numbers(tmp_path: Path) -> None:
    found = lint(tmp_path, LEVELS.format(rows="      - {level: 1}\n      - {level: 1}"))
    assert rule(found, "level-duplicate").line == 11


def test_levels_out_of_order(tmp_path: Path) -> None:
    found = lint(tmp_path, LEVELS.format(rows="      - {level: 2}\n      - {level: 1}"))
    assert rule(found, "level-order").severity == "warning"


def test_level_scores_must_not_fall_as_levels_rise(tmp_path: Path) -> None:
    found = lint(
        tmp_path,
        LEVELS.format(rows="      - {level: 1, score: 0.8}\n      - {level: 2, score: 0.5}"),
    )
    assert rule(found, "level-score-order").line == 11


def test_linear_curve_x_must_ascend(tmp_path: Path) -> None:
    text = (
        HEAD
        + "full_score: 1\ntree:\n  - {id: A1, name: 一, points: 1, method: linear, curve: [[0, 0], [50, 1], [40, 1]]}\n"
    )
    assert "point 3" in rule(lint(tmp_path, text), "curve-order").message


FORMULA = (
    HEAD
    + """\
full_score: 1
tree:
  - id: A1
    name: 一
    points: 1
    method: ratio
    inputs:
      used: {{type: integer}}
      spare: {{type: integer}}
    value: {formula}
"""
)


def test_a_formula_naming_an_unknown_input(tmp_path: Path) -> None:
    found = lint(tmp_path, FORMULA.format(formula="used / totl * 100"))
    p = rule(found, "formula-unknown-input")
    assert p.line == 12 and "'totl'" in p.message and "spare, used" in p.message


def test_an_input_the_formula_never_uses_is_a_warning(tmp_path: Path) -> None:
    p = rule(lint(tmp_path, FORMULA.format(formula="used * 2")), "input-unused")
    assert p.severity == "warning" and "'spare'" in p.message and p.line == 11


def test_a_formula_that_does_not_parse(tmp_path: Path) -> None:
    assert rule(lint(tmp_path, FORMULA.format(formula="'used ** spare'")), "formula-syntax")


TREE = "full_score: 1\ntree:\n  - {id: A1, name: 一, points: 1, method: level, levels: [{level: 1}]}\n  - {id: K1, name: 二, points: 0, method: check}\n"


def grades(tmp_path: Path, rows: str, extra: str = "") -> list[Problem]:
    return lint(tmp_path, HEAD + TREE + extra + "rating:\n  grades:\n" + rows)


def test_grades_must_be_ordered_best_first(tmp_path: Path) -> None:
    found = grades(
        tmp_path,
        "    - {key: a, label: A, stars: 3, min_score: 70}\n    - {key: b, label: B, stars: 4, min_score: 80}\n",
    )
    problems = [p for p in found if p.code == "grade-order"]
    assert {p.key for p in problems} == {"rating.grades[1].min_score", "rating.grades[1].stars"}
    assert all(p.line == 10 for p in problems)


def test_duplicate_grade_keys(tmp_path: Path) -> None:
    found = grades(tmp_path, "    - {key: a, label: A, min_score: 80}\n    - {key: a, label: B}\n")
    assert rule(found, "grade-duplicate-key").line == 10


def test_a_condition_naming_an_unknown_node(tmp_path: Path) -> None:
    found = grades(
        tmp_path, "    - {key: a, label: A, when: [{node_ratio: {node: A2, min: 0.5}}]}\n"
    )
    assert "'A2'" in rule(found, "condition-unknown-node").message


def test_node_level_on_a_leaf_without_levels(tmp_path: Path) -> None:
    found = grades(tmp_path, "    - {key: a, label: A, when: [{node_level: {node: K1, min: 3}}]}\n")
    assert "K1 (二) never has a level" in rule(found, "condition-node-level").message


def test_a_grade_after_an_unconditional_grade_is_unreachable(tmp_path: Path) -> None:
    found = grades(tmp_path, "    - {key: a, label: A}\n    - {key: b, label: B}\n")
    assert rule(found, "grade-unreachable").severity == "warning"


def test_a_veto_without_effect(tmp_path: Path) -> None:
    found = lint(tmp_path, HEAD + TREE + "  - {id: V1, name: 否决, kind: veto, method: check}\n")
    p = rule(found, "veto-effect")
    assert p.line == 7 and "zero, disqualify" in p.message


def test_a_veto_that_is_not_a_check(tmp_path: Path) -> None:
    found = lint(tmp_path, HEAD + TREE + "  - {id: V1, name: 否决, kind: veto, method: points}\n")
    assert rule(found, "veto-method")


def test_an_effect_on_a_leaf_that_is_not_a_veto(tmp_path: Path) -> None:
    found = lint(tmp_path, HEAD + TREE.replace("method: check}", "method: check, effect: zero}"))
    assert rule(found, "effect-not-veto").line == 6


def test_max_stars_at_or_above_the_best_grade_has_no_effect(tmp_path: Path) -> None:
    veto = "  - {id: V1, name: 否决, kind: veto, method: check, effect: {max_stars: 5}}\n"
    found = grades(
        tmp_path,
        "    - {key: a, label: A, stars: 5, min_score: 1}\n    - {key: b, label: B, stars: 0}\n",
        veto,
    )
    assert "no effect" in rule(found, "max-stars").message


def test_rank_levels_must_ascend(tmp_path: Path) -> None:
    text = (
        HEAD
        + "full_score: 1\ntree:\n  - {id: R1, name: 排名, points: 1, method: rank, rank_levels: [{max_rank: 6, level: 4}, {max_rank: 3, level: 5}]}\n"
    )
    assert rule(lint(tmp_path, text), "rank-levels-order")


def test_peers_group_reminds_that_regions_need_a_group(tmp_path: Path) -> None:
    text = (
        HEAD
        + "full_score: 1\ntree:\n  - {id: R1, name: 排名, points: 1, method: minmax, peers: group}\n"
    )
    assert rule(lint(tmp_path, text), "peers-group").severity == "warning"


def test_rollup_sum_warns_that_totals_can_exceed_full_score(tmp_path: Path) -> None:
    text = HEAD + "rollup: {method: sum}\n" + TREE
    assert rule(lint(tmp_path, text), "rollup-sum").severity == "warning"


def test_load_errors_come_back_as_lint_problems(tmp_path: Path) -> None:
    found = lint(tmp_path, HEAD + "tree:\n  - {id: A1, name: 一, points: 1, method: bandz}\n")
    assert codes(found) == {"schema"}


def test_lint_finds_a_parent_among_the_files_given(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    parent = write(tmp_path / "sub", "p.yaml", HEAD.replace("id: t", "id: base") + TREE)
    child = write(tmp_path, "c.yaml", "id: c\nname: 子\nextends: base\n")
    assert [p for p in lint_paths([child, parent]) if p.severity == "error"] == []
