"""Units of several kinds in one campaign: each kind scored with its own set and ranked among
its own units; one-set workspaces mean what they meant; mistakes named with file and line."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest
import yaml

from assessor.errors import AssessorError
from assessor.model import Entry
from assessor.scoring import compile_checked, score
from assessor.store.workspace import (
    Workspace,
    load_workspace_assessments,
    load_workspace_kinds,
    open_workspace,
)
from tests.kinds_campaign import COUNTIES, DEPARTMENTS, make_campaign, write_campaign

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def campaign(db_url: str, tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(make_campaign(tmp_path / "sx", db_url))
    try:
        yield ws
    finally:
        ws.close()


def _ranks(view: Workspace, period: str) -> dict[str, int | None]:
    cs = compile_checked(view.indicator_set)
    return {
        r.region: r.rank
        for r in score(cs, view.assessment(period), consolidation=view.consolidation)
    }


# ------------------------------------------------------------------ one kind, as before


def test_a_workspace_without_kinds_has_one_kind_county_scored_with_its_first_set(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "ws"
    shutil.copytree(ROOT / "samples/workspace", folder)
    ws = open_workspace(folder)
    try:
        assert [(k.key, k.label, k.set) for k in ws.kinds] == [
            ("county", "区、县（市）", "sd-county-2020")
        ]
        assert not ws.several_kinds
        assert ws.set_id == "sd-county-2020" == ws.for_kind("county").set_id
        assert ws.units("county") == ws.regions and len(ws.regions) == 20
        assert ws.kind_of("371502") == "county"
        assert ws.indicator_set is ws.kind_set("county")
    finally:
        ws.close()


# ------------------------------------------------------------------ the Workspace API


def test_each_kind_has_its_label_set_and_units_in_the_order_written(
    campaign: Workspace,
) -> None:
    assert [(k.key, k.label) for k in campaign.kinds] == [
        ("county", "区、县（市）"),
        ("department", "市级部门"),
    ]
    assert campaign.several_kinds
    assert campaign.kind_set("county").id == "sx-digital-gov"
    assert campaign.kind_set("department").id == "test-departments"
    assert list(campaign.units("county")) == list(COUNTIES)
    assert list(campaign.units("department")) == list(DEPARTMENTS)
    assert campaign.kind_of("sx-dsj") == "department"
    assert campaign.set_of("sx-dsj").id == "test-departments"
    assert campaign.set_of("330602").id == "sx-digital-gov"


def test_on_the_campaign_set_and_assessment_mean_the_first_kinds(campaign: Workspace) -> None:
    assert campaign.set_id == "sx-digital-gov"
    assert set(campaign.assessment("2021-W10").regions) == set(COUNTIES)


def test_a_view_scores_only_its_own_units_with_its_own_set(campaign: Workspace) -> None:
    view = campaign.for_kind("department")
    assert view.set_id == "test-departments" and view.kind_key == "department"
    a = view.assessment("2021-W10")
    assert set(a.regions) == set(a.entries) == set(DEPARTMENTS)
    assert [a.period for a in view.assessments()] == ["2021-W10", "2021-W11"]


def test_units_are_ranked_only_among_their_own_kind(campaign: Workspace) -> None:
    # 体制机制 60 × value%; 创新工作 40 by rank of the value (−10 % per place):
    # W10 市大数据局 54 + 36 = 90, 市人力社保局 42 + 40 = 82, 市市场监管局 30 + 32 = 62.
    view = campaign.for_kind("department")
    cs = compile_checked(view.indicator_set)
    results = {r.region: r for r in score(cs, view.assessment("2021-W10"))}
    assert {k: r.total for k, r in results.items()} == {
        "sx-dsj": D(90), "sx-rsj": D(82), "sx-scjg": D(62),
    }  # fmt: skip
    assert {k: r.rank for k, r in results.items()} == {"sx-dsj": 1, "sx-rsj": 2, "sx-scjg": 3}
    county_ranks = _ranks(campaign.for_kind("county"), "2021-W10")
    assert set(county_ranks) == set(COUNTIES)
    assert sorted(r for r in county_ranks.values() if r is not None) == list(
        range(1, 1 + sum(r is not None for r in county_ranks.values()))
    )


def test_an_entry_for_a_department_is_stored_under_the_department_set(
    campaign: Workspace,
) -> None:
    v = campaign.set_entry("sx-dsj", "2021-W12", "M1", "王五", Entry(value=D(88)))
    got = campaign.get_entry("sx-dsj", "2021-W12", "M1", "王五")
    assert got is not None and got.version == v and got.set_id == "test-departments"
    assert campaign.for_kind("department").get_entries("2021-W12")[0].region == "sx-dsj"
    assert campaign.for_kind("county").get_entries("2021-W12") == []


def test_a_county_leaf_is_refused_for_a_department_naming_the_departments_set(
    campaign: Workspace,
) -> None:
    with pytest.raises(AssessorError, match="A-02 is not a leaf of test-departments"):
        campaign.set_entry("sx-dsj", "2021-W12", "A-02", "王五", Entry(value=D(88)))


def test_a_view_refuses_a_unit_of_another_kind_naming_both_kinds(campaign: Workspace) -> None:
    with pytest.raises(AssessorError, match=r"sx-dsj is a unit of kind department \(市级部门\)"):
        campaign.for_kind("county").set_entry("sx-dsj", "2021-W12", "M1", "王五", Entry(value=1))


def test_statuses_and_periods_of_the_campaign_cover_every_kind(campaign: Workspace) -> None:
    campaign.set_status("sx-rsj", "2021-W10", "submitted", who="组长")
    statuses = campaign.statuses("2021-W10")
    assert set(statuses) == set(COUNTIES) | set(DEPARTMENTS)
    assert statuses["sx-rsj"] == "submitted" and statuses["330602"] == "draft"
    assert campaign.for_kind("department").statuses("2021-W10")["sx-rsj"] == "submitted"
    assert "sx-rsj" not in campaign.for_kind("county").statuses("2021-W10")
    assert campaign.periods() == ["2021-W10", "2021-W11"]


def test_a_new_period_carries_every_kinds_entries(campaign: Workspace) -> None:
    before = len(campaign.get_entries("2021-W11"))
    carried = campaign.new_period("2021-W12", who="组长")
    assert carried == before == len(campaign.get_entries("2021-W12"))
    assert {e.set_id for e in campaign.get_entries("2021-W12")} == {
        "sx-digital-gov", "test-departments",
    }  # fmt: skip


def test_load_workspace_kinds_gives_each_kind_or_the_one_asked_for(tmp_path: Path) -> None:
    folder = make_campaign(tmp_path / "sx")
    every = load_workspace_kinds(folder)
    assert [(k.kind.key, k.indicator_set.id, k.several) for k in every] == [
        ("county", "sx-digital-gov", True),
        ("department", "test-departments", True),
    ]
    assert set(every[1].assessments[0].regions) == set(DEPARTMENTS)
    only = load_workspace_kinds(folder, "department")
    assert [k.kind.key for k in only] == ["department"]
    first, assessments, _ = load_workspace_assessments(folder)
    assert first.id == "sx-digital-gov" and set(assessments[0].regions) == set(COUNTIES)


def test_two_kinds_sharing_one_set_are_still_ranked_apart(tmp_path: Path) -> None:
    folder = write_campaign(tmp_path / "shared")
    config = yaml.safe_load((folder / "workspace.yaml").read_text(encoding="utf-8"))
    config["kinds"][1]["set"] = "departments.yaml"
    config["kinds"][0]["set"] = "departments.yaml"
    (folder / "workspace.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    ws = open_workspace(folder)
    try:
        for rid, value in (("330602", 10), ("330603", 20), ("sx-dsj", 30), ("sx-rsj", 40)):
            ws.set_entry(rid, "2021-W10", "M1", "甲", Entry(value=D(value)))
        counties = _ranks(ws.for_kind("county"), "2021-W10")
        departments = _ranks(ws.for_kind("department"), "2021-W10")
        assert set(counties) == set(COUNTIES) and set(departments) == set(DEPARTMENTS)
        assert (counties["330603"], counties["330602"]) == (1, 2)
        assert (departments["sx-rsj"], departments["sx-dsj"]) == (1, 2)
        assert ws.kind_set("county") is ws.kind_set("department")  # loaded once
    finally:
        ws.close()


# ------------------------------------------------------------------ mistakes, located


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str, nth: int = 1) -> int:
    hits = [i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line]
    return hits[nth - 1]


def test_a_unit_of_an_undeclared_kind_is_named_with_its_line_and_the_allowed_kinds(
    tmp_path: Path,
) -> None:
    folder = write_campaign(tmp_path / "sx")
    regions = folder / "regions.yaml"
    _rewrite(regions, "kind: department", "kind: township")
    with pytest.raises(AssessorError) as caught:
        open_workspace(folder)
    p = caught.value.problems[0]
    assert p.file == str(regions) and p.line == _line_of(regions, "township")
    assert "sx-dsj" in p.message and "'township'" in p.message
    assert "county (区、县（市）), department (市级部门)" in p.message


def test_a_kind_declared_twice_is_named_with_its_line(tmp_path: Path) -> None:
    folder = write_campaign(tmp_path / "sx")
    path = folder / "workspace.yaml"
    _rewrite(path, "key: department", "key: county")
    with pytest.raises(AssessorError) as caught:
        open_workspace(folder)
    p = caught.value.problems[0]
    assert p.file == str(path) and p.key == "kinds[1].key"
    assert p.line == _line_of(path, "key: county", 2)
    assert "declared twice" in p.message


def test_a_kind_whose_set_is_missing_is_named_with_its_line(tmp_path: Path) -> None:
    folder = write_campaign(tmp_path / "sx")
    path = folder / "workspace.yaml"
    _rewrite(path, "set: departments.yaml", "set: no-such-set")
    with pytest.raises(AssessorError) as caught:
        open_workspace(folder)
    p = caught.value.problems[0]
    assert p.file == str(path) and p.key == "kinds[1].set"
    assert p.line == _line_of(path, "no-such-set")
    assert "department (市级部门)" in p.message and "not found" in p.message


def test_a_kind_whose_set_does_not_load_fails_when_used_naming_the_set_and_the_kind(
    tmp_path: Path,
) -> None:
    folder = write_campaign(tmp_path / "sx")
    _rewrite(folder / "departments.yaml", "points: 60", "points: sixty")
    ws = open_workspace(folder)  # loaded lazily: the counties still work
    try:
        assert ws.for_kind("county").set_id == "sx-digital-gov"
        with pytest.raises(AssessorError) as caught:
            ws.kind_set("department")
        files = [p.file for p in caught.value.problems]
        assert str(folder / "departments.yaml") in files
        last = caught.value.problems[-1]
        assert last.file == str(folder / "workspace.yaml") and last.key == "kinds[1].set"
        assert last.line == _line_of(folder / "workspace.yaml", "set: departments.yaml")
    finally:
        ws.close()


def test_an_empty_kinds_list_is_refused_saying_what_to_write(tmp_path: Path) -> None:
    folder = write_campaign(tmp_path / "sx")
    config = yaml.safe_load((folder / "workspace.yaml").read_text(encoding="utf-8"))
    config["kinds"] = []
    (folder / "workspace.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    with pytest.raises(AssessorError, match="kinds is empty"):
        open_workspace(folder)


def test_an_unknown_kind_key_lists_the_campaigns_kinds(tmp_path: Path) -> None:
    ws = open_workspace(write_campaign(tmp_path / "sx"))
    try:
        with pytest.raises(AssessorError, match=r"'township'.*county \(区、县（市）\)"):
            ws.for_kind("township")
    finally:
        ws.close()
