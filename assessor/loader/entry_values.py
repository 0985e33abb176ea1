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
from assessor.model.entries import Entry, entry_of
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
from assessor.text.catalogue import said, say

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
        sep = say("punct.semicolon", lang)
        return sep.join(in_language(m, lang) for _, m in self.items)


def indicator_label(node: NodeBase) -> str:
    return f"{node.id} ({node.name})"


def indicator_said(node: NodeBase) -> Said:
    """An indicator as messages name it: ``A1 (名称)`` / ``A1（名称）``."""
    return said("load.indicator", id=node.id, name=node.name)


def _subject(
    node: NodeBase, name: str | None = None, spec: InputSpec | None = None, *, label: bool = True
) -> Said:
    """An indicator, or one of its named inputs: in English by the input's key (and its label),
    in Chinese by its label (the words the form shows)."""
    if not name:
        en = indicator_label(node)
    else:
        en = say("load.indicator_input", "en", id=node.id, name=node.name, input=repr(name))
    zh = say("load.indicator", "zh", id=node.id, name=node.name)
    if name:
        shown_name = spec.label if spec is not None and spec.label else name
        zh = say("load.indicator_input", "zh", id=node.id, name=node.name, input=shown_name)
    if label and spec is not None and spec.label:
        en += say("punct.paren", "en", text=spec.label)
    return Said(en, zh)


def _with_label(code: str, label: str | None) -> Said:
    """An allowed value with its label: ``1 (初级)`` / ``1（初级）``."""
    if not label:
        return Said(code, code)
    return Said(
        code + say("punct.paren", "en", text=label), code + say("punct.paren", "zh", text=label)
    )


def _listing(items: list[Said] | list[str]) -> Said:
    """Items joined in each language: ``a, b`` / ``a、b``."""
    from assessor.loader.messages import listing

    return listing(items)


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


def _range_text(spec: InputSpec | None) -> Said:
    """What a number input allows, in words: ``0 … 100`` / ``0～100``, ``1 or more`` …"""
    lo, hi = (None, None) if spec is None else (spec.min, spec.max)
    if lo is None and hi is None:
        return said("load.range.any")
    if lo is not None and hi is not None:
        return said("load.range.both", lo=lo, hi=hi)
    return (
        said("load.range.at_least", lo=lo) if lo is not None else said("load.range.at_most", hi=hi)
    )


