"""`assessor score`: results of every region as a table, JSON (spec §3) or CSV."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from assessor.cli.inputs import add_input_arguments
from assessor.cli.safe import term
from assessor.text.catalogue import reader_lang, say

if TYPE_CHECKING:
    from rich.text import Text

    from assessor.cli.inputs import Inputs
    from assessor.model.results import RegionResult
    from assessor.scoring.compiled import CompiledSet
    from assessor.scoring.compliance import DeclaredCheck


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "score",
        help="score regions from a set and entries files (or a workspace)",
        description="Score every region and period found in the entries (or only --period).",
    )
    add_input_arguments(p)
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(run=run, quick=True)


def run(args: argparse.Namespace) -> int:
    import json

    from assessor.cli.inputs import read_kind_inputs, score_kinds
    from assessor.scoring import result_to_json

    # A campaign of several kinds: each kind scored with its own set, ranked among its own
    # units, shown in its own table (JSON objects and CSV rows say their kind).
    parts = score_kinds(read_kind_inputs(args), args.period)
    declared = {
        k: v for inputs, results in parts for k, v in declared_checks(inputs, results).items()
    }
    if args.format == "json":
        out = []
        for inputs, results in parts:
            for r in results:
                item = result_to_json(inputs.compiled, r)
                check = declared.get((r.region, r.period))
                if check is not None:
                    item["declared"] = {
                        "key": check.grade.key,
                        "label": check.grade.label,
                        "reached": check.reached,
                        "failed": [c.line() for c in check.grade.failed],
                        "indicators_failing": [x.leaf for x in check.failing],
                    }
                if inputs.heading is not None and inputs.kind is not None:
                    item = {"kind": inputs.kind.key, **item}
                out.append(item)
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.format == "csv":
        write_csv(
            [
                (i.compiled, results, i.kind.key if i.heading is not None and i.kind else None)
                for i, results in parts
            ]
        )
    else:
        for inputs, results in parts:
            print_table(inputs.compiled, results, declared, heading=inputs.heading)
    return 0


def declared_checks(
    inputs: Inputs, results: list[RegionResult]
) -> dict[tuple[str, str], DeclaredCheck]:
    """Each region that declares a grade (regions.yaml `declared`) judged against it."""
    from assessor.scoring.compliance import declared_check

    units = {rid: u for a in inputs.assessments for rid, u in a.regions.items() if u.declared}
    out = {}
    for r in results:
        unit = units.get(r.region)
        check = declared_check(inputs.compiled, r, unit.declared) if unit else None
        if check is not None:
            out[(r.region, r.period)] = check
    return out


def print_table(
    cs: CompiledSet,
    results: list[RegionResult],
    declared: dict[tuple[str, str], DeclaredCheck] | None = None,
    heading: str | None = None,
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from assessor.scoring import display
    from assessor.scoring.output import rating_text, stars_text

    console = Console()
    if not results:
        lang = reader_lang()
        nothing = (
            say("cli.score.nothing_in", lang, heading=heading)
            if heading
            else say("cli.score.nothing", lang)
        )
        console.print(term(nothing))

        return
    periods: dict[str, list[RegionResult]] = {}
    for r in results:
        periods.setdefault(r.period, []).append(r)
    dims = [cs.nodes[c] for c in cs.root.children if cs.nodes[c].kind == "core"]
    # Dimension columns only where they fit; rank, region, total and rating never get cut.
    room = max(0, (console.width - 70) // 9)
    dims = dims[: min(8, room)]
    for period, rs in periods.items():
        title = term(f"{heading} · " if heading else "") + term(f"{cs.set.name} · {period}")
        if rs[0].rolled_up_from:
            title += f" (rolled up from {len(rs[0].rolled_up_from)} periods)"
        table = Table(title=title, title_justify="left")
        table.add_column("排名\nRank", justify="right", no_wrap=True)
        table.add_column("地区\nRegion")
        table.add_column("总分\nTotal", justify="right", no_wrap=True, min_width=7)
        table.add_column("评级\nRating")
        has_stars = any(r.rating.stars is not None for r in rs)
        if has_stars:
            table.add_column("星级\nStars", no_wrap=True)
        has_points = any(r.rank_points is not None for r in rs)
        if has_points:
            table.add_column("排名得分\nRank pts", justify="right", no_wrap=True)
        has_declared = any((r.region, r.period) in (declared or {}) for r in rs)
        if has_declared:
            table.add_column("申报\nDeclared", no_wrap=True)
        for d in dims:
            table.add_column(Text(term(d.name)), justify="right")
        table.add_column("完整度\nDone", justify="right")
        for r in sorted(rs, key=lambda x: (x.rank or 0, x.region)):
            name = Text(term(f"{r.name or ''} {r.region}".strip()))
            total = display(cs, r.total)
            if r.provisional:
                total += "*"
            row: list[str | Text] = [
                str(r.rank or ""),
                name,
                Text(total),
                Text(rating_text(r, none="—")),
                *([Text(stars_text(r.rating.stars))] if has_stars else []),
                *(
                    [Text(display(cs, r.rank_points.points if r.rank_points else None))]
                    if has_points
                    else []
                ),
                *(
                    [_declared_cell((declared or {}).get((r.region, r.period)))]
                    if has_declared
                    else []
                ),
                *[Text(display(cs, r.nodes[d.id].points)) for d in dims],
                f"{r.completeness * 100:.0f}%",
            ]
            table.add_row(*row)
        console.print(table)
    rule = cs.set.rank_points
    if rule is not None and any(r.rank_points and r.rank_points.periods for r in results):
        from assessor.scoring.rank_points import rule_words

        year = rule.year
        assert year is not None
        part = {"week": "周", "month": "月", "quarter": "季度"}[year.from_]
        how = "平均" if year.how == "mean" else "合计"
        console.print(
            Text(
                f"排名得分：各{part}名次按 {rule_words(rule, 'zh')} 赋分，年度取{how}"
                "（assessor explain --region … 列出各期）"
            )
        )
    if any(r.provisional for r in results):
        console.print("* provisional: some indicators are not scored yet (暂定)")


def _declared_cell(check: DeclaredCheck | None) -> Text:
    """达到 / 未达到 the declared grade (its key), as the engine judged it."""
    from rich.text import Text

    if check is None:
        return Text("")
    if check.reached:
        return Text(f"{check.grade.key} 达到", style="green")
    return Text(f"{check.grade.key} 未达到", style="red")


def write_csv(parts: list[tuple[CompiledSet, list[RegionResult], str | None]]) -> None:
    """One CSV: a row per unit and period. Several kinds (`kind` given) add a first `kind`
    column and the node columns of every kind's set (blank where a unit's set has none)."""
    import csv

    from assessor.scoring import display
    from assessor.scoring.compiled import ROOT

    several = any(kind is not None for _, _, kind in parts)
    node_ids = list(dict.fromkeys(c.id for cs, _, _ in parts for c in cs.order if c.id != ROOT))
    w = csv.writer(sys.stdout)
    w.writerow(
        [
            *(["kind"] if several else []),
            "period", "region", "name", "group", "total", "max", "rank", "group_rank",
            "rating_key", "rating_label", "stars", "veto", "completeness", "provisional",
            *node_ids,
        ]
    )  # fmt: skip
    from assessor.exchange.cells import safe_cell

    def node(cs: CompiledSet, r: RegionResult, n: str) -> str:
        if n not in r.nodes:
            return ""
        return "na" if r.nodes[n].status == "na" else display(cs, r.nodes[n].points)

    for cs, results, kind in parts:
        for r in results:
            w.writerow(
                safe_cell(x) for x in [
                    *([kind or ""] if several else []),
                    r.period, r.region, r.name or "", r.group or "", display(cs, r.total),
                    display(cs, r.max), r.rank or "", r.group_rank or "", r.rating.key or "",
                    r.rating.label or "", "" if r.rating.stars is None else r.rating.stars,
                    r.rating.veto or "", display(cs, r.completeness), str(r.provisional).lower(),
                    *[node(cs, r, n) for n in node_ids],
                ]
            )  # fmt: skip
