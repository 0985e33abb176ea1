"""The evaluator's flows, driven with Textual's Pilot on a real SQLite workspace."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace
from assessor.tui.app import AssessorApp
from assessor.tui.screens.region import RegionScreen
from tests.tui.waiting import loaded, settled, until

EVALUATOR = "专家组-陈静"
REGION = "371502"


async def open_region(pilot, app: AssessorApp) -> RegionScreen:  # type: ignore[no-untyped-def]
    await loaded(pilot, app)
    table = app.screen.query_one("#regions", DataTable)
    table.move_cursor(row=table.get_row_index(REGION))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
    screen = app.screen
    assert isinstance(screen, RegionScreen)
    await until(pilot, screen.is_ready, "the region's tree")
    return screen


async def show(pilot, screen: RegionScreen, leaf: str) -> None:  # type: ignore[no-untyped-def]
    """Move the tree to `leaf` and wait until its inputs are shown."""
    screen._go_to(leaf)
    await until(pilot, lambda: screen.leaf == leaf and screen.is_ready(), f"{leaf} shown")


async def type_into(pilot, field: Input, text: str, *then: str) -> None:  # type: ignore[no-untyped-def]
    """Into an input as an evaluator types: focus, clear, key by key, then `then` keys."""
    field.focus()
    field.value = ""
    await pilot.press(*text, *then)
    await pilot.pause()


def palette_hits(app: AssessorApp) -> str:
    """The command palette's listed hits, as text."""
    from textual.widgets import OptionList

    lists = app.screen.query(OptionList)
    return " ".join(
        str(o.prompt)
        for ol in lists
        for o in (ol.get_option_at_index(i) for i in range(ol.option_count))
    )


def stored(ws_dir: Path, leaf: str) -> object:
    ws = open_workspace(ws_dir)
    try:
        got = ws.store.get_entry(EntryKey(ws.set_id, REGION, "2021", EVALUATOR, leaf))
        return None if got is None else got.entry
    finally:
        ws.close()


async def test_home_lists_every_region_with_total_and_rating(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        table = app.screen.query_one("#regions", DataTable)
        assert table.row_count == 20
        total, rating = table.get_cell(REGION, "total"), table.get_cell(REGION, "rating")
        assert "93.59" in str(total) and "五星级" in str(rating)


async def test_scoring_an_indicator_changes_the_total_and_is_stored_at_once(
    workspace: Path,
) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        before = app.session.results[REGION].total
        await show(pilot, screen, "D1-12")  # a level leaf (智慧文旅服务)
        await type_into(pilot, screen.query_one("#in-value", Input), "1", "enter")
        after = app.session.results[REGION].total
        assert after < before
        assert str(screen.query_one("#message", Static).render()).startswith("已保存：1")
        head = str(screen.query_one("#head", Static).render())
        from assessor.scoring import display

        assert display(app.session.cs, after) in head
    assert stored(workspace, "D1-12").value == 1  # type: ignore[union-attr]


async def test_a_bad_value_is_shown_and_not_stored(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, "D1-12")
        await type_into(pilot, screen.query_one("#in-value", Input), "9", "enter")
        assert "未保存" in str(screen.query_one("#message", Static).render())
    assert stored(workspace, "D1-12").value != 9  # type: ignore[union-attr]


async def test_full_width_digits_and_chinese_point_are_normalised(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, "D1-01")  # named inputs: used, total
        inputs = list(screen.query("#inputs Input").results(Input))
        inputs[1].value = "１００"
        await type_into(pilot, inputs[0], "８０")
        inputs[0].insert_text_at_cursor("。")  # as an IME commits it (Pilot cannot press 。)
        await pilot.press("0", "enter", "enter")
        await pilot.pause()
    entry = stored(workspace, "D1-01")
    assert entry is not None and Decimal(80) in entry.inputs.values()  # type: ignore[union-attr]


async def test_undo_restores_the_previous_value(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, "D1-12")
        original = stored(workspace, "D1-12").value  # type: ignore[union-attr]
        await type_into(pilot, screen.query_one("#in-value", Input), "2", "enter")
        assert stored(workspace, "D1-12").value == 2  # type: ignore[union-attr]
        screen.query_one("#tree").focus()
        await pilot.press("u")
        await pilot.pause()
    assert stored(workspace, "D1-12").value == original  # type: ignore[union-attr]


async def test_quit_and_reopen_the_value_is_there(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, "D1-12")
        await type_into(pilot, screen.query_one("#in-value", Input), "3", "enter")
        await pilot.press("ctrl+q")
    again = AssessorApp(workspace, evaluator=EVALUATOR)
    async with again.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, again)
        mine = again.session.mine(REGION, "D1-12")
        assert mine is not None and mine.value == 3


