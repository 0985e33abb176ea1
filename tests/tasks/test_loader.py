"""The tasks file: read with its units, kinds and categories checked, every mistake located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assessor.errors import AssessorError
from assessor.loader.tasks import load_tasks
from assessor.model.entries import Region
from tests.tasks.conftest import SAMPLE

REGIONS = {
    "371602": Region(id="371602", name="滨城区"),
    "371621": Region(id="371621", name="惠民县"),
    "BZDSJ": Region(id="BZDSJ", name="滨州市大数据局", kind="department"),
}
KINDS = ["county", "department"]
HEAD = "format: 1\ncampaign: t\ncategories: [重点工作, 民生实事]\n"


def load(tmp_path: Path, body: str) -> object:
    path = tmp_path / "tasks.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return load_tasks(path, REGIONS, KINDS, leaves=["T1-01"])


def problems(tmp_path: Path, body: str) -> list[str]:
    with pytest.raises(AssessorError) as exc:
        load(tmp_path, body)
    return [str(p) for p in exc.value.problems]


def test_the_binzhou_sample_has_6_3_17_and_27_14_tasks() -> None:
    from assessor.store.config import read_regions

    regions = {r.id: r for r in read_regions(SAMPLE / "regions.yaml")}
    book = load_tasks(SAMPLE / "tasks.yaml", regions)
    counts = {}
    for unit in book.units():
        for t in book.tasks(unit):
            counts[unit, t.category] = counts.get((unit, t.category), 0) + 1
    assert counts == {
        ("BZDSJ", "重点工作"): 6, ("BZDSJ", "民生实事"): 3, ("BZDSJ", "主责任务"): 17,
        ("371600", "智慧城市重点任务"): 27, ("371600", "应用场景"): 14,
    }  # fmt: skip
    # 民生实事必须在10月底前完成
    assert {t.deadline for t in book.tasks("BZDSJ") if t.category == "民生实事"} == {
        dt.date(2023, 10, 31)
    }


def test_a_kind_list_gives_its_tasks_to_every_unit_of_the_kind(tmp_path: Path) -> None:
    book = load(tmp_path, "lists:\n- kind: county\n  tasks:\n"
                "  - {id: A, name: a, category: 重点工作, deadline: 2023-12-31}\n")  # fmt: skip
    assert book.units() == ["371602", "371621"]  # type: ignore[attr-defined]


def test_an_unknown_category_is_located_and_lists_the_allowed(tmp_path: Path) -> None:
    (msg,) = problems(tmp_path, "lists:\n- unit: '371602'\n  tasks:\n"
                      "  - {id: A, name: a, category: 民生工程, deadline: 2023-12-31}\n")  # fmt: skip
    assert msg.startswith(f"{tmp_path / 'tasks.yaml'}:7:")
    assert "unknown category '民生工程'; allowed: 重点工作, 民生实事" in msg


def test_an_unknown_unit_names_the_units(tmp_path: Path) -> None:
    (msg,) = problems(tmp_path, "lists:\n- unit: '371699'\n  tasks:\n"
                      "  - {id: A, name: a, category: 重点工作, deadline: 2023-12-31}\n")  # fmt: skip
    assert ":5:9:" in msg and "unknown unit '371699'" in msg and "371602, 371621, BZDSJ" in msg


def test_an_unknown_kind_names_the_kinds(tmp_path: Path) -> None:
    (msg,) = problems(tmp_path, "lists:\n- kind: township\n  tasks:\n"
                      "  - {id: A, name: a, category: 重点工作, deadline: 2023-12-31}\n")  # fmt: skip
    assert ":5:9:" in msg and "unknown unit kind 'township'; allowed: county, department" in msg


def test_a_list_needs_exactly_one_of_unit_and_kind(tmp_path: Path) -> None:
    (msg,) = problems(tmp_path, "lists:\n- unit: '371602'\n  kind: county\n  tasks:\n"
                      "  - {id: A, name: a, category: 重点工作, deadline: 2023-12-31}\n")  # fmt: skip
    assert ":5:" in msg and "exactly one of `unit:`" in msg


def test_a_task_twice_for_one_unit_is_refused(tmp_path: Path) -> None:
    (msg,) = problems(tmp_path, "lists:\n- kind: county\n  tasks:\n"
                      "  - {id: A, name: a, category: 重点工作, deadline: 2023-12-31}\n"
                      "- unit: '371602'\n  tasks:\n"
                      "  - {id: A, name: b, category: 重点工作, deadline: 2023-12-31}\n")  # fmt: skip
    assert ":10:" in msg and "unit 371602 has task A twice" in msg


def test_a_bad_date_names_the_line_and_key(tmp_path: Path) -> None:
    (msg,) = problems(tmp_path, "lists:\n- unit: '371602'\n  tasks:\n"
                      "  - {id: A, name: a, category: 重点工作, deadline: 2023-13-31}\n")  # fmt: skip
    assert ":7:" in msg and "deadline" in msg


def test_a_milestone_after_the_deadline_is_located(tmp_path: Path) -> None:
    (msg,) = problems(tmp_path, "lists:\n- unit: '371602'\n  tasks:\n"
                      "  - id: A\n    name: a\n    category: 重点工作\n    deadline: 2023-10-31\n"
                      "    milestones: [{name: 建成, due: 2023-11-30, share: 80}]\n")  # fmt: skip
    assert ":7:" in msg and "'建成' is due 2023-11-30" in msg


def test_a_feed_of_an_unknown_leaf_is_refused(tmp_path: Path) -> None:
    (msg,) = problems(tmp_path, "feeds: [{leaf: X-9}]\nlists:\n- unit: '371602'\n  tasks:\n"
                      "  - {id: A, name: a, category: 重点工作, deadline: 2023-12-31}\n")  # fmt: skip
    assert ":4:" in msg and "unknown leaf 'X-9'" in msg


def test_an_unknown_key_lists_the_keys(tmp_path: Path) -> None:
    msgs = problems(tmp_path, "list: []\n")
    assert any(":4:" in m and "list" in m for m in msgs)
