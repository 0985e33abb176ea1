"""Every mistake in a set file becomes a located message naming the key and allowed values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from assessor.loader import load_set
from tests.loader.helpers import MINIMAL_TREE, only, set_problems, write

HEAD = "id: t\nname: 测试\n"


def test_a_clean_set_loads_with_exact_decimals(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD
        + """\
        tree:
          - {id: A1, name: 一, points: 33.3, method: check}
          - {id: A2, name: 二, points: 66.7, method: ratio, target: 0.1}
        """.replace("        ", ""),
    )
    s = load_set(path)
    assert s.tree[0].points == Decimal("33.3")
    assert s.tree[1].target == Decimal("0.1")  # type: ignore[union-attr]


def test_unknown_method_names_the_node_line_and_allowed_methods(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD
        + """\
tree:
  - id: A
    name: 甲
    children:
      - {id: A1, name: 一, points: 1, method: check}
      - id: A2
        name: 二
        points: 1
        method: bandz
""",
    )
    p = only(set_problems(path), text="unknown method")
    assert (Path(p.file or "").name, p.line) == ("s.yaml", 11)
    assert p.key == "tree[0].children[1]"
    assert "'bandz'" in p.message
    assert "allowed: level, choice, check, ratio, bands" in p.message
    assert "did you mean `bands`" in p.message


def test_bad_kind_lists_the_kinds(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD + MINIMAL_TREE.replace("method: check}", "method: check, kind: bonu}", 1),
    )
    p = only(set_problems(path))
    assert p.line == 8
    assert p.key == "tree[0].children[0].kind"
    assert "kind: 'bonu' is not one of core, bonus, penalty, veto" in p.message


def test_bad_rounding_mode_lists_the_modes(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", HEAD + "rounding:\n  digits: 2\n  mode: up\n" + MINIMAL_TREE)
    p = only(set_problems(path))
    assert (p.line, p.key) == (5, "rounding.mode")
    assert "half_up, half_even" in p.message


def test_points_and_share_together_point_at_the_node(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD + MINIMAL_TREE.replace("points: 60, method", "points: 60, share: 60, method"),
    )
    p = only(set_problems(path))
    assert p.line == 8
    assert "give `points` or `share`, not both" in p.message


def test_unknown_key_lists_the_allowed_keys_and_a_close_match(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD + MINIMAL_TREE.replace("method: check}", "method: check, yes_scor: 1}", 1),
    )
    p = only(set_problems(path))
    assert "unknown key `yes_scor`" in p.message
    assert "did you mean `yes_score`" in p.message
    assert "allowed:" in p.message and "no_score" in p.message


def test_a_missing_required_key_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", "id: t\n" + MINIMAL_TREE)
    p = only(set_problems(path))
    assert "missing required key `name`" in p.message


def test_a_node_without_children_or_method_explains_both(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", HEAD + "tree:\n  - {id: A, name: 甲, points: 5}\n")
    p = only(set_problems(path))
    assert p.line == 4
    assert "`children`" in p.message and "`method`" in p.message


def test_children_and_method_together_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD + "tree:\n  - id: A\n    name: 甲\n    method: check\n    children: []\n",
    )
    p = only(set_problems(path))
    assert p.line == 7
    assert "never both" in p.message


def test_a_bad_veto_effect_lists_what_is_allowed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD + MINIMAL_TREE + "  - {id: V, name: 否决, kind: veto, method: check, effect: zeroo}\n",
    )
    p = only(set_problems(path))
    assert p.line == 10
    assert "'zeroo'" in p.message and "zero, disqualify" in p.message and "max_stars" in p.message


def test_a_misspelt_condition_says_which_conditions_exist(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.yaml",
        HEAD
        + MINIMAL_TREE
        + "rating:\n  grades:\n    - {key: a, label: A, when: [{node_ratoi: {node: A, min: 1}}]}\n",
    )
    p = only(set_problems(path))
    assert p.line == 12
    assert "node_ratio" in p.message and "share_at_level" in p.message


def test_a_non_number_where_a_number_belongs(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", HEAD + MINIMAL_TREE.replace("points: 40", "points: forty"))
    p = only(set_problems(path))
    assert p.line == 9
    assert "points: expected a number, got 'forty'" in p.message


def test_a_bad_id_explains_the_form(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", HEAD + MINIMAL_TREE.replace("id: A1", "id: 'A 1'"))
    p = only(set_problems(path))
    assert "is not a valid id" in p.message


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", HEAD + MINIMAL_TREE.replace("id: A2", "id: A1"))
    p = only(set_problems(path), code="duplicate-id")
    assert p.line == 9
    assert "s.yaml:8" in p.message


def test_all_problems_are_listed_at_once_in_line_order(tmp_path: Path) -> None:
    text = HEAD + "rounding: {mode: up}\n" + MINIMAL_TREE.replace("points: 40", "points: x")
    text = text.replace("method: check}", "method: chek}", 1)
    problems = set_problems(write(tmp_path, "s.yaml", text))
    assert len(problems) == 3
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_messages_are_never_a_pydantic_dump(tmp_path: Path) -> None:
    text = HEAD + "full_score: -1\nrounding: {mode: up, digits: x}\nfoo: 1\n" + MINIMAL_TREE
    for p in set_problems(write(tmp_path, "s.yaml", text)):
        assert "validation error" not in p.message
        assert "Input should" not in p.message
        assert "pydantic" not in p.message
        assert p.line is not None


def test_set_schema_key_and_yaml_modeline_are_accepted(tmp_path: Path) -> None:
    text = "# yaml-language-server: $schema=indicator-set.schema.json\n$schema: x.json\n"
    assert load_set(write(tmp_path, "s.yaml", text + HEAD + MINIMAL_TREE)).id == "t"
