"""Build sets and assessments from short YAML snippets, as evaluators write them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from assessor.model import Assessment, Entry, IndicatorSet, Region
from assessor.model.results import RegionResult
from assessor.scoring import CompiledSet, compile_checked, score


class _DecimalLoader(yaml.SafeLoader):
    pass


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(loader.construct_scalar(node))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def make_set(text: str) -> CompiledSet:
    data = yaml.load(text, Loader=_DecimalLoader)
    data.setdefault("id", "t")
    data.setdefault("name", "test")
    return compile_checked(IndicatorSet.model_validate(data))


def _entry(v: Any, evaluator: str) -> Entry:
    if isinstance(v, Entry):
        return v
    if v == "na":
        return Entry(na=True, evaluator=evaluator)
    if isinstance(v, dict):
        return Entry(inputs={k: _dec(x) for k, x in v.items()}, evaluator=evaluator)
    return Entry(value=_dec(v), evaluator=evaluator)


def _dec(v: Any) -> Any:
    if isinstance(v, float):
        return Decimal(str(v))
    if isinstance(v, int) and not isinstance(v, bool):
        return Decimal(v)
    return v


def assess(
    data: dict[str, dict[str, Any]],
    period: str = "2024",
    evaluator: str = "张三",
    groups: dict[str, str] | None = None,
) -> Assessment:
    """`data[region][leaf] = value`; a list of values means one per evaluator (e1, e2, …)."""
    a = Assessment(period=period)
    for rid, entries in data.items():
        region = Region(id=rid, name=rid, group=(groups or {}).get(rid))
        a.regions[rid] = region
        for leaf, v in entries.items():
            if isinstance(v, list):
                for i, x in enumerate(v):
                    a.add(region, leaf, _entry(x, f"e{i + 1}"))
            else:
                a.add(region, leaf, _entry(v, evaluator))
    return a


def one(cs: CompiledSet, entries: dict[str, Any], **kw: Any) -> RegionResult:
    """Score a single region r1."""
    (r,) = score(cs, assess({"r1": entries}), **kw)
    return r


def pts(r: RegionResult, node: str) -> Decimal | None:
    p = r.nodes[node].points
    return None if p is None else Decimal(p)
