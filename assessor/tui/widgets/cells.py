"""Table cells that carry their sort value (DataTable.sort only passes cell values)."""

from __future__ import annotations

from typing import Any

from rich.text import Text


class Cell(Text):
    """A table cell that knows how it sorts (DataTable.sort only sees cell values)."""

    def __init__(self, text: str, sort: Any, style: str = "") -> None:
        super().__init__(text, style=style)
        self.sort = sort


def sort_key(cell: Any) -> Any:
    """A Cell's sort value; a callable is evaluated only when sorting (pinyin is slow to load)."""
    if not isinstance(cell, Cell):
        return str(cell)
    return cell.sort() if callable(cell.sort) else cell.sort


#: A rating naming a veto (三星级（一票否决：重大网络安全事件）) is long: whole where the
#: terminal is wide, cut with … where it would push the next columns out of an 80-column view.
RATING_NARROW, RATING_WIDE = 22, 40


def rating_width(terminal_width: int) -> int:
    return RATING_NARROW if terminal_width < 120 else RATING_WIDE


def cut(text: str, width: int) -> str:
    """At most `width` cells; a cut text ends with … (a cell cut silently reads as whole)."""
    shown = Text(text)
    if shown.cell_len > width:
        shown.truncate(width, overflow="ellipsis")
    return shown.plain
