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


def _text(box: Any) -> str:
    if isinstance(box, boxes.TextBox):
        return str(box.text)
    return "".join(_text(c) for c in getattr(box, "children", ()))


def _body(page: Any) -> Iterator[Any]:
    """The page's boxes outside its margin boxes, fixed ones left out, depth first."""

    def walk(box: Any) -> Iterator[Any]:
        if box.style["position"] == "fixed":
            return
        yield box
        for child in getattr(box, "children", ()):
            yield from walk(child)

    for child in page._page_box.children:
        if not isinstance(child, boxes.MarginBox):
            yield from walk(child)


def overflowing(page: Any, tolerance: float = 0.5) -> list[str]:
    """Text, pictures and table cells reaching past the right edge of the content area (by more
    than `tolerance` CSS px): a date line running into the margin, a table wider than the page."""
    page_box = page._page_box
    right = page_box.content_box_x() + page_box.width + tolerance
    printed = boxes.TextBox | boxes.ReplacedBox | boxes.TableCellBox
    return [
        _text(box)[:30] or type(box).__name__
        for box in _body(page)
        if isinstance(box, printed) and box.border_box_x() + box.border_width() > right
    ]


def cell_lines(page: Any) -> list[list[str]]:
    """Every table cell's text, line by line as laid out."""
    return [
        [_text(line) for line in _body_lines(cell)]
        for cell in _body(page)
        if isinstance(cell, boxes.TableCellBox)
    ]


def _body_lines(box: Any) -> Iterator[Any]:
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            yield child
        else:
            yield from _body_lines(child)


def stretched(page: Any, tolerance: float = 0.5) -> list[str]:
    """Text whose spaces were widened to justify its line (by more than `tolerance` CSS px
    each). WeasyPrint justifies by widening spaces only, so in Chinese text the one or two
    spaces beside a number take the whole line's slack: （失　　1.50　　分）."""
    return [
        _text(box)[:30]
        for box in _body(page)
        if isinstance(box, boxes.TextBox) and getattr(box, "justification_spacing", 0) > tolerance
    ]
