"""Every bundled set, random entries: the figures add up, and the county report's and the
bulletin's contexts print exactly the engine's figures (issue 11).

Entries are drawn from the set's own samples so that every method gets valid values: each
region's entry for a leaf is kept, dropped (unscored), taken from another region, flipped
(yes/no leaves, vetoes included) or marked N/A (optional leaves).
"""

from __future__ import annotations

import random
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.loader import load_set
from assessor.loader.entries import load_entries
from assessor.model import Assessment, Entry
from assessor.model.results import RegionResult
from assessor.report import context as rc
from assessor.scoring import CompiledSet, compile_checked, display, score
from assessor.scoring.figures import Figures, figures, leaders
from assessor.scoring.history import previous_period, score_history
from assessor.scoring.summary import shown_change

ROOT = Path(__file__).resolve().parents[2]
SETS = sorted(
    p.stem for p in (ROOT / "indicators").glob("*.yaml") if (ROOT / "samples" / p.stem).is_dir()
)
META = rc.ReportMeta(date="2026-01-01")


@cache
def bundled(set_id: str) -> tuple[CompiledSet, tuple[Assessment, ...]]:
    s = load_set(ROOT / "indicators" / f"{set_id}.yaml")
    files = sorted((ROOT / "samples" / set_id).glob("*.yaml"))
    return compile_checked(s), tuple(load_entries(files, s))


def shuffle_entries(cs: CompiledSet, a: Assessment, rng: random.Random) -> Assessment:
    """The same regions and period, with each (region, leaf) entry list changed at random."""
    out = Assessment(period=a.period, regions=dict(a.regions))
    pool: dict[str, list[list[Entry]]] = {}
    for leaves in a.entries.values():
        for leaf, entries in leaves.items():
            pool.setdefault(leaf, []).append(entries)
    for rid, region in a.regions.items():
        for leaf, options in pool.items():
            entries = a.entries.get(rid, {}).get(leaf)
            roll = rng.random()
            if roll < 0.15:
                continue  # unscored
            if roll < 0.45 or entries is None:
                entries = rng.choice(options)
            node = cs.nodes[leaf].node
            if roll > 0.9 and node is not None and node.optional:
                entries = [e.model_copy(update={"na": True, "value": None, "inputs": None})
                           for e in entries]  # fmt: skip
            elif roll > 0.8:
                entries = [e.model_copy(update={"value": not e.value})
                           if isinstance(e.value, bool) else e for e in entries]  # fmt: skip
            for e in entries:
                out.add(region, leaf, e)
    return out


def check_figures(cs: CompiledSet, r: RegionResult, f: Figures) -> None:
    b = r.breakdown
    dims = [r.nodes[c] for c in cs.root.children if cs.nodes[c].kind == "core"]
    core = sum((n.points or Decimal(0) for n in dims), Decimal(0))
    tolerance = (
        Decimal("1e-20")
        if not r.rolled_up_from
        else Decimal("1e-20") + (cs.quantum if cs.each_level else 0)
    )
    assert abs(f.core - core) <= tolerance, "基本项 is the sum of the core dimensions"
    if b.zeroed:
        assert r.total == 0
    else:
        built = f.core + f.bonus_counted - f.penalty_applied
        assert abs(built - r.total) <= tolerance, "core + counted bonus − deductions = total"
    assert f.bonus_counted <= f.bonus_entered
    assert f.penalty_applied <= f.penalty_entered <= f.penalty_cap
    exact = Decimal("1e-24")  # decimal arithmetic to 34 digits; sums in another order
    assert abs(f.lost - sum((x.lost for x in f.losses), Decimal(0))) < exact, "listed losses add up"
    dim_lost = sum((d.lost or Decimal(0) for d in f.dimensions if d.kind == "core"), Decimal(0))
    assert abs(f.lost - dim_lost) < exact, "the dimensions' losses add up to the stated loss"
    assert all(x.lost > 0 for x in f.losses)
    assert {x.id for x in f.losses} <= {c.id for c in cs.core_leaves}
    assert {v.id for v in f.vetoes if v.triggered} == set(r.vetoes)
    assert f.light == r.rating.color


