"""A Tree drawn with ASCII guides and icons.

Box-drawing characters and ▶ ▼ are East Asian "ambiguous width": terminals configured for CJK
draw them two cells wide while Rich counts one, which shifts every label after them (Rich
#4197, #4199). ASCII is one cell everywhere.
"""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import Tree


class AsciiTree(Tree[str]):
    ICON_NODE = "> "
    ICON_NODE_EXPANDED = "v "
    LINES: ClassVar[dict[str, tuple[str, str, str, str]]] = {  # type: ignore[misc]
        "default": ("  ", "| ", "`-", "|-"),
        "bold": ("  ", "| ", "`-", "|-"),
        "double": ("  ", "| ", "`-", "|-"),
    }
