"""The loader's messages (``load.<key>``): what an evaluator is told about a YAML file, an entries
file or a value that is not what the set allows."""

from __future__ import annotations

from collections.abc import Mapping

from assessor.text.words import w

WORDS: dict[str, Mapping[str, str]] = {
    # loader/messages.py: pydantic's errors, worded with the key, the value and what is allowed
    "did_you_mean": w("（是否应为 `{name}`？）", " (did you mean `{name}`?)"),
    "label": w("{key}：", "{key}: "),
    "shown.nothing": w("空值", "nothing"),
    "shown.empty_mapping": w("空映射", "an empty mapping"),
    "shown.list": w("列表", "a list"),
    "unknown_method": w("未知的计分方法 {method}；允许：{allowed}{hint}",
                        "unknown method {method}; allowed: {allowed}{hint}"),
    "node_needs_children_or_method": w(
        "节点需要 `children`（指标分组）或 `method`（指标；可选：{methods}）",
        "a node needs `children` (an inner node) or a `method` (a leaf; one of: {methods})"),
    "node_not_both": w("节点要么有 `children`（指标分组），要么有 `method`（指标），不能两者都有",
                       "a node has `children` (an inner node) or a `method` (a leaf), never both"),
    "curve_pair": w("`curve` 的每个点是一对数值 `[x, score]`",
                    "each point of `curve` is a pair [x, score]"),
    "missing_key": w("缺少必填键 `{key}`{about}", "missing required key `{key}`{about}"),
    "value_required": w("此处需要填写值", "a value is required here"),
    "unknown_key": w("未知的键 `{key}`{hint}；允许：{allowed}",
                     "unknown key `{key}`{hint}; allowed: {allowed}"),
    "unknown_key_group": w(
        "指标分组（带 `children` 的节点）没有键 `{key}`{hint}；允许：{allowed}。"
        "指标需要 `method:`，且不带 `children`",
        "unknown key `{key}`{hint} for a group of indicators (a node with `children`); "
        "allowed: {allowed}. Leaves need `method:` and no `children`"),
    "not_one_of": w("{label}{value} 不是允许的取值；允许：{allowed}{hint}",
                    "{label}{value} is not one of {allowed}{hint}"),
    "expected_number": w("{label}应为数字，实际为 {value}", "{label}expected a number, got {value}"),
    "expected_whole": w("{label}应为整数，实际为 {value}",
                        "{label}expected a whole number, got {value}"),
    "expected_bool": w("{label}应为 `true` 或 `false`，实际为 {value}",
                       "{label}expected true or false, got {value}"),
    "expected_text": w("{label}应为文字，实际为 {value}（请加引号）",
                       "{label}expected text, got {value} (quote it)"),
    "expected_list": w("{label}应为列表，实际为 {value}", "{label}expected a list, got {value}"),
    "expected_mapping": w("{label}应为映射（`key: value` 形式），实际为 {value}",
                          "{label}expected a mapping (key: value), got {value}"),
    "expected_mapping_keys": w("{label}应为含有键 {keys} 的映射，实际为 {value}",
                               "{label}expected a mapping with keys {keys}, got {value}"),
    "at_least": w("{label}{value} 不能小于 {bound}", "{label}{value} must be at least {bound}"),
    "more_than": w("{label}{value} 必须大于 {bound}", "{label}{value} must be more than {bound}"),
    "at_most": w("{label}{value} 不能大于 {bound}", "{label}{value} must be at most {bound}"),
    "less_than": w("{label}{value} 必须小于 {bound}", "{label}{value} must be less than {bound}"),
    "too_short.one": w("{label}至少需要 {count} 项", "{label}needs at least {count} item"),
    "too_short.other": w("{label}至少需要 {count} 项", "{label}needs at least {count} items"),
    "too_long": w("{label}项数过多（最多 {count} 项）", "{label}has too many items (at most {count})"),
    "bad_id": w("{label}{value} 不是有效的编号：只能使用字母、数字、`.`、`_` 或 `-`，且以字母或数字开头",
                "{label}{value} is not a valid id: use letters, digits, '.', '_' or '-', "
                "starting with a letter or digit"),
    "bad_set_id": w("{label}{value} 不是有效的编号：只能使用字母、数字、`.`、`_` 或 `-`，"
                    "且以字母或数字开头（指标集编号用小写字母）",
                    "{label}{value} is not a valid id: use letters, digits, '.', '_' or '-', "
                    "starting with a letter or digit (set ids are lower case)"),
    "bad_period": w("{label}{value} 不是有效的评价期，应为以下形式之一：2024、2024-Q1、2024-03、2024-W09",
                    "{label}{value} is not one of the forms 2024, 2024-Q1, 2024-03, 2024-W09"),
    "bad_form": w("{label}{value} 的格式不正确", "{label}{value} does not have the expected form"),
    "invalid": w("{label}取值无效：{value}（{reason}）", "{label}{reason} (got {value})"),
    "union_invalid": w("{label}{value} 在此处无效；应为以下之一：{kinds}",
                       "{label}{value} is not valid here; expected one of: {kinds}"),
    # describe_type: what a union member accepts
    "type.whole": w("整数", "a whole number"),
    "type.number": w("数字", "a number"),
    "type.text": w("文字", "text"),
    "type.bool": w("`true` 或 `false`", "true or false"),
    "type.list": w("列表", "a list"),
    "type.mapping": w("映射", "a mapping"),
    "type.or": w("或", " or "),  # between the kinds a value may be
    # loader/located.py: reading a YAML file
    "alias_self": w("别名引用了自身；请把数据直接写出", "an alias refers to itself; write the data out"),
    "yaml_tag": w("不支持的标签 {tag}；请写普通的值", "unsupported YAML tag {tag}; write plain values"),
    "key_not_text": w("键必须是普通文字，不能是列表或映射",
                      "a key must be plain text, not a list or mapping"),
    "duplicate_key": w("键 {key} 重复：第 {line} 行已有（同一映射中每个键只能出现一次）",
                       "duplicate key {key}: also at line {line} (a mapping may give each key once)"),
    "merge_mappings": w("`<<` 只能合并映射（或映射的列表）",
                        "`<<` merges only mappings (or a list of them)"),
    "yaml_syntax": w("文件语法错误：{what}{context}", "YAML syntax error: {what}{context}"),
    "yaml_error": w("文件格式错误：{reason}", "YAML error: {reason}"),
    "yaml_too_deep": w("嵌套层次过深", "YAML nesting is too deep"),
    "empty_file": w("文件为空（没有数据）", "the file is empty (no YAML data)"),
    "not_regular": w("不是普通文件（而是管道、套接字或设备）；请提供 {what}",
                     "is not a regular file (a FIFO, socket or device); give a {what}"),
    "too_large": w("文件过大：{size} 字节，{what}最多 {limit} 字节",
                   "is too large: {size} bytes, at most {limit} for a {what}"),
    "too_large_growing": w("文件过大：超过 {limit} 字节", "is too large: more than {limit} bytes"),
    "no_such_file": w("文件不存在", "no such file"),
    "is_folder": w("是文件夹，不是 {what}", "is a folder, not a {what}"),
    "cannot_read": w("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "not_utf8": w("文件不是 `UTF-8` 文本（字节 0x{byte}）；请另存为 `UTF-8`（`GBK`/`GB2312` 文件须先转换）",
                  "the file is not UTF-8 text (byte 0x{byte}); "
                  "save it as UTF-8 (GBK/GB2312 files must be converted)"),
    "not_mapping": w("{what}必须是由键组成的映射（`format:`、`id:` 等）；实际为{found}",
                     "{what} must be a mapping of keys (format:, id:, …); found {found}"),
    "found_list": w("列表", "a list"),
    "found_value": w("单个值 {value}", "a single value {value}"),
    "file.set": w("指标集文件", "an indicator set file"),
    "file.entries": w("填报文件", "an entries file"),
    "file.tasks": w("任务文件", "a tasks file"),
    "file.workspace": w("工作区文件", "a workspace file"),
    "file.regions": w("地区文件", "a regions file"),
    "file.format": w("{fmt} 文件", "{fmt} file"),
}  # fmt: skip
