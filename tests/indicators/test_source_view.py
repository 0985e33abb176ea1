"""The set view and the report appendix show each indicator's sources in the same words."""

from __future__ import annotations

from assessor.loader import load_set
from assessor.model.indicator_set import SourceRef
from assessor.model.sources import effective_sources, source_line
from assessor.report.context import _set_info
from assessor.scoring.compiled import compile_checked
from assessor.tui.screens.indicator_set import node_text
from tests.indicators.common import set_path


def test_a_quote_reads_with_its_document_and_what_it_backs() -> None:
    ref = SourceRef(doc="000_x.txt", quote="扩容到10PB", **{"for": ["name", "target"]})
    assert source_line(ref) == "「扩容到10PB」— 000_x.txt（名称、目标）"
    assert source_line(ref, "en") == "「扩容到10PB」— 000_x.txt (name, target)"


def test_an_illustrative_number_reads_with_why() -> None:
    ref = SourceRef(doc="示例", why="文件未规定分值", **{"for": ["points"]})
    assert source_line(ref) == "示例：文件未规定分值（分值）"


def test_a_group_source_without_for_speaks_for_its_indicators() -> None:
    s = load_set(set_path("sd-community-2020"))
    refs = effective_sources(s.tree)
    assert refs["C1-01"] == refs["C1"] and refs["C1"][0].illustrative


def test_a_group_source_for_its_points_stays_on_the_group() -> None:
    s = load_set(set_path("liaocheng-2021"))
    refs = effective_sources(s.tree)
    assert [r.for_ for r in refs["LC2"]] == [["points"]]
    assert [r.for_ for r in refs["LC2-02"]] == [["name", "target"], ["points"]]


def test_the_set_view_shows_the_quote() -> None:
    cs = compile_checked(load_set(set_path("liaocheng-2021")))
    text = node_text(cs, "LC3-02", "zh").plain
    assert "出处" in text
    assert "「对现有政务云资源扩容到10PB」— 000_c7d8e663d1c0867f.txt（名称、目标）" in text
    assert "示例：文件未规定分值和计分方式（分值）" in text


def test_the_report_appendix_lists_every_indicator_of_a_bundled_set() -> None:
    cs = compile_checked(load_set(set_path("qingdao-2024")))
    rows = _set_info(cs)["sources"]
    assert [r["id"] for r in rows] == [cn.id for cn in cs.leaves]
    qd501 = next(r for r in rows if r["id"] == "QD5-01")
    assert qd501["lines"][0].startswith("「开展算力提质增量行动,推动智能算力占比达到30%」")
