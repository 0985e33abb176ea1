"""Excel and CSV import/export messages (``exchange.<key>``): which sheet, row and column is
wrong and what it may hold."""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    # shared by the form, the CSV and the task-progress readers
    "indicator": w("{id}（{name}）", "{id} ({name})"),
    "cannot_read": w("无法读取 {name}：{reason}", "cannot read {name}: {reason}"),
    "not_xlsx": w(
        "无法将 {name} 作为 `.xlsx` 工作簿读取：{reason}",
        "cannot read {name} as an Excel workbook (.xlsx): {reason}",
    ),
    # exchange/workbook.py: the package itself
    "not_regular_file": w("{name} 不是普通文件", "{name} is not a regular file"),
    "form_too_big": w(
        "{name} 大小为 {size} 字节；填报表最大 {limit} 字节",
        "{name} is {size} bytes; a form is at most {limit}",
    ),
    "form_unpacks_too_big": w(
        "{name} 解压后为 {total} 字节（{part}：{part_size}）；"
        "填报表解压后最大 {limit} 字节，其中任一部分最大 {part_limit} 字节",
        "{name} unpacks to {total} bytes ({part}: {part_size}); a form unpacks to at most "
        "{limit}, any one part to {part_limit}",
    ),
    "form_dtd": w(
        "{name}：其中的 {part} 含有文档类型声明（`<!DOCTYPE`），表格软件从不写入这种内容；拒绝读取该文件",
        "{name}: {part} declares a DTD, which Excel never writes; the file is refused",
    ),
    # exchange/workbook.py: the _meta sheet
    "no_meta_sheet": w(
        "{name} 不是 assessor 填报表（没有 {sheet} 工作表）；请用 `assessor template` 生成",
        "{name} is not an assessor entry form (it has no {sheet} sheet); "
        "make one with `assessor template`",
    ),
    "meta_region": w(
        "{sheet}：地区编号 {region} {why}；{sheet} 工作表不得修改（请用 `assessor template` 重新生成填报表）",
        "{sheet}: region id {region} {why}; the {sheet} sheet must not be edited "
        "(make a new form with `assessor template`)",
    ),
    "meta_region_twice": w("也用于工作表 {sheet}", "is also given for sheet {sheet}"),
    "meta_region_mismatch": w("与所在工作表 {sheet} 不符", "does not match its sheet {sheet}"),
    "form_format": w(
        "{name} 是第 {found} 版格式的填报表；当前版本的 assessor 读取第 {wanted} 版格式："
        "请用 `assessor template` 重新生成填报表",
        "{name} is entry-form format {found}; this version of assessor reads format "
        "{wanted}: make a new form with `assessor template`",
    ),
    "form_other_set": w(
        "{name} 是指标集 {found} 的填报表，不是 {wanted} 的",
        "{name} is a form for the set {found}, not {wanted}",
    ),
    "form_no_period": w("{name} 没有写明评价期", "{name} names no period"),
    # exchange/workbook.py: a region sheet
    "form_header": w(
        "表头行不是填报表原有的：第 {column} 列为 {found}，应为 {wanted}"
        "（列不得移动、插入或删除；应依次为 {headers}）",
        "the header row is not the form's: column {column} is {found}, expected {wanted} "
        "(columns must not be moved, inserted or deleted; expected {headers})",
    ),
    "cell_too_long": w(
        "单元格有 {count} 个字符；最多 {limit} 个",
        "cell holds {count} characters; at most {limit}",
    ),
    "cell_formula": w(
        "本单元格是公式，但没有保存计算结果；请直接填入数值"
        "（或用表格软件打开并保存一次，以存入计算结果）",
        "this cell holds a formula without a saved value; type the value itself "
        "(or open and save the file in Excel, which stores the value)",
    ),
    "row_twice": w(
        "指标 {id} 有第二行（第一行在第 {first} 行）；填报表的行不得复制",
        "indicator {id} has a second row (the first is row {first}); "
        "the rows of the form must not be copied",
    ),
    "row_twice_input": w(
        "指标 {id} 的输入项 {input} 有第二行（第一行在第 {first} 行）；填报表的行不得复制",
        "indicator {id} input {input} has a second row (the first is row {first}); "
        "the rows of the form must not be copied",
    ),
    "row_unknown_indicator": w(
        "{column}列中的指标 {id} 不存在：填报表的行不得修改",
        "unknown indicator {id} in column {column}: the rows of the form must not be edited",
    ),
    "row_group_value": w(
        "{indicator} 是指标分组：{column}请留空，并填报其下的指标",
        "{indicator} is a group of indicators: leave {column} empty and fill in its indicators",
    ),
    "row_input_missing": w(
        "{indicator}：输入项 {input}（{label}）的行缺失；填报表的行不得删除",
        "{indicator}: the row of input {input} ({label}) is missing; "
        "the rows of the form must not be deleted",
    ),
    "form_na_value": w(
        "{indicator}：{column} 填写的 {value} 不可用；只能填 {yes}（不适用，仅限可选指标）或留空",
        "{indicator}: {column} {value} is not allowed; allowed: {yes} "
        "(not applicable, optional indicators only) or empty",
    ),
    "input_empty": w(
        "{indicator}：{label}（{input}）为空；各输入项（{labels}）须全部填写或全部留空",
        "{indicator}: {label} ({input}) is empty; fill in every input ({labels}) or none",
    ),
    "sheet_not_region": w(
        "工作表 {sheet} 不是本填报表的地区工作表（被改名或新增？）；本表的地区工作表：{known}",
        "sheet {sheet} is not a region of this form (renamed or added?); "
        "the form's region sheets: {known}",
    ),
    # exchange/csvio.py
    "csv_bad_line": w(
        "无法按 `.csv` 格式读取这一行：{reason}", "cannot read this line as CSV: {reason}"
    ),
    "csv_field_too_long": w(
        "字段 {field} 有 {count} 个字符；最多 {limit} 个",
        "field {field} holds {count} characters; at most {limit}",
    ),
    "csv_encoding": w(
        "{name} 既不是 `UTF-8` 也不是 `GB18030` 编码的文本",
        "{name} is neither UTF-8 nor GB18030 text",
    ),
    "csv_bad_header": w(
        "{name}：无法按 `.csv` 格式读取表头：{reason}",
        "{name}: cannot read the header as CSV: {reason}",
    ),
    "csv_missing_columns": w(
        "{name}：缺少列 {missing}；各列为 {columns}",
        "{name}: missing column(s) {missing}; the columns are {columns}",
    ),
    "csv_region_indicator": w(
        "`region` 和 `indicator` 两列都必须填写", "region and indicator are both required"
    ),
    "csv_no_period": w(
        "没有评价期：请提供 `period` 列或 `--period`",
        "no period: give a period column or --period",
    ),
    "csv_group": w(
        "指标 {id} 是指标分组，不是指标",
        "indicator {id} is a group of indicators, not an indicator",
    ),
    "csv_unknown_indicator": w("指标 {id} 不存在", "indicator {id} is unknown"),
    "csv_na_value": w(
        "{id}：`na` 列的值 {value} 不可用；只能填 {allowed}（仅限可选指标）或留空",
        "{id}: na {value} is not allowed; allowed: {allowed} (optional indicators only) or empty",
    ),
    "csv_input_missing": w(
        "{indicator}：输入项 {input}（{label}）缺失；各输入项（{inputs}）须全部填写或全部不填",
        "{indicator}: input {input} ({label}) is missing; give every input ({inputs}) or none",
    ),
    # exchange/task_progress.py
    "in_column": w("{message}（{column}列）", "{message} (column {column})"),
    "not_a_date": w(
        "{text} 不是日期；请写成 2023-08-11 的形式", "{text} is not a date; write it as 2023-08-11"
    ),
    "not_a_percent": w(
        "{text} 不是百分比：请填 0 到 100 之间的数",
        "{text} is not a percentage: write a number from 0 to 100",
    ),
    "not_done_mark": w(
        "{text}：请填 {yes}（已完成）或留空", "{text}: write {yes} (done) or leave it empty"
    ),
    "progress_empty": w("{name} 是空的：没有表头行", "{name} is empty: no header row"),
    "progress_header": w(
        "表头行没有 {missing} 列；各列为：{headers}（至少要有 {required}，以及 {choices} 之一）",
        "the header row has no column {missing}; the columns are: {headers} "
        "(at least {required} and one of {choices})",
    ),
    "progress_no_unit_task": w(
        "为空：每个报告了进度的行都须写明单位和任务",
        "empty: every reported row names its unit and task",
    ),
    "progress_unknown_unit": w(
        "单位 {unit} 不存在；有任务的单位：{known}",
        "unknown unit {unit}; units with tasks: {known}",
    ),
    "progress_unknown_task": w(
        "单位 {unit} 没有任务 {task}；其任务：{known}",
        "unit {unit} has no task {task}; its tasks: {known}",
    ),
    "progress_unknown_milestone": w(
        "任务 {task} 没有节点 {unknown}；其节点：{known}",
        "task {task} has no milestone {unknown}; its milestones: {known}",
    ),
    "progress_no_milestones": w("无（请填{column}）", "none (enter {column})"),
    "progress_no_date": w("为空：须填写报告日期", "empty: the date of the report is needed"),
    "progress_done_on_not_done": w(
        "填了完成日期，但{column}列没有填 {yes}", "a date finished without {yes} in column {column}"
    ),
    "progress_done_after": w(
        "完成日期 {done_on} 晚于报告日期 {as_of}",
        "finished {done_on}, after the report's date {as_of}",
    ),
    "progress_twice": w(
        "{unit} {task} 在 {as_of} 的进度报告了两次（第一次在第 {first} 行）",
        "{unit} {task} on {as_of} is reported twice (first in row {first})",
    ),
}
