"""Loading indicator sets: YAML → `IndicatorSet`, with `extends` resolved and located errors.

`extends` is applied to the located data *before* validation, so that an error in an inherited
node still points at the parent file and an error in an override points at the child file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from assessor.errors import AssessorError, Problem
from assessor.loader.located import LocDict, LocList, Mark, clone, read_mapping
from assessor.loader.messages import field_keys, listing, problems_from_validation, words_of
from assessor.model.indicator_set import (
    BandsLeaf,
    CheckLeaf,
    ChoiceLeaf,
    CountLeaf,
    IndicatorSet,
    InnerNode,
    LevelLeaf,
    LinearLeaf,
    MinmaxLeaf,
    PointsLeaf,
    RankLeaf,
    RatioLeaf,
    SlopeLeaf,
)
from assessor.text.catalogue import said

NODE_CLASSES: dict[str, type[BaseModel]] = {
    "inner": InnerNode,
    "level": LevelLeaf,
    "choice": ChoiceLeaf,
    "check": CheckLeaf,
    "ratio": RatioLeaf,
    "bands": BandsLeaf,
    "linear": LinearLeaf,
    "slope": SlopeLeaf,
    "count": CountLeaf,
    "points": PointsLeaf,
    "rank": RankLeaf,
    "minmax": MinmaxLeaf,
}
EXTENDS_KEYS = ("extends", "override", "remove", "add")
_ID_LINE = re.compile(r"""^id:\s*["']?([^"'#\s]+)["']?\s*(#.*)?$""", re.MULTILINE)


@dataclass
class RawNode:
    """A node of the located data, with the list it sits in (for remove / add after)."""

    node: LocDict
    siblings: LocList
    parent: LocDict | None


def iter_raw_nodes(tree: Any, parent: LocDict | None = None) -> Iterator[RawNode]:
    """Every node dict of a located tree, parents before children."""
    if not isinstance(tree, LocList):
        return
    for item in tree:
        if isinstance(item, LocDict):
            yield RawNode(item, tree, parent)
            yield from iter_raw_nodes(item.get("children"), item)


def raw_node_index(raw: LocDict) -> dict[str, RawNode]:
    """The first node with each id (duplicates are reported separately)."""
    out: dict[str, RawNode] = {}
    for rn in iter_raw_nodes(raw.get("tree")):
        nid = rn.node.get("id")
        if isinstance(nid, str | int) and str(nid) not in out:
            out[str(nid)] = rn
    return out


def node_tag(node: Mapping[str, Any]) -> str:
    method = node.get("method")
    return "inner" if method is None else str(method)


# --------------------------------------------------------------------------- finding parents


def _declared_id(path: Path) -> str | None:
    try:
        head = path.read_text(encoding="utf-8-sig", errors="replace")[:20000]
    except OSError:
        return None
    m = _ID_LINE.search(head)
    return m.group(1) if m else None


def find_parent(child: Path, ref: str, known: Mapping[str, Path] | None = None) -> Path | None:
    """Where `extends: ref` points: a relative path, `<id>.yaml` next to the child, a known
    set given alongside, or a sibling file declaring that id."""
    folder = child.parent
    if "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml")):
        candidate = folder / ref
        return candidate if candidate.is_file() else None
    for name in (f"{ref}.yaml", f"{ref}.yml"):
        if (folder / name).is_file():
            return folder / name
    if known and ref in known:
        return Path(known[ref])
    try:
        siblings = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
    except OSError:
        return None
    for p in siblings:
        if p.resolve() != child.resolve() and _declared_id(p) == ref:
            return p
    return None


def _within(path: Path, folder: Path) -> bool:
    """Whether `path` (resolved) is inside `folder` (resolved)."""
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))


# --------------------------------------------------------------------------- extends


