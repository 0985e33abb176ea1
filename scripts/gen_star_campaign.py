#!/usr/bin/env python3
"""Write samples/star-campaign-2021/: a Shandong star rating in three stages (示例数据（虚构）).

The self-assessment (自评) of 聊城市's counties starts from the invented sd-county-2020 entries
of 专家组-陈静 with evidence on the indicators the set requires it for; the city's review (复核)
and the province's experts (评审) change a few values, each with the reason in its comment.
Deterministic: run again, same files. Run from the repository root:

    python scripts/gen_star_campaign.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "star-campaign-2021"
SOURCE = ROOT / "samples" / "sd-county-2020" / "2021-chenjing.yaml"
NOTE = "示例数据（虚构）：数值、申报星级、佐证材料和理由均为编造，仅用于演示。"
#: 申报星级 (a grade key of sd-county-2020) per county: invented.
DECLARED = {"371502": "4B", "371503": "4A", "371521": "3", "371522": "3", "371524": "4A",
            "371525": "3", "371526": "3", "371581": "4A"}  # fmt: skip
REQUIRED = ("D1-07", "D6-01", "D6-02")
#: (county, leaf): (value, reason) — the city's review.
REVIEW = {
    ("371502", "D1-03"): (80, "复核：7 个应用未实际接入“爱山东”，按实际接入数核定"),
    ("371502", "D2-08"): (4, "复核：协同办公系统未覆盖乡镇（街道），按四星档核定"),
    ("371503", "D1-04"): (88.0, "复核：按公交公司年报数据核定（自评使用了月度峰值）"),
    ("371524", "D1-07"): (3, "复核：医院智慧服务分级评估结果为 3 级，自评按 4 级填报"),
}
#: The province's expert group after the on-site check.
EXPERT = {
    ("371502", "D1-12"): (4, "现场核查：景区预约平台未与省文旅平台对接"),
    ("371502", "D2-09"): (3, "现场核查：应急指挥平台未接入气象预警"),
    ("371581", "D1-03"): (78, "现场核查：部分应用仅为链接跳转，未实际接入"),
}


def dump(path: Path, doc: dict[str, Any], header: str) -> None:
    path.write_text(
        header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120),
        encoding="utf-8",
    )


def main() -> None:
    src = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    counties = [r for r in src["regions"] if r["region"] in DECLARED]
    OUT.mkdir(parents=True, exist_ok=True)
    dump(
        OUT / "regions.yaml",
        {
            "format": 1,
            "note": NOTE,
            "regions": [
                {
                    "id": r["region"],
                    "name": r["name"],
                    "group": r["group"],
                    "parent": r["parent"],
                    "declared": DECLARED[r["region"]],
                }
                for r in counties
            ],
        },
        "# 聊城市's counties with the star each declared (申报星级, a grade key of sd-county-2020).\n",
    )
    regions = []
    for r in counties:
        entries = dict(r["entries"])
        for leaf in REQUIRED:
            v = entries.get(leaf)
            if v is None or v == "na":
                continue
            url = f"https://example.org/示例/{r['region']}/{leaf}.pdf"
            entries[leaf] = {"value": v, "evidence": [url]}
        regions.append({"region": r["region"], "name": r["name"], "entries": entries})
    dump(
        OUT / "1-self.yaml",
        {
            "format": 1,
            "set": "sd-county-2020",
            "period": "2021",
            "evaluator": "县自评组",
            "note": NOTE,
            "regions": regions,
        },
        "# 自评: each county's self-assessment (stage self), with evidence on D1-07, D6-01, D6-02.\n",
    )
    for name, changes, who, what in (
        ("2-review.yaml", REVIEW, "市复核组", "复核: the city's review (stage review)"),
        ("3-expert.yaml", EXPERT, "省专家组", "评审: the province's experts (stage expert)"),
    ):
        by_region: dict[str, dict[str, Any]] = {}
        for (rid, leaf), (value, reason) in changes.items():
            entry: dict[str, Any] = {"value": value, "comment": reason}
            old = next(r for r in regions if r["region"] == rid)["entries"][leaf]
            if isinstance(old, dict) and "evidence" in old:
                entry["evidence"] = old["evidence"]
            by_region.setdefault(rid, {})[leaf] = entry
        dump(
            OUT / name,
            {
                "format": 1,
                "set": "sd-county-2020",
                "period": "2021",
                "evaluator": who,
                "note": NOTE,
                "regions": [{"region": k, "entries": v} for k, v in by_region.items()],
            },
            f"# {what}: only the values it changes, each with its reason as the comment.\n",
        )


if __name__ == "__main__":
    main()
