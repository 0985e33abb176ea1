"""The loader's messages (``load.<key>``): what an evaluator is told about a YAML file, an entries file or a value that is not what the set allows."""

from __future__ import annotations

from collections.abc import Mapping

WORDS: dict[str, Mapping[str, str]] = {}
