"""Every screen speaks one language: the Chinese TUI shows no English message, the English TUI no
Chinese one. What the evaluator or the set wrote (region names, indicator names, criteria,
comments) is data and may be in either language; the tool's own words may not.

Each test opens one screen on the sample workspace with Pilot, reads the visible text off the
screen (the SVG Textual would save as a screenshot) and checks every run of Chinese characters
(in the English TUI) or every English word (in the Chinese TUI) against the data.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Awaitable, Callable
from functools import cache
from pathlib import Path

import pytest
from textual.pilot import Pilot

from assessor.tui.app import AssessorApp
from tests.tui.waiting import loaded, settled, until

ROOT = Path(__file__).resolve().parents[2]
SIZE = (140, 45)
LEAD = "专家组-陈静"

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[A-Za-z]{2,}")

#: English words a Chinese screen may show: names of keys, file formats, the agreement
#: statistics' own names (Kendall's W, ICC), the units and codes of the standards.
ZH_ALLOWED = {
    # keys as printed on the keyboard and in the footer
    "Enter", "Esc", "Tab", "Ctrl", "Space", "F1", "PgUp", "PgDn", "Shift", "ctrl", "esc", "tab",
    "enter", "space", "shift",
    "super",
    # formats and names that have no Chinese form in use
    "PDF", "SVG", "YAML", "Excel", "URL", "ICC", "Kendall", "GB", "DB",
    # the program's name (title bar) and the mean squares of the ICC formula (MSR, MSC, MSE)
    "assessor", "MSR", "MSC", "MSE",
    # what the palette test types and 东昌府区's pinyin initials, shown beside it
    "dcf", "dcfq",
    # who imported the sample entries in the test's fixture (history lines name the importer)
    "test",
}  # fmt: skip


def visible_text(app: AssessorApp) -> str:
    """The screen as a reader sees it: the text runs of Textual's own screenshot, line by line."""
    svg = app.export_screenshot()
    lines: dict[int, list[str]] = {}
    for line, text in re.findall(
        r'<text[^>]*clip-path="url\(#terminal-(?:\d+-)?line-(\d+)\)"[^>]*>([^<]*)</text>', svg
    ):
        lines.setdefault(int(line), []).append(html.unescape(text).replace("\xa0", " "))
    text = "\n".join("".join(lines[n]) for n in sorted(lines))
    assert text.strip(), "no text read off the screen"
    return text


@cache
def data_text(folder: Path) -> str:
    """Everything the set, the workspace and the evaluators wrote: allowed in either language."""
    files = [
        *folder.rglob("*.yaml"),
        *folder.rglob("*.csv"),
        *(ROOT / "indicators").rglob("*.yaml"),
    ]
    for name in ("sd-county-2020", "binzhou-2023"):
        files += (ROOT / "samples" / name).glob("*.yaml")
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(files))


#: Around a cell: borders, scroll bars and the ellipsis of a cut name.
CUT_AFTER = "│▎▏…|"
CUT_BEFORE = "│▊▏|"


def _cjk_leaks(text: str, data: str) -> set[str]:
    """Runs of Chinese characters that are no run of the data. A run may be cut where a cell or a
    line ends (a prefix of a data run) or begins (a suffix), never in the middle of a sentence."""
    runs = set(CJK.findall(data))
    found = set()
    for line in text.splitlines():
        for m in CJK.finditer(line):
            run = m.group()
            if run in runs:
                continue
            after = line[m.end() :].lstrip(" ")
            before = line[: m.start()].rstrip(" ")
            cut_end = not after or after[0] in CUT_AFTER
            cut_start = not before or before[-1] in CUT_BEFORE
            if cut_end and any(r.startswith(run) for r in runs):
                continue
            if cut_start and any(r.endswith(run) for r in runs):
                continue
            if cut_start and cut_end and any(run in r for r in runs):
                continue
            found.add(run)
    return found


def _data_words(data: str) -> set[str]:
    """English words inside the data's Chinese text (政务服务类APP应用): not its YAML keys, which a
    Chinese screen names in Chinese."""
    words: set[str] = set()
    for line in data.splitlines():
        if CJK.search(line):
            value = re.sub(r"^\s*-?\s*[\w-]+:\s", "", line.split("#", 1)[0])
            words.update(re.findall(r"[A-Za-z]+", value))
    return words


