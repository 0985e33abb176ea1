"""write_template: the entry form an evaluator fills in, checked cell by cell with openpyxl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assessor.exchange import write_template
from assessor.exchange.rows import (
    COL_COMMENT,
    COL_CRITERIA,
    COL_EVIDENCE,
    COL_GUIDE,
    COL_ITEM,
    COL_NA,
    COL_NAME,
    COL_VALUE,
)
from assessor.exchange.template import sheet_title
from assessor.model import Region
from assessor.model.indicator_set import InnerNode, LevelLeaf, NumericLeaf

from .conftest import EVALUATOR, LEAVES, NODES, OPTIONAL, REGIONS, SET, row_index

INPUT_COLUMNS = {COL_VALUE, COL_NA, COL_COMMENT, COL_EVIDENCE}


@pytest.fixture(scope="module")
def wb(template: Path) -> Any:
    from openpyxl import load_workbook

    return load_workbook(template)


@pytest.fixture(scope="module")
def ws(wb: Any) -> Any:
    return wb.worksheets[2]


def validation_of(ws: Any, coordinate: str) -> Any:
    found = [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]
    return found[0] if found else None


def test_instructions_come_first_then_one_sheet_per_region(wb: Any) -> None:
    assert wb.sheetnames == ["说明", "_meta", *(f"{r.id} {r.name}" for r in REGIONS)]
    text = "\n".join(str(c.value) for c in wb["说明"]["A"] if c.value)
    assert SET.id in text and "2021" in text and "不适用" in text


def test_meta_sheet_is_hidden_and_names_set_version_period_evaluator_and_format(wb: Any) -> None:
    meta = wb["_meta"]
    assert meta.sheet_state == "hidden"
    values = {r[0]: r[1] for r in meta.iter_rows(min_row=2, values_only=True) if r[0] != "region"}
    assert values == {
        "format": "1",
        "set": SET.id,
        "version": SET.version or "",
        "period": "2021",
        "evaluator": EVALUATOR,
    }


def test_headers_are_chinese_and_the_header_row_is_frozen(ws: Any) -> None:
    headers = [c.value for c in ws[1]][:9]
    assert headers == ["编号", "指标", "填报项", "填报值", "不适用", "备注", "佐证材料", "评分标准", "填报说明"]  # fmt: skip
    assert ws.freeze_panes == "D2"


def test_only_input_cells_of_leaf_rows_are_unlocked_on_a_protected_sheet(ws: Any) -> None:
    assert ws.protection.sheet
    for (leaf_id, _), r in row_index(ws).items():
        unlocked = {c for c in range(1, 10) if not ws.cell(r, c).protection.locked}
        if isinstance(NODES[leaf_id], InnerNode):
            assert unlocked == set(), leaf_id
        else:
            assert COL_VALUE in unlocked and unlocked <= INPUT_COLUMNS, leaf_id


def depths(nodes: list[Any], depth: int = 0) -> dict[str, int]:
    out: dict[str, int] = {}
    for n in nodes:
        out[n.id] = depth
        if isinstance(n, InnerNode):
            out |= depths(list(n.children), depth + 1)
    return out


def test_dimension_rows_are_bold_and_names_indented_by_depth(ws: Any) -> None:
    depth = depths(list(SET.tree))
    for (node_id, _), r in row_index(ws).items():
        name = ws.cell(r, COL_NAME)
        assert name.value == "　" * depth[node_id] + NODES[node_id].name
        assert bool(name.font.b) == isinstance(NODES[node_id], InnerNode), node_id


def test_a_formula_leaf_gets_one_row_per_input_labelled_with_the_input(ws: Any) -> None:
    formula = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.inputs)
    rows = row_index(ws)
    for key, spec in (formula.inputs or {}).items():
        assert ws.cell(rows[(formula.id, key)], COL_ITEM).value == (spec.label or key)


def test_na_is_open_only_on_optional_leaves_and_only_takes_yes(ws: Any) -> None:
    rows = row_index(ws)
    optional_cell = ws.cell(rows[(OPTIONAL, None)], COL_NA)
    assert not optional_cell.protection.locked
    assert validation_of(ws, optional_cell.coordinate).formula1 == '"是"'
    mandatory = next(n for n in LEAVES if not n.optional and not getattr(n, "inputs", None))
    assert ws.cell(rows[(mandatory.id, None)], COL_NA).protection.locked


def test_a_level_leaf_has_a_drop_down_of_its_levels_and_its_criteria_beside(ws: Any) -> None:
    level = next(n for n in LEAVES if isinstance(n, LevelLeaf))
    r = row_index(ws)[(level.id, None)]
    dv = validation_of(ws, ws.cell(r, COL_VALUE).coordinate)
    assert dv.type == "list"
    assert dv.formula1 == '"' + ",".join(str(x) for x in range(max(d.level for d in level.levels) + 1)) + '"'  # fmt: skip
    criteria = ws.cell(r, COL_CRITERIA).value
    assert all(d.criteria in criteria for d in level.levels if d.criteria)


def test_the_guidance_beside_a_leaf_says_which_evidence_is_required(ws: Any) -> None:
    needs = next(n for n in LEAVES if n.evidence and n.evidence.required and n.evidence.hint)
    guide = ws.cell(row_index(ws)[(needs.id, None)], COL_GUIDE).value
    assert f"佐证（必须提供）：{needs.evidence.hint}" in guide  # type: ignore[union-attr]


def test_a_ranged_input_has_a_decimal_rule_with_a_chinese_message(ws: Any) -> None:
    ranged = next(
        n for n in LEAVES if isinstance(n, NumericLeaf) and n.input and n.input.max is not None
    )
    assert ranged.input is not None
    dv = validation_of(ws, ws.cell(row_index(ws)[(ranged.id, None)], COL_VALUE).coordinate)
    assert (dv.type, dv.operator, dv.showErrorMessage) == ("decimal", "between", True)
    assert float(dv.formula2) == float(ranged.input.max)
    assert "请填写" in dv.error


def test_an_integer_input_has_a_whole_number_rule(ws: Any) -> None:
    formula = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.inputs)
    key, _ = next((k, s) for k, s in (formula.inputs or {}).items() if s.type == "integer")
    dv = validation_of(ws, ws.cell(row_index(ws)[(formula.id, key)], COL_VALUE).coordinate)
    assert dv.type == "whole" and "整数" in dv.error


def test_sheet_titles_are_at_most_31_characters_without_forbidden_ones() -> None:
    taken: set[str] = set()
    long = Region(id="370000", name="某市[测试]/区:县*?很长很长很长很长很长很长很长很长的名字")
    title = sheet_title(long, taken)
    assert len(title) <= 31 and not set(title) & set("[]:*?/\\")
    assert sheet_title(long, taken) != title  # a second region of the same name stays distinct


def test_a_region_without_a_name_gets_its_code_as_title(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_template(tmp_path / "t.xlsx", SET, [Region(id="371502")], period="2021")
    assert load_workbook(path).sheetnames[2:] == ["371502"]
