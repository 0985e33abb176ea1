"""The whole trip through a workspace, as an evaluator makes it with the CLI: entry form →
filled (by a script here, by Excel / WPS / LibreOffice in life) → import → export; every
value comes back identical, also when LibreOffice saved the form."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assessor.model import Entry
from assessor.store.workspace import Workspace, open_workspace
from tests.cli_run import assessor

from .conftest import EVALUATOR, REGIONS, Filled, fill_form, soffice_convert

ROOT = Path(__file__).resolve().parents[2]


def new_workspace(folder: Path) -> Path:
    shutil.copytree(ROOT / "samples" / "workspace", folder)
    return folder


@pytest.fixture(scope="module")
def trip(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Filled]]:
    """A workspace with a form written by `assessor template`, filled and imported."""
    tmp = tmp_path_factory.mktemp("trip")
    ws = new_workspace(tmp / "ws")
    regions = [a for r in REGIONS for a in ("--region", r.id)]
    p = assessor("template", str(ws), "-o", str(tmp / "form.xlsx"), "--evaluator", EVALUATOR,
                 *regions)  # fmt: skip
    assert p.returncode == 0, p.stderr
    filled = fill_form(tmp / "form.xlsx", tmp / "filled.xlsx")
    p = assessor("import", "-w", str(ws), "--who", "录入员", str(filled.path))
    assert p.returncode == 0, p.stderr
    yield ws, filled


def stored(ws_folder: Path) -> dict[tuple[str, str], Entry]:
    w: Workspace = open_workspace(ws_folder)
    try:
        return {(s.region, s.leaf): s.entry for s in w.get_entries("2021")}
    finally:
        w.close()


def test_imported_entries_are_the_values_typed_into_the_form(trip: tuple[Path, Filled]) -> None:
    ws, filled = trip
    assert stored(ws) == filled.expected


def test_a_form_saved_by_libreoffice_imports_the_same_entries(
    trip: tuple[Path, Filled], tmp_path: Path
) -> None:
    _, filled = trip
    converted = soffice_convert(filled.path, "xlsx", tmp_path / "lo")
    ws = new_workspace(tmp_path / "ws")
    p = assessor("import", "-w", str(ws), str(converted))
    assert p.returncode == 0, p.stderr
    assert stored(ws) == filled.expected


def shown(entry: Entry) -> Any:
    """What 填报值 must show for an entry, as comparable values (numbers as Decimals)."""
    if entry.inputs:
        return {k: Decimal(str(v)) for k, v in entry.inputs.items()}
    v = entry.value
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, int | Decimal):
        return Decimal(v)
    return "" if v is None else v


def read_shown(text: str) -> Any:
    if "=" in text:
        return {k: Decimal(v) for k, v in (p.split("=") for p in text.split(", "))}
    try:
        return Decimal(text)
    except ArithmeticError:
        return text


def test_the_export_shows_every_value_comment_and_evidence_as_imported(
    trip: tuple[Path, Filled], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    ws, filled = trip
    out = tmp_path / "结果.xlsx"
    p = assessor("export", str(ws), "-o", str(out), "--period", "2021")
    assert p.returncode == 0, p.stderr
    sheet = load_workbook(out, read_only=True)["填报"]
    rows = list(sheet.iter_rows(values_only=True))
    head = rows[0]
    got = {}
    for r in rows[1:]:
        row = dict(zip(head, r, strict=True))
        got[(row["地区编码"], row["编号"])] = (
            read_shown(str(row["填报值"] or "")),
            row["不适用"] == "是",
            row["备注"] or None,
            tuple(x for x in str(row["佐证材料"] or "").split("; ") if x),
            row["评估人"],
        )
    want = {
        k: (shown(e), e.na, e.comment, e.evidence, EVALUATOR) for k, e in filled.expected.items()
    }
    assert got == want
