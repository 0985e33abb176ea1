"""The TUI's session after any edits equals a full re-score of what the store holds (issue 11).

A `rank` or `minmax` leaf compares regions, so an edit of one region's value moves other
regions' points: the session must re-score every region the edit affects, not only the one
edited. Edits are random (hypothesis): values other regions entered, N/A, undo.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.model.results import RegionResult
from assessor.scoring import score
from assessor.tui.session import Session

PEER_LEAF = "D1-03"  # 政务服务类APP应用: method rank


@pytest.fixture(scope="module")
def base(imported_sample: Path) -> Iterator[Path]:
    yield imported_sample  # only copied from (tests/tui/conftest.py)


def full_rescore(s: Session) -> dict[str, RegionResult]:
    ws = s.workspace
    stored = ws.store.assessment(ws.set_id, s.period, ws.regions)
    return {r.region: r for r in score(s.cs, stored, consolidation=ws.consolidation)}


def same(a: RegionResult, b: RegionResult) -> bool:
    return (
        a.total == b.total
        and (a.rank, a.group_rank, a.rating.key) == (b.rank, b.group_rank, b.rating.key)
        and {k: n.points for k, n in a.nodes.items()} == {k: n.points for k, n in b.nodes.items()}
    )


def values_of(s: Session, leaf: str) -> list[Any]:
    """Raw values evaluators entered for a leaf anywhere (valid by construction)."""
    out = []
    for leaves in s.assessment.entries.values():
        for e in leaves.get(leaf, []):
            if not e.na:
                out.append(dict(e.inputs) if e.inputs else e.value)
    return out


edit = st.tuples(
    st.integers(0, 10**6),  # region
    st.sampled_from([PEER_LEAF, PEER_LEAF, "D1-01", "D2-01", "D6-01", "V1"]),
    st.sampled_from(["value", "value", "value", "na", "undo"]),
    st.integers(0, 10**6),  # which value
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(edit, min_size=1, max_size=6))
def test_after_any_edits_every_region_equals_a_full_rescore(base: Path, edits: list) -> None:
    folder = Path(tempfile.mkdtemp()) / "ws"
    shutil.copytree(base, folder)
    s = Session.open(folder)
    try:
        regions = sorted(s.results)
        for ri, leaf, action, vi in edits:
            region = regions[ri % len(regions)]
            if action == "undo":
                s.undo_last()
            elif action == "na":
                node = s.cs.nodes[leaf].node
                if node is not None and node.optional:
                    s.mark_na(region, leaf)
            else:
                options = values_of(s, leaf)
                if options:
                    s.enter(region, leaf, options[vi % len(options)])
            full = full_rescore(s)
            assert set(full) == set(s.results)
            stale = [rid for rid in full if not same(s.results[rid], full[rid])]
            assert stale == [], f"after {action} {region} {leaf}: stale {stale}"
    finally:
        s.close()
        shutil.rmtree(folder.parent, ignore_errors=True)


def test_an_edit_of_a_rank_leaf_rescores_the_other_counties(workspace: Path) -> None:
    """The issue's case: 371302's D1-03 set to 1 changes 371326's points too."""
    s = Session.open(workspace)
    try:
        before = s.results["371326"].total
        s.enter("371302", PEER_LEAF, 1)
        full = full_rescore(s)
        assert s.results["371326"].total == full["371326"].total
        assert "371326" in s.moved or before == full["371326"].total
    finally:
        s.close()
