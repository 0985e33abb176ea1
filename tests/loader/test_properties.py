"""Whatever an evaluator feeds the loader, the answer is a set, entries, or AssessorError:
never a traceback."""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.errors import AssessorError
from assessor.loader import load_entries, load_set
from assessor.loader.lint import lint_paths
from assessor.loader.located import parse_yaml
from tests.loader.test_entries import SET

ROOT = Path(__file__).parents[2]
VALID = (ROOT / "indicators" / "sx-digital-gov.yaml").read_text(encoding="utf-8")
FOLDER = Path(tempfile.mkdtemp(prefix="assessor-loader-props-"))
SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_N", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

KEYS = [
    "id", "name", "points", "share", "kind", "method", "children", "bands", "levels",
    "options", "input", "inputs", "value", "min", "max", "above", "score", "level", "key",
    "label", "tree", "rating", "grades", "when", "node_ratio", "node", "effect", "max_stars",
    "extends", "override", "remove", "add", "under", "after", "rounding", "mode", "digits",
    "curve", "full_score", "normalize", "optional", "rank_levels", "max_rank", "format",
    "set", "period", "regions", "region", "entries", "na", "comment", "by", "evidence",
]  # fmt: skip
WORDS = [
    "bands", "level", "check", "ratio", "choice", "core", "bonus", "veto", "zero", "half_up",
    "na", "yes", "否", "A", "A1", "t", "2024", "2024-W53", "used / total", "", "x" * 3,
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(float),
    st.sampled_from(WORDS),
    st.text(max_size=8),
)
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    ),
    max_leaves=25,
)


def write(name: str, text: str | bytes) -> Path:
    path = FOLDER / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def try_load(path: Path) -> None:
    try:
        load_set(path)
    except AssessorError as exc:
        assert exc.problems, "an AssessorError must say what is wrong"
    lint_paths([path])  # never raises


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_gives_a_set_or_assessor_error(text: str) -> None:
    try_load(write("fuzz.yaml", text))


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_give_a_set_or_assessor_error(data: bytes) -> None:
    try_load(write("fuzz.yaml", data))


@SETTINGS
@given(st.integers(0, len(VALID) - 1), st.integers(1, 40), st.text(max_size=5))
def test_a_mangled_real_set_gives_a_set_or_assessor_error(at: int, cut: int, insert: str) -> None:
    try_load(write("mangled.yaml", VALID[:at] + insert + VALID[at + cut :]))


@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), structures, max_size=8))
def test_any_structure_gives_a_set_or_assessor_error(data: dict[str, Any]) -> None:
    try_load(write("struct.yaml", yaml.safe_dump(data, allow_unicode=True)))


node = st.fixed_dictionaries(
    {"id": st.sampled_from(["A", "A1", "A2", "B"]), "name": st.just("n")},
    optional={
        k: structures for k in ("points", "share", "method", "kind", "bands", "levels", "effect")
    },
)


@SETTINGS
@given(st.lists(node, min_size=1, max_size=4), structures)
def test_node_shaped_structures_give_a_set_or_assessor_error(nodes: list[Any], rating: Any) -> None:
    data = {"id": "t", "name": "t", "tree": nodes, "rating": rating}
    try_load(write("nodes.yaml", yaml.safe_dump(data, allow_unicode=True)))


INDICATOR_SET = load_set(write("t.yaml", SET))
entry_values = st.one_of(
    scalars,
    st.dictionaries(
        st.sampled_from(["value", "comment", "by", "na", "used", "total", "x"]), scalars, max_size=4
    ),
)


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(["N1", "N2", "L1", "C1", "K1", "F1", "O1", "P1", "D1", "Z"]),
        entry_values,
        max_size=8,
    ),
    st.one_of(st.sampled_from(["2024", "2024-Q2", "2024-W09", "2024-13", "x"]), scalars),
    st.one_of(st.just("t"), scalars),
)
def test_any_entries_give_assessments_or_assessor_error(
    entries: dict[str, Any], period: Any, set_id: Any
) -> None:
    data = {"set": set_id, "period": period, "regions": [{"region": "r1", "entries": entries}]}
    path = write("e.yaml", yaml.safe_dump(data, allow_unicode=True))
    try:
        load_entries([path], INDICATOR_SET)
    except AssessorError as exc:
        assert exc.problems


@SETTINGS
@given(st.decimals(allow_nan=False, allow_infinity=False, places=6))
def test_decimals_round_trip_exactly_through_yaml_text(d: Decimal) -> None:
    text = format(d, "f")
    if "." not in text:
        text += ".0"
    assert parse_yaml(f"v: {text}\n")["v"] == Decimal(text)
