"""The lint rules' and the indicator-set model's messages (``lint.<key>``): what `assessor lint` and a set that does not load say, file:line first."""

from __future__ import annotations

from collections.abc import Mapping

WORDS: dict[str, Mapping[str, str]] = {}