def resolve_raw(
    path: Path, known: Mapping[str, Path] | None = None, chain: tuple[Path, ...] = ()
) -> LocDict:
    """The located data of a set with `extends` applied (recursively)."""
    data = read_mapping(path)
    name = str(path)
    ref = data.get("extends")
    if ref is None:
        stray = [k for k in ("override", "remove", "add") if k in data]
        if stray:
            raise AssessorError(
                [
                    data.key_mark(k).problem(
                        said("load.extends.stray", key=k), key=k, code="extends"
                    )
                    for k in stray
                ]
            )
        data.drop("extends")
        return data
    where = data.value_mark("extends")
    if not isinstance(ref, str | int) or isinstance(ref, bool):
        raise AssessorError(where.problem(said("load.extends.what"), "extends", code="extends"))
    ref = str(ref)
    parent_path = find_parent(path, ref, known)
    if parent_path is None:
        looked = path.parent / (ref if _looks_like_path(ref) else f"{ref}.yaml")
        raise AssessorError(
            where.problem(
                said(
                    "load.extends.missing_path"
                    if _looks_like_path(ref)
                    else "load.extends.missing",
                    ref=repr(ref),
                    file=name,
                    looked=looked,
                ),
                "extends",
                code="extends-missing",
            )
        )
    here = path.resolve()
    there = parent_path.resolve()
    named = known is not None and any(Path(k).resolve() == there for k in known.values())
    if not named and not _within(there, path.resolve().parent):
        raise AssessorError(
            where.problem(
                said("load.extends.outside", ref=repr(ref), file=name, folder=path.parent),
                "extends",
                code="extends-outside",
            )
        )
    if there in (*chain, here):
        cycle = [*chain, here, there]
        start = cycle.index(there)
        names = " → ".join(str(p) for p in cycle[start:])
        raise AssessorError(
            where.problem(
                said("load.extends.cycle", names=names, file=name, parent=parent_path),
                "extends",
                code="extends-cycle",
            )
        )
    parent = resolve_raw(parent_path, known, (*chain, here))
    problems: list[Problem] = []
    parent_id = parent.get("id")
    if not _looks_like_path(ref) and parent_id is not None and str(parent_id) != ref:
        problems.append(
            where.problem(
                said(
                    "load.extends.other_id", parent=parent_path, id=repr(parent_id), ref=repr(ref)
                ),
                "extends",
                code="extends-missing",
            )
        )
    if "id" not in data:
        problems.append(
            data.mark.problem(said("load.extends.own_id", ref=repr(ref)), "id", code="extends")
        )
    merged: LocDict = clone(parent)
    for key, value in data.items():
        if key in EXTENDS_KEYS:
            continue
        merged.put(key, value, data.key_mark(key), data.value_mark(key))
    for key in EXTENDS_KEYS:
        merged.drop(key)
    ctx = _Ctx(child=name, parent=str(parent_path), parent_id=str(parent_id), problems=problems)
    tree = merged.get("tree")
    if not isinstance(tree, LocList):
        if "override" in data or "remove" in data or "add" in data:
            problems.append(merged.key_mark("tree").problem(said("load.extends.tree_list"), "tree"))
    else:
        if "override" in data:
            _apply_override(merged, data["override"], data.value_mark("override"), ctx)
        if "remove" in data:
            _apply_remove(merged, data["remove"], data.value_mark("remove"), ctx)
        if "add" in data:
            _apply_add(merged, data["add"], data.value_mark("add"), ctx)
    if problems:
        raise AssessorError(problems)
    return merged


@dataclass
class _Ctx:
    child: str
    parent: str
    parent_id: str
    problems: list[Problem]

    def unknown(self, mark: Mark, what: str, node_id: Any, index: Mapping[str, RawNode]) -> None:
        import difflib

        close = difflib.get_close_matches(str(node_id), list(index), n=3, cutoff=0.6)
        hint = said("load.did_you_mean_any", names=listing(close)) if close else ""
        self.problems.append(
            mark.problem(
                said(
                    "load.extends.unknown_node",
                    label=said("load.label", key=what),
                    node=repr(str(node_id)),
                    child=self.child,
                    parent_id=repr(self.parent_id),
                    parent=self.parent,
                    hint=hint,
                ),
                what,
                code="extends-unknown-id",
            )
        )


