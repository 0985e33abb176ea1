"""Synthetic indicator sets and entries of any size, for benchmarks (deterministic, seeded)."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import yaml

from assessor.model import Assessment, Entry, Region

METHODS = ("ratio", "bands", "level", "points", "check", "choice")


def synthetic_set_dict(n_leaves: int = 1000, n_dims: int = 10, seed: int = 7) -> dict:
    """A set of `n_dims` dimensions × sub-dimensions × leaves, mixing the common methods."""
    rng = random.Random(seed)
    if n_leaves < 100:  # a smaller set: 6 dimensions of 2 sub-dimensions
        n_dims = 6
    per_dim = n_leaves // n_dims
    subs = 10 if per_dim >= 10 and n_leaves >= 100 else 2
    per_sub = max(1, per_dim // subs)
    tree = []
    for d in range(n_dims):
        children = []
        for s in range(subs):
            leaves = []
            for i in range(per_sub):
                lid = f"D{d:02d}-S{s:02d}-{i:03d}"
                method = METHODS[(d + s + i) % len(METHODS)]
                leaf: dict = {
                    "id": lid,
                    "name": f"指标{lid}",
                    "share": 100 / per_sub,
                    "method": method,
                }
                if method == "ratio":
                    leaf["input"] = {"type": "number", "min": 0, "max": 100}
                elif method == "bands":
                    leaf["bands"] = [
                        {"above": 90, "score": 1.0, "level": 5},
                        {"min": 75, "score": 0.8, "level": 4},
                        {"min": 50, "score": 0.6, "level": 3},
                        {"min": 0, "score": 0.3, "level": 1},
                    ]
                elif method == "level":
                    leaf["levels"] = [
                        {"level": k, "label": f"{k}星", "criteria": "……"} for k in range(1, 6)
                    ]
                elif method == "choice":
                    leaf["options"] = [
                        {"key": "A", "label": "优秀", "score": 1.0},
                        {"key": "B", "label": "良好", "score": 0.8},
                        {"key": "C", "label": "一般", "score": 0.6},
                    ]
                if rng.random() < 0.05:
                    leaf["optional"] = True
                leaves.append(leaf)
            children.append(
                {
                    "id": f"D{d:02d}-S{s:02d}",
                    "name": f"子项{d}-{s}",
                    "share": 100 / subs,
                    "children": leaves,
                }
            )
        tree.append(
            {"id": f"D{d:02d}", "name": f"维度{d}", "points": 100 / n_dims, "children": children}
        )
    return {
        "format": 1,
        "id": "synthetic",
        "name": f"合成指标体系（{n_leaves} 项）",
        "normalize": True,
        "tree": tree,
        "rating": {
            "grades": [
                {
                    "key": "5",
                    "label": "五星级",
                    "stars": 5,
                    "min_score": 90,
                    "when": [{"share_at_level": {"level": 4, "min": 0.6}}],
                },
                {"key": "4", "label": "四星级", "stars": 4, "min_score": 80},
                {"key": "3", "label": "三星级", "stars": 3, "min_score": 70},
                {"key": "0", "label": "未达星级", "stars": 0},
            ]
        },
    }


def write_synthetic_set(path: Path, n_leaves: int = 1000) -> Path:
    text = "# yaml-language-server: $schema=indicator-set.schema.json\n" + yaml.safe_dump(
        synthetic_set_dict(n_leaves), allow_unicode=True, sort_keys=False
    )
    path.write_text(text, encoding="utf-8")
    return path


def random_entry(leaf, rng: random.Random, evaluator: str) -> Entry:
    m = leaf.method
    if m in ("ratio", "bands"):
        return Entry(value=Decimal(rng.randint(300, 1000)) / 10, evaluator=evaluator)
    if m == "level":
        return Entry(value=rng.randint(1, 5), evaluator=evaluator)
    if m == "points":
        return Entry(value=Decimal(rng.randint(0, 100)) / 100 * leaf.max, evaluator=evaluator)
    if m == "check":
        return Entry(value=rng.random() < 0.8, evaluator=evaluator)
    return Entry(value=rng.choice("ABC"), evaluator=evaluator)


def synthetic_assessment(
    cs, n_regions: int = 150, n_evaluators: int = 3, seed: int = 11, period: str = "2024"
) -> Assessment:
    rng = random.Random(seed)
    a = Assessment(period=period)
    for r in range(n_regions):
        region = Region(id=f"{370000 + r:06d}", name=f"示例县{r:03d}", group=f"示例市{r % 10}")
        a.regions[region.id] = region
        for leaf in cs.leaves:
            for e in range(n_evaluators):
                a.add(region, leaf.id, random_entry(leaf, rng, f"评估人{e + 1}"))
    return a
