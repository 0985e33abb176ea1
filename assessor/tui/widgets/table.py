"""Textual's DataTable, without a first row left cut short after the rows arrive.

DataTable measures new rows' column widths when it is next idle, and keeps each painted cell
in a cache whose key does not hold the cell's width. A row painted between the rows' arrival
and that measuring (the cursor row is: moving the cursor onto the first row repaints it) kept
its cells at the old, narrower widths for good: the agreement screen showed 「D2-10 基」 for
「D2-10 基层网格化治理」 now and then (tests/tui/test_languages.py caught it). This table drops
its painted cells whenever it has measured new widths.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import DataTable


class Table(DataTable[Any]):
    """A DataTable that repaints every cell once new rows or values have been measured."""

    async def _on_idle(self, event: events.Idle) -> None:
        # Textual 8.2's own flags for "rows or cells changed since the last measuring", read
        # with defaults: a Textual without them gets its own behaviour, never an error.
        measuring = getattr(self, "_require_update_dimensions", False) or bool(
            getattr(self, "_updated_cells", None)
        )
        # Measured here, so that the cells can be dropped after it; Textual then calls
        # DataTable's own handler as well (handlers run for each class), which finds nothing
        # left to measure.
        await super()._on_idle(event)
        clear_caches = getattr(self, "_clear_caches", None)
        if measuring and callable(clear_caches):
            clear_caches()
            self.refresh()
