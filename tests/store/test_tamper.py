"""Each table changed behind the audit log is reported by `audit verify` (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import text

from assessor.model import Entry
from assessor.store import StoreError
from assessor.store.store import EntryKey, Store

KEY = EntryKey("s", "371502", "2024", "张三", "L1")


@pytest.fixture
def filled(store: Store) -> Store:
    store.set_entry(KEY, Entry(value=Decimal(80), evaluator="张三"))
    store.set_entry(KEY, Entry(value=Decimal(85), comment="复核", evaluator="张三"))
    store.set_status("s", "371502", "2024", "submitted", who="张三")
    store.add_evidence(KEY, url="https://example.org/a.pdf", who="张三")
    assert store.verify_audit() == []
    return store


def _sql(store: Store, statement: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(statement))


TAMPERING: dict[str, tuple[str, str]] = {
    "an entry's value": ('UPDATE entries SET value = \'{"d":"99"}\'', "differs"),
    "an entry's updated_by": ("UPDATE entries SET updated_by = 'mallory'", "updated_by"),
    "an entry's version": ("UPDATE entries SET version = 7", "version"),
    "an entry's updated_at": (
        "UPDATE entries SET updated_at = '2020-01-01T00:00:00+00:00'",
        "updated_at",
    ),
    "a status changed": ("UPDATE statuses SET status = 'final'", "status of"),
    "a status's updated_by": ("UPDATE statuses SET updated_by = 'mallory'", "status of"),
    "a status inserted": (
        "INSERT INTO statuses (set_id, region, period, status, updated_at, updated_by) "
        "VALUES ('s', '371503', '2024', 'final', '2024-01-01T00:00:00+00:00', '组长')",
        "status of s/371503/2024",
    ),
    "a status deleted": ("DELETE FROM statuses", "status of"),
    "an evidence row inserted": (
        "INSERT INTO evidence (set_id, region, period, leaf, evaluator, path, url, sha256, note, "
        "added_at, added_by) VALUES ('s', '371502', '2024', 'L1', '张三', 'x.pdf', NULL, NULL, "
        "NULL, '2024-01-01T00:00:00+00:00', '张三')",
        "not in the audit log",
    ),
    "an evidence row changed": ("UPDATE evidence SET url = 'https://evil.example/'", "evidence"),
    "an evidence row deleted": ("DELETE FROM evidence", "deleted behind it"),
    "an entry inserted": (
        "INSERT INTO entries (set_id, region, period, evaluator, leaf, value, inputs, na, comment, "
        "evidence, carried_over, version, updated_at, updated_by) VALUES ('s', '371502', '2024', "
        "'张三', 'L2', '{\"d\":\"5\"}', NULL, false, NULL, '[]', false, 1, "
        "'2024-01-01T00:00:00+00:00', '张三')",
        "differs",
    ),
    "an entry deleted": ("DELETE FROM entries", "differs"),
}


@pytest.mark.parametrize("what", list(TAMPERING))
def test_a_table_changed_behind_the_log_is_reported_by_verify(filled: Store, what: str) -> None:
    statement, words = TAMPERING[what]
    _sql(filled, statement)
    problems = filled.verify_audit()
    assert problems, f"{what} went unseen"
    assert any(words in p.message for p in problems), [p.message for p in problems]


def test_a_deleted_chain_head_is_a_finding_not_a_traceback(filled: Store) -> None:
    _sql(filled, "DELETE FROM chain_head")
    problems = filled.verify_audit()
    assert any("head row is missing" in p.message for p in problems)


def test_a_write_without_a_chain_head_is_refused_with_a_message(filled: Store) -> None:
    _sql(filled, "DELETE FROM chain_head")
    with pytest.raises(StoreError, match="head row is missing"):
        filled.set_entry(KEY, Entry(value=Decimal(1), evaluator="张三"))


def test_untouched_tables_verify_after_every_kind_of_write(store: Store) -> None:
    ops: list[Callable[[], object]] = [
        lambda: store.set_entry(KEY, Entry(value=Decimal(1), evaluator="张三")),
        lambda: store.import_entries(
            [(KEY, Entry(value=Decimal(2), evaluator="张三"))], who="导入"
        ),
        lambda: store.clear_entry(KEY, who="张三"),
        lambda: store.set_entry(KEY, Entry(value=Decimal(3), evaluator="张三")),
        lambda: store.set_status("s", "371502", "2024", "final", who="组长"),
        lambda: store.set_status("s", "371502", "2024", "draft", who="组长", reason="重开"),
        lambda: store.add_evidence(KEY, path="佐证/a.pdf", sha256="0" * 64, who="张三"),
        lambda: store.new_period("s", "2025", "2024", who="组长"),
    ]
    for op in ops:
        op()
        assert store.verify_audit() == []
