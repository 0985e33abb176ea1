"""The 周亮晒 section of the bulletin: the engine's standings, only formatted."""

from __future__ import annotations

from pathlib import Path

from assessor.loader import load_entries, load_set
from assessor.report import context as rc
from assessor.report.context import ReportMeta
from assessor.scoring import compile_checked, score

ROOT = Path(__file__).resolve().parents[2]


def test_a_rank_points_set_gets_the_liangshai_section_with_moves() -> None:
    cs = compile_checked(load_set(ROOT / "indicators" / "shaoxing-2021-county.yaml"))
    files = sorted((ROOT / "samples" / "shaoxing-2021-county").glob("2021-W*-sjj.yaml"))[:10]
    assessments = load_entries(files, cs.set)
    results = score(cs, assessments)
    ctx = rc.bulletin_context(cs, results, "2021-W10", ReportMeta())
    board = ctx["liangshai"]
    assert board["unit_label"] == "区、县(市)"
    assert board["dimensions"] == [
        "业务应用成熟度",
        "应用支撑整合度",
        "公共数据共享度",
        "基础设施融合度",
    ]
    first = board["rows"][0]
    assert first["name"] == ctx["rows"][0]["region"]  # the same order as the ranking
    assert first["total"]["rank"] == "1" and first["rank_points"] == "100.00"
    moves = {c["move"] for row in board["rows"] for c in row["dims"]}
    assert moves - {"—"}  # some dimension ranks moved since W09
    assert all(c["move"] != "新" for row in board["rows"] for c in row["dims"])


def test_a_set_without_rank_points_has_no_liangshai_section(compiled, results) -> None:  # type: ignore[no-untyped-def]
    ctx = rc.bulletin_context(compiled, results, "2024-02", ReportMeta())
    assert ctx["liangshai"] is None
