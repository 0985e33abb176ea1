"""Progress in the store: one write and one audit record per decision, optimistic versions,
on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from assessor.model.tasks import TaskProgress
from assessor.store.errors import ConflictError
from assessor.store.store import Store
from assessor.store.tasks import TaskProgressStore

D = dt.date(2023, 8, 11)


def report(**kw: object) -> TaskProgress:
    return TaskProgress(task="ZR-08", as_of=D, **kw)  # type: ignore[arg-type]


def test_a_report_is_stored_exactly_and_audited_once(store: Store) -> None:
    tasks = TaskProgressStore(store)
    assert tasks.record("bz", "BZDSJ", report(percent=Decimal("62.5")), who="王芳") == 1
    (got,) = tasks.progress("bz")
    assert got.progress.percent == Decimal("62.5") and got.version == 1
    (rec,) = [r for r in store.audit_log() if r.action == "task"]
    assert (rec.who, rec.set_id, rec.region, rec.period, rec.leaf) == (
        "王芳", "bz", "BZDSJ", "2023-08-11", "ZR-08"
    )  # fmt: skip
    assert rec.new == {"percent": "62.5", "reached": [], "done": False, "done_on": None,
                       "comment": None}  # fmt: skip
    assert store.verify_audit() == []


def test_a_changed_report_is_a_new_version_with_old_and_new_in_the_log(store: Store) -> None:
    tasks = TaskProgressStore(store)
    tasks.record("bz", "BZDSJ", report(percent=Decimal(50)), who="a")
    assert tasks.record("bz", "BZDSJ", report(done=True), who="b", expected_version=1) == 2
    last = [r for r in store.audit_log() if r.action == "task"][-1]
    assert last.old["percent"] == "50" and last.new["done"] is True


def test_the_same_report_again_writes_nothing(store: Store) -> None:
    tasks = TaskProgressStore(store)
    tasks.record("bz", "BZDSJ", report(percent=Decimal(50)), who="a")
    before = len(store.audit_log())
    assert tasks.record("bz", "BZDSJ", report(percent=Decimal(50)), who="a") == 1
    assert len(store.audit_log()) == before


def test_a_stale_version_is_refused_and_nothing_changes(store: Store) -> None:
    tasks = TaskProgressStore(store)
    tasks.record("bz", "BZDSJ", report(percent=Decimal(50)), who="a")
    tasks.record("bz", "BZDSJ", report(percent=Decimal(60)), who="b", expected_version=1)
    with pytest.raises(ConflictError, match="changed by b"):
        tasks.record("bz", "BZDSJ", report(percent=Decimal(70)), who="a", expected_version=1)
    (got,) = tasks.progress("bz")
    assert (got.progress.percent, got.version) == (Decimal(60), 2)


def test_an_import_that_fails_midway_stores_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks = TaskProgressStore(store)
    rows = [("BZDSJ", TaskProgress(task=f"ZR-{i:02d}", as_of=D, percent=Decimal(i)))
            for i in range(1, 4)]  # fmt: skip
    real = store._append
    calls = iter(range(10))

    def failing(*a: object, **kw: object) -> None:
        if next(calls) == 2:
            raise RuntimeError("disk full")  # the third row's audit record cannot be written
        real(*a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_append", failing)
    with pytest.raises(RuntimeError):
        tasks.record_many("bz", rows, who="a")
    assert tasks.progress("bz") == []
    assert [r for r in store.audit_log() if r.action.startswith("task")] == []


def test_each_imported_row_has_its_own_audit_record(store: Store) -> None:
    tasks = TaskProgressStore(store)
    rows = [("BZDSJ", TaskProgress(task=f"ZR-{i:02d}", as_of=D, percent=Decimal(i)))
            for i in range(1, 4)]  # fmt: skip
    assert tasks.record_many("bz", rows, who="a", reason="8月报表") == 3
    recs = [r for r in store.audit_log() if r.action == "task-import"]
    assert [r.leaf for r in recs] == ["ZR-01", "ZR-02", "ZR-03"]
    assert {r.reason for r in recs} == {"8月报表"}
    assert store.verify_audit() == []


def test_verify_finds_a_report_changed_behind_the_log(store: Store) -> None:
    from sqlalchemy import update

    from assessor.store import tables as t

    tasks = TaskProgressStore(store)
    tasks.record("bz", "BZDSJ", report(percent=Decimal(40)), who="a")
    assert tasks.verify() == []
    with store.engine.begin() as conn:
        conn.execute(update(t.task_progress).values(percent="90"))
    (problem,) = tasks.verify()
    assert "task progress BZDSJ/ZR-08/2023-08-11 (bz) differs from the audit log" in problem.message


def test_verify_finds_a_report_deleted_behind_the_log(store: Store) -> None:
    from sqlalchemy import delete

    from assessor.store import tables as t

    tasks = TaskProgressStore(store)
    tasks.record("bz", "BZDSJ", report(done=True), who="a")
    with store.engine.begin() as conn:
        conn.execute(delete(t.task_progress))
    (problem,) = tasks.verify()
    assert "is in the audit log but missing from the table" in problem.message
