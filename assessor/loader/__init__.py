"""YAML → models with located errors: indicator sets, entries, lint rules, JSON Schema."""

from assessor.loader.located import LocDict, LocList, Mark, parse_yaml, read_mapping
from assessor.loader.sets import load_set, load_set_located

__all__ = [
    "LocDict",
    "LocList",
    "Mark",
    "load_set",
    "load_set_located",
    "parse_yaml",
    "read_mapping",
]
