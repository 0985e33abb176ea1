#!/usr/bin/env python3
"""Generate the bundled sample entries (samples/<set-id>/*.yaml) and samples/regions.yaml.

All values are invented (示例数据（虚构）). The output is deterministic: every random choice comes
from a `random.Random` seeded with the set id, the region and the leaf, so running the script
again gives byte-identical files. Run from the repository root:

    python scripts/gen_samples.py            # write every sample
    python scripts/gen_samples.py --check    # fail if a written file differs (for CI)

The script reads the indicator sets only to list their leaves (it resolves `extends` itself in a
simplified way so that it does not depend on the loader); the values it writes are checked by
`assessor score` and the tests in tests/indicators/.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import random
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from sample_yaml import dump

ROOT = Path(__file__).resolve().parent.parent
IND = ROOT / "indicators"
OUT = ROOT / "samples"

NOTE = "示例数据（虚构）：数值均为编造，仅用于演示和测试，不代表任何地区的真实评价结果。"

# --------------------------------------------------------------------------- regions (GB/T 2260)

PREFECTURES = [
    {"id": "370100", "name": "济南市", "group": "山东省", "parent": "370000"},
    {"id": "370200", "name": "青岛市", "group": "山东省", "parent": "370000"},
    {"id": "371300", "name": "临沂市", "group": "山东省", "parent": "370000"},
    {"id": "371500", "name": "聊城市", "group": "山东省", "parent": "370000"},
    {"id": "330600", "name": "绍兴市", "group": "浙江省", "parent": "330000"},
]
LIAOCHENG = [
    ("371502", "东昌府区"), ("371503", "茌平区"), ("371521", "阳谷县"), ("371522", "莘县"),
    ("371524", "东阿县"), ("371525", "冠县"), ("371526", "高唐县"), ("371581", "临清市"),
]  # fmt: skip
LINYI = [
    ("371302", "兰山区"), ("371311", "罗庄区"), ("371312", "河东区"), ("371321", "沂南县"),
    ("371322", "郯城县"), ("371323", "沂水县"), ("371324", "兰陵县"), ("371325", "费县"),
    ("371326", "平邑县"), ("371327", "莒南县"), ("371328", "蒙阴县"), ("371329", "临沭县"),
]  # fmt: skip
SHANDONG_CITIES = [
    ("370100", "济南市"), ("370200", "青岛市"), ("370300", "淄博市"), ("370400", "枣庄市"),
    ("370500", "东营市"), ("370600", "烟台市"), ("370700", "潍坊市"), ("370800", "济宁市"),
    ("370900", "泰安市"), ("371000", "威海市"), ("371100", "日照市"), ("371300", "临沂市"),
    ("371400", "德州市"), ("371500", "聊城市"), ("371600", "滨州市"), ("371700", "菏泽市"),
]  # fmt: skip
SHAOXING = [
    ("330602", "越城区"), ("330603", "柯桥区"), ("330604", "上虞区"),
    ("330624", "新昌县"), ("330681", "诸暨市"), ("330683", "嵊州市"),
]  # fmt: skip


def _shaoxing_departments() -> list[dict[str, str]]:
    """The city departments of the Shaoxing campaign (scripts/gen_shaoxing.py writes their weeks)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gen_shaoxing import DEPARTMENTS

    return [dict(d) for d in DEPARTMENTS]


def counties(rows: list[tuple[str, str]], group: str, parent: str) -> list[dict[str, str]]:
    return [{"id": c, "name": n, "group": group, "parent": parent} for c, n in rows]


SD = counties(SHANDONG_CITIES, "山东省", "370000")
LC = counties(LIAOCHENG, "聊城市", "371500")
LY = counties(LINYI, "临沂市", "371300")
SX = counties(SHAOXING, "绍兴市", "330600")
SX_DEPARTMENTS = _shaoxing_departments()

