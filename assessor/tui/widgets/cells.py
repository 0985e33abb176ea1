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
