"""A campaign with two kinds of unit, for tests: Shaoxing's six counties scored with
sx-digital-gov (the bundled sample weeks 2021-W10 and W11) and three city departments scored
with a small departments set (entries written here, 测试数据)."""

from __future__ import annotations

from pathlib import Path

import yaml

from assessor.loader import load_entries
from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_WEEKS = [ROOT / "samples/sx-digital-gov" / f"2021-W{w}-sjj.yaml" for w in (10, 11)]

COUNTIES = {
    "330602": "越城区",
    "330603": "柯桥区",
    "330604": "上虞区",
    "330624": "新昌县",
    "330681": "诸暨市",
    "330683": "嵊州市",
}
DEPARTMENTS = {"sx-dsj": "市大数据局", "sx-rsj": "市人力社保局", "sx-scjg": "市市场监管局"}

# A departments set small enough to hand-compute: 体制机制 (a ratio) and 创新工作 (by rank
# among the departments only: 40 for the first, less 10 % of 40 per place below).
DEPARTMENT_SET = {
    "format": 1,
    "id": "test-departments",
    "name": "市级部门数字化转型评价（测试）",
    "version": "test",
    "rollup": {"method": "mean"},
    "rounding": {"digits": 2, "mode": "half_even"},
    "tree": [
        {"id": "M1", "name": "体制机制", "points": 60, "method": "ratio"},
        {"id": "M2", "name": "创新工作", "points": 40, "method": "rank", "step": 0.1, "floor": 0.5},
    ],
    "rating": {
        "grades": [
            {"key": "G", "label": "绿", "min_score": 80, "color": "green"},
            {"key": "Y", "label": "黄", "min_score": 60, "color": "yellow"},
            {"key": "R", "label": "红", "color": "red"},
        ]
    },
}

# Points: M1 = value% of 60; M2 by rank of the value (higher is better).
DEPARTMENT_ENTRIES = {
    "2021-W10": {"sx-dsj": (90, 5), "sx-rsj": (70, 7), "sx-scjg": (50, 3)},
    "2021-W11": {"sx-dsj": (95, 6), "sx-rsj": (60, 8), "sx-scjg": (80, 4)},
}

KINDS = [
    {"key": "county", "label": "区、县（市）", "set": "sx-digital-gov"},
    {"key": "department", "label": "市级部门", "set": "departments.yaml"},
]


def write_campaign(folder: Path, database: str | None = None) -> Path:
    """The workspace files (no entries yet)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "departments.yaml").write_text(
        yaml.safe_dump(DEPARTMENT_SET, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    units = [{"id": k, "name": v, "group": "绍兴市"} for k, v in COUNTIES.items()]
    units += [{"id": k, "name": v, "kind": "department"} for k, v in DEPARTMENTS.items()]
    (folder / "regions.yaml").write_text(
        yaml.safe_dump({"format": 1, "regions": units}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    config = {
        "format": 1,
        "name": "2021年绍兴市政府数字化转型周亮晒（测试）",
        "sets": ["sx-digital-gov", "departments.yaml"],
        "kinds": KINDS,
        "regions": "regions.yaml",
        "period_kind": "week",
        "evaluators": [{"name": "市大数据局-数据组", "lead": True}],
        "sample": True,
        **({"database": database} if database else {}),
    }
    (folder / "workspace.yaml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return folder


def department_entries_files(folder: Path) -> list[Path]:
    files = []
    for period, values in DEPARTMENT_ENTRIES.items():
        doc = {
            "format": 1,
            "set": "test-departments",
            "period": period,
            "evaluator": "市大数据局-数据组",
            "regions": [
                {"region": rid, "entries": {"M1": m1, "M2": m2}} for rid, (m1, m2) in values.items()
            ],
        }
        path = folder / f"departments-{period}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        files.append(path)
    return files


def make_campaign(folder: Path, database: str | None = None) -> Path:
    """The two-kind workspace with two weeks of entries for each kind, imported."""
    write_campaign(folder, database)
    ws = open_workspace(folder)
    try:
        for kind, files in (
            ("county", SAMPLE_WEEKS),
            ("department", department_entries_files(folder)),
        ):
            view = ws.for_kind(kind)
            rows = [
                (EntryKey(view.set_id, rid, a.period, e.evaluator, leaf), e)
                for a in load_entries(files, view.indicator_set)
                for rid, leaves in a.entries.items()
                for leaf, es in leaves.items()
                for e in es
            ]
            ws.store.import_entries(rows, who="导入员")
    finally:
        ws.close()
    return folder
