"""Entries, versions, conflicts, statuses and periods — on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from assessor.model import Entry, Region
from assessor.store import ConflictError, FinalError, StoreError
from assessor.store.store import EntryKey, Store


def key(
    leaf: str = "D1-01", evaluator: str = "张三", region: str = "371502", period: str = "2024"
) -> EntryKey:
    return EntryKey("sd-county-2020", region, period, evaluator, leaf)


def test_an_entry_comes_back_exactly_as_written(store: Store) -> None:
    e = Entry(value=D("82.50"), comment="已建成<b>", evidence=("docs/a.pdf",), evaluator="张三")
    store.set_entry(key(), e)
    got = store.get_entry(key())
    assert got is not None
    assert got.entry == e
    assert str(got.entry.value) == "82.50"


def test_named_inputs_and_na_round_trip(store: Store) -> None:
    store.set_entry(key("A"), Entry(inputs={"used": D(137), "total": D(160)}, evaluator="张三"))
    store.set_entry(key("B"), Entry(na=True, comment="无公交", evaluator="张三"))
    assert store.get_entry(key("A")).entry.inputs == {"used": D(137), "total": D(160)}  # type: ignore[union-attr]
    assert store.get_entry(key("B")).entry.na  # type: ignore[union-attr]


def test_each_change_raises_the_version(store: Store) -> None:
    assert store.set_entry(key(), Entry(value=D(1))) == 1
    assert store.set_entry(key(), Entry(value=D(2))) == 2


def test_writing_the_same_value_again_changes_nothing(store: Store) -> None:
    store.set_entry(key(), Entry(value=D(1)))
    assert store.set_entry(key(), Entry(value=D(1))) == 1
    assert len(store.audit_log()) == 1


def test_a_stale_version_is_a_conflict_not_an_overwrite(store: Store) -> None:
    store.set_entry(key(), Entry(value=D(1)), who="张三")
    store.set_entry(key(), Entry(value=D(2)), who="李四", expected_version=1)
    with pytest.raises(ConflictError, match="李四"):
        store.set_entry(key(), Entry(value=D(3)), who="张三", expected_version=1)
    assert store.get_entry(key()).entry.value == D(2)  # type: ignore[union-attr]


def test_clear_removes_an_entry_and_is_audited(store: Store) -> None:
    store.set_entry(key(), Entry(value=D(1)))
    store.clear_entry(key(), reason="录入错误")
    assert store.get_entry(key()) is None
    assert store.audit_log()[-1].action == "clear"
    assert store.verify_audit() == []


def test_a_final_assessment_is_read_only(store: Store) -> None:
    store.set_entry(key(), Entry(value=D(1)))
    store.set_status("sd-county-2020", "371502", "2024", "final", who="组长")
    with pytest.raises(FinalError, match="reopen"):
        store.set_entry(key(), Entry(value=D(2)))
    with pytest.raises(FinalError):
        store.clear_entry(key())


def test_reopening_a_final_assessment_needs_a_reason(store: Store) -> None:
    store.set_status("sd-county-2020", "371502", "2024", "final", who="组长")
    with pytest.raises(StoreError, match="reason"):
        store.set_status("sd-county-2020", "371502", "2024", "draft", who="组长")
    store.set_status("sd-county-2020", "371502", "2024", "draft", who="组长", reason="数据更正")
    assert store.status("sd-county-2020", "371502", "2024") == "draft"
    assert store.audit_log()[-1].reason == "数据更正"


def test_unknown_status_names_the_allowed_ones(store: Store) -> None:
    with pytest.raises(StoreError, match="draft, submitted, reviewed, final"):
        store.set_status("s", "r", "2024", "done", who="x")


def test_import_is_all_or_nothing(store: Store) -> None:
    store.set_status("sd-county-2020", "371503", "2024", "final", who="组长")
    rows = [(key("A"), Entry(value=D(1))), (key("B", region="371503"), Entry(value=D(2)))]
    with pytest.raises(FinalError):
        store.import_entries(rows, who="导入")
    assert store.entries("sd-county-2020") == []
    assert [r.action for r in store.audit_log()] == ["status"]  # only the status change


def test_new_period_carries_entries_over_as_drafts(store: Store) -> None:
    store.set_entry(key("A"), Entry(value=D(5), evaluator="张三"))
    store.set_status("sd-county-2020", "371502", "2024", "final", who="组长")
    n = store.new_period("sd-county-2020", "2025", "2024", who="组长")
    assert n == 1
    got = store.get_entry(key("A", period="2025"))
    assert got is not None and got.entry.carried_over and got.entry.value == D(5)
    assert store.status("sd-county-2020", "371502", "2025") == "draft"
    assert store.periods("sd-county-2020") == ["2024", "2025"]


def test_assessment_has_every_region_and_their_entries(store: Store) -> None:
    store.set_entry(key("A"), Entry(value=D(5), evaluator="张三"))
    store.set_entry(key("A", evaluator="李四"), Entry(value=D(7), evaluator="李四"))
    regions = {"371502": Region(id="371502", name="东昌府区"), "371503": Region(id="371503")}
    a = store.assessment("sd-county-2020", "2024", regions)
    assert set(a.regions) == {"371502", "371503"}
    assert [e.value for e in a.entries["371502"]["A"]] == [D(5), D(7)]


def test_evidence_is_a_path_or_a_url(store: Store) -> None:
    store.add_evidence(key(), path="docs/a.pdf", sha256="0" * 64, note="批复")
    store.add_evidence(key(), url="https://example.org/x")
    assert [e["path"] or e["url"] for e in store.evidence("sd-county-2020", "371502", "2024")] == [
        "docs/a.pdf",
        "https://example.org/x",
    ]
    with pytest.raises(StoreError):
        store.add_evidence(key())
