"""Pinyin matching for people who type Latin letters to find Chinese names: an id, a piece of
the name, its pinyin initials (`zhwl` → 智慧文旅服务) or its full pinyin. No Textual here."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass


@functools.cache
def initials(text: str) -> str:
    """`东昌府区` → `dcfq`; remembered (home's filter asks for every region per keystroke)."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).lower()


@dataclass(frozen=True, slots=True)
class Searchable:
    id: str
    name: str
    initials: str
    spelled: str


def searchables(items: list[tuple[str, str]]) -> list[Searchable]:
    """Pinyin of every name, once per set (~0.1 ms a name)."""
    from pypinyin import lazy_pinyin

    return [
        Searchable(nid, name, initials(name), "".join(lazy_pinyin(name)).lower())
        for nid, name in items
    ]


def matches(items: list[Searchable], query: str, limit: int = 50) -> list[Searchable]:
    """Exact ids first, then ids, names and initials that start with the query, then any
    that contain it."""
    q = unicodedata.normalize("NFKC", query).strip().lower()
    if not q:
        return items[:limit]
    ranked: list[tuple[int, int, Searchable]] = []
    for i, it in enumerate(items):
        fields = (it.id.lower(), it.name.lower(), it.initials, it.spelled)
        if fields[0] == q:
            rank = 0
        elif any(f.startswith(q) for f in fields):
            rank = 1
        elif any(q in f for f in fields):
            rank = 2
        else:
            continue
        ranked.append((rank, i, it))
    ranked.sort(key=lambda x: (x[0], x[1]))
    return [it for _, _, it in ranked[:limit]]
