"""Pydantic validation errors turned into located messages an evaluator understands.

A pydantic error has a `loc` path through the data, with extra components where unions are
involved (a discriminated union inserts the tag, a plain union the member's name). We walk the
located data and the model's types side by side: components that are keys of the current dict
(or indexes of the current list) move through the data and give the file position; the others
select a union member. The message then names the key, the value and the allowed values.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Tag, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from assessor.errors import Problem, Said, in_language
from assessor.loader.located import NOWHERE, LocDict, LocList, Mark
from assessor.model.indicator_set import METHODS
from assessor.text.catalogue import said, said_count, say

_MISSING: Any = object()
_BACKTICK = re.compile(r"`([A-Za-z_$][A-Za-z0-9_]*)`")


def listing(items: Iterable[object], sep: str = "punct.list") -> Said:
    """Items joined in each language with that language's separator (``a, b`` / ``a、b``);
    an item that knows its languages (a `Said`) is written in each."""
    parts: Sequence[object] = list(items)
    return Said(
        say(sep, "en").join(in_language(p, "en") for p in parts),
        say(sep, "zh").join(in_language(p, "zh") for p in parts),
    )


def _label(key: str | None) -> Said | str:
    """``key: `` before a message about one key's value (``key：`` in Chinese), or nothing."""
    return said("load.label", key=key) if key else ""


def _unwrap(tp: Any) -> tuple[Any, tuple[Any, ...]]:
    """Strip `Annotated[...]` layers; return the bare type and its metadata."""
    meta: tuple[Any, ...] = ()
    while get_origin(tp) is typing.Annotated:
        args = get_args(tp)
        tp, meta = args[0], meta + tuple(args[1:])
    return tp, meta


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


def _member_names(member: Any) -> set[str]:
    base, meta = _unwrap(member)
    names = {m.tag for m in meta if isinstance(m, Tag)}
    if isinstance(base, type):
        names.add(base.__name__)
        if issubclass(base, Decimal):
            names.add("decimal")
        elif base in (str, int, bool, float):
            names.add(base.__name__)
    return names


def _is_tagged(member: Any) -> bool:
    return any(isinstance(m, Tag) for m in _unwrap(member)[1])


def _select_member(union: Any, comp: Any) -> Any:
    """The union member that a loc component names, or _MISSING."""
    if not isinstance(comp, str):
        return _MISSING
    for member in get_args(union):
        if comp in _member_names(member):
            return member
        if comp.startswith("literal[") and get_origin(_unwrap(member)[0]) is Literal:
            return member
    return _MISSING


def _fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """A model's fields with their annotations resolved: the models build their schema on first
    use (defer_build), so a nested model met here may still hold forward references."""
    if not model.__pydantic_fields_complete__:
        model.model_rebuild()
    return model.model_fields


def _field_type(model: type[BaseModel], name: str) -> Any:
    for fname, field in _fields(model).items():
        if name in (fname, field.alias):
            return field.annotation
    return None


def _step_type(tp: Any, comp: Any) -> Any:
    base, _ = _unwrap(tp)
    origin = get_origin(base)
    if isinstance(comp, int):
        if origin in (list, tuple, set, frozenset):
            args = get_args(base)
            if origin is tuple and args and args[-1] is not Ellipsis:
                return args[comp] if comp < len(args) else None
            return args[0] if args else None
        return None
    if isinstance(base, type) and issubclass(base, BaseModel):
        return _field_type(base, comp)
    if origin is dict:
        args = get_args(base)
        return args[1] if len(args) == 2 else None
    return None


def field_keys(model: type[BaseModel]) -> list[str]:
    """The keys a model accepts, as written in YAML (aliases included)."""
    return [f.alias or name for name, f in _fields(model).items()]


