"""A Tree drawn with ASCII guides and icons.

Box-drawing characters and ▶ ▼ are East Asian "ambiguous width": terminals configured for CJK
draw them two cells wide while Rich counts one, which shifts every label after them (Rich
#4197, #4199). ASCII is one cell everywhere.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode


class AsciiTree(Tree[str]):
    ICON_NODE = "> "
    ICON_NODE_EXPANDED = "v "
    LINES: ClassVar[dict[str, tuple[str, str, str, str]]] = {  # type: ignore[misc]
        "default": ("  ", "| ", "`-", "|-"),
        "bold": ("  ", "| ", "`-", "|-"),
        "double": ("  ", "| ", "`-", "|-"),
    }

    def relabel(self, node: TreeNode[str], label: Text) -> None:
        """Set a label and repaint that node's line only.

        `TreeNode.set_label` repaints every visible line below the node as well (its
        `_refresh_node` walks descendants), so relabelling a dimension after each keystroke
        repainted the whole viewport (~40 ms at 160×50). A label never changes the lines below.
        """
        node._label = self.process_label(label)
        node._updates += 1
        if node.line >= 0:
            self._refresh_line(node.line)
