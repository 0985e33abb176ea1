"""Data models: indicator sets, entries, periods and results. No I/O here."""

from assessor.model.entries import Assessment, EntriesFile, Entry, Region, RegionBlock
from assessor.model.indicator_set import (
    AnyNode,
    IndicatorSet,
    InnerNode,
    Leaf,
    Node,
    effective_kind,
    walk,
    yields_level,
)
from assessor.model.periods import Period, PeriodError, parse_period
from assessor.model.results import (
    Breakdown,
    EvaluatorScore,
    Explanation,
    NodeResult,
    RatingResult,
    RegionResult,
    ResultDocument,
)

__all__ = [
    "AnyNode",
    "Assessment",
    "Breakdown",
    "EntriesFile",
    "Entry",
    "EvaluatorScore",
    "Explanation",
    "IndicatorSet",
    "InnerNode",
    "Leaf",
    "Node",
    "NodeResult",
    "Period",
    "PeriodError",
    "RatingResult",
    "Region",
    "RegionBlock",
    "RegionResult",
    "ResultDocument",
    "effective_kind",
    "parse_period",
    "walk",
    "yields_level",
]
