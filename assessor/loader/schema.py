"""JSON Schema (draft 2020-12) for indicator sets and entries files, generated from the models.

Editors (VS Code with the YAML extension, JetBrains) read it through the modeline
`# yaml-language-server: $schema=indicator-set.schema.json` and show completion and help.
The schema is deliberately a little more lenient than the loader where YAML itself is
(`key: 5` for a text key); the loader stays the authority and gives the located messages.
"""

from __future__ import annotations

import json
from typing import Any

from assessor.model.entries import EntriesFile
from assessor.model.indicator_set import METHODS, IndicatorSet

DRAFT = "https://json-schema.org/draft/2020-12/schema"

NODE_HELP: dict[str, str] = {
    "id": "Unique id of the node in the set, e.g. D1-01 (letters, digits, '.', '_', '-').",
    "name": "Name of the indicator or group, as printed in reports.",
    "description": "What the indicator measures.",
    "guidance": "How an evaluator should judge it (评分说明).",
    "points": "Maximum points of this node (absolute). Use `points` or `share`, not both.",
    "share": "Maximum as a percentage of the parent's points (0-100).",
    "kind": "core (default), bonus (加分项), penalty (扣分项) or veto (一票否决).",
    "optional": "true: an evaluator may mark it not applicable (不适用, `na`); its points go to "
    "its siblings.",
    "evidence": "Supporting material an evaluator must attach: {required: true, hint: …}.",
    "department": "Responsible department (free text, for filtering and reports).",
    "data_source": "Where the data come from (free text).",
    "tags": "Free-text labels for filtering.",
    "source": "Where it comes from: {doc: file in docs/sources/ or URL, quote: the sentence, "
    "for: [target, …]} or {doc: 示例, why: …}; a list for several. Bundled sets need one on "
    "every indicator (or a group above it).",
    "children": "The nodes under this group. A node has `children` or a `method`, never both.",
    "normalize": "true: scale the children's points to fit this node's points.",
    "method": "How a leaf is scored: " + ", ".join(METHODS) + ".",
    "unit": "Unit label of the entered number (a label only; no conversion).",
    "input": "The single value entered: {label, type: number|integer|boolean|text, min, max}.",
    "inputs": "Named inputs combined by the `value` formula, e.g. {used: {…}, total: {…}}.",
    "value": "Formula over the named inputs, e.g. used / total * 100 "
    "(+ - * / ( ), comparisons, and or not, min max abs round if).",
    "levels": "Levels an evaluator picks from: [{level, label, criteria, score}] (0 = none met).",
    "options": "Options an evaluator picks from: [{key, label, score}].",
    "yes_score": "Achievement for yes (default 1).",
    "no_score": "Achievement for no (default 0).",
    "effect": "For veto leaves: zero, disqualify, or {max_stars: N}.",
    "bands": "Bands, top to bottom; the first whose `min`/`above` (or `max`/`below` with "
    "direction lower) holds gives its score and level.",
    "direction": "higher (default: larger is better) or lower.",
    "curve": "Points [x, score] with x ascending; piecewise linear, clamped at both ends.",
    "baseline": "Value scoring 0 (default 0; required with direction lower).",
    "target": "Value scoring full marks.",
    "cap": "Highest achievement (default 1: no extra for exceeding the target).",
    "per_unit": "Points added (or removed) per `unit` above (or below) the target.",
    "base_points": "Points at exactly the target.",
    "cap_points": "Most points (default: the node's points).",
    "each": "Points per occurrence (count method).",
    "order": "desc (default: larger is better) or asc.",
    "rank_scores": "Achievement by rank: [1.0, 1.0, 0.8, …]; past the list `rest`.",
    "rest": "Achievement past the end of rank_scores (default 0).",
    "step": "Achievement lost per rank (with `floor`).",
    "floor": "Lowest achievement with `step`.",
    "scheme": "linear: (N − rank) / (N − 1).",
    "rank_levels": "Levels by rank: [{max_rank: 3, level: 5}, …], max_rank ascending.",
    "peers": "all (default) or group: compare with the regions of the same group only.",
    "rollup": "How this indicator (a group: every indicator under it) rolls shorter periods up: "
    "last (cumulative counts: the latest entry), sum (per-period counts), mean (rates), max, "
    "min; its entries are combined and scored once in the longer period. Default: the set's.",
    "pro_rata": "序时: judge a yearly target in a week or month against the share of the year "
    "due by the period's last day: `days`, or {schedule: {3: 20%, 6: 50%, 9: 75%, 12: 100%}}.",
}

