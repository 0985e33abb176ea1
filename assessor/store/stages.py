"""A campaign's stages (自评 → 复核 → 评审) as workspace.yaml gives them, and which one a command
works on.

A workspace without `stages` has one stage, `expert` (评审): the behaviour before stages, and
the stage every older row was migrated to. The last stage's result is the rating.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessor.errors import AssessorError, Problem
from assessor.store.config import Stage, WorkspaceConfig
from assessor.store.errors import listed
from assessor.store.schema import DEFAULT_STAGE
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.model.entries import Entry
    from assessor.store.workspace import Workspace

# Constants, valid as written: built without building Stage's schema at import.
DEFAULT_STAGES = (Stage.model_construct(key=DEFAULT_STAGE, label="评审"),)
#: The usual three stages of a Shandong star rating (docs/stages.md).
SHANDONG_STAGES = (
    Stage.model_construct(key="self", label="自评"),
    Stage.model_construct(key="review", label="复核"),
    Stage.model_construct(key="expert", label="评审"),
)
#: What each stage's result is called beside the others (自评分, 复核分, 核定分).
SCORE_NAMES = {"自评": "自评分", "复核": "复核分", "评审": "核定分"}


def campaign_stages(config: WorkspaceConfig) -> list[Stage]:
    """The stages in order (default: the one stage `expert`)."""
    return list(config.stages or DEFAULT_STAGES)


def stages_problem(config: WorkspaceConfig) -> Problem | None:
    """Two stages with one key: the second could never be told apart from the first."""
    seen: set[str] = set()
    for s in campaign_stages(config):
        if s.key in seen:
            return Problem(said("store.stage_twice", stage=repr(s.key)), key="stages")
        seen.add(s.key)
    return None


def find_stage(config: WorkspaceConfig, key: str, *, option: str = "--stage") -> Stage:
    for s in campaign_stages(config):
        if s.key == key:
            return s
    stages = campaign_stages(config)
    allowed = listed(
        [f"{s.key} ({s.label})" for s in stages], [f"{s.key}（{s.label}）" for s in stages]
    )
    raise AssessorError(
        Problem(said("store.stage_unknown", stage=repr(key), allowed=allowed), key=option)
    )


def previous_stage(config: WorkspaceConfig, key: str) -> Stage | None:
    stages = campaign_stages(config)
    i = [s.key for s in stages].index(find_stage(config, key).key)
    return stages[i - 1] if i else None


def score_name(stage: Stage) -> str:
    """自评分 / 复核分 / 核定分 for the usual labels; otherwise the label followed by 分."""
    return SCORE_NAMES.get(stage.label, f"{stage.label}分")


def stage_evaluators(config: WorkspaceConfig, stage: Stage) -> list[str] | None:
    """Who enters values in a stage: its own list, else None (every evaluator)."""
    return list(stage.evaluators) if stage.evaluators else None


def outsider_problems(config: WorkspaceConfig, stage: str, evaluator: str) -> list[Problem]:
    """A stage with its own evaluators takes values, evidence and verdicts from them only: the
    refusal names the stage and who may write in it (empty when `evaluator` may)."""
    found = find_stage(config, stage)
    allowed = found.evaluators
    if allowed and evaluator not in allowed:
        message = said(
            "store.not_stage_evaluator",
            evaluator=evaluator,
            stage=found.key,
            label=found.label,
            allowed=listed(allowed),
        )
        return [Problem(message, key="--evaluator")]
    return []


def check_writer(ws: Workspace, evaluator: str) -> None:
    """Refuse a write by someone who is not an evaluator of the stage worked on (the TUI's
    session and verdicts ask this; the CLI's entries go through `Workspace.key`)."""
    from assessor.store.errors import StoreError

    problems = outsider_problems(ws.config, ws.stage, evaluator)
    if problems:
        raise StoreError(problems)


# ---------------------------------------------------------------------- a workspace's review work
# Functions over a Workspace (the CLI and the TUI call these): they check units, leaves and
# stages against workspace.yaml, regions.yaml and the set, then call assessor.store.review.


def _check_region(ws: Workspace, region: str) -> None:
    if region not in ws.regions:
        raise AssessorError(
            Problem(said("store.region_unknown", region=region, file=ws.config.regions), key=region)
        )


def _unit_view(ws: Workspace, region: str) -> Workspace:
    """The view of a unit's own kind: its set, its leaves, its required evidence (in a
    campaign of several kinds the campaign's own set is only its first kind's)."""
    _check_region(ws, region)
    return ws.for_kind(ws.kind_of(region))


def _check_leaf(view: Workspace, leaf: str) -> None:
    if leaf not in view.leaf_ids:
        raise AssessorError(Problem(said("store.not_a_leaf", leaf=leaf, set=view.set_id), key=leaf))


def start_stage(
    ws: Workspace, stage: str, period: str, regions: list[str] | None = None, *, who: str
) -> tuple[list[str], int]:
    """Start `stage` for some units (default: every unit whose previous stage is submitted and
    that has not started it) from the previous stage's entries; returns (units, entries)."""
    from assessor.store.review import STARTABLE_FROM, start_units

    target = find_stage(ws.config, stage)
    before = previous_stage(ws.config, stage)
    if before is None:
        raise AssessorError(
            Problem(
                said("store.first_stage", stage=target.key, label=target.label),
                key="stage",
            )
        )
    units = [(_unit_view(ws, r).set_id, r) for r in regions or []]
    if not regions:
        for view in ws.views() if ws.kind_key is None else [ws]:  # each kind with its set
            done = ws.store.statuses(view.set_id, period, stage=before.key)
            mine = ws.store.statuses(view.set_id, period, stage=target.key)
            begun = {e.region for e in ws.store.entries(view.set_id, period, stage=target.key)}
            units += [
                (view.set_id, r)
                for r in view.regions
                if done.get(r) in STARTABLE_FROM and r not in begun and r not in mine
            ]
        regions = [r for _, r in units]
        if not regions:
            raise AssessorError(
                Problem(
                    said(
                        "store.none_can_start",
                        stage=target.key,
                        period=period,
                        before=before.key,
                        label=before.label,
                    ),
                    key="stage",
                )
            )
    prefer = list(before.evaluators or []) + [e.name for e in ws.config.evaluators if e.lead]
    n = start_units(
        ws.store, units, period, target.key, before.key, who=who,
        evaluators=stage_evaluators(ws.config, target), prefer=prefer,
    )  # fmt: skip
    return regions, n


def judge_evidence(
    ws: Workspace,
    region: str,
    period: str,
    leaf: str,
    item: str,
    verdict: str,
    *,
    who: str,
    reason: str | None = None,
) -> str | None:
    """A verdict on one evidence item in the workspace's stage; returns the previous one."""
    from assessor.store.review import set_verdict

    view = _unit_view(ws, region)
    _check_leaf(view, leaf)
    check_writer(ws, who)
    return set_verdict(ws.store, view.set_id, ws.stage, region, period, leaf, item, verdict,
                       who=who, reason=reason)  # fmt: skip


def record_site_check(
    ws: Workspace,
    region: str,
    period: str,
    *,
    checked_on: str,
    checkers: list[str],
    findings: str,
    who: str,
) -> None:
    from assessor.store.review import set_site_check

    view = _unit_view(ws, region)
    set_site_check(ws.store, view.set_id, ws.stage, region, period, checked_on=checked_on,
                   checkers=checkers, findings=findings, who=who)  # fmt: skip


@dataclass(frozen=True)
class EvidenceLine:
    leaf: str
    item: str
    verdict: str | None  # None: not judged yet (未审)
    reason: str | None
    judged_by: str | None
    judged_at: str | None
    required: bool


def evidence_review(ws: Workspace, region: str, period: str) -> list[EvidenceLine]:
    """Every evidence item of a unit in the workspace's stage with its verdict, in set order."""
    from assessor.store.review import items, verdicts

    view = _unit_view(ws, region)
    found = items(ws.store, view.set_id, ws.stage, region, period)
    judged = verdicts(ws.store, view.set_id, ws.stage, region, period)
    required = set(view.evidence_required)
    order = {leaf: i for i, leaf in enumerate(sorted(view.leaf_ids))}
    try:
        from assessor.scoring import compile_checked

        order = {n.id: n.index for n in compile_checked(view.indicator_set).order}
    except AssessorError:
        pass
    out = []
    for leaf in sorted(found, key=lambda x: order.get(x, 10**9)):
        for item in found[leaf]:
            v = judged.get((leaf, item))
            out.append(EvidenceLine(leaf, item, v.verdict if v else None, v.reason if v else None,
                                    v.judged_by if v else None, v.judged_at if v else None,
                                    leaf in required))  # fmt: skip
    return out


def evidence_gaps(ws: Workspace, region: str, period: str, *, final: bool) -> list[tuple[str, str]]:
    """What `set_status` would refuse: required leaves without usable evidence, and why."""
    from assessor.store.review import gaps

    view = _unit_view(ws, region)
    return gaps(ws.store, view.set_id, ws.stage, region, period, view.evidence_required,
                final=final)  # fmt: skip


def value_of(entry: Entry | None) -> tuple[object, ...] | None:
    """What an entry says about the indicator (value, inputs, 不适用), not its comment or
    evidence: numbers compare as numbers (27 and 27.0 are one value)."""
    if entry is None:
        return None
    return (entry.value, entry.inputs, entry.na)


def earlier_change(
    ws: Workspace, region: str, period: str, leaf: str, entry: Entry | None
) -> tuple[Stage, str] | None:
    """When storing `entry` (None: clearing) in the stage worked on would change what the stage
    before gave `leaf`, that stage and its value as text (the TUI then asks the reviewer why:
    the reason is stored and audited with the value, and the report shows it). None in the
    first stage, and when the value is the one (or one of those) the stage before gave."""
    from assessor.store.codec import entry_payload, payload_text

    before = previous_stage(ws.config, ws.stage)
    if before is None:
        return None
    view = _unit_view(ws, region)  # the unit's own kind's set
    found = [
        e.entry
        for e in ws.store.entries(view.set_id, period, region, stage=before.key)
        if e.leaf == leaf
    ]
    if not found and entry is None:
        return None
    if any(value_of(e) == value_of(entry) for e in found):
        return None
    shown = "；".join(payload_text({**entry_payload(e), "comment": None}) for e in found)
    return before, shown or "—"
