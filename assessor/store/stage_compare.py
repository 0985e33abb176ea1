"""A unit's stages side by side (自评分, 复核分, 核定分): totals, the points of every indicator,
the differences and the reviewer's reason for each change.

The engine scores each stage's entries; the differences are the engine's (`compare_results`,
i.e. `summary.shown_change`), so they are the same figures the reports and the TUI show. The
reason for a change is what the reviewer wrote when the value was changed in that stage: the
audit record's reason, else the entry's comment if it differs from the one carried over.
The last stage a unit has reached gives its rating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from assessor.store.stages import campaign_stages, score_name

if TYPE_CHECKING:
    from assessor.model.results import RegionResult
    from assessor.store.store import AuditRecord
    from assessor.store.workspace import Workspace

EDITS = ("set", "import", "clear")


@dataclass(frozen=True, slots=True)
class StageColumn:
    key: str
    label: str  # 自评
    score_name: str  # 自评分
    started: bool  # the unit has entries in this stage
    total: Decimal | None
    rating: str | None
    status: str


@dataclass(frozen=True, slots=True)
class StageChange:
    """One indicator changed from one stage to the next, and why."""

    id: str
    name: str
    stage: str  # the stage that changed it
    label: str
    before: Decimal | None
    after: Decimal | None
    delta: Decimal | None
    reason: str | None  # None: the reviewer gave none
    who: str | None
    at: str | None
    value_before: str | None = None  # the value as entered (codec.payload_text), when edited
    value_after: str | None = None


@dataclass(frozen=True, slots=True)
class StageRow:
    id: str
    name: str
    depth: int
    leaf: bool
    points: tuple[Decimal | None, ...]  # one per column
    deltas: tuple[Decimal | None, ...]  # column i minus column i-1 (first: None)


@dataclass(frozen=True, slots=True)
class StageComparison:
    region: str
    name: str | None
    period: str
    columns: list[StageColumn]
    rows: list[StageRow] = field(default_factory=list)
    changes: list[StageChange] = field(default_factory=list)

    @property
    def final(self) -> StageColumn | None:
        """The last stage the unit has reached: its result is the rating."""
        started = [c for c in self.columns if c.started]
        return started[-1] if started else None

    @property
    def unexplained(self) -> list[StageChange]:
        return [c for c in self.changes if not c.reason]


@dataclass(frozen=True, slots=True)
class _Edit:
    reason: str | None
    who: str | None
    at: str | None
    before: str | None
    after: str | None


def _value_text(payload: object) -> str | None:
    """The value part of an entry payload as the audit log shows it (no comment)."""
    from assessor.store.codec import payload_text

    if not isinstance(payload, dict):
        return None
    return payload_text({k: v for k, v in payload.items() if k != "comment"})


def _last_edit(records: list[AuditRecord], leaf: str) -> _Edit:
    """The last edit of `leaf` in one stage's records: its reason, who, when, and the value
    carried into the stage beside the value it was changed to. A later edit of the comment
    alone, given no reason, keeps the reason the value was changed for."""
    carried_comment = None
    carried = None
    last = None
    said = None  # the latest reason given by hand in this stage
    for r in records:
        if r.leaf != leaf:
            continue
        if r.action == "carry":
            carried = r.new
            carried_comment = (r.new or {}).get("comment")
        elif r.action in EDITS:
            last = r
            if r.action != "import" and r.reason:
                said = r.reason
    if last is None:
        return _Edit(None, None, None, None, None)
    comment = (last.new or {}).get("comment") if isinstance(last.new, dict) else None
    written = comment if comment and comment != carried_comment else None
    # An import's reason is about the file ("import review.xlsx"); each entry's comment is the
    # reviewer's word on that indicator. A value set by hand carries its own reason.
    by_hand = last.reason or said or written
    reason = (written or last.reason) if last.action == "import" else by_hand
    return _Edit(reason, last.who, last.at, _value_text(carried), _value_text(last.new))


def compare_stages(
    ws: Workspace, period: str, regions: list[str] | None = None
) -> list[StageComparison]:
    """Every unit (or those asked for) across the campaign's stages in `period`, each scored
    with its own kind's set among the units of its kind (on a campaign of several kinds, kind
    by kind in the campaign's order)."""
    from assessor.scoring import compile_checked, score
    from assessor.store.compare import compare_results

    if ws.kind_key is None and ws.several_kinds:
        by_kind: list[StageComparison] = []
        for view in ws.views():
            mine = [r for r in (regions or view.regions) if r in view.regions]
            if mine:
                by_kind += compare_stages(view, period, mine)
        return by_kind

    cs = compile_checked(ws.indicator_set)
    stages = campaign_stages(ws.config)
    wanted = regions or list(ws.regions)
    results: list[dict[str, RegionResult]] = []
    started: list[set[str]] = []
    statuses: list[dict[str, str]] = []
    raw: list[list[RegionResult]] = []
    for s in stages:
        a = ws.store.assessment(ws.set_id, period, ws.regions, stage=s.key)
        res = score(cs, a, consolidation=ws.consolidation)
        raw.append(res)
        results.append({r.region: r for r in res})
        started.append({rid for rid, leaves in a.entries.items() if leaves})
        stored = ws.store.statuses(ws.set_id, period, stage=s.key)
        statuses.append(stored)
    deltas = [None] + [
        {d.region: d for d in compare_results(cs, raw[i - 1], raw[i])} for i in range(1, len(raw))
    ]
    nodes = [cs.nodes[nid] for nid in cs.node_ids()]
    out = []
    for rid in wanted:
        columns = []
        for i, s in enumerate(stages):
            r = results[i].get(rid)
            on = rid in started[i]
            columns.append(
                StageColumn(
                    s.key, s.label, score_name(s), on,
                    cs.round(r.total) if on and r is not None and r.total is not None else None,
                    r.rating.label if on and r is not None else None,
                    statuses[i].get(rid, "draft"),
                )
            )  # fmt: skip
        rows = []
        for n in nodes:
            pts: list[Decimal | None] = []
            ds: list[Decimal | None] = []
            for i in range(len(stages)):
                nr = results[i][rid].nodes.get(n.id) if rid in results[i] else None
                on = columns[i].started
                pts.append(cs.round(nr.points) if on and nr and nr.points is not None else None)
                d = deltas[i]
                nd = d[rid].nodes.get(n.id) if d and rid in d else None
                ds.append(nd.delta if nd and on and columns[i - 1].started else None)
            rows.append(StageRow(n.id, n.name, n.depth, n.leaf, tuple(pts), tuple(ds)))
        changes = []
        for i in range(1, len(stages)):
            if not (columns[i].started and columns[i - 1].started):
                continue
            records = ws.store.audit_log(region=rid, period=period, stage=stages[i].key)
            edited = {r.leaf for r in records if r.action in EDITS}
            for row in rows:
                if not row.leaf or (not row.deltas[i] and row.id not in edited):
                    continue
                edit = _last_edit(records, row.id)
                if not row.deltas[i] and edit.before == edit.after:
                    continue  # edited back to what was carried over: nothing changed
                changes.append(
                    StageChange(row.id, row.name, stages[i].key, stages[i].label,
                                row.points[i - 1], row.points[i], row.deltas[i], edit.reason,
                                edit.who, edit.at, edit.before, edit.after)
                )  # fmt: skip
        region = ws.regions.get(rid)
        out.append(
            StageComparison(rid, region.name if region else None, period, columns, rows, changes)
        )
    return out
