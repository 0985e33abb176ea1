"""Leaf methods (spec §1.2): from one evaluator's entry to points at the leaf's nominal maximum.

Each method is turned once into a closure (`make_scorer`) so that scoring thousands of
leaves does no dispatching on types. Peer methods (`rank`, `minmax`) only produce the value
here; `peers.py` turns values into points once every region's value is known.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from decimal import Decimal

from assessor.errors import Said
from assessor.model.entries import Entry
from assessor.model.formula import FormulaError, parse_formula
from assessor.model.indicator_set import (
    AnyNode,
    BandsLeaf,
    CheckLeaf,
    ChoiceLeaf,
    CountLeaf,
    InnerNode,
    LevelLeaf,
    LinearLeaf,
    NumericLeaf,
    PointsLeaf,
    RatioLeaf,
    SlopeLeaf,
)
from assessor.scoring.phrases import Phrases, phrases
from assessor.scoring.prorata import Due
from assessor.text.catalogue import said, table

ZERO = Decimal(0)
ONE = Decimal(1)


class Outcome:
    """One evaluator's result for one leaf, before N/A scaling and consolidation."""

    __slots__ = ("achievement", "level", "message", "points", "rule", "status", "value")

    def __init__(
        self,
        status: str,
        points: Decimal | None = None,
        level: int | None = None,
        value: object = None,
        message: str | None = None,
        achievement: Decimal | None = None,
        rule: object = None,
    ) -> None:
        self.status = status
        self.points = points
        self.level = level
        self.value = value
        self.message = message
        self.achievement = achievement
        self.rule = rule


LeafScorer = Callable[[Entry, Decimal], Outcome]


class Rule:
    """The words of a rule, formatted only when someone asks (explain, reports), in the
    language they ask for; `fn` takes the phrasebook first, then `args`."""

    __slots__ = ("args", "fn")

    def __init__(self, fn: Callable[..., str], *args: object) -> None:
        self.fn = fn
        self.args = args

    def text(self, lang: str = "en") -> str:
        return self.words(phrases(lang))

    def words(self, w: Phrases) -> str:
        """In an open phrasebook (a rule inside a rule: a formula, then its band)."""
        return self.fn(w, *self.args)

    def __str__(self) -> str:
        return self.text("en")

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


NA = Outcome("na")


def clamp(x: Decimal, lo: Decimal, hi: Decimal) -> Decimal:
    return lo if x < lo else hi if x > hi else x


