"""A number's limits (model/limits.py) read from its digits: decimal places count without the
trailing zeros, a computed number may have any."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from assessor.model.limits import MAX_DECIMALS, number_problem


def _places(v: Decimal) -> int:
    """Decimal places once trailing zeros are dropped (the reference the gate must agree with)."""
    _sign, ds, exp = v.as_tuple()
    assert isinstance(exp, int)
    while ds and ds[-1] == 0 and len(ds) > 1:
        ds = ds[:-1]
        exp += 1
    return max(0, -exp) if any(ds) else 0


@given(st.integers(min_value=-(10**14), max_value=10**14), st.integers(min_value=0, max_value=30))
def test_too_many_decimal_places_is_refused_and_trailing_zeros_are_not_places(
    digits: int, scale: int
) -> None:
    v = Decimal(digits).scaleb(-scale)
    too_precise = _places(v) > MAX_DECIMALS and abs(v) < 10**15
    found = number_problem(v)
    assert (found is not None and "too precise" in str(found)) == too_precise
    assert number_problem(v, computed=True) is None or "too precise" not in str(
        number_problem(v, computed=True)
    )


def test_trailing_zeros_beyond_the_limit_are_allowed() -> None:
    assert number_problem(Decimal("1.50000000000000000000")) is None
    assert number_problem(Decimal("0E-30")) is None
    assert number_problem(Decimal("1.0000000000001")) is not None
    assert number_problem(Decimal("1.0000000000001"), computed=True) is None
