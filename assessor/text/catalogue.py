"""The tool's own words, in every language it speaks, looked up one way: `say(key, lang, **fields)`.

Why a Python module and not gettext/Babel: the messages are short labels and sentences keyed by
meaning (``tui.quit``, ``status.unscored``), not English source strings; each entry keeps its
Chinese and English side by side where a reviewer reads both at once; there is no extraction or
compile step (.po → .mo) to forget, no runtime dependency, and mypy, ruff and one test
(tests/text/test_catalogue.py) check every entry in every language with its {placeholders}.
Adding a language is adding one keyword to each `w(...)` entry, which that test then demands.

The entries live in `assessor.text.words.<area>` (tui, engine, report, …), each a dict of
key → `w(zh, en)`; keys are prefixed with the area's name here, so ``quit`` in words/tui.py is
``tui.quit``. Words shared by every area (status, lights) live in words/common.py unprefixed.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from assessor.text.words import common, engine, tui

LANGS: Final = ("zh", "en")  # every entry has each of these
DEFAULT_LANG: Final = "zh"

Entry = Mapping[str, str]


def _build() -> dict[str, Entry]:
    found: dict[str, Entry] = dict(common.WORDS)
    for area, module in (("tui", tui), ("engine", engine)):
        for key, entry in module.WORDS.items():
            full = f"{area}.{key}"
            if full in found:
                raise ValueError(f"message {full} is defined twice")
            found[full] = entry
    return found


CATALOGUE: Final[Mapping[str, Entry]] = MappingProxyType(_build())


def lang_of(lang: str | None) -> str:
    """A language the catalogue speaks: `lang` itself, else English for any other given code
    (a reader who asked for, say, fr reads English sooner than Chinese), else the default."""
    if lang in LANGS:
        return lang
    return "en" if lang else DEFAULT_LANG


def has(key: str) -> bool:
    return key in CATALOGUE


def say(key: str, lang: str | None = DEFAULT_LANG, /, **fields: object) -> str:
    """The message `key` in `lang`, with its {placeholders} filled from `fields`.

    An unknown key is a programming error (KeyError), never shown as the key: every message a
    reader meets is in the catalogue.
    """
    text = CATALOGUE[key][lang_of(lang)]
    return text.format(**fields) if fields else text


def table(prefix: str, lang: str | None = DEFAULT_LANG) -> dict[str, str]:
    """Every message under ``prefix.`` as {rest of key: text}: the words for a set of codes, e.g.
    ``table("status", "zh")`` → {"scored": "已评分", "unscored": "未填报", …}."""
    head = prefix + "."
    code = lang_of(lang)
    return {k[len(head) :]: e[code] for k, e in CATALOGUE.items() if k.startswith(head)}


def placeholders(text: str) -> set[str]:
    """The {names} a message fills in (what every language's text must agree on)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
