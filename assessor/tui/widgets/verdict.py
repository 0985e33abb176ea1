"""Judging evidence in the TUI (key `j` on an indicator): the items are numbered in a prompt and
the reviewer answers `2 不足 缺少盖章页` — the item, 有效 / 不足 / 无效, and the reason (needed
for 不足 and 无效). Stored through `assessor.store.stages.judge_evidence`, one audit record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.errors import AssessorError, Problem
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.tui.session import Session

WORDS = {"valid": "有效", "insufficient": "不足", "invalid": "无效", "y": "有效", "有效": "有效",
         "不足": "不足", "无效": "无效"}  # fmt: skip


def verdict_items(session: Session, region: str, leaf: str) -> list[str]:
    from assessor.store.review import items

    ws = session.workspace
    return items(ws.store, ws.set_id, ws.stage, region, session.period).get(leaf, [])


def verdict_question(session: Session, region: str, leaf: str, lang: str = "zh") -> str | None:
    """The prompt's text, listing the items with their verdicts; None when there are none."""
    from assessor.store.review import verdicts

    found = verdict_items(session, region, leaf)
    if not found:
        return None
    ws = session.workspace
    judged = verdicts(ws.store, ws.set_id, ws.stage, region, session.period)
    lines = [
        f"{i}. {item}（{judged[(leaf, item)].verdict if (leaf, item) in judged else '未审'}）"
        for i, item in enumerate(found, 1)
    ]
    head = (
        f"{leaf} 佐证材料审核：输入 编号 结论 理由，如 “1 不足 缺少盖章页”（结论：有效 / 不足 / 无效）"
        if lang == "zh"
        else f"{leaf} evidence: type NUMBER VERDICT REASON, e.g. “1 不足 no seal” (有效/不足/无效)"
    )
    return "\n".join([head, *lines])


def apply_verdict(session: Session, region: str, leaf: str, answer: str) -> str:
    """Store the verdict typed as `N VERDICT [REASON]`; returns what was done, in a few words."""
    from assessor.store.stages import judge_evidence

    parts = answer.split(maxsplit=2)
    found = verdict_items(session, region, leaf)
    if len(parts) < 2 or not parts[0].isdigit() or not 1 <= int(parts[0]) <= len(found):
        raise AssessorError(
            Problem(said("tui.verdict_form", count=len(found), answer=repr(answer)), key=leaf)
        )
    verdict = WORDS.get(parts[1].lower())
    if verdict is None:
        raise AssessorError(
            Problem(
                said("tui.verdict_word", word=repr(parts[1]), allowed="有效 / 不足 / 无效"),
                key=leaf,
            )
        )

    item = found[int(parts[0]) - 1]
    judge_evidence(session.workspace, region, session.period, leaf, item, verdict,
                   who=session.evaluator, reason=parts[2] if len(parts) > 2 else None)  # fmt: skip
    return f"{item}: {verdict}"
