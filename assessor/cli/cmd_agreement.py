"""`assessor agreement`: how far the panel of evaluators agrees (Kendall's W, ICC(2,1))."""

from __future__ import annotations

import argparse

from assessor.cli.inputs import add_input_arguments
from assessor.cli.safe import term


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "agreement",
        help="show the panel's agreement per indicator and overall (Kendall's W, ICC(2,1))",
        description=(
            "For one period with several evaluators: Kendall's W for levels, options and ranks, "
            "ICC(2,1) for points, per indicator and on each evaluator's own totals, with the "
            "formula and its numbers, and the indicators where the panel disagrees most."
        ),
    )
    add_input_arguments(p)
    p.add_argument("--worst", type=int, default=5, help="how many least-agreed indicators to name")
    p.add_argument("--all", action="store_true", help="every indicator, not only the least agreed")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assessor.cli.inputs import read_inputs, score_inputs
    from assessor.errors import AssessorError, Problem
    from assessor.scoring.agreement import panel_agreement, totals_by_evaluator
    from assessor.scoring.engine import merge_assessments
    from assessor.text.catalogue import said

    inputs = read_inputs(args)
    cs = inputs.compiled
    results = score_inputs(inputs, args.period)
    periods = sorted({r.period for r in results})
    period = args.period or (periods[-1] if periods else None)
    mine = [r for r in results if r.period == period]
    evaluators = sorted({e for r in mine for e in r.evaluators})
    if len(evaluators) < 2:
        raise AssessorError(
            Problem(
                said(
                    "cli.agreement.too_few",
                    period=period,
                    evaluators=", ".join(evaluators) or said("cli.nobody"),
                ),
                key="--period",
            )
        )
    merged = merge_assessments(inputs.assessments).get(period or "")
    totals = totals_by_evaluator(cs, merged) if merged is not None else None
    panel = panel_agreement(cs, mine, totals)
    print(term(f"{cs.set.name} · {period} · 评估人 {len(evaluators)} 名：{'、'.join(evaluators)}"))
    if panel.overall is not None:
        o = panel.overall
        print(term(f"总分 {o.statistic} = {o.shown()}（{o.subjects} 个地区）"))
        print(term(f"  {o.formula}" + (f"；{o.test}" if o.test else ""), lines=True))
    worst = panel.least_agreed(args.worst)
    if worst:
        print("分歧最大的指标：")
        for a in worst:
            c = a.coefficient
            print(term(f"  {a.leaf} {a.name}：{c.statistic} = {c.shown()}（{c.subjects} 个地区）"))
            print(term(f"    {c.formula}", lines=True))
    if args.all:
        print("全部指标：")
        for a in panel.leaves:
            c = a.coefficient
            value = c.shown() if c.value is not None else f"— ({c.formula})"
            print(term(f"  {a.leaf} {a.name}：{c.statistic} = {value}"))
    return 0