def fmt(x: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 2.40 → 2.4, 1E+1 → 10."""
    if not x.is_finite() or abs(x.adjusted()) > 20:
        return str(x)[:40]  # beyond what the gate admits: shown as it is, never expanded
    if x == x.to_integral_value():
        return str(x.quantize(ONE))
    s = format(x.normalize(), "f")
    return s


def _number(v: object) -> Decimal:
    if isinstance(v, Decimal):
        return v
    if isinstance(v, bool):
        return ONE if v else ZERO
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, str):
        return Decimal(v.strip())
    raise TypeError(f"not a number: {v!r}")


def _value_reader(node: NumericLeaf) -> Callable[[Entry], tuple[Decimal, object]]:
    """How to get the leaf's number from an entry: the single value, or its formula."""
    if node.value is not None:
        formula = parse_formula(node.value)
        order = tuple(node.inputs or ())  # as the set declares them, not as stored (sorted)

        def from_formula(entry: Entry) -> tuple[Decimal, object]:
            raw = entry.inputs or {}
            env = {k: _number(v) for k, v in raw.items() if not isinstance(v, str) or _is_num(v)}
            shown = {k: raw[k] for k in order if k in raw}
            if len(shown) != len(raw):
                shown.update(raw)
            return formula.evaluate(env), shown

        return from_formula

    def single(entry: Entry) -> tuple[Decimal, object]:
        if entry.value is None:
            raise FormulaError(said("engine.leaf.no_value"))
        v = _number(entry.value)
        return v, v

    return single


def _is_num(s: str) -> bool:
    try:
        Decimal(s)
    except ArithmeticError:
        return False
    return True


def _unscorable(entry: Entry) -> Said | None:
    """Why a stored entry's numbers cannot be computed with (the gate's limits), if they cannot."""
    from assessor.model.limits import number_problem

    values = [entry.value, *(entry.inputs or {}).values()]
    for v in values:
        if isinstance(v, Decimal):
            bad = number_problem(v, computed=entry.derived)
            if bad is not None:
                shown = str(v) if len(str(v)) <= 40 else str(v)[:40] + "…"
                return said("engine.leaf.stored_value", value=shown, problem=bad)
    return None


def _harmless(v: object) -> object:
    """A value as results show it, with numbers beyond the limits turned into short text (so
    that JSON, export and reports never compute with them)."""
    from assessor.model.limits import number_problem

    if isinstance(v, dict):
        return {k: _harmless(x) for k, x in v.items()}
    if isinstance(v, Decimal) and number_problem(v) is not None:
        text = str(v)
        return text if len(text) <= 40 else text[:40] + "…"
    return v


def guarded(scorer: LeafScorer) -> LeafScorer:
    """Defence in depth: an entry that still cannot be scored (a value stored before the gate,
    a method that raises) makes this leaf an `error` with its message; the rest goes on."""

    def safe(entry: Entry, mx: Decimal) -> Outcome:
        why = None if entry.na else _unscorable(entry)
        if why is not None:
            return Outcome("error", ZERO, 0, _harmless(entry.inputs or entry.value), why)
        try:
            out = scorer(entry, mx)
        except Exception as exc:
            text = f"{type(exc).__name__}: {exc}"[:200]
            return Outcome(
                "error", ZERO, 0, entry.inputs or entry.value,
                said("engine.leaf.cannot_score", reason=text),
            )  # fmt: skip
        if out.points is not None and not out.points.is_finite():
            return Outcome("error", ZERO, 0, out.value, said("engine.leaf.score_not_finite"))
        return out

    return safe


def make_scorer(node: AnyNode, due: Due | None = None) -> LeafScorer | None:
    """The leaf's scorer; `due` (序时) scales a `pro_rata` leaf's yearly target to a period."""
    scorer = _make_scorer(node, due)
    return None if scorer is None else guarded(scorer)


def _make_scorer(node: AnyNode, due: Due | None = None) -> LeafScorer | None:
    if isinstance(node, InnerNode):
        return None
    if isinstance(node, LevelLeaf):
        return _level(node)
    if isinstance(node, ChoiceLeaf):
        return _choice(node)
    if isinstance(node, CheckLeaf):
        return _check(node)
    assert isinstance(node, NumericLeaf)
    read = _value_reader(node)
    compute = _numeric(node, due)

    def numeric(entry: Entry, mx: Decimal) -> Outcome:
        if entry.na:
            return NA
        try:
            v, shown = read(entry)
        except FormulaError as exc:
            why = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
            return Outcome("error", ZERO, 0, entry.inputs or entry.value, why)
        except (ArithmeticError, TypeError, ValueError):
            return Outcome(
                "error",
                ZERO,
                0,
                entry.value,
                said("engine.leaf.not_a_number", value=repr(entry.value)[:40]),
            )
        if node.value is not None:
            from assessor.model.limits import number_problem

            bad = number_problem(v, computed=True)
            if bad is not None:
                return Outcome(
                    "error", ZERO, 0, entry.inputs,
                    said("engine.leaf.formula_gives", formula=node.value, value=str(v)[:40],
                         problem=bad),
                )  # fmt: skip
        out = compute(v, mx)
        out.value = shown if node.value is None else v
        if node.value is not None:
            out.rule = Rule(_formula_text, node.value, v, out.rule, shown, _input_labels(node))
        return out

    return numeric


def _input_labels(node: NumericLeaf) -> dict[str, str]:
    return {k: spec.label for k, spec in (node.inputs or {}).items() if spec.label}


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = {"*": "×", "/": "÷", "-": "−"}


def formula_words(formula: str, labels: dict[str, str], lang: str = "zh") -> str:
    """A formula as a reader says it: inputs by their labels, × ÷ − for * / -
    (`used / total * 100` → 使用电子证照办理的事项数 ÷ 政务服务事项总数 × 100)."""
    words = {**table("engine.function", lang), **labels}
    text = _NAME.sub(lambda m: words.get(m.group(0), m.group(0)), formula)
    return "".join(_OPERATORS.get(ch, ch) for ch in text)


def _formula_text(
    w: Phrases,
    formula: str,
    v: Decimal,
    rest: object,
    inputs: object = None,
    labels: dict[str, str] | None = None,
) -> str:
    """The formula in words with the inputs as typed, so the line can be checked against the
    form: `使用电子证照办理的事项数 ÷ 政务服务事项总数 × 100（使用电子证照办理的事项数 642，
    政务服务事项总数 790）= 81.27…；区间 ≥ 80 → 得分率 0.8`."""
    names = labels or {}
    more = rule_text(rest, w)
    given = ""
    if isinstance(inputs, dict) and inputs:
        items = w["input_sep"].join(
            f"{names.get(k, k)} {_input_text(x)}" for k, x in inputs.items()
        )
        given = w["inputs"].format(items=items)
    return f"{formula_words(formula, names, w.get('lang', 'en'))}{given} = {fmt(v)}" + (
        w["then"] + more if more else ""
    )


def _input_text(x: object) -> str:
    return fmt(x) if isinstance(x, Decimal) else str(x)


def rule_text(rule: object, w: Phrases) -> str | None:
    """A rule in the phrasebook's language; plain strings (older callers) as they are."""
    if rule is None:
        return None
    return rule.words(w) if isinstance(rule, Rule) else str(rule)


def _level(node: LevelLeaf) -> LeafScorer:
    top = max(d.level for d in node.levels) or 1
    table: dict[int, tuple[Decimal, str]] = {}
    for d in node.levels:
        score = d.score if d.score is not None else Decimal(d.level) / Decimal(top)
        table[d.level] = (score, d.label or f"{d.level}")
    table.setdefault(0, (ZERO, "0"))

    def level(entry: Entry, mx: Decimal) -> Outcome:
        if entry.na:
            return NA
        lv = entry.value
        if isinstance(lv, bool) or not isinstance(lv, int | Decimal):
            return Outcome(
                "error", ZERO, 0, lv,
                said("engine.leaf.not_a_level", level=repr(lv)),
            )  # fmt: skip
        lvl = int(lv)
        hit = table.get(lvl)
        if hit is None:
            levels = [str(k) for k in sorted(table)]
            allowed = Said(", ".join(levels), "、".join(levels))
            return Outcome(
                "error", ZERO, 0, lv, said("engine.leaf.unknown_level", level=lvl, allowed=allowed)
            )
        a, label = hit
        return Outcome("scored", a * mx, lvl, lvl, None, a, Rule(_level_text, lvl, label, a))

    return level


def _level_text(w: Phrases, lvl: int, label: str, a: Decimal) -> str:
    if label == str(lvl):  # an unlabelled level: "level 5 → 1", not "level 5 (5) → 1"
        return w["level_plain"].format(lvl=lvl, a=fmt(a))
    return w["level"].format(lvl=lvl, label=label, a=fmt(a))


def _choice(node: ChoiceLeaf) -> LeafScorer:
    table = {o.key: (o.score, o.label or o.key) for o in node.options}

    def choice(entry: Entry, mx: Decimal) -> Outcome:
        if entry.na:
            return NA
        key = str(entry.value)
        hit = table.get(key)
        if hit is None:
            return Outcome(
                "error", ZERO, 0, key,
                said("engine.leaf.unknown_option", option=repr(key),
                     allowed=Said(", ".join(table), "、".join(table))),
            )  # fmt: skip
        a, label = hit
        return Outcome("scored", a * mx, None, key, None, a, Rule(_option_text, label, a))

    return choice


def _option_text(w: Phrases, label: str, a: Decimal) -> str:
    return w["option"].format(label=label, a=fmt(a))


def _check(node: CheckLeaf) -> LeafScorer:
    yes, no = node.yes_score, node.no_score

    def check(entry: Entry, mx: Decimal) -> Outcome:
        if entry.na:
            return NA
        v = entry.value
        if not isinstance(v, bool):
            return Outcome("error", ZERO, 0, v, said("engine.leaf.not_yes_no", value=repr(v)))
        a = yes if v else no
        return Outcome("scored", a * mx, None, v, None, a, Rule(_check_text, v, a))

    return check


def _check_text(w: Phrases, v: bool, a: Decimal) -> str:
    return w["check"].format(answer=w["yes"] if v else w["no"], a=fmt(a))


Compute = Callable[[Decimal, Decimal], Outcome]


def _numeric(node: NumericLeaf, due: Due | None = None) -> Compute:
    if isinstance(node, RatioLeaf):
        return _ratio(node, due if node.pro_rata is not None else None)
    if isinstance(node, BandsLeaf):
        return _bands(node, due if node.pro_rata is not None else None)
    if isinstance(node, LinearLeaf):
        return _linear(node)
    if isinstance(node, SlopeLeaf):
        return _slope(node)
    if isinstance(node, CountLeaf):
        return _count(node)
    if isinstance(node, PointsLeaf):
        return _points()
    return _peer_value()


def _ratio(node: RatioLeaf, due: Due | None = None) -> Compute:
    base = node.baseline if node.baseline is not None else ZERO
    target, cap = node.target, node.cap
    scaled = (node.target, due) if due is not None else None
    if due is not None:  # 序时: the target due by the period's end
        target = target * due.share
    lower = node.direction == "lower"
    span = (base - target) if lower else (target - base)

    def ratio(v: Decimal, mx: Decimal) -> Outcome:
        if span <= 0:  # nothing is due yet: anything at or above the baseline is on schedule
            raw = cap if v >= base else ZERO
        else:
            raw = ((base - v) if lower else (v - base)) / span
        a = clamp(raw, ZERO, cap)
        return Outcome(
            "scored",
            a * mx,
            None,
            v,
            None,
            a,
            Rule(_ratio_text, v, base, target, cap, lower, raw, a, scaled),
        )

    return ratio


def _due_text(w: Phrases, scaled: tuple[Decimal, Due] | None) -> str:
    """序时: "序时进度 截至3月14日 73/365 天 = 20% → 序时目标 100 × 20% = 20；"."""
    if scaled is None:
        return ""
    yearly, due = scaled
    from assessor.scoring.prorata import pct_text

    return w["pro_rata"].format(
        due=due.words(w["lang"] == "zh"),
        target=fmt(yearly),
        share=pct_text(due.share),
        eff=pct_short(yearly * due.share),
    )


def pct_short(x: Decimal) -> str:
    """A derived target for reading: exact when short, else 4 decimals with "≈"."""
    q = x.quantize(Decimal("0.0001"))
    return fmt(x) if q == x else "≈" + fmt(q)


def _ratio_text(
    w: Phrases,
    v: Decimal,
    base: Decimal,
    target: Decimal,
    cap: Decimal,
    lower: bool,
    raw: Decimal,
    a: Decimal,
    scaled: tuple[Decimal, Due] | None = None,
) -> str:
    shown = pct_short(target)
    rule = _due_text(w, scaled) + (
        f"({fmt(base)} − {fmt(v)}) / ({fmt(base)} − {fmt(target)})"
        if lower
        else f"({fmt(v)} − {fmt(base)}) / ({shown} − {fmt(base)})"
    )
    if a != raw:
        rule += f" = {fmt(raw)}" + w["clamped"].format(cap=fmt(cap))
    return f"{rule} = {fmt(a)}"


def _bands(node: BandsLeaf, due: Due | None = None) -> Compute:
    levelled = any(b.level is not None for b in node.bands)
    share = due.share if due is not None else ONE
    tests: list[tuple[Callable[[Decimal], bool], str, Decimal, int | None]] = []
    for b in node.bands:
        if b.min is not None:
            m = b.min * share
            t, label = (lambda x, m=m: x >= m), f"≥ {_scaled(b.min, m, due)}"
        elif b.above is not None:
            m = b.above * share
            t, label = (lambda x, m=m: x > m), f"> {_scaled(b.above, m, due)}"
        elif b.max is not None:
            t, label = (lambda x, m=b.max: x <= m), f"≤ {fmt(b.max)}"
        else:
            assert b.below is not None
            t, label = (lambda x, m=b.below: x < m), f"< {fmt(b.below)}"
        tests.append((t, label, b.score, b.level))
    no_level = 0 if levelled else None
    head = Rule(_due_head, due) if due is not None else None

    def bands(v: Decimal, mx: Decimal) -> Outcome:
        for test, label, score, level in tests:
            if test(v):
                return Outcome(
                    "scored", score * mx, level if level is not None else no_level, v, None,
                    score, Rule(_band_text, label, score, level, head),
                )  # fmt: skip
        return Outcome("scored", ZERO, no_level, v, None, ZERO, Rule(_no_band_text, head))

    return bands


def _scaled(yearly: Decimal, now: Decimal, due: Due | None) -> str:
    """A 序时 threshold with its yearly value: "20 (100 × 20%)"."""
    if due is None:
        return fmt(yearly)
    from assessor.scoring.prorata import pct_text

    return f"{pct_short(now)} ({fmt(yearly)} × {pct_text(due.share)})"


def _due_head(w: Phrases, due: Due) -> str:
    return due.words(w["lang"] == "zh") + w["then"]


def _band_text(
    w: Phrases, label: str, score: Decimal, level: int | None, head: Rule | None = None
) -> str:
    before = head.words(w) if head is not None else ""
    return before + w["band"].format(label=label, a=fmt(score)) + with_level(w, level)


def with_level(w: Phrases, level: int | None) -> str:
    return "" if level is None else w["with_level"].format(level=level)


def _no_band_text(w: Phrases, head: Rule | None = None) -> str:
    return (head.words(w) if head is not None else "") + w["no_band"]


def _linear(node: LinearLeaf) -> Compute:
    curve = [(x, y) for x, y in node.curve]

    def linear(v: Decimal, mx: Decimal) -> Outcome:
        if v <= curve[0][0]:
            a = curve[0][1]
        elif v >= curve[-1][0]:
            a = curve[-1][1]
        else:
            a = curve[-1][1]
            for (x0, y0), (x1, y1) in itertools.pairwise(curve):
                if x0 <= v <= x1:
                    a = y0 if x1 == x0 else y0 + (v - x0) * (y1 - y0) / (x1 - x0)
                    break
        return Outcome("scored", a * mx, None, v, None, a, Rule(_curve_text, v, a))

    return linear


def _curve_text(w: Phrases, v: Decimal, a: Decimal) -> str:
    return w["curve"].format(v=fmt(v), a=fmt(a))


def _slope(node: SlopeLeaf) -> Compute:
    target, unit, per, base = node.target, node.unit, node.per_unit, node.base_points
    cap = node.cap_points

    def slope(v: Decimal, mx: Decimal) -> Outcome:
        top = cap if cap is not None else mx
        raw = base + (v - target) / unit * per
        pts = clamp(raw, ZERO, top)
        return Outcome(
            "scored", pts, None, v, None, None,
            Rule(_slope_text, base, v, target, unit, per, raw, pts, top),
        )  # fmt: skip

    return slope


def _slope_text(
    w: Phrases, base: Decimal, v: Decimal, target: Decimal, unit: Decimal, per: Decimal,
    raw: Decimal, pts: Decimal, top: Decimal,
) -> str:  # fmt: skip
    rule = f"{fmt(base)} + ({fmt(v)} − {fmt(target)}) / {fmt(unit)} × {fmt(per)} = {fmt(raw)}"
    if pts != raw:
        rule += w["clamped"].format(cap=fmt(top))
    return rule


def _count(node: CountLeaf) -> Compute:
    each = node.each

    def count(v: Decimal, mx: Decimal) -> Outcome:
        raw = v * each
        pts = clamp(raw, ZERO, mx)
        return Outcome("scored", pts, None, v, None, None, Rule(_count_text, v, each, raw, pts, mx))

    return count


def _count_text(
    w: Phrases, v: Decimal, each: Decimal, raw: Decimal, pts: Decimal, mx: Decimal
) -> str:
    rule = f"{fmt(v)} × {fmt(each)} = {fmt(raw)}"
    if pts != raw:
        rule += w["capped"].format(cap=fmt(mx))
    return rule


def _points() -> Compute:
    def points(v: Decimal, mx: Decimal) -> Outcome:
        pts = clamp(v, ZERO, mx)
        return Outcome("scored", pts, None, v, None, None, Rule(_points_text, v, pts, mx))

    return points


def _points_text(w: Phrases, v: Decimal, pts: Decimal, mx: Decimal) -> str:
    clamped = w["clamped"].format(cap=fmt(mx)) if pts != v else ""
    return w["points"].format(v=fmt(v)) + clamped


def _peer_value() -> Compute:
    def peer(v: Decimal, mx: Decimal) -> Outcome:
        return Outcome("scored", None, None, v, None, None, None)

    return peer