def describe_type(tp: Any) -> str:
    """A short description of what a type accepts, for 'expected one of' messages (a `Said`
    where the words differ by language)."""
    base, _ = _unwrap(tp)
    if _is_union(base):
        parts = [describe_type(m) for m in get_args(base) if m is not type(None)]
        return listing(dict.fromkeys(parts), "load.type.or")
    if get_origin(base) is Literal:
        return listing(str(a) for a in get_args(base))
    if isinstance(base, type) and issubclass(base, BaseModel):
        keys = field_keys(base)
        return "{" + (keys[0] if keys else "") + ": …}"
    if base in (Decimal, int, float):
        return said("load.type.whole") if base is int else said("load.type.number")
    if base is str:
        return said("load.type.text")
    if base is bool:
        return said("load.type.bool")
    if get_origin(base) in (list, tuple):
        return said("load.type.list")
    if get_origin(base) is dict:
        return said("load.type.mapping")
    return getattr(base, "__name__", str(base))


@dataclass
class Where:
    """Where an error's loc leads: display path, position, and the types met on the way."""

    path: str
    mark: Mark
    container: type[BaseModel] | None
    field_type: Any
    data: Any
    parent: Any
    last_key: str | int | None
    union_point: tuple[Any, ...] | None = None
    union_type: Any = None
    member: str | None = None
    depth_after_union: int = 0


def _fmt_path(parts: list[str | int]) -> str:
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + p
    return out


def locate(loc: tuple[Any, ...], data: Any, model: type[BaseModel] | None) -> Where:
    """Follow `loc` through located data (and the model's types, when known)."""
    tp: Any = model
    cur = data
    parent: Any = None
    parts: list[str | int] = []
    mark = data.mark if isinstance(data, LocDict | LocList) else NOWHERE
    container: type[BaseModel] | None = model
    last_key: str | int | None = None
    where = Where("", mark, container, tp, cur, parent, None)
    for i, comp in enumerate(loc):
        base, _ = _unwrap(tp)
        if _is_union(base):
            member = _select_member(base, comp)
            if member is not _MISSING:
                if not _is_tagged(member):
                    where.union_point = tuple(loc[:i])
                    where.union_type = base
                    where.member = str(comp)
                    where.depth_after_union = 0
                tp = member
                continue
            non_none = [m for m in get_args(base) if m is not type(None)]
            tp = non_none[0] if len(non_none) == 1 else None
            base, _ = _unwrap(tp)
        if isinstance(comp, int) and (isinstance(cur, list) or cur is _MISSING):
            parent = cur
            if isinstance(cur, list) and 0 <= comp < len(cur):
                if isinstance(cur, LocList):
                    mark = cur.item_mark(comp)
                cur = cur[comp]
            else:
                cur = _MISSING
        elif isinstance(comp, str) and (isinstance(cur, dict) or cur is _MISSING):
            parent = cur
            if isinstance(base, type) and issubclass(base, BaseModel):
                container = base
            if isinstance(cur, dict) and comp in cur:
                if isinstance(cur, LocDict):
                    mark = cur.key_mark(comp)
                cur = cur[comp]
            else:
                cur = _MISSING
        else:
            continue  # a structural component (tag, validator name) with no data behind it
        parts.append(comp)
        last_key = comp
        tp = _step_type(tp, comp) if tp is not None else None
        if where.union_point is not None:
            where.depth_after_union += 1
    where.path = _fmt_path(parts)
    where.mark = mark
    where.container = container
    where.field_type = tp
    where.data = cur
    where.parent = parent
    where.last_key = last_key
    return where


def _show(value: Any) -> str:
    if value is _MISSING:
        return said("load.shown.nothing")
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        keys = ", ".join(str(k) for k in list(value)[:4])
        return f"{{{keys}}}" if keys else said("load.shown.empty_mapping")
    if isinstance(value, list):
        return said("load.shown.list")
    if value is None:
        return "null"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _literal_values(tp: Any) -> list[str]:
    base, _ = _unwrap(tp)
    if _is_union(base):
        out: list[str] = []
        for m in get_args(base):
            out.extend(_literal_values(m))
        return out
    if get_origin(base) is Literal:
        return [str(a) for a in get_args(base)]
    return []


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return said("load.did_you_mean", name=close[0]) if close else ""


def _node_hint(container: type[BaseModel] | None) -> bool:
    from assessor.model.indicator_set import NodeBase

    return container is not None and issubclass(container, NodeBase)