# Communities for the smart-community set: fictional community ids under real counties.
COMMUNITIES = [
    {
        "id": "371502-sq01",
        "name": "东昌府区古楼街道示例社区",
        "group": "东昌府区",
        "parent": "371502",
    },
    {
        "id": "371502-sq02",
        "name": "东昌府区新区街道示例社区",
        "group": "东昌府区",
        "parent": "371502",
    },
    {
        "id": "371581-sq01",
        "name": "临清市青年路街道示例社区",
        "group": "临清市",
        "parent": "371581",
    },
    {"id": "371302-sq01", "name": "兰山区兰山街道示例社区", "group": "兰山区", "parent": "371302"},
    {
        "id": "371302-sq02",
        "name": "兰山区银雀山街道示例社区",
        "group": "兰山区",
        "parent": "371302",
    },
    {"id": "371312-sq01", "name": "河东区九曲街道示例社区", "group": "河东区", "parent": "371312"},
]

# --------------------------------------------------------------------------- set loading


class _DecimalLoader(yaml.SafeLoader):
    pass


_DecimalLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: Decimal(loader.construct_scalar(node))
)


def _find(nodes: list[dict[str, Any]], nid: str) -> tuple[list[dict[str, Any]], int] | None:
    for i, n in enumerate(nodes):
        if n["id"] == nid:
            return nodes, i
        if "children" in n:
            hit = _find(n["children"], nid)
            if hit:
                return hit
    return None


def load_tree(set_file: Path) -> dict[str, Any]:
    """The set as a dict with `extends` applied (simplified; enough to list the leaves)."""
    data = yaml.load(set_file.read_text(encoding="utf-8"), Loader=_DecimalLoader)
    parent_id = data.get("extends")
    if not parent_id:
        return data
    parent = load_tree(set_file.parent / f"{parent_id}.yaml")
    tree = copy.deepcopy(parent["tree"])
    for nid, fields in (data.get("override") or {}).items():
        hit = _find(tree, nid)
        assert hit, nid
        lst, i = hit
        lst[i] = {**lst[i], **fields}
    for nid in data.get("remove") or []:
        hit = _find(tree, nid)
        assert hit, nid
        lst, i = hit
        del lst[i]
    for add in data.get("add") or []:
        if add.get("under"):
            hit = _find(tree, add["under"])
            assert hit, add["under"]
            lst, i = hit
            lst[i].setdefault("children", []).append(add["node"])
        else:
            tree.append(add["node"])
    merged = {**parent, **data, "tree": tree}
    return merged


def leaves(nodes: list[dict[str, Any]], kind: str = "core") -> list[tuple[dict[str, Any], str]]:
    out: list[tuple[dict[str, Any], str]] = []
    for n in nodes:
        k = n.get("kind") or kind
        if "children" in n:
            out.extend(leaves(n["children"], k))
        else:
            out.append((n, k))
    return out


# --------------------------------------------------------------------------- value generation


def rng_for(*parts: object) -> random.Random:
    h = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def num(x: float, digits: int = 1) -> int | float:
    v = round(x, digits)
    return int(v) if digits == 0 else v


# the region being generated: denominators (e.g. 政务服务事项总数) are drawn from a generator seeded
# by the set, the region and the input's label, so the same total appears in every leaf and every
# period that asks for it
CURRENT: dict[str, str] = {"set": "", "region": ""}


def denominator(key: str, integer: bool, percent: bool) -> int | float:
    r = rng_for("denominator", CURRENT["set"], CURRENT["region"], key)
    if integer:
        return r.choice([r.randint(12, 60), r.randint(60, 400), r.randint(400, 2500)])
    span = (20, 900) if percent else (30, 120)  # 万人, 万只, 亿元 … / county population
    return round(r.uniform(*span), 1)


RATIO_FORMULA = re.compile(r"^\s*(\w+)\s*/\s*(\w+)\s*(\*\s*100)?\s*$")


