"""`rank` and `minmax` compare regions of the same period (spec §1.2, §1.7)."""

from decimal import Decimal as D

from assessor.scoring import score
from tests.scoring.helpers import assess, make_set


def rank_set(options: str) -> object:
    return make_set(
        f"""
full_score: 10
tree:
  - id: R
    name: 政务服务类APP应用
    points: 10
    method: rank
{options}
"""
    )


def run(cs, values, groups=None):
    results = score(cs, assess({k: {"R": v} for k, v in values.items()}, groups=groups))
    return {r.region: r for r in results}


def test_ties_share_a_rank_and_the_next_is_skipped():
    cs = rank_set("    scheme: linear\n")
    r = run(cs, {"a": 9, "b": 7, "c": 7, "d": 1})
    # linear: (N − rank)/(N − 1) = 3/3, 2/3, 2/3, 0/3
    got = [r[k].nodes["R"].points.quantize(D("1e-20")) for k in "abcd"]
    two_thirds = (D(20) / D(3)).quantize(D("1e-20"))
    assert got == [D(10), two_thirds, two_thirds, D(0)]
    assert r["b"].nodes["R"].explanation.rule.startswith("value 7: rank 2 of 4")


def test_rank_scores_by_rank_then_rest():
    cs = rank_set("    rank_scores: [1.0, 0.9, 0.8]\n    rest: 0.5\n")
    r = run(cs, {"a": 5, "b": 4, "c": 3, "d": 2, "e": 1})
    assert [r[k].nodes["R"].points for k in "abcde"] == [D(10), D(9), D(8), D(5), D(5)]


def test_step_and_floor():
    cs = rank_set("    step: 0.3\n    floor: 0.2\n")
    r = run(cs, {"a": 3, "b": 2, "c": 1})
    assert [r[k].nodes["R"].points for k in "abc"] == [D(10), D(7), D(4)]
    r = run(cs, {"a": 4, "b": 3, "c": 2, "d": 1})
    assert r["d"].nodes["R"].points == D(2)  # 1 − 3 × 0.3 = 0.1 < floor 0.2


def test_ascending_order_ranks_the_smallest_first():
    cs = rank_set("    order: asc\n    rank_scores: [1, 0.5]\n")
    r = run(cs, {"a": 3, "b": 1})
    assert r["b"].nodes["R"].points == D(10)


def test_rank_levels_give_star_levels_by_rank():
    cs = rank_set(
        "    rank_scores: [1,1,1,0.8,0.8,0.8]\n"
        "    rank_levels: [{max_rank: 3, level: 5}, {max_rank: 6, level: 4}]\n"
    )
    r = run(cs, {str(i): 10 - i for i in range(8)})
    assert [r[str(i)].nodes["R"].level for i in range(8)] == [5, 5, 5, 4, 4, 4, 0, 0]


def test_single_region_ranks_first_with_linear_scheme():
    cs = rank_set("    scheme: linear\n")
    assert run(cs, {"a": 1})["a"].nodes["R"].points == D(10)


def test_regions_without_a_value_are_not_ranked():
    cs = rank_set("    scheme: linear\n")
    a = assess({"a": {"R": 5}, "b": {"R": 3}, "c": {}})
    r = {x.region: x for x in score(cs, a)}
    assert r["c"].nodes["R"].status == "unscored"
    assert r["b"].nodes["R"].points == D(0)  # rank 2 of 2


def test_peers_group_ranks_within_the_region_group():
    cs = rank_set("    scheme: linear\n    peers: group\n")
    r = run(
        cs, {"a": 1, "b": 2, "c": 3, "d": 4}, groups={"a": "G1", "b": "G1", "c": "G2", "d": "G2"}
    )
    assert r["b"].nodes["R"].points == D(10)
    assert r["a"].nodes["R"].points == D(0)
    assert r["d"].nodes["R"].points == D(10)


def test_minmax_scales_between_peers_lowest_and_highest():
    cs = make_set("full_score: 10\ntree:\n  - {id: R, name: r, points: 10, method: minmax}\n")
    r = run(cs, {"a": 10, "b": 20, "c": 30})
    assert [r[k].nodes["R"].points for k in "abc"] == [D(0), D(5), D(10)]


def test_minmax_lower_reverses_and_all_equal_scores_full():
    cs = make_set(
        "full_score: 10\ntree:\n  - {id: R, name: r, points: 10, method: minmax, direction: lower}\n"
    )
    r = run(cs, {"a": 10, "b": 20})
    assert (r["a"].nodes["R"].points, r["b"].nodes["R"].points) == (D(10), D(0))
    r = run(cs, {"a": 7, "b": 7})
    assert r["a"].nodes["R"].points == D(10)


def test_total_rank_is_competition_rank_and_group_rank_within_group():
    cs = make_set("full_score: 10\ntree:\n  - {id: P, name: p, points: 10, method: points}\n")
    a = assess(
        {"a": {"P": 9}, "b": {"P": 8}, "c": {"P": 8}, "d": {"P": 2}},
        groups={"a": "G1", "b": "G2", "c": "G1", "d": "G2"},
    )
    r = {x.region: x for x in score(cs, a)}
    assert [r[k].rank for k in "abcd"] == [1, 2, 2, 4]
    assert [r[k].group_rank for k in "abcd"] == [1, 1, 2, 2]


def test_ranks_use_totals_as_displayed():
    cs = make_set("full_score: 10\ntree:\n  - {id: P, name: p, points: 10, method: points}\n")
    a = assess({"a": {"P": 8.001}, "b": {"P": 8.004}})
    r = {x.region: x for x in score(cs, a)}
    assert r["a"].rank == r["b"].rank == 1  # both show 8.00
