"""Generate a year of Shaoxing 2021 sample weeks (周亮晒) for the county and department sets.

    python scripts/gen_shaoxing.py            # write samples/shaoxing-2021-{county,department}/
    python scripts/gen_shaoxing.py --check    # fail if a written file differs (for CI)

示例数据（虚构）: real names of the six 区、县(市) and of city departments, invented values. Every
value is a deterministic function of (unit, indicator, week), so the files never change unless
this script does. Cumulative counts are entered as running totals (the sets roll them up with
`last` and judge them against 序时 targets); rates are entered per week. Each unit has a pace
(ahead of or behind schedule) that drifts slowly, so rankings move from week to week.
The 督查组 re-checks every fourth week (a second evaluator on some indicators).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import itertools
import random
import sys
from pathlib import Path
from typing import Any

from sample_yaml import dump

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples"
NOTE = "示例数据（虚构）：数值均为编造，仅用于演示和测试，不代表任何地区和部门的真实评价结果。"
YEAR = 2021
WEEKS = [f"{YEAR}-W{w:02d}" for w in range(1, 53)]
DATA = "市大数据局-数据组"
CHECK = "市大数据局-督查组"

COUNTIES = [
    ("330602", "越城区"), ("330603", "柯桥区"), ("330604", "上虞区"),
    ("330681", "诸暨市"), ("330683", "嵊州市"), ("330624", "新昌县"),
]  # fmt: skip
DEPARTMENT_ROWS = [
    ("sx-dsjj", "市大数据局"), ("sx-gaj", "市公安局"), ("sx-wjw", "市卫生健康委"),
    ("sx-jtj", "市交通运输局"), ("sx-scjgj", "市市场监管局"), ("sx-zjj", "市住房城乡建设局"),
]  # fmt: skip
LEAD = "sx-dsjj"  # 牵头 the city-wide tasks (大赛, 开放目录, 主题库, 专项检查, 演练)
DEPARTMENT_GROUP = "绍兴市级部门"

#: the departments as samples/regions.yaml lists them (kind: department)
DEPARTMENTS = [
    {"id": i, "name": n, "group": DEPARTMENT_GROUP, "parent": "330600", "kind": "department"}
    for i, n in DEPARTMENT_ROWS
]
SCHEDULE = {3: 20, 6: 50, 9: 75, 12: 100}
HALVES = {6: 50, 12: 100}


def rng(*parts: object) -> random.Random:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def week_end(week: int) -> dt.date:
    return min(dt.date.fromisocalendar(YEAR, week, 7), dt.date(YEAR, 12, 31))


def share_days(week: int) -> float:
    end = week_end(week)
    return end.timetuple().tm_yday / 365


def share_schedule(week: int, schedule: dict[int, int]) -> float:
    day = week_end(week).timetuple().tm_yday
    points = [(0, 0.0)] + [
        ((dt.date(YEAR + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).timetuple().tm_yday, p)
        for m, p in sorted(schedule.items())
    ]
    for (d0, p0), (d1, p1) in itertools.pairwise(points):
        if d0 <= day <= d1:
            return (p0 + (p1 - p0) * (day - d0) / (d1 - d0)) / 100
    return 1.0


@functools.cache
def pace(unit: str, week: int) -> float:
    """How far ahead of schedule a unit is (1 = on schedule), drifting over the year."""
    r = rng("pace", unit)
    base = r.uniform(0.78, 1.18)
    drift = r.uniform(-0.12, 0.12)
    wobble = rng("wobble", unit, week // 4).uniform(-0.04, 0.04)
    return base + drift * week / 52 + wobble


def cumulative(unit: str, leaf: str, target: float, week: int, plan: dict[int, int] | None) -> int:
    """A running total on about `pace` × the share due (by days or the plan), never going down."""
    return _running(unit, leaf, target, week, tuple(sorted((plan or {}).items())))


@functools.cache
def _running(
    unit: str, leaf: str, target: float, week: int, plan: tuple[tuple[int, int], ...]
) -> int:
    if week == 0:
        return 0
    due = share_schedule(week, dict(plan)) if plan else share_days(week)
    noise = rng("n", unit, leaf, week).uniform(-0.03, 0.03)
    now = int(target * max(0.0, pace(unit, week) * due + noise))
    return max(_running(unit, leaf, target, week - 1, plan), now)


def once(unit: str, leaf: str, week: int, lo: int, hi: int) -> bool:
    """A milestone reached in a week between lo and hi (earlier for a faster unit)."""
    at = rng("once", unit, leaf).randint(lo, hi)
    at = int(at / max(pace(unit, at), 0.5))
    return week >= at


def ratio_inputs(
    unit: str, leaf: str, week: int, names: tuple[str, str], size: tuple[int, int], start: float
) -> dict[str, int]:
    """Named inputs of a state ratio climbing towards 100 % over the year."""
    r = rng("size", unit, leaf)
    total = r.randint(*size)
    level = min(1.0, start + (1 - start) * pace(unit, week) * share_days(week) * 1.3)
    done = min(total, round(total * level))
    return {names[0]: done, names[1]: total}


def rate(unit: str, leaf: str, week: int, centre: float, spread: float) -> float:
    r = rng("rate", unit, leaf, week)
    v = centre * (0.85 + 0.15 * pace(unit, week)) + r.uniform(-spread, spread)
    return round(max(0.0, min(100.0, v)), 1)


def county_entries(unit: str, week: int) -> dict[str, Any]:
    e: dict[str, Any] = {
        "A-01": cumulative(unit, "A-01", 20, week, None),
        "A-02": cumulative(unit, "A-02", 10, week, SCHEDULE),
        "A-03": 1 if once(unit, "A-03", week, 30, 60) else 0,
        "A-04": cumulative(unit, "A-04", 10, week, None),
        "A-05": cumulative(unit, "A-05", 10, week, None),
        "A-06": cumulative(unit, "A-06", 20, week, None),
        "A-07": cumulative(unit, "A-07", 10, week, SCHEDULE),
        "B-01": ratio_inputs(unit, "B-01", week, ("connected", "total"), (600, 1600), 0.9),
        "B-02": rate(unit, "B-02", week, 78, 6),
        "B-03": ratio_inputs(unit, "B-03", week, ("activated", "staff"), (1800, 5200), 0.93),
        "B-04": rate(unit, "B-04", week, 58, 7),
        "B-05": ratio_inputs(unit, "B-05", week, ("online", "items"), (40, 120), 0.7),
        "C-01": ratio_inputs(unit, "C-01", week, ("governed", "tables"), (150, 600), 0.5),
        "C-02": cumulative(unit, "C-02", 100, week, None),
        "C-03": cumulative(unit, "C-03", 100, week, SCHEDULE),
        "C-04": cumulative(unit, "C-04", 100, week, None),
        "D-01": ratio_inputs(unit, "D-01", week, ("on_cloud", "built"), (4, 18), 0.8),
        "D-02": ratio_inputs(unit, "D-02", week, ("tested", "accepted"), (3, 12), 0.75),
        "D-03": 1 if once(unit, "D-03", week, 18, 44) else 0,
        "D-04": rate(unit, "D-04", week, 70, 8),
    }
    return e


def department_entries(unit: str, week: int) -> dict[str, Any]:
    lead = unit == LEAD
    e: dict[str, Any] = {
        "A-01": cumulative(unit, "A-01", 2, week, None),
        "A-02": once(unit, "A-02", week, 8, 40),
        "A-03": round(rng("clicks", unit, week).uniform(0.5, 6.0) * pace(unit, week), 2),
        "A-04": once(unit, "A-04", week, 10, 48),
        "B-01": ratio_inputs(unit, "B-01", week, ("connected", "total"), (40, 400), 0.88),
        "B-02": rate(unit, "B-02", week, 80, 8),
        "B-03": ratio_inputs(unit, "B-03", week, ("activated", "staff"), (120, 900), 0.92),
        "B-04": rate(unit, "B-04", week, 62, 8),
        "B-05": ratio_inputs(unit, "B-05", week, ("online", "items"), (10, 60), 0.7),
        "C-01": ratio_inputs(unit, "C-01", week, ("governed", "tables"), (30, 240), 0.5),
        "C-02": cumulative(unit, "C-02", 10, week, None),
        "C-03": cumulative(unit, "C-03", 10, week, SCHEDULE),
        "C-04": cumulative(unit, "C-04", 10, week, None),
        "C-05": (week >= 41) if lead else "na",  # 第三届大赛 in October
        "C-06": (week >= 26) if lead else "na",  # 开放目录 by the end of June
        "C-07": min(6, cumulative(unit, "C-07", 6, week, SCHEDULE)) if lead else "na",
        "D-01": ratio_inputs(unit, "D-01", week, ("on_cloud", "built"), (1, 6), 0.8),
        "D-02": ratio_inputs(unit, "D-02", week, ("tested", "accepted"), (1, 5), 0.75),
        "D-03": rate(unit, "D-03", week, 60, 10),
        "D-04": (1 if week >= 22 else 0) + (1 if week >= 45 else 0) if lead else "na",
        "D-05": (1 if week >= 30 else 0) if lead else "na",
    }
    return e


def rechecked(
    entries: dict[str, Any], unit: str, week: int, leaves: tuple[str, ...]
) -> dict[str, Any]:
    """What the 督查组 finds on re-checking: running totals it can verify (sometimes fewer)."""
    out: dict[str, Any] = {}
    for leaf in leaves:
        v = entries[leaf]
        if isinstance(v, int) and not isinstance(v, bool):
            v = max(0, v - rng("dcz", unit, leaf, week).choice((0, 0, 0, 1, 2)))
        elif isinstance(v, float):
            v = round(max(0.0, min(100.0, v + rng("dcz", unit, leaf, week).uniform(-2, 2))), 1)
        out[leaf] = v
    return out


def header(set_id: str, period: str, evaluator: str) -> str:
    return (
        f"# 示例数据（虚构） — {set_id}, {period}, 评价人 {evaluator}.\n"
        "# Invented sample entries generated by scripts/gen_shaoxing.py; do not edit by hand.\n"
        "# 周亮晒: running totals for cumulative counts (rolled up by last, judged against 序时\n"
        "# targets), weekly values for rates.\n"
    )


KINDS: list[tuple[str, list[dict[str, Any]], Any, tuple[str, ...]]] = [
    (
        "shaoxing-2021-county",
        [{"region": c, "name": n, "group": "绍兴市", "parent": "330600"} for c, n in COUNTIES],
        county_entries,
        ("A-01", "C-02", "C-03", "C-04", "B-02"),
    ),
    (
        "shaoxing-2021-department",
        [{k: v for k, v in d.items() if k != "kind"} | {"region": d["id"]} for d in DEPARTMENTS],
        department_entries,
        ("A-01", "C-02", "C-03", "C-04", "B-02"),
    ),
]


def build(check: bool, changed: list[Path]) -> None:
    for set_id, units, entries_of, checked in KINDS:
        folder = OUT / set_id
        for n, period in enumerate(WEEKS, start=1):
            blocks = []
            checks = []
            for u in units:
                rid = u["region"]
                head = {
                    "region": rid,
                    "name": u["name"],
                    "group": u["group"],
                    "parent": u["parent"],
                }
                e = entries_of(rid, n)
                blocks.append({**head, "entries": e})
                if n % 4 == 0:
                    checks.append({**head, "entries": rechecked(e, rid, n, checked)})
            for evaluator, short, regions in ((DATA, "sjj", blocks), (CHECK, "dcz", checks)):
                if not regions:
                    continue
                doc = {
                    "format": 1,
                    "set": set_id,
                    "period": period,
                    "evaluator": evaluator,
                    "note": NOTE,
                    "regions": regions,
                }
                dump(folder / f"{period}-{short}.yaml", header(set_id, period, evaluator), doc,
                     check, changed)  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report files that would change")
    args = ap.parse_args()
    changed: list[Path] = []
    build(args.check, changed)
    if args.check and changed:
        for p in changed:
            print(f"out of date: {p.relative_to(ROOT)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