def scale_of(leaf: dict[str, Any]) -> float:
    """The value that counts as 'fully achieved' for a numeric leaf."""
    if leaf.get("target") is not None:
        return float(leaf["target"])
    if leaf.get("bands"):
        tops = [b.get("min", b.get("above", b.get("max", b.get("below")))) for b in leaf["bands"]]
        return float(max(Decimal(t) for t in tops if t is not None)) * 1.08
    return 100.0


def clamp(v: float, lo: float | None, hi: float | None) -> float:
    if lo is not None:
        v = max(v, lo)
    if hi is not None:
        v = min(v, hi)
    return v


def input_bounds(spec: dict[str, Any] | None) -> tuple[float | None, float | None]:
    if not spec:
        return 0.0, None
    lo = spec.get("min")
    hi = spec.get("max")
    return (float(lo) if lo is not None else None), (float(hi) if hi is not None else None)


def gen_number(leaf: dict[str, Any], q: float, r: random.Random) -> Any:
    """A number or named inputs for a numeric leaf, of quality q (0..1)."""
    method = leaf["method"]
    scale = scale_of(leaf)
    if leaf.get("direction") == "lower":
        # lower is better: good regions get small values
        base = float(leaf.get("baseline") or scale * 2)
        q_eff = clamp(q + r.uniform(-0.12, 0.08), 0.0, 1.0)
        target = float(leaf.get("target") or 0)
        return num(base - (base - target) * q_eff)
    q_eff = q + r.uniform(-0.18, 0.12)
    if method in ("ratio", "bands", "minmax", "rank", "linear"):
        v = scale * q_eff
    elif method == "slope":
        v = float(leaf["target"]) * (1 + (q - 0.75) * 0.4 + r.uniform(-0.08, 0.08))
    else:
        v = scale * q_eff
    formula = leaf.get("value")
    if formula:
        return gen_inputs(leaf, v, r)
    lo, hi = input_bounds(leaf.get("input"))
    if (leaf.get("unit") == "%" or (leaf.get("input") or {}).get("unit") == "%") and hi is None:
        hi = 100.0
    v = clamp(v, lo, hi)
    integer = (leaf.get("input") or {}).get("type") == "integer"
    return num(v, 0 if integer else 1)


def gen_inputs(leaf: dict[str, Any], v: float, r: random.Random) -> dict[str, Any]:
    inputs = leaf["inputs"]
    m = RATIO_FORMULA.match(leaf["value"])
    if m:
        top, bottom = m.group(1), m.group(2)
        percent = m.group(3) is not None
        pct = clamp(v, 0.0, 100.0) if percent else v * 100
        spec = inputs[bottom]
        key = spec.get("label") or bottom
        if spec.get("type") == "integer":
            total = denominator(key, True, percent)
            used = round(total * pct / 100)
            used = min(total, used) if percent else used
        else:
            total = denominator(key, False, percent)
            used = round(total * pct / 100, 1)
            used = min(total, used) if percent else used
        if inputs[top].get("type") == "integer":
            used = round(used)
        return {top: used, bottom: total}
    # a weighted composite of percentages (e.g. air * 0.4 + water * 0.4 + noise * 0.2)
    out: dict[str, Any] = {}
    for name, spec in inputs.items():
        lo, hi = input_bounds(spec)
        x = clamp(
            v + r.uniform(-10, 8), lo if lo is not None else 0.0, hi if hi is not None else 100.0
        )
        out[name] = num(x, 0 if spec.get("type") == "integer" else 1)
    return out


