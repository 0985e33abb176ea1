"""One ranking report or bulletin over a campaign's several kinds of unit.

Each kind's context is built by `ranking_context` / `bulletin_context` from its own set and
results (ranked among its own units); this only puts them side by side: the templates show
one ranking table (and one of each chart) per kind, headed by the kind's label. A campaign of
one kind gets `kinds` with one unlabelled part, and its report reads as before.
"""

from __future__ import annotations

from typing import Any


def combine(parts: list[tuple[str | None, dict[str, Any]]], title: str | None) -> dict[str, Any]:
    """The first kind's context, plus `kinds` (each kind's context and `label`), the units
    of every kind counted, and the sets named together. `title` is used when several kinds
    share the report and neither the workspace nor the command line gave one."""
    first = {k: v for k, v in parts[0][1].items() if k != "kinds"}
    kinds = [
        {**{k: v for k, v in ctx.items() if k != "kinds"}, "label": label} for label, ctx in parts
    ]
    out = {**first, "kinds": kinds}
    if len(parts) == 1:
        return out
    out["count"] = sum(int(k["count"]) for k in kinds)
    names = list(dict.fromkeys(str(k["set"]["name"]) for k in kinds))
    versions = list(dict.fromkeys(str(k["set"].get("version") or "") for k in kinds))
    out["set"] = {**first["set"], "name": "、".join(names), "version": "、".join(versions)}
    if not out["meta"].get("title") and title:
        out["meta"] = {**out["meta"], "title": title}
    return out
