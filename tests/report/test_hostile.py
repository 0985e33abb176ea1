"""Hostile names, comments and evidence show as text; nothing outside the allowed folders is read."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assessor.report import context as rc
from assessor.scoring import CompiledSet, explain_lines, score
from tests.report.conftest import build_assessments

IMG = '<img src="file:///etc/passwd">'
STYLE = "<style>@import url(http://127.0.0.1:9/evil.css); body{display:none}</style>"
NAME = "<b>东昌府区</b><script>alert(1)</script>"
META = rc.ReportMeta(date="2024-03-01", fingerprint="0" * 64)


@pytest.fixture(scope="module")
def hostile(compiled: CompiledSet, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    workspace = tmp_path_factory.mktemp("ws")
    assessments = build_assessments(
        comments={("371502", "D1-01"): IMG, ("371502", "D1-02"): STYLE},
        evidence={("371502", "D1-01"): ("../../etc/passwd", "file:///etc/passwd")},
        names={"371502": NAME},
    )
    results = score(compiled, assessments)
    return {"results": results, "workspace": workspace}


@pytest.fixture(scope="module")
def county_html(compiled: CompiledSet, hostile: dict[str, Any], renderer: Any) -> str:
    ctx = rc.county_context(
        compiled,
        hostile["results"],
        "371502",
        "2024-02",
        META,
        renderer.font_family,
        explain=explain_lines,
        evidence_root=hostile["workspace"],
    )
    return str(renderer.html("county", ctx))


@pytest.fixture(scope="module")
def county_text(
    county_html: str,
    renderer: Any,
    tmp_path_factory: pytest.TempPathFactory,
    pdftotext: Callable[..., str],
) -> str:
    out = renderer.pdf(county_html)
    return pdftotext(out.pdf, tmp_path_factory.mktemp("pdf"))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_comment_html_is_escaped(county_html: str) -> None:
    assert IMG not in county_html and "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in county_html


def test_style_in_comment_is_escaped(county_html: str) -> None:
    assert "<style>@import" not in county_html


def test_region_name_markup_is_escaped(county_html: str) -> None:
    assert "<script>" not in county_html and "&lt;script&gt;" in county_html


def test_comment_shows_as_text_in_pdf(county_text: str) -> None:
    assert _flat(IMG) in _flat(county_text)


def test_style_comment_shows_as_text_and_hides_nothing(county_text: str) -> None:
    text = _flat(county_text)
    assert (
        "@importurl(http://127.0.0.1:9/evil.css)" in text and "公共交通乘车电子支付使用率" in text
    )


def test_passwd_is_never_read(county_text: str) -> None:
    assert "root:x:0:0" not in county_text


def test_evidence_outside_workspace_is_flagged_not_read(county_text: str) -> None:
    text = _flat(county_text)
    assert "../../etc/passwd（路径不在工作区内，未读取）" in text


def test_fetcher_refuses_hostile_template_resources(
    compiled: CompiledSet, hostile: dict[str, Any], tmp_path: Path
) -> None:
    """A template (or a future escaping bug) asking for outside files or the network gets nothing."""
    from assessor.report.render import Renderer, RenderOptions

    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "bulletin.html").write_text(
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>'
        '<img src="file:///etc/passwd"><img src="../../../../etc/hostname"><p>通报</p></body></html>',
        encoding="utf-8",
    )
    r = Renderer(RenderOptions(template_dir=tpl, roots=[hostile["workspace"]]))
    out = r.render("bulletin", rc.bulletin_context(compiled, hostile["results"], "2024-02", META))
    assert out.pages == 1
    assert sorted(u.split(":")[0] for u in r.policy.refused) == ["file", "file", "http"]


def test_template_override_takes_precedence(
    compiled: CompiledSet, hostile: dict[str, Any], tmp_path: Path
) -> None:
    from assessor.report.render import Renderer, RenderOptions

    (tmp_path / "bulletin.html").write_text("<p>自定义模板 {{ count }}</p>", encoding="utf-8")
    r = Renderer(RenderOptions(template_dir=tmp_path))
    html = r.html("bulletin", rc.bulletin_context(compiled, hostile["results"], "2024-02", META))
    assert html.strip() == "<p>自定义模板 3</p>"
