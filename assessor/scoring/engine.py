"""The scoring engine: entries in, exact points, levels, ratings and ranks out (spec §1.3–§1.9).

Pure functions over the models: no files, no database, no UI. The CLI, the TUI, the reports and
the exports all call `score`.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Sequence
from decimal import Decimal

from assessor.gcpause import collector_paused
from assessor.model.entries import Assessment, Entry, Region
from assessor.model.indicator_set import Consolidation, MinmaxLeaf, RankLeaf
from assessor.model.periods import Period, parse_period, period_sort_key
from assessor.model.results import (
    Breakdown,
    Explanation,
    NodeResult,
    RankPointsResult,
    RegionResult,
)
from assessor.scoring.compiled import ROOT, CNode, CompiledSet
from assessor.scoring.consolidate import LeafState, consolidate
from assessor.scoring.methods import Outcome, fmt
from assessor.scoring.peers import apply_peer_leaf, competition_ranks
from assessor.scoring.rank_points import compose_year, points_by_unit, rank_points, rule_words
from assessor.scoring.rating import rate
from assessor.scoring.rollup import combine, entry_mode

ZERO = Decimal(0)
ONE = Decimal(1)

#: Decimal context of the engine: well beyond the spec's 28 significant digits.
CONTEXT = decimal.Context(
    prec=34,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.DivisionByZero, decimal.InvalidOperation],
)


def merge_assessments(assessments: Iterable[Assessment]) -> dict[str, Assessment]:
    """One Assessment per period, merging those that share a period (several files)."""
    assessments = list(assessments)
    periods = [str(parse_period(a.period)) for a in assessments]
    if len(set(periods)) == len(periods):
        return {p: a for p, a in zip(periods, assessments, strict=True)}
    out: dict[str, Assessment] = {}
    for a in assessments:
        period = str(parse_period(a.period))
        into = out.get(period)
        if into is None:
            into = out[period] = Assessment(period=period)
        for rid, region in a.regions.items():
            for leaf_id, entries in a.entries.get(rid, {}).items():
                for e in entries:
                    into.add(region, leaf_id, e)
            if rid not in into.regions:
                into.regions[rid] = region
    return out


def score(
    cs: CompiledSet,
    assessments: Sequence[Assessment] | Assessment,
    period: str | None = None,
    consolidation: Consolidation | None = None,
    regions: Iterable[str] | None = None,
) -> list[RegionResult]:
    """Score every region of every period given, or only `period` (rolled up if needed).

    With `regions`, only those regions get results (peer methods still compare every region);
    their `rank` is then left empty because other regions' totals were not computed.
    """
    if isinstance(assessments, Assessment):
        assessments = [assessments]
    cons = consolidation or cs.set.consolidation
    only = set(regions) if regions is not None else None
    with decimal.localcontext(CONTEXT), collector_paused():
        by_period = merge_assessments(assessments)
        if period is None:
            out: list[RegionResult] = []
            for p in sorted(by_period, key=period_sort_key):
                got = _score_period(cs, by_period[p], cons, only)
                _rank_points(cs, got)
                out.extend(got)
            return out
        wanted = str(parse_period(period))
        results = _score_wanted(cs, by_period, wanted, cons, only)
        _rank_points(cs, results)
        rule = cs.set.rank_points
        if rule is not None and rule.year is not None and parse_period(wanted).kind == "year":
            _compose_year(cs, by_period, wanted, cons, results)
        return results


def _score_wanted(
    cs: CompiledSet,
    by_period: dict[str, Assessment],
    wanted: str,
    cons: Consolidation,
    only: set[str] | None,
) -> list[RegionResult]:
    """One period: its own entries, or the shorter periods inside it rolled up (spec §1.7)."""
    if wanted in by_period and _has_entries(by_period[wanted]):
        return _score_period(cs, by_period[wanted], cons, only)
    target = parse_period(wanted)
    inner = sorted(
        (p for p in by_period if target.contains(parse_period(p)) and _has_entries(by_period[p])),
        key=period_sort_key,
    )
    if not inner:
        return []
    all_regions: dict[str, Region] = {}
    for p in inner:
        for rid, r in by_period[p].regions.items():
            all_regions.setdefault(rid, r)
    per_period: list[list[RegionResult]] = []
    if not _entries_only(cs):  # some leaf rolls its points up: score each shorter period
        for p in inner:
            a = by_period[p]
            widened = Assessment(period=p, regions={**all_regions, **a.regions}, entries=a.entries)
            per_period.append(_score_period(cs, widened, cons, only))
    else:
        per_period = [[] for _ in inner]
    if cs.leaf_rollup:
        series = [(p, by_period[p]) for p in inner]
        return _rollup_by_leaf(cs, wanted, series, per_period, all_regions, cons, only)
    return _rollup_periods(cs, wanted, inner, per_period)


def rescore_leaf(
    cs: CompiledSet,
    previous: RegionResult,
    assessment: Assessment,
    leaf_id: str,
    consolidation: Consolidation | None = None,
) -> RegionResult:
    """A region's result after its entries for one leaf changed (what the TUI does per keystroke).

    Other leaves keep their previous state; only the changed leaf is scored again, then the
    region is rolled up again. A peer leaf (`rank`, `minmax`) changes other regions too, so it
    is scored with all of them. `rank` is carried over from `previous` and may be stale.
    """
    cn = cs.nodes[leaf_id]
    if cn.peer or previous.rolled_up_from:
        (fresh,) = score(cs, assessment, consolidation=consolidation, regions=[previous.region])
    else:
        cons = consolidation or cs.set.consolidation
        states: dict[str, LeafState] = {}
        for nid, node in previous.nodes.items():
            if node.leaf and isinstance(node.explanation, LeafState) and nid != leaf_id:
                states[nid] = node.explanation
        with decimal.localcontext(CONTEXT):
            entries = assessment.entries.get(previous.region, {})
            changed = {leaf_id: entries[leaf_id]} if entries.get(leaf_id) else {}
            states.update(_leaf_states(cs, changed, cons, assessment.period))
            region = assessment.regions.get(previous.region) or Region(
                id=previous.region, name=previous.name, group=previous.group
            )
            fresh = _rollup_region(cs, region, assessment.period, states)
    fresh.rank, fresh.group_rank = previous.rank, previous.group_rank
    return fresh


def _has_entries(a: Assessment) -> bool:
    return any(a.entries.values())


# ---------------------------------------------------------------------------- one period


def _leaf_states(
    cs: CompiledSet, region_entries: dict[str, list[Entry]], cons: Consolidation, period: str
) -> dict[str, LeafState]:
    states: dict[str, LeafState] = {}
    nodes = cs.nodes
    for leaf_id, entries in region_entries.items():
        cn = nodes.get(leaf_id)
        if cn is None or cn.scorer is None or not entries:
            continue
        scorer = cs.scorer_at(cn, period) if cn.pro_rata else cn.scorer
        if scorer is None:
            continue
        if len(entries) == 1:
            e = entries[0]
            st = LeafState(scorer(e, cn.max), e)
        else:
            outs: list[tuple[Entry, Outcome]] = [(e, scorer(e, cn.max)) for e in entries]
            st = consolidate(outs, cons, cn.max, cn.peer, cn.kind == "veto")
        st._evaluators = entries
        st._scorer = scorer
        states[leaf_id] = st
    return states


def _score_period(
    cs: CompiledSet, a: Assessment, cons: Consolidation, only: set[str] | None
) -> list[RegionResult]:
    region_ids = list(a.regions)
    targets = region_ids if only is None else [r for r in region_ids if r in only]
    states: dict[str, dict[str, LeafState]] = {}
    for rid in targets:
        states[rid] = _leaf_states(cs, a.entries.get(rid, {}), cons, a.period)
    if cs.peer_leaves:
        peer_ids = {c.id for c in cs.peer_leaves}
        for rid in region_ids:
            if rid not in states:  # only peer leaves are needed from regions not scored
                ents = {k: v for k, v in a.entries.get(rid, {}).items() if k in peer_ids}
                states[rid] = _leaf_states(cs, ents, cons, a.period)
        _apply_peers(cs, a, states, cs.peer_leaves)
    results = [_rollup_region(cs, a.regions[rid], a.period, states[rid]) for rid in targets]
    if only is None:
        assign_ranks(cs, results)
    return results


def _apply_peers(
    cs: CompiledSet, a: Assessment, states: dict[str, dict[str, LeafState]], leaves: list[CNode]
) -> None:
    groups = {rid: r.group for rid, r in a.regions.items()}
    for cn in leaves:
        per_region = {rid: st[cn.id] for rid, st in states.items() if cn.id in st}
        node = cn.node
        assert isinstance(node, RankLeaf | MinmaxLeaf)
        apply_peer_leaf(node, cn.max, per_region, groups)


def assign_ranks(cs: CompiledSet, results: list[RegionResult]) -> None:
    """Competition ranks of the displayed totals, overall and within each group."""
    totals = {r.region: cs.round(r.total) for r in results}
    ranks = competition_ranks(totals)
    by_group: dict[str, dict[str, Decimal]] = {}
    for r in results:
        r.rank = ranks[r.region]
        if r.group is not None:
            by_group.setdefault(r.group, {})[r.region] = totals[r.region]
    group_ranks: dict[str, int] = {}
    for members in by_group.values():
        group_ranks.update(competition_ranks(members))
    for r in results:
        r.group_rank = group_ranks.get(r.region)


def _rollup_region(
    cs: CompiledSet, region: Region, period: str, states: dict[str, LeafState]
) -> RegionResult:
    nodes = cs.nodes
    each_level = cs.each_level
    rnd = cs.round

    # 1. which nodes are not applicable: leaves marked na, inner nodes whose core children all are
    na: set[str] = {lid for lid, st in states.items() if st.status == "na"}
    if na:
        for cn in cs.post:
            if cn.leaf or cn.id == ROOT:
                continue
            kids = [nodes[k] for k in cn.children]
            relevant = [k for k in kids if k.kind == "core"] if cn.kind == "core" else kids
            if relevant and all(k.id in na for k in relevant):
                na.add(cn.id)

    # 2. N/A redistribution: the scale factor of each node's maximum, top down
    scale: dict[str, Decimal] = {}
    if na:
        scale[ROOT] = ONE
        for cn in cs.order:
            if cn.leaf:
                continue
            s = scale.get(cn.id, ONE)
            kids = [nodes[k] for k in cn.children]
            if cn.kind == "core":
                core = [k for k in kids if k.kind == "core"]
                full = sum((k.max for k in core), ZERO)
                live = sum((k.max for k in core if k.id not in na), ZERO)
                factor = full / live if live and live != full else ONE
                for k in kids:
                    scale[k.id] = s * factor if k.kind == "core" else ONE
            else:
                for k in kids:
                    scale[k.id] = ONE

    # 3. points bottom up
    points: dict[str, Decimal | None] = {}
    maxes: dict[str, Decimal] = {}
    results: dict[str, NodeResult] = {}
    bonus_added = ZERO
    penalty_applied = ZERO
    top = (ZERO, ZERO, ZERO, ZERO)  # the root's core sum, penalties, applied, bonuses
    scored_max = ZERO
    live_max = ZERO
    for cn in cs.post:
        nid = cn.id
        s = scale.get(nid, ONE) if na else ONE
        mx = cn.max * s if s is not ONE else cn.max
        maxes[nid] = mx
        if cn.leaf:
            st = states.get(nid)
            if nid in na:
                p: Decimal | None = None
                status = "na"
            elif st is None:
                p = ZERO
                status = "unscored"
            else:
                status = st.status
                raw = st.points if st.points is not None else ZERO
                p = raw * s if s is not ONE else raw
                if cn.kind != "core" and p > mx:
                    p = mx
            exact = p
            if each_level and p is not None:
                p = rnd(p)
            points[nid] = p
            if cn.kind == "core" and status != "na":
                live_max += mx
                if status == "scored":
                    scored_max += mx
            results[nid] = _leaf_result(cn, st, p, mx, status, s, exact)
            continue
        child_ids = cn.children
        if cn.kind == "core":
            core_sum = ZERO
            pen = ZERO
            bon = ZERO
            for cid in child_ids:
                kp = points[cid]
                if kp is None:
                    continue
                kind = nodes[cid].kind
                if kind == "core":
                    core_sum += kp
                elif kind == "penalty":
                    pen += kp
                elif kind == "bonus":
                    bon += kp
            applied = pen if pen <= core_sum else core_sum
            penalty_applied += applied
            bonus_added += bon
            value = core_sum - applied + bon
            if nid == ROOT:
                top = (core_sum, pen, applied, bon)
        else:
            value = sum((points[k] or ZERO for k in child_ids), ZERO)
            if value > mx:
                value = mx
        if each_level:
            value = rnd(value)
        p = None if nid in na else value
        points[nid] = p
        if nid != ROOT:
            results[nid] = _inner_result(cn, p, mx, nid in na, results)

    total = points[ROOT] or ZERO
    bonus_effective = bonus_added
    beyond_cap = ZERO
    if cs.bonus_cap is not None and bonus_added > cs.bonus_cap:
        beyond_cap = bonus_added - cs.bonus_cap
        total -= beyond_cap
        bonus_effective = cs.bonus_cap
    core_total = total - bonus_effective
    completeness = scored_max / live_max if live_max else ONE

    triggered = [c for c in cs.vetoes if (st := states.get(c.id)) is not None and st.value is True]
    vetoes = [(c.id, c.veto_effect) for c in triggered if c.veto_effect is not None]
    zeroed = any(eff == "zero" for _, eff in vetoes)
    if zeroed:
        total = ZERO
        core_total = ZERO
    core_sum, pen, applied, bon = top
    breakdown = Breakdown(
        core=core_sum,
        bonus_entered=bon,
        bonus_counted=bon - beyond_cap,
        bonus_cap=cs.bonus_cap if cs.bonus_cap is not None else cs.top_bonus_max,
        penalty_entered=pen,
        penalty_applied=applied,
        penalty_cap=cs.top_penalty_max,
        zeroed=zeroed,
    )
    rating = rate(cs, rnd(total), rnd(core_total), results, vetoes)
    flags = tuple(f"disagreement:{k}" for k, v in results.items() if v.disagreement)
    evaluators = sorted({e.evaluator for st in states.values() for e in st._evaluators})
    ordered = {c.id: results[c.id] for c in cs.order if c.id in results}
    return RegionResult(
        set=cs.set.id,
        period=period,
        region=region.id,
        name=region.name,
        group=region.group,
        total=total,
        core_total=core_total,
        bonus_total=bonus_effective,
        penalty_total=penalty_applied,
        max=cs.full_score,
        completeness=completeness,
        provisional=completeness < ONE,
        rating=rating,
        nodes=ordered,
        evaluators=tuple(evaluators),
        flags=flags,
        breakdown=breakdown,
        vetoes=tuple(c.id for c in triggered),
    )


def _leaf_result(
    cn: CNode,
    st: LeafState | None,
    p: Decimal | None,
    mx: Decimal,
    status: str,
    s: Decimal,
    exact: Decimal | None,
) -> NodeResult:
    if st is None:
        return NodeResult(
            cn.id, cn.name, cn.kind, p, mx, 0 if cn.levelled else None, status,
            leaf=True, depth=cn.depth, parent=cn.parent,
            explanation=Explanation(method=cn.method, nominal_max=cn.max, scale=s, rule="no entry"),
        )  # fmt: skip
    level = st.level
    if not cn.levelled and status != "scored":
        level = None  # an error or unscored leaf that cannot yield levels has none
    elif level is None and cn.levelled and status != "na":
        level = 0
    st.method = cn.method
    st.nominal_max = cn.max
    st.scale = s
    st.exact_points = exact
    return NodeResult(
        cn.id, cn.name, cn.kind, p, mx, level if status != "na" else None, status,
        st.value, st.message, True, st.disagreement, st.comment, st.evidence, st,
        cn.depth, cn.parent,
    )  # fmt: skip


def _inner_result(
    cn: CNode, p: Decimal | None, mx: Decimal, is_na: bool, done: dict[str, NodeResult]
) -> NodeResult:
    if is_na:
        status = "na"
    else:
        kid_status = {done[k].status for k in cn.children}
        if "error" in kid_status:
            status = "error"
        elif "scored" in kid_status:
            status = "scored"
        else:
            status = "unscored"
    disagreement = any(done[k].disagreement for k in cn.children)
    return NodeResult(
        cn.id, cn.name, cn.kind, p, mx, None, status, None, None, False, disagreement,
        depth=cn.depth, parent=cn.parent,
    )  # fmt: skip


# ---------------------------------------------------------------------------- periods


def _aggregate(values: list[Decimal], method: str) -> Decimal:
    if method == "sum":
        return sum(values, ZERO)
    if method == "last":
        return values[-1]
    if method == "max":
        return max(values)
    if method == "min":
        return min(values)
    return sum(values, ZERO) / Decimal(len(values))


def combined_status(statuses: set[str]) -> str:
    """A node's status over several periods: scored if any period is, N/A only if all are."""
    if "scored" in statuses:
        return "scored"
    if statuses == {"na"}:
        return "na"
    if "error" in statuses:
        return "error"
    return "unscored"