def message_for(err: ErrorDetails, where: Where) -> tuple[str, Mark]:
    """The evaluator-facing message for one pydantic error, and where to point: a `Said`,
    so that it reads whole in each language."""
    etype = err["type"]
    value = err.get("input", _MISSING)
    key = where.last_key if isinstance(where.last_key, str) else None
    label = _label(key)
    mark = where.mark
    ctx = err.get("ctx") or {}

    if etype == "unknown_method":
        node = where.data if isinstance(where.data, dict) else {}
        method = node.get("method")
        if isinstance(node, LocDict) and "method" in node:
            mark = node.value_mark("method")
        return (
            said(
                "load.unknown_method",
                method=_show(method),
                allowed=listing(METHODS),
                hint=_did_you_mean(str(method), METHODS),
            ),
            mark,
        )
    if etype == "missing":
        container = where.container
        if _node_hint(container) and key == "children":
            return said("load.node_needs_children_or_method", methods=listing(METHODS)), mark
        if "curve" in where.path and key is None:
            return said("load.curve_pair"), mark
        if not key:
            return said("load.value_required"), mark
        about: str = ""
        if container is not None:
            field = _fields(container).get(key)
            if field is not None and field.description:
                # The model's own description is English: the Chinese message goes without it.
                about = Said(say("punct.paren", "en", text=field.description), "")
        return said("load.missing_key", key=key, about=about), mark
    if etype == "extra_forbidden":
        allowed = field_keys(where.container) if where.container else []
        if _node_hint(where.container):
            if key == "children":
                return said("load.node_not_both"), mark
            from assessor.model.indicator_set import InnerNode

            if where.container is InnerNode:
                return (
                    said(
                        "load.unknown_key_group",
                        key=key,
                        hint=_did_you_mean(str(key), [*allowed, "method"]),
                        allowed=listing(allowed),
                    ),
                    mark,
                )
        return (
            said(
                "load.unknown_key",
                key=key,
                hint=_did_you_mean(str(key), allowed),
                allowed=listing(allowed),
            ),
            mark,
        )
    if etype in ("literal_error", "enum"):
        allowed = _literal_values(where.field_type) or [
            s.strip(" '") for s in re.split(r",| or ", str(ctx.get("expected", "")))
        ]
        return (
            said(
                "load.not_one_of",
                label=label,
                value=_show(value),
                allowed=listing(allowed),
                hint=_did_you_mean(str(value), allowed),
            ),
            mark,
        )
    simple = _SIMPLE.get(etype)
    if simple is not None:
        return said(simple, label=label, value=_show(value)), mark
    if etype in ("dict_type", "model_type", "model_attributes_type"):
        if where.container is not None and key is None:
            keys = listing(field_keys(where.container)[:8])
            return said(
                "load.expected_mapping_keys", label=label, keys=keys, value=_show(value)
            ), mark
        return said("load.expected_mapping", label=label, value=_show(value)), mark
    if etype in _BOUNDS:
        bound = next(iter(ctx.values()), "")
        return said(_BOUNDS[etype], label=label, value=_show(value), bound=bound), mark
    if etype == "too_short":
        n = int(ctx.get("min_length", 1))
        return said_count("load.too_short", n, label=label), mark
    if etype == "too_long":
        if "curve" in where.path:
            return said("load.curve_pair"), mark
        return said("load.too_long", label=label, count=ctx.get("max_length")), mark
    if etype == "string_pattern_mismatch":
        if key in ("id", "set") or (key == "under"):
            lower = "a-z" in str(ctx.get("pattern", ""))
            return said(
                "load.bad_set_id" if lower else "load.bad_id", label=label, value=_show(value)
            ), mark
        if key == "period":
            return said("load.bad_period", label=label, value=_show(value)), mark
        return said("load.bad_form", label=label, value=_show(value)), mark
    if etype in ("value_error", "assertion_error"):
        text = _validator_words(err, ctx)
        if isinstance(where.data, LocDict):
            for name in _BACKTICK.findall(text):
                if name in where.data:
                    mark = where.data.key_mark(name)
                    break
        return text, mark
    return (
        said(
            "load.invalid", label=label, reason=err.get("msg", "invalid value"), value=_show(value)
        ),
        mark,
    )