SET_HELP: dict[str, str] = {
    "$schema": "Path or URL of this JSON Schema (for editors).",
    "format": "Format version of the file; always 1.",
    "id": "Id of the set, unique in a workspace: [a-z0-9][a-z0-9._-]*.",
    "name": "Name of the indicator set.",
    "version": "Version or year of the set.",
    "source": "Citation of the standard or document the set follows.",
    "scope": "What is assessed: city, county, community, department …",
    "description": "Notes on the set.",
    "full_score": "Points of the root (default 100); the root's core children must add up to it.",
    "rounding": "{digits: 2, mode: half_up | half_even, each_level: false}.",
    "normalize": "true: scale the top-level nodes' points to fit full_score.",
    "bonus_cap": "Cap on all bonus points of the set together.",
    "extends": "Id or relative path of a parent set this one starts from.",
    "override": "With extends: {node-id: {key: value, …}} replaces those keys on that node.",
    "remove": "With extends: node ids to drop (with their children).",
    "add": "With extends: [{under: node-id (omit for the top level), node: {…}, after: id}].",
    "tree": "The indicator tree: a list of nodes.",
    "rating": "Star rating: grades best first.",
    "rollup": "How shorter periods roll up into a longer one: {method: mean|sum|last|max|min}; "
    "indicators may say their own `rollup`.",
    "rank_points": "排名得分: a period's rank → points: {first: 100, step: 2, floor: 60}, "
    "{table: [100, 95, …], rest: 80} or {tiers: [{upto: 3, points: 100}, …], rest: 80}; "
    "`year: {how: mean|sum, from: month, periods_share, year_end_share}` composes the year.",
    "consolidation": "How several evaluators' points combine: {method: mean|median|"
    "trimmed_mean|lead, trim_over, disagreement}.",
    "language": "Language of the texts (zh, en …).",
}

ENTRIES_HELP: dict[str, str] = {
    "$schema": "Path or URL of this JSON Schema (for editors).",
    "format": "Format version of the file; always 1.",
    "set": "Id of the indicator set these entries are for.",
    "period": "Period: 2024, 2024-Q1, 2024-03 or 2024-W09.",
    "evaluator": "Who entered these values (per-entry `by:` overrides it).",
    "note": "Free-text note.",
    "regions": "Regions and their entries.",
    "region": "Region id (GB/T 2260 code where there is one).",
    "group": "Peer group (for group ranks and `peers: group`).",
    "parent": "Id of the parent region.",
    "entries": "Values by indicator id: a number, level, option key, yes/no, `na`, named "
    "inputs {used: 1, total: 2}, or {value: …, comment: …, evidence: […], by: …}.",
}

_ENTRY_VALUE: dict[str, Any] = {
    "description": ENTRIES_HELP["entries"],
    "anyOf": [
        {"type": "number"},
        {"type": "string"},
        {"type": "boolean"},
        {
            "type": "object",
            "properties": {
                "value": {"description": "The single value."},
                "comment": {"type": "string", "description": "Evaluator's comment."},
                "evidence": {
                    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
                    "description": "Files or links supporting the value.",
                },
                "by": {"type": "string", "description": "Evaluator of this entry."},
                "na": {"type": "boolean", "description": "Not applicable (不适用)."},
            },
            "additionalProperties": {
                "anyOf": [{"type": "number"}, {"type": "string"}, {"type": "boolean"}],
                "description": "A named input of a formula indicator.",
            },
        },
    ],
}


def _describe(props: dict[str, Any], help_: dict[str, str]) -> None:
    for name, prop in props.items():
        if name in help_ and "description" not in prop:
            prop["description"] = help_[name]


def _widen(prop: dict[str, Any], nullable: bool = True) -> None:
    """Accept `key: 5` as well as `key: "5"`: YAML turns unquoted digits into numbers."""
    for k in ("type", "anyOf"):
        prop.pop(k, None)
    prop["anyOf"] = [{"type": "string"}, {"type": "number"}]
    if nullable:
        prop["anyOf"].append({"type": "null"})


