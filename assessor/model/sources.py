"""Where each indicator comes from, as the set view and the report appendix show it.

A node's sources are its own `source` entries plus those of the groups above it that have no
`for` (a group's source without `for` speaks for everything under it). Wording lives here once,
so the TUI and the reports print the same line.
"""

from __future__ import annotations

from typing import Any

from assessor.model.indicator_set import InnerNode, SourceRef, source_list
from assessor.text.catalogue import LANGS, has, lang_of, say, table

LABEL = {code: say("source.label", code) for code in LANGS}
ILLUSTRATIVE = {code: say("source.illustrative", code) for code in LANGS}
#: A field a quotation backs, named in Chinese (``source.field.<key>``; English names it by its key)
FIELD_NAMES_ZH = table("source.field", "zh")


def effective_sources(tree: list[Any]) -> dict[str, list[SourceRef]]:
    """Every node's sources: its own, then its ancestors' whole-node ones (nearest first)."""
    out: dict[str, list[SourceRef]] = {}

    def visit(node: Any, inherited: list[SourceRef]) -> None:
        own = source_list(node.source)
        out[node.id] = own + inherited
        if isinstance(node, InnerNode):
            passed = [r for r in own if not r.for_] + inherited
            for child in node.children:
                visit(child, passed)

    for n in tree:
        visit(n, [])
    return out


def source_line(ref: SourceRef, lang: str = "zh") -> str:
    """One source as a reader sees it: 「quote」 and document, or 示例 and why; then what it backs."""
    code = lang_of(lang)
    keys = list(dict.fromkeys(say(f"source.field.{k}", code) if has(f"source.field.{k}") else k
                              for k in ref.for_))  # fmt: skip
    backs = say("punct.paren", code, text=say("punct.list", code).join(keys)) if keys else ""
    if ref.illustrative:
        return f"{ILLUSTRATIVE[code]}{say('punct.colon', code)}{ref.why}{backs}"
    note = f"{say('punct.semicolon', code)}{ref.note}" if ref.note else ""
    return f"「{ref.quote}」— {ref.doc}{note}{backs}"
