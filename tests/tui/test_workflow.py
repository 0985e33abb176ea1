"""Workflow from the TUI: submit, review, finalise and reopen with a reason (the store's
statuses, audited); the keys of each screen on F1; jumps to what needs attention."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static, Tree

from assessor.model import Entry
from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.widgets.help import HelpScreen
from assessor.tui.widgets.prompt import PromptScreen
from assessor.tui.widgets.workflow import WorkflowScreen
from tests.tui.test_scoring_flow import EVALUATOR, REGION, open_region, show
from tests.tui.waiting import loaded, until


def status(ws_dir: Path) -> str:
    ws = open_workspace(ws_dir)
    try:
        return ws.store.status(ws.set_id, REGION, "2021")
    finally:
        ws.close()


async def choose(pilot, app: AssessorApp, target: str) -> None:  # type: ignore[no-untyped-def]
    """`w`, then the status `target` in the list."""
    await pilot.press("w")
    await until(pilot, lambda: isinstance(app.screen, WorkflowScreen), "the status list")
    from textual.widgets import OptionList

    options = app.screen.query_one("#statuses", OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    options.highlighted = ids.index(target)
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, WorkflowScreen), "the list closed")


async def test_a_region_is_submitted_reviewed_finalised_and_reopened_with_a_reason(
    workspace: Path,
) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        for target in ("submitted", "reviewed", "final"):
            await choose(pilot, app, target)
            assert status(workspace) == target
        assert screen.final and "已定稿" in str(screen.query_one("#head", Static).render())
        await choose(pilot, app, "draft")  # reopening needs a reason
        await until(pilot, lambda: isinstance(app.screen, PromptScreen), "the reason prompt")
        app.screen.query_one("#prompt-input", Input).value = "复核发现 D1-12 证据不足"
        await pilot.press("enter")
        await until(pilot, lambda: status(workspace) == "draft", "the reopening")
        assert not screen.final
    ws = open_workspace(workspace)
    try:
        last = ws.store.audit_log(region=REGION)[-1]
        assert last.action == "status" and last.reason == "复核发现 D1-12 证据不足"
    finally:
        ws.close()


async def test_reopening_without_a_reason_changes_nothing(workspace: Path) -> None:
    ws = open_workspace(workspace)
    for target in ("submitted", "reviewed", "final"):
        ws.store.set_status(ws.set_id, REGION, "2021", target, who="审核人")
    ws.close()
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_region(pilot, app)
        await choose(pilot, app, "draft")
        await until(pilot, lambda: isinstance(app.screen, PromptScreen), "the reason prompt")
        await pilot.press("enter")  # no reason
        await pilot.pause()
    assert status(workspace) == "final"


async def test_f1_lists_every_key_of_the_region_screen(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_region(pilot, app)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        text = str(app.screen.query_one("#help-keys", Static).render())
        for what in ("下一个未评", "下一个分歧", "下一个缺佐证", "撤销", "重做", "提交/审核/定稿",
                     "不适用", "佐证", "升级路径", "选择等级", "Esc：还原", "退出"):  # fmt: skip
            assert what in text, what
        for english in ("Focus Next", "Focus Previous", "Copy selected text"):  # Textual's own
            assert english not in text, english
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen), "the help closed")


async def test_question_mark_on_home_lists_its_keys(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        text = str(app.screen.query_one("#help-keys", Static).render())
        for what in ("筛选", "清除筛选", "上一期", "下一期", "排序", "排名", "报告", "指标体系"):
            assert what in text, what


async def test_d_jumps_to_the_next_indicator_where_evaluators_disagree(workspace: Path) -> None:
    ws = open_workspace(workspace)
    key = EntryKey(ws.set_id, REGION, "2021", "专家组-张磊", "D1-13")
    ws.store.set_entry(key, Entry(value=0, evaluator="专家组-张磊"))  # far from the others
    ws.close()
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        assert app.session.results[REGION].nodes["D1-13"].disagreement
        await show(pilot, screen, "D1-01")
        screen.query_one("#tree", Tree).focus()
        await pilot.press("d")
        await until(pilot, lambda: screen.leaf == "D1-13", "the disagreement")


async def test_m_jumps_to_the_next_indicator_missing_required_evidence(workspace: Path) -> None:
    from assessor.tui.labels import needs_evidence

    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        s = app.session
        r = s.results[REGION]
        attached = s.attached.get(REGION, set())
        missing = [c.id for c in s.cs.leaves if needs_evidence(s.cs, r.nodes[c.id], attached)]
        assert missing, "the sample has indicators needing evidence"
        screen.query_one("#tree", Tree).focus()
        await pilot.press("m")
        await until(pilot, lambda: screen.leaf == missing[0], "the first missing evidence")
