"""The store's refusals read in the evaluator's language: on the command line in ASSESSOR_LANG
(else the locale), in the TUI in the screen's language; English, asked for, is as it was.

Each runs the real `assessor` command on a workspace made in tmp_path from the repository's
samples (the star campaign in stages, the sd-county-2020 workspace)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from assessor.tui.app import AssessorApp
from assessor.tui.widgets.prompt import PromptScreen
from tests.cli_run import ROOT
from tests.cli_run import assessor_in as run
from tests.tui.test_change_reason import REVIEWER, open_leaf
from tests.tui.test_earlier_stage import campaign
from tests.tui.waiting import until

STAR = ROOT / "samples" / "star-campaign-2021"
COUNTY = "371502"


def ok(*args: str) -> None:
    p = run("en", *args)
    assert p.returncode == 0, p.stderr


@pytest.fixture(scope="module")
def stages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The star campaign (stages self → review → expert, each with its own evaluators), its
    self-assessment imported."""
    ws = tmp_path_factory.mktemp("star") / "ws"
    ws.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        shutil.copy(STAR / name, ws)
    ok("import", "-w", str(ws), "--stage", "self", "--who", "县自评组", str(STAR / "1-self.yaml"))
    return ws


@pytest.fixture(scope="module")
def finalised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sd-county-2020 sample workspace with its entries, 371502 finalised."""
    ws = tmp_path_factory.mktemp("county") / "ws"
    shutil.copytree(ROOT / "samples" / "workspace", ws)
    files = sorted((ROOT / "samples" / "sd-county-2020").glob("*.yaml"))
    ok("import", "-w", str(ws), "--who", "导入员", *map(str, files))
    ok("set-status", "-w", str(ws), "--who", "导入员", COUNTY, "final")
    return ws


def verdict_by_outsider(lang: str, ws: Path) -> subprocess.CompletedProcess[str]:
    item = f"https://example.org/示例/{COUNTY}/D1-07.pdf"
    return run(lang, "evidence", "verdict", "-w", str(ws), "--stage", "self",
               "--who", "市复核组", COUNTY, "D1-07", item, "有效")  # fmt: skip


def test_a_stage_command_by_someone_not_its_evaluator_is_refused_in_chinese(stages: Path) -> None:
    p = verdict_by_outsider("zh", stages)
    assert p.returncode == 1
    assert "[--evaluator] 市复核组 不是自评（self）阶段的评估人；本阶段评估人：县自评组" in p.stderr
    assert "发现 1 个问题。" in p.stderr


def test_the_same_refusal_reads_as_before_in_english(stages: Path) -> None:
    p = verdict_by_outsider("en", stages)
    assert p.returncode == 1
    assert (
        "[--evaluator] 市复核组 is not an evaluator of stage self (自评); its evaluators: 县自评组"
        in p.stderr
    )


def test_an_unknown_status_names_the_allowed_ones_in_chinese(stages: Path) -> None:
    p = run("zh", "set-status", "-w", str(stages), "--stage", "self", "--who", "县自评组",
            COUNTY, "finished")  # fmt: skip
    assert p.returncode == 1
    assert "[status] 未知状态 'finished'；可选：draft、submitted、reviewed、final" in p.stderr


def test_an_unknown_stage_lists_the_campaigns_stages_in_chinese(stages: Path) -> None:
    p = run("zh", "set-status", "-w", str(stages), "--stage", "city", COUNTY, "draft")
    assert p.returncode == 1
    assert (
        "[--stage] 'city' 不是本次评估的阶段；可选阶段：self（自评）、review（复核）、expert（评审）"
        in p.stderr
    )


def test_submitting_without_the_required_evidence_names_each_indicator_in_chinese(
    stages: Path,
) -> None:
    p = run("zh", "set-status", "-w", str(stages), "--stage", "self", "--who", "县自评组",
            COUNTY, "final")  # fmt: skip
    assert p.returncode == 1
    line = next(x for x in p.stderr.splitlines() if x.startswith(f"[{COUNTY}]"))
    assert line.startswith(
        f"[{COUNTY}] {COUNTY} 2021 无法改为“已定稿”：3 项指标缺少必需的佐证材料或佐证材料未判为有效："
    ), line
    assert (
        f"D1-07：缺少判为有效的佐证材料：https://example.org/示例/{COUNTY}/D1-07.pdf 未审；" in line
    )
    assert not any(word in line for word in ("cannot", "evidence", "indicator"))


def test_the_evidence_list_gives_each_indicators_gap_in_the_readers_language(
    stages: Path,
) -> None:
    args = ("evidence", "list", "-w", str(stages), "--stage", "self", COUNTY)
    item = f"https://example.org/示例/{COUNTY}/D1-07.pdf"
    zh, en = run("zh", *args), run("en", *args)
    assert zh.returncode == en.returncode == 0, zh.stderr + en.stderr
    assert f"  D1-07: 缺少判为有效的佐证材料：{item} 未审" in zh.stdout
    assert f"  D1-07: no item judged 有效: {item} 未审" in en.stdout


def test_a_write_to_a_final_region_says_how_to_reopen_it_in_chinese(finalised: Path) -> None:
    entries = ROOT / "samples" / "sd-county-2020" / "2021-chenjing.yaml"
    p = run("zh", "import", "-w", str(finalised), "--who", "导入员", str(entries))
    assert p.returncode == 1
    assert (
        f"{COUNTY} 2021 的评估已定稿（只读）；如需修改 D1-01，请先用 "
        f"`assessor set-status {COUNTY} draft --reason …` 重新打开"
    ) in p.stderr


def test_a_write_to_a_final_region_reads_as_before_in_english(finalised: Path) -> None:
    entries = ROOT / "samples" / "sd-county-2020" / "2021-chenjing.yaml"
    p = run("en", "import", "-w", str(finalised), "--who", "导入员", str(entries))
    assert p.returncode == 1
    assert (
        f"{COUNTY} 2021 is final (read-only); reopen it with "
        f"`assessor set-status {COUNTY} draft --reason …` to change D1-01"
    ) in p.stderr


def test_a_workspace_whose_regions_file_is_gone_is_refused_in_chinese(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy(STAR / "workspace.yaml", ws)
    p = run("zh", "status", "-w", str(ws))
    assert p.returncode == 1
    assert "找不到地区文件 regions.yaml" in p.stderr


async def test_the_chinese_tui_shows_the_stores_refusal_of_a_verdict_without_reason(
    tmp_path: Path,
) -> None:
    """A verdict of 无效 needs a reason: the store refuses it, the region screen says so in
    Chinese (the session's language is the workspace's, zh)."""
    app = AssessorApp(campaign(tmp_path), evaluator=REVIEWER, stage="review")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_leaf(pilot, app, "A2")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, PromptScreen), "the verdict prompt")
        app.screen.query_one("#prompt-input", Input).value = "1 无效"
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "the prompt closed")
        message = screen.query_one("#message", Static)

        def said() -> str:
            return str(message.render()).replace("\n", "")

        await until(pilot, lambda: "须说明理由" in said(), "the refusal")
        assert "A2 https://example.org/share.png：结论为“无效”时须说明理由" in said(), said()
        assert "needs a reason" not in said()
