"""Lint of a grade's 必达项 (`requires`): unknown ids are named with file:line, and a level an
indicator can never reach is an error."""

from __future__ import annotations

from pathlib import Path

from tests.loader.test_lint import grades, rule


def test_a_required_item_naming_an_unknown_indicator_is_named_with_its_line(
    tmp_path: Path,
) -> None:
    found = grades(
        tmp_path, "    - {key: a, label: A, requires: [A1, A2]}\n    - {key: b, label: B}\n"
    )
    p = rule(found, "requires-unknown-leaf")
    assert "'A2' is not in this set" in p.message and "indicators: A1, K1" in p.message
    assert (p.line, p.key) == (9, "rating.grades[0].requires[1]")
    assert p.file is not None and p.file.endswith(".yaml")


def test_a_required_item_must_be_an_indicator_not_a_group(tmp_path: Path) -> None:
    tree = "  - {id: G, name: 组, points: 0, children: [{id: G1, name: g1, points: 0, method: check}]}\n"
    found = grades(tmp_path, "    - {key: a, label: A, requires: [G]}\n", extra=tree)
    assert "'G' is a group" in rule(found, "requires-unknown-leaf").message


def test_min_level_on_an_indicator_without_levels(tmp_path: Path) -> None:
    found = grades(tmp_path, "    - {key: a, label: A, requires: [{leaf: K1, min_level: 1}]}\n")
    assert "K1 (二) never has a level" in rule(found, "requires-no-level").message


def test_min_level_above_the_indicators_top_level(tmp_path: Path) -> None:
    found = grades(tmp_path, "    - {key: a, label: A, requires: [{leaf: A1, min_level: 3}]}\n")
    assert "top level is 1" in rule(found, "requires-level-unreachable").message


def test_a_grade_with_only_required_items_is_not_unconditional(tmp_path: Path) -> None:
    found = grades(tmp_path, "    - {key: a, label: A, requires: [K1]}\n    - {key: b, label: B}\n")
    assert not [p for p in found if p.code in ("grade-unreachable", "requires-unknown-leaf")]
