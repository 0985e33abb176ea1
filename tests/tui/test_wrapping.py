"""Messages at 80 columns break between numbers and words, never inside a number."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from assessor.tui.labels import wrap_cells

MESSAGE = "未保存：D1-13（电子社保卡应用率）的“电子社保卡领卡人数占常住人口比例”：150 大于上限 100；允许：0～100"


def test_a_refusal_breaks_before_the_number_not_inside_it() -> None:
    for width in range(20, 60):
        lines = wrap_cells(MESSAGE, width).split("\n")
        assert all(cell_len(line) <= width for line in lines)
        for number in ("150", "100", "0～100", "D1-13"):
            assert any(number in line for line in lines), (width, number, lines)


@given(
    st.lists(
        st.one_of(
            st.from_regex(r"-?[0-9]{1,6}(\.[0-9]{1,3})?%? ", fullmatch=True),  # as worded
            st.sampled_from(["大于上限", "允许：", "；", "电子社保卡", " ", "（可选）"]),
        ),
        max_size=30,
    ),
    st.integers(min_value=12, max_value=80),
)
def test_no_line_is_wider_than_asked_and_no_number_is_cut(parts: list[str], width: int) -> None:
    text = "".join(parts)
    wrapped = wrap_cells(text, width)
    assert all(cell_len(line) <= width for line in wrapped.split("\n"))
    for number in re.findall(r"[-+]?[0-9][0-9.%]*", text):
        if cell_len(number) <= width:  # only what is wider than a line may be cut
            assert any(number in line for line in wrapped.split("\n")), (number, wrapped)
    assert wrapped.replace("\n", "").replace(" ", "") == text.replace(" ", "")
