"""Several evaluators on one leaf (spec §1.9): one number out of many, and a flag when they differ."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from assessor.model.entries import Entry
from assessor.model.indicator_set import Consolidation
from assessor.model.results import EvaluatorScore
from assessor.scoring.methods import Outcome, fmt

ZERO = Decimal(0)
TWO = Decimal(2)
DEFAULT_DISAGREEMENT = Decimal("0.2")


class LeafState:
    """A leaf's consolidated result for one region and period, before N/A scaling."""

    __slots__ = (
        "achievement",
        "comment",
        "consolidation",
        "disagreement",
        "evaluators",
        "evidence",
        "level",
        "message",
        "points",
        "rule",
        "status",
        "value",
    )

    def __init__(self, out: Outcome, entry: Entry | None = None) -> None:
        self.status = out.status
        self.points = out.points
        self.level = out.level
        self.value = out.value
        self.message = out.message
        self.achievement = out.achievement
        self.rule = out.rule
        self.disagreement = False
        self.evaluators: tuple[EvaluatorScore, ...] = ()
        self.consolidation: str | None = None
        self.comment = entry.comment if entry is not None else None
        self.evidence: tuple[str, ...] = entry.evidence if entry is not None else ()


def aggregate(values: Sequence[Decimal], method: str, trim_over: int) -> Decimal:
    """mean, median (mean of the middle two when even) or trimmed mean of `values`."""
    n = len(values)
    if n == 1:
        return values[0]
    if method == "median":
        s = sorted(values)
        mid = n // 2
        return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / TWO
    if method == "trimmed_mean" and n > trim_over:
        s = sorted(values)[1:-1]
        return sum(s, ZERO) / Decimal(len(s))
    return sum(values, ZERO) / Decimal(n)


def lower_median(levels: Sequence[int]) -> int:
    s = sorted(levels)
    return s[(len(s) - 1) // 2]


def disagreement_threshold(cons: Consolidation, leaf_max: Decimal) -> Decimal:
    d = cons.disagreement
    if d is None:
        return leaf_max * DEFAULT_DISAGREEMENT
    if isinstance(d, str):
        return leaf_max * Decimal(d.strip().rstrip("%").strip()) / Decimal(100)
    return d


def consolidate(
    outs: list[tuple[Entry, Outcome]],
    cons: Consolidation,
    leaf_max: Decimal,
    peer: bool,
    veto: bool,
) -> LeafState:
    """Consolidate several evaluators' outcomes for one leaf."""
    scores = tuple(
        EvaluatorScore(e.evaluator, o.points, o.level, o.value, o.status, o.message, o.rule)
        for e, o in outs
    )
    comments = [
        f"{e.evaluator}: {e.comment}" if e.evaluator else e.comment for e, _ in outs if e.comment
    ]
    evidence: list[str] = []
    for e, _ in outs:
        evidence.extend(x for x in e.evidence if x not in evidence)

    lead = cons.lead if cons.method == "lead" else None
    chosen = [(e, o) for e, o in outs if lead is not None and e.evaluator == lead]
    if chosen:
        e, o = chosen[0]
        st = LeafState(o, e)
        st.consolidation = f"lead evaluator {lead}"
        _finish(st, scores, comments, evidence, outs, cons, leaf_max, peer)
        return st

    method = "mean" if cons.method == "lead" else cons.method
    scored = [(e, o) for e, o in outs if o.status == "scored"]
    if not scored:
        errors = [o for _, o in outs if o.status == "error"]
        if errors:
            st = LeafState(errors[0])
        elif all(o.status == "na" for _, o in outs):
            st = LeafState(outs[0][1])
        else:
            st = LeafState(Outcome("unscored"))
        _finish(st, scores, comments, evidence, outs, cons, leaf_max, peer)
        return st

    if veto:
        triggered = any(o.value is True for _, o in scored)
        st = LeafState(Outcome("scored", ZERO, None, triggered))
        st.consolidation = "any evaluator reporting the event triggers the veto"
    elif peer:
        vals = [o.value for _, o in scored if isinstance(o.value, Decimal)]
        v = aggregate(vals, method, cons.trim_over) if vals else None
        st = LeafState(Outcome("scored", None, None, v))
        st.consolidation = f"{method} of {len(vals)} evaluators' values"
    else:
        pts = [o.points if o.points is not None else ZERO for _, o in scored]
        p = aggregate(pts, method, cons.trim_over)
        levels = [o.level for _, o in scored if o.level is not None]
        level = lower_median(levels) if levels else None
        values = [o.value for _, o in scored]
        value = values[0] if all(v == values[0] for v in values) else values
        st = LeafState(Outcome("scored", p, level, value))
        trimmed = method == "trimmed_mean" and len(pts) > cons.trim_over
        how = "trimmed mean (highest and lowest dropped)" if trimmed else method
        if method == "trimmed_mean" and not trimmed:
            how = "mean"
        st.consolidation = (
            f"{how} of {len(pts)} evaluators: {', '.join(fmt(x) for x in pts)} → {fmt(p)}"
        )
        if len(pts) > 1 and max(pts) - min(pts) > disagreement_threshold(cons, leaf_max):
            st.disagreement = True
    _finish(st, scores, comments, evidence, outs, cons, leaf_max, peer)
    if len(scored) != len(outs) and any(o.status == "na" for _, o in outs):
        st.disagreement = True
    return st


def _finish(
    st: LeafState,
    scores: tuple[EvaluatorScore, ...],
    comments: list[str | None],
    evidence: list[str],
    outs: list[tuple[Entry, Outcome]],
    cons: Consolidation,
    leaf_max: Decimal,
    peer: bool,
) -> None:
    st.evaluators = scores
    st.comment = "\n".join(c for c in comments if c) or None
    st.evidence = tuple(evidence)