def _apply_override(merged: LocDict, override: Any, mark: Mark, ctx: _Ctx) -> None:
    if not isinstance(override, LocDict):
        ctx.problems.append(
            mark.problem(
                said("load.extends.override_mapping", label=said("load.label", key="override")),
                "override",
                code="extends",
            )
        )
        return
    index = raw_node_index(merged)
    for node_id, fields in override.items():
        kmark = override.key_mark(node_id)
        if node_id not in index:
            ctx.unknown(kmark, "override", node_id, index)
            continue
        if not isinstance(fields, LocDict):
            ctx.problems.append(
                kmark.problem(
                    said(
                        "load.extends.override_keys",
                        label=said("load.label", key=f"override.{node_id}"),
                    ),
                    f"override.{node_id}",
                    code="extends",
                )
            )
            continue
        if "id" in fields:
            ctx.problems.append(
                fields.key_mark("id").problem(
                    said("load.extends.override_id"),
                    f"override.{node_id}.id",
                    code="extends",
                )
            )
            continue
        node = index[node_id].node
        old_tag = node_tag(node)
        after = dict(node)
        after.update(fields)
        if "children" in fields and "method" not in fields:
            after.pop("method", None)
        if "method" in fields and fields["method"] is not None and "children" not in fields:
            after.pop("children", None)
        new_tag = node_tag(after)
        if new_tag != old_tag:
            cls = NODE_CLASSES.get(new_tag)
            keep = set(field_keys(cls)) if cls else set()
            for key in list(node):
                if key not in keep and key not in fields:
                    node.drop(key)
        if "points" in fields:
            node.drop("share")
        if "share" in fields:
            node.drop("points")
        for key, value in fields.items():
            if value is None:
                node.drop(key)
            else:
                node.put(key, clone(value), fields.key_mark(key), fields.value_mark(key))


def _apply_remove(merged: LocDict, remove: Any, mark: Mark, ctx: _Ctx) -> None:
    items = remove if isinstance(remove, LocList) else None
    if items is None:
        ctx.problems.append(
            mark.problem(
                said("load.extends.remove_list", label=said("load.label", key="remove")),
                "remove",
                code="extends",
            )
        )
        return
    for i, node_id in enumerate(items):
        index = raw_node_index(merged)
        imark = items.item_mark(i)
        key = str(node_id)
        if key not in index:
            ctx.unknown(imark, "remove", node_id, index)
            continue
        rn = index[key]
        for j, sibling in enumerate(rn.siblings):
            if sibling is rn.node:
                rn.siblings.pop_at(j)
                break


def _apply_add(merged: LocDict, add: Any, mark: Mark, ctx: _Ctx) -> None:
    if not isinstance(add, LocList):
        ctx.problems.append(
            mark.problem(
                said("load.extends.add_list", label=said("load.label", key="add")),
                "add",
                code="extends",
            )
        )
        return
    tree = merged["tree"]
    for i, item in enumerate(add):
        imark = add.item_mark(i)
        key = f"add[{i}]"
        if not isinstance(item, LocDict) or not isinstance(item.get("node"), LocDict):
            ctx.problems.append(
                imark.problem(
                    said(
                        "load.extends.add_item",
                        shape="{under: node-id, node: {id: …, name: …}, after: sibling-id}",
                    ),
                    key,
                    code="extends",
                )
            )
            continue
        extra = [k for k in item if k not in ("under", "node", "after")]
        for k in extra:
            ctx.problems.append(
                item.key_mark(k).problem(
                    said(
                        "load.unknown_key",
                        key=k,
                        hint="",
                        allowed=listing(("under", "node", "after")),
                    ),
                    f"{key}.{k}",
                    code="schema",
                )
            )
        index = raw_node_index(merged)
        under = item.get("under")
        target: LocList = tree
        if under is not None:
            rn = index.get(str(under))
            if rn is None:
                ctx.unknown(item.value_mark("under"), "add.under", under, index)
                continue
            children = rn.node.get("children")
            if not isinstance(children, LocList):
                ctx.problems.append(
                    item.value_mark("under").problem(
                        said(
                            "load.extends.under_leaf",
                            label=said("load.label", key="add.under"),
                            under=repr(under),
                        ),
                        f"{key}.under",
                        code="extends",
                    )
                )
                continue
            target = children
        position = len(target)
        after = item.get("after")
        if after is not None:
            ids = [str(n.get("id")) if isinstance(n, dict) else None for n in target]
            if str(after) not in ids:
                where = (
                    said("load.extends.under", under=repr(under))
                    if under is not None
                    else said("load.extends.top_level")
                )
                siblings = [i for i in ids if i]
                ctx.problems.append(
                    item.value_mark("after").problem(
                        said(
                            "load.extends.after",
                            label=said("load.label", key="add.after"),
                            after=repr(str(after)),
                            where=where,
                            siblings=listing(siblings) if siblings else said("load.tasks.none"),
                        ),
                        f"{key}.after",
                        code="extends-unknown-id",
                    )
                )
                continue
            position = ids.index(str(after)) + 1
        target.insert_at(position, clone(item["node"]), item.value_mark("node"))


