"""Lint rules on `source` (docs/lint-rules.md, "Sources"): every bundled indicator says where it
comes from, and a number said to come from a quote appears in that quote.

A bundled set is one read from the bundled `indicators/` folder: evaluators trust those as the
product's word, so an indicator without a source (on itself or on a group above it) is a warning
there. A user's own set is not held to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from assessor.errors import Said
from assessor.model.indicator_set import (
    ILLUSTRATIVE,
    AnyNode,
    InnerNode,
    NodeBase,
    SourceRef,
    source_list,
)
from assessor.text.catalogue import said

#: (code, message, node id, keys …) → record a problem
Report = Callable[..., None]

_SPACE = re.compile(r"[\s,，]")
# how a document may write a small whole number in words (不少于两次, 一次)
_WORDS = {
    1: "一",
    2: "两二",
    3: "三",
    4: "四",
    5: "五",
    6: "六",
    7: "七",
    8: "八",
    9: "九",
    10: "十",
}


def check_sources(tree: list[Any], bundled: bool, error: Report, warn: Report) -> None:
    """Walk the tree once; a group's source without `for` counts for the indicators under it."""

    def visit(node: AnyNode, inherited: bool) -> None:
        refs = source_list(node.source)
        for i, ref in enumerate(refs):
            _check_ref(node, ref, i if isinstance(node.source, list) else None, error, warn)
        if isinstance(node, InnerNode):
            # a group's source covers its indicators only when it is for the whole group
            covers = inherited or any(not r.for_ for r in refs)
            for child in node.children:
                visit(child, covers)
        elif bundled and not (inherited or refs):
            warn(
                "source-missing",
                said("lint.source_missing", node=label(node), illustrative=ILLUSTRATIVE),
                node.id,
            )

    for n in tree:
        visit(n, False)


def _check_ref(
    node: NodeBase, ref: SourceRef, index: int | None, error: Report, warn: Report
) -> None:
    keys: tuple[str | int, ...] = ("source",) if index is None else ("source", index)
    for key in ref.for_:
        if key == "name" or key in node.model_fields_set:
            continue
        error(
            "source-for-unknown",
            said(
                "lint.source_for_unknown",
                node=label(node),
                key=key,
                keys=joined(sorted(k for k in node.model_fields_set if k != "source")),
            ),
            node.id,
            *keys,
        )
        return
    if ref.illustrative or not ref.quote:
        return
    quote = _SPACE.sub("", ref.quote)
    for key in ref.for_:
        value = getattr(node, key, None)
        if isinstance(value, Decimal) and not _quoted(value, quote):
            warn(
                "source-number",
                said(
                    "lint.source_number",
                    node=label(node),
                    key=key,
                    value=_number(value),
                    quote=repr(ref.quote),
                ),
                node.id,
                *keys,
            )


def label(node: NodeBase) -> Said:
    """A node as the lint messages name it: its id and its name, ``A1 (数字惠民)``."""
    return said("lint.node", id=node.id, name=node.name)


def joined(items: Sequence[str], more: str = "") -> Said:
    """Items listed as each language lists them (``a, b`` / ``a、b``), then `more` (an
    ellipsis for a cut list)."""
    return Said(", ".join(items) + more, "、".join(items) + more)


def _quoted(v: Decimal, quote: str) -> bool:
    if _number(v) in quote:
        return True
    words = _WORDS.get(int(v), "") if v == v.to_integral_value() else ""
    return any(w in quote for w in words)


def _number(v: Decimal) -> str:
    text = format(v.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