def leaks(text: str, lang: str, data: str) -> list[str]:
    """The other language's words on a screen in `lang` that the data does not explain."""
    if lang == "en":
        return sorted(_cjk_leaks(text, data))
    words = _data_words(data)
    return sorted({w for w in WORD.findall(text) if w not in ZH_ALLOWED and w not in words})


Steps = Callable[[Pilot, AssessorApp], Awaitable[None]]  # type: ignore[type-arg]


def keys(*pressed: str) -> Steps:
    async def run(pilot: Pilot, app: AssessorApp) -> None:  # type: ignore[type-arg]
        for key in pressed:
            await pilot.press(key)
            await settled(pilot, app)

    return run


def toast(*pressed: str) -> Steps:
    """Press keys, then wait for the notice they raise to be on the screen."""

    async def run(pilot: Pilot, app: AssessorApp) -> None:  # type: ignore[type-arg]
        await keys(*pressed)(pilot, app)
        await until(pilot, lambda: app.screen.query("Toast"), "the notice on the screen")
        await pilot.pause()

    return run


def screen(name: str) -> Steps:
    """Open a screen that has no key on the home screen."""

    async def run(pilot: Pilot, app: AssessorApp) -> None:  # type: ignore[type-arg]
        if name == "agreement":
            from assessor.tui.screens.agreement import AgreementScreen

            app.push_screen(AgreementScreen())
            await until(pilot, lambda: isinstance(app.screen, AgreementScreen), "the screen")
            await until(pilot, lambda: app.screen.query("#agreement"), "the screen composed")
            from textual.widgets import DataTable

            table = app.screen.query_one("#agreement", DataTable)
            await until(pilot, lambda: table.row_count > 0, "the agreement rows")
        await settled(pilot, app)

    return run


#: Each screen, how to reach it from home, and the screen class that must then be on top.
SCREENS: dict[str, tuple[Steps, str]] = {
    "home": (keys(), "HomeScreen"),
    "region": (keys("enter", "down", "down"), "RegionScreen"),
    "ranking": (keys("k"), "RankingScreen"),
    "gap": (keys(*"/cpq", "enter", "enter", "g"), "GapScreen"),
    "indicator_set": (keys("i", "down", "down", "down"), "SetScreen"),
    "reports": (keys("o"), "ReportsScreen"),
    "agreement": (screen("agreement"), "AgreementScreen"),
    "help": (keys("f1"), "HelpScreen"),
    "palette": (keys("ctrl+p", *"dcf"), "CommandPalette"),
    "quit_notice": (toast("ctrl+c"), "HomeScreen"),  # Textual's "how to quit" toast
}


async def shown(folder: Path, lang: str, steps: Steps, evaluator: str = LEAD) -> tuple[str, str]:
    """The visible text after `steps`, and the class of the screen on top."""
    app = AssessorApp(folder, evaluator=evaluator, lang=lang)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot, app)
        await steps(pilot, app)
        await pilot.pause()
        return visible_text(app), type(app.screen).__name__


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_a_screen_shows_no_words_of_the_other_language(
    workspace: Path, name: str, lang: str
) -> None:
    steps, expected = SCREENS[name]
    text, on_top = await shown(workspace, lang, steps)
    assert on_top == expected, text
    found = leaks(text, lang, data_text(workspace))
    assert not found, f"{found} on\n{text}"


async def test_the_quit_notice_and_the_palette_prompt_are_in_chinese(workspace: Path) -> None:
    text, _ = await shown(workspace, "zh", toast("ctrl+c"))
    assert "要退出吗？" in text and "退出" in text
    text, _ = await shown(workspace, "zh", keys("ctrl+p"))
    assert "搜索命令或地区" in text


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    """The Binzhou task campaign (the only sample with a tasks file), progress imported."""
    from tests.cli_run import assessor

    folder = Path(shutil.copytree(ROOT / "samples" / "binzhou-2023", tmp_path / "bz"))
    for args in (("tasks", "import", str(folder), str(folder / "progress.csv")),
                 ("import", "-w", str(folder), str(folder / "entries-2023.yaml"))):  # fmt: skip
        p = assessor(*args)
        assert p.returncode == 0, p.stderr
    return folder


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_tasks_screen_shows_no_words_of_the_other_language(
    campaign: Path, lang: str
) -> None:
    text, on_top = await shown(campaign, lang, keys("enter", "t"), evaluator="市大数据局-督查科")
    assert on_top == "TasksScreen", text
    found = leaks(text, lang, data_text(campaign))
    assert not found, f"{found} on\n{text}"
