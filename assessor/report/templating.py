"""The Jinja environment of the reports: autoescaped, strict, with Chinese numbering filters.

Autoescaping is always on, whatever a template's extension: names, comments and evidence come
from evaluators and must show as text (``<img src=…>`` prints as those characters). Templates
come from the user's ``--template-dir`` first, then the bundled ``templates/`` folder, so a
user may override one file (say ``county.html`` or ``report.css``) and keep the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

from assessor.resources import bundled

#: The bundled templates: the repository's top-level ``templates/`` folder (or an install's).
DEFAULT_TEMPLATE_DIR = bundled("templates")

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (section numbers)."""
    if n < 0:
        return "负" + cn_number(-n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return _DIGITS[hundreds] + "百"
        sep = "零" if rest < 10 else ""
        tail = cn_number(rest) if rest >= 20 or rest < 10 else "一" + cn_number(rest)
        return _DIGITS[hundreds] + "百" + sep + tail
    return str(n)


def cn_h1(n: int) -> str:
    """Level-one heading number of official documents: 一、"""
    return f"{cn_number(n)}、"


def cn_h2(n: int) -> str:
    """Level-two heading number: （一）"""
    return f"（{cn_number(n)}）"


def template_dirs(override: Path | None) -> list[Path]:
    """Where templates are looked up, override first."""
    dirs = [Path(override).resolve()] if override else []
    dirs.append(DEFAULT_TEMPLATE_DIR)
    return dirs


def make_environment(dirs: Sequence[Path]) -> jinja2.Environment:
    """A strict, autoescaping environment over `dirs` (first match wins)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cn_number"] = cn_number
    env.filters["cn_h1"] = cn_h1
    env.filters["cn_h2"] = cn_h2
    return env
