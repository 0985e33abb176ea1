"""Issue 17 in a real terminal: the province's expert opens the 评审 stage of 东昌府区 (started
from the county's 自评 through the city's 复核), changes two values, each with the reason the
TUI asks for, judges one evidence item 不足, and finalises; then the county report (`assessor
report`, a real PDF read back with pdftotext) shows both changes with their reasons, the
verdict and the final status. Waits are for text on screen or rows in the database."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessor.store.review import verdicts
from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace
from tests.cli_run import ROOT, assessor
from tests.tui.test_tmux_e2e import eventually, laid_out_at, terminal, tmux, typed

SAMPLE = ROOT / "samples" / "star-campaign-2021"
COUNTY = "371502"  # 东昌府区
EXPERT = "省专家组"
ITEM = "https://example.org/示例/371502/{}.pdf"
NEWS = "https://example.org/示例/新闻.html"  # a second item the county gave for D6-02
WHY_IPV6 = "IPv6改造仅覆盖门户网站，按实际占比核定"
WHY_OFFICE = "协同办公未覆盖乡镇，按四星档核定"
WHY_NEWS = "新闻报道不能代替入选文件"
pytestmark = pytest.mark.slow


def ok(*args: str) -> None:
    p = assessor(*args, timeout=300)
    assert p.returncode == 0, p.stderr


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The county's 自评 (with a news link beside its D6-02 document) submitted, the city's
    复核 carried over unchanged and submitted, the experts' 评审 started, and the required
    evidence judged 有效 with the CLI: what the expert finds when opening the TUI."""
    folder = tmp_path_factory.mktemp("stages") / "ws"
    folder.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        shutil.copy(SAMPLE / name, folder)
    w = str(folder)
    ok("import", "-w", w, "--stage", "self", "--who", "县自评组", str(SAMPLE / "1-self.yaml"))
    ws = open_workspace(folder)
    ws.use_stage("self")
    ws.add_evidence(COUNTY, "2021", "D6-02", "县自评组", url=NEWS)
    ws.close()
    ok("set-status", "-w", w, "--stage", "self", "--who", "县自评组", COUNTY, "submitted")
    ok("stage", "start", "-w", w, "--who", "市复核组", "review", COUNTY)
    ok("set-status", "-w", w, "--stage", "review", "--who", "市复核组", COUNTY, "submitted")
    ok("stage", "start", "-w", w, "--who", EXPERT, "expert", COUNTY)
    for leaf in ("D1-07", "D6-01", "D6-02"):
        ok("evidence", "verdict", "-w", w, "--stage", "expert", "--who", EXPERT, COUNTY, leaf,
           ITEM.format(leaf), "有效")  # fmt: skip
    return folder


def expert_value(folder: Path, leaf: str) -> object:
    ws = open_workspace(folder)
    try:
        got = ws.store.get_entry(EntryKey(ws.set_id, COUNTY, "2021", EXPERT, leaf, "expert"))
        return None if got is None else got.entry.value
    finally:
        ws.close()


def news_verdict(folder: Path) -> str | None:
    ws = open_workspace(folder)
    try:
        v = verdicts(ws.store, ws.set_id, "expert", COUNTY, "2021").get(("D6-02", NEWS))
        return None if v is None else v.verdict
    finally:
        ws.close()


def expert_status(folder: Path) -> str:
    ws = open_workspace(folder)
    try:
        return ws.store.status(ws.set_id, COUNTY, "2021", stage="expert")
    finally:
        ws.close()


def flat(screen: str) -> str:
    """The screen's text without line breaks and box edges: words a narrow pane wrapped read
    whole again (a modal's lines are `…│ text │…`)."""
    return "".join(re.sub(r"[│┃▎▊▐▌]", "", line).strip() for line in screen.splitlines())


