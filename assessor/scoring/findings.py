"""The facts a report's 评估结论 / 主要问题 / 整改建议 are written from.

An official report ends with a conclusion, the main problems and what to improve. Those
sentences must never be invented: every one is built from a fact chosen here from the engine's
figures (the rating, the dimensions scoring below the peers, the largest losses, triggered vetoes,
deductions, unscored indicators, the gap to the next grade). Templates only word them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from assessor.scoring.figures import Deduction, Dimension, Figures, Loss, NextGrade, Veto

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class WeakDimension:
    """A core dimension whose 得分率 is below the peers' mean 得分率 in the same period."""

    dimension: Dimension
    ratio: Decimal
    peer_ratio: Decimal

    @property
    def shortfall(self) -> Decimal:
        return self.peer_ratio - self.ratio


@dataclass(frozen=True, slots=True)
class Findings:
    weak_dimensions: tuple[WeakDimension, ...]  # largest shortfall first
    largest_losses: tuple[Loss, ...]  # the `top` largest, largest first
    vetoes: tuple[Veto, ...]  # triggered only
    deductions: tuple[Deduction, ...]  # applied, largest first
    unscored: tuple[Loss, ...]  # core leaves without a score (they count as lost)
    next_grade: NextGrade | None

    @property
    def has_problems(self) -> bool:
        return bool(
            self.weak_dimensions
            or self.largest_losses
            or self.vetoes
            or self.deductions
            or self.unscored
        )


def weak_dimensions(f: Figures) -> tuple[WeakDimension, ...]:
    """Core dimensions scoring a lower share of their maximum than the peers do on average."""
    out = []
    for d in f.dimensions:
        if d.kind != "core" or d.ratio is None or d.mean is None or d.max <= ZERO:
            continue
        peer = d.mean / d.max
        if d.ratio < peer:
            out.append(WeakDimension(d, d.ratio, peer))
    out.sort(key=lambda w: -w.shortfall)  # stable: set order among equal shortfalls
    return tuple(out)


def findings(f: Figures, *, top: int = 3) -> Findings:
    """What the conclusion, problems and suggestions of a region's report rest on."""
    scored = [x for x in f.losses if x.status == "scored"]
    return Findings(
        weak_dimensions=weak_dimensions(f),
        largest_losses=tuple(scored[:top]),
        vetoes=tuple(v for v in f.vetoes if v.triggered),
        deductions=tuple(d for d in f.deductions if d.points > ZERO),
        unscored=tuple(x for x in f.losses if x.status != "scored" and x.status != "na"),
        next_grade=f.next_grade,
    )


__all__ = ["Findings", "WeakDimension", "findings", "weak_dimensions"]
