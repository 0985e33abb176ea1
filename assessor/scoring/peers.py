"""Peer methods (spec §1.2, §1.7): `rank` and `minmax` compare regions of the same period."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import Decimal

from assessor.model.indicator_set import MinmaxLeaf, RankLeaf
from assessor.scoring.consolidate import LeafState
from assessor.scoring.methods import Rule, fmt, with_level
from assessor.scoring.phrases import Phrases

ZERO = Decimal(0)
ONE = Decimal(1)


def competition_ranks(values: dict[str, Decimal], descending: bool = True) -> dict[str, int]:
    """Ties share a rank and the next rank is skipped: 1, 2, 2, 4."""
    ordered = sorted(values.values())
    n = len(ordered)
    if descending:
        return {k: 1 + n - bisect_right(ordered, v) for k, v in values.items()}
    return {k: 1 + bisect_left(ordered, v) for k, v in values.items()}


def rank_achievement(node: RankLeaf, rank: int, n: int) -> Decimal:
    if node.rank_scores is not None:
        return node.rank_scores[rank - 1] if rank <= len(node.rank_scores) else node.rest
    if node.step is not None:
        a = ONE - node.step * (rank - 1)
        return a if a > node.floor else node.floor
    if n <= 1:
        return ONE
    return Decimal(n - rank) / Decimal(n - 1)


def rank_level(node: RankLeaf, rank: int) -> int | None:
    if not node.rank_levels:
        return None
    for rl in sorted(node.rank_levels, key=lambda r: r.max_rank):
        if rank <= rl.max_rank:
            return rl.level
    return 0


def apply_peer_leaf(
    node: RankLeaf | MinmaxLeaf,
    leaf_max: Decimal,
    states: dict[str, LeafState],
    groups: dict[str, str | None],
) -> None:
    """Turn every region's consolidated value of one peer leaf into points and a level."""
    scored = {
        rid: st.value
        for rid, st in states.items()
        if st.status == "scored" and isinstance(st.value, Decimal)
    }
    partitions: dict[object, dict[str, Decimal]] = {}
    for rid, v in scored.items():
        key: object = groups.get(rid) if node.peers == "group" else None
        if node.peers == "group" and key is None:
            key = ("alone", rid)
        partitions.setdefault(key, {})[rid] = v
    for members in partitions.values():
        n = len(members)
        if isinstance(node, RankLeaf):
            ranks = competition_ranks(members, descending=node.order == "desc")
            for rid, r in ranks.items():
                st = states[rid]
                a = rank_achievement(node, r, n)
                st.achievement = a
                st.points = a * leaf_max
                st.level = rank_level(node, r)
                st._rule = Rule(_rank_text, members[rid], r, n, a, st.level)
        else:
            lo, hi = min(members.values()), max(members.values())
            for rid, v in members.items():
                st = states[rid]
                if hi == lo:
                    a = ONE
                    st._rule = Rule(_all_equal_text, v, n)
                elif node.direction == "lower":
                    a = (hi - v) / (hi - lo)
                    st._rule = Rule(_minmax_text, hi, v, hi, lo, a)
                else:
                    a = (v - lo) / (hi - lo)
                    st._rule = Rule(_minmax_text, v, lo, hi, lo, a)
                st.achievement = a
                st.points = a * leaf_max
    for st in states.values():
        if st.status == "scored" and st.points is None:
            st.status = "unscored"
            st.points = ZERO


def _rank_text(w: Phrases, v: Decimal, r: int, n: int, a: Decimal, level: int | None) -> str:
    return w["rank"].format(v=fmt(v), r=r, n=n, a=fmt(a)) + with_level(w, level)


def _all_equal_text(w: Phrases, v: Decimal, n: int) -> str:
    return w["all_equal"].format(v=fmt(v), n=n)


def _minmax_text(w: Phrases, x: Decimal, y: Decimal, hi: Decimal, lo: Decimal, a: Decimal) -> str:
    """(x − y) / (hi − lo): (value − lowest) when higher is better, (highest − value) otherwise."""
    return f"({fmt(x)} − {fmt(y)}) / ({fmt(hi)} − {fmt(lo)}) = {fmt(a)}"