def gen_value(leaf: dict[str, Any], kind: str, q: float, r: random.Random) -> Any:
    method = leaf["method"]
    if kind == "veto":
        return False
    if method == "level":
        top = max(lv["level"] for lv in leaf["levels"])
        low = min(lv["level"] for lv in leaf["levels"])
        lv = round(top * (q + r.uniform(-0.2, 0.15)))
        return int(clamp(lv, low, top))
    if method == "choice":
        opts = sorted(leaf["options"], key=lambda o: -float(o["score"]))
        i = int(clamp(round((1 - q + r.uniform(-0.15, 0.2)) * (len(opts) - 1)), 0, len(opts) - 1))
        return str(opts[i]["key"])
    if method == "check":
        if kind == "penalty":
            return r.random() > 0.8
        return r.random() < q + 0.15
    if method == "count":
        each = float(leaf["each"])
        if kind == "penalty":
            return r.choice([0, 0, 0, 1, 1, 2, 3])
        cap = float(leaf.get("_points", each * 5)) / each
        return int(clamp(round(cap * (q + r.uniform(-0.3, 0.15))), 0, None))
    if method == "points":
        cap = float(leaf.get("_points", 10))
        if kind == "penalty":
            return num(r.choice([0, 0, 0, 0.5, 1, 2]))
        return num(clamp(cap * (q + r.uniform(-0.25, 0.1)), 0, cap))
    return gen_number(leaf, q, r)


def perturb(leaf: dict[str, Any], kind: str, value: Any, r: random.Random) -> Any:
    """A second evaluator's judgement: same facts, sometimes a different opinion."""
    if kind == "veto" or r.random() > 0.35:
        return value
    method = leaf["method"]
    if method == "level":
        lvls = sorted(lv["level"] for lv in leaf["levels"])
        return int(clamp(value + r.choice([-1, 1]), lvls[0], lvls[-1]))
    if method == "choice":
        keys = [str(o["key"]) for o in sorted(leaf["options"], key=lambda o: -float(o["score"]))]
        i = keys.index(value)
        return keys[int(clamp(i + r.choice([-1, 1]), 0, len(keys) - 1))]
    if method == "points":
        cap = float(leaf.get("_points", 10))
        return num(clamp(value + r.uniform(-0.1, 0.1) * cap, 0, cap))
    if isinstance(value, float):
        # a re-check finds a slightly lower figure (never above the input's maximum)
        return num(value * r.uniform(0.96, 1.0))
    return value


# --------------------------------------------------------------------------- writing


def header(set_id: str, period: str, evaluator: str, extra: str = "") -> str:
    lines = [
        f"# 示例数据（虚构） — {set_id}, {period}, 评价人 {evaluator}.",
        "# Invented sample entries generated by scripts/gen_samples.py; do not edit by hand.",
    ]
    if extra:
        lines += [f"# {x}" for x in extra.splitlines()]
    return "\n".join(lines) + "\n"


class Plan:
    """What to write for one set: regions, periods, evaluators and the special cases."""

    def __init__(
        self,
        set_id: str,
        regions: list[dict[str, str]],
        periods: list[str],
        evaluators: list[tuple[str, str]],
        *,
        na: dict[str, list[str]] | None = None,
        unscored: dict[str, list[str]] | None = None,
        vetoed: dict[str, str] | None = None,
        quality: dict[str, float] | None = None,
        fixed: dict[str, dict[str, Any]] | None = None,
        covers: dict[str, list[str]] | None = None,
        extra_comment: str = "",
        file_of: Any = None,
        cumulative: list[str] | None = None,
        periods_of: dict[str, list[str]] | None = None,
        seed: str | None = None,
    ) -> None:
        self.seed = seed or set_id  # what the random choices are seeded with
        self.cumulative = cumulative or []  # leaves counted cumulatively through the year
        self.periods_of = periods_of or {}  # evaluator slug -> the only periods it scores
        self.set_id = set_id
        self.regions = regions
        self.periods = periods
        self.evaluators = evaluators  # (name, slug)
        self.na = na or {}
        self.unscored = unscored or {}
        self.vetoed = vetoed or {}
        self.quality = quality or {}
        self.fixed = fixed or {}
        self.covers = covers or {}  # evaluator slug -> the only region ids it scores
        self.extra_comment = extra_comment
        self.file_of = file_of or (lambda period, slug: f"{period}-{slug}.yaml")


