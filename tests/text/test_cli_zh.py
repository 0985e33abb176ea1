"""The command line's refusals in the reader's language: an Excel or CSV import, a usage error and
a report refused in Chinese with their place (sheet!cell, file:line, the option) and what is
allowed; with ASSESSOR_LANG=en the same words as before, byte for byte."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.cli_run import assessor_in as run

ROOT = Path(__file__).resolve().parents[2]
SET = str(ROOT / "indicators" / "sd-county-2020.yaml")
ENTRIES = [str(p) for p in sorted((ROOT / "samples" / "sd-county-2020").glob("*.yaml"))]
SHEET = "371502 东昌府区"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("zh") / "ws"
    shutil.copytree(ROOT / "samples" / "workspace", folder)
    return folder


@pytest.fixture(scope="module")
def bad_form(workspace: Path) -> Path:
    """The form of `assessor template` with 也许 typed into the 不适用 cell of D1-01's row 4."""
    from openpyxl import load_workbook

    form = workspace.parent / "form.xlsx"
    p = run("en", "template", str(workspace), "-o", str(form), "--region", "371502")
    assert p.returncode == 0, p.stderr
    wb = load_workbook(form)
    sheet = wb[SHEET]
    assert [sheet.cell(row=4, column=c).value for c in (1, 5)] == ["D1-01", None]
    sheet.cell(row=4, column=5).value = "也许"
    bad = workspace.parent / "bad.xlsx"
    wb.save(bad)
    return bad


def test_a_bad_cell_of_an_excel_form_is_refused_in_chinese_with_its_cell_and_allowed_values(
    workspace: Path, bad_form: Path
) -> None:
    p = run("zh", "import", "-w", str(workspace), str(bad_form))
    assert p.returncode == 1
    assert p.stderr.splitlines() == [
        f"{bad_form}: [{SHEET}!E4] D1-01（电子证照使用率）：不适用 填写的 '也许' 不可用；"
        "只能填 是（不适用，仅限可选指标）或留空",
        "发现 1 个问题。",
    ]


def test_the_bad_cell_reads_as_before_in_english(workspace: Path, bad_form: Path) -> None:
    p = run("en", "import", "-w", str(workspace), str(bad_form))
    assert p.returncode == 1
    assert p.stderr.splitlines() == [
        f"{bad_form}: [{SHEET}!E4] D1-01 (电子证照使用率): 不适用 '也许' is not allowed; "
        "allowed: 是 (not applicable, optional indicators only) or empty",
        "1 problem found.",
    ]


def test_a_csv_without_a_required_column_is_refused_in_chinese_at_its_header_line(
    workspace: Path,
) -> None:
    csv = workspace.parent / "entries.csv"
    csv.write_text("region,value\n371502,80\n", encoding="utf-8")
    columns = (
        "region, name, group, period, evaluator, indicator, input, value, na, comment, evidence"
    )
    zh = run("zh", "import", "-w", str(workspace), str(csv))
    en = run("en", "import", "-w", str(workspace), str(csv))
    assert zh.returncode == en.returncode == 1
    assert zh.stderr.splitlines()[0] == f"{csv}:1: entries.csv：缺少列 indicator；各列为 {columns}"
    assert en.stderr.splitlines()[0] == (
        f"{csv}:1: entries.csv: missing column(s) indicator; the columns are {columns}"
    )


def test_a_usage_error_reads_in_chinese_and_names_the_options_to_give(workspace: Path) -> None:
    zh = run("zh", "report", str(workspace))
    en = run("en", "report", str(workspace))
    assert zh.returncode == en.returncode == 2
    assert zh.stderr == "assessor：区县报告（`--type county`）需要 `--region ID` 或 `--all`\n"
    assert en.stderr == "assessor: a county report needs --region ID or --all\n"


def test_an_unknown_report_section_is_refused_in_chinese_with_the_sections_allowed(
    workspace: Path,
) -> None:
    from assessor.report_sections import REPORT_SECTIONS

    allowed = ", ".join(REPORT_SECTIONS)
    zh = run("zh", "report", str(workspace), "--all", "--omit", "charts,bogus")
    en = run("en", "report", str(workspace), "--all", "--omit", "charts,bogus")
    assert zh.returncode == en.returncode == 2
    assert zh.stderr == f"assessor：`--omit` bogus：没有这个报告部分；可选部分：{allowed}\n"
    assert en.stderr == f"assessor: --omit bogus: unknown section; sections: {allowed}\n"


