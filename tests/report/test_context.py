"""Report contexts show the engine's numbers, formatted; they never recompute scores."""

from __future__ import annotations

from decimal import Decimal

from assessor.model import RegionResult
from assessor.report import context as rc
from assessor.scoring import CompiledSet, explain_lines, result_to_json

META = rc.ReportMeta(date="2024-03-01", fingerprint="f" * 64)


def _county(compiled: CompiledSet, results: list[RegionResult], region: str = "371502") -> dict:
    return rc.county_context(
        compiled, results, region, "2024-02", META, "serif", explain=explain_lines
    )


def _json(compiled: CompiledSet, results: list[RegionResult], region: str, period: str) -> dict:
    r = next(x for x in results if x.region == region and x.period == period)
    return result_to_json(compiled, r)


def test_county_total_is_the_engines(compiled: CompiledSet, results: list[RegionResult]) -> None:
    ctx = _county(compiled, results)
    assert Decimal(ctx["summary"]["total"]) == Decimal(
        str(_json(compiled, results, "371502", "2024-02")["total"])
    )


def test_county_rating_and_rank_are_the_engines(
    compiled: CompiledSet, results: list[RegionResult]
) -> None:
    ctx = _county(compiled, results)
    doc = _json(compiled, results, "371502", "2024-02")
    assert (ctx["summary"]["rating"], ctx["summary"]["rank"]) == (
        doc["rating"]["label"],
        doc["rank"],
    )


def test_dimension_points_are_the_engines(
    compiled: CompiledSet, results: list[RegionResult]
) -> None:
    ctx = _county(compiled, results)
    doc = _json(compiled, results, "371502", "2024-02")
    assert [Decimal(d["points"]) for d in ctx["dimensions"]] == [
        Decimal(str(doc["nodes"][d]["points"])) for d in ("D1", "D2", "D3")
    ]


def test_previous_period_change(compiled: CompiledSet, results: list[RegionResult]) -> None:
    prev = Decimal(str(_json(compiled, results, "371502", "2024-01")["total"]))
    now = Decimal(str(_json(compiled, results, "371502", "2024-02")["total"]))
    change = _county(compiled, results)["summary"]["previous"]["change"]
    assert Decimal(change.replace("−", "-")) == now - prev


def test_peer_mean_is_the_mean_of_engine_points(results: list[RegionResult]) -> None:
    feb = [r for r in results if r.period == "2024-02"]
    expected = sum((r.nodes["D1"].points for r in feb), Decimal(0)) / 3
    assert rc.peer_mean(feb, "D1") == expected


def test_points_lost_sorted_most_first(compiled: CompiledSet, results: list[RegionResult]) -> None:
    lost = [Decimal(row["lost"]) for row in _county(compiled, results, "371302")["lost"]]
    assert lost == sorted(lost, reverse=True) and lost


def test_option_values_show_their_labels(
    compiled: CompiledSet, results: list[RegionResult]
) -> None:
    rows = [
        row
        for s in _county(compiled, results)["sections"]
        for g in s["groups"]
        for row in g["rows"]
    ]
    assert next(r for r in rows if r["id"] == "D2-02")["value"] == "优秀"


def test_rank_move_arrows() -> None:
    assert [
        rc.rank_move(1, 2, True)[0],
        rc.rank_move(3, -2, True)[0],
        rc.rank_move(2, 0, True)[0],
        rc.rank_move(2, None, False)[0],
    ] == [
        "↑2",
        "↓2",
        "—",
        "新",
    ]


def test_ranking_rows_in_engine_rank_order(
    compiled: CompiledSet, results: list[RegionResult]
) -> None:
    ctx = rc.ranking_context(compiled, results, "2024-02", META, "serif")
    assert [row["rank"] for row in ctx["rows"]] == sorted(row["rank"] for row in ctx["rows"])


def test_a_bulletin_without_grade_colours_lights_nothing_and_names_the_ratings(
    compiled: CompiledSet, results: list[RegionResult]
) -> None:
    ctx = rc.bulletin_context(compiled, results, "2024-02", META)
    assert [row["light"] for row in ctx["rows"]] == [None, None, None]  # no rank terciles
    assert not ctx["coloured"]
    assert sum(g["count"] for g in ctx["ratings"]) == 3


def test_period_labels() -> None:
    assert [rc.period_label(p) for p in ("2024", "2024-03", "2024-Q1", "2024-W09")] == [
        "2024年度",
        "2024年3月",
        "2024年第一季度",
        "2024年第9周",
    ]


def test_fingerprint_is_stable_and_sensitive(indicator_set, compiled, results) -> None:  # type: ignore[no-untyped-def]
    from tests.report.conftest import build_assessments

    a = rc.fingerprint(indicator_set, build_assessments())
    b = rc.fingerprint(indicator_set, build_assessments())
    c = rc.fingerprint(indicator_set, build_assessments(comments={("371502", "D1-01"): "改"}))
    assert a == b != c and len(a) == 64


def _rows(ctx: dict) -> dict:
    return {row["id"]: row for s in ctx["sections"] for g in s["groups"] for row in g["rows"]}


def test_detail_leaves_out_the_value_its_row_already_shows(
    compiled: CompiledSet, results: list[RegionResult]
) -> None:
    row = _rows(_county(compiled, results))["D1-02"]
    assert row["value"] and "填报值" not in row["detail"]
    assert row["detail"]  # the engine's rule and arithmetic remain


def test_a_regions_only_evaluator_is_named_in_the_appendix_not_on_every_row(
    compiled: CompiledSet, results: list[RegionResult]
) -> None:
    ctx = _county(compiled, results)
    assert ctx["evaluators"] == ["张三"]
    assert all("张三" not in row["detail"] for row in _rows(ctx).values())


def test_several_evaluators_keep_each_ones_line(compiled: CompiledSet) -> None:
    from assessor.model import Assessment, Entry, Region
    from assessor.scoring import score

    a = Assessment(period="2024-02")
    region = Region(id="371502", name="东昌府区")
    for who, value in (("张三", "80"), ("李四", "90")):
        a.add(region, "D1-02", Entry(value=Decimal(value), evaluator=who))
    ctx = rc.county_context(
        compiled, score(compiled, a), "371502", "2024-02", META, "serif", explain=explain_lines
    )
    detail = _rows(ctx)["D1-02"]["detail"]
    assert "张三" in detail and "李四" in detail


def _sample_county() -> dict:
    """The bundled sd-county-2020 samples (several evaluators, a set with a scope)."""
    from pathlib import Path

    from assessor.loader import load_entries, load_set
    from assessor.scoring import compile_checked, score

    root = Path(__file__).resolve().parents[2]
    indicator_set = load_set(root / "indicators" / "sd-county-2020.yaml")
    files = sorted((root / "samples" / "sd-county-2020").glob("*.yaml"))
    cs = compile_checked(indicator_set)
    (assessment,) = load_entries(files, indicator_set)
    results = score(cs, assessment)
    return rc.county_context(cs, results, "371502", "2021", META, "serif", explain=explain_lines)


def test_disagreements_are_named_in_chinese_not_as_flag_codes() -> None:
    ctx = _sample_county()
    assert ctx["disagreements"] == ["D6-03 宣传体验"]
    assert "flags" not in ctx


def test_a_sets_scope_word_is_shown_in_chinese() -> None:
    assert _sample_county()["set"]["scope"] == "县级"  # `scope: county` in the YAML
