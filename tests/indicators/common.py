"""Shared helpers for the bundled-set tests: run `assessor score --format json` on the samples."""

from __future__ import annotations

import contextlib
import io
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
INDICATORS = ROOT / "indicators"
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"

SETS = [
    "gbt33356-2016",
    "sd-county-2020",
    "sd-city-2020",
    "sd-county-2020-local-example",
    "sd-community-2020",
    "sx-digital-gov",
    "liaocheng-2021",
    "luozhuang-2021",
    "qingdao-2024",
    "shaoxing-2021",
    "shaoxing-2021-county",
    "shaoxing-2021-department",
]
#: sets with a year of weekly samples: golden files for a week, a month and the year only
WEEKLY = ("shaoxing-2021-county", "shaoxing-2021-department")

# (set id, period) pairs with a golden file; period None = every period found in the samples
CASES: list[tuple[str, str | None]] = [(s, None) for s in SETS if s not in WEEKLY] + [
    ("sx-digital-gov", "2021-03"),  # weeks 10-12 rolled up into March (月评价)
    ("sx-digital-gov", "2021"),  # every week rolled up into the year (年考核)
    *[(s, p) for s in WEEKLY for p in ("2021-W10", "2021-06", "2021")],  # 周亮晒·月评价·年考核
]

# set this to 1 to rewrite the golden files instead of comparing (or: python -m tests.indicators.regen)
REGEN_ENV = "ASSESSOR_REGEN_GOLDEN"


def set_path(set_id: str) -> Path:
    return INDICATORS / f"{set_id}.yaml"


def entries_files(set_id: str) -> list[Path]:
    return sorted((SAMPLES / set_id).glob("*.yaml"))


def run_cli(argv: list[str]) -> tuple[int, str]:
    from assessor.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            rc = main(argv)
        except SystemExit as e:  # argparse
            rc = int(e.code or 0)
    return rc, out.getvalue()


@cache
def score_json(set_id: str, period: str | None = None) -> list[dict[str, Any]]:
    argv = ["score", "--set", str(set_path(set_id)), "--entries"]
    argv += [str(p) for p in entries_files(set_id)]
    if period:
        argv += ["--period", period]
    argv += ["--format", "json"]
    rc, out = run_cli(argv)
    assert rc == 0, out
    data: list[dict[str, Any]] = json.loads(out)
    return data


def result(set_id: str, region: str, period: str | None = None) -> dict[str, Any]:
    """One region's result; with `period`, that period's (a roll-up when it has no entries)."""
    rows = [r for r in score_json(set_id, period) if r["region"] == region]
    if period is not None:
        rows = [r for r in rows if r["period"] == period]
    assert len(rows) == 1, f"{set_id} {region} {period}: {len(rows)} results"
    return rows[0]


def golden_path(set_id: str, period: str | None) -> Path:
    return GOLDEN / (f"{set_id}.json" if period is None else f"{set_id}@{period}.json")


def write_golden(set_id: str, period: str | None) -> Path:
    path = golden_path(set_id, period)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(score_json(set_id, period), ensure_ascii=False, indent=1, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def regen_requested() -> bool:
    return os.environ.get(REGEN_ENV, "") not in ("", "0")
