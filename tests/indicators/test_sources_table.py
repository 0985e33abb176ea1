"""docs/sources.md cannot drift from the sets: each quoted number is the target, threshold or
weight of the indicator the table names, and that indicator quotes the same sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from assessor.loader import load_set
from assessor.model.indicator_set import (
    BandsLeaf,
    CheckLeaf,
    ChoiceLeaf,
    IndicatorSet,
    RankLeaf,
    source_list,
    walk,
)
from tests.indicators.common import INDICATORS, ROOT
from tests.indicators.quotes import SOURCES, quote_found, squeeze

TABLE = ROOT / "docs" / "sources.md"
NONE = "—"


@dataclass(frozen=True)
class Row:
    section: str
    doc: Path | None
    quote: str
    number: str
    set_id: str
    node: str
    field: str
    note: str


def sections() -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    title, doc = "", None
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            title = line[3:].strip()
            m = re.search(r"`(\d{3}_[0-9a-f]+\.txt)`", line)
            doc = SOURCES / m.group(1) if m else None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] in ("quote", "---") or not line.startswith("|"):
            continue
        out.setdefault(title, []).append(Row(title, doc, *cells))
    return {k: v for k, v in out.items() if v}


SECTIONS = sections()


@cache
def indicator_set(set_id: str) -> IndicatorSet:
    return load_set(INDICATORS / f"{set_id}.yaml")


def check_row(row: Row) -> list[str]:
    """What is wrong with one row (nothing: an empty list)."""
    if row.set_id == NONE:
        return [] if row.note else [f"{row.quote}: no set and no reason"]
    nodes = {n.id: n for n in walk(indicator_set(row.set_id).tree)}
    node = nodes.get(row.node)
    if node is None:
        return [f"{row.set_id} has no indicator {row.node}"]
    problems = []
    quotes = {squeeze(r.quote or "") for r in source_list(node.source)}
    if isinstance(node, BandsLeaf):
        for b in node.bands:
            quotes |= {squeeze(r.quote or "") for r in source_list(b.source)}
    if squeeze(row.quote) not in quotes:
        problems.append(f"{row.node} does not quote {row.quote!r}")
    if row.doc is not None and not quote_found(row.quote, row.doc.read_text(encoding="utf-8")):
        problems.append(f"{row.quote!r} is not in {row.doc.name}")
    if row.field == "milestone":
        if not isinstance(node, CheckLeaf | ChoiceLeaf):
            problems.append(f"{row.node} is a milestone but not a yes/no or choice indicator")
        return problems
    n = Decimal(row.number)
    if row.field == "target":
        ok = getattr(node, "target", None) == n
    elif row.field == "points":
        ok = node.points == n
    elif row.field == "band":
        ok = isinstance(node, BandsLeaf) and any(n in (b.min, b.above) for b in node.bands)
    elif row.field == "rank":
        ok = isinstance(node, RankLeaf) and any(r.max_rank == n for r in node.rank_levels or [])
    elif row.field == "weight":
        value = getattr(node, "value", None) or ""
        ok = any(Decimal(x) == n for x in re.findall(r"\d+(?:\.\d+)?", value))
    else:
        return [*problems, f"unknown field {row.field!r}"]
    if not ok:
        problems.append(f"{row.set_id} {row.node}: {row.field} is not {row.number}")
    return problems


@pytest.mark.parametrize("section", list(SECTIONS))
def test_each_quoted_number_is_carried_by_the_indicator_named(section: str) -> None:
    problems = [p for row in SECTIONS[section] for p in check_row(row)]
    assert not problems, "\n".join(problems)


def test_every_source_document_has_a_table() -> None:
    docs = {row.doc.name for rows in SECTIONS.values() for row in rows if row.doc}
    assert docs == {p.name for p in SOURCES.glob("*.txt")}


def test_every_target_quoted_from_a_source_file_is_in_the_table() -> None:
    """The other direction: a set's target backed by a local file has its row."""
    listed = {(r.set_id, r.node) for rows in SECTIONS.values() for r in rows}
    missing = []
    for path in sorted(INDICATORS.glob("*.yaml")):
        s = indicator_set(path.stem)
        for node in walk(s.tree):
            for ref in source_list(node.source):
                local = (SOURCES / ref.doc).is_file()
                if local and "target" in ref.for_ and (s.id, node.id) not in listed:
                    missing.append(f"{s.id} {node.id}")
    assert not missing, missing


def test_a_row_with_the_wrong_number_is_caught() -> None:
    row = next(r for r in SECTIONS[next(iter(SECTIONS))] if r.field == "target")
    wrong = Row(**{**row.__dict__, "number": str(Decimal(row.number) + 1)})
    assert check_row(wrong) == [f"{row.set_id} {row.node}: target is not {wrong.number}"]