# --------------------------------------------------------------------------- loading


def duplicate_id_problems(raw: LocDict) -> list[Problem]:
    """Ids must be unique in a set (after extends); name both places."""
    seen: dict[str, Mark] = {}
    out: list[Problem] = []
    for rn in iter_raw_nodes(raw.get("tree")):
        nid = rn.node.get("id")
        if not isinstance(nid, str | int) or isinstance(nid, bool):
            continue
        nid = str(nid)
        here = rn.node.key_mark("id") if "id" in rn.node else rn.node.mark
        if nid in seen:
            first = seen[nid]
            out.append(
                here.problem(
                    said("load.duplicate_id", id=repr(nid), at=f"{first.file}:{first.line}"),
                    nid,
                    code="duplicate-id",
                )
            )
        else:
            seen[nid] = here
    return out


def formula_problems(indicator_set: IndicatorSet, raw: LocDict, file: str) -> list[Problem]:
    """Every formula parsed once, when the set is loaded: one that does not parse (or is too
    long or too deep) is a located error here, never a traceback in `score` or `explain`."""
    from assessor.model.formula import FormulaError, parse_formula
    from assessor.model.indicator_set import NumericLeaf, walk

    index = raw_node_index(raw)
    out: list[Problem] = []
    for node in walk(list(indicator_set.tree)):
        if not isinstance(node, NumericLeaf) or node.value is None:
            continue
        try:
            parse_formula(node.value)
        except FormulaError as exc:
            rn = index.get(node.id)
            mark = (
                rn.node.value_mark("value") if rn is not None and "value" in rn.node else raw.mark
            )
            out.append(
                mark.problem(
                    said(
                        "load.formula_at",
                        what=said("load.indicator", id=node.id, name=node.name),
                        message=words_of(exc),
                    ),
                    f"{node.id}.value",
                    code="formula-syntax",
                )
            )
    return out


def load_set_located(
    path: Path | str, known: Mapping[str, Path] | None = None
) -> tuple[IndicatorSet, LocDict]:
    """The validated set and the located data it came from (for lint messages); an unchanged
    self-contained set comes from the cache (loader/cache.py) without validating it again."""
    from assessor.loader.cache import cached_set

    return cached_set(Path(path), lambda: _load_set_located(path, known))


def _load_set_located(
    path: Path | str, known: Mapping[str, Path] | None = None
) -> tuple[IndicatorSet, LocDict]:
    raw = resolve_raw(Path(path), known)
    problems: list[Problem] = []
    indicator_set: IndicatorSet | None = None
    try:
        indicator_set = IndicatorSet.model_validate(raw)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, raw, IndicatorSet, file=str(path)))
    except (RecursionError, ValueError, TypeError) as exc:  # pragma: no cover - defensive
        problems.append(
            Problem(
                said("load.cannot_read_set", reason=words_of(exc)), file=str(path), code="schema"
            )
        )
    problems.extend(duplicate_id_problems(raw))
    if indicator_set is not None:
        problems.extend(formula_problems(indicator_set, raw, str(path)))
    if problems or indicator_set is None:
        problems.sort(key=lambda p: (p.file or "", p.line or 0, p.column or 0))
        raise AssessorError(problems)
    return indicator_set, raw


def load_set(path: Path | str, *, known: Mapping[str, Path] | None = None) -> IndicatorSet:
    """Load an indicator set file; every mistake becomes a located Problem in AssessorError.

    `known` maps set ids to files, for `extends` ids that are not `<id>.yaml` next to `path`.
    """
    return load_set_located(path, known)[0]
