"""Results and entries to .xlsx (排名, 明细, 填报) or .csv (明细), keeping the hierarchy.

Every number comes from the engine; this module only lays them out."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessor.exchange.cells import safe_cell
from assessor.model.entries import Assessment
from assessor.model.results import RegionResult
from assessor.scoring.compiled import ROOT, CompiledSet
from assessor.scoring.figures import figures, node_losses, node_ratio
from assessor.text.catalogue import table

STATUS_ZH = table("status", "zh")  # the words reports use too: unscored is 未填报
# Columns of 明细 written with their own formats (name in bold, 得分率 as %, evidence as links).
D_NAME, D_DEPTH, D_SHARE, D_EVIDENCE = 4, 5, 8, 15
URL_SCHEMES = ("http://", "https://")
MAX_LINKS = 65_000  # Excel keeps at most 65,530 hyperlinks a sheet
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
    "失分",
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


def _quote(text: str) -> str:
    return text.replace('"', '""')


def write_evidence(ws: Any, i: int, j: int, text: str, links: list[int]) -> None:
    """One evidence item as a hyperlink (a URL, or a path relative to the workbook), else text.

    Relative paths go through HYPERLINK(): XlsxWriter's external links turn / into \\, which
    LibreOffice on Linux cannot follow. `links` counts the sheet's links against Excel's limit.
    """
    from assessor.model.limits import evidence_problem

    if (
        ";" in text
        or links[0] >= MAX_LINKS
        or any(ord(ch) < 32 for ch in text)
        or evidence_problem(text) is not None  # outside the workspace, file:, javascript: …
    ):
        ws.write_string(i, j, safe_cell(text))
    elif text.lower().startswith(URL_SCHEMES) and len(text) <= 2079:
        ws.write_url(i, j, text, string=text)
        links[0] += 1
    elif ":" not in text and '"' not in text and len(text) <= 255:
        ws.write_formula(i, j, f'=HYPERLINK("{_quote(text)}","{_quote(text)}")', None, text)
        links[0] += 1
    else:
        ws.write_string(i, j, safe_cell(text))


def detail_rows(cs: CompiledSet, results: list[RegionResult]) -> list[list[Any]]:
    rows = []
    for r in results:
        losses = node_losses(cs, r)
        for c in cs.order:
            if c.id == ROOT:
                continue
            n = r.nodes[c.id]
            a = node_ratio(n)
            evaluators = (
                ", ".join(n.explanation.evaluator_names) if n.leaf and n.explanation else ""
            )
            rows.append([
                r.period, r.region, r.name or "", n.id, ("  " * (c.depth - 1)) + n.name, c.depth,
                _n(cs, n.points), _n(cs, n.max), None if a is None else float(round(a, 4)),
                _n(cs, losses[n.id]) if n.id in losses and n.status != "na" else None, n.level,
                STATUS_ZH.get(n.status, n.status), _value(n.value) if n.leaf else "", evaluators,
                n.comment or "", "; ".join(n.evidence),
            ])  # fmt: skip
    return rows


@dataclass(frozen=True)
class ExportPart:
    """One kind of unit's results (a campaign of several kinds exports one part per kind)."""

    label: str | None  # the kind's label (区、县（市）); None: a campaign of one kind
    cs: CompiledSet
    results: list[RegionResult]
    assessments: list[Assessment] | None = None


def sheet_name(base: str, label: str | None) -> str:
    """排名 or 排名-市级部门: Excel allows 31 characters and none of []:*?/\\ in a name."""
    if label is None:
        return base
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in label)
    return f"{base}-{clean}"[:31]


def write_export(
    path: Path | str,
    cs: CompiledSet,
    results: list[RegionResult],
    assessments: list[Assessment] | None = None,
) -> Path:
    """排名, 明细 and (with assessments) 填报 as .xlsx; the 明细 table alone as .csv."""
    return write_export_parts(path, [ExportPart(None, cs, results, assessments)])


