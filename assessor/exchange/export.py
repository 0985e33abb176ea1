"""Results and entries to .xlsx (排名, 明细, 填报) or .csv (明细), keeping the hierarchy.

Every number comes from the engine; this module only lays them out."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from assessor.model.entries import Assessment
from assessor.model.results import RegionResult
from assessor.scoring.compiled import ROOT, CompiledSet
from assessor.scoring.summary import ratio

STATUS_ZH = {"scored": "已评分", "unscored": "未评分", "na": "不适用", "error": "错误"}
DETAIL = (
    "期间",
    "地区编码",
    "地区",
    "编号",
    "指标",
    "层级",
    "得分",
    "满分",
    "得分率",
    "等级",
    "状态",
    "填报值",
    "评估人",
    "备注",
    "佐证材料",
)


def _n(cs: CompiledSet, v: Any) -> float | int | None:
    from assessor.scoring.output import number

    return number(cs, v)


def _value(v: Any) -> str:
    from assessor.scoring.methods import fmt

    if v is None:
        return ""
    if isinstance(v, dict):
        return ", ".join(f"{k}={_value(x)}" for k, x in v.items())
    if isinstance(v, list):
        return " / ".join(_value(x) for x in v)
    if isinstance(v, bool):
        return "是" if v else "否"
    if hasattr(v, "is_finite"):
        return fmt(v)
    return str(v)


def detail_rows(cs: CompiledSet, results: list[RegionResult]) -> list[list[Any]]:
    rows = []
    for r in results:
        for c in cs.order:
            if c.id == ROOT:
                continue
            n = r.nodes[c.id]
            a = ratio(n)
            evaluators = (
                ", ".join(e.evaluator for e in n.explanation.evaluators)
                if n.leaf and n.explanation
                else ""
            )
            rows.append([
                r.period, r.region, r.name or "", n.id, ("  " * (c.depth - 1)) + n.name, c.depth,
                _n(cs, n.points), _n(cs, n.max), None if a is None else float(round(a, 4)), n.level,
                STATUS_ZH.get(n.status, n.status), _value(n.value) if n.leaf else "", evaluators,
                n.comment or "", "; ".join(n.evidence),
            ])  # fmt: skip
    return rows


def write_export(
    path: Path | str,
    cs: CompiledSet,
    results: list[RegionResult],
    assessments: list[Assessment] | None = None,
) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(DETAIL)
            w.writerows(detail_rows(cs, results))
        return path
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    bold = Font(bold=True)
    ranking = wb.active
    assert ranking is not None
    ranking.title = "排名"
    dims = [cs.nodes[c] for c in cs.root.children if cs.nodes[c].kind == "core"]
    ranking.append(["期间", "排名", "组内排名", "地区编码", "地区", "分组", "总分", "满分", "评级", "星级", "一票否决",
                    "完整度", "暂定", *[d.name for d in dims]])  # fmt: skip
    for r in sorted(results, key=lambda x: (x.period, x.rank or 0)):
        ranking.append([
            r.period, r.rank, r.group_rank, r.region, r.name or "", r.group or "", _n(cs, r.total), _n(cs, r.max),
            r.rating.label or "", r.rating.stars, r.rating.veto or "", float(round(r.completeness, 4)),
            "是" if r.provisional else "", *[_n(cs, r.nodes[d.id].points) for d in dims],
        ])  # fmt: skip
    detail = wb.create_sheet("明细")
    detail.append(list(DETAIL))
    for i, row in enumerate(detail_rows(cs, results), start=2):
        detail.append(row)
        depth = row[5]
        if depth > 1:
            detail.row_dimensions[i].outline_level = min(depth - 1, 7)
        if depth == 1:
            detail.cell(i, 5).font = bold
        ev = row[14]
        if ev and ";" not in ev:
            detail.cell(i, 15).hyperlink = ev
    if assessments:
        raw = wb.create_sheet("填报")
        raw.append(
            [
                "期间",
                "地区编码",
                "地区",
                "评估人",
                "编号",
                "填报值",
                "不适用",
                "备注",
                "佐证材料",
                "沿用上期",
            ]
        )
        for a in assessments:
            for rid, leaves in a.entries.items():
                region = a.regions.get(rid)
                for leaf, entries in leaves.items():
                    for e in entries:
                        shown = _value(e.inputs) if e.inputs else _value(e.value)
                        raw.append([a.period, rid, region.name if region else "", e.evaluator, leaf, shown,
                                    "是" if e.na else "", e.comment or "", "; ".join(e.evidence),
                                    "是" if e.carried_over else ""])  # fmt: skip
    for ws in wb.worksheets:
        ws.freeze_panes = "A2"
        for cell in ws[1]:
            cell.font = bold
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return path