def test_a_report_refused_for_a_period_without_entries_names_the_option_in_chinese(
    tmp_path: Path,
) -> None:
    args = ("report", "--set", SET, "--entries", *ENTRIES, "--region", "371502")
    more = ("--previous", "2010", "-o", str(tmp_path))
    zh = run("zh", *args, *more)
    en = run("en", *args, *more)
    assert zh.returncode == en.returncode == 1
    assert zh.stderr.splitlines() == [
        "[--previous] 评价期 2010（及其所含的较短评价期）没有填报数据",
        "发现 1 个问题。",
    ]
    assert en.stderr.splitlines() == [
        "[--previous] no entries for period 2010 (or shorter periods in it)",
        "1 problem found.",
    ]
    assert not any(tmp_path.iterdir()), "a refused report writes nothing"


# What the commands print when they are done follows the reader's language too.


def test_a_new_workspace_is_announced_in_the_readers_language(tmp_path: Path) -> None:
    regions = str(ROOT / "samples" / "workspace" / "regions.yaml")
    zh = run("zh", "init", str(tmp_path / "zh"), "--set", "sd-county-2020", "--regions", regions)
    en = run("en", "init", str(tmp_path / "en"), "--set", "sd-county-2020", "--regions", regions)
    assert zh.returncode == en.returncode == 0, zh.stderr + en.stderr
    assert re.fullmatch(
        rf"工作区 {re.escape(str(tmp_path / 'zh'))}：指标集 sd-county-2020，20 个地区，数据库 \S+\n",
        zh.stdout,
    )
    assert re.fullmatch(
        rf"workspace {re.escape(str(tmp_path / 'en'))}: set sd-county-2020, 20 regions, "
        r"database \S+\n",
        en.stdout,
    )


def test_the_form_the_import_and_the_export_say_what_they_did_in_chinese(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "samples" / "workspace", ws)
    assert run("zh", "score", str(ws)).stdout == "没有可评分的填报数据\n"
    form = tmp_path / "form.xlsx"
    p = run("zh", "template", str(ws), "-o", str(form), "--region", "371502")
    assert (p.returncode, p.stdout) == (0, f"已写入 {form}（1 个地区）\n"), p.stderr
    p = run("zh", "import", "-w", str(ws), "--who", "录入员", *ENTRIES)
    assert p.returncode == 0, p.stderr
    imported = re.fullmatch(r"已从 3 个文件导入 (\d+) 条填报\n", p.stdout)
    assert imported is not None and int(imported[1]) > 0, p.stdout
    out = tmp_path / "results.xlsx"
    p = run("zh", "export", str(ws), "-o", str(out), "--period", "2021")
    assert (p.returncode, p.stdout) == (0, f"已写入 {out}：20 个地区结果\n"), p.stderr
    p = run("zh", "period", "new", str(ws), "2022", "--who", "录入员")
    assert p.returncode == 0, p.stderr
    assert p.stdout == f"评价期 2022：已从 2021 沿用 {imported[1]} 条填报，作为草稿\n"
    verified = run("zh", "audit", "verify", str(ws)).stdout.splitlines()
    assert re.fullmatch(
        r"审计日志核验通过：共 \d+ 条记录，哈希链完整，重放结果与填报数据一致", verified[0]
    )
    assert re.fullmatch(r"链头：第 \d+ 条记录，哈希值 [0-9a-f]{64}", verified[1])


