"""Entries files: every value checked against the set on reading, every mistake reported."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assessor.errors import AssessorError, Problem
from assessor.loader import EntryValueError, load_entries, load_set, normalize_entry
from assessor.model import IndicatorSet
from assessor.model.indicator_set import walk
from tests.loader.helpers import only, write

SET = """\
id: t
name: 测试
tree:
  - id: D1
    name: 惠民
    points: 60
    children:
      - {id: N1, name: 支付使用率, points: 10, method: bands, input: {label: 占比, min: 0, max: 100}, bands: [{min: 0, score: 1}]}
      - {id: N2, name: 应用数, points: 10, method: rank, input: {type: integer, min: 0}}
      - {id: L1, name: 医院, points: 10, method: level, levels: [{level: 1, label: 初级}, {level: 2}, {level: 3}]}
      - {id: C1, name: 满意度, points: 10, method: choice, options: [{key: 优秀, score: 1}, {key: 良好, score: 0.8}, {key: "3", score: 0.5}]}
      - {id: K1, name: 有无平台, points: 10, method: check}
      - id: F1
        name: 电子证照
        points: 5
        method: ratio
        inputs:
          used: {label: 使用数, type: integer, min: 0}
          total: {label: 总数, type: integer, min: 1}
        value: used / total * 100
      - {id: O1, name: 农业, points: 5, method: check, optional: true}
  - {id: P1, name: 专家打分, points: 40, method: points}
"""


@pytest.fixture
def indicator_set(tmp_path: Path) -> IndicatorSet:
    return load_set(write(tmp_path, "t.yaml", SET))


def entries(folder: Path, body: str, name: str = "e.yaml", head: str | None = None) -> Path:
    head = head if head is not None else "format: 1\nset: t\nperiod: 2024\nevaluator: 张三\n"
    return write(
        folder,
        name,
        head + "regions:\n  - region: '371502'\n    name: 东昌府区\n    entries:\n" + body,
    )


def problems(paths: list[Path], s: IndicatorSet) -> list[Problem]:
    with pytest.raises(AssessorError) as info:
        load_entries(paths, s)
    return info.value.problems


def test_values_become_typed_entries(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    path = entries(
        tmp_path,
        """\
      N1: 82.5
      N2: 7
      L1: 2
      C1: 优秀
      K1: 是
      F1: {used: 120, total: 150}
      O1: na
      P1: {value: 33.3, comment: 专家意见, evidence: [a.pdf]}
