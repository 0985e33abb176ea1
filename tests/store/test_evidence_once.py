"""Adding evidence is one decision: one transaction, one audit record — the evidence row and
the evaluator's entry listing it — and the log still replays to the tables (SQLite and
PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal as D

from assessor.model import Entry
from assessor.store.store import EntryKey, Store

KEY = EntryKey("sd-county-2020", "371502", "2024", "张三", "D1-01")


def records(store: Store) -> list[str]:
    return [r.action for r in store.audit_log(region="371502")]


def test_evidence_for_an_entry_is_one_audit_record_and_the_entry_lists_it(store: Store) -> None:
    store.set_entry(KEY, Entry(value=D(1), evaluator="张三"))
    store.add_evidence(KEY, path="docs/a.pdf", sha256="0" * 64)
    assert records(store).count("evidence") == 1 and len(records(store)) == 2
    got = store.get_entry(KEY)
    assert got is not None and got.entry.evidence == ("docs/a.pdf",) and got.version == 2
    assert store.verify_audit() == []
    assert store.replay()[_key()] == got.entry


def test_evidence_before_any_value_is_one_record_and_no_entry(store: Store) -> None:
    store.add_evidence(KEY, url="https://example.org/批复")
    assert records(store) == ["evidence"]
    assert store.get_entry(KEY) is None
    assert store.verify_audit() == []


def test_evidence_the_entry_already_lists_leaves_the_entry_alone(store: Store) -> None:
    store.set_entry(KEY, Entry(value=D(1), evidence=("docs/a.pdf",), evaluator="张三"))
    store.add_evidence(KEY, path="docs/a.pdf", sha256="0" * 64)
    got = store.get_entry(KEY)
    assert got is not None and got.version == 1
    assert len(records(store)) == 2 and store.verify_audit() == []


def test_an_entry_changed_behind_the_evidence_record_is_found(store: Store) -> None:
    """The record carries the entry as it became: a later edit outside the store shows."""
    from sqlalchemy import update

    from assessor.store import tables as t

    store.set_entry(KEY, Entry(value=D(1), evaluator="张三"))
    store.add_evidence(KEY, url="https://example.org/a")
    with store.engine.begin() as conn:
        conn.execute(update(t.entries).values(evidence='["https://example.org/b"]'))
    assert any("differs" in p.message for p in store.verify_audit())


def _key() -> tuple[str, ...]:
    return (KEY.set_id, KEY.region, KEY.period, KEY.evaluator, KEY.leaf)
