"""Several evaluators on one leaf (spec §1.9): one number out of many, and a flag when they differ."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from assessor.model.entries import Entry
from assessor.model.indicator_set import Consolidation
from assessor.model.results import Explanation
from assessor.scoring.methods import Outcome, Rule, fmt
from assessor.scoring.phrases import Phrases

ZERO = Decimal(0)
ONE = Decimal(1)
TWO = Decimal(2)
DEFAULT_DISAGREEMENT = Decimal("0.2")


class LeafState(Explanation):
    """A leaf's consolidated result for one region and period, before N/A scaling.

    It is also the leaf's explanation (one object per leaf instead of two: batches make
    hundreds of thousands); the engine fills in the maximum and scale when rolling up.
    """

    __slots__ = (
        "comment",
        "disagreement",
        "evidence",
        "level",
        "message",
        "points",
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
        self._rule = out.rule
        self.disagreement = False
        # raw (Entry, Outcome) pairs; Explanation turns them into EvaluatorScore when read
        self._evaluators: Sequence[Entry] = ()
        self._scorer = None
        self._consolidation: object = None
        self.comment = entry.comment if entry is not None else None
        self.evidence: tuple[str, ...] = entry.evidence if entry is not None else ()
        self.method: str | None = None
        self.nominal_max: Decimal | None = None
        self.scale = ONE
        self.exact_points: Decimal | None = None
        self.periods = ()
        self.rollup = None
        self.rolled = ()


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


def _how_text(
    w: Phrases, method: str, n: int, trim_over: int, pts: Sequence[Decimal], p: Decimal
) -> str:
    if method == "trimmed_mean":
        how = w["trimmed"] if n > trim_over else w["mean"]
    else:
        how = w.get(method, method)
    shown = w["list"].join(fmt(x) for x in pts)
    return w["of_evaluators"].format(how=how, n=n, pts=shown, p=fmt(p))


def _peer_text(w: Phrases, method: str, n: int) -> str:
    return w["of_values"].format(how=w.get(method, method), n=n)


def _lead_text(w: Phrases, lead: str) -> str:
    return w["lead"].format(lead=lead)


def _veto_text(w: Phrases) -> str:
    return w["veto"]


def consolidate(
    outs: list[tuple[Entry, Outcome]],
    cons: Consolidation,
    leaf_max: Decimal,
    peer: bool,
    veto: bool,
) -> LeafState:
    """Consolidate several evaluators' outcomes for one leaf."""
    st = _consolidate(outs, cons, leaf_max, peer, veto)
    comments = [e for e, _ in outs if e.comment]
    if comments:
        st.comment = "\n".join(
            f"{e.evaluator}: {e.comment}" if e.evaluator else str(e.comment) for e in comments
        )
    else:
        st.comment = None
    if any(e.evidence for e, _ in outs):
        evidence: list[str] = []
        for e, _ in outs:
            evidence.extend(x for x in e.evidence if x not in evidence)
        st.evidence = tuple(evidence)
    else:
        st.evidence = ()
    return st


def _consolidate(
    outs: list[tuple[Entry, Outcome]],
    cons: Consolidation,
    leaf_max: Decimal,
    peer: bool,
    veto: bool,
) -> LeafState:
    if cons.method == "lead":
        for e, o in outs:
            if e.evaluator == cons.lead:
                st = LeafState(o, e)
                st._consolidation = Rule(_lead_text, cons.lead)
                return st
        method = "mean"
    else:
        method = cons.method
    scored = [o for _, o in outs if o.status == "scored"]
    if not scored:
        errors = [o for _, o in outs if o.status == "error"]
        if errors:
            return LeafState(errors[0])
        if all(o.status == "na" for _, o in outs):
            return LeafState(outs[0][1])
        return LeafState(Outcome("unscored"))

    if veto:
        st = LeafState(Outcome("scored", ZERO, None, any(o.value is True for o in scored)))
        st._consolidation = Rule(_veto_text)
    elif peer:
        vals = [o.value for o in scored if isinstance(o.value, Decimal)]
        v = aggregate(vals, method, cons.trim_over) if vals else None
        st = LeafState(Outcome("scored", None, None, v))
        st._consolidation = Rule(_peer_text, method, len(vals))
    else:
        pts = [o.points if o.points is not None else ZERO for o in scored]
        n = len(pts)
        p = aggregate(pts, method, cons.trim_over)
        levels = [o.level for o in scored if o.level is not None]
        v0 = scored[0].value
        value = v0
        for o in scored:
            if o.value != v0:
                value = [x.value for x in scored]
                break
        st = LeafState(Outcome("scored", p, lower_median(levels) if levels else None, value))
        st._consolidation = Rule(_how_text, method, n, cons.trim_over, pts, p)
        if n > 1 and max(pts) - min(pts) > disagreement_threshold(cons, leaf_max):
            st.disagreement = True
    if len(scored) != len(outs) and any(o.status == "na" for _, o in outs):
        st.disagreement = True
    return st
