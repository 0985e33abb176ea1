"""Unit kinds of a campaign (区县, 市级部门, 乡镇 …): which set scores which units.

Each kind is scored with its own set and ranked among its own units only. A workspace without
`kinds` has one kind, `county`, scored with the first of `sets`, so workspaces made before
kinds existed mean exactly what they meant. Mistakes are reported with the file and line where
they were written (read again only when something is wrong, so a good campaign costs nothing).
"""

from __future__ import annotations

from pathlib import Path

from assessor.errors import AssessorError, Problem
from assessor.model.entries import Region
from assessor.store.config import WORKSPACE_FILE, UnitKind, WorkspaceConfig, resolve_set
from assessor.store.errors import listed
from assessor.text.catalogue import said

DEFAULT_KIND = "county"
DEFAULT_KIND_LABEL = "区、县（市）"


def campaign_kinds(config: WorkspaceConfig) -> list[UnitKind]:
    """The kinds of a campaign in the order written; absent `kinds`: one kind `county`."""
    if config.kinds:
        return list(config.kinds)
    if config.sets[0]:  # valid as it stands: built without building UnitKind's schema for it
        return [
            UnitKind.model_construct(key=DEFAULT_KIND, label=DEFAULT_KIND_LABEL, set=config.sets[0])
        ]
    return [UnitKind(key=DEFAULT_KIND, label=DEFAULT_KIND_LABEL, set=config.sets[0])]


def _located(path: Path) -> object | None:
    from assessor.loader.located import read_mapping

    try:
        return read_mapping(path, "a workspace file")
    except AssessorError:
        return None


def _kind_mark(folder: Path, index: int, key: str) -> tuple[int | None, int | None]:
    """(line, column) of `kinds[index].<key>` in workspace.yaml, if it can be found."""
    from assessor.loader.located import LocDict, LocList

    raw = _located(folder / WORKSPACE_FILE)
    if not isinstance(raw, LocDict) or not isinstance(raw.get("kinds"), LocList):
        return None, None
    items = raw["kinds"]
    if index >= len(items):
        m = items.mark
    elif isinstance(items[index], LocDict):
        m = items[index].value_mark(key)
    else:
        m = items.item_mark(index)
    return m.line, m.column


def kind_problem(folder: Path, index: int, key: str, message: str) -> Problem:
    """A problem with `kinds[index].<key>`, located in workspace.yaml."""
    line, column = _kind_mark(folder, index, key)
    return Problem(
        message,
        file=str(folder / WORKSPACE_FILE),
        line=line,
        column=column,
        key=f"kinds[{index}].{key}",
    )


def check_kinds(folder: Path, config: WorkspaceConfig) -> None:
    """An empty `kinds` list or a key written twice is an error naming the line."""
    if config.kinds is None:
        return
    if not config.kinds:
        raise AssessorError(
            Problem(
                said("store.kinds_empty", kind=DEFAULT_KIND),
                file=str(folder / WORKSPACE_FILE),
                key="kinds",
            )
        )
    seen: dict[str, int] = {}
    problems = []
    for i, k in enumerate(config.kinds):
        if k.key in seen:
            problems.append(
                kind_problem(
                    folder, i, "key",
                    said("store.kind_declared_twice", kind=repr(k.key), index=seen[k.key]),
                )
            )  # fmt: skip
        seen.setdefault(k.key, i)
    if problems:
        raise AssessorError(problems)


def kind_set_paths(folder: Path, kinds: list[UnitKind], declared: bool) -> dict[str, Path]:
    """Each kind's set file (the file must exist; it is loaded when first needed)."""
    paths: dict[str, Path] = {}
    problems: list[Problem] = []
    for i, k in enumerate(kinds):
        try:
            paths[k.key] = resolve_set(folder, k.set)
        except AssessorError as exc:
            if not declared:
                raise
            problems += [
                kind_problem(
                    folder,
                    i,
                    "set",
                    said("store.kind_says", kind=k.key, label=k.label, message=p.message),
                )
                for p in exc.problems
            ]
    if problems:
        raise AssessorError(problems)
    return paths


def check_unit_kinds(regions_path: Path, regions: list[Region], kinds: list[UnitKind]) -> None:
    """Every unit's `kind` must be a declared kind; the message names the line and the kinds."""
    keys = [k.key for k in kinds]
    bad = [r for r in regions if r.kind is not None and r.kind not in keys]
    if not bad:
        return
    allowed = listed(
        [f"{k.key} ({k.label})" for k in kinds], [f"{k.key}（{k.label}）" for k in kinds]
    )
    lines = _unit_lines(regions_path)
    raise AssessorError(
        [
            Problem(
                said(
                    "store.unit_kind_unknown",
                    unit=r.id,
                    name=r.name,
                    kind=repr(r.kind),
                    allowed=allowed,
                    file=WORKSPACE_FILE,
                ),
                file=str(regions_path),
                line=lines.get(r.id, (None, None))[0],
                column=lines.get(r.id, (None, None))[1],
                key="kind",
            )
            for r in bad
        ]
    )


def _unit_lines(path: Path) -> dict[str, tuple[int | None, int | None]]:
    """Where each unit's `kind` value was written in regions.yaml."""
    from assessor.loader.located import LocDict, LocList, read_mapping

    raw = read_mapping(path, "a regions file")
    items = raw.get("regions")
    found: dict[str, tuple[int | None, int | None]] = {}
    if not isinstance(items, LocList):
        return found
    for item in items:
        if isinstance(item, LocDict) and "id" in item:
            m = item.value_mark("kind")
            found[str(item["id"])] = (m.line, m.column)
    return found


def kind_load_problem(
    folder: Path, kinds: list[UnitKind], key: str, exc: AssessorError
) -> AssessorError:
    """A kind's set that does not load: its own problems, then where the kind names it."""
    index = next(i for i, k in enumerate(kinds) if k.key == key)
    kind = kinds[index]
    where = (
        kind_problem(
            folder,
            index,
            "set",
            said("store.kind_set_fails", kind=key, label=kind.label, set=repr(kind.set)),
        )
        if folder is not None and (folder / WORKSPACE_FILE).is_file()
        else Problem(said("store.kind_set_fails_plain", kind=key, set=repr(kind.set)))
    )
    return AssessorError([*exc.problems, where])