""",
    )
    (a,) = load_entries([path], indicator_set)
    assert a.period == "2024"
    assert a.regions["371502"].name == "东昌府区"
    got = {k: v[0] for k, v in a.entries["371502"].items()}
    assert got["N1"].value == Decimal("82.5") and isinstance(got["N1"].value, Decimal)
    assert got["L1"].value == 2 and type(got["L1"].value) is int
    assert got["C1"].value == "优秀"
    assert got["K1"].value is True
    assert got["F1"].inputs == {"used": Decimal(120), "total": Decimal(150)}
    assert got["O1"].na is True
    assert got["P1"].value == Decimal("33.3") and got["P1"].comment == "专家意见"
    assert got["P1"].evidence == ("a.pdf",)
    assert {e.evaluator for e in got.values()} == {"张三"}


def test_full_width_digits_and_chinese_decimal_points_are_numbers(
    indicator_set: IndicatorSet,
) -> None:
    n1 = next(n for n in walk(indicator_set.tree) if n.id == "N1")
    assert normalize_entry(n1, "８２。５").value == Decimal("82.5")
    assert normalize_entry(n1, "82．5").value == Decimal("82.5")
    assert normalize_entry(n1, " 0.1 ").value == Decimal("0.1")


@pytest.mark.parametrize(
    "word,expected", [("yes", True), ("否", False), ("1", True), ("false", False), (0, False)]
)
def test_check_accepts_yes_no_words(
    indicator_set: IndicatorSet, word: object, expected: bool
) -> None:
    k1 = next(n for n in walk(indicator_set.tree) if n.id == "K1")
    assert normalize_entry(k1, word).value is expected


def test_a_level_may_be_given_by_its_label(indicator_set: IndicatorSet) -> None:
    l1 = next(n for n in walk(indicator_set.tree) if n.id == "L1")
    assert normalize_entry(l1, "初级").value == 1


def test_by_overrides_the_file_evaluator(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    path = entries(tmp_path, "      N1: {value: 1, by: 李四}\n      N2: 3\n")
    (a,) = load_entries([path], indicator_set)
    assert a.entries["371502"]["N1"][0].evaluator == "李四"
    assert a.entries["371502"]["N2"][0].evaluator == "张三"


def test_a_file_without_evaluator_is_its_own_anonymous_evaluator(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    path = entries(tmp_path, "      N1: 1\n", head="set: t\nperiod: 2024\n")
    (a,) = load_entries([path], indicator_set)
    assert a.entries["371502"]["N1"][0].evaluator == str(path)


def test_files_merge_by_period_and_evaluators_stack(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    one = entries(tmp_path, "      N1: 1\n", "a.yaml")
    two = entries(
        tmp_path, "      N1: 2\n", "b.yaml", head="set: t\nperiod: 2024\nevaluator: 李四\n"
    )
    three = entries(
        tmp_path, "      N1: 3\n", "c.yaml", head="set: t\nperiod: 2024-Q1\nevaluator: 李四\n"
    )
    by_period = {a.period: a for a in load_entries([one, two, three], indicator_set)}
    assert set(by_period) == {"2024", "2024-Q1"}
    assert [e.evaluator for e in by_period["2024"].entries["371502"]["N1"]] == ["张三", "李四"]


def test_a_value_out_of_range_names_indicator_value_and_range(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    p = only(problems([entries(tmp_path, "      N1: 120\n")], indicator_set))
    assert (Path(p.file or "").name, p.line) == ("e.yaml", 9)
    assert "N1 (支付使用率)" in p.message and "120" in p.message and "0 … 100" in p.message


def test_a_fraction_for_an_integer_input_is_refused(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    p = only(problems([entries(tmp_path, "      N2: 7.5\n")], indicator_set))
    assert "not a whole number" in p.message and "N2 (应用数)" in p.message


def test_an_unknown_option_lists_the_options(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    p = only(problems([entries(tmp_path, "      C1: 很好\n")], indicator_set))
    assert "'很好'" in p.message and "优秀, 良好, 3" in p.message


def test_an_unknown_level_lists_the_levels(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    p = only(problems([entries(tmp_path, "      L1: 5\n")], indicator_set))
    assert "allowed levels: 0, 1 (初级), 2, 3" in p.message


def test_an_unknown_input_lists_the_inputs_and_points_at_it(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    p = only(problems([entries(tmp_path, "      F1: {used: 1, totl: 2}\n")], indicator_set))
    assert p.column == 21 and p.key is not None and p.key.endswith("F1.totl")
    assert "unknown input 'totl'" in p.message and "used (使用数), total (总数)" in p.message


def test_a_single_value_for_a_formula_leaf_asks_for_its_inputs(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    p = only(problems([entries(tmp_path, "      F1: 80\n")], indicator_set))
    assert "used, total" in p.message


def test_a_region_without_id_is_reported(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    path = write(
        tmp_path, "e.yaml", "set: t\nperiod: 2024\nregions:\n  - name: 无码\n    entries: {N1: 1}\n"
    )
    p = only(problems([path], indicator_set))
    assert p.line == 4 and "missing required key `region`" in p.message


def test_an_unknown_indicator_suggests_a_close_id(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    p = only(problems([entries(tmp_path, "      N3: 1\n")], indicator_set))
    assert "unknown indicator 'N3'" in p.message and "did you mean" in p.message


def test_an_entry_on_a_group_is_refused(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    p = only(problems([entries(tmp_path, "      D1: 50\n")], indicator_set))
    assert "D1 (惠民) is a group" in p.message and "N1" in p.message


def test_na_on_a_leaf_that_is_not_optional(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    p = only(problems([entries(tmp_path, "      N1: na\n")], indicator_set))
    assert "not optional" in p.message


def test_na_as_a_mapping_with_a_comment(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    (a,) = load_entries(
        [entries(tmp_path, "      O1: {na: true, comment: 无农业}\n")], indicator_set
    )
    entry = a.entries["371502"]["O1"][0]
    assert entry.na and entry.comment == "无农业"


def test_a_set_id_that_does_not_match(tmp_path: Path, indicator_set: IndicatorSet) -> None:
    path = entries(tmp_path, "      N1: 1\n", head="set: other\nperiod: 2024\n")
    p = only(problems([path], indicator_set))
    assert p.line == 1 and "'other'" in p.message and "'t'" in p.message


@pytest.mark.parametrize("period", ["2024-13", "24", "2024-Q5", "2021-W53"])
def test_a_period_in_the_wrong_form(
    tmp_path: Path, indicator_set: IndicatorSet, period: str
) -> None:
    path = entries(tmp_path, "      N1: 1\n", head=f"set: t\nperiod: '{period}'\n")
    p = only(problems([path], indicator_set))
    assert p.line == 2 and period in p.message


def test_the_same_evaluator_twice_names_both_places(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    one = entries(tmp_path, "      N1: 1\n", "a.yaml")
    two = entries(tmp_path, "      N1: 2\n", "b.yaml")
    p = only(problems([one, two], indicator_set))
    assert Path(p.file or "").name == "b.yaml" and "a.yaml:9" in p.message


def test_every_error_in_every_file_is_listed_at_once(
    tmp_path: Path, indicator_set: IndicatorSet
) -> None:
    one = entries(tmp_path, "      N1: 120\n      C1: 很好\n      ZZ: 1\n", "a.yaml")
    bad = write(
        tmp_path,
        "b.yaml",
        "set: t\nperiod: 2024\nregions:\n  - entries: {N1: x}\n  - region: r2\n    entries: {L1: 9}\n",
    )
    got = problems([one, bad], indicator_set)
    assert len(got) == 5
    assert {Path(p.file or "").name for p in got} == {"a.yaml", "b.yaml"}


def test_normalize_entry_raises_entry_value_error_naming_allowed_values(
    indicator_set: IndicatorSet,
) -> None:
    c1 = next(n for n in walk(indicator_set.tree) if n.id == "C1")
    with pytest.raises(EntryValueError, match="allowed options: 优秀, 良好, 3"):
        normalize_entry(c1, "差")
    assert normalize_entry(c1, 3, evaluator="x").value == "3"
    assert normalize_entry(c1, 3, evaluator="x").evaluator == "x"


def chinese(indicator_set: IndicatorSet, leaf: str, raw: object) -> str:
    """What the Chinese TUI says when `raw` is typed for `leaf`."""
    node = next(n for n in walk(indicator_set.tree) if n.id == leaf)
    with pytest.raises(EntryValueError) as info:
        normalize_entry(node, raw)
    return info.value.text("zh")


@pytest.mark.parametrize(
    ("leaf", "raw", "said"),
    [
        ("N1", "abc", "N1（支付使用率）：'abc' 不是数字；允许：0～100"),
        ("N1", "120", "N1（支付使用率）：120 大于上限 100；允许：0～100"),
        ("N1", "-1", "N1（支付使用率）：-1 小于下限 0；允许：0～100"),
        ("N2", "7.5", "N2（应用数）：'7.5' 不是整数；允许：不小于 0 的整数"),
        (
            "L1",
            "5",
            "L1（医院）：'5' 不是本指标的等级；允许的等级：0、1（初级）、2、3（0 表示均未达到）",
        ),
        ("C1", "很好", "C1（满意度）：'很好' 不是本指标的选项；允许的选项：优秀、良好、3"),
        ("K1", "也许", "K1（有无平台）：'也许' 不是“是”或“否”；允许：是/否、1/0、yes/no"),
        ("K1", "na", "K1（有无平台）不能标为不适用：只有标记 `optional: true` 的指标可以"),
    ],
)
def test_a_refused_value_is_explained_in_chinese_for_the_chinese_interface(
    indicator_set: IndicatorSet, leaf: str, raw: str, said: str
) -> None:
    assert chinese(indicator_set, leaf, raw) == said


def test_named_inputs_are_named_by_their_labels_in_chinese(indicator_set: IndicatorSet) -> None:
    said = chinese(indicator_set, "F1", {"used": "x", "total": "0"})
    assert said == (
        "F1（电子证照）的“使用数”：'x' 不是数字；允许：不小于 0；"
        "F1（电子证照）的“总数”：0 小于下限 1；允许：不小于 1"
    )


def test_the_english_message_is_unchanged_by_its_chinese_wording(
    indicator_set: IndicatorSet,
) -> None:
    node = next(n for n in walk(indicator_set.tree) if n.id == "N1")
    with pytest.raises(EntryValueError) as info:
        normalize_entry(node, "abc")
    assert str(info.value) == "N1 (支付使用率) (占比): 'abc' is not a number; allowed: 0 … 100"
    assert info.value.text("en") == str(info.value)
