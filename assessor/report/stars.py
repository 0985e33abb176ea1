"""Report sections of a Shandong star rating: the declared grade (申报星级达标情况), the panel's
agreement (评审组一致性) and the province view (全省目标对照).

Every figure comes from the engine (scoring/compliance.py, agreement.py, province.py); this
module only words and formats it for the partials templates/_declared.html,
_agreement.html and _province_view.html.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from assessor.model.entries import Assessment
from assessor.model.results import RegionResult
from assessor.scoring.compiled import CompiledSet
from assessor.text.catalogue import say


def declared_context(
    cs: CompiledSet, r: RegionResult, declared: str | None
) -> dict[str, Any] | None:
    """The unit against the grade it declared; None when it declared none."""
    from assessor.scoring.compliance import declared_check

    check = declared_check(cs, r, declared)
    if check is None:
        return None
    counts = check.counts
    return {
        "label": check.grade.label,
        "reached": check.reached,
        "rating": check.rating or "无等级",
        "summary": check.summary(),
        "conditions": [
            {"text": c.text, "actual": c.actual, "holds": c.holds} for c in check.grade.conditions
        ],
        "failed": len(check.grade.failed),
        "passed": counts["达标"],
        "failing": counts["未达标"],
        "leaves": [
            {
                "id": x.leaf,
                "name": x.name,
                "must": x.must,
                "level": "—" if x.level is None else str(x.level),
                "need": x.need,
                "verdict": x.verdict,
            }
            for x in check.leaves
            if x.verdict != "未要求"
        ],
    }


def agreement_context(
    cs: CompiledSet, results: Sequence[RegionResult], assessment: Assessment | None, worst: int = 5
) -> dict[str, Any] | None:
    """The panel's agreement for one period; None with fewer than two evaluators."""
    from assessor.scoring.agreement import panel_agreement, totals_by_evaluator

    if len({e for r in results for e in r.evaluators}) < 2:
        return None
    totals = totals_by_evaluator(cs, assessment) if assessment is not None else None
    panel = panel_agreement(cs, results, totals)

    def row(leaf: str, name: str, c: Any) -> dict[str, Any]:
        return {
            "id": leaf,
            "name": name,
            "statistic": c.statistic,
            "value": c.shown(),
            "subjects": c.subjects,
            "test": c.test or "",
            "formula": c.formula,
            "words": agreement_words(c.value),
        }

    overall = panel.overall
    return {
        "evaluators": list(panel.evaluators),
        "overall": None if overall is None else row("", "总分", overall),
        "leaves": [row(a.leaf, a.name, a.coefficient) for a in panel.leaves],
        "worst": [row(a.leaf, a.name, a.coefficient) for a in panel.least_agreed(worst)],
        "undefined": sum(1 for a in panel.leaves if a.coefficient.value is None),
    }


def agreement_words(value: Any, lang: str = "zh") -> str:
    """A reader's word for a coefficient (Koo & Li 2016 bands for ICC; used for W as well)."""
    if value is None:
        return say("engine.agreement.none", lang)
    v = Decimal(value.numerator) / Decimal(value.denominator)
    if v < Decimal("0.5"):
        return say("engine.agreement.poor", lang)
    if v < Decimal("0.75"):
        return say("engine.agreement.moderate", lang)
    if v < Decimal("0.9"):
        return say("engine.agreement.good", lang)
    return say("engine.agreement.excellent", lang)


def _pct(x: Decimal) -> str:
    from assessor.scoring.province import share_text

    return share_text(x)


def province_applies(cs: CompiledSet) -> bool:
    """The province's targets speak of counties rated on the DB37/T 3890 stars."""
    s = cs.set
    stars = {g.stars for g in (s.rating.grades if s.rating else []) if g.stars}
    return (s.scope or "") == "county" and "3890" in (s.source or "") and {3, 4} <= stars


def province_context(cs: CompiledSet, results: Sequence[RegionResult]) -> dict[str, Any] | None:
    """Counties by star per city against 鲁政办字〔2020〕136号; None for other sets."""
    from assessor.scoring.province import province_view

    if not results or not province_applies(cs):
        return None
    view = province_view(results)

    def area(a: Any) -> dict[str, Any]:
        return {
            "name": a.name,
            "counties": a.counties,
            "provisional": a.provisional,
            "cells": [a.by_stars.get(s, 0) for s in view.star_levels],
            "checks": [
                {
                    "share": _pct(c.share),
                    "at": c.at,
                    "met": c.met,
                    "short": c.short,
                }
                for c in a.checks
            ],
        }

    return {
        "columns": [
            "无等级" if s is None else "未达星级" if s == 0 else f"{s}星级"
            for s in view.star_levels
        ],
        "targets": [
            {
                "text": t.text,
                "quote": t.quote,
                "doc": t.doc,
                "illustrative": t.illustrative,
            }
            for t in view.targets
        ],
        "cities": [area(a) for a in view.cities],
        "total": area(view.province),
    }


def county_sections(
    cs: CompiledSet,
    results: Sequence[RegionResult],
    region: str,
    period: str,
    assessment: Assessment | None,
    agreement: dict[str, Any] | None = None,
    declared: str | None = None,
) -> dict[str, Any]:
    """The keys the county report's partials read (merged into its context); `declared`
    overrides the unit's own declared grade (regions.yaml)."""
    r = next((x for x in results if x.region == region and x.period == period), None)
    unit = assessment.regions.get(region) if assessment is not None else None
    declared = declared or (unit.declared if unit is not None else None)
    return {
        "declared": declared_context(cs, r, declared) if r is not None else None,
        "agreement": agreement,
    }


def ranking_sections(
    cs: CompiledSet, results: Sequence[RegionResult], period: str, assessment: Assessment | None
) -> dict[str, Any]:
    """The keys the ranking report's partials read (merged into its context)."""
    mine = [r for r in results if r.period == period]
    return {
        "agreement": agreement_context(cs, mine, assessment),
        "province": province_context(cs, mine),
    }
