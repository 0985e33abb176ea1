"""The words the engine explains its arithmetic with: an adapter over the catalogue
(assessor.text.words.engine, ``engine.*``).

An evaluator reads "等级 4（4星）→ 得分率 0.8" in a Chinese report and a Chinese terminal, not
"level 4 (4星) → 0.8". English is the default of `str()` so logs, JSON and tests keep one stable
wording.
"""

from __future__ import annotations

from functools import cache

from assessor.text.catalogue import has, lang_of, say, table

Phrases = dict[str, str]


@cache
def phrases(lang: str) -> Phrases:
    """The phrasebook of `lang` (``engine.*`` entries, plus its code under "lang"); English for a
    language we do not speak."""
    code = "en" if lang_of(lang) != lang else lang
    return {**table("engine", code), "lang": code}


EN = phrases("en")
ZH = phrases("zh")


def method_name(method: str, lang: str) -> str:
    """A scoring method as the reader calls it (``engine.method.*``); the YAML keyword in English."""
    key = f"engine.method.{method}"
    return say(key, lang) if has(key) else method
