"""Small pure pieces: numbering, fonts plan, fetcher policy, charts, sample detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.report import charts
from assessor.report.fetcher import FetchPolicy, FetchRefused
from assessor.report.fonts import FontError, SystemFont, plan_fonts, subset_codepoints
from assessor.report.source import detect_sample, workspace_settings
from assessor.report.templating import cn_h1, cn_h2, cn_number


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (105, "一百零五")],
)
def test_cn_number(n: int, text: str) -> None:
    assert cn_number(n) == text


def test_heading_numbers_follow_official_style() -> None:
    assert (cn_h1(3), cn_h2(2)) == ("三、", "（二）")


def test_no_chinese_font_is_a_clear_error() -> None:
    with pytest.raises(FontError, match="fonts-noto-cjk"):
        plan_fonts(fonts=[])


def test_official_face_preferred_over_noto_without_subsetting() -> None:
    fonts = [
        SystemFont(("仿宋_GB2312",), "Regular", "/nonexistent/fs.ttf", 0),
        SystemFont(("Noto Serif CJK SC",), "Regular", "/nonexistent/noto.ttc", 2),
    ]
    plan = plan_fonts(fonts=fonts, build=False)
    assert plan.body_stack[0] == "仿宋_GB2312"


def test_noto_stays_as_fallback_after_the_subset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fonts = [SystemFont(("Noto Serif CJK SC",), "Regular", "/nonexistent/noto.ttc", 2)]
    plan = plan_fonts(fonts=fonts, build=False)  # no cached subset: full Noto only
    assert "Noto Serif CJK SC" in plan.body_stack


def test_subset_covers_gb2312_but_not_rare_name_characters() -> None:
    cps = subset_codepoints()
    assert ord("聊") in cps and ord("★") in cps and ord("喆") not in cps


def test_fetcher_serves_files_inside_a_root(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"png")
    assert FetchPolicy([tmp_path]).read((tmp_path / "logo.png").as_uri())[0] == b"png"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/x.css",
        "https://example.com/x.png",
        "ftp://example.com/x",
        "file://evil.example/etc/passwd",
    ],
)
def test_fetcher_refuses_outside_urls(tmp_path: Path, url: str) -> None:
    with pytest.raises(FetchRefused):
        FetchPolicy([tmp_path]).read(url)


def test_fetcher_refuses_dotdot_escape(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("x")
    with pytest.raises(FetchRefused):
        FetchPolicy([root]).read(root.as_uri() + "/../secret.txt")


def test_fetcher_refuses_symlink_out_of_root(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "link").symlink_to("/etc/passwd")
    with pytest.raises(FetchRefused):
        FetchPolicy([root]).read((root / "link").as_uri())


def test_chart_labels_are_escaped() -> None:
    svg = charts.radar(
        ["<b>甲</b>", "乙", "丙"], [charts.Series("<script>", [0.5, 0.5, 0.5])], font="serif"
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_radar_series_differ_by_dash_and_marker() -> None:
    svg = charts.radar(
        ["甲", "乙", "丙"],
        [charts.Series("本地区", [1, 1, 1]), charts.Series("平均", [0.5, 0.5, 0.5])],
        font="serif",
    )
    assert 'stroke-dasharray="6 3"' in svg and "<rect" in svg  # dashed line, square markers


def test_heatmap_cells_carry_numbers() -> None:
    svg = charts.heatmap(["东昌府区"], ["数字惠民"], [[0.8]], [["32.00"]], font="serif")
    assert ">32.00</text>" in svg


def test_entries_under_samples_are_sample_data(tmp_path: Path) -> None:
    f = tmp_path / "samples" / "e.yaml"
    f.parent.mkdir()
    f.write_text("format: 1\nset: x\nperiod: '2024'\n")
    assert detect_sample([f], None)[0] is True


def test_entries_note_marks_sample_data(tmp_path: Path) -> None:
    f = tmp_path / "e.yaml"
    f.write_text("format: 1\nset: x\nperiod: '2024'\nnote: 示例数据（虚构）\n")
    assert detect_sample([f], None) == (True, "示例数据（虚构）")


def test_real_entries_are_not_sample_data(tmp_path: Path) -> None:
    f = tmp_path / "e.yaml"
    f.write_text("format: 1\nset: x\nperiod: '2024'\n")
    assert detect_sample([f], None) == (False, None)


def test_workspace_sample_flag(tmp_path: Path) -> None:
    (tmp_path / "workspace.yaml").write_text(
        "name: 示例\nsets: [sd-county-2020]\nsample: true\n", encoding="utf-8"
    )
    assert detect_sample([], tmp_path)[0] is True


def test_workspace_report_settings(tmp_path: Path) -> None:
    (tmp_path / "workspace.yaml").write_text(
        "name: 示例\nsets: [sd-county-2020]\n"
        "report: {title: 年度评估报告, organisation: 聊城市大数据局, document_number: 聊数评〔2024〕1号, logo: logo.png}\n",
        encoding="utf-8",
    )
    s = workspace_settings(tmp_path)
    assert (s.title, s.organisation, s.doc_number, s.logo) == (
        "年度评估报告",
        "聊城市大数据局",
        "聊数评〔2024〕1号",
        tmp_path / "logo.png",
    )
