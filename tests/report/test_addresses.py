"""File names, URLs and ids print as written: official punctuation (half-width brackets after
Chinese become full width) is for the report's sentences, and 材料(1).pdf printed as
材料（1）.pdf names a file nobody can find (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from assessor.report import context as rc
from assessor.report.templating import make_environment, official, template_dirs
from assessor.scoring import compile_set, explain_lines, score
from assessor.text.formats import fullwidth
from tests.report.conftest import build_assessments

EVIDENCE = ("佐证材料/材料(1).pdf", "https://zwfw.example.cn/规划(2021)/附件(二).docx")


def test_evidence_file_names_and_urls_keep_their_brackets_in_the_pdf(
    indicator_set: Any, renderer: Any, pdftotext: Any, tmp_path: Path
) -> None:
    cs = compile_set(indicator_set)
    results = score(cs, build_assessments(evidence={("371502", "D1-01"): EVIDENCE}))
    ctx = rc.county_context(cs, results, "371502", "2024-02", rc.ReportMeta(date="2024-03-01"),
                            renderer.font_family, explain=explain_lines)  # fmt: skip
    text = "".join(pdftotext(renderer.render("county", ctx).pdf, tmp_path).split())
    assert "佐证材料/材料(1).pdf（未核验）" in text
    assert "https://zwfw.example.cn/规划(2021)/附件(二).docx（未核验）" in text
    assert "材料（1）" not in text and "规划（2021）" not in text


def test_the_verbatim_filter_prints_as_written_and_still_escapes() -> None:
    env = make_environment(template_dirs(None))
    page = env.from_string("{{ a }}|{{ a | verbatim }}|{{ b | verbatim }}")
    assert page.render(a="评估(一)", b="<i>甲(1)") == "评估（一）|评估(一)|&lt;i&gt;甲(1)"


def test_a_sentence_around_a_file_name_still_gets_chinese_brackets() -> None:
    assert official("见附件(详见) 材料(1).pdf(已提供)") == "见附件（详见） 材料(1).pdf（已提供）"


@given(st.text(alphabet="评估材料:;,()（） ab1"))
def test_text_without_an_address_is_punctuated_as_before(text: str) -> None:
    assert official(text) == fullwidth(text)
