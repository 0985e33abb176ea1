"""The workspace API the TUI uses (region, period, leaf, evaluator), on SQLite and PostgreSQL:
checked targets, versions, history, statuses, evidence, new periods and period comparison."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessor.errors import AssessorError
from assessor.loader import load_entries
from assessor.model import Entry
from assessor.scoring import compile_checked, score
from assessor.store import ConflictError
from assessor.store.store import EntryKey
from assessor.store.workspace import Workspace, open_workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
REGION = "371502"  # 东昌府区
LEAF = "D1-03"


@pytest.fixture
def ws(db_url: str, tmp_path: Path) -> Iterator[Workspace]:
    """The sample workspace on the parametrised database, with the 2021 sample entries."""
    folder = tmp_path / "ws"
    shutil.copytree(SAMPLES / "workspace", folder)
    cfg = folder / "workspace.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + f"database: {db_url}\n", encoding="utf-8")
    w = open_workspace(folder)
    files = sorted((SAMPLES / "sd-county-2020").glob("*.yaml"))
    rows = [
        (EntryKey(w.set_id, rid, a.period, e.evaluator, leaf), e)
        for a in load_entries(files, w.indicator_set)
        for rid, leaves in a.entries.items()
        for leaf, es in leaves.items()
        for e in es
    ]
    w.store.import_entries(rows, who="导入员")
    try:
        yield w
    finally:
        w.close()


def test_an_entry_comes_back_with_the_version_to_edit_it_by(ws: Workspace) -> None:
    v = ws.set_entry(REGION, "2021", LEAF, "王五", Entry(value=D(88)))
    got = ws.get_entry(REGION, "2021", LEAF, "王五")
    assert got is not None and got.version == v == 1
    assert got.entry.value == D(88) and got.entry.evaluator == "王五"


def test_an_unknown_region_leaf_or_period_is_refused_naming_each(ws: Workspace) -> None:
    with pytest.raises(AssessorError) as caught:
        ws.set_entry("999999", "2021-13", "D9-99", "王五", Entry(value=D(1)))
    text = str(caught.value)
    assert "999999" in text and "D9-99" in text and "2021-13" in text
    assert ws.get_entries(region="999999") == []


def test_a_second_evaluator_editing_from_a_stale_version_gets_a_conflict(ws: Workspace) -> None:
    read = ws.get_entry(REGION, "2021", LEAF, "专家组-陈静")
    assert read is not None
    ws.set_entry(REGION, "2021", LEAF, "专家组-陈静", Entry(value=D(90)),
                 expected_version=read.version, who="组长")  # fmt: skip
    with pytest.raises(ConflictError, match="组长"):
        ws.set_entry(REGION, "2021", LEAF, "专家组-陈静", Entry(value=D(70)),
                     expected_version=read.version)  # fmt: skip
    assert ws.get_entry(REGION, "2021", LEAF, "专家组-陈静").entry.value == D(90)  # type: ignore[union-attr]


def test_history_lists_every_change_of_one_indicator_oldest_first(ws: Workspace) -> None:
    ws.set_entry(REGION, "2021", LEAF, "王五", Entry(value=D(1)))
    ws.set_entry(REGION, "2021", LEAF, "王五", Entry(value=D(2)), reason="复核")
    ws.clear_entry(REGION, "2021", LEAF, "王五", reason="重复录入")
    mine = [r for r in ws.history(REGION, LEAF) if r.evaluator == "王五"]
    assert [(r.action, r.reason) for r in mine] == [("set", None), ("set", "复核"),
                                                    ("clear", "重复录入")]  # fmt: skip
    assert mine[1].old["value"] == {"d": "1"} and mine[1].new["value"] == {"d": "2"}


def test_statuses_name_every_region_and_default_to_draft(ws: Workspace) -> None:
    ws.set_status(REGION, "2021", "submitted", who="专家组-陈静")
    statuses = ws.statuses("2021")
    assert set(statuses) == set(ws.regions)
    assert statuses[REGION] == "submitted"
    assert {s for r, s in statuses.items() if r != REGION} == {"draft"}


def test_an_evidence_file_is_recorded_relative_with_its_sha256(ws: Workspace) -> None:
    (ws.folder / "佐证").mkdir()
    (ws.folder / "佐证" / "批复.pdf").write_bytes(b"%PDF-1.4 x")
    ws.add_evidence(REGION, "2021", LEAF, "王五", path=ws.folder / "佐证" / "批复.pdf", note="批复")
    (row,) = ws.store.evidence(ws.set_id, REGION, "2021", LEAF)
    assert row["path"] == "佐证/批复.pdf" and len(row["sha256"]) == 64 and row["note"] == "批复"


def test_an_evidence_file_outside_the_workspace_is_refused(ws: Workspace, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes(b"x")
    with pytest.raises(AssessorError, match="outside the workspace"):
        ws.add_evidence(REGION, "2021", LEAF, "王五", path=outside)


def test_a_new_period_carries_entries_and_evidence_over_and_restarts_at_draft(
    ws: Workspace,
) -> None:
    ws.add_evidence(REGION, "2021", LEAF, "王五", url="https://example.org/批复")
    ws.set_status(REGION, "2021", "final", who="组长")
    n = ws.new_period("2022", who="组长")
    assert n == len(ws.get_entries("2021"))
    carried = ws.get_entries("2022")
    assert len(carried) == n and all(s.entry.carried_over for s in carried)
    assert [e["url"] for e in ws.store.evidence(ws.set_id, REGION, "2022")] == [
        "https://example.org/批复"
    ]
    assert ws.statuses("2022")[REGION] == "draft"
    assert ws.statuses("2021")[REGION] == "final"
    assert ws.store.verify_audit() == []


def test_comparing_two_periods_gives_the_engines_deltas_per_region_and_node(
    ws: Workspace,
) -> None:
    ws.new_period("2022", who="组长")
    for evaluator in ("专家组-陈静", "专家组-张磊", "专家组-赵丽"):
        ws.set_entry(REGION, "2022", LEAF, evaluator, Entry(value=D(100)))
    deltas = {d.region: d for d in ws.compare_periods("2021", "2022")}
    cs = compile_checked(ws.indicator_set)
    before = {r.region: r for r in score(cs, ws.assessment("2021"), consolidation=ws.consolidation)}
    after = {r.region: r for r in score(cs, ws.assessment("2022"), consolidation=ws.consolidation)}
    d = deltas[REGION]
    assert d.total_delta == cs.round(after[REGION].total) - cs.round(before[REGION].total)
    leaf_before, leaf_after = before[REGION].nodes[LEAF].points, after[REGION].nodes[LEAF].points
    assert leaf_before is not None and leaf_after is not None
    assert d.nodes[LEAF].delta == cs.round(leaf_after) - cs.round(leaf_before) != 0
    untouched = next(r for r in deltas if r != REGION)
    assert deltas[untouched].total_delta == 0
    assert all(n.delta in (0, None) for n in deltas[untouched].nodes.values())
    assert set(deltas) == set(ws.regions)
