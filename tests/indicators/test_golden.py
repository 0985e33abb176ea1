"""Every bundled sample scores exactly as recorded in tests/indicators/golden/.

After an intended change, regenerate with `python -m tests.indicators.regen` (or run the tests
with ASSESSOR_REGEN_GOLDEN=1) and review the diff.
"""

from __future__ import annotations

import json

import pytest

from tests.indicators.common import CASES, golden_path, regen_requested, score_json, write_golden


@pytest.mark.parametrize(("set_id", "period"), CASES, ids=[f"{s}@{p or 'all'}" for s, p in CASES])
def test_golden(set_id: str, period: str | None) -> None:
    if regen_requested():
        write_golden(set_id, period)
        pytest.skip("golden file rewritten")
    path = golden_path(set_id, period)
    assert path.exists(), f"missing {path.name}: run python -m tests.indicators.regen"
    expected = json.loads(path.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(score_json(set_id, period), sort_keys=True))
    assert actual == expected
