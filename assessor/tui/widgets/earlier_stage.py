"""The earlier stage beside the input: in a campaign with stages (自评 → 复核 → 评审), the value
the stage before gave the current indicator, its comment and its evidence with their verdicts,
so a reviewer sees what the county entered while changing it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from assessor.text.catalogue import say
from assessor.tui.i18n import caption, colon, t

if TYPE_CHECKING:
    from assessor.tui.session import Session

VERDICT_STYLE = {"有效": "green", "不足": "dark_orange", "无效": "red"}


def earlier_stage_text(session: Session, region: str, leaf: str, lang: str = "zh") -> Text | None:
    """One or two lines about `leaf` in the stage before the session's; None without one."""
    from assessor.store.codec import entry_payload, payload_text
    from assessor.store.errors import StoreError
    from assessor.store.review import items, verdicts
    from assessor.store.stages import previous_stage

    ws = session.workspace
    before = previous_stage(ws.config, ws.stage)
    if before is None:
        return None
    try:
        found = [
            e
            for e in ws.store.entries(ws.set_id, session.period, region, stage=before.key)
            if e.leaf == leaf
        ]
        evidence = items(ws.store, ws.set_id, before.key, region, session.period).get(leaf, [])
        judged = verdicts(ws.store, ws.set_id, before.key, region, session.period)
    except StoreError:
        return None  # the database is away: the header says so
    title = before.label + say("punct.paren", lang, text=before.key)
    text = Text(title + colon(lang), style="bold")
    if not found:
        text.append(say("status.unscored", lang), style="dim")
    for i, e in enumerate(found):
        if i:
            text.append("; ")
        text.append(payload_text(entry_payload(e.entry), lang))
        if len(found) > 1:
            text.append(f" ({e.evaluator})", style="dim")
    if evidence:
        text.append("\n  " + caption(lang, "evidence"))
        for i, item in enumerate(evidence):
            if i:
                text.append("; ")
            v = judged.get((leaf, item))
            text.append(item)
            word = v.verdict if v else t(lang, "not_judged")
            text.append(f"（{word}）", style=VERDICT_STYLE.get(word, "dim"))
    return text
