"""The catalogue's entries, one module per area (see assessor.text.catalogue)."""

from __future__ import annotations

from collections.abc import Mapping


def w(zh: str, en: str, **others: str) -> Mapping[str, str]:
    """One message in each language: Chinese, English, and any language added later by code."""
    return {"zh": zh, "en": en, **others}