def region_quality(plan: Plan, rid: str, period: str) -> float:
    if rid in plan.quality:
        base = plan.quality[rid]
    else:
        base = rng_for(plan.seed, "q", rid).uniform(0.58, 0.97)
    if period != plan.periods[0]:
        # a little progress (and noise) from period to period
        i = plan.periods.index(period)
        base += i * 0.008 + rng_for(plan.seed, "pq", rid, period).uniform(-0.04, 0.04)
    return clamp(base, 0.3, 1.0)


def leaf_points(tree: list[dict[str, Any]], parent_points: float) -> None:
    for n in tree:
        if n.get("points") is not None:
            p = float(n["points"])
        elif n.get("share") is not None:
            p = parent_points * float(n["share"]) / 100
        else:
            p = None  # type: ignore[assignment]
        if "children" in n:
            if p is None:
                p = parent_points  # good enough for generating values
            leaf_points(n["children"], p)
        elif p is not None:
            n["_points"] = p


def build(plan: Plan, check: bool, changed: list[Path]) -> None:
    data = load_tree(IND / f"{plan.set_id}.yaml")
    leaf_points(data["tree"], float(data.get("full_score", 100)))
    all_leaves = leaves(data["tree"])
    for period in plan.periods:
        for ei, (evaluator, slug) in enumerate(plan.evaluators):
            if slug in plan.periods_of and period not in plan.periods_of[slug]:
                continue
            blocks = []
            for reg in plan.regions:
                rid = reg["id"]
                if slug in plan.covers and rid not in plan.covers[slug]:
                    continue
                q = region_quality(plan, rid, period)
                CURRENT.update(set=plan.seed, region=rid)
                entries: dict[str, Any] = {}
                for leaf, kind in all_leaves:
                    lid = leaf["id"]
                    if lid in plan.unscored.get(rid, []):
                        continue
                    if lid in plan.na.get(rid, []):
                        entries[lid] = "na"
                        continue
                    fixed = plan.fixed.get(rid, {})
                    if lid in fixed:
                        entries[lid] = fixed[lid]
                        continue
                    if kind == "veto":
                        entries[lid] = plan.vetoed.get(rid) == lid
                        continue
                    r = rng_for(plan.seed, rid, period, lid)
                    if lid in plan.cumulative:
                        # a count towards a yearly target grows week by week
                        i = plan.periods.index(period)
                        v = gen_value(leaf, kind, q * (0.45 + 0.07 * i), r)
                    else:
                        v = gen_value(leaf, kind, q, r)
                    if ei > 0:
                        v = perturb(leaf, kind, v, rng_for(plan.seed, rid, period, lid, slug))
                    entries[lid] = v
                block: dict[str, Any] = {"region": rid, "name": reg["name"]}
                if reg.get("group"):
                    block["group"] = reg["group"]
                if reg.get("parent"):
                    block["parent"] = reg["parent"]
                block["entries"] = entries
                blocks.append(block)
            doc = {
                "format": 1,
                "set": plan.set_id,
                "period": period,
                "evaluator": evaluator,
                "note": NOTE,
                "regions": blocks,
            }
            path = OUT / plan.set_id / plan.file_of(period, slug)
            dump(
                path,
                header(plan.set_id, period, evaluator, plan.extra_comment),
                doc,
                check,
                changed,
            )


# --------------------------------------------------------------------------- the plans


