"""What `score`, `explain` and `report` read: a set plus entries files, or a workspace folder."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.errors import AssessorError, Problem, UsageError
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.model.entries import Assessment
    from assessor.model.indicator_set import Consolidation, IndicatorSet
    from assessor.model.results import RegionResult
    from assessor.scoring.compiled import CompiledSet
    from assessor.store.config import UnitKind


@dataclass
class Inputs:
    compiled: CompiledSet
    assessments: list[Assessment]
    consolidation: Consolidation | None
    sources: list[Path]
    kind: UnitKind | None = None  # the unit kind these are (a workspace's)
    several: bool = False  # the workspace has several kinds: outputs label each kind's part

    @property
    def heading(self) -> str | None:
        """The kind's label where a campaign has several kinds (区、县（市）, 市级部门 …)."""
        return self.kind.label if self.several and self.kind is not None else None


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
    if workspace:
        add_kind_argument(p)


def add_kind_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--kind",
        metavar="KEY",
        help="only this kind of unit (a key of the workspace's kinds, e.g. county, "
        "department); default: every kind, each with its own set and ranking",
    )


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
                said(
                    "cli.no_entries_in_period",
                    period=period,
                    found=", ".join(found) or said("cli.none"),
                ),
                key="--period",
            )
        )
    return results


def score_kinds(parts: list[Inputs], period: str | None) -> list[tuple[Inputs, list[RegionResult]]]:
    """Score each kind; a kind without entries in `period` has no results, and only when no
    kind has any is that an error (the first kind's message)."""
    out: list[tuple[Inputs, list[RegionResult]]] = []
    missing: list[AssessorError] = []
    for inputs in parts:
        try:
            out.append((inputs, score_inputs(inputs, period)))
        except AssessorError as exc:
            nothing = all(
                p.key == "--period" and p.message.startswith("no entries") for p in exc.problems
            )
            if len(parts) == 1 or not nothing:
                raise
            missing.append(exc)
            out.append((inputs, []))
    if missing and len(missing) == len(parts):
        raise missing[0]
    return out


def read_inputs(args: argparse.Namespace, region: str | None = None) -> Inputs:
    """One kind's inputs: `--kind`, else the kind of `region`, else the first kind (a set
    and entries files are one kind)."""
    kind = getattr(args, "kind", None)
    if kind is None and region is not None and getattr(args, "workspace", None) is not None:
        kind = _kind_of_region(args.workspace, region)
    return read_kind_inputs(args, kind=kind, every=False)[0]


def _kind_of_region(folder: Path, region: str) -> str | None:
    from assessor.store.workspace import open_workspace

    if not folder.is_dir():
        return None
    with open_workspace(folder) as ws:
        return ws.kind_of(region) if region in ws.regions else None


def read_kind_inputs(
    args: argparse.Namespace, kind: str | None = None, every: bool = True
) -> list[Inputs]:
    """What `score`, `report` … read: one `Inputs` per kind of a workspace (each scored with
    its own set, ranked among its own units), only `--kind`'s, or a set plus entries files."""
    from assessor.loader import load_entries, load_set
    from assessor.scoring.compiled import compile_checked

    ws = getattr(args, "workspace", None)
    kind = kind or getattr(args, "kind", None)
    parts: list[tuple[IndicatorSet, list[Assessment], Consolidation | None, UnitKind | None, bool]]
    if ws is not None:
        if args.set_path or args.entries:
            raise UsageError(said("cli.workspace_and_set"))
        if not ws.is_dir():
            raise AssessorError(Problem(said("cli.not_a_workspace", folder=ws), file=str(ws)))
        from assessor.store.workspace import load_workspace_kinds

        found = load_workspace_kinds(ws, kind, every=every, stage=getattr(args, "stage", None))
        parts = [
            (k.indicator_set, k.assessments, k.consolidation, k.kind, k.several) for k in found
        ]
        sources = [ws]
    else:
        if kind is not None:
            raise UsageError(said("cli.kind_needs_workspace"))
        if args.set_path is None or not args.entries:
            raise UsageError(said("cli.set_and_entries"))
        indicator_set = load_set(args.set_path)
        parts = [(indicator_set, load_entries(args.entries, indicator_set), None, None, False)]
        sources = [args.set_path, *args.entries]
    if args.period:
        from assessor.model.periods import PeriodError, parse_period

        try:
            parse_period(args.period)
        except PeriodError as exc:
            raise UsageError(exc.args[0] if exc.args else str(exc)) from None
    out = []
    for indicator_set, assessments, consolidation, unit_kind, several in parts:
        if args.consolidation:
            base = consolidation or indicator_set.consolidation
            consolidation = base.model_copy(
                update={"method": args.consolidation, "lead": args.lead or base.lead}
            )
            if consolidation.method == "lead" and not consolidation.lead:
                raise UsageError(said("cli.lead_needs_name"))

        out.append(
            Inputs(
                compile_checked(indicator_set),
                assessments,
                consolidation,
                sources,
                unit_kind,
                several,
            )
        )
    return out
