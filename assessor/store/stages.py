"""A campaign's stages (自评 → 复核 → 评审) as workspace.yaml gives them, and which one a command
works on.

A workspace without `stages` has one stage, `expert` (评审): the behaviour before stages, and
the stage every older row was migrated to. The last stage's result is the rating.
"""

from __future__ import annotations

from assessor.errors import AssessorError, Problem
from assessor.store.config import Stage, WorkspaceConfig
from assessor.store.tables import DEFAULT_STAGE

DEFAULT_STAGES = (Stage(key=DEFAULT_STAGE, label="评审"),)
#: The usual three stages of a Shandong star rating (docs/stages.md).
SHANDONG_STAGES = (
    Stage(key="self", label="自评"),
    Stage(key="review", label="复核"),
    Stage(key="expert", label="评审"),
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
            return Problem(f"stage {s.key!r} is listed twice in stages", key="stages")
        seen.add(s.key)
    return None


def find_stage(config: WorkspaceConfig, key: str, *, option: str = "--stage") -> Stage:
    for s in campaign_stages(config):
        if s.key == key:
            return s
    allowed = ", ".join(f"{s.key} ({s.label})" for s in campaign_stages(config))
    raise AssessorError(
        Problem(f"stage {key!r} is not a stage of this campaign; stages: {allowed}", key=option)
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
