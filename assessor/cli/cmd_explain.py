"""`assessor explain`: why a region, or one of its indicators, got its points."""

from __future__ import annotations

import argparse

from assessor.cli.inputs import add_input_arguments
from assessor.cli.safe import term
from assessor.errors import AssessorError, Problem


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
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assessor.cli.inputs import read_inputs, score_inputs
    from assessor.scoring import display, explain_lines

    inputs = read_inputs(args, region=args.region)
    cs = inputs.compiled
    results = score_inputs(inputs, args.period)
    mine = [r for r in results if r.region == args.region]
    if not mine:
        known = sorted({r.region for r in results})
        raise AssessorError(
            Problem(
                f"region {args.region!r} has no entries; regions: {', '.join(known) or 'none'}",
                key="--region",
            )
        )
    for r in mine:
        if args.node is not None:
            if args.node not in r.nodes:
                raise AssessorError(
                    Problem(
                        f"no indicator {args.node!r} in set {cs.set.id}; ids look like "
                        f"{', '.join(list(r.nodes)[:5])} …",
                        key="--node",
                    )
                )
            print(term("\n".join(explain_lines(cs, r, args.node, args.lang)), lines=True))
            continue
        zh = args.lang == "zh"
        print(term(f"{r.name or ''} {r.region} · {r.period} · {cs.set.name}"))
        total_label = "总分" if zh else "total"
        line = f"  {total_label} {display(cs, r.total)} / {display(cs, r.max)}"
        if r.rank:
            line += f", {'排名' if zh else 'rank'} {r.rank}"
        print(term(line, lines=True))
        if r.rank_points is not None:
            label = "排名得分" if zh else "rank points"
            got = display(cs, r.rank_points.points)
            print(term(f"  {label} {got}: {r.rank_points.words(args.lang)}", lines=True))
        rating = r.rating.label or "—"
        if r.rating.veto:
            rating += f" ({'一票否决' if zh else 'veto'} {r.rating.veto}: {r.rating.veto_effect})"
        print(f"  {'评级' if zh else 'rating'}: {rating}")
        done = f"{r.completeness * 100:.1f}%"
        print(
            f"  {'完整度' if zh else 'completeness'}: {done}"
            + (" (暂定 provisional)" if r.provisional else "")
        )
        if r.bonus_total:
            print(f"  {'加分' if zh else 'bonus'}: {display(cs, r.bonus_total)}")
        if r.penalty_total:
            print(f"  {'扣分' if zh else 'penalties'}: {display(cs, r.penalty_total)}")
        for top in cs.root.children:
            print(term("\n".join(explain_lines(cs, r, top, args.lang)), lines=True))
    return 0
