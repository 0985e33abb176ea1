"""Reports read as official Chinese documents (issue 15): for every bundled set with samples and
every report type, the printed text has no YAML key or other stray ASCII word, no half-width
`:` `(` `)` touching Chinese, and no long number that is not marked ≈.

The text checked is the HTML the PDF is made from, tags and styles removed (WeasyPrint prints
exactly that text; tests/report/test_pdf.py reads PDFs back for the layout); one PDF per report
type is read back below to show the two agree.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from assessor.loader import load_set
from assessor.loader.entries import load_entries
from assessor.model import Assessment
from assessor.report import context as rc
from assessor.report.render import Renderer, RenderOptions
from assessor.scoring import CompiledSet, compile_checked, explain_lines, score

ROOT = Path(__file__).resolve().parents[2]
SETS = sorted(
    p.stem for p in (ROOT / "indicators").glob("*.yaml") if (ROOT / "samples" / p.stem).is_dir()
)
KINDS = ("county", "ranking", "bulletin")
META = rc.ReportMeta(date="2026-01-01", organisation="某市大数据局（示例）", sample=True)

#: The tool's own ASCII words a Chinese report may print: the fingerprint's name, its format.
TOOL_WORDS = {"SHA", "JSON", "assessor"}
#: Keys of a set (and of entries) whose values are the set's or an evaluator's own text.
TEXT_KEYS = {
    "id", "name", "label", "description", "guidance", "unit", "source", "scope", "title",
    "note", "text", "quote", "doc", "document", "section", "version", "url", "comment",
    "evidence", "path", "yes_label", "no_label", "region", "group", "evaluator", "why",
}  # fmt: skip
#: Addresses print as written: a URL or a file path is not a word of the report.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+(?:/[\w.-]+)+")
CJK = "\u3400-\u9fff"
WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
NUMBER = re.compile(r"(≈)?(?<![\d.])\d+\.(\d+)")


@cache
def bundled(set_id: str) -> tuple[CompiledSet, tuple[Assessment, ...], str]:
    s = load_set(ROOT / "indicators" / f"{set_id}.yaml")
    files = sorted((ROOT / "samples" / set_id).glob("*.yaml"))
    assessments = tuple(load_entries(files, s))
    own: list[str] = []
    _collect(s.model_dump(mode="json", by_alias=True), own)
    for a in assessments:
        _collect(a.model_dump(mode="json"), own)
    return compile_checked(s), assessments, " ".join(own)


def _collect(o: Any, out: list[str], key: str | None = None) -> None:
    if isinstance(o, dict):
        for k, v in o.items():
            _collect(v, out, k)
    elif isinstance(o, list):
        for v in o:
            _collect(v, out, key)
    elif isinstance(o, str) and key in TEXT_KEYS:
        out.append(o)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(RenderOptions())


def report_text(renderer: Renderer, set_id: str, kind: str) -> str:
    cs, assessments, _ = bundled(set_id)
    results = [r for a in assessments for r in score(cs, a)]
    period = max(r.period for r in results)
    region = min(r.region for r in results if r.period == period)
    if kind == "county":
        ctx = rc.county_context(cs, results, region, period, META, renderer.font_family,
                                explain=explain_lines)  # fmt: skip
    elif kind == "ranking":
        ctx = rc.ranking_context(cs, results, period, META, renderer.font_family)
    else:
        ctx = rc.bulletin_context(cs, results, period, META)
    page = re.sub(r"<head>.*?</head>|<style.*?</style>", "", renderer.html(kind, ctx), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("set_id", SETS)
def test_no_ascii_word_but_the_sets_own_text(renderer: Renderer, set_id: str, kind: str) -> None:
    own = bundled(set_id)[2]
    words = set(WORD.findall(ADDRESS.sub(" ", report_text(renderer, set_id, kind))))
    stray = sorted(w for w in words - TOOL_WORDS if w not in own)
    assert not stray, f"{set_id} {kind}: words that are neither the set's nor the tool's: {stray}"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("set_id", SETS)
def test_no_half_width_punctuation_touches_chinese(
    renderer: Renderer, set_id: str, kind: str
) -> None:
    text = report_text(renderer, set_id, kind)
    found = re.findall(rf".{{0,8}}(?:[{CJK}][:()]|\((?=[{CJK}])).{{0,8}}", text)
    assert not found, f"{set_id} {kind}: {found[:5]}"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("set_id", SETS)
def test_no_number_longer_than_the_sets_digits_unless_marked_or_exact_arithmetic(
    renderer: Renderer, set_id: str, kind: str
) -> None:
    """A figure a reader quotes has the set's digits; the arithmetic of an explanation (a line
    with → or =) may show exact values to four places so it can be checked by hand, and its
    计算 line to six; anything cut is marked ≈ and has at most four places."""
    cs, _, own = bundled(set_id)
    wrong = []
    for line in report_text(renderer, set_id, kind).splitlines():
        checked = line.strip().startswith("计算")
        arithmetic = "→" in line or "=" in line
        for m in NUMBER.finditer(line):
            marked, decimals = m.group(1), m.group(2)
            if len(decimals) <= cs.digits or m.group(0) in own:
                continue
            if len(decimals) <= 4 and (marked or arithmetic):
                continue
            if checked and not marked and len(decimals) <= 6:
                continue
            wrong.append(f"{m.group(0)} in {line.strip()[:80]}")
    assert not wrong, f"{set_id} {kind}: {wrong[:5]}"


def test_the_pdf_prints_the_text_checked(
    renderer: Renderer, pdftotext: Any, tmp_path: Path
) -> None:
    cs, assessments, _ = bundled("sd-county-2020")
    results = [r for a in assessments for r in score(cs, a)]
    period = max(r.period for r in results)
    region = min(r.region for r in results if r.period == period)  # as report_text chooses
    ctx = rc.county_context(cs, results, region, period, META, renderer.font_family,
                            explain=explain_lines)  # fmt: skip
    pdf = re.sub(r"\s+", "", pdftotext(renderer.render("county", ctx).pdf, tmp_path))
    page = renderer.html("county", ctx)
    headings = [
        html.unescape(re.sub(r"<[^>]+>", "", h))
        for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", page)
    ]
    assert len(headings) > 5
    for heading in headings:  # headings stand alone on their line: the PDF has each whole
        assert re.sub(r"\s+", "", heading) in pdf, heading


def test_a_report_over_eight_pages_opens_with_a_toc_whose_numbers_are_the_pages(
    renderer: Renderer, pdftotext: Any, tmp_path: Path
) -> None:
    cs, assessments, _ = bundled("sd-county-2020")
    results = [r for a in assessments for r in score(cs, a)]
    ctx = rc.county_context(cs, results, "371502", "2021", META, renderer.font_family,
                            explain=explain_lines)  # fmt: skip
    out = renderer.render("county", ctx)
    pages = pdftotext(out.pdf, tmp_path).split("\f")
    assert "目录" in re.sub(r"\s+", "", pages[1])  # right after the cover
    entries = re.findall(r"^(\S.*?)[\s·]+(\d+)$", pages[1], flags=re.M)  # label ···· page
    assert len(entries) >= 5
    for label, number in entries:
        body = next(p for p in pages[2:] if re.search(rf"—\s*{number}\s*—", p))
        assert label.replace(" ", "") in re.sub(r"[ \t]+", "", body), (label, number)


def test_a_short_report_has_no_toc(renderer: Renderer, pdftotext: Any, tmp_path: Path) -> None:
    cs, assessments, _ = bundled("luozhuang-2021")
    results = [r for a in assessments for r in score(cs, a)]
    period = max(r.period for r in results)
    region = min(r.region for r in results if r.period == period)
    out = renderer.render("bulletin", rc.bulletin_context(cs, results, period, META))
    assert "目录" not in re.sub(r"\s+", "", pdftotext(out.pdf, tmp_path))
    ctx = rc.county_context(cs, results, region, period, META, renderer.font_family,
                            explain=explain_lines)  # fmt: skip
    county = renderer.render("county", ctx)
    assert county.pages - 1 <= 8 and "目录" not in re.sub(
        r"\s+", "", pdftotext(county.pdf, tmp_path)
    )


def test_a_users_template_without_toc_only_still_gets_only_its_toc(
    renderer: Renderer, tmp_path: Path
) -> None:
    """A county.html of the user's (--template-dir) that knows nothing of `toc_only` lays out
    its whole report for the 目录: only the pages before its first heading are taken."""
    county = (ROOT / "templates" / "county.html").read_text("utf-8")
    (tmp_path / "county.html").write_text(county.replace("toc_only | default(false)", "false"))
    cs, assessments, _ = bundled("sd-county-2020")
    results = [r for a in assessments for r in score(cs, a)]
    ctx = rc.county_context(cs, results, "371502", "2021", META, renderer.font_family,
                            explain=explain_lines)  # fmt: skip
    own = Renderer(RenderOptions(template_dir=tmp_path), fonts=renderer.fonts)
    assert own.render("county", ctx).pages == renderer.render("county", ctx).pages