def set_schema() -> dict[str, Any]:
    """The JSON Schema of an indicator set file."""
    schema = IndicatorSet.model_json_schema(mode="validation")
    defs: dict[str, Any] = schema["$defs"]
    _describe(schema["properties"], SET_HELP)
    for name, d in defs.items():
        props = d.get("properties", {})
        if name.endswith("Leaf") or name == "InnerNode":
            _describe(props, NODE_HELP)
    for def_name in ("Grade", "OptionDef"):
        _widen(defs[def_name]["properties"]["key"], nullable=False)
    _widen(schema["properties"]["version"])
    _pro_rata(defs)
    # A set that extends another may leave the whole tree to its parent.
    schema["required"] = [r for r in schema.get("required", []) if r != "tree"]
    schema["anyOf"] = [{"required": ["tree"]}, {"required": ["extends"]}]
    schema["$schema"] = DRAFT
    schema["title"] = "assessor indicator set"
    schema["description"] = (
        "An indicator set for star-rating assessments (assessor). Nodes form a tree: groups "
        "have `children`, leaves a `method`."
    )
    return _ordered(schema)


def _pro_rata(defs: dict[str, Any]) -> None:
    """`pro_rata: days` or {schedule: {3: 20%, …}}: the YAML shorthand and percentages as
    written (the model reads them before validating, the schema has to say so)."""
    pro = defs.get("ProRata")
    if pro is None:
        return
    pro["properties"]["schedule"]["anyOf"][0] = {
        "type": "object",
        "propertyNames": {"pattern": "^(0?[1-9]|1[0-2])$"},
        "additionalProperties": {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*%?\s*$"},
            ],
            "description": "percent of the yearly target due by the month's end: 20% or 20",
        },
    }
    for leaf in ("RatioLeaf", "BandsLeaf"):
        prop = defs[leaf]["properties"]["pro_rata"]
        prop["anyOf"] = [
            {"const": "days", "description": "by calendar days"},
            {"$ref": "#/$defs/ProRata"},
            {"type": "null"},
        ]


def entries_schema() -> dict[str, Any]:
    """The JSON Schema of an entries file."""
    schema = EntriesFile.model_json_schema(mode="validation")
    _describe(schema["properties"], ENTRIES_HELP)
    for name in ("period", "evaluator"):
        prop = schema["properties"][name]
        pattern = prop.pop("pattern", None)
        _widen(prop, nullable=name == "evaluator")
        if pattern:
            prop["anyOf"][0]["pattern"] = pattern
    block = schema["$defs"]["RegionBlock"]
    _describe(block["properties"], ENTRIES_HELP)
    _widen(block["properties"]["region"], nullable=False)
    block["properties"]["entries"]["additionalProperties"] = _ENTRY_VALUE
    schema["$schema"] = DRAFT
    schema["title"] = "assessor entries"
    schema["description"] = "Values entered for the indicators of a set, by region and period."
    return _ordered(schema)


def _drop_format(prop: dict[str, Any]) -> None:
    prop.pop("format", None)
    for member in prop.get("anyOf", []):
        member.pop("format", None)


def tasks_schema() -> dict[str, Any]:
    """The JSON Schema of a tasks file (tasks with deadlines, 按时序推进)."""
    from assessor.loader.tasks import TasksFile

    schema = TasksFile.model_json_schema(mode="validation")
    tl = schema["$defs"]["TaskList"]["properties"]
    _widen(tl["unit"])  # `unit: 371602` is read as text
    task = schema["$defs"]["Task"]["properties"]
    for props, name in ((task, "deadline"), (task, "start"),
                        (schema["$defs"]["Milestone"]["properties"], "due")):  # fmt: skip
        _drop_format(props[name])  # YAML writes dates bare: 2023-10-31
    schema["$schema"] = DRAFT
    schema["title"] = "assessor tasks"
    schema["description"] = (
        "Tasks with deadlines per unit (or for every unit of a kind): category, deadline, "
        "milestones with dates and planned share; progress is entered separately."
    )
    return _ordered(schema)


def _ordered(schema: dict[str, Any]) -> dict[str, Any]:
    head = ("$schema", "title", "description")
    out = {k: schema[k] for k in head if k in schema}
    out.update({k: v for k, v in schema.items() if k not in head})
    return out


def schema_text(entries: bool = False, tasks: bool = False) -> str:
    """The schema as committed: 2-space JSON, UTF-8, trailing newline."""
    schema = tasks_schema() if tasks else entries_schema() if entries else set_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
