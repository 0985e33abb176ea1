"""One raw entry value → a checked `Entry`, or an error naming what is allowed.

Shared by the YAML entries loader, the Excel importer and the TUI, so that an evaluator gets
the same answer wherever a value is typed: 82.5, ８２。５, 4 (a level), 优秀 (an option key),
是/否, na, or named inputs for formula leaves.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from assessor.errors import Said, in_language
from assessor.model.entries import Entry
from assessor.model.indicator_set import (
    AnyNode,
    CheckLeaf,
    ChoiceLeaf,
    InnerNode,
    InputSpec,
    LevelLeaf,
    NodeBase,
    NumericLeaf,
)
from assessor.model.limits import (
    MAX_COMMENT,
    MAX_EVALUATOR,
    MAX_EVIDENCE_ITEMS,
    MAX_NUMBER_TEXT,
    MAX_TEXT_INPUT,
    evidence_problem,
    number_problem,
    shown,
    text_problem,
)

NA_WORDS = frozenset({"na", "n/a", "不适用"})
YES_WORDS = frozenset({"yes", "true", "是", "1", "y", "有"})
NO_WORDS = frozenset({"no", "false", "否", "0", "n", "无"})
ENTRY_KEYS = ("value", "comment", "evidence", "by", "na")


class EntryValueError(ValueError):
    """A value that cannot be stored; each item is (sub-key or None, message).

    The message names the indicator, the value and what is allowed.
    """

    def __init__(self, items: list[tuple[str | None, str]] | str) -> None:
        self.items: list[tuple[str | None, str]] = (
            [(None, items)] if isinstance(items, str) else list(items)
        )
        super().__init__("; ".join(m for _, m in self.items))

    def text(self, lang: str) -> str:
        """The messages in `lang` where they have a wording in it."""
        sep = "；" if lang == "zh" else "; "
        return sep.join(in_language(m, lang) for _, m in self.items)


def indicator_label(node: NodeBase) -> str:
    return f"{node.id} ({node.name})"


def _label_zh(node: NodeBase, name: str | None = None, spec: InputSpec | None = None) -> str:
    what = f"{node.id}（{node.name}）"
    if name:
        what += f"的“{spec.label if spec is not None and spec.label else name}”"
    return what


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_fmt(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_fmt(x) for x in v) + "]"
    return repr(v) if isinstance(v, str) else str(v)


def _short(raw: Any) -> str:
    """A value as a message shows it, cut to a readable length."""
    return shown(raw) if isinstance(raw, str) else _fmt(raw)[:60]


def normalize_text_number(text: str) -> str:
    """Full-width digits and 。/． decimal points as typed with a Chinese IME → ASCII."""
    text = unicodedata.normalize("NFKC", text).strip()
    return text.replace("。", ".").replace("．", ".").replace(" ", "")


def parse_number(raw: Any) -> Decimal | None:
    """A finite Decimal from a YAML number or numeric text; None if it is not a number."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, Decimal):
        return raw if raw.is_finite() else None
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw)) if raw == raw and abs(raw) != float("inf") else None
    if isinstance(raw, str):
        if len(raw) > MAX_NUMBER_TEXT:
            return None  # refused unread: Decimal() of 100,000 digits is work for nothing
        text = normalize_text_number(raw)
        if not text or text.lower() in ("nan", "inf", "infinity", "-inf", "+inf", "snan"):
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None
        return value if value.is_finite() else None
    return None


#: How a range reads: (no bounds, both, only a minimum, only a maximum).
_RANGE_WORDS = {
    "en": ("any number", "{lo} … {hi}", "{lo} or more", "{hi} or less"),
    "zh": ("任意数字", "{lo}～{hi}", "不小于 {lo}", "不大于 {hi}"),
}


def _range_text(spec: InputSpec | None, lang: str = "en") -> str:
    anything, both, at_least, at_most = _RANGE_WORDS[lang]
    lo, hi = (None, None) if spec is None else (spec.min, spec.max)
    if lo is None and hi is None:
        return anything
    if lo is not None and hi is not None:
        return both.format(lo=lo, hi=hi)
    return at_least.format(lo=lo) if lo is not None else at_most.format(hi=hi)


