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

import os
import string
from collections.abc import Mapping
from functools import cache
from importlib import import_module
from types import MappingProxyType
from typing import Final

from assessor.errors import Said, in_language

LANGS: Final = ("zh", "en")  # every entry has each of these
DEFAULT_LANG: Final = "zh"

Entry = Mapping[str, str]


#: The areas with words of their own (assessor/text/words/<area>.py, keys ``<area>.…``);
#: words/common.py holds the shared ones under their own keys.
AREAS: Final = ("tui", "engine", "report", "source", "criteria", "store", "cli", "lint", "load",
                "exchange")  # fmt: skip


@cache
def _catalogue() -> Mapping[str, Entry]:
    """Every entry, read on the first lookup: `assessor --help` and a replayed command print
    none, and the thousand entries cost a command ≈ 40 ms to import."""
    found: dict[str, Entry] = dict(_words("common"))
    for area in AREAS:
        for key, entry in _words(area).items():
            full = f"{area}.{key}"
            if full in found:
                raise ValueError(f"message {full} is defined twice")
            found[full] = entry
    return MappingProxyType(found)


def _words(area: str) -> Mapping[str, Entry]:
    words: Mapping[str, Entry] = import_module(f"assessor.text.words.{area}").WORDS
    return words


def __getattr__(name: str) -> Mapping[str, Entry]:
    """`CATALOGUE`: every entry by key (built on first use)."""
    if name == "CATALOGUE":
        return _catalogue()
    raise AttributeError(name)


def lang_of(lang: str | None) -> str:
    """A language the catalogue speaks: `lang` itself, else English for any other given code
    (a reader who asked for, say, fr reads English sooner than Chinese), else the default."""
    if lang in LANGS:
        return lang
    return "en" if lang else DEFAULT_LANG


def has(key: str) -> bool:
    return key in _catalogue()


def say(key: str, lang: str | None = DEFAULT_LANG, /, **fields: object) -> str:
    """The message `key` in `lang`, with its {placeholders} filled from `fields`.

    An unknown key is a programming error (KeyError), never shown as the key: every message a
    reader meets is in the catalogue.
    """
    code = lang_of(lang)
    text = _catalogue()[key][code]
    if not fields:
        return text
    # A field that knows its languages (a `Said`, a rule) is filled in this message's language.
    return text.format(**{name: _in(value, code) for name, value in fields.items()})


def _in(value: object, lang: str) -> object:
    return in_language(value, lang) if callable(getattr(value, "text", None)) else value


def say_count(key: str, count: int, lang: str | None = DEFAULT_LANG, /, **fields: object) -> str:
    """A message about `count` things: ``key.one`` for one, else ``key.other`` (the plural
    categories of CLDR; Chinese says both alike), with {count} filled in."""
    form = "one" if count == 1 else "other"
    return say(f"{key}.{form}", lang, count=count, **fields)


def reader_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language of the person at the terminal, for the command line's messages:
    ``ASSESSOR_LANG`` when set, else the locale as gettext reads it (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG): Chinese for any zh locale (zh_CN.UTF-8, zh_TW …), English otherwise."""
    env = os.environ if environ is None else environ
    own = env.get("ASSESSOR_LANG", "").strip().lower()
    if own:
        return lang_of(own.split("_")[0].split(".")[0])
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            first = value.split(":")[0].lower()
            return "zh" if first.startswith("zh") else "en"
    return "en"


def table(prefix: str, lang: str | None = DEFAULT_LANG) -> dict[str, str]:
    """Every message under ``prefix.`` as {rest of key: text}: the words for a set of codes, e.g.
    ``table("status", "zh")`` → {"scored": "已评分", "unscored": "未填报", …}."""
    return dict(_table(prefix, lang_of(lang)))


@cache
def _table(prefix: str, code: str) -> Mapping[str, str]:
    """`table`'s words, found once per prefix and language: reports and screens ask for the
    same few tables hundreds of times, and each search reads the thousand entries."""
    head = prefix + "."
    found = {k[len(head) :]: e[code] for k, e in _catalogue().items() if k.startswith(head)}
    return MappingProxyType(found)


def placeholders(text: str) -> set[str]:
    """The {names} a message fills in (what every language's text must agree on)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def stars_name(stars: int, lang: str | None = DEFAULT_LANG) -> str:
    """A star grade by its number: 3 → 三星级 / 3 stars (``stars.<n>``)."""
    key = f"stars.{stars}"
    if has(key):
        return say(key, lang)
    return f"{stars} stars" if lang_of(lang) == "en" else f"{stars}星级"


def code_word(prefix: str, code: str, lang: str | None = DEFAULT_LANG) -> str:
    """The word for a code of a known set (``kind``, ``status``, ``light`` …): ``kind.bonus`` →
    加分项 / bonus; a code the catalogue does not know stays as written (a set's own value)."""
    key = f"{prefix}.{code}"
    return say(key, lang) if key in _catalogue() else code


def said(key: str, /, **fields: object) -> Said:
    """The message `key` in English that also knows its Chinese (`assessor.errors.Said`): for
    words made before anyone knows who reads them (an engine's result, an error)."""
    return Said(say(key, "en", **fields), say(key, "zh", **fields))


def said_count(key: str, count: int, /, **fields: object) -> Said:
    """`said` for a message about `count` things (see `say_count`)."""
    return Said(say_count(key, count, "en", **fields), say_count(key, count, "zh", **fields))
