"""How results read on screen: marks, labels and bars (formatting only, never arithmetic)."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

from assessor.model.indicator_set import InputSpec
from assessor.model.results import NodeResult, RegionResult
from assessor.scoring import CompiledSet, display
from assessor.scoring.output import rating_text
from assessor.text.catalogue import say
from assessor.text.formats import period_label

# Fixed-width ASCII-safe marks (ambiguous-width glyphs break layouts in some terminals).
MARKS = {
    "scored": ("+", "green"),
    "unscored": (".", "yellow"),
    "na": ("-", "grey50"),
    "error": ("!", "red"),
}


def node_label(cs: CompiledSet, n: NodeResult, evidence_missing: bool = False) -> Text:
    """Mark, id, points/max, level, name: the numbers before the name so that a narrow
    terminal cuts the name, not the points. An error outranks a disagreement, which outranks
    missing evidence (`E`), which outranks the plain status."""
    mark, style = MARKS.get(n.status, ("?", ""))
    if evidence_missing and n.status == "scored":
        mark, style = "E", "dark_orange"
    if n.disagreement and n.status != "error":
        mark, style = "~", "magenta"
    label = Text()
    label.append(f"{mark} ", style=style)
    label.append(f"{n.id} ")
    pts = "-" if n.points is None else display(cs, n.points)
    label.append(f"{pts}/{display(cs, n.max)} ", style="bold" if not n.leaf else "")
    if n.level is not None and n.leaf:
        label.append(f"L{n.level} ", style="cyan")
    label.append(n.name)  # user text: never parsed as markup
    return label


def needs_evidence(cs: CompiledSet, n: NodeResult, attached: set[str]) -> bool:
    """A scored leaf whose set requires evidence and that has none, in its entries or in
    the store's evidence records (`attached`: leaf ids with a record)."""
    node = cs.nodes[n.id].node
    spec = getattr(node, "evidence", None)
    return bool(
        n.leaf and spec is not None and spec.required and not n.evidence and n.id not in attached
    )


def bar(fraction: float, width: int = 12) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "#" * filled + "." * (width - filled)  # ASCII: block glyphs are ambiguous-width


def header_text(cs: CompiledSet, r: RegionResult, period: str, lang: str) -> Text:
    from assessor.tui.i18n import t

    text = Text()
    text.append(f"{r.name or ''} {r.region}", style="bold")
    text.append(f"  {t(lang, 'period')} {period_label(period, lang)}  ")
    text.append(f"{t(lang, 'total')} {display(cs, r.total)} / {display(cs, r.max)}  ", style="bold")
    text.append(
        rating_text(r, none=t(lang, "no_rating")),
        style="bold green" if not r.provisional else "yellow",
    )
    if r.provisional:
        text.append(f" ({t(lang, 'provisional')})", style="yellow")
    text.append(
        f"  {t(lang, 'done')} {bar(float(r.completeness))} {float(r.completeness) * 100:.0f}%"
    )
    return text


def input_title(label: str, spec: InputSpec | None, lang: str = "zh") -> Text:
    """What an input asks for, on its top border: the label stays visible once a value is
    typed (a placeholder would vanish, and with two numbers nobody knows which is which)."""
    title = Text(label)  # the set's text: never markup
    if spec is None:
        return title
    if spec.unit:
        title.append(say("punct.paren", lang, text=spec.unit))
    if spec.min is not None and spec.max is not None:
        title.append(f" {spec.min}–{spec.max}", style="dim")
    elif spec.min is not None:
        title.append(f" ≥ {spec.min}", style="dim")
    elif spec.max is not None:
        title.append(f" ≤ {spec.max}", style="dim")
    return title


#: What must not be cut at a line end: a number with its sign, point, unit or range
#: (-12.5, 100%, 0～100, 2.5/2.50), an ASCII word or id (D1-13); anything else is one character.
_UNBREAKABLE = re.compile(r"[-+]?[0-9A-Za-z][0-9A-Za-z.,:%/~～_\-+=]*|\s+|.", re.S)


def wrap_cells(text: str, width: int) -> str:
    """Lines of at most `width` cells, broken between numbers and words, never inside one
    (Rich breaks CJK runs anywhere: `大于上限 10` / `0`). A token wider than a line is cut."""
    if width <= 0:
        return text
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for token in _UNBREAKABLE.findall(paragraph):
            w = cell_len(token)
            if used + w > width and line:
                lines.append(line.rstrip())
                line, used = "", 0
                if token.isspace():
                    continue
            while w > width:  # longer than a line: cut it (a path, a URL)
                lines.append(token[:width])
                token = token[width:]
                w = cell_len(token)
            line += token
            used += w
        lines.append(line.rstrip())
    return "\n".join(lines)
