"""Task status against its schedule, on either side of every deadline and milestone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from assessor.model.tasks import Milestone, Task, TaskProgress
from assessor.scoring.tasks import (
    planned_share,
    share_on_schedule,
    tally,
    task_state,
    task_states,
)

D = dt.date
# 民生实事必须在10月底前完成 (Binzhou): a task due 31 October, scheduled from 1 January.
LIVELIHOOD = Task(id="MS-1", name="示例民生实事", category="民生实事", deadline=D(2023, 10, 31))
STAGED = Task(
    id="ZD-1",
    name="示例重点工作",
    category="重点工作",
    deadline=D(2023, 12, 31),
    milestones=(
        Milestone(name="方案印发", due=D(2023, 3, 31), share=Decimal(20)),
        Milestone(name="平台上线", due=D(2023, 6, 30), share=Decimal(50)),
        Milestone(name="试运行", due=D(2023, 9, 30), share=Decimal(75)),
    ),
)


def progress(task: Task, on: dt.date, **kw: object) -> TaskProgress:
    return TaskProgress(task=task.id, as_of=on, **kw)  # type: ignore[arg-type]


def test_without_milestones_the_schedule_is_time_elapsed_by_calendar_days() -> None:
    # 1 Jan → 31 Oct is 303 days; on 1 June 151 days have passed: 151 / 303 = 49.83 %
    assert planned_share(LIVELIHOOD, D(2023, 6, 1)) == Decimal(151) * 100 / Decimal(303)


def test_ahead_of_the_time_elapsed_is_on_schedule() -> None:
    s = task_state(
        LIVELIHOOD, progress(LIVELIHOOD, D(2023, 6, 1), percent=Decimal(50)), D(2023, 6, 1)
    )
    assert s.status == "on_schedule" and s.light == "green"


def test_short_of_the_time_elapsed_is_behind() -> None:
    s = task_state(
        LIVELIHOOD, progress(LIVELIHOOD, D(2023, 6, 1), percent=Decimal(49)), D(2023, 6, 1)
    )
    assert s.status == "behind" and s.light == "yellow"
    assert s.explain("zh") == "序时 49.8%，实际 49% → 滞后于序时"


def test_on_the_deadline_day_an_unfinished_task_is_behind_not_overdue() -> None:
    s = task_state(
        LIVELIHOOD, progress(LIVELIHOOD, D(2023, 10, 31), percent=Decimal(95)), D(2023, 10, 31)
    )
    assert (s.status, s.planned) == ("behind", Decimal(100))


def test_the_day_after_the_deadline_an_unfinished_task_is_overdue() -> None:
    s = task_state(
        LIVELIHOOD, progress(LIVELIHOOD, D(2023, 10, 31), percent=Decimal(95)), D(2023, 11, 1)
    )
    assert s.status == "overdue" and s.light == "red"


def test_finished_on_the_deadline_is_done_in_time() -> None:
    p = progress(LIVELIHOOD, D(2023, 10, 31), done=True)
    s = task_state(LIVELIHOOD, p, D(2023, 11, 15))
    assert (s.status, s.late) == ("done", False)
    assert s.words("zh") == "已完成"


def test_finished_after_the_deadline_is_done_late() -> None:
    p = progress(LIVELIHOOD, D(2023, 11, 20), done=True, done_on=D(2023, 11, 2))
    s = task_state(LIVELIHOOD, p, D(2023, 11, 20))
    assert (s.status, s.late) == ("done", True)
    assert s.words("zh") == "已完成（逾期完成）"


def test_a_milestone_the_day_before_it_is_due_is_not_yet_planned() -> None:
    assert planned_share(STAGED, D(2023, 6, 29)) == Decimal(20)


def test_a_milestone_on_its_due_date_is_planned() -> None:
    assert planned_share(STAGED, D(2023, 6, 30)) == Decimal(50)


def test_a_milestone_reached_counts_its_share() -> None:
    p = progress(STAGED, D(2023, 7, 1), reached=("方案印发", "平台上线"))
    s = task_state(STAGED, p, D(2023, 7, 1))
    assert (s.status, s.actual) == ("on_schedule", Decimal(50))


def test_a_milestone_missed_on_its_date_is_behind() -> None:
    p = progress(STAGED, D(2023, 6, 30), reached=("方案印发",), percent=Decimal(40))
    assert task_state(STAGED, p, D(2023, 6, 30)).status == "behind"


def test_no_progress_before_the_first_milestone_is_on_schedule() -> None:
    assert task_state(STAGED, None, D(2023, 3, 30)).status == "on_schedule"


def test_no_progress_on_the_first_milestone_is_behind() -> None:
    assert task_state(STAGED, None, D(2023, 3, 31)).status == "behind"


def test_the_latest_progress_known_on_the_date_counts() -> None:
    history = [
        progress(LIVELIHOOD, D(2023, 3, 1), percent=Decimal(10)),
        progress(LIVELIHOOD, D(2023, 6, 1), percent=Decimal(60)),
        progress(LIVELIHOOD, D(2023, 9, 1), done=True),
    ]
    (s,) = task_states([LIVELIHOOD], history, D(2023, 6, 15))
    assert s.actual == Decimal(60)


def test_tally_words_the_counts_as_binzhou_reports_them() -> None:
    tasks = [
        Task(id=f"ZR-{i}", name=f"示例主责任务{i}", category="主责任务", deadline=D(2023, 12, 31))
        for i in range(4)
    ]
    on = D(2023, 7, 1)  # 181 of 364 days: 49.7 %
    history = [
        progress(tasks[0], on, done=True),
        progress(tasks[1], on, percent=Decimal(60)),
        progress(tasks[2], on, percent=Decimal(55)),
        progress(tasks[3], on, percent=Decimal(30)),
    ]
    states = task_states(tasks, history, on)
    (t,) = tally(states)
    assert t.sentence("zh") == "4项主责任务：已完成 1 项，按序时推进 2 项，滞后于序时 1 项"
    assert t.sentence("en") == "4 主责任务: 1 done, 2 on schedule, 1 behind schedule"
    assert share_on_schedule(states) == Decimal(75)


def test_milestones_must_grow_in_date_and_share() -> None:
    with pytest.raises(ValidationError, match="must grow"):
        Task(id="x", name="x", category="c", deadline=D(2023, 12, 31), milestones=(
            Milestone(name="a", due=D(2023, 6, 1), share=Decimal(50)),
            Milestone(name="b", due=D(2023, 9, 1), share=Decimal(40)),
        ))  # fmt: skip


def test_a_milestone_after_the_deadline_is_refused_with_its_name() -> None:
    with pytest.raises(ValidationError, match="'late' is due 2024-01-05"):
        Task(id="x", name="x", category="c", deadline=D(2023, 12, 31),
             milestones=(Milestone(name="late", due=D(2024, 1, 5), share=Decimal(50)),))  # fmt: skip


days = st.integers(0, 500)


@given(days, days, st.decimals(0, 100, places=1))
def test_the_schedule_never_falls_as_time_passes(a: int, b: int, pct: Decimal) -> None:
    first, second = sorted(
        (D(2023, 1, 1) + dt.timedelta(days=a), D(2023, 1, 1) + dt.timedelta(days=b))
    )
    for task in (LIVELIHOOD, STAGED):
        assert planned_share(task, first) <= planned_share(task, second)
        assert Decimal(0) <= planned_share(task, second) <= Decimal(100)


@given(days, st.decimals(0, 100, places=1))
def test_more_progress_never_worsens_the_status(a: int, pct: Decimal) -> None:
    on = D(2023, 1, 1) + dt.timedelta(days=a)
    rank = {"done": 0, "on_schedule": 1, "behind": 2, "overdue": 3}
    low = task_state(LIVELIHOOD, progress(LIVELIHOOD, on, percent=pct), on)
    high = task_state(LIVELIHOOD, progress(LIVELIHOOD, on, percent=min(Decimal(100), pct + 10)), on)
    assert rank[high.status] <= rank[low.status]


def test_a_units_light_is_its_worst_task() -> None:
    from assessor.scoring.tasks import overall, unit_light

    on = D(2023, 11, 1)
    done = progress(LIVELIHOOD, D(2023, 10, 30), done=True)
    assert unit_light(task_states([LIVELIHOOD], [done], on)) == "green"
    late = task_states([LIVELIHOOD, STAGED], [progress(STAGED, on, percent=Decimal(80))], on)
    assert [s.status for s in late] == ["overdue", "on_schedule"]
    assert unit_light(late) == "red"
    assert overall(late).sentence("zh") == "2项任务：按序时推进 1 项，逾期 1 项"
    assert unit_light([]) is None


def test_a_milestone_reached_the_day_before_it_is_due_is_ahead() -> None:
    p = progress(STAGED, D(2023, 6, 29), reached=("方案印发", "平台上线"))
    s = task_state(STAGED, p, D(2023, 6, 29))
    assert (s.status, s.planned, s.actual) == ("on_schedule", Decimal(20), Decimal(50))


def test_a_milestone_reached_the_day_after_it_was_due_was_behind_on_the_day() -> None:
    history = [
        progress(STAGED, D(2023, 6, 30), reached=("方案印发",)),
        progress(STAGED, D(2023, 7, 1), reached=("方案印发", "平台上线")),
    ]
    assert task_states([STAGED], history, D(2023, 6, 30))[0].status == "behind"
    assert task_states([STAGED], history, D(2023, 7, 1))[0].status == "on_schedule"


def test_finished_the_day_before_the_deadline_is_done_in_time() -> None:
    p = progress(LIVELIHOOD, D(2023, 10, 30), done=True)
    s = task_state(LIVELIHOOD, p, D(2023, 10, 30))
    assert (s.status, s.late) == ("done", False)
