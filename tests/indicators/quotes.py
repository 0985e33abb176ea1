"""Read the bundled sets' `source` keys and the source texts in docs/sources/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.indicators.common import ROOT

SOURCES = ROOT / "docs" / "sources"
_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"…+|\.\.\.")


def squeeze(text: str) -> str:
    """Text without whitespace (the source files break lines and pad numbers with spaces)."""
    return _SPACE.sub("", text)


def quote_found(quote: str, text: str) -> bool:
    """The quote's parts, split at '…', occur in the text in order."""
    body = squeeze(text)
    pos = 0
    for part in (squeeze(p) for p in _ELLIPSIS.split(quote)):
        if not part:
            continue
        at = body.find(part, pos)
        if at < 0:
            return False
        pos = at + len(part)
    return True


def refs(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def iter_sources(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, source ref) for every `source` mapping on nodes, bands, grades and added nodes."""

    def nodes(items: list[Any], where: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for n in items or []:
            nid = n.get("id", "?")
            for r in refs(n.get("source")):
                yield f"{where}{nid}", r
            for i, b in enumerate(n.get("bands") or []):
                for r in refs(b.get("source")):
                    yield f"{where}{nid}.bands[{i}]", r
            yield from nodes(n.get("children") or [], where)

    yield from nodes(data.get("tree") or [], "")
    for add in data.get("add") or []:
        yield from nodes([add["node"]], "add:")
    for nid, fields in (data.get("override") or {}).items():
        for r in refs(fields.get("source")):
            yield f"override:{nid}", r
    for g in (data.get("rating") or {}).get("grades") or []:
        for r in refs(g.get("source")):
            yield f"grade {g['key']}", r


def local_doc(doc: str) -> Path | None:
    path = SOURCES / doc
    return path if "/" not in doc and path.suffix == ".txt" else None
