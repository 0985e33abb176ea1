"""Excel round trips: template → filled by a script → import → export, also through LibreOffice."""

from __future__ import annotations

import contextlib
import csv
import shutil
import subprocess
import uuid
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.errors import AssessorError
from assessor.exchange import (
    read_csv,
    read_workbook,
    write_csv_template,
    write_export,
    write_template,
)
from assessor.exchange.rows import COL_COMMENT, COL_ID, COL_KEY, COL_NA, COL_VALUE, input_spec
from assessor.loader import load_set
from assessor.model import Region
from assessor.model.indicator_set import CheckLeaf, ChoiceLeaf, LevelLeaf, walk
from assessor.scoring import compile_checked, display, score

ROOT = Path(__file__).resolve().parents[2]
SET = load_set(ROOT / "indicators" / "sd-county-2020.yaml")
NODES = {n.id: n for n in walk(list(SET.tree))}
REGIONS = [
    Region(id="371502", name="东昌府区", group="聊城市"),
    Region(id="371503", name="茌平区", group="聊城市"),
]


def valid_value(node_id: str, key: str | None, seed: int) -> Any:
    node = NODES[node_id]
    if isinstance(node, LevelLeaf):
        return 1 + seed % max(d.level for d in node.levels)
    if isinstance(node, ChoiceLeaf):
        return node.options[seed % len(node.options)].key
    if isinstance(node, CheckLeaf):
        return "否" if node.kind == "veto" else ("是" if seed % 2 else "否")
    from assessor.exchange.rows import FormRow

    spec = input_spec(FormRow(node, 0, key))
    lo = spec.min if spec and spec.min is not None else D(0)
    hi = spec.max if spec and spec.max is not None else lo + 100
    v = lo + (hi - lo) * D(seed % 7 + 1) / 8
    return int(v) if spec and spec.type == "integer" else float(round(v, 1))


def fill(
    path: Path, out: Path, *, na_leaf: str | None = None
) -> dict[tuple[str, str, str | None], Any]:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    filled: dict[tuple[str, str, str | None], Any] = {}
    for ws in wb.worksheets[2:]:
        for i, row in enumerate(ws.iter_rows(min_row=2), start=2):
            node_id = row[COL_ID - 1].value
            if row[COL_VALUE - 1].protection.locked or node_id is None:
                continue
            key = row[COL_KEY - 1].value or None
            if node_id == na_leaf:
                ws.cell(i, COL_NA, "是")
                filled[(ws.title, node_id, key)] = "na"
                continue
            value = valid_value(node_id, key, i)
            ws.cell(i, COL_VALUE, value)
            filled[(ws.title, node_id, key)] = value
        ws.cell(3, COL_COMMENT, "已建成<b>，见附件")
    wb.save(out)
    return filled