def check_input(
    node: NodeBase, spec: InputSpec | None, raw: Any, name: str | None
) -> Decimal | bool | str:
    """One input value checked against its spec (type, min, max); raises EntryValueError."""
    what = indicator_label(node) + (f" input {name!r}" if name else "")
    zh = _label_zh(node, name, spec)
    kind = spec.type if spec is not None else "number"
    label = f" ({spec.label})" if spec is not None and spec.label else ""
    if kind == "text":
        if isinstance(raw, dict | list) or raw is None:
            raise EntryValueError(
                Said(f"{what}{label}: expected text, got {_short(raw)}", f"{zh}应填文字")
            )
        bad = text_problem(str(raw), MAX_TEXT_INPUT)
        if bad is not None:
            raise EntryValueError(
                Said(f"{what}{label}: {shown(str(raw))}: {bad}", f"{zh}：{shown(str(raw))}{bad.zh}")
            )
        return str(raw)
    if kind == "boolean":
        return parse_yes_no(node, raw, name)
    value = parse_number(raw)
    allowed_zh = f"允许：{_range_text(spec, 'zh')}"
    if value is None:
        raise EntryValueError(
            Said(
                f"{what}{label}: {_short(raw)} is not a number; allowed: {_range_text(spec)}",
                f"{zh}：{_short(raw)} 不是数字；{allowed_zh}",
            )
        )
    bad = number_problem(value)
    if bad is not None:
        raise EntryValueError(
            Said(
                f"{what}{label}: {_short(raw)}: {bad}; allowed: {_range_text(spec)}",
                f"{zh}：{_short(raw)} {bad.zh}；{allowed_zh}",
            )
        )
    if kind == "integer" and value != value.to_integral_value():
        raise EntryValueError(
            Said(
                f"{what}{label}: {_short(raw)} is not a whole number; allowed: whole numbers "
                f"{_range_text(spec)}",
                f"{zh}：{_short(raw)} 不是整数；允许：{_range_text(spec, 'zh')} 的整数",
            )
        )
    if spec is not None:
        if spec.min is not None and value < spec.min:
            raise EntryValueError(
                Said(
                    f"{what}{label}: {value} is below the minimum {spec.min}; "
                    f"allowed: {_range_text(spec)}",
                    f"{zh}：{value} 小于下限 {spec.min}；{allowed_zh}",
                )
            )
        if spec.max is not None and value > spec.max:
            raise EntryValueError(
                Said(
                    f"{what}{label}: {value} is above the maximum {spec.max}; "
                    f"allowed: {_range_text(spec)}",
                    f"{zh}：{value} 大于上限 {spec.max}；{allowed_zh}",
                )
            )
    return value


def parse_yes_no(node: NodeBase, raw: Any, name: str | None = None) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | Decimal) and raw in (0, 1):
        return bool(raw == 1)
    if isinstance(raw, str):
        word = normalize_text_number(raw).lower()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
    what = indicator_label(node) + (f" input {name!r}" if name else "")
    raise EntryValueError(
        Said(
            f"{what}: {_short(raw)} is not yes or no; allowed: yes/no, true/false, 是/否, 1/0",
            f"{_label_zh(node, name)}：{_short(raw)} 不是“是”或“否”；允许：是/否、1/0、yes/no",
        )
    )


def _level(node: LevelLeaf, raw: Any) -> int:
    allowed = {0, *(lv.level for lv in node.levels)}
    if isinstance(raw, str):
        for d in node.levels:
            if d.label is not None and raw.strip() == d.label:
                return d.level
    value = parse_number(raw)
    if (
        value is None
        or number_problem(value) is not None
        or value != value.to_integral_value()
        or int(value) not in allowed
    ):
        shown = ", ".join(  # the allowed levels, worded only for the message
            str(lv) + next((f" ({d.label})" for d in node.levels if d.level == lv and d.label), "")
            for lv in sorted(allowed)
        )
        raise EntryValueError(
            Said(
                f"{indicator_label(node)}: {_short(raw)} is not a level of this indicator; "
                f"allowed levels: {shown} (0 = none met)",
                f"{_label_zh(node)}：{_short(raw)} 不是本指标的等级；"
                f"允许的等级：{shown.replace(', ', '、')}（0 表示均未达到）",
            )
        )
    return int(value)


