"""No page under a quarter full except the last (issue 15), for every bundled set and every
report type in Chinese: measured on WeasyPrint's layout of the report as it is written (cover and
目录 included), each page's content reaching down from the top of its content area
(tests/report/pagefill.py). A forced page break before a short section, a chart that cannot
fit, or a row kept with the next one are what used to leave pages 75 % blank."""

from __future__ import annotations

from typing import Any

import pytest

from assessor.report import context as rc
from assessor.report.render import Renderer, RenderOptions
from assessor.scoring import explain_lines, score
from tests.report.pagefill import fills
from tests.report.test_official_text import KINDS, META, SETS, bundled

QUARTER = 0.25


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(RenderOptions())


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


def test_the_measure_tells_a_stranded_line_from_a_full_page(renderer: Renderer) -> None:
    lines = "".join(f"<p>第 {i} 行</p>" for i in range(80))
    html = f"<p>一行</p><p style='break-before: page'>另一页</p>{lines}"
    measured = fills(renderer._layout(html))
    assert measured[0] < 0.1
    assert measured[1] > 0.9


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("set_id", SETS)
def test_no_page_but_the_last_is_under_a_quarter_full(
    renderer: Renderer, set_id: str, kind: str
) -> None:
    measured = fills(renderer.document(kind, context(renderer, set_id, kind)))
    low = [f"p{i + 1} {f:.0%}" for i, f in enumerate(measured[:-1]) if f < QUARTER]
    assert not low, f"{set_id} {kind}: pages under a quarter full: {low} of {len(measured)}"
