"""How the TUI says that the period shown is rolled up from shorter ones (汇总自 5 周)."""

from __future__ import annotations

from assessor.model.periods import parse_period
from assessor.tui.i18n import t


def rolled_up_text(inner: tuple[str, ...], lang: str) -> str:
    """ "汇总自 5 周" / "rolled up from 5 weeks"; empty for a period typed in."""
    if not inner:
        return ""
    unit = t(lang, f"unit_{parse_period(inner[0]).kind}")
    return t(lang, "rolled_up").format(n=len(inner), unit=unit)


def read_only_note(inner: tuple[str, ...], lang: str) -> str:
    """ "汇总自 5 周，只读" (the home summary, the header, a unit's screen)."""
    if not inner:
        return ""
    sep = "，" if lang == "zh" else ", "
    return f"{rolled_up_text(inner, lang)}{sep}{t(lang, 'read_only')}"