async def test_ranking_lists_regions_by_rank_with_their_rating(workspace: Path) -> None:
    from assessor.tui.screens.ranking import RankingScreen

    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, RankingScreen), "the ranking")
        assert isinstance(app.screen, RankingScreen)
        table = app.screen.query_one("#ranking", DataTable)
        first = table.get_row_at(0)
        assert str(first[0]) == "1" and "临清市" in str(first[1])
        assert table.row_count == 20


async def test_gap_key_shows_the_engines_path_to_the_next_grade(workspace: Path) -> None:
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        table = app.screen.query_one("#regions", DataTable)
        table.move_cursor(row=table.get_row_index("371503"))
        await pilot.press("enter", "g")
        await settled(pilot, app)
        text = str(app.screen.query_one("#gap-head", Static).render())
        assert "五星级" in text
        gap = app.screen.query_one("#gap", DataTable)
        assert "D2-02" in [str(k.value) for k in gap.rows]
        gap.move_cursor(row=gap.get_row_index("D2-02"))
        await pilot.press("enter")  # back to the region, on that indicator
        await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region again")
        assert isinstance(app.screen, RegionScreen)
        assert app.screen.query_one("#tree").cursor_node.data == "D2-02"


async def test_palette_opens_a_region_by_pinyin_initials(workspace: Path) -> None:
    from assessor.tui.commands import initials

    assert initials("东昌府区") == "dcfq"
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("ctrl+p", *"dcfq")
        await until(pilot, lambda: "371502" in palette_hits(app), "the palette's hits")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RegionScreen), "the region screen")
        assert isinstance(app.screen, RegionScreen)
        assert app.screen.region_id == "371502"


async def test_region_names_are_never_parsed_as_markup(workspace: Path) -> None:
    regions = workspace / "regions.yaml"
    regions.write_text(
        regions.read_text(encoding="utf-8").replace("name: 东昌府区", "name: '[b]东昌府区[/b]'"),
        "utf-8",
    )
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        row = app.screen.query_one("#regions", DataTable).get_row(REGION)
        assert "[b]东昌府区[/b]" in str(row[0])


async def test_history_shows_the_changes_and_previous_period_can_be_copied(workspace: Path) -> None:
    from assessor.model import Entry

    ws = open_workspace(workspace)
    ws.store.set_entry(
        EntryKey(ws.set_id, REGION, "2020", EVALUATOR, "D1-12"), Entry(value=2, evaluator=EVALUATOR)
    )
    ws.close()
    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_region(pilot, app)
        await show(pilot, screen, "D1-12")
        screen.query_one("#tree").focus()
        await pilot.press("p")
        await settled(pilot, app)
        assert "修改记录" in str(screen.query_one("#history", Static).render())
    got = stored(workspace, "D1-12")
    assert got is not None and got.value == 2 and got.carried_over  # type: ignore[union-attr]


async def test_reports_screen_renders_a_ranking_report_in_a_worker(workspace: Path) -> None:
    from assessor.tui.screens.reports import ReportsScreen

    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, ReportsScreen), "the reports screen")
        await pilot.press("down", "enter")  # the second kind: ranking
        await settled(pilot, app)
        text = str(app.screen.query_one("#result", Static).render())
        assert "ranking-sd-county-2020-2021.pdf" in text
    assert (workspace / "reports" / "ranking-sd-county-2020-2021.pdf").stat().st_size > 10_000


async def test_county_reports_for_chosen_regions_show_progress_and_paths(workspace: Path) -> None:
    from textual.widgets import ProgressBar, SelectionList

    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("o")
        await until(pilot, lambda: app.screen.query("#report-regions"), "the reports screen")
        app.screen.query_one("#report-regions", SelectionList).select("371503")
        await pilot.press("enter")  # county reports: the home row (371302) and 371503
        await settled(pilot, app)
        assert app.screen.query_one("#progress", ProgressBar).percentage == 1
        text = str(app.screen.query_one("#result", Static).render())
        assert "371302.pdf" in text and "371503.pdf" in text


async def test_the_palette_speaks_the_interface_language(workspace: Path) -> None:
    """Its prompt and the region entries (Textual's own are English)."""
    from textual.command import CommandInput

    app = AssessorApp(workspace, evaluator=EVALUATOR)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("ctrl+p", *"dcfq")
        await until(pilot, lambda: "371502" in palette_hits(app), "the palette's hits")
        assert "打开 东昌府区 371502" in palette_hits(app)
        assert "open region" not in palette_hits(app)
        assert "搜索" in app.screen.query_one(CommandInput).placeholder