#: Errors worded alike: the key, then what was expected and what was given.
_SIMPLE = {
    **dict.fromkeys(
        ("decimal_parsing", "decimal_type", "float_parsing", "float_type"), "load.expected_number"
    ),
    **dict.fromkeys(("int_parsing", "int_type", "int_from_float"), "load.expected_whole"),
    **dict.fromkeys(("bool_parsing", "bool_type"), "load.expected_bool"),
    **dict.fromkeys(("string_type", "string_sub_type"), "load.expected_text"),
    **dict.fromkeys(("list_type", "tuple_type"), "load.expected_list"),
}
_BOUNDS = {
    "greater_than_equal": "load.at_least",
    "greater_than": "load.more_than",
    "less_than_equal": "load.at_most",
    "less_than": "load.less_than",
}


def words_of(exc: BaseException) -> str:
    """What an exception says: the `Said` it was raised with (both languages), else its text."""
    words = exc.args[0] if exc.args else None
    return words if isinstance(words, Said) else str(exc)


def _validator_words(err: ErrorDetails, ctx: dict[str, Any]) -> str:
    """What a model validator said: the `Said` it raised (both languages) when it raised one,
    kept by pydantic in ``ctx['error']``; else pydantic's text without its prefix."""
    error = ctx.get("error")
    if isinstance(error, Exception) and isinstance(words_of(error), Said):
        return words_of(error)
    return str(err.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")


def problems_from_validation(
    exc: ValidationError, data: Any, model: type[BaseModel] | None, *, file: str | None = None
) -> list[Problem]:
    """Every error of `exc` as a located Problem; union noise collapsed to one message."""
    errors = exc.errors(include_url=False)
    located = [(err, locate(tuple(err["loc"]), data, model)) for err in errors]

    # Errors inside a plain union come once per member; keep the member that got furthest,
    # or say once what the union accepts.
    groups: dict[tuple[Any, ...], list[tuple[ErrorDetails, Where]]] = {}
    plain: list[tuple[ErrorDetails, Where]] = []
    for err, where in located:
        if where.union_point is None:
            plain.append((err, where))
        else:
            groups.setdefault(where.union_point, []).append((err, where))
    chosen: list[tuple[ErrorDetails, Where]] = list(plain)
    collapsed: list[Problem] = []
    for point, items in groups.items():
        members = {w.member for _, w in items}
        best = max(w.depth_after_union for _, w in items)
        leaders = {w.member for _, w in items if w.depth_after_union == best}
        if len(members) == 1 or (len(leaders) == 1 and best > 0):
            chosen.extend((e, w) for e, w in items if w.member in leaders)
            continue
        first = locate(point, data, model)
        key = first.last_key if isinstance(first.last_key, str) else None
        union = items[0][1].union_type
        kinds = [describe_type(m) for m in get_args(union) if m is not type(None)]
        collapsed.append(
            _problem(
                said(
                    "load.union_invalid",
                    label=_label(key),
                    value=_show(first.data),
                    kinds=listing(kinds, "punct.semicolon"),
                ),
                first.mark,
                first.path,
                file,
            )
        )
    out: list[Problem] = []
    seen: set[tuple[str, int, str]] = set()
    for err, where in chosen:
        message, mark = message_for(err, where)
        sig = (where.path, mark.line, message)
        if sig in seen:
            continue
        seen.add(sig)
        out.append(_problem(message, mark, where.path, file))
    out.extend(collapsed)
    out.sort(key=lambda p: (p.file or "", p.line or 0, p.column or 0))
    return out


def _problem(message: str, mark: Mark, path: str, file: str | None) -> Problem:
    return Problem(
        message,
        file=mark.file if mark is not NOWHERE else file,
        line=mark.line if mark is not NOWHERE else None,
        column=mark.column if mark is not NOWHERE else None,
        key=path or None,
        code="schema",
    )
