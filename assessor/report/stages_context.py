"""The county report's stage section: 自评分 / 复核分 / 核定分 side by side, every change with
its reason, the verdicts on evidence and the on-site check. Figures come from the engine
(`assessor.store.stage_compare`); this module only formats them for templates/_stage_review.html.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from assessor.text.catalogue import table

STATUS_ZH = table("workflow", "zh")  # the catalogue's workflow words, as the TUI shows them


def _num(v: Decimal | None) -> str:
    return "—" if v is None else str(v)


def _signed(v: Decimal | None) -> str:
    if v is None:
        return "—"
    return f"+{v}" if v > 0 else str(v)


def stage_review_context(folder: Path, period: str, region: str) -> dict[str, Any] | None:
    """The section's data for one unit, or None for a workspace without stages."""
    from assessor.store.review import site_check
    from assessor.store.stage_compare import compare_stages
    from assessor.store.stages import evidence_review
    from assessor.store.workspace import open_workspace

    campaign = open_workspace(folder)
    try:
        if not campaign.config.stages or region not in campaign.regions:
            return None
        ws = campaign.for_kind(campaign.kind_of(region))  # the unit's kind: its set and peers
        [cmp] = compare_stages(ws, period, [region])
        evidence = []
        checks = []
        last = cmp.final.key if cmp.final else None
        for col in cmp.columns:
            if not col.started:
                continue
            ws.use_stage(col.key)
            for x in evidence_review(ws, region, period):
                # every verdict given, and the required items still unjudged in the last stage
                if x.verdict is not None or (x.required and col.key == last):
                    evidence.append(
                        {
                            "stage": col.label,
                            "leaf": x.leaf,
                            "item": x.item,
                            "verdict": x.verdict or "未审",
                            "reason": x.reason or "",
                            "by": x.judged_by or "",
                            "at": (x.judged_at or "")[:10],
                            "required": x.required,
                        }
                    )
            check = site_check(ws.store, ws.set_id, col.key, region, period)
            if check is not None:
                checks.append(
                    {
                        "stage": col.label,
                        "date": check.checked_on,
                        "checkers": "、".join(check.checkers),
                        "findings": check.findings,
                    }
                )
        declared = ws.regions[region].declared
        rating = ws.indicator_set.rating
        grades = {g.key: g.label for g in rating.grades} if rating else {}
    finally:
        campaign.close()
    final = cmp.final
    return {
        "columns": [
            {
                "name": c.score_name,
                "label": c.label,
                "total": _num(c.total),
                "rating": c.rating or "—",
                "status": STATUS_ZH.get(c.status, c.status),
                "started": c.started,
            }
            for c in cmp.columns
        ],
        "final": {
            "label": final.label,
            "name": final.score_name,
            "total": _num(final.total),
            "rating": final.rating or "—",
        }
        if final
        else None,
        "declared": grades.get(declared, declared) if declared else None,
        "changes": [
            {
                "stage": ch.label,
                "id": ch.id,
                "name": ch.name,
                "before": _num(ch.before),
                "after": _num(ch.after),
                "delta": _signed(ch.delta),
                "value": f"{ch.value_before} → {ch.value_after}" if ch.value_after else "",
                "reason": ch.reason or "（未说明理由）",
                "explained": bool(ch.reason),
                "who": ch.who or "",
            }
            for ch in cmp.changes
        ],
        "evidence": evidence,
        "site_checks": checks,
    }
