"""Panel agreement against published worked examples (Shrout & Fleiss 1979, Table 2; the
`anxiety` data of R's irr package with the results documented for irr and DescTools; Siegel & Castellan
(1988) as DescTools documents it) and
against hand-computed cases."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from assessor.model.entries import Assessment
from assessor.model.results import RegionResult
from assessor.scoring.agreement import icc_2_1, kendall_w
from assessor.scoring.compiled import CompiledSet

# Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]

# irr::anxiety: 20 subjects rated by 3 raters (R package irr, Gamer et al.).
ANXIETY_RATERS = [
    [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
    [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
    [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
]
ANXIETY = [list(row) for row in zip(*ANXIETY_RATERS, strict=True)]


def test_icc_2_1_of_shrout_and_fleiss_table_2_is_0_29() -> None:
    icc = icc_2_1(SHROUT_FLEISS)
    assert icc.shown(2) == "0.29"
    assert (icc.subjects, icc.raters) == (6, 4)


def test_icc_a_1_of_the_irr_anxiety_data_is_0_198() -> None:
    assert icc_2_1(ANXIETY).shown(3) == "0.198"


def test_kendall_w_of_the_anxiety_data_corrected_for_ties_is_0_5396569() -> None:
    # DescTools::KendallW(anxiety, TRUE) documents 0.5396569 and "Kendall chi-squared = 30.76,
    # df = 19" (irr::kendall is the same code).
    w = kendall_w(ANXIETY)
    assert f"{float(w.value or 0):.7f}" == "0.5396569"
    assert w.test == "χ²(19) = 30.7604"


# Siegel & Castellan (1988), as DescTools::KendallW documents it: 3 raters rank 8 attributes
# (airfare, climate, season, people, program, publicity, present, interest).
SIEGEL_CASTELLAN = [[5, 1, 4], [6, 7, 5], [7, 6, 1], [1, 2, 3], [2, 3, 2], [4, 5, 7], [3, 4, 6], [8, 8, 8]]  # fmt: skip


def test_kendall_w_of_siegel_and_castellans_textbook_example_is_0_6560847() -> None:
    # documented: W = 0.6560847, Kendall chi-squared = 13.778, df = 7 (= friedman.test)
    w = kendall_w(SIEGEL_CASTELLAN)
    assert f"{float(w.value or 0):.7f}" == "0.6560847"
    assert w.test == "χ²(7) = 13.7778"


def test_kendall_w_without_the_tie_correction_is_smaller() -> None:
    # 12 × 3004 / (3² × (20³ − 20)) = 36048 / 71820
    assert kendall_w(ANXIETY, correct_ties=False).value == Fraction(36048, 71820)


def test_kendall_w_of_identical_orders_is_1() -> None:
    assert kendall_w([[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]]).value == 1


def test_kendall_w_of_two_opposite_orders_is_0() -> None:
    assert kendall_w([[1, 3], [2, 2], [3, 1]]).value == 0


def test_kendall_w_by_hand_with_one_disagreement() -> None:
    # rank sums 3, 5, 7, 5 over 2 raters; S = 4+0+4+0 = 8; W = 12*8 / (4*(64-4)) = 0.4
    assert kendall_w([[1, 2], [2, 3], [3, 4], [4, 1]]).value == Fraction(2, 5)


def test_no_variation_at_all_is_undefined_not_a_division_by_zero() -> None:
    assert kendall_w([[3, 3], [3, 3]]).value is None
    assert icc_2_1([[3, 3], [3, 3]]).value is None


def test_fewer_than_two_subjects_or_raters_is_undefined_and_says_why() -> None:
    one = icc_2_1([[1, 2]])
    assert one.value is None and "at least 2 subjects" in one.formula
    assert kendall_w([[1], [2]]).value is None


def test_the_formula_shows_the_numbers() -> None:
    icc = icc_2_1(SHROUT_FLEISS)
    assert icc.formula.startswith(
        "ICC(2,1) = (MSR − MSE) / (MSR + (k−1)·MSE + k·(MSC − MSE)/n) = ("
    )
    assert icc.formula.endswith(f"= {float(icc.value or 0):.4f}")


tables = st.integers(2, 8).flatmap(
    lambda n: st.integers(2, 5).flatmap(
        lambda m: st.lists(
            st.lists(st.integers(1, 5), min_size=m, max_size=m), min_size=n, max_size=n
        )
    )
)


@given(tables)
def test_kendall_w_lies_between_0_and_1(table: list[list[int]]) -> None:
    w = kendall_w(table).value
    assert w is None or 0 <= w <= 1


@given(tables)
def test_icc_never_exceeds_1_and_is_1_when_every_rater_agrees(table: list[list[int]]) -> None:
    icc = icc_2_1(table).value
    assert icc is None or icc <= 1
    same = [[row[0]] * len(row) for row in table]
    agreed = icc_2_1(same).value
    assert agreed is None or agreed == 1


@given(tables)
def test_kendall_w_does_not_depend_on_the_order_of_evaluators(table: list[list[int]]) -> None:
    flipped = [list(reversed(row)) for row in table]
    assert kendall_w(table).value == kendall_w(flipped).value


# ------------------------------------------------------------------ a real panel


def _sample_panel() -> tuple[CompiledSet, list[RegionResult], Assessment]:
    from pathlib import Path

    from assessor.loader import load_entries, load_set
    from assessor.scoring import compile_checked, score
    from assessor.scoring.engine import merge_assessments

    root = Path(__file__).resolve().parents[2]
    s = load_set(root / "indicators" / "sd-county-2020.yaml")
    cs = compile_checked(s)
    assessments = load_entries(sorted((root / "samples" / "sd-county-2020").glob("*.yaml")), s)
    (assessment,) = merge_assessments(assessments).values()
    return cs, score(cs, assessment), assessment


def test_a_levelled_indicator_is_judged_by_w_over_the_regions_every_expert_rated() -> None:
    from assessor.scoring.agreement import panel_agreement

    cs, results, _ = _sample_panel()
    panel = panel_agreement(cs, results)
    assert panel.evaluators == ("专家组-张磊", "专家组-赵丽", "专家组-陈静")
    by_leaf = {a.leaf: a for a in panel.leaves}
    leaf = next(c for c in cs.core_leaves if c.method == "level")
    # the same table by hand: each region's three levels, in the panel's order
    table = []
    for r in results:
        scores = {e.evaluator: e.level for e in r.nodes[leaf.id].explanation.evaluator_scores("en")}
        if all(scores.get(name) is not None for name in panel.evaluators):
            table.append([scores[name] for name in panel.evaluators])
    assert by_leaf[leaf.id].coefficient == kendall_w(table)
    assert by_leaf[leaf.id].coefficient.statistic == "W"


def test_the_overall_icc_uses_each_experts_totals_scored_alone() -> None:
    from assessor.scoring.agreement import panel_agreement, totals_by_evaluator

    cs, results, assessment = _sample_panel()
    totals = totals_by_evaluator(cs, assessment)
    assert set(totals) == {"专家组-张磊", "专家组-赵丽", "专家组-陈静"}
    panel = panel_agreement(cs, results, totals)
    assert panel.overall is not None and panel.overall.statistic == "ICC(2,1)"
    assert panel.overall.subjects >= 2 and panel.overall.raters == 3
    least = panel.least_agreed(3)
    values = [a.coefficient.value for a in least]
    assert values == sorted(values)
