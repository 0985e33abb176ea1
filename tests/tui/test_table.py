"""A table's rows show whole once measured, even a row painted before (widgets/table.py)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import DataTable

from assessor.tui.widgets.table import Table
from tests.tui.waiting import until

NAME = "D2-10 基层网格化治理"


class OneTable(App[None]):
    CSS = "DataTable { height: 8; }"  # a fixed height, as on the screens: rows below paint

    def __init__(self, table: DataTable[object]) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table


def painted(table: DataTable[object], y: int) -> str:
    """Line `y` as the screen gets it (through the widget's cache of painted lines)."""
    (strip,) = table.render_lines(Region(0, y, table.size.width, 1))
    return strip.text


async def test_a_row_painted_before_its_column_was_measured_is_painted_again_whole() -> None:
    table = Table(cursor_type="row")
    app = OneTable(table)
    async with app.run_test() as pilot:
        table.add_column("Indicator")
        await pilot.pause()
        table.add_row(NAME)
        table.add_row("D4-05 县级大数据平台")
        early = painted(table, 1)  # the cursor row, painted before the table measured it
        assert "D2-10" in early and NAME not in early  # the case in question: cut short
        await until(pilot, lambda: NAME in painted(table, 1), "the first row painted whole")
        assert "D4-05 县级大数据平台" in painted(table, 2)
