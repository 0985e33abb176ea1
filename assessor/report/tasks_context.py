"""What the 亮进度 bulletin and the county report's tasks section print: every status, count,
share and light from the engine (`assessor.scoring.tasks`) via the task board, formatted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from assessor.scoring.tasks import overall, unit_light
from assessor.text.formats import date_label

if TYPE_CHECKING:
    from pathlib import Path

    from assessor.report.context import ReportMeta
    from assessor.store.task_board import TaskBoard, UnitTasks

LIGHT_ZH = {"green": "绿", "yellow": "黄", "red": "红"}


def _pct(x: Decimal | None) -> str:
    return "—" if x is None else f"{x.quantize(Decimal('0.1'))}%"


def _task_row(s: Any, comment: str | None) -> dict[str, Any]:
    return {
        "id": s.task.id,
        "name": s.task.name,
        "category": s.task.category,
        "deadline": date_label(s.task.deadline),
        "planned": _pct(s.planned),
        "actual": _pct(s.actual),
        "status": s.words("zh"),
        "light": s.light,
        "light_text": LIGHT_ZH[s.light],
        "comment": comment or "",
    }


def unit_section(board: TaskBoard, ut: UnitTasks) -> dict[str, Any]:
    """One unit's tasks on a date: sentences by category, every task's row, the share."""
    comments = {}
    for t in board.book.tasks(ut.unit):
        last = board.latest(ut.unit, t.id, ut.on)
        comments[t.id] = last.progress.comment if last else None
    total = overall(ut.states)
    light = unit_light(ut.states)
    return {
        "unit": ut.unit,
        "name": ut.name,
        "on": date_label(ut.on),
        "sentences": [t.sentence("zh") for t in ut.tallies],
        "total": total.total,
        "counts": {k: total.counts[k] for k in total.counts},
        "share": _pct(ut.share),
        "light": light,
        "light_text": LIGHT_ZH.get(light or "", ""),
        "rows": [_task_row(s, comments[s.task.id]) for s in ut.states],
        "attention": [
            _task_row(s, comments[s.task.id])
            for s in ut.states
            if s.status in ("behind", "overdue")
        ],
    }


def county_tasks(board: TaskBoard, unit: str, on: dt.date) -> dict[str, Any] | None:
    """The county report's tasks section for `unit` (None when it carries no task)."""
    if unit not in board.book.by_unit:
        return None
    return unit_section(board, board.unit_tasks(unit, on))


def progress_bulletin(
    board: TaskBoard, on: dt.date, report_meta: ReportMeta, kind: str | None = None
) -> dict[str, Any]:
    """The 亮进度 bulletin: every unit's line, its sentences, and the tasks needing attention;
    the units of each kind apart (`groups`, labelled when the campaign has several kinds), as
    the rankings are; only `kind`'s units when given."""
    from assessor.report.context import _meta

    meta = _meta(report_meta)
    groups: list[dict[str, Any]] = []
    by_kind = board.by_kind(on, kind)
    for g in by_kind:
        sections = [unit_section(board, ut) for ut in g.units]
        part = overall(g.states)
        groups.append(
            {
                "key": g.kind.key,
                "label": g.kind.label if g.several else None,
                "units": sections,
                "total": part.total,
                "sentence": part.sentence("zh"),
                "lights": {c: sum(1 for u in sections if u["light"] == c) for c in LIGHT_ZH},
            }
        )
    units: list[dict[str, Any]] = [u for g in groups for u in g["units"]]
    states = [s for g in by_kind for s in g.states]
    total = overall(states)
    return {
        "groups": groups,
        "kind": "bulletin",
        "meta": meta,
        "set": {"name": board.book.campaign},
        "period_label": date_label(on),
        "on": date_label(on),
        "units": units,
        "total": total.total,
        "sentence": total.sentence("zh"),
        "lights": {c: sum(1 for u in units if u["light"] == c) for c in LIGHT_ZH},
        "categories": list(board.book.categories),
        "note": board.book.note or "",
    }


__all__ = ["county_tasks", "county_tasks_reader", "progress_bulletin", "unit_section"]


def county_tasks_reader(
    workspace: Path | None, period: str
) -> Callable[[str], dict[str, Any] | None]:
    """For a county report from a workspace with a tasks file: each unit's tasks section as
    of the period's end (today while the period runs); otherwise nothing."""
    if workspace is None:
        return lambda unit: None
    from assessor.store.task_board import TaskBoard, period_end
    from assessor.store.workspace import open_workspace

    ws = open_workspace(workspace)
    try:
        if not ws.config.tasks:
            return lambda unit: None
        board = TaskBoard(ws)
        on = min(period_end(period), dt.date.today())
        sections = {u: county_tasks(board, u, on) for u in board.units()}
    finally:
        ws.close()
    return lambda unit: sections.get(unit)