@pytest.fixture(scope="module")
def filled_form(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    tmp = tmp_path_factory.mktemp("form")
    template = write_template(tmp / "form.xlsx", SET, REGIONS, period="2021", evaluator="张三")
    optional = next(n.id for n in NODES.values() if n.optional and not hasattr(n, "children"))
    values = fill(template, tmp / "filled.xlsx", na_leaf=optional)
    return tmp / "filled.xlsx", values


def test_template_has_instructions_a_sheet_per_region_and_protection(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(write_template(tmp_path / "t.xlsx", SET, REGIONS, period="2021"))
    assert wb.sheetnames[:2] == ["说明", "_meta"]
    assert wb.sheetnames[2:] == ["371502 东昌府区", "371503 茌平区"]
    ws = wb["371502 东昌府区"]
    assert ws.protection.sheet
    assert [c.value for c in ws[1]][:4] == ["编号", "指标", "填报项", "填报值"]
    assert ws.data_validations.dataValidation  # drop-downs and ranges
    assert wb["_meta"].sheet_state == "hidden"


def test_a_filled_form_imports_every_value(filled_form: tuple[Path, dict]) -> None:
    path, values = filled_form
    (a,) = read_workbook(path, SET)
    assert a.period == "2021"
    assert set(a.regions) == {"371502", "371503"}
    e = a.entries["371502"]
    some = next(
        k for k in values if k[0].startswith("371502") and k[2] is None and values[k] != "na"
    )
    entry = e[some[1]][0]
    assert entry.evaluator == "张三"
    got = entry.value
    want = values[some]
    assert (
        (got == want)
        or (str(got) == str(want))
        or (got is True and want == "是")
        or (got is False and want == "否")
    )
    na_key = next(k for k, v in values.items() if v == "na")
    assert e[na_key[1]][0].na


def test_a_file_converted_by_libreoffice_imports_identically(
    filled_form: tuple[Path, dict], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (Debian libreoffice-calc-nogui) is not installed")
    path, _ = filled_form
    profile = f"file:///tmp/lo-profile-{uuid.uuid4().hex}"
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)  # fmt: skip
    converted = tmp_path / path.name
    assert converted.exists()
    original = read_workbook(path, SET)[0].entries
    again = read_workbook(converted, SET)[0].entries
    assert again == original


def test_every_bad_cell_is_reported_with_its_place_and_the_allowed_values(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_template(tmp_path / "t.xlsx", SET, REGIONS[:1], period="2021")
    wb = load_workbook(path)
    ws = wb.worksheets[2]
    rows = {
        (r[COL_ID - 1].value, r[COL_KEY - 1].value or None): i
        for i, r in enumerate(ws.iter_rows(min_row=2), 2)
    }
    level = next(n for n in NODES.values() if isinstance(n, LevelLeaf))
    choice = next(n for n in NODES.values() if isinstance(n, ChoiceLeaf))
    mandatory = next(
        n for n in NODES.values() if isinstance(n, LevelLeaf) and not n.optional and n is not level
    )
    ws.cell(rows[(level.id, None)], COL_VALUE, 9)
    ws.cell(rows[(choice.id, None)], COL_VALUE, "特级")
    ws.cell(rows[(mandatory.id, None)], COL_NA, "是")
    wb.save(path)
    with pytest.raises(AssessorError) as err:
        read_workbook(path, SET)
    text = str(err.value)
    assert f"!D{rows[(level.id, None)]}" in text and "allowed" in text
    assert f"!D{rows[(choice.id, None)]}" in text and choice.options[0].key in text
    assert f"!E{rows[(mandatory.id, None)]}" in text
    assert len(err.value.problems) == 3


def test_export_opens_with_a_second_reader_and_matches_the_engine(
    filled_form: tuple[Path, dict], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path, _ = filled_form
    assessments = read_workbook(path, SET)
    cs = compile_checked(SET)
    results = score(cs, assessments)
    out = write_export(tmp_path / "results.xlsx", cs, results, assessments)
    wb = load_workbook(out, data_only=True)
    assert wb.sheetnames == ["排名", "明细", "填报"]
    totals = {row[3]: row[6] for row in wb["排名"].iter_rows(min_row=2, values_only=True)}
    assert {k: D(str(v)).quantize(D("0.01")) for k, v in totals.items()} == {
        r.region: D(display(cs, r.total)) for r in results
    }
    soffice = shutil.which("soffice")
    if soffice:
        profile = f"file:///tmp/lo-profile-{uuid.uuid4().hex}"
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv",
                        "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)  # fmt: skip
        with (tmp_path / "results.csv").open(encoding="utf-8", errors="replace") as f:
            text = f.read()
        assert display(cs, results[0].total).rstrip("0").rstrip(".") in text


def test_csv_round_trip(tmp_path: Path) -> None:
    path = write_csv_template(tmp_path / "t.csv", SET, REGIONS[:1], period="2021", evaluator="李四")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    reader = list(csv.reader(lines))
    header, body = reader[0], reader[1:]
    for i, row in enumerate(body):
        row[header.index("value")] = str(
            valid_value(row[header.index("indicator")], row[header.index("input")] or None, i)
        )
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([header, *body])
    (a,) = read_csv(path, SET)
    assert a.period == "2021"
    assert sum(len(v) for v in a.entries["371502"].values()) == len(
        {r[header.index("indicator")] for r in body}
    )


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    level = next(n for n in NODES.values() if isinstance(n, LevelLeaf))
    p = tmp_path / "bad.csv"
    p.write_text(
        f"region,period,indicator,value\n371502,2021,{level.id},7\n371502,2021,NOPE,1\n",
        encoding="utf-8",
    )
    with pytest.raises(AssessorError) as err:
        read_csv(p, SET)
    assert [(x.line, x.key) for x in err.value.problems] == [(3, "indicator"), (2, "value")]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_random_cell_text_only_ever_gives_assessor_errors(tmp_path: Path, texts: list[str]) -> None:
    from openpyxl import load_workbook

    path = tmp_path / f"r{uuid.uuid4().hex}.xlsx"
    write_template(path, SET, REGIONS[:1], period="2021")
    wb = load_workbook(path)
    ws = wb.worksheets[2]
    for i, text in enumerate(texts):
        clean = "".join(ch for ch in text if ch.isprintable())
        ws.cell(3 + i * 3, COL_VALUE, clean or None)
    wb.save(path)
    with contextlib.suppress(AssessorError):
        read_workbook(path, SET)
