"""Hostile inputs through every door (YAML entries, CSV, Excel forms, indicator sets): each case
ends within 10 s with exit 0 or 1 and no traceback, and after any accepted import the workspace
still scores (`score --format json`), exports and reports."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.gate.conftest import ROOT, cli, still_works

HOSTILE = [
    "1e999999999", "-1e999999999", "1e40", "1e999", "1" * 5000, "nan", "NaN", "inf", "-inf",
    "Infinity", "sNaN", "1e-30", "0.0000000000001", "1e-999999999", "0E-1000000", "１２３",
    "８２。５", "99999999999999999999", "1E15", "999999999999999", "-0", "1,000", "0x10", "1_000",
    "True", "是", "na", "None", "\x1b[2J", "\x1b]0;pwn\x07", "a\nb", "\u202e", "=cmd|' /C calc'!A0",
    "+1+1", "@SUM(A1)", "-2", "../../../../etc/passwd", "/etc/shadow", "javascript:alert(1)",
    "file:///etc/passwd", "x" * 40000, "", " ",
]  # fmt: skip
IDS = ["", " ", "a\nb", "\x1b[2J", "x" * 60, "371502", "2021-Q5", "2021", "9999", "\u0000"]


def _q(v: str) -> str:
    """A YAML double-quoted scalar holding exactly `v`."""
    return '"' + v.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


def entries_yaml(body: str, *, region: str = '"371502"', period: str = '"2021"',
                 evaluator: str = '"甲"') -> str:  # fmt: skip
    return (f"format: 1\nset: sd-county-2020\nperiod: {period}\nevaluator: {evaluator}\n"
            f"regions:\n- region: {region}\n  entries:\n{body}")  # fmt: skip


def _import(ws: Path, tmp: Path, name: str, text: str) -> None:
    f = tmp / name
    f.write_text(text, encoding="utf-8")
    if cli("import", "-w", str(ws), str(f)).code == 0:
        still_works(ws, tmp)


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("where", ["value", "input", "comment", "unquoted"])
def test_a_hostile_value_in_a_yaml_entries_file(workspace: Path, tmp_path: Path, where: str,
                                                value: str) -> None:  # fmt: skip
    body = {
        "value": f"    D1-04: {_q(value)}\n",
        "count": f"    D1-03: {_q(value)}\n",
        "input": f"    D1-01: {{used: {_q(value)}, total: 5}}\n",
        "comment": f"    D1-04: {{value: 50, comment: {_q(value)}}}\n",
        "evidence": f"    D1-04: {{value: 50, evidence: [{_q(value)}]}}\n",
        "unquoted": f"    D1-04: {value[:200]}\n",
    }[where]
    _import(workspace, tmp_path, "e.yaml", entries_yaml(body))


@pytest.mark.parametrize("value", IDS)
@pytest.mark.parametrize("where", ["region", "period", "evaluator"])
def test_a_hostile_id_in_a_yaml_entries_file(workspace: Path, tmp_path: Path, where: str,
                                             value: str) -> None:  # fmt: skip
    text = entries_yaml("    D1-04: 50\n", **{where: _q(value)})
    _import(workspace, tmp_path, "e.yaml", text)


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["region", "name", "group", "period", "evaluator", "indicator", "input", "value",
                "na", "comment", "evidence"])  # fmt: skip
    w.writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("where", ["value", "evidence"])
def test_a_hostile_cell_in_a_csv_file(workspace: Path, tmp_path: Path, where: str,
                                      value: str) -> None:  # fmt: skip
    row = ["371502", "", "", "2021", "乙", "D1-04", "", "50", "", "", ""]
    row[{"value": 7, "comment": 9, "evidence": 10, "period": 3, "region": 0}[where]] = value
    _import(workspace, tmp_path, "e.csv", _csv([row]))


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=80), st.sampled_from(["D1-03", "D1-04", "D1-07", "V1", "D1-01"]))
def test_any_text_as_a_yaml_value(workspace: Path, tmp_path_factory: pytest.TempPathFactory,
                                  value: str, leaf: str) -> None:  # fmt: skip
    tmp = tmp_path_factory.mktemp("h")
    _import(workspace, tmp, "e.yaml", entries_yaml(f"    {leaf}: {_q(value)}\n"))


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=300))
def test_any_text_as_a_csv_file(workspace: Path, tmp_path_factory: pytest.TempPathFactory,
                                text: str) -> None:  # fmt: skip
    tmp = tmp_path_factory.mktemp("c")
    _import(workspace, tmp, "e.csv", "region,indicator,value,period\n" + text)


# ---------------------------------------------------------------------------- Excel forms


@pytest.fixture(scope="module")
def form(workspace: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("form") / "form.xlsx"
    assert cli("template", str(workspace), "-o", str(out), "--evaluator", "丙").code == 0
    return out


def _edit_form(form: Path, dest: Path, edit: object) -> Path:
    from openpyxl import load_workbook

    wb = load_workbook(form)
    edit(wb)  # type: ignore[operator]
    wb.save(dest)
    return dest


def _row_of(ws: object, leaf: str, key: str | None = None) -> int:
    for r in range(2, ws.max_row + 1):  # type: ignore[attr-defined]
        if ws.cell(r, 1).value == leaf and (key is None or ws.cell(r, 10).value == key):  # type: ignore[attr-defined]
            return r
    raise AssertionError(leaf)


@pytest.mark.parametrize("value", [*HOSTILE[:20], "=1+1", "=SUM(1,2)"])
@pytest.mark.parametrize("column", [4, 7])
def test_a_hostile_cell_in_an_excel_form(workspace: Path, form: Path, tmp_path: Path,
                                         column: int, value: str) -> None:  # fmt: skip
    def edit(wb: object) -> None:
        ws = wb.worksheets[2]  # type: ignore[attr-defined]
        ws.cell(_row_of(ws, "D1-04"), column, value)

    try:
        f = _edit_form(form, tmp_path / "f.xlsx", edit)
    except Exception:  # openpyxl itself refuses some characters: nothing to import
        return
    if cli("import", "-w", str(workspace), str(f)).code == 0:
        still_works(workspace, tmp_path)


def _move_column(wb: object) -> None:
    wb.worksheets[2].insert_cols(2)  # type: ignore[attr-defined]


def _duplicate_row(wb: object) -> None:
    ws = wb.worksheets[2]  # type: ignore[attr-defined]
    r = _row_of(ws, "D1-04")
    ws.append([ws.cell(r, c).value for c in range(1, 11)])


def _delete_input_row(wb: object) -> None:
    ws = wb.worksheets[2]  # type: ignore[attr-defined]
    ws.cell(_row_of(ws, "D1-01", "used"), 4, 46)
    r = _row_of(ws, "D1-01", "total")
    ws.delete_rows(r)


def _meta_region_to_another_sheets(wb: object) -> None:
    meta = wb["_meta"]  # type: ignore[index]
    rows = [r for r in range(2, meta.max_row + 1) if meta.cell(r, 1).value == "region"]
    meta.cell(rows[0], 5, meta.cell(rows[1], 5).value)


def _meta_period(wb: object) -> None:
    meta = wb["_meta"]  # type: ignore[index]
    meta.cell(next(r for r in range(2, 9) if meta.cell(r, 1).value == "period"), 2, "2021-Q5")


def _formula_without_value(wb: object) -> None:
    ws = wb.worksheets[2]  # type: ignore[attr-defined]
    ws.cell(_row_of(ws, "D1-04"), 4, "=40+2")


STRUCTURE = {
    "a column inserted": (_move_column, "header row"),
    "an indicator row duplicated": (_duplicate_row, "second row"),
    "an input row deleted": (_delete_input_row, "is missing"),
    "a _meta region id set to another sheet's": (_meta_region_to_another_sheets, "_meta"),
    "a _meta period 2021-Q5": (_meta_period, "2021-Q5"),
    "a formula cell without a saved value": (_formula_without_value, "formula"),
}


@pytest.mark.parametrize("what", list(STRUCTURE))
def test_an_edited_form_is_refused_naming_the_cell(workspace: Path, form: Path, tmp_path: Path,
                                                   what: str) -> None:  # fmt: skip
    edit, words = STRUCTURE[what]
    f = _edit_form(form, tmp_path / "f.xlsx", edit)
    ran = cli("import", "-w", str(workspace), str(f))
    assert ran.code == 1 and words in ran.err, ran.err


def _zip_with(form: Path, dest: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(form) as src, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for i in src.infolist():
            out.writestr(i.filename, replace.get(i.filename, src.read(i.filename)))
        for name in set(replace) - set(src.namelist()):
            out.writestr(name, replace[name])
    return dest


BROKEN = {
    "not a zip": lambda form, d: (d.write_bytes(b"PK\x03\x04garbage" * 100), d)[1],
    "truncated": lambda form, d: (d.write_bytes(form.read_bytes()[:3000]), d)[1],
    "damaged sheet XML": lambda form, d: _zip_with(form, d, {"xl/worksheets/sheet3.xml": b"<worksheet><sheetData><row"}),
    "a DTD entity bomb": lambda form, d: _zip_with(form, d, {"xl/worksheets/sheet3.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet>&b;</worksheet>'}),
    "one 120 MB cell": lambda form, d: _zip_with(form, d, {"xl/worksheets/sheet3.xml": b"<sst><si><t>" + b"x" * 120_000_000 + b"</t></si></sst>"}),
    "an empty file": lambda form, d: (d.write_bytes(b""), d)[1],
}  # fmt: skip


@pytest.mark.parametrize("what", list(BROKEN))
def test_a_broken_workbook_is_a_message(workspace: Path, form: Path, tmp_path: Path,
                                        what: str) -> None:  # fmt: skip
    f = BROKEN[what](form, tmp_path / "f.xlsx")
    assert cli("import", "-w", str(workspace), str(f)).code == 1


def test_special_files_are_refused_at_once(workspace: Path, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for target in ("/dev/zero", str(fifo)):
        assert cli("lint", target).code == 1
    for target in ("/dev/zero", str(fifo), str(tmp_path / "missing.yaml")):
        assert cli("import", "-w", str(workspace), target).code == 1


# ---------------------------------------------------------------------------- indicator sets

SMALL_SET = """\
format: 1
id: tiny
name: 小指标集
full_score: 100
tree:
  - id: A
    name: 维度
    points: 100
    children:
      - id: A1
        name: 比例
        points: 100
        method: ratio
        target: 100
        value: {formula}
        inputs: {{a: {{type: number}}, b: {{type: number}}}}
