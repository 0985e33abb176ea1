"""YAML → models with located errors: indicator sets, entries, lint rules, JSON Schema."""

from assessor.loader.entries import load_entries
from assessor.loader.entry_values import EntryValueError, normalize_entry
from assessor.loader.lint import lint_paths, lint_set
from assessor.loader.located import LocDict, LocList, Mark, parse_yaml, read_mapping
from assessor.loader.sets import load_set, load_set_located

__all__ = [
    "EntryValueError",
    "LocDict",
    "LocList",
    "Mark",
    "lint_paths",
    "lint_set",
    "load_entries",
    "load_set",
    "load_set_located",
    "normalize_entry",
    "parse_yaml",
    "read_mapping",
]
