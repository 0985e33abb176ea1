"""write_export: results read back with a second reader (openpyxl, LibreOffice) match the engine."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from assessor.exchange import read_workbook, write_export
from assessor.model import Assessment, RegionResult
from assessor.scoring import CompiledSet, compile_set, display, number, score
from assessor.scoring.compiled import ROOT as ROOT_ID
from assessor.scoring.figures import node_losses, node_ratio

from .conftest import SET, Filled, soffice_convert


@pytest.fixture(scope="module")
def scored(filled: Filled) -> tuple[CompiledSet, list[RegionResult], list[Assessment]]:
    assessments = read_workbook(filled.path, SET)
    cs = compile_set(SET)
    return cs, score(cs, assessments), assessments


@pytest.fixture(scope="module")
def export(scored: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    cs, results, assessments = scored
    return write_export(tmp_path_factory.mktemp("export") / "结果.xlsx", cs, results, assessments)


@pytest.fixture(scope="module")
def wb(export: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(export, data_only=True)


def table(ws: Any) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]


def test_export_has_ranking_detail_and_entries_sheets(wb: Any) -> None:
    assert wb.sheetnames == ["排名", "明细", "填报"]


def test_ranking_numbers_are_the_engines_rounded_numbers(wb: Any, scored: Any) -> None:
    cs, results, _ = scored
    dims = [cs.nodes[c] for c in cs.root.children if cs.nodes[c].kind == "core"]
    got = {row["地区编码"]: row for row in table(wb["排名"])}
    assert set(got) == {r.region for r in results}
    for r in results:
        row = got[r.region]
        assert (row["排名"], row["组内排名"], row["地区"]) == (r.rank, r.group_rank, r.name)
        assert (row["总分"], row["满分"]) == (number(cs, r.total), number(cs, r.max))
        assert (row["评级"], row["星级"]) == (r.rating.label, r.rating.stars)
        assert row["完整度"] == pytest.approx(float(r.completeness), abs=1e-4)
        for d in dims:
            assert row[d.name] == number(cs, r.nodes[d.id].points)


def test_ranking_is_sorted_by_rank(wb: Any) -> None:
    ranks = [row["排名"] for row in table(wb["排名"])]
    assert ranks == sorted(ranks)


def test_detail_has_every_node_of_every_region_with_the_engines_numbers(
    wb: Any, scored: Any
) -> None:
    cs, results, _ = scored
    got = {(row["地区编码"], row["编号"]): row for row in table(wb["明细"])}
    assert len(got) == len(results) * (len(cs.nodes) - 1)
    for r in results:
        losses = node_losses(cs, r)
        for node_id, n in r.nodes.items():
            if node_id == ROOT_ID:
                continue
            row = got[(r.region, node_id)]
            assert (row["得分"], row["满分"]) == (number(cs, n.points), number(cs, n.max))
            share = node_ratio(n)
            assert row["得分率"] == (
                None if share is None else pytest.approx(float(share), abs=1e-4)
            )
            # 失分 is the engine's: core nodes only (a bonus not earned is not a loss)
            expected = losses.get(node_id) if n.status != "na" else None
            assert row["失分"] == (None if expected is None else number(cs, expected))


def test_detail_keeps_the_hierarchy_as_outline_levels_and_indentation(wb: Any, scored: Any) -> None:
    cs = scored[0]
    ws = wb["明细"]
    for i, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        depth = cs.nodes[row[3]].depth
        assert ws.row_dimensions[i].outlineLevel == depth - 1, row[3]
        assert row[4] == "  " * (depth - 1) + cs.nodes[row[3]].name


def test_detail_status_is_in_chinese(wb: Any) -> None:
    statuses = {row["状态"] for row in table(wb["明细"])}
    assert statuses <= {"已评分", "未评分", "不适用", "错误"} and "已评分" in statuses
    assert "不适用" in statuses  # the optional leaf filled with 是 in 不适用


def test_evidence_urls_and_relative_paths_are_hyperlinks(export: Path) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(export)["明细"]
    col = [c.value for c in ws[1]].index("佐证材料") + 1
    cells = [ws.cell(i, col) for i in range(2, ws.max_row + 1) if ws.cell(i, col).value]
    assert cells, "the filled form has evidence"
    # the form gives two items (a path and a URL) per leaf: a cell of several stays text
    assert all(";" in str(c.value) for c in cells)


def test_a_single_url_or_path_becomes_a_link(scored: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from assessor.model import Entry

    cs, _, assessments = scored
    a = assessments[0].model_copy(deep=True)
    rid = next(iter(a.entries))
    leaves = list(a.entries[rid])
    for leaf, evidence in zip(
        leaves[:2], ["https://example.org/证明", "佐证/材料 1.pdf"], strict=True
    ):
        old = a.entries[rid][leaf][0]
        a.entries[rid][leaf] = [Entry(**(old.model_dump() | {"evidence": (evidence,)}))]
    out = write_export(tmp_path / "links.xlsx", cs, score(cs, [a]))
    ws = load_workbook(out)["明细"]
    col = [c.value for c in ws[1]].index("佐证材料") + 1
    by_id = {
        ws.cell(i, 4).value: ws.cell(i, col)
        for i in range(2, ws.max_row + 1)
        if ws.cell(i, 2).value == rid
    }
    assert by_id[leaves[0]].hyperlink.target.startswith("https://example.org/")
    assert by_id[leaves[1]].value == '=HYPERLINK("佐证/材料 1.pdf","佐证/材料 1.pdf")'


def test_entries_sheet_lists_each_raw_entry_with_its_evaluator(wb: Any, scored: Any) -> None:
    _, _, assessments = scored
    rows = table(wb["填报"])
    count = sum(len(es) for a in assessments for ls in a.entries.values() for es in ls.values())
    assert len(rows) == count
    assert {r["评估人"] for r in rows} == {"张三"}


def test_csv_export_is_the_detail_table(scored: Any, wb: Any, tmp_path: Path) -> None:
    cs, results, _ = scored
    out = write_export(tmp_path / "明细.csv", cs, results)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    xlsx = table(wb["明细"])
    assert len(rows) == len(xlsx)
    assert [(r["编号"], r["得分"]) for r in rows] == [
        (x["编号"], "" if x["得分"] is None else str(x["得分"])) for x in xlsx
    ]


def test_libreoffice_reads_the_export_and_its_csv_shows_the_totals(
    export: Path, scored: Any, tmp_path: Path
) -> None:
    cs, results, _ = scored
    out = soffice_convert(export, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path / "lo")
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    totals = {row["地区编码"]: float(row["总分"]) for row in rows}
    assert totals == {r.region: float(display(cs, r.total)) for r in results}
