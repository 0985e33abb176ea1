"""Properties of the arithmetic that must hold for every set and every entry (hypothesis)."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.model import Assessment, Entry, IndicatorSet, Region
from assessor.scoring import compile_checked, score

pct = st.decimals(min_value=-50, max_value=200, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def random_set(draw):
    """A two-level set: dimensions of core leaves, an optional bonus and penalty group."""
    n_dims = draw(st.integers(1, 4))
    dim_points = [draw(st.integers(1, 60)) for _ in range(n_dims)]
    full = sum(dim_points)
    tree = []
    leaves = []
    for i, dp in enumerate(dim_points):
        n = draw(st.integers(1, 4))
        shares = [draw(st.integers(1, 10)) for _ in range(n)]
        kids = []
        for j, sh in enumerate(shares):
            lid = f"D{i}-{j}"
            method = draw(st.sampled_from(["ratio", "points", "bands", "count"]))
            leaf = {"id": lid, "name": lid, "points": D(dp) * D(sh) / D(sum(shares)),
                    "method": method, "optional": draw(st.booleans())}  # fmt: skip
            if method == "bands":
                leaf["bands"] = [{"min": D(80), "score": D(1), "level": 5},
                                 {"above": D(40), "score": D("0.5"), "level": 3}]  # fmt: skip
            if method == "count":
                leaf["each"] = D(draw(st.integers(1, 5)))
            kids.append(leaf)
            leaves.append(leaf)
        tree.append({"id": f"D{i}", "name": f"D{i}", "points": D(dp), "children": kids})
    bonus_points = D(draw(st.integers(0, 10)))
    if bonus_points:
        tree.append({"id": "BON", "name": "加分", "kind": "bonus", "points": bonus_points,
                     "children": [{"id": "B1", "name": "b", "points": D(8), "method": "points"},
                                  {"id": "B2", "name": "c", "points": D(5), "method": "count",
                                   "each": D(1)}]})  # fmt: skip
    tree[0]["children"].append({"id": "PEN", "name": "扣分", "kind": "penalty", "points": D(5),
                                "method": "count", "each": D(2)})  # fmt: skip
    cap = draw(st.one_of(st.none(), st.integers(0, 10)))
    data = {"id": "p", "name": "p", "full_score": D(full), "tree": tree}
    if cap is not None:
        data["bonus_cap"] = D(cap)
    return compile_checked(IndicatorSet.model_validate(data)), leaves, bonus_points, cap


@st.composite
def set_and_entries(draw):
    cs, leaves, bonus_points, cap = draw(random_set())
    entries = {}
    for leaf in leaves:
        choice = draw(st.sampled_from(["value", "value", "value", "none", "na"]))
        if choice == "na" and leaf["optional"]:
            entries[leaf["id"]] = Entry(na=True)
        elif choice != "none":
            v = draw(pct)
            if leaf["method"] == "count":
                v = D(abs(int(v)))
            entries[leaf["id"]] = Entry(value=v)
    for extra in ("B1", "B2", "PEN"):
        if extra in cs.nodes and draw(st.booleans()):
            entries[extra] = Entry(value=D(draw(st.integers(0, 12))))
    return cs, entries, bonus_points, cap


def run(cs, entries):
    a = Assessment(period="2024")
    region = Region(id="r")
    a.regions["r"] = region
    for k, e in entries.items():
        a.add(region, k, e)
    (r,) = score(cs, a)
    return r


@settings(max_examples=150, deadline=None)
@given(set_and_entries())
def test_total_is_never_negative_nor_above_full_score_plus_bonus_cap(data):
    cs, entries, bonus_points, cap = data
    r = run(cs, entries)
    bonus_limit = min(bonus_points, D(cap)) if cap is not None else bonus_points
    assert r.total >= 0
    assert r.total <= cs.full_score + bonus_limit + D("1e-20")


@settings(max_examples=100, deadline=None)
@given(set_and_entries())
def test_na_redistribution_keeps_every_parents_maximum(data):
    cs, entries, _, _ = data
    r = run(cs, entries)
    for cn in cs.order:
        if cn.leaf or cn.id == "__root__" or cn.kind != "core":
            continue
        node = r.nodes[cn.id]
        if node.status == "na":
            continue
        live = [r.nodes[k] for k in cn.children if cs.nodes[k].kind == "core"]
        live = [k for k in live if k.status != "na"]
        assert abs(sum((k.max for k in live), D(0)) - node.max) < D("1e-20")


@settings(max_examples=100, deadline=None)
@given(
    st.decimals(min_value=0, max_value=150, places=3, allow_nan=False),
    st.decimals(min_value=0, max_value=150, places=3, allow_nan=False),
    st.sampled_from(["ratio", "linear", "bands"]),
)
def test_higher_methods_are_monotone_in_the_input(v1, v2, method):
    data = {"id": "m", "name": "m", "tree": [{"id": "X", "name": "x", "points": D(100),
            "method": method}]}  # fmt: skip
    if method == "linear":
        data["tree"][0]["curve"] = [[D(0), D(0)], [D(60), D("0.6")], [D(100), D(1)]]
    if method == "bands":
        data["tree"][0]["bands"] = [
            {"above": D(90), "score": D(1)},
            {"min": D(60), "score": D("0.6")},
        ]
    cs = compile_checked(IndicatorSet.model_validate(data))
    lo, hi = sorted([v1, v2])
    assert run(cs, {"X": Entry(value=lo)}).total <= run(cs, {"X": Entry(value=hi)}).total


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 40), st.integers(1, 1000), st.integers(1, 1000)),
        min_size=1,
        max_size=6,
    ),
    st.integers(1, 30),
)
def test_results_equal_exact_rational_arithmetic(leaves, parent_points):
    """Shares, formula and ratio, summed: the same as exact fractions to 20 places."""
    total_share = sum(s for s, _, _ in leaves)
    kids = []
    expected = Fraction(0)
    entries = {}
    for i, (share, used, total) in enumerate(leaves):
        kids.append({"id": f"A{i}", "name": "a", "share": D(share) * 100 / D(total_share),
                     "method": "ratio", "inputs": {"used": {}, "total": {}},
                     "value": "used / total * 100"})  # fmt: skip
        entries[f"A{i}"] = Entry(inputs={"used": D(used), "total": D(total)})
        a = min(Fraction(used, total), Fraction(1))
        expected += a * Fraction(parent_points) * Fraction(share, total_share)
    data = {"id": "x", "name": "x", "full_score": D(parent_points),
            "tree": [{"id": "L1", "name": "l", "points": D(parent_points), "children": kids}]}  # fmt: skip
    cs = compile_checked(IndicatorSet.model_validate(data))
    got = run(cs, entries).total
    exp = D(expected.numerator) / D(expected.denominator)
    assert abs(got - exp) < D("1e-20")
