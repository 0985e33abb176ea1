"""How far a panel of evaluators agrees: Kendall's W for ordinal ratings, ICC(2,1) for points.

A panel's consolidated score hides whether the experts saw the same county. Two standard
coefficients say it:

- **Kendall's W** (coefficient of concordance, Kendall 1948) for star levels and rankings:
  each evaluator's ratings of the subjects are ranked (ties get their mean rank), and
  `W = 12·S / (m²·(n³ − n) − m·ΣT)` where S is the sum of squared deviations of the subjects'
  rank sums from their mean, m the evaluators, n the subjects and T = Σ(t³ − t) over each
  evaluator's groups of t tied subjects (the correction for ties). 0: no agreement, 1: the same
  order. χ² = m·(n − 1)·W with n − 1 degrees of freedom.
- **ICC(2,1)** (Shrout & Fleiss 1979; McGraw & Wong's ICC(A,1)) for points: two-way random
  effects, absolute agreement, one evaluator, from the two-way ANOVA mean squares of subjects
  (MSR), evaluators (MSC) and error (MSE):
  `ICC = (MSR − MSE) / (MSR + (k − 1)·MSE + k·(MSC − MSE)/n)`.

Subjects that not every evaluator rated are left out (listwise, as R's `irr` does); with fewer
than two subjects or evaluators, or no variation at all, the coefficient is undefined (None)
and says why. Exact fractions throughout; the value is rounded only for reading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from assessor.model.entries import Assessment
from assessor.model.results import RegionResult
from assessor.scoring.compiled import CompiledSet

Number = int | float | Decimal | Fraction
#: ratings[subject][evaluator]: one row per subject (region), one column per evaluator.
Table = Sequence[Sequence[Number]]

ORDINAL_METHODS = frozenset({"level", "choice", "rank", "minmax"})


@dataclass(frozen=True)
class Coefficient:
    """One agreement coefficient with the arithmetic that produced it."""

    statistic: str  # "W" or "ICC(2,1)"
    value: Fraction | None
    subjects: int
    raters: int
    formula: str  # the formula with the numbers put in, or why there is no value
    test: str | None = None  # χ² or F with its degrees of freedom

    def shown(self, digits: int = 3) -> str:
        return "—" if self.value is None else f"{float(self.value):.{digits}f}"


def _mean_ranks(values: Sequence[Fraction]) -> tuple[list[Fraction], int]:
    """Ranks 1..n of `values` (ties share their mean rank) and Σ(t³ − t) over tied groups."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [Fraction(0)] * len(values)
    ties = 0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        mean_rank = Fraction(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            ranks[order[k]] = mean_rank
        t = j - i + 1
        ties += t**3 - t
        i = j + 1
    return ranks, ties


def _fractions(table: Table) -> list[list[Fraction]]:
    return [
        [Fraction(str(v)) if isinstance(v, float) else Fraction(v) for v in row] for row in table
    ]


def _too_small(statistic: str, n: int, m: int) -> Coefficient | None:
    if n < 2 or m < 2:
        return Coefficient(statistic, None, n, m,
                           f"needs at least 2 subjects and 2 evaluators (have {n} and {m})")  # fmt: skip
    return None


def kendall_w(table: Table, *, correct_ties: bool = True) -> Coefficient:
    """Kendall's W of `table` (rows: subjects, columns: evaluators)."""
    rows = _fractions(table)
    n, m = len(rows), len(rows[0]) if rows else 0
    if (small := _too_small("W", n, m)) is not None:
        return small
    rank_sums = [Fraction(0)] * n
    tie_sum = 0
    for j in range(m):
        ranks, ties = _mean_ranks([rows[i][j] for i in range(n)])
        tie_sum += ties
        for i in range(n):
            rank_sums[i] += ranks[i]
    mean = sum(rank_sums, Fraction(0)) / n
    s = sum(((r - mean) ** 2 for r in rank_sums), Fraction(0))
    denominator = m * m * (n**3 - n) - (m * tie_sum if correct_ties else 0)
    if denominator == 0:
        return Coefficient("W", None, n, m, "undefined: every evaluator gave every subject the same rating")  # fmt: skip
    w = 12 * s / denominator
    chi2 = m * (n - 1) * w
    tie_text = f" − {m}×{tie_sum}" if correct_ties and tie_sum else ""
    formula = f"W = 12·S / (m²(n³−n) − m·ΣT) = 12×{_f(s)} / ({m}²×({n}³−{n}){tie_text}) = {_f(w)}"
    return Coefficient("W", w, n, m, formula, f"χ²({n - 1}) = {_f(chi2)}")


def icc_2_1(table: Table) -> Coefficient:
    """ICC(2,1) of `table` (rows: subjects, columns: evaluators): two-way random, absolute
    agreement, single evaluator."""
    rows = _fractions(table)
    n, k = len(rows), len(rows[0]) if rows else 0
    if (small := _too_small("ICC(2,1)", n, k)) is not None:
        return small
    grand = sum((x for row in rows for x in row), Fraction(0)) / (n * k)
    row_means = [sum(row, Fraction(0)) / k for row in rows]
    col_means = [sum((rows[i][j] for i in range(n)), Fraction(0)) / n for j in range(k)]
    ss_rows = k * sum(((r - grand) ** 2 for r in row_means), Fraction(0))
    ss_cols = n * sum(((c - grand) ** 2 for c in col_means), Fraction(0))
    ss_total = sum(((x - grand) ** 2 for row in rows for x in row), Fraction(0))
    ss_error = ss_total - ss_rows - ss_cols
    msr = ss_rows / (n - 1)
    msc = ss_cols / (k - 1)
    mse = ss_error / ((n - 1) * (k - 1))
    denominator = msr + (k - 1) * mse + k * (msc - mse) / n
    if denominator == 0:
        return Coefficient("ICC(2,1)", None, n, k, "undefined: all ratings are equal")
    icc = (msr - mse) / denominator
    formula = (
        f"ICC(2,1) = (MSR − MSE) / (MSR + (k−1)·MSE + k·(MSC − MSE)/n) = "
        f"({_f(msr)} − {_f(mse)}) / ({_f(msr)} + {k - 1}×{_f(mse)} + {k}×({_f(msc)} − {_f(mse)})/{n})"
        f" = {_f(icc)}"
    )
    test = f"F({n - 1}, {(n - 1) * (k - 1)}) = {_f(msr / mse)}" if mse else None
    return Coefficient("ICC(2,1)", icc, n, k, formula, test)


def _f(x: Fraction) -> str:
    """A fraction as a reader wants it in a formula: an integer, or 4 decimals."""
    return str(x.numerator) if x.denominator == 1 else f"{float(x):.4f}"


# ------------------------------------------------------------------ the panel of a campaign


@dataclass(frozen=True)
class LeafAgreement:
    leaf: str
    name: str
    coefficient: Coefficient


@dataclass(frozen=True)
class PanelAgreement:
    """Per indicator, and overall on the regions' totals by each evaluator alone."""

    evaluators: tuple[str, ...]
    leaves: tuple[LeafAgreement, ...]
    overall: Coefficient | None

    def least_agreed(self, n: int = 5) -> list[LeafAgreement]:
        """The indicators where the panel disagrees most (lowest coefficient first)."""
        rated = [a for a in self.leaves if a.coefficient.value is not None]
        return sorted(rated, key=lambda a: (a.coefficient.value, a.leaf))[:n]


def _leaf_table(
    results: Sequence[RegionResult], leaf: str, evaluators: Sequence[str], ordinal: bool
) -> list[list[Number]]:
    table: list[list[Number]] = []
    for r in results:
        node = r.nodes.get(leaf)
        if node is None or node.explanation is None:
            continue
        got: dict[str, Number] = {}
        for e in node.explanation.evaluator_scores("en"):
            if e.status != "scored":
                continue
            rating: object = e.level if ordinal and e.level is not None else e.points
            raw = e.value
            if (
                ordinal
                and e.level is None
                and isinstance(raw, int | Decimal)
                and not isinstance(raw, bool)
            ):
                rating = raw  # a rank or min–max leaf: the evaluator's raw value orders
            if rating is not None:
                got[e.evaluator] = Fraction(str(rating))
        if all(name in got for name in evaluators):
            table.append([got[name] for name in evaluators])
    return table


def totals_by_evaluator(cs: CompiledSet, assessment: Assessment) -> dict[str, dict[str, Decimal]]:
    """Each evaluator's totals as if they had scored alone: the subjects of the overall ICC."""
    from assessor.scoring.engine import score

    names = sorted({e.evaluator for leaves in assessment.entries.values()
                    for entries in leaves.values() for e in entries})  # fmt: skip
    out: dict[str, dict[str, Decimal]] = {}
    for name in names:
        alone = Assessment(
            period=assessment.period,
            regions=assessment.regions,
            entries={
                rid: {leaf: [e for e in es if e.evaluator == name] for leaf, es in leaves.items()}
                for rid, leaves in assessment.entries.items()
            },
        )
        out[name] = {r.region: r.total for r in score(cs, alone, assessment.period)
                     if r.completeness == 1}  # fmt: skip
    return out


def panel_agreement(
    cs: CompiledSet,
    results: Sequence[RegionResult],
    totals_by_evaluator: Mapping[str, Mapping[str, Number]] | None = None,
) -> PanelAgreement:
    """Agreement of the evaluators who entered `results` (one period of one campaign).

    `totals_by_evaluator[evaluator][region]` is each evaluator's total scored alone (the engine
    on that evaluator's entries only); when given, the overall ICC(2,1) is computed on it.
    """
    evaluators = tuple(sorted({e for r in results for e in r.evaluators}))
    leaves = []
    for c in cs.core_leaves:
        ordinal = c.levelled or c.method in ORDINAL_METHODS
        table = _leaf_table(results, c.id, evaluators, ordinal)
        coefficient = kendall_w(table) if ordinal else icc_2_1(table)
        leaves.append(LeafAgreement(c.id, c.name, coefficient))
    overall = None
    if totals_by_evaluator is not None:
        regions = sorted({r.region for r in results})
        rows = [
            [totals_by_evaluator[e][rid] for e in evaluators]
            for rid in regions
            if all(rid in totals_by_evaluator.get(e, {}) for e in evaluators)
        ]
        overall = icc_2_1(rows)
    return PanelAgreement(evaluators, tuple(leaves), overall)


__all__ = [
    "Coefficient",
    "LeafAgreement",
    "PanelAgreement",
    "icc_2_1",
    "kendall_w",
    "panel_agreement",
    "totals_by_evaluator",
]