def _choice(node: ChoiceLeaf, raw: Any) -> str:
    keys = [o.key for o in node.options]
    if isinstance(raw, Decimal | int) and not isinstance(raw, bool):
        text = str(raw)
    elif isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip()
    else:
        text = None
    if text is not None:
        if text in keys:
            return text
        for o in node.options:
            if o.label is not None and text == unicodedata.normalize("NFKC", o.label).strip():
                return o.key
    shown = ", ".join(o.key + (f" ({o.label})" if o.label else "") for o in node.options)
    raise EntryValueError(
        Said(
            f"{indicator_label(node)}: {_short(raw)} is not an option of this indicator; "
            f"allowed options: {shown}",
            f"{_label_zh(node)}：{_short(raw)} 不是本指标的选项；"
            f"允许的选项：{shown.replace(', ', '、')}",
        )
    )


def _is_na(raw: Any) -> bool:
    return isinstance(raw, str) and unicodedata.normalize("NFKC", raw).strip().lower() in NA_WORDS


def _evidence(node: AnyNode, raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        items: tuple[str, ...] = (raw,)
    elif isinstance(raw, list) and all(isinstance(x, str | int | Decimal) for x in raw):
        items = tuple(str(x) for x in raw)
    else:
        raise EntryValueError(
            [("evidence", f"{indicator_label(node)}: evidence is a list of file names or links")]
        )
    if len(items) > MAX_EVIDENCE_ITEMS:
        raise EntryValueError(
            [
                (
                    "evidence",
                    f"{indicator_label(node)}: {len(items)} evidence items; at most "
                    f"{MAX_EVIDENCE_ITEMS}",
                )
            ]
        )
    errors: list[tuple[str | None, str]] = []
    for item in items:
        bad = evidence_problem(item)
        if bad is not None:
            errors.append(
                (
                    "evidence",
                    Said(
                        f"{indicator_label(node)}: evidence {shown(item)}: {bad}",
                        f"{_label_zh(node)}：佐证材料 {shown(item)}：{bad.zh}",
                    ),
                )
            )
    if errors:
        raise EntryValueError(errors)
    return items


def _text(node: AnyNode, key: str, raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, dict | list):
        raise EntryValueError([(key, f"{indicator_label(node)}: `{key}` must be text")])
    text = str(raw)
    bad = (
        text_problem(text, MAX_COMMENT, lines=True)
        if key == "comment"
        else text_problem(text, MAX_EVALUATOR)
    )
    if bad is not None:
        raise EntryValueError([(key, f"{indicator_label(node)}: `{key}` {shown(text)}: {bad}")])
    return text


def _single(node: AnyNode, raw: Any) -> Decimal | int | bool | str:
    if isinstance(node, LevelLeaf):
        return _level(node, raw)
    if isinstance(node, ChoiceLeaf):
        return _choice(node, raw)
    if isinstance(node, CheckLeaf):
        return parse_yes_no(node, raw)
    assert isinstance(node, NumericLeaf)
    value = check_input(node, node.input, raw, None)
    if (
        node.method == "count"
        and isinstance(value, Decimal)
        and (value != value.to_integral_value() or value < 0)
    ):
        raise EntryValueError(
            Said(
                f"{indicator_label(node)}: {_short(raw)} is not a count; allowed: whole numbers "
                "0, 1, 2, …",
                f"{_label_zh(node)}：{_short(raw)} 不是个数；允许：0、1、2……",
            )
        )
    return value


def _named_inputs(node: NumericLeaf, given: Mapping[str, Any]) -> dict[str, Decimal | bool | str]:
    specs = node.inputs or {}
    errors: list[tuple[str | None, str]] = []
    out: dict[str, Decimal | bool | str] = {}
    for name, raw in given.items():
        spec = specs.get(name)
        if spec is None:
            errors.append(
                (
                    name,
                    f"{indicator_label(node)}: unknown input {name!r}; allowed inputs: "
                    + ", ".join(
                        f"{k}" + (f" ({s.label})" if s.label else "") for k, s in specs.items()
                    ),
                )
            )
            continue
        try:
            out[name] = check_input(node, spec, raw, name)
        except EntryValueError as exc:
            errors.extend((name, m) for _, m in exc.items)
    if errors:
        raise EntryValueError(errors)
    return out


def normalize_entry(node: AnyNode, raw: Any, *, evaluator: str = "") -> Entry:
    """Check one raw value for a leaf and return the Entry the engine reads.

    Accepts a single value, `na`, a mapping of named inputs (formula leaves), or
    `{value: …, comment: …, evidence: […], by: …}` (also `{na: true}`, and named inputs beside
    comment/evidence). Raises EntryValueError naming the allowed values.
    """
    if isinstance(node, InnerNode):
        kids = ", ".join(c.id for c in node.children[:12])
        raise EntryValueError(
            f"{indicator_label(node)} is a group of indicators, not an indicator; "
            f"enter its indicators instead: {kids}"
        )
    has_inputs = isinstance(node, NumericLeaf) and bool(node.inputs)
    comment: str | None = None
    evidence: tuple[str, ...] = ()
    by = evaluator
    na = False
    value: Any = None
    inputs: dict[str, Decimal | bool | str] | None = None
    errors: list[tuple[str | None, str]] = []

    if isinstance(raw, Mapping):
        data = {str(k): v for k, v in raw.items()}
        try:
            comment = _text(node, "comment", data.pop("comment", None))
            evidence = _evidence(node, data.pop("evidence", None))
            by_raw = _text(node, "by", data.pop("by", None))
            by = by_raw if by_raw else evaluator
        except EntryValueError as exc:
            errors.extend(exc.items)
        if "na" in data:
            flag = data.pop("na")
            if flag is True or _is_na(flag) or (isinstance(flag, str) and flag.lower() == "yes"):
                na = True
            elif flag is not False:
                errors.append(("na", f"{indicator_label(node)}: `na` is true or false"))
        if na:
            if data:
                errors.append(
                    (
                        next(iter(data)),
                        f"{indicator_label(node)}: an entry marked na has no value or inputs",
                    )
                )
        elif has_inputs and isinstance(node, NumericLeaf):
            if "value" in data and "value" not in (node.inputs or {}):
                errors.append(
                    (
                        "value",
                        f"{indicator_label(node)} is computed by the formula {node.value!r}; "
                        f"enter its inputs {', '.join(node.inputs or {})} instead of `value`",
                    )
                )
                data.pop("value")
            try:
                inputs = _named_inputs(node, data)
            except EntryValueError as exc:
                errors.extend(exc.items)
            if not data and not errors:
                errors.append(
                    (
                        None,
                        f"{indicator_label(node)}: no inputs given; enter "
                        + ", ".join(node.inputs or {}),
                    )
                )
        else:
            unknown = [k for k in data if k != "value"]
            for k in unknown:
                errors.append(
                    (
                        k,
                        f"{indicator_label(node)}: unknown key {k!r}; allowed: "
                        + ", ".join(ENTRY_KEYS)
                        + " (this indicator takes a single value, not named inputs)",
                    )
                )
            if "value" not in data:
                if not unknown:
                    errors.append((None, f"{indicator_label(node)}: `value` is missing"))
            else:
                try:
                    value = _value_or_na(node, data["value"])
                except EntryValueError as exc:
                    errors.extend(("value", m) for _, m in exc.items)
                if value is _NA:
                    na, value = True, None
    elif has_inputs and isinstance(node, NumericLeaf) and not _is_na(raw):
        names = ", ".join(node.inputs or {})
        errors.append(
            (
                None,
                f"{indicator_label(node)} is computed by the formula {node.value!r}; "
                f"enter its inputs as a mapping {{{names}}}, got {_short(raw)}",
            )
        )
    else:
        try:
            value = _value_or_na(node, raw)
        except EntryValueError as exc:
            errors.extend(exc.items)
        if value is _NA:
            na, value = True, None

    if na and not node.optional:
        errors.append(
            (
                None,
                Said(
                    f"{indicator_label(node)} is not optional: na (不适用) is allowed only for "
                    "indicators marked `optional: true`",
                    f"{_label_zh(node)}不能标为不适用：只有标记 `optional: true` 的指标可以",
                ),
            )
        )
    if errors:
        raise EntryValueError(errors)
    return Entry(
        value=value,
        inputs=inputs,
        na=na,
        comment=comment,
        evidence=evidence,
        evaluator=by,
    )


_NA: Any = object()


def _value_or_na(node: AnyNode, raw: Any) -> Any:
    if _is_na(raw):
        return _NA
    if raw is None:
        raise EntryValueError(f"{indicator_label(node)}: no value given")
    if isinstance(raw, dict | list):
        raise EntryValueError(
            f"{indicator_label(node)}: expected a single value, got {_short(raw)}"
        )
    return _single(node, raw)
