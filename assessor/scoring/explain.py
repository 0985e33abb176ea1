"""Why a node got its points, in words an evaluator can check by hand (`assessor explain`)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from assessor.errors import in_language
from assessor.model.results import NodeResult, RegionResult
from assessor.scoring.compiled import CompiledSet
from assessor.scoring.methods import fmt
from assessor.scoring.phrases import method_name
from assessor.scoring.rollup import method_words
from assessor.text.catalogue import lang_of, say, table


def _words(lang: str) -> dict[str, Any]:
    """The labels of an explanation (``engine.explain.*``), the status words and yes/no, in
    `lang`; English for a language we do not speak."""
    code = "en" if lang_of(lang) != lang else lang
    w: dict[str, Any] = {**table("engine.explain", code), "status": table("status", code)}
    w["yes"], w["no"] = say("engine.yes", code), say("engine.no", code)
    return w


def short_decimal(v: Decimal, digits: int = 2) -> str:
    """A value for reading: exact when it has at most `digits` decimals, else rounded and marked
    ≈ (79/81 × 100 → ≈97.53); the exact value stays in the JSON result. Never points."""
    text = fmt(v)
    if "." in text and len(text.split(".", 1)[1]) > digits:
        return "≈" + fmt(v.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    return text


RULE_DIGITS = 4  # decimals of a rule's or a sum's intermediate values
_LONG_DECIMAL = re.compile(r"(?<![≈\d.])\d+\.\d+")


def shorten_numbers(line: str, digits: int = 2) -> str:
    """Decimals longer than `digits` (a quotient such as 642/790) rounded and marked ≈; the exact
    value stays in the JSON result. Never applied to what an evaluator typed (comments)."""
    return _LONG_DECIMAL.sub(lambda m: short_decimal(Decimal(m.group(0)), digits), line)


def _num(cs: CompiledSet, v: Decimal | None) -> str:
    return "—" if v is None else fmt(cs.round(v))


def explain_lines(
    cs: CompiledSet, result: RegionResult, node_id: str, lang: str = "zh"
) -> list[str]:
    """Lines that rebuild a node's points from its inputs, method and arithmetic."""
    t = _words(lang)
    c = t["colon"]
    d = cs.digits
    n = result.nodes[node_id]
    node = cs.nodes[node_id].node if node_id in cs.nodes else None

    def shown(v: object) -> str:
        return _value(v, t, node, d)

    def short(line: str) -> str:  # a rule's arithmetic: four places, enough to check by hand
        return shorten_numbers(line, max(d, RULE_DIGITS))

    status = t["status"][n.status]
    head = f"{n.id} {n.name}"
    if n.leaf and n.explanation and n.explanation.method:
        head += f" [{method_name(n.explanation.method, lang)}]"
    head += f" — {t['points']} {_num(cs, n.points)} / {_num(cs, n.max)}"
    if n.level is not None:
        head += f"{t['sep']}{t['level']} {n.level}"
    head += t["paren"].format(text=status)
    lines = [head]
    e = n.explanation
    if n.status == "na":
        lines.append(f"  {t['na']}")
    elif n.status == "unscored" and n.leaf and not (e and e.periods):
        lines.append(f"  {t['unscored']}")
    if n.status == "error" and n.message:
        lines.append(f"  {t['error']}{c}{in_language(n.message, lang)}")
    if n.leaf and e is not None and not e.periods:
        for how in getattr(e, "rolled", ()):
            lines.append(short(f"  {t['rolled']}{c}{how.words(lang)}"))
        if n.value is not None and n.status != "na":
            lines.append(short(f"  {t['value']}{c}{shown(n.value)}"))
        several = len(e.evaluator_names) > 1
        rule = e.rule_text(lang)
        if not several and rule and e.rule != "no entry":
            lines.append(short(f"  {t['rule']}{c}{rule}"))
        if several:
            lines.append(f"  {t['evaluators']}{c.rstrip()}")
            peer = e.method in ("rank", "minmax")
            for ev in e.evaluator_scores(lang):
                if peer:  # a value is ranked only after the evaluators' values are merged
                    what = (
                        shown(ev.value)
                        if ev.value is not None
                        else t["status"].get(ev.status, ev.status)
                    )
                    lines.append(short(f"    {ev.evaluator or '—'}{c}{what}"))
                    continue
                got = (
                    _num(cs, ev.points)
                    if ev.points is not None
                    else t["status"].get(ev.status, ev.status)
                )
                detail = f" — {ev.rule}" if ev.rule else ""
                given = f"{shown(ev.value)} → " if ev.value is not None else ""
                lines.append(short(f"    {ev.evaluator or '—'}{c}{given}{got}{detail}"))
            how = e.consolidation_text(lang)
            if how:
                lines.append(short(f"  {t['consolidation']}{c}{how}"))
            if peer and rule and e.rule != "no entry":  # the merged value's rank among peers
                lines.append(short(f"  {t['rule']}{c}{rule}"))
        elif e.evaluator_names and e.evaluator_names[0]:
            lines.append(f"  {t['evaluators']}{c}{e.evaluator_names[0]}")
        informative = e.achievement is not None or e.scale != 1
        if (
            informative
            and n.points is not None
            and n.status == "scored"
            and e.nominal_max is not None
        ):
            exact = e.exact_points if e.exact_points is not None else n.points
            if e.achievement is not None:
                arith = f"{_short(e.achievement, d)} × {_short(e.nominal_max, d)}"
            else:
                arith = _short(exact / e.scale, d)
            if e.scale != 1:
                arith += f" × {_short(e.scale, d)}"
            lines.append(f"  {t['arith']}{c}{arith} = {_short(exact, d)} → {_num(cs, n.points)}")
        if e.scale != 1 and e.nominal_max is not None:
            lines.append(
                f"  {t['scale']} {_short(e.nominal_max, d)} × {_short(e.scale, d)} = {_short(n.max, d)}"
            )
    if e is not None and e.periods:
        parts = [f"{p} {_num(cs, v)}" for p, v in e.periods]
        lines.append(f"  {t['periods']}{c}" + t["item_sep"].join(parts))
        lines.append(f"  {t['rollup']}{c}{method_words(e.rollup or '', lang)}")
    if n.disagreement:
        lines.append(f"  {t['disagree']}")
    if n.comment:
        lines.append(f"  {t['comment']}{c}{n.comment}")
    if n.evidence:
        lines.append(f"  {t['evidence']}{c}{t['item_sep'].join(n.evidence)}")
    if not n.leaf:
        lines.extend(_inner_lines(cs, result, n, t))
    return lines


