"""How full a laid-out page is: the lowest printed thing in the page's content area (a line of
text, a chart, a table cell's border), measured from the top of that area.

Read from WeasyPrint's own layout (the page boxes of a `Document`), not from pixels: margin
boxes (running header, "— 1 —" footer) lie outside the content area and are left out, and so is
the fixed 示例数据 watermark, which is printed on every page whatever its fill.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from weasyprint.formatting_structure import boxes


def _printed(box: Any) -> Iterator[Any]:
    """The boxes that print something, fixed-position ones (the watermark) left out."""
    if box.style["position"] == "fixed":
        return
    if isinstance(box, boxes.LineBox | boxes.ReplacedBox | boxes.TableCellBox):
        yield box
        if not isinstance(box, boxes.TableCellBox):
            return
    for child in getattr(box, "children", ()):
        yield from _printed(child)


def page_fill(page: Any) -> float:
    """The share (0–1) of the page's content height that its content reaches down to."""
    page_box = page._page_box
    top = page_box.content_box_y()
    bottom = top
    for child in page_box.children:
        if isinstance(child, boxes.MarginBox):
            continue
        for box in _printed(child):
            bottom = max(bottom, box.border_box_y() + box.border_height())
    return (bottom - top) / page_box.height


def fills(document: Any) -> list[float]:
    """Each page's fill, in order."""
    return [page_fill(p) for p in document.pages]
