"""The audit log is hash-chained: any edit, deletion or reordering of past records is detected."""

from __future__ import annotations

from decimal import Decimal as D

from sqlalchemy import text

from assessor.model import Entry
from assessor.store.store import EntryKey, Store


def fill(store: Store, n: int = 6) -> None:
    for i in range(n):
        store.set_entry(EntryKey("s", "371502", "2024", "张三", f"L{i}"), Entry(value=D(i)))
    store.set_status("s", "371502", "2024", "submitted", who="张三")


def sql(store: Store, statement: str) -> None:
    with store.engine.connect() as conn:
        conn.execute(text(statement))
        conn.commit()


def test_an_untouched_log_verifies(store: Store) -> None:
    fill(store)
    assert store.verify_audit() == []


def test_editing_a_past_record_is_detected(store: Store) -> None:
    fill(store)
    sql(store, "UPDATE audit SET who = 'mallory' WHERE seq = 3")
    problems = store.verify_audit()
    assert any("record 3" in p.message and "edited" in p.message for p in problems)


def test_deleting_a_middle_record_is_detected(store: Store) -> None:
    fill(store)
    sql(store, "DELETE FROM audit WHERE seq = 2")
    assert any("record 2" in p.message for p in store.verify_audit())


def test_deleting_the_last_records_is_detected(store: Store) -> None:
    fill(store)
    sql(store, "DELETE FROM audit WHERE seq >= 6")
    assert any("deleted" in p.message for p in store.verify_audit())


def test_reordering_records_is_detected(store: Store) -> None:
    fill(store)
    sql(store, "UPDATE audit SET seq = 100 WHERE seq = 2")
    sql(store, "UPDATE audit SET seq = 2 WHERE seq = 3")
    sql(store, "UPDATE audit SET seq = 3 WHERE seq = 100")
    assert store.verify_audit() != []


def test_an_entry_changed_behind_the_logs_back_is_detected(store: Store) -> None:
    fill(store)
    sql(store, "UPDATE entries SET value = '{\"d\":\"99\"}' WHERE leaf = 'L1'")
    assert any("differs" in p.message for p in store.verify_audit())


def test_replaying_the_log_reproduces_the_entries(store: Store) -> None:
    fill(store)
    store.clear_entry(EntryKey("s", "371502", "2024", "张三", "L0"))
    store.set_entry(EntryKey("s", "371502", "2024", "张三", "L1"), Entry(value=D("1.50")))
    current = {
        (e.set_id, e.region, e.period, e.evaluator, e.leaf): e.entry for e in store.entries("s")
    }
    assert store.replay() == current