def test_the_form_the_import_and_the_export_say_what_they_did_in_english(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "samples" / "workspace", ws)
    assert run("en", "score", str(ws)).stdout == "no entries to score\n"
    form = tmp_path / "form.xlsx"
    p = run("en", "template", str(ws), "-o", str(form), "--region", "371502", "--region", "371503")
    assert (p.returncode, p.stdout) == (0, f"wrote {form} (2 regions)\n"), p.stderr
    p = run("en", "import", "-w", str(ws), "--who", "t", *ENTRIES)
    imported = re.fullmatch(r"imported (\d+) entries from 3 file\(s\)\n", p.stdout)
    assert imported is not None, p.stdout + p.stderr
    out = tmp_path / "results.xlsx"
    p = run("en", "export", str(ws), "-o", str(out), "--period", "2021")
    assert p.stdout == f"wrote {out}: 20 region results\n", p.stderr
    p = run("en", "period", "new", str(ws), "2022", "--who", "t")
    assert p.stdout == f"period 2022: {imported[1]} entries carried over from 2021 as drafts\n"
    verified = run("en", "audit", "verify", str(ws)).stdout.splitlines()
    assert re.fullmatch(
        r"audit log verified: \d+ records, hash chain intact, replay reproduces the entries",
        verified[0],
    )
    assert verified[2:] == [
        "(keep the head hash in the report or the minutes; `assessor audit verify --anchor HASH`",
        " later proves that nothing up to that record has been rewritten)",
    ]


def test_a_task_progress_import_and_form_report_their_counts_in_chinese(tmp_path: Path) -> None:
    ws = tmp_path / "binzhou"
    shutil.copytree(ROOT / "samples" / "binzhou-2023", ws)
    progress = ws / "progress.csv"
    p = run("zh", "tasks", "import", str(ws), str(progress), "--who", "t")
    assert p.returncode == 0, p.stderr
    assert p.stdout == f"从 {progress} 读取 322 条进度报告：保存 322 条，0 条未变\n"
    again = run("en", "tasks", "import", str(ws), str(progress), "--who", "t")
    assert again.stdout == f"322 progress reports read from {progress}: 0 stored, 322 unchanged\n"
    form = tmp_path / "进度.xlsx"
    p = run("zh", "tasks", "template", str(ws), "-o", str(form), "--on", "2023-12-15",
            "--unit", "BZDSJ")  # fmt: skip
    assert p.stdout == f"{form}：26 项任务待报告，截至 2023-12-15\n", p.stderr


def test_a_written_report_is_announced_in_chinese_with_its_pages(tmp_path: Path) -> None:
    p = run("zh", "report", "--set", SET, "--entries", *ENTRIES, "--region", "371502",
            "--quiet", "-o", str(tmp_path))  # fmt: skip
    assert p.returncode == 0, p.stderr
    (pdf,) = tmp_path.glob("*.pdf")
    said = re.fullmatch(
        rf"assessor：已写入 {re.escape(str(pdf))}（(\d+) 页，(\d+) 千字节）", p.stderr.strip()
    )
    assert said is not None, p.stderr
    assert int(said[2]) == pdf.stat().st_size // 1024


def test_a_written_schema_is_announced_in_the_readers_language(tmp_path: Path) -> None:
    out = tmp_path / "set.schema.json"
    assert run("zh", "schema", "-o", str(out)).stderr == f"已写入 {out}\n"
    assert run("en", "schema", "-o", str(out)).stderr == f"wrote {out}\n"


def test_a_period_of_no_known_form_is_a_usage_error_in_the_readers_language(
    workspace: Path,
) -> None:
    zh = run("zh", "score", str(workspace), "--period", "2021-X9")
    en = run("en", "score", str(workspace), "--period", "2021-X9")
    assert zh.returncode == en.returncode == 2
    assert (
        zh.stderr
        == "assessor：评价期 '2021-X9' 不是以下形式之一：2024、2024-Q1、2024-03、2024-W09\n"
    )
    assert en.stderr == (
        "assessor: period '2021-X9' is not one of the forms 2024, 2024-Q1, 2024-03, 2024-W09\n"
    )


def test_a_site_check_is_recorded_in_the_readers_language(tmp_path: Path) -> None:
    for name in ("workspace.yaml", "regions.yaml"):
        shutil.copy(ROOT / "samples" / "star-campaign-2021" / name, tmp_path)
    args = ("site-check", "-w", str(tmp_path), "--stage", "self", "--who", "县自评组", "371502",
            "--checker", "陈静", "--findings", "无")  # fmt: skip
    zh = run("zh", *args, "--date", "2021-11-03")
    en = run("en", *args, "--date", "2021-11-04")
    assert zh.stdout == "371502 2021（self）：已记录 2021-11-03 的现场核查\n", zh.stderr
    assert en.stdout == "371502 2021 (self): site check of 2021-11-04 recorded\n", en.stderr
