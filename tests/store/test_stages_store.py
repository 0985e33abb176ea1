"""Stages in the store: each stage keeps its own entries, statuses and evidence; a stage starts
from the previous one's entries (audited); evidence verdicts and on-site checks are audited and
verified like everything else; a database written before stages migrates without changing
meaning and its audit chain still verifies. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from assessor.model import Entry
from assessor.store import review
from assessor.store import tables as t
from assessor.store.errors import FinalError, StoreError
from assessor.store.store import MIGRATIONS, EntryKey, Store

OLD = Path(__file__).parent / "data" / "revision_0003.json"


def key(leaf: str, stage: str, evaluator: str = "县自评组", region: str = "371502") -> EntryKey:
    return EntryKey("sd", region, "2021", evaluator, leaf, stage)


def sql(store: Store, statement: str) -> None:
    with store.engine.connect() as conn:
        conn.execute(text(statement))
        conn.commit()


def submitted_self_assessment(store: Store) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90"), comment="自评说明"))
    store.set_entry(key("D1-02", "self"), Entry(value=D("10")))
    store.add_evidence(key("D1-01", "self"), url="https://example.org/plan.pdf", note="方案")
    store.set_status("sd", "371502", "2021", "submitted", who="县自评组", stage="self")


# ---------------------------------------------------------------------- stages


def test_the_same_indicator_holds_one_value_per_stage(store: Store) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90")))
    store.set_entry(key("D1-01", "review", "市复核组"), Entry(value=D("86")))
    assert [e.entry.value for e in store.entries("sd", stage="self")] == [D("90")]
    assert [e.entry.value for e in store.entries("sd", stage="review")] == [D("86")]
    assert store.entries("sd") == []  # the default stage (expert) has nothing yet


def test_each_stage_has_its_own_status_and_final_locks_only_that_stage(store: Store) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90")))
    store.set_status("sd", "371502", "2021", "final", who="县自评组", stage="self")
    assert store.status("sd", "371502", "2021", stage="self") == "final"
    assert store.status("sd", "371502", "2021", stage="review") == "draft"
    with pytest.raises(FinalError, match="stage self"):
        store.set_entry(key("D1-01", "self"), Entry(value=D("91")))
    store.set_entry(key("D1-01", "review", "市复核组"), Entry(value=D("86")))


def test_starting_a_stage_copies_entries_and_evidence_as_carried_over(store: Store) -> None:
    submitted_self_assessment(store)
    n = review.start_stage(store, "sd", "2021", "review", "self", ["371502"], who="市复核组",
                           evaluators=["市复核组"])  # fmt: skip
    assert n == 2
    copied = {e.leaf: e for e in store.entries("sd", stage="review")}
    assert copied["D1-01"].entry.value == D("90") and copied["D1-01"].evaluator == "市复核组"
    assert copied["D1-01"].entry.carried_over
    assert [e["url"] for e in store.evidence("sd", "371502", "2021", stage="review")] == [
        "https://example.org/plan.pdf"
    ]
    carries = [r for r in store.audit_log(stage="review") if r.action == "carry"]
    assert len(carries) == 2 and carries[0].reason == "stage review started from self"
    assert store.verify_audit() == []


def test_a_stage_cannot_start_from_a_draft_nor_start_twice(store: Store) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90")))
    with pytest.raises(StoreError, match="stage self is draft"):
        review.start_stage(store, "sd", "2021", "review", "self", ["371502"], who="x")
    store.set_status("sd", "371502", "2021", "submitted", who="x", stage="self")
    review.start_stage(store, "sd", "2021", "review", "self", ["371502"], who="x")
    with pytest.raises(StoreError, match="already started"):
        review.start_stage(store, "sd", "2021", "review", "self", ["371502"], who="x")


def test_a_stages_records_name_it_and_replay_per_stage(store: Store) -> None:
    submitted_self_assessment(store)
    store.set_entry(key("D1-01", "review", "市复核组"), Entry(value=D("86")))
    assert {r.stage for r in store.audit_log()} == {"self", "review"}
    assert store.replay("review") == {("sd", "371502", "2021", "市复核组", "D1-01"): Entry(
        value=D("86"), evaluator="市复核组")}  # fmt: skip
    assert store.verify_audit() == []


def test_moving_a_record_to_another_stage_breaks_the_chain(store: Store) -> None:
    submitted_self_assessment(store)
    sql(store, "UPDATE audit SET stage = 'review' WHERE seq = 1")
    assert any("record 1" in p.message and "edited" in p.message for p in store.verify_audit())


def test_an_entry_moved_to_another_stage_behind_the_log_is_detected(store: Store) -> None:
    submitted_self_assessment(store)
    sql(store, "UPDATE entries SET stage = 'review' WHERE leaf = 'D1-02'")
    assert any("differs" in p.message for p in store.verify_audit())


# ---------------------------------------------------------------------- evidence verdicts


def test_a_verdict_is_stored_and_audited_with_reviewer_time_and_reason(store: Store) -> None:
    submitted_self_assessment(store)
    item = "https://example.org/plan.pdf"
    old = review.set_verdict(store, "sd", "self", "371502", "2021", "D1-01", item, "不足",
                             who="市复核组", reason="缺少验收报告")  # fmt: skip
    assert old is None
    v = review.verdicts(store, "sd", "self", "371502", "2021")[("D1-01", item)]
    assert (v.verdict, v.reason, v.judged_by) == ("不足", "缺少验收报告", "市复核组")
    record = store.audit_log(leaf="D1-01")[-1]
    assert (record.action, record.new, record.reason) == (
        "verdict", {"item": item, "verdict": "不足"}, "缺少验收报告")  # fmt: skip
    assert review.set_verdict(store, "sd", "self", "371502", "2021", "D1-01", item, "有效",
                              who="市复核组") == "不足"  # fmt: skip
    assert store.verify_audit() == []


def test_a_verdict_other_than_valid_needs_a_reason(store: Store) -> None:
    submitted_self_assessment(store)
    with pytest.raises(StoreError, match="needs a reason"):
        review.set_verdict(store, "sd", "self", "371502", "2021", "D1-01",
                           "https://example.org/plan.pdf", "无效", who="x")  # fmt: skip


def test_a_verdict_on_an_item_that_is_not_there_names_the_items(store: Store) -> None:
    submitted_self_assessment(store)
    with pytest.raises(StoreError, match=r"items: https://example\.org/plan\.pdf"):
        review.set_verdict(store, "sd", "self", "371502", "2021", "D1-01", "nope.pdf", "有效",
                           who="x")  # fmt: skip


def test_a_verdict_changed_behind_the_log_is_detected(store: Store) -> None:
    submitted_self_assessment(store)
    review.set_verdict(store, "sd", "self", "371502", "2021", "D1-01",
                       "https://example.org/plan.pdf", "无效", who="x", reason="与本县无关")  # fmt: skip
    sql(store, "UPDATE evidence_verdicts SET verdict = '有效'")
    assert any("verdict on" in p.message for p in store.verify_audit())


def test_submitting_is_refused_while_required_evidence_is_missing_naming_the_indicator(
    store: Store,
) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90")))
    store.set_entry(key("D1-02", "self"), Entry(value=D("10")))
    with pytest.raises(StoreError, match=r"D1-02: no evidence attached") as err:
        store.set_status("sd", "371502", "2021", "submitted", who="x", stage="self",
                         evidence_required=["D1-02"])  # fmt: skip
    assert "D1-01" not in str(err.value)
    assert store.status("sd", "371502", "2021", stage="self") == "draft"


def test_submitting_is_refused_when_the_only_evidence_is_judged_invalid(store: Store) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90")))
    store.add_evidence(key("D1-01", "self"), url="https://example.org/old.pdf")
    review.set_verdict(store, "sd", "self", "371502", "2021", "D1-01",
                       "https://example.org/old.pdf", "无效", who="x", reason="过期")  # fmt: skip
    with pytest.raises(
        StoreError, match=r"D1-01: no usable evidence item: https://example.org/old.pdf 无效"
    ):
        store.set_status("sd", "371502", "2021", "submitted", who="x", stage="self",
                         evidence_required=["D1-01"])  # fmt: skip


def test_finalising_needs_an_item_judged_valid_while_submitting_accepts_one_not_yet_judged(
    store: Store,
) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90")))
    store.add_evidence(key("D1-01", "self"), url="https://example.org/a.pdf")
    args = {"who": "x", "stage": "self", "evidence_required": ["D1-01"]}
    store.set_status("sd", "371502", "2021", "submitted", **args)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match=r"cannot become final.*D1-01.*a\.pdf 未审"):
        store.set_status("sd", "371502", "2021", "final", **args)  # type: ignore[arg-type]
    review.set_verdict(store, "sd", "self", "371502", "2021", "D1-01",
                       "https://example.org/a.pdf", "有效", who="x")  # fmt: skip
    store.set_status("sd", "371502", "2021", "final", **args)  # type: ignore[arg-type]


def test_going_back_is_never_held_up_by_evidence(store: Store) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90")))
    store.set_status("sd", "371502", "2021", "submitted", who="x", stage="self")
    store.set_status("sd", "371502", "2021", "draft", who="x", stage="self", reason="补材料",
                     evidence_required=["D1-01"])  # fmt: skip


# ---------------------------------------------------------------------- site checks


def test_a_site_check_is_recorded_corrected_and_verified(store: Store) -> None:
    review.set_site_check(store, "sd", "expert", "371502", "2021", checked_on="2021-11-03",
                          checkers=["陈静", "张磊"], findings="平台运行正常", who="陈静")  # fmt: skip
    review.set_site_check(store, "sd", "expert", "371502", "2021", checked_on="2021-11-04",
                          checkers=["陈静"], findings="补查数据共享", who="陈静")  # fmt: skip
    check = review.site_check(store, "sd", "expert", "371502", "2021")
    assert check is not None and (check.checked_on, check.checkers) == ("2021-11-04", ("陈静",))
    assert [r.action for r in store.audit_log()] == ["site-check", "site-check"]
    assert store.verify_audit() == []
    sql(store, "UPDATE site_checks SET findings = '无问题'")
    assert any("site check" in p.message for p in store.verify_audit())


def test_a_site_check_with_a_bad_date_or_no_checker_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="not a date"):
        review.set_site_check(store, "sd", "expert", "371502", "2021", checked_on="11/03",
                              checkers=["陈静"], findings="x", who="陈静")  # fmt: skip
    with pytest.raises(StoreError, match="at least one checker"):
        review.set_site_check(store, "sd", "expert", "371502", "2021", checked_on="2021-11-03",
                              checkers=[" "], findings="x", who="陈静")  # fmt: skip


# ---------------------------------------------------------------------- migration


def _database_at_0003_with_old_rows(url: str) -> None:
    """A database at revision 0003 holding the rows assessor wrote before stages existed."""
    from alembic import command
    from alembic.config import Config

    rows = json.loads(OLD.read_text(encoding="utf-8"))
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text("DELETE FROM chain_head"))
        for table in ("entries", "statuses", "evidence", "audit", "chain_head"):
            columns = list(rows[table][0])
            conn.execute(
                text(
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join(':' + c for c in columns)})"
                ),
                rows[table],
            )
        if url.startswith("postgresql"):  # the ids were given: move the sequences past them
            for table in ("entries", "evidence"):
                conn.execute(
                    text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
                )
    engine.dispose()


def test_a_database_written_before_stages_migrates_without_changing_meaning(db_url: str) -> None:
    _database_at_0003_with_old_rows(db_url)
    old = json.loads(OLD.read_text(encoding="utf-8"))
    with Store.open(db_url) as store:
        assert store.verify_audit() == []
        entries = store.entries("sd")  # the default stage: expert
        assert len(entries) == len(old["entries"])
        assert {(e.region, e.evaluator, e.leaf, e.stage) for e in entries} == {
            (r["region"], r["evaluator"], r["leaf"], "expert") for r in old["entries"]
        }
        first = next(e for e in entries if e.evaluator == "张三" and e.leaf == "D1-01")
        assert (first.entry.value, first.entry.comment) == (D("82.5"), "已建成")
        assert store.status("sd", "371502", "2021") == "final"
        assert store.evidence("sd", "371502", "2021")[0]["url"] == "https://example.org/a.pdf"
        assert {r.stage for r in store.audit_log()} == {"expert"}
        assert store.chain_head() == (old["chain_head"][0]["seq"], old["chain_head"][0]["hash"])
        with pytest.raises(FinalError):  # final still means read-only
            store.set_entry(EntryKey("sd", "371502", "2021", "张三", "D1-01"), Entry(value=D(1)))
        store.set_entry(EntryKey("sd", "371581", "2021", "张三", "D1-01"), Entry(value=D("71")))
        store.set_entry(EntryKey("sd", "371581", "2021", "张三", "D1-01", "self"), Entry(value=1))
        assert store.verify_audit() == []
        with store.engine.connect() as conn:
            stages = conn.execute(text("SELECT stage FROM audit ORDER BY seq")).scalars().all()
        assert stages == [None] * len(old["audit"]) + ["expert", "self"]


def test_the_migration_keeps_one_row_per_stage_unique(store: Store) -> None:
    store.set_entry(key("D1-01", "self"), Entry(value=D("90")))
    with pytest.raises(Exception), store.engine.begin() as conn:  # noqa: B017
        conn.execute(
            t.entries.insert().values(
                set_id="sd", stage="self", region="371502", period="2021", evaluator="县自评组",
                leaf="D1-01", na=False, carried_over=False, version=1, updated_at="x",
                updated_by="x",
            )
        )  # fmt: skip