def _rollup_periods(
    cs: CompiledSet, period: str, inner: list[str], per_period: list[list[RegionResult]]
) -> list[RegionResult]:
    """Roll shorter periods up into `period` (spec §1.7)."""
    method = cs.set.rollup.method if cs.set.rollup is not None else "mean"
    max_method = "sum" if method == "sum" else "mean" if method == "mean" else "max"
    by_region: dict[str, list[RegionResult]] = {}
    for results in per_period:
        for r in results:
            by_region.setdefault(r.region, []).append(r)
    out: list[RegionResult] = []
    for rid, rs in by_region.items():
        first = rs[0]
        nodes: dict[str, NodeResult] = {}
        for nid, n0 in first.nodes.items():
            series = [r.nodes[nid] for r in rs]
            vals = [n.points for n in series if n.points is not None]
            levels = [n.level for n in series if n.level is not None]
            status = combined_status({n.status for n in series})
            p = _aggregate(vals, method) if vals else None
            if cs.each_level and p is not None:
                p = cs.round(p)
            level = sorted(levels)[(len(levels) - 1) // 2] if levels else None
            msgs = [
                f"{r.period}: {n.message}" for r, n in zip(rs, series, strict=True) if n.message
            ]
            nodes[nid] = NodeResult(
                nid, n0.name, n0.kind, p, _aggregate([n.max for n in series], max_method),
                level, status, None, "; ".join(msgs) or None, n0.leaf,
                any(n.disagreement for n in series), None, (), Explanation(
                    method=n0.explanation.method if n0.explanation else None,
                    periods=tuple((r.period, n.points) for r, n in zip(rs, series, strict=True)),
                    rollup=method,
                ), n0.depth, n0.parent,
            )  # fmt: skip
        total = _aggregate([r.total for r in rs], method)
        core_total = _aggregate([r.core_total for r in rs], method)
        if cs.each_level:
            total, core_total = cs.round(total), cs.round(core_total)
        completeness = sum((r.completeness for r in rs), ZERO) / Decimal(len(rs))
        vetoes = [
            (r.rating.veto, r.rating.veto_effect)
            for r in rs
            if r.rating.veto and r.rating.veto_effect
        ]
        veto_list = [(v, e) for v, e in vetoes if v is not None and e is not None]
        if any(e == "zero" for _, e in veto_list):
            total = core_total = ZERO
        rating = rate(cs, cs.round(total), cs.round(core_total), nodes, veto_list)
        triggered = {v for r in rs for v in r.vetoes}
        out.append(
            RegionResult(
                set=cs.set.id,
                period=period,
                region=rid,
                name=first.name,
                group=first.group,
                total=total,
                core_total=core_total,
                bonus_total=_aggregate([r.bonus_total for r in rs], method),
                penalty_total=_aggregate([r.penalty_total for r in rs], method),
                max=first.max * len(rs) if method == "sum" else first.max,
                completeness=completeness,
                provisional=completeness < ONE,
                rating=rating,
                nodes=nodes,
                evaluators=tuple(sorted({e for r in rs for e in r.evaluators})),
                rolled_up_from=tuple(inner),
                flags=tuple(sorted({f for r in rs for f in r.flags})),
                breakdown=_rollup_breakdown(cs, [r.breakdown for r in rs], method),
                vetoes=tuple(c.id for c in cs.vetoes if c.id in triggered),
            )
        )
    assign_ranks(cs, out)
    return out


def _rollup_breakdown(cs: CompiledSet, parts: list[Breakdown], method: str) -> Breakdown:
    """Each figure of the breakdown over the periods, by the set's roll-up method (with `mean`,
    `sum` and `last` they still add up to the rolled-up total; `max`/`min` pick per figure)."""

    def agg(values: list[Decimal]) -> Decimal:
        value = _aggregate(values, method)
        return cs.round(value) if cs.each_level else value

    first = parts[0]
    return Breakdown(
        core=agg([b.core for b in parts]),
        bonus_entered=agg([b.bonus_entered for b in parts]),
        bonus_counted=agg([b.bonus_counted for b in parts]),
        bonus_cap=first.bonus_cap,
        penalty_entered=agg([b.penalty_entered for b in parts]),
        penalty_applied=agg([b.penalty_applied for b in parts]),
        penalty_cap=first.penalty_cap,
        zeroed=any(b.zeroed for b in parts),
    )


# ---------------------------------------------------------------------------- per-leaf roll-up


def _entries_only(cs: CompiledSet) -> bool:
    """Every leaf combines its entries (no leaf needs the shorter periods' points)."""
    got = cs.__dict__.get("_entries_only")
    if got is None:
        got = bool(cs.leaf_rollup) and all(
            cn.id in cs.leaf_rollup and entry_mode(cn.node, cs.leaf_rollup[cn.id])  # type: ignore[arg-type]
            for cn in cs.leaves
        )
        cs.__dict__["_entries_only"] = got
    return got


def _rollup_by_leaf(
    cs: CompiledSet,
    period: str,
    series: list[tuple[str, Assessment]],
    per_period: list[list[RegionResult]],
    all_regions: dict[str, Region],
    cons: Consolidation,
    only: set[str] | None,
) -> list[RegionResult]:
    """Roll shorter periods up leaf by leaf (a set whose nodes carry `rollup` keys).

    A leaf in entry mode (numbers, or last/max/min) has its entries combined per evaluator and
    scored once for `period` (so a 序时 target is the one due by the longer period's end; peers
    are ranked on the combined values). Every other leaf's points are its roll-up method over
    the periods' points (capped at its maximum). The tree, total, rating and rank are then
    computed as for any period.
    """
    set_method = cs.set.rollup.method if cs.set.rollup is not None else "mean"
    inner = [p for p, _ in series]
    region_ids = list(all_regions)
    targets = region_ids if only is None else [r for r in region_ids if r in only]
    by_region: dict[str, dict[str, RegionResult]] = {}
    for p, results in zip(inner, per_period, strict=True):
        for r in results:
            by_region.setdefault(r.region, {})[p] = r
    entry_leaves = {
        lid: m
        for lid, m in cs.leaf_rollup.items()
        if entry_mode(cs.nodes[lid].node, m)  # type: ignore[arg-type]
    }
    peer_ids = {c.id for c in cs.peer_leaves}
    states: dict[str, dict[str, LeafState]] = {}
    rolled: dict[str, dict[str, tuple[object, ...]]] = {}
    for rid in region_ids:
        wanted = (
            entry_leaves
            if rid in targets
            else {k: v for k, v in entry_leaves.items() if k in peer_ids}
        )
        combined: dict[str, list[Entry]] = {}
        for lid, method in wanted.items():
            cn = cs.nodes[lid]
            seq = [(p, a.entries.get(rid, {}).get(lid, [])) for p, a in series]
            entries, how = combine(cn.node, method, seq, cn.scorer, cn.max)  # type: ignore[arg-type]
            if entries:
                combined[lid] = entries
                rolled.setdefault(rid, {})[lid] = tuple(how)
        states[rid] = _leaf_states(cs, combined, cons, period)
    peers = [c for c in cs.peer_leaves if c.id in entry_leaves]
    if peers:
        _apply_peers(cs, Assessment(period=period, regions=all_regions), states, peers)
    out: list[RegionResult] = []
    for rid in targets:
        st = states[rid]
        for lid, words in rolled.get(rid, {}).items():
            if lid in st:
                st[lid].rolled = words
                st[lid].rollup = entry_leaves[lid]
        got = by_region.get(rid, {})
        rs = [got[p] for p in inner if p in got]
        for cn in cs.leaves:
            if cn.id in entry_leaves:
                continue
            pts = _points_rollup(cs, cn, rs, cn.rollup or set_method)
            if pts is not None:
                st[cn.id] = pts
        result = _rollup_region(cs, all_regions[rid], period, st)
        result.rolled_up_from = tuple(inner)
        out.append(result)
    if only is None:
        assign_ranks(cs, out)
    return out


def _points_rollup(
    cs: CompiledSet, cn: CNode, rs: list[RegionResult], method: str
) -> LeafState | None:
    """A leaf's state in the longer period from its points in the shorter ones."""
    series = [(r.period, r.nodes[cn.id]) for r in rs if cn.id in r.nodes]
    statuses = {n.status for _, n in series}
    if not series or statuses == {"unscored"}:
        return None
    vals = [n.points for _, n in series if n.points is not None and n.status != "na"]
    status = combined_status(statuses)
    p = _aggregate(vals, method) if vals else None
    if p is not None and p > cn.max:
        p = cn.max
    levels = [n.level for _, n in series if n.level is not None]
    level = sorted(levels)[(len(levels) - 1) // 2] if levels else None
    value: object = None
    if cn.kind == "veto":
        value = any(n.value is True for _, n in series)
    msgs = [f"{per}: {n.message}" for per, n in series if n.message]
    st = LeafState(Outcome(status, p, level, value, "; ".join(msgs) or None))
    st.periods = tuple((per, n.points) for per, n in series)
    st.rollup = method
    return st


# ---------------------------------------------------------------------------- rank points


def _rank_points(cs: CompiledSet, results: list[RegionResult]) -> None:
    """排名得分: each ranked unit's rank in the period → points by the set's rule."""
    rule = cs.set.rank_points
    if rule is None:
        return
    zh_rule, en_rule = rule_words(rule, "zh"), rule_words(rule, "en")
    for r in results:
        if r.rank is None:
            continue
        pts = rank_points(rule, r.rank)
        r.rank_points = RankPointsResult(
            pts,
            r.rank,
            f"第 {r.rank} 名：{zh_rule} → {fmt(pts)}",
            f"rank {r.rank}: {en_rule} → {fmt(pts)}",
        )


def _compose_year(
    cs: CompiledSet,
    by_period: dict[str, Assessment],
    year: str,
    cons: Consolidation,
    results: list[RegionResult],
) -> None:
    """The year's rank points from its months' (or weeks', quarters') rank points, optionally
    weighed with the year's own assessment (年终考核) when the year has entries of its own."""
    rule = cs.set.rank_points
    assert rule is not None and rule.year is not None
    how = rule.year
    target = parse_period(year)
    subs: set[str] = set()
    for p in by_period:
        inner = parse_period(p)
        if not target.contains(inner) or not _has_entries(by_period[p]):
            continue
        holder = _container(inner, how.from_)
        if holder is not None:
            subs.add(str(holder))
    by_sub: list[tuple[str, dict[str, Decimal]]] = []
    for sub in sorted(subs, key=period_sort_key):
        rs = _score_wanted(cs, by_period, sub, cons, None)
        by_sub.append((sub, points_by_unit(rule, {r.region: r.rank for r in rs})))
    own = year in by_period and _has_entries(by_period[year])
    year_end = (
        {r.region: r.rank_points.points for r in results if r.rank_points is not None}
        if own and how.year_end_share
        else None
    )
    composed = compose_year(how, by_sub, year_end)
    kind_zh = {"week": "周", "month": "月", "quarter": "季度"}[how.from_]
    for r in results:
        y = composed.get(r.region)
        if y is None:
            r.rank_points = None
            continue
        r.rank_points = RankPointsResult(
            y.value,
            None,
            f"按{kind_zh}排名得分（{rule_words(rule, 'zh')}），{y.words('zh')}",
            f"by {how.from_} rank points ({rule_words(rule, 'en')}), {y.words('en')}",
            y.periods,
        )


def _container(p: Period, kind: str) -> Period | None:
    """The period of `kind` that holds `p` (itself when it is of that kind); None if longer."""
    if p.kind == kind:
        return p
    order = {"year": 0, "quarter": 1, "month": 2, "week": 3}
    if order[p.kind] < order[kind]:
        return None
    year, month = (p.year, p.number) if p.kind == "month" else p._anchor()
    if p.kind == "quarter":
        return Period(p.year, "quarter", p.number)
    if kind == "month":
        return Period(year, "month", month)
    return Period(year, "quarter", (month - 1) // 3 + 1)
