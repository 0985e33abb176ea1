"""The YAML reader keeps positions and exact numbers, and says clearly what is wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assessor.errors import AssessorError
from assessor.loader.located import LocDict, LocList, parse_yaml, read_mapping


def test_decimals_are_built_from_the_text_never_via_float() -> None:
    data = parse_yaml("a: 0.1\nb: 2.675\nc: 1_000.5\nd: .5\n")
    assert data == {
        "a": Decimal("0.1"),
        "b": Decimal("2.675"),
        "c": Decimal("1000.5"),
        "d": Decimal("0.5"),
    }
    assert all(isinstance(v, Decimal) for v in data.values())
    assert str(data["a"]) == "0.1"


def test_integers_stay_int() -> None:
    data = parse_yaml("a: 3\nb: -7\n")
    assert data == {"a": 3, "b": -7}
    assert type(data["a"]) is int


def test_digits_with_a_leading_zero_stay_text_not_octal() -> None:
    assert parse_yaml("region: 0371\n") == {"region": "0371"}


def test_dates_and_keys_stay_text() -> None:
    data = parse_yaml("2024: x\nday: 2024-03-01\non: 1\n")
    assert data == {"2024": "x", "day": "2024-03-01", "on": 1}


def test_infinity_and_nan_are_not_numbers() -> None:
    assert parse_yaml("a: .inf\n") == {"a": ".inf"}


def test_every_key_and_item_remembers_file_line_and_column() -> None:
    data = parse_yaml("a: 1\nlist:\n  - x\n  - {k: v}\n", "f.yaml")
    assert isinstance(data, LocDict)
    assert (data.key_mark("list").line, data.key_mark("list").column) == (2, 1)
    items = data["list"]
    assert isinstance(items, LocList)
    assert items.item_mark(1).line == 4
    assert items.item_mark(1).column == 5
    assert items[1].key_mark("k").column == 6
    assert items[1].key_mark("k").file == "f.yaml"


def test_duplicate_keys_are_an_error_naming_both_lines() -> None:
    with pytest.raises(AssessorError) as info:
        parse_yaml("id: a\nname: x\nid: b\n", "dup.yaml")
    (problem,) = info.value.problems
    assert (problem.file, problem.line) == ("dup.yaml", 3)
    assert "line 1" in problem.message
    assert "duplicate key 'id'" in problem.message


def test_every_duplicate_key_is_listed_at_once() -> None:
    with pytest.raises(AssessorError) as info:
        parse_yaml("a: 1\na: 2\nb: {c: 1, c: 2}\n")
    assert len(info.value.problems) == 2


def test_yaml_syntax_errors_are_located() -> None:
    with pytest.raises(AssessorError) as info:
        parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml")
    (problem,) = info.value.problems
    assert problem.file == "bad.yaml"
    assert problem.line is not None and problem.line >= 2
    assert problem.message.startswith("YAML syntax error")


def test_tabs_for_indentation_are_a_located_syntax_error() -> None:
    with pytest.raises(AssessorError) as info:
        parse_yaml("a:\n\tb: 1\n", "tab.yaml")
    assert info.value.problems[0].line == 2


def test_a_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("name: 数字惠民\n".encode("gbk"))
    with pytest.raises(AssessorError) as info:
        read_mapping(path)
    (problem,) = info.value.problems
    assert "UTF-8" in problem.message
    assert problem.line == 1


def test_an_empty_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(AssessorError) as info:
        read_mapping(path)
    assert "empty" in info.value.problems[0].message


def test_a_top_level_list_is_not_a_set(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(AssessorError) as info:
        read_mapping(path)
    assert "must be a mapping" in info.value.problems[0].message


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(AssessorError) as info:
        read_mapping(tmp_path / "nope.yaml")
    assert "no such file" in info.value.problems[0].message


def test_python_tags_are_refused() -> None:
    with pytest.raises(AssessorError) as info:
        parse_yaml("a: !!python/object:os.system x\n")
    assert "unsupported YAML tag" in info.value.problems[0].message


def test_a_self_referencing_alias_is_refused_not_looped() -> None:
    with pytest.raises(AssessorError):
        parse_yaml("a: &x [1, *x]\n")


def test_merge_keys_copy_values_with_their_positions() -> None:
    data = parse_yaml("base: &b {score: 1}\nband: {<<: *b, min: 2}\n")
    assert data["band"] == {"min": 2, "score": 1}
    assert data["band"].key_mark("score").line == 1
