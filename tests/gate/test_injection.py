"""Nothing we write can run in a spreadsheet: export and entry forms read back with openpyxl and
csv hold no formula (but our own HYPERLINK to a file inside the workspace) and no text starting
with = + - @, and link only to http(s) or inside the workspace."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

from assessor.exchange import write_csv_template, write_export, write_template
from assessor.loader import load_set
from assessor.model import Assessment, Entry, Region
from assessor.scoring import compile_checked, score
from tests.gate.conftest import ROOT

SET = load_set(ROOT / "indicators" / "sd-county-2020.yaml")
EVIL = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "＝1+1"]
REGIONS = [Region(id=f"37150{i}", name=EVIL[i], group=EVIL[-1 - i]) for i in range(3)]
EVIDENCE = ("../../../../etc/passwd", "/etc/shadow", "javascript:alert(1)", "file:///etc/passwd",
            "=HYPERLINK(\"http://evil\")", "佐证/报告.pdf", "https://example.org/a.pdf")  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?%?$")
OUR_LINK = re.compile(r'^=HYPERLINK\("([^":]+)","[^"]*"\)$')


def _assessment() -> Assessment:
    a = Assessment(period="2021")
    for i, region in enumerate(REGIONS):
        a.add(region, "D1-04", Entry(value=Decimal(50), comment=EVIL[i], evidence=EVIDENCE,
                                     evaluator=EVIL[(i + 3) % len(EVIL)]))  # fmt: skip
    return a


def _text_is_safe(v: object) -> bool:
    return not (isinstance(v, str) and v.startswith(FORMULA_START) and not PLAIN_NUMBER.match(v))


def _check_xlsx(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path)  # formulas as written, not their values
    checked = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if cell.data_type == "f":
                    m = OUR_LINK.match(str(v))
                    assert m, f"{ws.title}!{cell.coordinate} is a formula: {v!r}"
                    assert ".." not in m.group(1).split("/") and not m.group(1).startswith("/")
                else:
                    assert _text_is_safe(v), f"{ws.title}!{cell.coordinate} = {v!r}"
                if cell.hyperlink is not None:
                    target = cell.hyperlink.target or ""
                    assert target.startswith(("http://", "https://")), target
                checked += 1
    return checked


def _check_csv(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as f:
        cells = [v for row in csv.reader(f) for v in row]
    assert all(_text_is_safe(v) for v in cells), [v for v in cells if not _text_is_safe(v)]
    return len(cells)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_export_holds_no_formula_and_no_text_starting_with_a_formula_character(
    tmp_path: Path, suffix: str
) -> None:
    cs = compile_checked(SET)
    a = _assessment()
    out = write_export(tmp_path / f"x{suffix}", cs, score(cs, [a]), [a])
    assert (_check_xlsx if suffix == ".xlsx" else _check_csv)(out) > 100


def test_evidence_links_only_to_the_web_or_inside_the_workspace(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    cs = compile_checked(SET)
    a = _assessment()
    out = write_export(tmp_path / "x.xlsx", cs, score(cs, [a]), [a])
    ws = load_workbook(out)["明细"]
    links = [c.value for row in ws.iter_rows() for c in row if c.data_type == "f"]
    urls = [c.hyperlink.target for row in ws.iter_rows() for c in row if c.hyperlink]
    assert all("佐证/报告.pdf" in str(v) for v in links)
    assert all(u.startswith("https://example.org") for u in urls)


def test_an_excel_entry_form_writes_an_evil_region_name_as_text(tmp_path: Path) -> None:
    out = write_template(tmp_path / "f.xlsx", SET, REGIONS, period="2021", evaluator="@SUM(1)")
    assert _check_xlsx(out) > 100


def test_a_csv_entry_form_writes_an_evil_region_name_as_text(tmp_path: Path) -> None:
    out = write_csv_template(tmp_path / "f.csv", SET, REGIONS, period="2021", evaluator="=1+1")
    assert _check_csv(out) > 100
