"""Rendered PDFs: the engine's numbers and Chinese names in the text, fonts embedded and subset.

Text comes from `pdftotext` (poppler-utils); numbers are compared with `result_to_json`.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assessor.model import RegionResult
from assessor.report import context as rc
from assessor.scoring import CompiledSet, explain_lines, result_to_json

META = rc.ReportMeta(
    organisation="聊城市大数据局",
    doc_number="聊数评〔2024〕2号",
    date="2024-03-01",
    fingerprint="ab" * 32,
)


@pytest.fixture(scope="module")
def county(compiled: CompiledSet, results: list[RegionResult], renderer: Any) -> Any:
    ctx = rc.county_context(
        compiled, results, "371502", "2024-02", META, renderer.font_family, explain=explain_lines
    )
    return renderer.render("county", ctx)


@pytest.fixture(scope="module")
def ranking(compiled: CompiledSet, results: list[RegionResult], renderer: Any) -> Any:
    return renderer.render(
        "ranking", rc.ranking_context(compiled, results, "2024-02", META, renderer.font_family)
    )


@pytest.fixture(scope="module")
def bulletin(compiled: CompiledSet, results: list[RegionResult], renderer: Any) -> Any:
    return renderer.render("bulletin", rc.bulletin_context(compiled, results, "2024-02", META))


def _doc(compiled: CompiledSet, results: list[RegionResult], region: str) -> dict[str, Any]:
    r = next(x for x in results if x.region == region and x.period == "2024-02")
    return result_to_json(compiled, r)


def _number(x: float | int) -> str:
    return f"{x:.2f}"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_county_text_has_region_total_and_rating(
    county: Any,
    compiled: CompiledSet,
    results: list[RegionResult],
    pdftotext: Callable[..., str],
    tmp_path: Path,
) -> None:
    doc = _doc(compiled, results, "371502")
    text = pdftotext(county.pdf, tmp_path)
    assert "东昌府区" in text and _number(doc["total"]) in text and doc["rating"]["label"] in text


def test_county_text_has_every_indicator_name(
    county: Any, compiled: CompiledSet, pdftotext: Callable[..., str], tmp_path: Path
) -> None:
    text = _flat(pdftotext(county.pdf, tmp_path))
    assert all(_flat(cn.name) in text for cn in compiled.leaves)


def test_county_text_has_dimension_points(
    county: Any,
    compiled: CompiledSet,
    results: list[RegionResult],
    pdftotext: Callable[..., str],
    tmp_path: Path,
) -> None:
    doc = _doc(compiled, results, "371502")
    text = pdftotext(county.pdf, tmp_path)
    assert all(_number(doc["nodes"][d]["points"]) in text for d in ("D1", "D2", "D3"))


def test_county_text_has_comment_evidence_and_explanation(
    county: Any, pdftotext: Callable[..., str], tmp_path: Path
) -> None:
    text = _flat(pdftotext(county.pdf, tmp_path))
    assert "已实现公交全覆盖" in text and "docs/d1-01.pdf" in text and "规则" in text


def test_county_sections(county: Any, pdftotext: Callable[..., str], tmp_path: Path) -> None:
    text = _flat(pdftotext(county.pdf, tmp_path))
    assert "一、总体情况" in text and "附录" in text


def test_county_pages_are_numbered_in_official_form_from_the_first_body_page(
    county: Any, pdftotext: Callable[..., str], tmp_path: Path
) -> None:
    pages = [_flat(p) for p in pdftotext(county.pdf, tmp_path).split("\f")[: county.pages]]
    assert "—" not in pages[0].replace("——", "")  # the cover carries no page number
    assert pages[1].endswith("—1—") and pages[-1].endswith(f"—{county.pages - 1}—")


def test_county_page_count_within_bounds(county: Any) -> None:
    assert 5 <= county.pages <= 12  # 5 indicators: cover, summary, charts, details, appendix


def test_county_metadata(county: Any) -> None:
    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(county.pdf)).metadata
    assert info is not None
    assert (info.title, info.author) == ("东昌府区2024年2月评估报告", "聊城市大数据局")
    assert "五星级" in (info.subject or "") or "星级" in (info.subject or "")


def test_county_bookmarks_follow_headings(county: Any) -> None:
    from pypdf import PdfReader

    titles = [o.title for o in PdfReader(io.BytesIO(county.pdf)).outline if not isinstance(o, list)]
    assert titles[:2] == ["一、总体情况", "二、分维度得分"]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_fonts_embedded_and_subset(county: Any, tmp_path: Path) -> None:
    path = tmp_path / "c.pdf"
    path.write_bytes(county.pdf)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in lines)


def test_county_pdf_is_small(county: Any) -> None:
    assert len(county.pdf) < 350_000


def test_ranking_lists_every_region_in_rank_order(
    ranking: Any,
    compiled: CompiledSet,
    results: list[RegionResult],
    pdftotext: Callable[..., str],
    tmp_path: Path,
) -> None:
    text = pdftotext(ranking.pdf, tmp_path)
    league = text[text.index("排名总表") :]
    feb = sorted((r for r in results if r.period == "2024-02"), key=lambda r: r.rank or 0)
    positions = [league.index(r.name or r.region) for r in feb]
    assert positions == sorted(positions)


def test_ranking_shows_totals_as_engine(
    ranking: Any,
    compiled: CompiledSet,
    results: list[RegionResult],
    pdftotext: Callable[..., str],
    tmp_path: Path,
) -> None:
    text = pdftotext(ranking.pdf, tmp_path)
    assert all(
        _number(_doc(compiled, results, r.region)["total"]) in text
        for r in results
        if r.period == "2024-02"
    )


def test_ranking_has_all_parts(ranking: Any, pdftotext: Callable[..., str], tmp_path: Path) -> None:
    text = pdftotext(ranking.pdf, tmp_path)
    assert all(h in text for h in ("评级分布", "热力图", "领先地区", "趋势"))


def test_bulletin_fits_two_pages(bulletin: Any) -> None:
    assert bulletin.pages <= 2


def test_bulletin_shows_arrows_and_the_ratings_when_grades_have_no_colour(
    bulletin: Any, pdftotext: Callable[..., str], tmp_path: Path
) -> None:
    text = pdftotext(bulletin.pdf, tmp_path)
    assert ("↑" in text or "↓" in text) and "月通报" in text
    assert "绿灯" not in text and "评级：" in text


def test_sample_mark_on_every_page(
    compiled: CompiledSet,
    results: list[RegionResult],
    renderer: Any,
    pdftotext: Callable[..., str],
    tmp_path: Path,
) -> None:
    meta = rc.ReportMeta(date="2024-03-01", sample=True, sample_note="示例数据（虚构）")
    out = renderer.render(
        "ranking", rc.ranking_context(compiled, results, "2024-02", meta, renderer.font_family)
    )
    pages = pdftotext(out.pdf, tmp_path).split("\f")[: out.pages]
    assert all("示例数据" in page for page in pages)


def test_pdfa_variant(
    compiled: CompiledSet, results: list[RegionResult], pdftotext: Callable[..., str]
) -> None:
    from assessor.report.render import Renderer, RenderOptions

    r = Renderer(RenderOptions(pdfa=True))
    out = r.render("bulletin", rc.bulletin_context(compiled, results, "2024-02", META))
    from pypdf import PdfReader

    root = PdfReader(io.BytesIO(out.pdf)).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfaid:part>3<" in xmp or b'pdfaid:part="3"' in xmp


def test_same_input_same_bytes(
    compiled: CompiledSet, results: list[RegionResult], renderer: Any
) -> None:
    ctx = rc.bulletin_context(compiled, results, "2024-02", META)
    assert renderer.render("bulletin", ctx).pdf == renderer.render("bulletin", ctx).pdf


@pytest.fixture(scope="module")
def gbt() -> tuple[CompiledSet, Any, list[RegionResult]]:
    """GB/T 33356-2016 and its samples: groups under dimensions and many indicators losing points."""
    from assessor.loader import load_entries, load_set
    from assessor.scoring import compile_checked, score

    root = Path(__file__).resolve().parents[2]
    indicator_set = load_set(root / "indicators" / "gbt33356-2016.yaml")
    cs = compile_checked(indicator_set)
    samples = sorted((root / "samples" / "gbt33356-2016").glob("*.yaml"))
    assessment = load_entries(samples, indicator_set)[0]
    return cs, assessment, score(cs, assessment)


def test_indicator_groups_are_third_level_bookmarks(renderer: Any, gbt: Any) -> None:
    """GB/T 33356 has groups under its dimensions: each is a shaded table row and a bookmark."""
    from pypdf import PdfReader

    from assessor.scoring.compiled import ROOT

    cs, assessment, results = gbt
    region = results[0].region
    ctx = rc.county_context(
        cs, results, region, assessment.period, META, renderer.font_family, explain=explain_lines
    )
    outline = PdfReader(io.BytesIO(renderer.render("county", ctx).pdf)).outline
    details = outline[outline.index(next(o for o in outline if "指标得分明细" in o.title)) + 1]
    third = [o.title for sub in details if isinstance(sub, list) for o in sub]
    first_dim = cs.nodes[ROOT].children[0]
    groups = [cs.nodes[c].name for c in cs.nodes[first_dim].children if not cs.nodes[c].leaf]
    assert groups and all(any(g in t for t in third) for g in groups)


def test_an_indicator_not_scored_says_so_where_its_points_would_be(
    compiled: CompiledSet, renderer: Any, pdftotext: Callable[..., str], tmp_path: Path
) -> None:
    from assessor.scoring import score
    from tests.report.conftest import build_assessments

    assessments = build_assessments()
    del assessments[-1].entries["371502"]["D3-01"]  # 5G网络覆盖率 not entered this period
    results = score(compiled, assessments)
    ctx = rc.county_context(compiled, results, "371502", "2024-02", META, renderer.font_family)
    lines = pdftotext(renderer.render("county", ctx).pdf, tmp_path).splitlines()
    row = next(line for line in lines if "D3-01" in line)
    assert "5G网络覆盖率" in row and "未填报" in row


def test_points_lost_lists_the_fifteen_largest_and_points_to_the_rest(
    renderer: Any, gbt: Any
) -> None:
    cs, assessment, results = gbt
    ctx = rc.county_context(cs, results, results[0].region, assessment.period, META, "serif")
    assert len(ctx["lost"]) > 15
    html = renderer.html("county", ctx)
    section = html[html.index("失分情况") : html.index("晋级路径")]
    assert section.count("<tr>") == 1 + 15  # header and the 15 largest
    assert f"其余 {len(ctx['lost']) - 15} 项见第三部分明细" in section
    assert ctx["lost"][0]["name"] in section and ctx["lost"][15]["name"] not in section


def test_county_report_ends_with_conclusion_problems_and_suggestions_from_the_engine(
    compiled: CompiledSet,
    results: list[RegionResult],
    county: Any,
    pdftotext: Callable[..., str],
    tmp_path: Path,
) -> None:
    from assessor.scoring.figures import figures
    from assessor.scoring.findings import findings

    period = [x for x in results if x.period == "2024-02"]
    r = next(x for x in period if x.region == "371502")
    fd = findings(figures(compiled, r, period))
    text = _flat(pdftotext(county.pdf, tmp_path))
    section = text[text.index("评估结论、主要问题与整改建议") :]
    assert "（一）评估结论" in section and "（三）整改建议" in section
    assert fd.largest_losses, "the sample region loses points somewhere"
    for loss in fd.largest_losses:
        assert f"{loss.name}（失{compiled.round(loss.lost)}分" in section


def test_bulletin_is_in_official_form_with_issue_number_addressees_and_colophon(
    compiled: CompiledSet,
    results: list[RegionResult],
    renderer: Any,
    pdftotext: Callable[..., str],
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    meta = replace(
        META,
        organisation="聊城市大数据局",
        recipients=("各县（市、区）大数据局",),
        copies=("市政府办公室",),
    )
    pdf = renderer.render("bulletin", rc.bulletin_context(compiled, results, "2024-02", meta)).pdf
    text = _flat(pdftotext(pdf, tmp_path))
    assert "第2期" in text  # February's bulletin is the year's second
    assert "各县（市、区）大数据局：" in text
    assert "抄送：市政府办公室。" in text
    assert "聊城市大数据局2024年3月1日印发" in text
    assert "2024-03-01" not in text


def test_reports_are_tagged_pdf_in_chinese(county: Any) -> None:
    """Tagged (pdf_tags): a screen reader reads it aloud and a viewer can reflow it."""
    import pypdf

    root = pypdf.PdfReader(io.BytesIO(county.pdf)).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert root["/Lang"] == "zh-CN"


def test_a_long_comment_is_cut_in_the_table_and_printed_whole_in_an_appendix(
    compiled: CompiledSet,
    results: list[RegionResult],
    renderer: Any,
    pdftotext: Callable[..., str],
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    long = "".join(f"第{i}条意见：该指标佐证材料不完整，需补充。" for i in range(300))
    period = [r for r in results if r.period == "2024-02"]
    r = next(x for x in period if x.region == "371502")
    leaf = next(n for n in r.nodes.values() if n.leaf)
    nodes = {**r.nodes, leaf.id: replace(leaf, comment=long)}
    changed = [replace(r, nodes=nodes) if x is r else x for x in results]
    ctx = rc.county_context(compiled, changed, "371502", "2024-02", META, renderer.font_family,
                            explain=explain_lines)  # fmt: skip
    out = renderer.render("county", ctx)
    pages = [_flat(p) for p in pdftotext(out.pdf, tmp_path).split("\f")]
    cut = next(i for i, p in enumerate(pages) if "全文见附录“评估意见全文”" in p)
    appendix = next(i for i, p in enumerate(pages) if i > cut and "附录评估意见全文" in p)
    assert "第299条意见" not in "".join(pages[:appendix])
    assert "第299条意见" in "".join(pages[appendix:])
