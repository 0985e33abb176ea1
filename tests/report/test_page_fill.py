"""Layout that holds (issue 15), for every bundled set and every report type in Chinese,
measured on WeasyPrint's layout of the report as it is written (cover and 目录 included;
tests/report/pagefill.py): no page under a quarter full except the last (a forced page break
before a short section left pages 75 % blank), nothing past the right margin (the signature
date ran into it; a year of weeks made the trend table three pages wide), and a rating printed
on one line in the ranking and the bulletin (五星级（标杆型） wrapped as 五星级(标杆/型))."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from assessor.report import context as rc
from assessor.report.render import Renderer, RenderOptions
from assessor.report.templating import official
from assessor.scoring import explain_lines, score
from tests.report.pagefill import cell_lines, fills, overflowing, stretched
from tests.report.test_official_text import KINDS, META, SETS, bundled

QUARTER = 0.25


@cache
def renderer() -> Renderer:
    return Renderer(RenderOptions())


@dataclass(frozen=True)
class Measured:
    fills: list[float]
    overflowing: list[tuple[int, list[str]]]
    cells: list[list[str]]  # every table cell's laid-out lines
    stretched: list[tuple[int, list[str]]]  # text with widened spaces, by page


@cache
def measured(set_id: str, kind: str) -> Measured:
    """One layout per report, measured once for all the tests below."""
    r = renderer()
    document = r.document(kind, context(r, set_id, kind))
    return Measured(
        fills(document),
        [(i + 1, o) for i, p in enumerate(document.pages) if (o := overflowing(p))],
        [lines for p in document.pages for lines in cell_lines(p)],
        [(i + 1, s) for i, p in enumerate(document.pages) if (s := stretched(p))],
    )


def context(renderer: Renderer, set_id: str, kind: str) -> dict[str, Any]:
    """The report the other official-form tests read: the latest period, its first region."""
    cs, assessments, _ = bundled(set_id)
    results = [r for a in assessments for r in score(cs, a)]
    period = max(r.period for r in results)
    region = min(r.region for r in results if r.period == period)
    if kind == "county":
        return rc.county_context(cs, results, region, period, META, renderer.font_family,
                                 explain=explain_lines)  # fmt: skip
    if kind == "ranking":
        return rc.ranking_context(cs, results, period, META, renderer.font_family)
    return rc.bulletin_context(cs, results, period, META)


def test_the_measure_tells_a_stranded_line_from_a_full_page() -> None:
    lines = "".join(f"<p>第 {i} 行</p>" for i in range(80))
    html = f"<p>一行</p><p style='break-before: page'>另一页</p>{lines}"
    measured = fills(renderer()._layout(html))
    assert measured[0] < 0.1
    assert measured[1] > 0.9


def test_the_measure_finds_what_runs_past_the_margin() -> None:
    html = "<p>页内</p><p style='width: 200mm; white-space: nowrap'>很长的一行" + "字" * 60 + "</p>"
    assert overflowing(renderer()._layout(html).pages[0]) != []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("set_id", SETS)
def test_no_page_but_the_last_is_under_a_quarter_full(set_id: str, kind: str) -> None:
    filled = measured(set_id, kind).fills
    low = [f"p{i + 1} {f:.0%}" for i, f in enumerate(filled[:-1]) if f < QUARTER]
    assert not low, f"{set_id} {kind}: pages under a quarter full: {low} of {len(filled)}"


def test_the_measure_finds_a_line_justified_at_its_spaces() -> None:
    text = "本项失 1.50 分，" + "主要原因是平台覆盖不足" * 6
    html = f"<p style='text-align: justify; width: 120mm'>{text}</p>"
    assert stretched(renderer()._layout(html).pages[0]) != []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("set_id", SETS)
def test_no_line_is_justified_by_widening_its_spaces(set_id: str, kind: str) -> None:
    assert not measured(set_id, kind).stretched, f"{set_id} {kind}: (page, text)"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("set_id", SETS)
def test_nothing_runs_past_the_right_margin(set_id: str, kind: str) -> None:
    assert not measured(set_id, kind).overflowing, f"{set_id} {kind}: (page, text)"


@pytest.mark.parametrize("kind", ["ranking", "bulletin"])
@pytest.mark.parametrize("set_id", SETS)
def test_a_rating_fits_on_one_line_of_its_column(set_id: str, kind: str) -> None:
    cs = bundled(set_id)[0]
    labels = [official(g.label) for g in cs.set.rating.grades] if cs.set.rating else []
    wrapped = [
        lines
        for lines in measured(set_id, kind).cells
        for label in labels
        if "".join(lines).startswith(label) and not lines[0].startswith(label)
    ]
    assert not wrapped, f"{set_id} {kind}: {wrapped[:3]}"