def check_county(cs: CompiledSet, ctx: dict, f: Figures, prev: RegionResult | None) -> None:
    s = ctx["summary"]
    assert s["total"] == display(cs, f.total)
    assert s["core_total"] == display(cs, f.core)
    assert s["lost"] == display(cs, f.lost)
    assert s["lost_count"] == len(ctx["lost"]) == len(f.losses)
    assert [row["lost"] for row in ctx["lost"]] == [display(cs, x.lost) for x in f.losses]
    if s["bonus"] is not None:
        assert display(cs, f.bonus_counted) in s["bonus"]
        assert (f"实得 {display(cs, f.bonus_entered)}" in s["bonus"]) == f.bonus_capped
    if s["penalty"] is not None:
        assert s["penalty"].startswith(f"扣分 {display(cs, f.penalty_applied)}")
    assert [row["points"] for row in ctx["deductions"]] == [
        display(cs, x.points) for x in f.deductions
    ]
    assert (s["rank"], s["peers"]) == (f.rank, f.peers)
    assert [(v["id"], v["triggered"]) for v in ctx["vetoes"]] == [
        (v.id, v.triggered) for v in f.vetoes
    ]
    for row, d in zip(ctx["dimensions"], f.dimensions, strict=True):
        assert row["points"] == display(cs, d.points)
        assert row["change"] == rc.signed(cs, d.change)
        if d.kind == "core":
            assert row["lost"] == display(cs, d.lost)
        else:
            assert row["lost"] == "—"  # bonus and deductions are not losses
        if d.kind == "penalty":
            assert row["rate"] == "—" and row["score"].startswith("扣分 ")
    if prev is None:
        assert s["previous"] is None
    else:
        assert s["previous"]["total"] == display(cs, prev.total)
        assert s["previous"]["change"] == rc.signed(cs, shown_change(cs, f.total, prev.total))


def check_bulletin(cs: CompiledSet, ctx: dict, peers: list[RegionResult], prev: dict) -> None:
    by_name = {rc.region_name(r): r for r in peers}
    for row in ctx["rows"]:
        r = by_name[row["region"]]
        assert row["total"] == display(cs, r.total)
        assert row["rank"] == r.rank
        assert row["light"] == r.rating.color, "a light is the rating's colour"
        p = prev.get(r.region)
        assert row["change"] == (rc.signed(cs, shown_change(cs, r.total, p.total)) if p else "—")
    if ctx["coloured"]:
        assert sum(ctx["lights"].values()) == sum(1 for r in peers if r.rating.color)


@pytest.mark.parametrize("set_id", SETS)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32))
def test_every_figure_of_a_bundled_set_is_the_engines(set_id: str, seed: int) -> None:
    rng = random.Random(seed)
    cs, assessments = bundled(set_id)
    changed = [shuffle_entries(cs, a, rng) for a in assessments]
    results = score(cs, changed)
    by_period: dict[str, list[RegionResult]] = {}
    for r in results:
        by_period.setdefault(r.period, []).append(r)
    period = max(by_period, key=lambda p: len(by_period[p]))
    peers = by_period[period]
    prev_p = previous_period(period, by_period)
    prev = {r.region: r for r in by_period.get(prev_p or "", [])}
    for r in peers:
        f = figures(cs, r, peers, prev.get(r.region))
        check_figures(cs, r, f)
    for r in rng.sample(peers, min(2, len(peers))):
        ctx = rc.county_context(cs, results, r.region, period, META, "serif")
        check_county(cs, ctx, figures(cs, r, peers, prev.get(r.region)), prev.get(r.region))
    check_bulletin(cs, rc.bulletin_context(cs, results, period, META), peers, prev)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), month=st.sampled_from(["2021-04", "2021-05"]))
def test_a_month_rolled_up_from_weeks_is_compared_with_the_month_before(
    seed: int, month: str
) -> None:
    rng = random.Random(seed)
    cs, assessments = bundled("sx-digital-gov")
    changed = [shuffle_entries(cs, a, rng) for a in assessments]
    results = score_history(cs, changed, month)
    assert {r.period for r in results} <= {"2021-03", "2021-04", "2021-05"}
    by_period: dict[str, list[RegionResult]] = {}
    for r in results:
        by_period.setdefault(r.period, []).append(r)
    before = previous_period(month, by_period)
    assert before is not None and before < month
    peers = by_period[month]
    prev = {r.region: r for r in by_period[before]}
    for r in peers:
        check_figures(cs, r, figures(cs, r, peers, prev.get(r.region)))
    r = peers[0]
    ctx = rc.county_context(cs, results, r.region, month, META, "serif")
    check_county(cs, ctx, figures(cs, r, peers, prev.get(r.region)), prev.get(r.region))
    check_bulletin(cs, rc.bulletin_context(cs, results, month, META), peers, prev)


def test_no_penalty_is_ever_a_leader() -> None:
    cs, assessments = bundled("sx-digital-gov")
    results = score(cs, list(assessments))
    penalties = [c for c in cs.root.children if cs.nodes[c].kind == "penalty"]
    assert penalties and all(leaders(cs, results, p) == [] for p in penalties)