"""

FORMULAS = [
    "a / b * 100", "(" * 200 + "a" + ")" * 200, " + ".join(["a"] * 100_000), "a +", "__import__('os')",
    "a ** b", "-" * 300 + "a", "min(" * 50 + "a" + ")" * 50, "a / (b - b)", "round(a, 1e9)",
    "max(" + ",".join(["a"] * 150) + ")", "\x1b[2J", "'a'", "a b", "1e999999999 * a",
]  # fmt: skip


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_hostile_formula_is_a_located_message(tmp_path: Path, formula: str) -> None:
    s = tmp_path / "tiny.yaml"
    s.write_text(SMALL_SET.format(formula=_q(formula)), encoding="utf-8")
    e = tmp_path / "e.yaml"
    e.write_text("format: 1\nset: tiny\nperiod: '2024'\nregions:\n- region: r1\n  entries:\n"
                 "    A1: {a: 5, b: 5}\n", encoding="utf-8")  # fmt: skip
    lint = cli("lint", str(s))
    score = cli("score", "--set", str(s), "--entries", str(e), "--format", "json")
    assert cli("explain", "--set", str(s), "--entries", str(e), "--region", "r1").code in (0, 1)
    assert (lint.code == 1) == (score.code == 1)  # what lint refuses, score refuses too


@pytest.mark.parametrize(
    "extends", ["/etc/passwd", "../../../../etc/passwd", "/etc/shadow", "/dev/zero", "tiny"]
)
def test_extends_cannot_reach_outside_the_sets_folder(tmp_path: Path, extends: str) -> None:
    s = tmp_path / "child.yaml"
    s.write_text(f"format: 1\nid: child\nname: x\nextends: {_q(extends)}\n", encoding="utf-8")
    ran = cli("lint", str(s))
    assert ran.code == 1 and "root:" not in ran.out + ran.err


def test_after_hostile_imports_the_county_report_still_renders(
    workspace: Path, tmp_path: Path
) -> None:
    shutil.copy(ROOT / "samples" / "sd-county-2020" / "2021-chenjing.yaml", tmp_path / "e.yaml")
    assert cli("import", "-w", str(workspace), str(tmp_path / "e.yaml")).code == 1  # 20 regions
    body = (f"    D1-04: {{value: 50, comment: {_q('=cmd|x!A0')}}}\n"
            f"    D1-03: {{value: 999999999999999, evidence: [{_q('https://a.example/=1')}]}}\n")  # fmt: skip
    (tmp_path / "ok.yaml").write_text(entries_yaml(body), encoding="utf-8")
    ran = cli("import", "-w", str(workspace), str(tmp_path / "ok.yaml"))
    assert ran.code == 0, ran.err
    still_works(workspace, tmp_path, report=True)
