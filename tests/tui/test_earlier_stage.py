"""In a campaign with stages the TUI's session works in one stage, and beside the input it shows
the stage before: the county's value, its comment and its evidence with the verdicts."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessor.model import Entry
from assessor.store.stages import judge_evidence, start_stage
from assessor.store.workspace import open_workspace
from assessor.tui.session import Session
from assessor.tui.widgets.earlier_stage import earlier_stage_text
from tests.store.test_stages_campaign import REGIONS, WORKSPACE

DATA = Path(__file__).resolve().parents[1] / "store" / "data"


def campaign(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    folder.mkdir()
    shutil.copy(DATA / "stage-test.yaml", folder)
    db = f"sqlite:///{folder / 'assessor.db'}"
    (folder / "workspace.yaml").write_text(WORKSPACE.replace("DB", db), encoding="utf-8")
    (folder / "regions.yaml").write_text(REGIONS, encoding="utf-8")
    ws = open_workspace(folder)
    ws.use_stage("self")
    ws.set_entry("371502", "2021", "A2", "县自评组", Entry(value=D("27"), comment="目录已更新"))
    ws.add_evidence("371502", "2021", "A2", "县自评组", url="https://example.org/share.png")
    ws.set_status("371502", "2021", "submitted", who="县自评组")
    start_stage(ws, "review", "2021", who="市复核组")
    ws.use_stage("review")
    judge_evidence(ws, "371502", "2021", "A2", "https://example.org/share.png", "不足",
                   who="市复核组", reason="截图不清")  # fmt: skip
    ws.close()
    return folder


def test_the_review_session_shows_the_self_assessment_beside_the_input(tmp_path: Path) -> None:
    s = Session.open(campaign(tmp_path), evaluator="市复核组", stage="review")
    try:
        assert s.workspace.stage == "review"
        s.enter("371502", "A2", "25")
        text = earlier_stage_text(s, "371502", "A2")
        assert text is not None
        assert (
            text.plain
            == "自评（self）：27 “目录已更新”\n  佐证：https://example.org/share.png（未审）"
        )
        [mine] = s.workspace.get_entries("2021", "371502")
        assert (mine.stage, mine.entry.value) == ("review", D("25"))  # written in its stage
    finally:
        s.close()


def test_the_first_stage_has_nothing_beside_it(tmp_path: Path) -> None:
    s = Session.open(campaign(tmp_path), evaluator="县自评组", stage="self")
    try:
        assert earlier_stage_text(s, "371502", "A2") is None
    finally:
        s.close()


def test_a_reviewer_judges_evidence_by_number_with_a_reason(tmp_path: Path) -> None:
    from assessor.errors import AssessorError
    from assessor.store.review import verdicts
    from assessor.tui.widgets.verdict import apply_verdict, verdict_question

    s = Session.open(campaign(tmp_path), evaluator="市复核组", stage="review")
    try:
        question = verdict_question(s, "371502", "A2")
        assert question is not None and "1. https://example.org/share.png（不足）" in question
        with pytest.raises(AssessorError, match="needs a reason"):
            apply_verdict(s, "371502", "A2", "1 无效")
        with pytest.raises(AssessorError, match="NUMBER 1–1"):
            apply_verdict(s, "371502", "A2", "2 有效")
        assert apply_verdict(s, "371502", "A2", "1 有效 补交后清晰") == (
            "https://example.org/share.png: 有效"
        )
        ws = s.workspace
        v = verdicts(ws.store, ws.set_id, "review", "371502", "2021")[
            ("A2", "https://example.org/share.png")
        ]
        assert (v.verdict, v.reason, v.judged_by) == ("有效", "补交后清晰", "市复核组")
    finally:
        s.close()


def test_switching_stage_reads_that_stages_entries(tmp_path: Path) -> None:
    s = Session.open(campaign(tmp_path), evaluator="市复核组", stage="review")
    try:
        s.enter("371502", "A2", "25")
        assert s.switch_stage("self") == "自评"
        assert s.assessment.entries["371502"]["A2"][0].value == D("27")
        s.switch_stage("review")
        assert s.assessment.entries["371502"]["A2"][0].value == D("25")
    finally:
        s.close()
