"""Per-indicator roll-up: an indicator's entries of shorter periods combined into one entry of
the longer period, which is then scored once (spec §1.7, extended by the `rollup` node key).

A cumulative count (新增共享接口, entered as the running total each week) takes `last`: the
month or year is judged on the latest total against its target, not on the mean of weekly
scores. `sum` adds per-period counts, `mean` averages rates; with named inputs each input is
combined and the formula applied afterwards (a pooled ratio). `max`/`min` pick the period whose
value is largest/smallest. Each evaluator's entries are combined on their own (with `last`, the
evaluators of the latest period with an entry); consolidation then works as in any period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assessor.model.entries import Entry
from assessor.model.indicator_set import AnyNode, NumericLeaf
from assessor.scoring.methods import LeafScorer, fmt
from assessor.text.catalogue import has, say

ZERO = Decimal(0)

#: methods that combine an entry's values; the others pick one period's entry
COMBINING = frozenset({"sum", "mean"})


@dataclass(frozen=True, slots=True)
class Rolled:
    """How one evaluator's entries were combined (for the explanation)."""

    evaluator: str
    method: str
    values: tuple[tuple[str, object], ...]  # (period, value as entered) in period order
    chosen: str | None  # the period picked by last / max / min
    result: object  # the combined value (single value or inputs)

    def words(self, lang: str) -> str:
        zh = lang == "zh"
        listed = ("、" if zh else ", ").join(f"{p} {_shown(v)}" for p, v in self.values)
        how = method_words(self.method, lang)
        who = f"{self.evaluator}：" if self.evaluator and zh else ""
        who = who or (f"{self.evaluator}: " if self.evaluator else "")
        if self.chosen is not None:
            picked = (
                f"{len(self.values)} 期{how}，取 {self.chosen} 的 {_shown(self.result)}"
                if zh
                else f"{how} of {len(self.values)} periods: {self.chosen}'s {_shown(self.result)}"
            )
        else:
            picked = (
                f"{len(self.values)} 期{how} = {_shown(self.result)}"
                if zh
                else f"{how} of {len(self.values)} periods = {_shown(self.result)}"
            )
        if self.method == "last" and len(self.values) > 3:
            listed = ("、" if zh else ", ").join(f"{p} {_shown(v)}" for p, v in self.values[-3:])
            listed = ("…、" if zh else "…, ") + listed
        return f"{who}{listed} → {picked}"


def method_words(method: str, lang: str) -> str:
    """How periods are combined, as the reader calls it (``engine.rollup.*``); the YAML keyword
    in English."""
    key = f"engine.rollup.{method}"
    return say(key, lang) if has(key) else method


def entry_mode(node: AnyNode, method: str) -> bool:
    """Whether the leaf's entries are combined (numbers, or a pick) rather than its points."""
    return isinstance(node, NumericLeaf) or method not in COMBINING


def combine(
    node: AnyNode,
    method: str,
    series: Sequence[tuple[str, Sequence[Entry]]],
    scorer: LeafScorer | None,
    leaf_max: Decimal,
) -> tuple[list[Entry], list[Rolled]]:
    """One entry per evaluator for the longer period, from `series` [(period, entries)]."""
    by_ev: dict[str, list[tuple[str, Entry]]] = {}
    for period, entries in series:
        for e in entries:
            by_ev.setdefault(e.evaluator, []).append((period, e))
    if method == "last":
        # the latest period anyone entered: an evaluator who re-checked an earlier week only
        # (a 督查组) does not pull a running total back to that week
        latest = next((p for p, entries in reversed(series) if entries), None)
        by_ev = {ev: items for ev, items in by_ev.items() if items[-1][0] == latest}
    out: list[Entry] = []
    how: list[Rolled] = []
    for ev, items in by_ev.items():
        got = _combine_one(node, method, items, scorer, leaf_max)
        if got is None:
            continue
        entry, chosen = got
        shown = tuple((p, _value_of(e)) for p, e in items)
        out.append(entry)
        how.append(Rolled(ev, method, shown, chosen, _value_of(entry)))
    return out, how


def _combine_one(
    node: AnyNode,
    method: str,
    items: list[tuple[str, Entry]],
    scorer: LeafScorer | None,
    leaf_max: Decimal,
) -> tuple[Entry, str | None] | None:
    if method == "last":
        period, e = items[-1]
        return e, period
    live = [(p, e) for p, e in items if not e.na]
    if not live:
        return items[-1][1], None  # every period not applicable: so is the longer one
    if method in ("max", "min"):
        keyed = [(k, p, e) for p, e in live if (k := _order_key(node, e, scorer, leaf_max))]
        if not keyed:
            return live[-1][1], live[-1][0]
        best_k, period, e = keyed[0]
        for k, p, x in keyed[1:]:  # the latest period wins a tie
            if (k >= best_k) if method == "max" else (k <= best_k):
                best_k, period, e = k, p, x
        return e, period
    return _combined_numbers(method, [e for _, e in live]), None


def _order_key(
    node: AnyNode, e: Entry, scorer: LeafScorer | None, leaf_max: Decimal
) -> tuple[Decimal] | None:
    """What max / min compare: the leaf's number, else the points its entry scores."""
    if isinstance(node, NumericLeaf):
        from assessor.scoring.methods import _value_reader

        try:
            v, _ = _value_reader(node)(e)
        except Exception:  # an entry that cannot be read is never the pick
            return None
        return (v,)
    if scorer is None:
        return None
    out = scorer(e, leaf_max)
    return (out.points,) if out.points is not None and out.status == "scored" else None


def _combined_numbers(method: str, entries: list[Entry]) -> Entry:
    """Sum or mean of each number (the single value, or each named input)."""
    first = entries[-1]
    evidence: list[str] = []
    for e in entries:
        evidence.extend(x for x in e.evidence if x not in evidence)
    if first.inputs is not None:
        totals: dict[str, Decimal] = {}
        counts: dict[str, int] = {}
        for e in entries:
            for k, v in (e.inputs or {}).items():
                d = _dec(v)
                if d is None:
                    continue
                totals[k] = totals.get(k, ZERO) + d
                counts[k] = counts.get(k, 0) + 1
        inputs: dict[str, Decimal | bool | str] = {
            k: (t / Decimal(counts[k]) if method == "mean" else t) for k, t in totals.items()
        }
        return Entry(
            inputs=inputs, evaluator=first.evaluator, evidence=tuple(evidence), derived=True
        )
    values = [d for e in entries if (d := _dec(e.value)) is not None]
    if not values:
        return first
    total = sum(values, ZERO)
    value = total / Decimal(len(values)) if method == "mean" else total
    return Entry(value=value, evaluator=first.evaluator, evidence=tuple(evidence), derived=True)


def _dec(v: object) -> Decimal | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    return None


def _value_of(e: Entry) -> object:
    if e.na:
        return "na"
    return dict(e.inputs) if e.inputs is not None else e.value


def _shown(v: object) -> str:
    if isinstance(v, dict):
        return "(" + ", ".join(f"{k}={_shown(x)}" for k, x in v.items()) + ")"
    if isinstance(v, Decimal):
        q = v.quantize(Decimal("0.0001"))
        return fmt(v) if q == v else "≈" + fmt(q)
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


__all__ = ["Rolled", "combine", "entry_mode", "method_words"]
