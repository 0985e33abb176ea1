"""Loading entries files (spec §2) into one `Assessment` per period.

Every value is checked against the set when it is read; all mistakes in all files are
collected and reported together, and nothing is returned if there is any.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assessor.errors import AssessorError, Problem
from assessor.loader.entry_values import EntryValueError, indicator_said, normalize_entry
from assessor.loader.located import LocDict, LocList, Mark, read_mapping
from assessor.loader.messages import listing, problems_from_validation, words_of
from assessor.model.entries import Assessment, EntriesFile, Region, RegionBlock
from assessor.model.indicator_set import AnyNode, IndicatorSet, InnerNode, walk
from assessor.model.periods import PeriodError, parse_period
from assessor.text.catalogue import said


def _entry_mark(entries: Any, leaf_id: str, sub: str | None) -> Mark:
    """Where to point for a problem with one entry (or one of its named inputs)."""
    if not isinstance(entries, LocDict):
        return entries.mark if isinstance(entries, LocList) else Mark("<input>", 1, 1)
    value = entries.get(leaf_id)
    if sub is not None and isinstance(value, LocDict) and sub in value:
        return value.key_mark(sub)
    return entries.value_mark(leaf_id)


def _period_problem(data: LocDict, file: str) -> Problem | None:
    if "period" not in data:
        return None
    raw = data["period"]
    text = str(raw) if isinstance(raw, str | int) and not isinstance(raw, bool) else None
    mark = data.value_mark("period")
    if text is None:
        return mark.problem(
            said("load.bad_period", label=said("load.label", key="period"), value=repr(raw)),
            "period",
            code="period",
        )
    try:
        parse_period(text)
    except PeriodError as exc:
        return mark.problem(words_of(exc), "period", code="period")
    return None


def _load_file(
    path: Path,
    indicator_set: IndicatorSet,
    nodes: dict[str, AnyNode],
    assessments: dict[str, Assessment],
    seen: dict[tuple[str, str, str, str], Mark],
    problems: list[Problem],
) -> None:
    name = str(path)
    try:
        data = read_mapping(path, "an entries")
    except AssessorError as exc:
        problems.extend(exc.problems)
        return
    period_problem = _period_problem(data, name)
    if period_problem is not None:
        # Reported once, in our words; a placeholder lets validation find the other mistakes.
        problems.append(period_problem)
        data.put("period", "0000", data.key_mark("period"), data.value_mark("period"))
    # The file's own keys and each region block are validated apart, so that one bad block
    # does not hide the mistakes in the others.
    head = LocDict(data.mark)
    for k, v in data.items():
        if k != "regions":
            head.put(k, v, data.key_mark(k), data.value_mark(k))
    try:
        ef = EntriesFile.model_validate(head)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, head, EntriesFile, file=name))
        return
    if ef.set != indicator_set.id:
        problems.append(
            data.value_mark("set").problem(
                said(
                    "load.set_mismatch",
                    label=said("load.label", key="set"),
                    file_set=repr(ef.set),
                    set_id=repr(indicator_set.id),
                    set_name=indicator_set.name,
                ),
                "set",
                code="set-mismatch",
            )
        )
        return
    raw_regions = data.get("regions", LocList(data.mark))
    if not isinstance(raw_regions, list):
        problems.append(
            data.value_mark("regions").problem(
                said("load.regions_list", label=said("load.label", key="regions")),
                "regions",
                code="schema",
            )
        )
        return
    evaluator = ef.evaluator if ef.evaluator else name
    period = "0000" if period_problem is not None else str(parse_period(ef.period))
    assessment = assessments.setdefault(period, Assessment(period=period))
    leaf_ids = [n.id for n in nodes.values() if not isinstance(n, InnerNode)]
    for i, raw_block in enumerate(raw_regions):
        try:
            block = RegionBlock.model_validate(raw_block)
        except ValidationError as exc:
            errs = problems_from_validation(exc, raw_block, RegionBlock, file=name)
            problems.extend(
                Problem(
                    p.message,
                    p.file,
                    p.line,
                    p.column,
                    f"regions[{i}]" + (f".{p.key}" if p.key else ""),
                    p.severity,
                    p.code,
                )
                for p in errs
            )
            continue
        raw_entries = raw_block.get("entries") if isinstance(raw_block, LocDict) else None
        region = Region(id=block.region, name=block.name, group=block.group, parent=block.parent)
        if block.region not in assessment.regions or (
            assessment.regions[block.region].name is None and block.name
        ):
            assessment.regions[block.region] = region
        for leaf_id_raw, raw in block.entries.items():
            leaf_id = str(leaf_id_raw)
            key = f"regions[{i}].entries.{leaf_id}"
            node = nodes.get(leaf_id)
            if node is None:
                close = difflib.get_close_matches(leaf_id, leaf_ids, n=3, cutoff=0.5)
                hint = said("load.did_you_mean_any", names=listing(close)) if close else ""
                where = (
                    raw_entries.key_mark(leaf_id) if isinstance(raw_entries, LocDict) else data.mark
                )
                problems.append(
                    where.problem(
                        said(
                            "load.unknown_indicator",
                            id=repr(leaf_id),
                            region=block.region,
                            set=indicator_set.id,
                            hint=hint,
                        ),
                        key,
                        code="unknown-indicator",
                    )
                )
                continue
            try:
                entry = normalize_entry(node, raw, evaluator=evaluator)
            except EntryValueError as exc:
                for sub, message in exc.items:
                    mark = _entry_mark(raw_entries, leaf_id, sub)
                    problems.append(
                        mark.problem(
                            said("load.in_region", region=block.region, message=message),
                            key if sub is None else f"{key}.{sub}",
                            code="entry",
                        )
                    )
                continue
            here = _entry_mark(raw_entries, leaf_id, None)
            dup_key = (period, block.region, leaf_id, entry.evaluator)
            first = seen.get(dup_key)
            if first is not None:
                problems.append(
                    here.problem(
                        said(
                            "load.duplicate_entry",
                            what=indicator_said(node),
                            evaluator=repr(entry.evaluator),
                            region=block.region,
                            period=period,
                            at=f"{first.file}:{first.line}",
                        ),
                        key,
                        code="duplicate-entry",
                    )
                )
                continue
            seen[dup_key] = here
            assessment.add(region, leaf_id, entry)


def load_entries(paths: Iterable[Path | str], indicator_set: IndicatorSet) -> list[Assessment]:
    """Read entries files for `indicator_set`: one Assessment per period, files merged.

    A file's `evaluator:` owns its entries (per-entry `by:` overrides it); a file without one
    is its own anonymous evaluator, named by its path. Raises AssessorError listing every
    problem in every file.
    """
    nodes = {n.id: n for n in walk(indicator_set.tree)}
    assessments: dict[str, Assessment] = {}
    seen: dict[tuple[str, str, str, str], Mark] = {}
    problems: list[Problem] = []
    for path in paths:
        _load_file(Path(path), indicator_set, nodes, assessments, seen, problems)
    if problems:
        raise AssessorError(problems)
    return list(assessments.values())
