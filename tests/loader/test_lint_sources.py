"""Lint rules on `source`: bundled indicators name theirs; `for` and quotes say what they claim."""

from __future__ import annotations

from pathlib import Path

from assessor.errors import Problem
from assessor.loader import load_set_located
from assessor.loader.lint import is_bundled, lint_set
from assessor.resources import bundled
from tests.loader.helpers import codes, lint, only, set_problems, write

HEAD = "id: t\nname: 测试\n"
SOURCED = "{doc: 000_x.txt, quote: 目标达到50个}"


def tree(a1_source: str = "", group_source: str = "") -> str:
    a1 = f", source: {a1_source}" if a1_source else ""
    group = f"    source: {group_source}\n" if group_source else ""
    return (
        HEAD
        + "tree:\n  - id: A\n    name: 甲\n    points: 100\n"
        + group
        + "    children:\n"
        + f"      - {{id: A1, name: 一, points: 60, method: ratio, target: 50{a1}}}\n"
        + "      - {id: A2, name: 二, points: 40, method: check, source: {doc: 示例, why: 无出处}}\n"
    )


def lint_as_bundled(path: Path) -> list[Problem]:
    s, raw = load_set_located(path)
    return lint_set(s, raw, file=str(path), bundled=True)


def test_a_bundled_indicator_without_source_is_a_warning(tmp_path: Path) -> None:
    p = only(lint_as_bundled(write(tmp_path, "s.yaml", tree())), code="source-missing")
    assert p.severity == "warning" and p.line == 8
    assert "A1 (一)" in p.message and "示例" in p.message


def test_a_users_own_set_is_not_held_to_it(tmp_path: Path) -> None:
    assert "source-missing" not in codes(lint(tmp_path, tree()))


def test_a_group_source_without_for_covers_its_indicators(tmp_path: Path) -> None:
    text = tree(group_source="{doc: 示例, why: 整个维度都是示例}")
    assert "source-missing" not in codes(lint_as_bundled(write(tmp_path, "s.yaml", text)))


def test_a_group_source_for_some_keys_does_not_cover_its_indicators(tmp_path: Path) -> None:
    text = tree(group_source="{doc: 示例, why: 分值为示例, for: [points]}")
    assert "source-missing" in codes(lint_as_bundled(write(tmp_path, "s.yaml", text)))


def test_only_the_bundled_folder_is_bundled(tmp_path: Path) -> None:
    assert is_bundled(bundled("indicators") / "sd-county-2020.yaml")
    assert not is_bundled(write(tmp_path, "sd-county-2020.yaml", tree()))


def test_illustrative_needs_why(tmp_path: Path) -> None:
    p = only(set_problems(write(tmp_path, "s.yaml", tree("{doc: 示例}"))))
    assert "needs `why`" in p.message and p.line == 8


def test_a_document_needs_its_quote(tmp_path: Path) -> None:
    p = only(set_problems(write(tmp_path, "s.yaml", tree("{doc: 000_x.txt}"))))
    assert "needs `quote`" in p.message


def test_for_names_a_key_the_node_sets(tmp_path: Path) -> None:
    text = tree("{doc: 000_x.txt, quote: 目标50个, for: [bands]}")
    p = only(lint(tmp_path, text), code="source-for-unknown")
    assert "bands" in p.message and "target" in p.message


def test_for_rejects_a_word_that_is_no_key(tmp_path: Path) -> None:
    p = only(set_problems(write(tmp_path, "s.yaml", tree("{doc: a, quote: b, for: [tagret]}"))))
    assert "tagret" in p.message and "target" in p.message


def test_a_number_said_to_come_from_a_quote_must_be_in_it(tmp_path: Path) -> None:
    text = tree("{doc: 000_x.txt, quote: 目标达到60个, for: [target]}")
    p = only(lint(tmp_path, text), code="source-number")
    assert p.severity == "warning" and "target 50" in p.message


def test_the_quote_may_write_a_small_number_in_words(tmp_path: Path) -> None:
    text = tree("{doc: 000_x.txt, quote: 开展不少于五十次, for: [target]}")
    assert "source-number" in codes(lint(tmp_path, text))  # 五十 is not read; only 1–10
    text = HEAD + (
        "tree:\n  - {id: A1, name: 一, points: 100, method: ratio, target: 2, "
        "source: {doc: d, quote: 开展不少于两次, for: [target]}}\n"
    )
    assert "source-number" not in codes(lint(tmp_path, text))


def test_a_list_of_sources_and_a_matching_number_are_clean(tmp_path: Path) -> None:
    text = tree(f"[{SOURCED[:-1]}, for: [name, target]}}, {{doc: 示例, why: 分值, for: [points]}}]")
    assert not {c for c in codes(lint(tmp_path, text)) if c.startswith("source")}


def test_every_bundled_set_names_a_source_for_every_indicator() -> None:
    folder = bundled("indicators")
    problems = []
    for path in sorted(folder.glob("*.yaml")):
        s, raw = load_set_located(path)
        problems += [p for p in lint_set(s, raw, file=str(path), bundled=True)]
    sourced = [str(p) for p in problems if (p.code or "").startswith("source")]
    assert sourced == []