def check_input(
    node: NodeBase, spec: InputSpec | None, raw: Any, name: str | None
) -> Decimal | bool | str:
    """One input value checked against its spec (type, min, max); raises EntryValueError.

    The words of a refusal are made only when refusing: a file of valid values (thousands of
    inputs) would otherwise build two sentences per input for nothing."""

    def refused(key: str, **fields: object) -> EntryValueError:
        return EntryValueError(said(key, what=_subject(node, name, spec), **fields))

    kind = spec.type if spec is not None else "number"
    if kind == "text":
        if isinstance(raw, dict | list) or raw is None:
            raise refused("load.expected_text_input", value=_short(raw))
        bad = text_problem(str(raw), MAX_TEXT_INPUT)
        if bad is not None:
            raise refused("load.text_refused", value=shown(str(raw)), bad=bad)
        return str(raw)
    if kind == "boolean":
        return parse_yes_no(node, raw, name)
    value = parse_number(raw)
    if value is None:
        raise refused("load.not_a_number", value=_short(raw), range=_range_text(spec))
    bad = number_problem(value)
    if bad is not None:
        raise refused("load.number_refused", value=_short(raw), bad=bad, range=_range_text(spec))
    if kind == "integer" and value != value.to_integral_value():
        raise refused("load.not_whole", value=_short(raw), range=_range_text(spec))
    if spec is not None:
        if spec.min is not None and value < spec.min:
            raise refused("load.below_min", value=value, min=spec.min, range=_range_text(spec))
        if spec.max is not None and value > spec.max:
            raise refused("load.above_max", value=value, max=spec.max, range=_range_text(spec))
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
    raise EntryValueError(
        said(
            "load.not_yes_no",
            what=_subject(node, name, label=False),
            value=_short(raw),
            zh_words="是/否",
            en_words="yes/no",
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
        labels = {d.level: d.label for d in node.levels}
        levels = _listing([_with_label(str(lv), labels.get(lv)) for lv in sorted(allowed)])
        raise EntryValueError(
            said("load.not_a_level", what=indicator_said(node), value=_short(raw), levels=levels)
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
    options = _listing([_with_label(o.key, o.label) for o in node.options])
    raise EntryValueError(
        said("load.not_an_option", what=indicator_said(node), value=_short(raw), options=options)
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
            [("evidence", said("load.evidence_not_list", what=indicator_said(node)))]
        )
    if len(items) > MAX_EVIDENCE_ITEMS:
        raise EntryValueError(
            [
                (
                    "evidence",
                    said(
                        "load.evidence_too_many",
                        what=indicator_said(node),
                        count=len(items),
                        most=MAX_EVIDENCE_ITEMS,
                    ),
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
                    said(
                        "load.evidence_refused",
                        what=indicator_said(node),
                        item=shown(item),
                        bad=bad,
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
        raise EntryValueError(
            [(key, said("load.key_not_text_value", what=indicator_said(node), key=key))]
        )
    text = str(raw)
    bad = (
        text_problem(text, MAX_COMMENT, lines=True)
        if key == "comment"
        else text_problem(text, MAX_EVALUATOR)
    )
    if bad is not None:
        raise EntryValueError(
            [
                (
                    key,
                    said(
                        "load.key_text_refused",
                        what=indicator_said(node),
                        key=key,
                        value=shown(text),
                        bad=bad,
                    ),
                )
            ]
        )
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
            said("load.not_a_count", what=indicator_said(node), value=_short(raw))
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
                    said(
                        "load.unknown_input",
                        what=indicator_said(node),
                        name=repr(name),
                        inputs=_listing([_with_label(k, s.label) for k, s in specs.items()]),
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
        kids = _listing([c.id for c in node.children[:12]])
        raise EntryValueError(
            said("load.group_not_indicator", what=indicator_said(node), kids=kids)
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
                errors.append(("na", said("load.na_flag", what=indicator_said(node))))
        if na:
            if data:
                errors.append(
                    (next(iter(data)), said("load.na_has_value", what=indicator_said(node)))
                )
        elif has_inputs and isinstance(node, NumericLeaf):
            if "value" in data and "value" not in (node.inputs or {}):
                errors.append(
                    (
                        "value",
                        said(
                            "load.formula_not_value",
                            what=indicator_said(node),
                            formula=repr(node.value),
                            inputs=_listing(list(node.inputs or {})),
                        ),
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
                        said(
                            "load.no_inputs",
                            what=indicator_said(node),
                            inputs=_listing(list(node.inputs or {})),
                        ),
                    )
                )
        else:
            unknown = [k for k in data if k != "value"]
            for k in unknown:
                errors.append(
                    (
                        k,
                        said(
                            "load.unknown_entry_key",
                            what=indicator_said(node),
                            key=repr(k),
                            allowed=_listing(list(ENTRY_KEYS)),
                        ),
                    )
                )
            if "value" not in data:
                if not unknown:
                    errors.append((None, said("load.value_missing", what=indicator_said(node))))
            else:
                try:
                    value = _value_or_na(node, data["value"])
                except EntryValueError as exc:
                    errors.extend(("value", m) for _, m in exc.items)
                if value is _NA:
                    na, value = True, None
    elif has_inputs and isinstance(node, NumericLeaf) and not _is_na(raw):
        errors.append(
            (
                None,
                said(
                    "load.formula_needs_mapping",
                    what=indicator_said(node),
                    formula=repr(node.value),
                    names=_listing(list(node.inputs or {})),
                    value=_short(raw),
                ),
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
                said("load.not_optional", what=indicator_said(node), na_word="不适用"),
            )
        )
    if errors:
        raise EntryValueError(errors)
    return entry_of(  # checked above: built without validating the same values again
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
        raise EntryValueError(said("load.no_value", what=indicator_said(node)))
    if isinstance(raw, dict | list):
        raise EntryValueError(
            said("load.single_value", what=indicator_said(node), value=_short(raw))
        )
    return _single(node, raw)