def write_export_parts(path: Path | str, parts: Sequence[ExportPart]) -> Path:
    """Each part's 排名, 明细 and 填报 sheets (named after its kind where it has one) as
    .xlsx; as .csv the 明细 tables, with a first column 类别 when parts have kinds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    kinds = any(part.label is not None for part in parts)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(["类别", *DETAIL] if kinds else DETAIL)
            for part in parts:
                lead = [part.label or ""] if kinds else []
                w.writerows(
                    [safe_cell(v) for v in [*lead, *row]]
                    for row in detail_rows(part.cs, part.results)
                )
        return path
    import xlsxwriter

    # XlsxWriter streams rows (constant_memory): a 150-region export is ~600,000 cells, which
    # openpyxl writes at ~5 µs a cell; this keeps real hyperlinks and outline levels too.
    tmp = path.with_name(path.name + ".part")
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_urls": False})
    bold = wb.add_format({"bold": True})
    pct = wb.add_format({"num_format": "0.0%"})

    def put(ws: Any, i: int, values: Sequence[Any]) -> None:
        """Write the non-empty cells of a row: most optional columns are empty."""
        for j, v in enumerate(values):
            if v is None or v == "":
                continue
            if isinstance(v, bool):
                ws.write_boolean(i, j, v)
            elif isinstance(v, int | float):
                ws.write_number(i, j, v)
            else:
                ws.write_string(i, j, safe_cell(str(v)))

    def sheet(name: str, names: Sequence[str], widths: Sequence[int]) -> Any:
        ws = wb.add_worksheet(name)
        for i, w in enumerate(widths):
            ws.set_column(i, i, w)
        ws.freeze_panes(1, 0)
        ws.write_row(0, 0, list(names), bold)
        return ws

    for part in parts:
        _write_part(part, sheet, put, bold, pct)
    wb.close()
    tmp.replace(path)
    return path


def _write_part(part: ExportPart, sheet: Any, put: Any, bold: Any, pct: Any) -> None:
    cs, results, assessments = part.cs, part.results, part.assessments
    dims = [cs.nodes[c] for c in cs.root.children if cs.nodes[c].kind == "core"]
    ranking = sheet(
        sheet_name("排名", part.label),
        ["期间", "排名", "组内排名", "地区编码", "地区", "分组", "总分", "满分", "评级", "星级", "一票否决",
         "完整度", "暂定", *[d.name for d in dims], "基本项", "加分（计入）", "扣分", "失分"],
        [9, 6, 8, 10, 14, 10, 8, 7, 16, 6, 9, 8, 6] + [10] * len(dims) + [8, 10, 8, 8],
    )  # fmt: skip
    by_period: dict[str, list[RegionResult]] = {}
    for r in results:
        by_period.setdefault(r.period, []).append(r)
    for i, r in enumerate(sorted(results, key=lambda x: (x.period, x.rank or 0)), start=1):
        fg = figures(cs, r, by_period[r.period])
        put(ranking, i, [
            r.period, r.rank, r.group_rank, r.region, r.name or "", r.group or "", _n(cs, r.total), _n(cs, r.max),
            r.rating.label or "", r.rating.stars, r.rating.veto_name or r.rating.veto or "", None,
            "是" if r.provisional else "", *[_n(cs, r.nodes[d.id].points) for d in dims],
            _n(cs, fg.core), _n(cs, fg.bonus_counted), _n(cs, fg.penalty_applied), _n(cs, fg.lost),
        ])  # fmt: skip
        ranking.write_number(i, 11, float(round(r.completeness, 4)), pct)

    detail = sheet(
        sheet_name("明细", part.label),
        DETAIL,
        [9, 10, 12, 12, 40, 6, 8, 8, 8, 8, 6, 8, 16, 16, 24, 30],
    )
    links = [0]
    for i, row in enumerate(detail_rows(cs, results), start=1):
        depth, name, share, ev = row[D_DEPTH], row[D_NAME], row[D_SHARE], row[D_EVIDENCE]
        if depth > 1:
            detail.set_row(i, None, None, {"level": min(depth - 1, 7)})
        row[D_NAME] = row[D_SHARE] = row[D_EVIDENCE] = None  # written below with their formats
        put(detail, i, row)
        detail.write_string(i, D_NAME, safe_cell(name), bold if depth == 1 else None)
        if share is not None:
            detail.write_number(i, D_SHARE, share, pct)
        if ev:
            write_evidence(detail, i, D_EVIDENCE, ev, links)
    if assessments:
        raw = sheet(sheet_name("填报", part.label), ["期间", "地区编码", "地区", "评估人", "编号", "填报值", "不适用", "备注", "佐证材料", "沿用上期"],
                    [9, 10, 12, 14, 12, 20, 6, 24, 30, 8])  # fmt: skip
        i = 1
        for a in assessments:
            for rid, leaves in a.entries.items():
                region = a.regions.get(rid)
                for leaf, entries in leaves.items():
                    for e in entries:
                        shown = _value(e.inputs) if e.inputs else _value(e.value)
                        put(raw, i, [a.period, rid, region.name if region else "", e.evaluator, leaf, shown,
                                             "是" if e.na else "", e.comment or "", "; ".join(e.evidence),
                                             "是" if e.carried_over else ""])  # fmt: skip
                        i += 1
