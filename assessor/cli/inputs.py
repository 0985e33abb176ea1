"""What `score`, `explain` and `report` read: a set plus entries files, or a workspace folder."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.errors import AssessorError, Problem, UsageError

if TYPE_CHECKING:
    from assessor.model.entries import Assessment
    from assessor.model.indicator_set import Consolidation
    from assessor.model.results import RegionResult
    from assessor.scoring.compiled import CompiledSet


@dataclass
class Inputs:
    compiled: CompiledSet
    assessments: list[Assessment]
    consolidation: Consolidation | None
    sources: list[Path]


def add_input_arguments(p: argparse.ArgumentParser, workspace: bool = True) -> None:
    if workspace:
        p.add_argument(
            "workspace",
            nargs="?",
            type=Path,
            help="a workspace folder (instead of --set and --entries)",
        )
        p.add_argument(
            "--stage",
            help="with a workspace: the stage scored (default: the latest stage with entries; "
            "the last stage's result is the rating)",
        )
    p.add_argument("--set", dest="set_path", type=Path, help="indicator set YAML file")
    p.add_argument(
        "--entries",
        dest="entries",
        type=Path,
        nargs="+",
        action="extend",
        default=[],
        help="entries YAML files (one per evaluator or per period)",
    )
    p.add_argument("--period", help="score only this period (2024, 2024-Q1, 2024-03, 2024-W09)")
    p.add_argument(
        "--consolidation",
        choices=["mean", "median", "trimmed_mean", "lead"],
        help="how several evaluators' points are combined (default: the set's)",
    )
    p.add_argument("--lead", help="the lead evaluator (with --consolidation lead)")


def score_inputs(inputs: Inputs, period: str | None) -> list[RegionResult]:
    """Score what was read; asking for a period with no entries in or under it is an error."""
    from assessor.scoring import score

    results = score(
        inputs.compiled, inputs.assessments, period=period, consolidation=inputs.consolidation
    )
    if not results and period is not None:
        found = sorted({a.period for a in inputs.assessments if any(a.entries.values())})
        raise AssessorError(
            Problem(
                f"no entries for period {period} or any period inside it; "
                f"periods with entries: {', '.join(found) or 'none'}",
                key="--period",
            )
        )
    return results


def read_inputs(args: argparse.Namespace) -> Inputs:
    from assessor.loader import load_entries, load_set
    from assessor.scoring.compiled import compile_checked

    ws = getattr(args, "workspace", None)
    consolidation: Consolidation | None = None
    if ws is not None:
        if args.set_path or args.entries:
            raise UsageError("give a workspace folder or --set/--entries, not both")
        if not ws.is_dir():
            raise AssessorError(Problem(f"{ws} is not a workspace folder", file=str(ws)))
        from assessor.store.workspace import load_workspace_assessments

        indicator_set, assessments, consolidation = load_workspace_assessments(
            ws, stage=getattr(args, "stage", None)
        )
        sources = [ws]
    else:
        if args.set_path is None or not args.entries:
            raise UsageError("give --set SET and --entries FILE… (or a workspace folder)")
        indicator_set = load_set(args.set_path)
        assessments = load_entries(args.entries, indicator_set)
        sources = [args.set_path, *args.entries]
    if args.consolidation:
        base = consolidation or indicator_set.consolidation
        consolidation = base.model_copy(
            update={"method": args.consolidation, "lead": args.lead or base.lead}
        )
        if consolidation.method == "lead" and not consolidation.lead:
            raise UsageError("--consolidation lead needs --lead NAME")
    if args.period:
        from assessor.model.periods import PeriodError, parse_period

        try:
            parse_period(args.period)
        except PeriodError as exc:
            raise UsageError(str(exc)) from None
    return Inputs(compile_checked(indicator_set), assessments, consolidation, sources)
