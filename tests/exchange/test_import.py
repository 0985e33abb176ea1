"""read_workbook: a filled form comes back as exactly the entries typed, whoever saved it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assessor.errors import AssessorError
from assessor.exchange import read_workbook
from assessor.exchange.rows import COL_NA, COL_VALUE
from assessor.model.indicator_set import CheckLeaf, ChoiceLeaf, InnerNode, LevelLeaf, NumericLeaf

from .conftest import (
    EVALUATOR,
    LEAVES,
    NODES,
    OPTIONAL,
    REGIONS,
    SET,
    Filled,
    row_index,
    soffice_convert,
)


def entries_of(path: Path) -> dict[tuple[str, str], Any]:
    (a,) = read_workbook(path, SET)
    return {(rid, leaf): es for rid, leaves in a.entries.items() for leaf, es in leaves.items()}


def edit(template: Path, out: Path, cells: dict[tuple[int, int], Any], sheet: int = 2) -> Path:
    """The template with some cells of one region sheet set, saved as `out`."""
    from openpyxl import load_workbook

    wb = load_workbook(template)
    ws = wb.worksheets[sheet]
    for (r, c), v in cells.items():
        ws.cell(r, c, v)
    wb.save(out)
    return out


def first_row(template: Path, leaf_id: str, key: str | None = None) -> int:
    from openpyxl import load_workbook

    return row_index(load_workbook(template).worksheets[2])[(leaf_id, key)]


def test_every_filled_cell_imports_as_the_entry_typed(filled: Filled) -> None:
    got = entries_of(filled.path)
    assert {k: v for k, v in got.items()} == {k: [e] for k, e in filled.expected.items()}


def test_the_form_names_period_regions_and_evaluator(filled: Filled) -> None:
    (a,) = read_workbook(filled.path, SET)
    assert a.period == "2021"
    assert list(a.regions.values()) == REGIONS
    assert {e.evaluator for leaves in a.entries.values() for es in leaves.values() for e in es} == {
        EVALUATOR
    }


def test_an_empty_form_imports_no_entries_and_no_errors(template: Path) -> None:
    (a,) = read_workbook(template, SET)
    assert a.entries == {}
    assert len(a.regions) == len(REGIONS)


def test_cells_as_libreoffice_and_wps_store_them_import_as_numbers(
    template: Path, tmp_path: Path
) -> None:
    level = next(n for n in LEAVES if isinstance(n, LevelLeaf))
    check = next(n for n in LEAVES if isinstance(n, CheckLeaf))
    number = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.input and n.input.max)
    integer = next(
        n for n in LEAVES if isinstance(n, NumericLeaf) and n.input and n.input.type == "integer"
    )
    formula = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.inputs)
    a, b = list(formula.inputs or {})
    cells = {
        (first_row(template, level.id), COL_VALUE): "３ ",  # full-width digit, trailing space
        (first_row(template, check.id), COL_VALUE): "√",
        (first_row(template, number.id), COL_VALUE): "８２。５",  # typed with a Chinese IME
        (first_row(template, integer.id), COL_VALUE): 80.0,  # a float where an int is wanted
        (first_row(template, formula.id, a), COL_VALUE): "12",  # a number stored as text
        (first_row(template, formula.id, b), COL_VALUE): True,  # TRUE typed in a number cell
    }
    spec_b = (formula.inputs or {})[b]
    if spec_b.type != "boolean":
        cells[(first_row(template, formula.id, b), COL_VALUE)] = " 40 "
    got = entries_of(edit(template, tmp_path / "wps.xlsx", cells))
    rid = REGIONS[0].id
    assert got[(rid, level.id)][0].value == 3
    assert got[(rid, check.id)][0].value is True
    assert got[(rid, number.id)][0].value == Decimal("82.5")
    assert got[(rid, integer.id)][0].value == 80
    assert got[(rid, formula.id)][0].inputs == {a: Decimal(12), b: Decimal(40)}


def test_a_cross_in_a_yes_no_cell_means_no(template: Path, tmp_path: Path) -> None:
    check = next(n for n in LEAVES if isinstance(n, CheckLeaf))
    got = entries_of(
        edit(template, tmp_path / "x.xlsx", {(first_row(template, check.id), COL_VALUE): "×"})
    )
    assert got[(REGIONS[0].id, check.id)][0].value is False


def test_no_in_the_na_column_means_applicable(template: Path, tmp_path: Path) -> None:
    level = next(n for n in LEAVES if isinstance(n, LevelLeaf))
    r = first_row(template, level.id)
    got = entries_of(edit(template, tmp_path / "n.xlsx", {(r, COL_VALUE): 2, (r, COL_NA): "否"}))
    assert got[(REGIONS[0].id, level.id)][0].na is False


def test_reordered_sheets_and_an_unhidden_meta_sheet_import_the_same(
    filled: Filled, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(filled.path)
    wb["_meta"].sheet_state = "visible"
    wb.move_sheet(wb.worksheets[-1], offset=-(len(wb.worksheets) - 1))
    wb.move_sheet("_meta", offset=len(wb.worksheets))
    wb.save(tmp_path / "moved.xlsx")
    assert entries_of(tmp_path / "moved.xlsx") == entries_of(filled.path)


def test_a_sheet_unknown_to_the_form_is_an_error_naming_it(filled: Filled, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(filled.path)
    wb.copy_worksheet(wb.worksheets[2]).title = "999999 外县"
    wb.save(tmp_path / "extra.xlsx")
    with pytest.raises(AssessorError) as err:
        read_workbook(tmp_path / "extra.xlsx", SET)
    (problem,) = err.value.problems
    assert problem.key == "999999 外县!A1" and "999999 外县" in problem.message


def test_a_file_that_is_not_a_form_is_one_clear_error(tmp_path: Path) -> None:
    from openpyxl import Workbook

    Workbook().save(tmp_path / "plain.xlsx")
    with pytest.raises(AssessorError, match="not an assessor entry form"):
        read_workbook(tmp_path / "plain.xlsx", SET)


def test_a_file_that_is_not_a_workbook_is_an_assessor_error(tmp_path: Path) -> None:
    (tmp_path / "fake.xlsx").write_text("hello", encoding="utf-8")
    with pytest.raises(AssessorError, match=r"cannot read fake\.xlsx"):
        read_workbook(tmp_path / "fake.xlsx", SET)


def test_every_kind_of_bad_cell_is_reported_at_once_with_its_cell_and_allowed_values(
    template: Path, tmp_path: Path
) -> None:
    level = next(n for n in LEAVES if isinstance(n, LevelLeaf))
    choice = next(n for n in LEAVES if isinstance(n, ChoiceLeaf))
    mandatory = next(n for n in LEAVES if isinstance(n, LevelLeaf) and n is not level)
    ranged = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.input and n.input.max)
    other = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.input and n is not ranged)
    formula = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.inputs)
    key, full = list(formula.inputs or {})[:2]
    bad = {
        (level.id, None, COL_VALUE, 9): ["allowed levels", "0"],
        (choice.id, None, COL_VALUE, "特级"): ["allowed options", choice.options[0].key],
        (mandatory.id, None, COL_NA, "是"): ["not optional"],
        (ranged.id, None, COL_VALUE, 1000): ["above the maximum", "allowed"],
        (other.id, None, COL_VALUE, "八十"): ["not a number", "allowed"],
        (formula.id, key, COL_VALUE, "abc"): ["not a number", "allowed"],
    }
    cells = {(first_row(template, lid, k), c): v for (lid, k, c, v) in bad}
    cells[(first_row(template, formula.id, full), COL_VALUE)] = 5  # the formula's other input
    sheet = "371502 东昌府区"
    with pytest.raises(AssessorError) as err:
        read_workbook(edit(template, tmp_path / "bad.xlsx", cells), SET)
    problems = {p.key: p for p in err.value.problems}
    assert len(err.value.problems) == len(bad)
    for (lid, k, c, _), words in bad.items():
        where = f"{sheet}!{'D' if c == COL_VALUE else 'E'}{first_row(template, lid, k)}"
        assert where in problems, where
        assert problems[where].file == str(tmp_path / "bad.xlsx")
        for word in words:
            assert word in problems[where].message, (where, word)


def test_na_on_an_optional_leaf_is_allowed_but_on_a_mandatory_one_it_is_not(
    template: Path, tmp_path: Path
) -> None:
    r = first_row(template, OPTIONAL)
    got = entries_of(edit(template, tmp_path / "na.xlsx", {(r, COL_NA): "是"}))
    assert got[(REGIONS[0].id, OPTIONAL)][0].na is True


def test_a_value_in_a_group_row_is_an_error(template: Path, tmp_path: Path) -> None:
    group = next(n for n in NODES.values() if isinstance(n, InnerNode))
    r = first_row(template, group.id)
    with pytest.raises(AssessorError) as err:
        read_workbook(edit(template, tmp_path / "g.xlsx", {(r, COL_VALUE): 5}), SET)
    assert [p.key for p in err.value.problems] == [f"371502 东昌府区!D{r}"]


def test_a_half_filled_formula_leaf_names_the_empty_input_cell(
    template: Path, tmp_path: Path
) -> None:
    formula = next(n for n in LEAVES if isinstance(n, NumericLeaf) and n.inputs)
    a, b = list(formula.inputs or {})[:2]
    cells = {(first_row(template, formula.id, a), COL_VALUE): 3}
    with pytest.raises(AssessorError) as err:
        read_workbook(edit(template, tmp_path / "half.xlsx", cells), SET)
    assert [p.key for p in err.value.problems] == [
        f"371502 东昌府区!D{first_row(template, formula.id, b)}"
    ]


def test_a_form_for_another_set_is_refused(filled: Filled) -> None:
    other = SET.model_copy(update={"id": "other-set"})
    with pytest.raises(AssessorError, match="not other-set"):
        read_workbook(filled.path, other)


def test_a_file_converted_by_libreoffice_imports_identically(
    filled: Filled, tmp_path: Path
) -> None:
    converted = soffice_convert(filled.path, "xlsx", tmp_path / "lo")
    assert entries_of(converted) == entries_of(filled.path)


def with_shared_strings(source: Path, out: Path) -> Path:
    """The workbook rewritten as Excel and LibreOffice store text: every inline-string cell
    (as openpyxl and streaming writers store it) becomes an index into xl/sharedStrings.xml."""
    import zipfile
    from xml.sax.saxutils import escape

    from lxml import etree

    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    q = f"{{{ns}}}"
    texts: dict[str, int] = {}
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        assert "xl/sharedStrings.xml" not in zin.namelist()
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                root = etree.fromstring(data)
                for c in root.iter(f"{q}c"):
                    if c.get("t") == "inlineStr":
                        text = "".join(c.find(f"{q}is").itertext())
                        c.remove(c.find(f"{q}is"))
                        c.set("t", "s")
                        etree.SubElement(c, f"{q}v").text = str(texts.setdefault(text, len(texts)))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            zout.writestr(item, data)
        items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in texts)
        zout.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{ns}" count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>',
        )
    return out


def test_text_in_shared_strings_or_inline_strings_imports_identically(
    filled: Filled, tmp_path: Path
) -> None:
    import zipfile

    shared = with_shared_strings(filled.path, tmp_path / "shared.xlsx")
    assert b"inlineStr" in zipfile.ZipFile(filled.path).read("xl/worksheets/sheet3.xml")
    assert b't="s"' in zipfile.ZipFile(shared).read("xl/worksheets/sheet3.xml")
    assert entries_of(shared) == entries_of(filled.path)
