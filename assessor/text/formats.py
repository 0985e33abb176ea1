"""How a number, a period, a date or a change is written, once for every front end.

Reports, the terminal UI, Excel and the CLI print the engine's figures through these functions,
so 2021年第18周, 2026年11月25日, +1.25 and 83.2% look the same wherever a reader meets them.
Rounding of points is the set's (`quantum`, `rounding`), given by the caller.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

_DIGITS = "零一二三四五六七八九"
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MINUS = "−"  # U+2212: a minus that does not break from its number
DASH = "—"  # what a missing figure prints as


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (section and quarter numbers)."""
    if n < 0:
        return "负" + cn_number(-n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return _DIGITS[hundreds] + "百"
        sep = "零" if rest < 10 else ""
        tail = cn_number(rest) if rest >= 20 or rest < 10 else "一" + cn_number(rest)
        return _DIGITS[hundreds] + "百" + sep + tail
    return str(n)


_PERIOD = re.compile(r"^(\d{4})(?:-(Q[1-4]|W\d{2}|\d{2}))?$")


def period_label(period: str, lang: str = "zh", *, year_word: bool = True) -> str:
    """2021 → 2021年度, 2021-04 → 2021年4月, 2021-Q1 → 2021年第一季度, 2021-W18 → 2021年第18周.

    `year_word=False` writes a year as 2021年 (inside a sentence such as "东昌府区2021年评估报告").
    English: 2021, April 2021, Q1 2021, week 18 of 2021. Text that is not a period is returned
    as it is, so a caller never prints less than it was given.
    """
    m = _PERIOD.match(period)
    if m is None:
        return period
    year, rest = m.group(1), m.group(2)
    if rest is None:
        if lang == "zh":
            return f"{year}年度" if year_word else f"{year}年"
        return year
    if rest.startswith("Q"):
        q = int(rest[1:])
        return f"{year}年第{cn_number(q)}季度" if lang == "zh" else f"Q{q} {year}"
    if rest.startswith("W"):
        w = int(rest[1:])
        return f"{year}年第{w}周" if lang == "zh" else f"week {w} of {year}"
    month = int(rest)
    return f"{year}年{month}月" if lang == "zh" else f"{_MONTHS_EN[month - 1]} {year}"


def period_short(period: str, lang: str = "zh") -> str:
    """A period as a chart axis names it, the year left to the title: 第13周, 4月, 第一季度,
    2021年 (English: W13, Apr, Q1, 2021)."""
    m = _PERIOD.match(period)
    if m is None:
        return period
    year, rest = m.group(1), m.group(2)
    if rest is None:
        return f"{year}年" if lang == "zh" else year
    if rest.startswith("Q"):
        q = int(rest[1:])
        return f"第{cn_number(q)}季度" if lang == "zh" else f"Q{q}"
    if rest.startswith("W"):
        w = int(rest[1:])
        return f"第{w}周" if lang == "zh" else f"W{w}"
    month = int(rest)
    return f"{month}月" if lang == "zh" else _MONTHS_EN[month - 1][:3]


def date_label(day: dt.date | dt.datetime | str, lang: str = "zh") -> str:
    """2026-11-25 → 2026年11月25日 (English: 25 November 2026). Text that is not an ISO date is
    returned as it is."""
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            return str(day)
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def points(value: Decimal | None, quantum: Decimal, rounding: str = ROUND_HALF_UP) -> str:
    """Points with the set's digits: 93.586 → 93.59 (quantum 0.01, the set's rounding)."""
    if value is None:
        return DASH
    return str(value.quantize(quantum, rounding=rounding))


def percent(fraction: Decimal | None, digits: int = 1) -> str:
    """A ratio as a percentage: 0.8315 → 83.2%."""
    if fraction is None:
        return DASH
    q = Decimal(1).scaleb(-digits)
    return f"{(fraction * 100).quantize(q, rounding=ROUND_HALF_UP)}%"


def signed(
    delta: Decimal | None, quantum: Decimal | None = None, rounding: str = ROUND_HALF_UP
) -> str:
    """A change with its sign: +1.25, −0.50, 0.00 (U+2212 minus); — when there is nothing to
    compare with. Rounded to `quantum` first when given, so −0.004 prints 0.00, not −0.00."""
    if delta is None:
        return DASH
    if quantum is not None:
        delta = delta.quantize(quantum, rounding=rounding)
    if delta > 0:
        return f"+{delta}"
    if delta < 0:
        return f"{MINUS}{-delta}"
    return str(abs(delta))


def count(n: int, unit: str = "项", lang: str = "zh") -> str:
    """17 项 / 17 items (the unit is the caller's: 项, 个, 件)."""
    if lang == "zh":
        return f"{n} {unit}"
    return f"{n} item" if n == 1 else f"{n} items"


_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_HALF_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])\s*([:;,?!()])")
_OPEN_BEFORE_CJK = re.compile(rf"\(\s*(?=[{_CJK}])")
_CLOSE_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])\s*\)")
_FULL = {":": "：", ";": "；", ",": "，", "?": "？", "!": "！", "(": "（", ")": "）"}


def fullwidth(text: str) -> str:
    """Chinese punctuation in Chinese text: "评估人:" → "评估人：", "五星级(标杆型)" →
    "五星级（标杆型）". Only marks touching a Chinese character change, so "GB/T 33356(2016)",
    "3.5:1" and URLs stay as they are."""
    text = _OPEN_BEFORE_CJK.sub("（", text)
    text = _CLOSE_AFTER_CJK.sub("）", text)
    text = _HALF_AFTER_CJK.sub(lambda m: _FULL[m.group(1)], text)
    # a "(" opened as full width closes as full width
    out = []
    depth = 0
    for ch in text:
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth = max(0, depth - 1)
        elif ch == ")" and depth:
            ch = "）"
            depth -= 1
        out.append(ch)
    return "".join(out)


__all__ = [
    "DASH",
    "MINUS",
    "cn_number",
    "count",
    "date_label",
    "fullwidth",
    "percent",
    "period_label",
    "period_short",
    "points",
    "signed",
]
