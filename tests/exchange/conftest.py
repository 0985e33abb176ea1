"""Shared pieces of the exchange tests: the real sd-county-2020 set, a form filled by a script
(as an evaluator would with Excel) and LibreOffice conversions, each made once per session."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assessor.exchange import write_template
from assessor.exchange.rows import COL_COMMENT, COL_EVIDENCE, COL_ID, COL_KEY, COL_NA, COL_VALUE
from assessor.loader import load_set
from assessor.model import Entry, Region
from assessor.model.indicator_set import (
    AnyNode,
    CheckLeaf,
    ChoiceLeaf,
    InnerNode,
    InputSpec,
    LevelLeaf,
    NumericLeaf,
    walk,
)

ROOT = Path(__file__).resolve().parents[2]
SET = load_set(ROOT / "indicators" / "sd-county-2020.yaml")
NODES: dict[str, AnyNode] = {n.id: n for n in walk(list(SET.tree))}
LEAVES = [n for n in NODES.values() if not isinstance(n, InnerNode)]
REGIONS = [
    Region(id="371502", name="东昌府区", group="聊城市"),
    Region(id="371503", name="茌平区", group="聊城市"),
    Region(id="371581", name="临清市", group="聊城市"),
]
OPTIONAL = next(n.id for n in LEAVES if n.optional)
EVALUATOR = "张三"


def spec_of(node: AnyNode, key: str | None) -> InputSpec | None:
    if isinstance(node, NumericLeaf):
        return (node.inputs or {}).get(key or "") if key else node.input
    return None


def cell_value(node: AnyNode, key: str | None, seed: int) -> Any:
    """A valid value as a spreadsheet holds it: int, float or text, varied by `seed`."""
    if isinstance(node, LevelLeaf):
        return seed % (max(d.level for d in node.levels) + 1)
    if isinstance(node, ChoiceLeaf):
        return node.options[seed % len(node.options)].key
    if isinstance(node, CheckLeaf):
        return "否" if node.kind == "veto" else ("是" if seed % 2 else "否")
    spec = spec_of(node, key)
    lo = spec.min if spec and spec.min is not None else Decimal(0)
    hi = spec.max if spec and spec.max is not None else lo + 200
    v = lo + (hi - lo) * Decimal(seed % 7 + 1) / 8
    return int(v) if spec and spec.type == "integer" else float(round(v, 1))


def as_entry_value(node: AnyNode, v: Any) -> Any:
    """What the Entry must hold for a cell value written by `cell_value`."""
    if isinstance(node, LevelLeaf):
        return int(v)
    if isinstance(node, CheckLeaf):
        return v == "是"
    if isinstance(node, ChoiceLeaf):
        return v
    return Decimal(str(v))


@dataclass
class Filled:
    """A filled form and the entries it must import as, per (region id, leaf id)."""

    path: Path
    expected: dict[tuple[str, str], Entry] = field(default_factory=dict)
    rows: dict[tuple[str, str, str | None], int] = field(default_factory=dict)


def row_index(ws: Any) -> dict[tuple[str, str | None], int]:
    """(leaf id, input name or None) → row number on a region sheet."""
    return {
        (r[COL_ID - 1].value, r[COL_KEY - 1].value or None): i
        for i, r in enumerate(ws.iter_rows(min_row=2), start=2)
        if r[COL_ID - 1].value is not None
    }


def fill_form(template: Path, out: Path) -> Filled:
    """Fill every leaf of every region as an evaluator would: values, inputs, N/A, notes."""
    from openpyxl import load_workbook

    wb = load_workbook(template)
    filled = Filled(out)
    for ws, region in zip(wb.worksheets[2:], REGIONS, strict=True):
        seed = int(region.id[-1])
        for (leaf_id, key), r in row_index(ws).items():
            filled.rows[(region.id, leaf_id, key)] = r
        for n, node in enumerate(LEAVES):
            rows = {k: r for (lid, k), r in row_index(ws).items() if lid == node.id}
            first = min(rows.values())
            comment = f"第{n}项：已建成，见附件" if n % 5 == 0 else None
            evidence = (f"佐证/{node.id}.pdf", "https://example.org/a") if n % 7 == 0 else ()
            if comment:
                ws.cell(first, COL_COMMENT, comment)
            if evidence:
                ws.cell(first, COL_EVIDENCE, "; ".join(evidence))
            if node.id == OPTIONAL and seed != 3:
                ws.cell(first, COL_NA, "是")
                entry = Entry(na=True, comment=comment, evidence=evidence, evaluator=EVALUATOR)
            elif isinstance(node, NumericLeaf) and node.inputs:
                inputs = {}
                for key, r in rows.items():
                    v = cell_value(node, key, seed + r)
                    ws.cell(r, COL_VALUE, v)
                    inputs[key] = as_entry_value(node, v)
                entry = Entry(
                    inputs=inputs, comment=comment, evidence=evidence, evaluator=EVALUATOR
                )
            else:
                v = cell_value(node, None, seed + first)
                ws.cell(first, COL_VALUE, v)
                entry = Entry(
                    value=as_entry_value(node, v),
                    comment=comment,
                    evidence=evidence,
                    evaluator=EVALUATOR,
                )
            filled.expected[(region.id, node.id)] = entry
    wb.save(out)
    return filled


def soffice_convert(source: Path, to: str, outdir: Path) -> Path:
    """Convert with LibreOffice headless in a private profile (parallel runs must not clash)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (Debian libreoffice-calc-nogui) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    profile_dir = Path(f"/tmp/lo-profile-{uuid.uuid4().hex}")
    try:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile_dir}", "--headless",
             "--convert-to", to, "--outdir", str(outdir), str(source)],
            check=True, capture_output=True, timeout=240,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)
    out = outdir / f"{source.stem}.{to.split(':')[0]}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("template")
    return write_template(tmp / "form.xlsx", SET, REGIONS, period="2021", evaluator=EVALUATOR)


@pytest.fixture(scope="session")
def filled(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Filled:
    return fill_form(template, tmp_path_factory.mktemp("filled") / "filled.xlsx")