def plans() -> list[Plan]:
    out = [
        Plan(
            "gbt33356-2016",
            PREFECTURES,
            ["2016"],
            [("王敏", "wangmin"), ("刘洋", "liuyang")],
            na={"370200": ["L1P9-A2"]},
            unscored={"330600": ["L8P1-A1"]},
            quality={"370100": 0.86, "370200": 0.9, "371300": 0.7, "371500": 0.74, "330600": 0.88},
            extra_comment=(
                "青岛市 marks L1P9-A2 (农村电商服务站点覆盖率) not applicable (na);\n"
                "绍兴市 has no 市民体验调查得分 (L8P1-A1) yet, so its result is provisional."
            ),
        ),
        Plan(
            "sd-county-2020",
            LC + LY,
            ["2021"],
            [("专家组-张磊", "zhanglei"), ("专家组-陈静", "chenjing"), ("专家组-赵丽", "zhaoli")],
            covers={"zhaoli": [r["id"] for r in LY]},
            na={r: ["D3-03"] for r in ("371302", "371311", "371312", "371502")},
            unscored={"371329": ["D3-02", "D3-05"], "371526": ["D2-07"]},
            vetoed={"371324": "V1"},
            quality={
                "371502": 0.97,
                "371302": 0.98,
                "371324": 0.95,
                "371581": 0.9,
                "371312": 0.88,
                "371522": 0.62,
                "371328": 0.55,
            },
            extra_comment=(
                "兰山区、罗庄区、河东区、东昌府区 mark D3-03 智慧农业 not applicable (na);\n"
                "临沭县 (D3-02, D3-05) and 高唐县 (D2-07) have unscored indicators (provisional);\n"
                "兰陵县 has a 重大网络安全事件 (V1) in this invented data: at most 三星级."
            ),
        ),
        Plan(
            "sd-city-2020",
            SD,
            ["2021"],
            [("专家组-张磊", "zhanglei"), ("专家组-陈静", "chenjing")],
            unscored={"371700": ["D2-11", "D4-08"]},
            quality={"370200": 0.97, "370100": 0.95, "371000": 0.93, "371700": 0.6},
            extra_comment="菏泽市 has two unscored indicators (D2-11, D4-08): its result is provisional.",
        ),
        Plan(
            "sd-county-2020-local-example",
            LC,
            ["2021"],
            [("市大数据局-孙浩", "sunhao"), ("第三方评估-周倩", "zhouqian")],
            na={"371502": ["D3-03", "LC-01"]},
            quality={"371502": 0.96, "371522": 0.85, "371581": 0.9},
            extra_comment="东昌府区 marks D3-03 智慧农业 and LC-01 蔬菜产业数字化 not applicable (na).",
            seed="sd-county-2020-liaocheng",  # the set's former id: keeps the values it had
        ),
        Plan(
            "sd-community-2020",
            COMMUNITIES,
            ["2021"],
            [("街道评审组-吴昊", "wuhao"), ("区大数据局-郑洁", "zhengjie")],
            na={"371581-sq01": ["C1-04"]},
            unscored={"371312-sq01": ["C2-08"]},
            vetoed={"371302-sq02": "V1"},
            quality={"371502-sq01": 0.97, "371302-sq01": 0.93, "371302-sq02": 0.95},
            # 必达项 (requires) that fail whatever the score: 5G at 84 % is 基础型 (≥ 80) but not
            # 成长型 (示例 ≥ 90); 广播电视 at 65 % misses 基础型's 70 %.
            fixed={
                "371502-sq01": {
                    "C3-02": 84.0,
                    "C3-04": {"coverage": 98.0, "networked": 97.0, "intact": 96.0},
                },
                "371502-sq02": {
                    "C3-02": 82.0,
                    "C3-04": {"coverage": 93.0, "networked": 91.0, "intact": 92.0},
                },
                "371302-sq01": {
                    "C3-03": 65.0,
                    "C3-04": {"coverage": 96.0, "networked": 95.0, "intact": 97.0},
                },
            },
            extra_comment=(
                "Communities are fictional (示例社区) under real counties.\n"
                "临清市示例社区 marks C1-04 not applicable; 河东区示例社区 has no 居民满意度 (provisional);\n"
                "兰山区银雀山街道示例社区 has a 居民信息泄露事件 (V1) in this invented data;\n"
                "古楼街道示例社区 has 5G 84 % (成长型 needs 90 %, 示例), 兰山街道示例社区 广播电视 65 %\n"
                "(基础型 needs 70 %): high totals, lower tiers (必达项); 新区街道示例社区 is 基础型."
            ),
        ),
        Plan(
            "sx-digital-gov",
            SX,
            [f"2021-W{w:02d}" for w in range(10, 19)],
            [("市大数据局-数据组", "sjj"), ("市委改革办-督查组", "dcz")],
            periods_of={"dcz": ["2021-W14", "2021-W16", "2021-W18"]},
            cumulative=["A-04", "C-01", "C-02"],
            unscored={"330683": ["B-03"]},
            quality={"330602": 0.99, "330603": 0.97, "330604": 0.86, "330683": 0.64},
            extra_comment=(
                "Weekly 周亮晒 entries, 2021-W10 … 2021-W18; the 督查组 re-checks weeks 14, 16 and 18.\n"
                "嵊州市 has no 公共支撑组件调用量 (B-03): not ranked, unscored (provisional)."
            ),
            file_of=lambda period, slug: f"{period}-{slug}.yaml",
        ),
        Plan(
            "liaocheng-2021",
            [c for c in PREFECTURES if c["id"] == "371500"],
            ["2021"],
            [("市委督查室-李娜", "lina"), ("第三方评估-何军", "hejun")],
            quality={"371500": 0.86},
            extra_comment="One region: the plan is 聊城市大数据局's own; two evaluators check it.",
        ),
        Plan(
            "luozhuang-2021",
            [r for r in LY if r["id"] == "371311"],
            ["2021"],
            [("区委督查室-王芳", "wangfang"), ("区大数据局-刘强", "liuqiang")],
            quality={"371311": 0.8},
            fixed={
                "371311": {
                    "LZ1-01": {"passed": 73.6, "checked": 77.8},  # 万条 checked, 94.6 % passed
                    "LZ3-04": {"covered": 6, "places": 8},  # 城区 and 重点乡镇
                }
            },
            extra_comment="One region: the plan is 罗庄区大数据局's own; two evaluators check it.",
        ),
        Plan(
            "qingdao-2024",
            [c for c in PREFECTURES if c["id"] == "370200"],
            ["2024"],
            [("市委督查室-张伟", "zhangwei"), ("第三方评估-陈敏", "chenmin")],
            unscored={"370200": ["QD5-03"]},
            fixed={"370200": {"QD3-04": {"four_star": 7, "districts": 10}}},  # 10 区(市)
            quality={"370200": 0.9},
            extra_comment=(
                "One region: the plan is 青岛市大数据局's own; two evaluators check it.\n"
                "QD5-03 (5A级省级新型数据中心) is not yet known: the result is provisional."
            ),
        ),
        Plan(
            "shaoxing-2021",
            [c for c in PREFECTURES if c["id"] == "330600"],
            ["2021"],
            [("市考核办-周敏", "zhoumin"), ("第三方评估-郑浩", "zhenghao")],
            quality={"330600": 0.88},
            fixed={"330600": {"SX5-04": {"tested": 22, "accepted": 24}}},
            extra_comment="One region: the plan is 绍兴市大数据局's own; two evaluators check it.",
        ),
    ]
    return out


def write_regions(check: bool, changed: list[Path]) -> None:
    doc = {
        "note": NOTE.replace(
            "数值均为编造", "地区名称与代码为真实的 GB/T 2260 行政区划；社区为虚构"
        ),
        "regions": [
            {"id": "370000", "name": "山东省", "group": None, "parent": None},
            {"id": "330000", "name": "浙江省", "group": None, "parent": None},
            *SD,
            {**PREFECTURES[-1]},
            *LC,
            *LY,
            *SX,
            *SX_DEPARTMENTS,
            *COMMUNITIES,
        ],
    }
    dump(
        OUT / "regions.yaml",
        "# All regions used by the bundled samples (GB/T 2260 codes; communities are fictional).\n",
        doc,
        check,
        changed,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report files that would change")
    ap.add_argument("sets", nargs="*", help="only these set ids")
    args = ap.parse_args()
    changed: list[Path] = []
    for plan in plans():
        if args.sets and plan.set_id not in args.sets:
            continue
        build(plan, args.check, changed)
    if not args.sets:
        write_regions(args.check, changed)
    if args.check and changed:
        for p in changed:
            print(f"out of date: {p.relative_to(ROOT)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