def _inner_lines(
    cs: CompiledSet, result: RegionResult, n: NodeResult, t: dict[str, Any]
) -> list[str]:
    kids = [k for k in result.nodes.values() if k.parent == n.id]
    core = [k for k in kids if k.kind == "core" and k.points is not None]
    pen = [k for k in kids if k.kind == "penalty" and k.points]
    bon = [k for k in kids if k.kind == "bonus" and k.points]
    parts = [f"{t['core']} " + " + ".join(_num(cs, k.points) for k in core)] if core else []
    if pen:
        parts.append(f"− {t['penalty']} " + " − ".join(_num(cs, k.points) for k in pen))
    if bon:
        parts.append(f"+ {t['bonus']} " + " + ".join(_num(cs, k.points) for k in bon))
    c = t["colon"]
    lines = [f"  {t['arith']}{c}" + " ".join(parts) + f" = {_num(cs, n.points)}"] if parts else []
    lines.append(f"  {t['children']}{c.rstrip()}")
    for k in kids:
        lv = " " + t["lv"].format(level=k.level) if k.level is not None else ""
        lines.append(
            f"    {k.id} {k.name}{c}{_num(cs, k.points)} / {_num(cs, k.max)}{lv} {t['status'][k.status]}"
        )
    return lines


def _short(x: Decimal, digits: int = 2) -> str:
    """Arithmetic a reader checks by hand: exact up to six places (0.85625 × 9 = 7.70625),
    otherwise four places with "≈" (an N/A factor such as 4/3 never ends)."""
    text = fmt(x)
    if "." not in text or len(text.split(".", 1)[1]) <= 6:
        return text
    return short_decimal(x, max(digits, RULE_DIGITS))


def _value(v: object, t: dict[str, Any], node: object = None, digits: int = 2) -> str:
    """An entered value in the reader's words: inputs and options by their labels, never by
    their YAML keys (使用电子证照办理的事项数 642，政务服务事项总数 790)."""
    if isinstance(v, Decimal):
        return short_decimal(v, digits)
    if isinstance(v, dict):
        specs = getattr(node, "inputs", None) or {}
        return str(t["item_sep"]).join(
            f"{input_label(specs, k)} {_value(x, t, node, digits)}" for k, x in v.items()
        )
    if isinstance(v, bool):
        return str(t["yes"] if v else t["no"])
    if isinstance(v, list):
        return " / ".join(_value(x, t, node, digits) for x in v)
    if isinstance(v, str):
        return option_label(node, v)
    return str(v)


def input_label(specs: dict[str, Any], key: str) -> str:
    """An input's label as the form shows it; its key only when the set gives none."""
    label = getattr(specs.get(key), "label", None)
    return str(label) if label else key


def option_label(node: object, key: str) -> str:
    """An option's label (国家级试点 for `national`); the key when it is not an option."""
    for o in getattr(node, "options", None) or []:
        if o.key == key:
            return str(o.label or o.key)
    return key
