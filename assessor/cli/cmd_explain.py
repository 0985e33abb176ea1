"""`assessor explain`: why a region, or one of its indicators, got its points."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from assessor.cli.inputs import add_input_arguments
from assessor.cli.safe import term
from assessor.errors import AssessorError, Problem
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.cli.inputs import Inputs
    from assessor.model.results import RegionResult


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "explain",
        help="show how a region's or an indicator's points were obtained",
        description="Rebuild the points of a region (or one node with --node) from its entries.",
    )
    add_input_arguments(p)
    p.add_argument("--region", required=True, help="region id (e.g. 371502)")
    p.add_argument("--node", help="indicator id; without it, the region and its dimensions")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.add_argument(
        "--declared",
        metavar="GRADE",
        help="judge against this grade key (申报等级; default: the region's `declared` in regions.yaml)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assessor.cli.inputs import read_inputs, score_inputs
    from assessor.scoring import display, explain_lines
    from assessor.text.catalogue import say
    from assessor.text.formats import period_label

    inputs = read_inputs(args, region=args.region)
    cs = inputs.compiled
    results = score_inputs(inputs, args.period)
    mine = [r for r in results if r.region == args.region]
    if not mine:
        known = sorted({r.region for r in results})
        raise AssessorError(
            Problem(
                said(
                    "cli.explain.no_region",
                    region=repr(args.region),
                    known=", ".join(known) or said("cli.none"),
                ),
                key="--region",
            )
        )
    for r in mine:
        if args.node is not None:
            if args.node not in r.nodes:
                raise AssessorError(
                    Problem(
                        said(
                            "cli.explain.no_node",
                            node=repr(args.node),
                            set=cs.set.id,
                            examples=", ".join(list(r.nodes)[:5]),
                        ),
                        key="--node",
                    )
                )
            print(term("\n".join(explain_lines(cs, r, args.node, args.lang)), lines=True))
            continue
        lang: str = args.lang

        def word(key: str, lang: str = lang) -> str:
            return say(f"cli.{key}", lang)

        c, sep = say("punct.colon", lang), say("punct.list", lang)
        print(term(f"{r.name or ''} {r.region} · {period_label(r.period, lang)} · {cs.set.name}"))
        line = f"  {word('total')} {display(cs, r.total)} / {display(cs, r.max)}"
        if r.rank:
            line += f"{sep}{word('rank')} {r.rank}"
        print(term(line, lines=True))
        if r.rank_points is not None:
            got = display(cs, r.rank_points.points)
            print(term(f"  {word('rank_points')} {got}{c}{r.rank_points.words(lang)}", lines=True))
        rating = r.rating.label or "—"
        if r.rating.veto:
            why = f"{word('veto')} {r.rating.veto}{c}{r.rating.veto_effect}"
            rating += say("punct.paren", lang, text=why)
        print(f"  {word('rating')}{c}{rating}")
        done = f"{r.completeness * 100:.1f}%"
        print(f"  {word('completeness')}{c}{done}" + (word("provisional") if r.provisional else ""))
        if r.bonus_total:
            print(f"  {word('bonus')}{c}{display(cs, r.bonus_total)}")
        if r.penalty_total:
            print(f"  {word('penalties')}{c}{display(cs, r.penalty_total)}")
        for top in cs.root.children:
            print(term("\n".join(explain_lines(cs, r, top, args.lang)), lines=True))
        _declared(inputs, r, args.declared)
    return 0


def _declared(inputs: Inputs, r: RegionResult, override: str | None) -> None:
    """The region against the grade it declared (申报等级): the engine's verdicts, printed."""
    from assessor.scoring.compliance import declared_check

    unit = next((a.regions[r.region] for a in inputs.assessments if r.region in a.regions), None)
    declared = override or (unit.declared if unit is not None else None)
    check = declared_check(inputs.compiled, r, declared)
    if check is not None:
        print(term("\n".join(check.lines()), lines=True))
