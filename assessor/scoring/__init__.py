"""The one scoring engine: pure functions over the models (no files, database or UI)."""

from assessor.model.formula import Formula, FormulaError, parse_formula
from assessor.scoring.compiled import CNode, CompiledSet, compile_checked, compile_set
from assessor.scoring.engine import assign_ranks, merge_assessments, rescore_leaf, score
from assessor.scoring.explain import explain_lines
from assessor.scoring.gap import GapReport, gap_to_next_grade
from assessor.scoring.output import display, number, result_to_json

__all__ = [
    "CNode",
    "CompiledSet",
    "Formula",
    "FormulaError",
    "GapReport",
    "assign_ranks",
    "compile_checked",
    "compile_set",
    "display",
    "explain_lines",
    "gap_to_next_grade",
    "merge_assessments",
    "number",
    "parse_formula",
    "rescore_leaf",
    "result_to_json",
    "score",
]
