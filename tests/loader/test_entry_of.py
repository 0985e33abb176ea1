"""`entry_of` (model/entries.py) is `Entry(**fields)`: what validation would keep as it is is
built without validating it again, anything else is validated, and nobody can tell the
difference (fields, their order, the fields marked as set, the dump, the error)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from assessor.model import entries as module
from assessor.model.entries import Entry, entry_of


class _Text(str):
    """A str subclass: validation turns it into a plain str."""


_NUMBERS = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True, places=3),
    st.integers(min_value=-5, max_value=5),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
_VALUES = st.one_of(
    st.none(), st.booleans(), _NUMBERS, st.text(max_size=5), st.builds(_Text, st.text(max_size=3))
)
_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "value": _VALUES,
        "inputs": st.one_of(st.none(), st.dictionaries(st.text(max_size=3), _VALUES, max_size=3)),
        "na": st.one_of(st.booleans(), st.integers(0, 1)),
        "comment": st.one_of(st.none(), st.text(max_size=5), st.integers(0, 3)),
        "evidence": st.one_of(
            st.tuples(st.text(max_size=3)), st.lists(st.text(max_size=3), max_size=2)
        ),
        "evaluator": st.one_of(st.text(max_size=5), st.builds(_Text, st.text(max_size=3))),
        "carried_over": st.booleans(),
        "derived": st.booleans(),
    },
)


def _made(make: Any, fields: dict[str, Any]) -> object:
    try:
        e = make(**fields)
    except ValidationError as exc:
        return ("error", [(x["loc"], x["type"]) for x in exc.errors()])
    return (
        list(e.__dict__.items()),
        [type(v) for v in e.__dict__.values()],
        e.model_fields_set,
        e.model_dump_json(),
    )


def test_entry_is_still_the_plain_model_entry_of_builds() -> None:
    assert module._direct()


@given(_FIELDS)
def test_entry_of_is_entry(fields: dict[str, Any]) -> None:
    assert _made(entry_of, fields) == _made(Entry, fields)


def test_what_validation_would_change_is_validated() -> None:
    assert entry_of(value=1.5).value == Decimal("1.5")
    assert entry_of(inputs={"a": 3}).inputs == {"a": Decimal(3)}
    assert entry_of(evidence=["a.pdf"]).evidence == ("a.pdf",)
    assert type(entry_of(evaluator=_Text("张三")).evaluator) is str
