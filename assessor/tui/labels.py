"""How results read on screen: marks, labels and bars (formatting only, never arithmetic)."""

from __future__ import annotations

from rich.text import Text

from assessor.model.results import NodeResult, RegionResult
from assessor.scoring import CompiledSet, display
from assessor.scoring.output import rating_text

# Fixed-width ASCII-safe marks (ambiguous-width glyphs break layouts in some terminals).
MARKS = {
    "scored": ("+", "green"),
    "unscored": ("·", "yellow"),
    "na": ("-", "grey50"),
    "error": ("!", "red"),
}


def node_label(cs: CompiledSet, n: NodeResult) -> Text:
    mark, style = MARKS.get(n.status, ("?", ""))
    if n.disagreement:
        mark, style = "≠", "magenta"
    label = Text()
    label.append(f"{mark} ", style=style)
    label.append(f"{n.id} ")
    label.append(n.name)  # user text: never parsed as markup
    pts = "—" if n.points is None else display(cs, n.points)
    label.append(f"  {pts}/{display(cs, n.max)}", style="bold" if not n.leaf else "")
    if n.level is not None and n.leaf:
        label.append(f" L{n.level}", style="cyan")
    return label


def bar(fraction: float, width: int = 12) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def header_text(cs: CompiledSet, r: RegionResult, period: str, lang: str) -> Text:
    from assessor.tui.i18n import t

    text = Text()
    text.append(f"{r.name or ''} {r.region}", style="bold")
    text.append(f"  {t(lang, 'period')} {period}  ")
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