@pytest.mark.parametrize("size", [(160, 50), (80, 24)])
def test_an_expert_changes_two_values_with_reasons_judges_evidence_and_finalises(
    started: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    folder = tmp_path / "ws"
    shutil.copytree(started, folder)
    with terminal(folder, size, EXPERT) as session:

        def screen() -> str:
            return tmux("capture-pane", "-t", session, "-p")

        def shows(*words: str) -> bool:
            text = flat(screen())
            return all(w in text for w in words)

        def go_to(leaf: str, name: str) -> None:
            typed(session, "/", *leaf, "Enter")
            eventually(lambda: shows(f"{leaf} {name}"), f"{leaf} shown", screen)

        typed(session, "/", *"dcfq", "Enter", "Enter")  # 东昌府区, in the stage 评审
        eventually(lambda: shows("东昌府区 371502", "选择指标"), "the region screen", screen)

        go_to("D4-02", "IPv6部署")
        eventually(lambda: shows("复核（review）：85.7"), "the stage before beside it", screen)
        typed(session, "Enter", "C-u", *"60", "Enter")
        eventually(lambda: shows("D4-02：复核的值为 85.7", "请说明理由"), "the question", screen)
        tmux("send-keys", "-t", session, "-l", WHY_IPV6)
        typed(session, "Enter")
        eventually(lambda: expert_value(folder, "D4-02") == D("60"), "D4-02 stored", screen)

        go_to("D2-08", "协同办公应用")
        typed(session, "4")  # a level: its digit stores it, once the reason is given
        eventually(lambda: shows("D2-08：复核的值为 5", "请说明理由"), "the question", screen)
        tmux("send-keys", "-t", session, "-l", WHY_OFFICE)
        typed(session, "Enter")
        eventually(lambda: expert_value(folder, "D2-08") == 4, "D2-08 stored", screen)

        go_to("D6-02", "创新示范")
        typed(session, "j")
        eventually(lambda: shows("D6-02 佐证材料审核"), "the evidence listed", screen)
        found = re.search(r"(\d)\. https://example\.org/示例/新闻\.html", flat(screen()))
        assert found is not None, screen()
        tmux("send-keys", "-t", session, "-l", f"{found.group(1)} 不足 {WHY_NEWS}")
        typed(session, "Enter")
        eventually(lambda: news_verdict(folder) == "不足", "the verdict stored", screen)

        typed(session, "w")
        eventually(lambda: shows("定稿 → 已定稿"), "the statuses", screen)
        typed(session, "Down", "Down", "Enter")  # 提交, 审核通过, 定稿: the third
        eventually(lambda: expert_status(folder) == "final", "finalised", screen)
        eventually(lambda: shows("已定稿，只读"), "read-only shown", screen)
        assert laid_out_at(screen(), size[0]), screen()

    ws = open_workspace(folder)
    try:
        for leaf, why in (("D4-02", WHY_IPV6), ("D2-08", WHY_OFFICE)):
            sets = [r for r in ws.store.audit_log(region=COUNTY, leaf=leaf, stage="expert")
                    if r.action == "set"]  # fmt: skip
            assert [(r.who, r.reason) for r in sets] == [(EXPERT, why)]  # once, with the value
        assert ws.store.verify_audit() == []
    finally:
        ws.close()

    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the report back")
    ok("report", str(folder), "--region", COUNTY, "--quiet", "-o", str(tmp_path / "out"))
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")  # fmt: skip
    section = text[text.rindex("自评、复核与评审") :]  # the section, not the contents
    assert re.search(r"评审（核定分）[\d.]+ .{1,12}?定稿变化及理由", section), section[:1500]
    changes = section[section.index("变化及理由") : section.index("佐证材料审核")]
    assert f"{WHY_IPV6}（{EXPERT}）" in changes and "85.7 → 60" in changes
    assert f"{WHY_OFFICE}（{EXPERT}）" in changes
    judged = section[section.index("佐证材料审核") : section.index("分维度得分")]
    assert f"D6-02{NEWS}不足" in judged and WHY_NEWS in judged  # a cell's lines come later
