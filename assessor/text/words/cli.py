"""The command line's own words (``cli.<key>``): in the language of `reader_lang()` (the
ASSESSOR_LANG variable or the locale) or of a command's --lang."""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    # assessor explain: a region's summary before each top-level node's explanation
    "total": w("总分", "total"),
    "rank": w("排名", "rank"),
    "rank_points": w("排名得分", "rank points"),
    "veto": w("一票否决", "veto"),
    "rating": w("评级", "rating"),
    "completeness": w("完整度", "completeness"),
    "provisional": w("（暂定）", " (provisional)"),
    "bonus": w("加分", "bonus"),
    "penalties": w("扣分", "penalties"),
    # every command: a problem's line (errors.Problem.text) and the count after them
    "severity.warning": w("警告：", "warning: "),
    "problems_found.one": w("发现 {count} 个问题。", "{count} problem found."),
    "problems_found.other": w("发现 {count} 个问题。", "{count} problems found."),
    "usage_prefix": w("assessor：", "assessor: "),
    # assessor lint
    "lint.code": w("（{code}）", " ({code})"),
    "lint.summary": w("{sets}：{errors}，{warnings}", "{sets}, {errors}, {warnings}"),
    "lint.sets.one": w("检查了 {count} 个指标集", "{count} set checked"),
    "lint.sets.other": w("检查了 {count} 个指标集", "{count} sets checked"),
    "lint.errors.one": w("{count} 个错误", "{count} error"),
    "lint.errors.other": w("{count} 个错误", "{count} errors"),
    "lint.warnings.one": w("{count} 个警告", "{count} warning"),
    "lint.warnings.other": w("{count} 个警告", "{count} warnings"),
    "lint.no_files": w(
        "在 {paths} 中没有找到指标集文件", "no indicator set files found in {paths}"
    ),
    # usage errors and refusals of the commands (cli/*.py)
    "no_entries_in_period": w(
        "评价期 {period} 及其所含的任何评价期都没有填报数据；有填报数据的评价期：{found}",
        "no entries for period {period} or any period inside it; periods with entries: {found}",
    ),
    "none": w("无", "none"),
    "nobody": w("无人", "nobody"),
    "workspace_and_set": w(
        "请给出工作区文件夹或 `--set`/`--entries`，不能同时给出",
        "give a workspace folder or --set/--entries, not both",
    ),
    "not_a_workspace": w("{folder} 不是工作区文件夹", "{folder} is not a workspace folder"),
    "kind_needs_workspace": w(
        "`--kind` 需要工作区文件夹（单位类别在 `workspace.yaml` 中声明）",
        "--kind needs a workspace folder (kinds are declared in workspace.yaml)",
    ),
    "set_and_entries": w(
        "请给出 `--set SET` 和 `--entries FILE…`（或一个工作区文件夹）",
        "give --set SET and --entries FILE… (or a workspace folder)",
    ),
    "lead_needs_name": w(
        "`--consolidation lead` 需要 `--lead NAME`", "--consolidation lead needs --lead NAME"
    ),
    "no_workspace_here": w(
        "此处没有工作区：请用 `-w FOLDER` 指定，或在工作区内运行（见 `assessor init`）",
        "no workspace here: give -w FOLDER or run inside a workspace (see `assessor init`)",
    ),
    "no_workspace_here_tui": w(
        "此处没有工作区：请给出文件夹，或在工作区内运行（见 `assessor init`）",
        "no workspace here: give a folder or run inside one (see `assessor init`)",
    ),
    "two_workspaces": w(
        "给出了两个工作区：{first} 和 {second}", "two workspaces given: {first} and {second}"
    ),
    "kind_form": w(
        "`--kind` {value}：请写成 `KEY:LABEL:SET`，例如 {example}",
        "--kind {value}: write KEY:LABEL:SET, e.g. {example}",
    ),
    "unknown_region": w("未知地区 {region}", "unknown region {region}"),
    "unknown_regions": w("未知地区 {regions}", "unknown region(s) {regions}"),
    "unknown_regions_see": w(
        "未知地区 {regions}；见 `regions.yaml`", "unknown region(s) {regions}; see regions.yaml"
    ),
    # assessor report
    "report.no_entries": w("没有可生成报告的填报数据", "no entries to report on"),
    "report.no_period": w(
        "评价期 {period}（及其所含的较短评价期）没有填报数据",
        "no entries for period {period} (or shorter periods in it)",
    ),
    "report.county_needs_region": w(
        "区县报告（`--type county`）需要 `--region ID` 或 `--all`",
        "a county report needs --region ID or --all",
    ),
    "report.no_logo": w("找不到标志图片文件：{path}", "logo file not found: {path}"),
    "report.template_dir": w(
        "`--template-dir` {path} 不是文件夹", "--template-dir {path} is not a folder"
    ),
    "report.unknown_section": w(
        "`--omit` {names}：没有这个报告部分；可选部分：{sections}",
        "--omit {names}: unknown section; sections: {sections}",
    ),
    "report.no_region_result": w(
        "地区 {regions} 在 {period} 没有结果；有结果的地区：{known}",
        "no result for region {regions} in {period}; regions: {known}",
    ),
    # assessor excel / import
    "excel.one_output": w(
        "`-o` 只能指定一个文件，但这些单位分属 {count} 个类别（{kinds}）；"
        "请给出 `--kind KEY`，或不用 `-o`，每个类别各生成一张填报表",
        "-o names one file, but the units are of {count} kinds ({kinds}); give --kind KEY, "
        "or leave -o out for one form per kind",
    ),
    "excel.no_file": w("{path} 不存在", "{path} does not exist"),
    "excel.evidence_outside": w(
        "{region} {leaf}：佐证材料 {item} 在工作区 {folder} 之外；请先复制到工作区内",
        "{region} {leaf}: evidence {item} is outside the workspace {folder}; copy it in first",
    ),
    "excel.cannot_import": w(
        "{path}：不能导入 {suffix} 文件；请使用 `.xlsx`、`.csv` 或 `.yaml`",
        "{path}: cannot import {suffix} files; use .xlsx, .csv or .yaml",
    ),
    "excel.this": w("此类", "this"),
    # assessor explain
    "explain.no_region": w(
        "地区 {region} 没有填报数据；有数据的地区：{known}",
        "region {region} has no entries; regions: {known}",
    ),
    "explain.no_node": w(
        "指标集 {set} 中没有指标 {node}；指标编号形如 {examples} …",
        "no indicator {node} in set {set}; ids look like {examples} …",
    ),
    # assessor compare (cmd_period)
    "period.no_entries": w(
        "评价期 {missing} 没有填报数据；已有评价期：{known}",
        "no entries for period {missing}; periods: {known}",
    ),
    # assessor agreement
    "agreement.too_few": w(
        "评价期 {period}：一致性分析至少需要 2 名评估人；现有填报来自 {evaluators}",
        "period {period}: agreement needs at least 2 evaluators; entries are by {evaluators}",
    ),
    # assessor audit verify
    "audit.anchor_missing": w(
        "没有记录的哈希值为锚定的 {anchor}：日志被改写过（或该哈希值来自另一个工作区）",
        "no record has the anchored hash {anchor}: the log was rewritten "
        "(or the hash is from another workspace)",
    ),
    # assessor schema
    "schema.cannot_write": w("无法写入模式文件：{reason}", "cannot write the schema: {reason}"),
    # assessor tasks set
    "tasks.done_on_needs_done": w(
        "`--done-on` 须与 `--done` 一起使用", "--done-on goes with --done"
    ),
    "excel.region_not_in_workspace": w(
        "地区 {region} 不在工作区的 `regions.yaml` 中",
        "region {region} is not in the workspace's regions.yaml",
    ),
    "excel.region_other_kind": w(
        "地区 {region} 属于类别 {kind}，不是 {wanted}（该文件对应指标集 {set} 的类别）",
        "region {region} is a unit of kind {kind}, not {wanted} "
        "(the kind whose set {set} the file is for)",
    ),
    "excel.period_kind": w(
        "评价期 {period} 不是工作区的 `period_kind` {kind}",
        "period {period} is not a {kind}, the workspace's period_kind",
    ),
    # assessor report, assessor doctor: the fonts of reports (report/fonts.py)
    "fonts.none": w(
        "没有找到中文字体（`fc-list :lang=zh` 无结果）：请安装 `fonts-noto-cjk`"
        "（如 `apt-get install fonts-noto-cjk`）或其他中日韩字体；否则报告中的汉字会显示为方框",
        "no Chinese font found (fc-list :lang=zh is empty): install fonts-noto-cjk "
        "(Debian: apt-get install fonts-noto-cjk) or another CJK font; reports would "
        "show boxes instead of characters",
    ),
    # what the commands print when they are done (stdout, or stderr beside a report)
    "done.template.one": w("已写入 {path}（{count} 个地区）", "wrote {path} ({count} region)"),
    "done.template.other": w("已写入 {path}（{count} 个地区）", "wrote {path} ({count} regions)"),
    "done.imported": w(
        "已从 {files} 个文件导入 {count} 条填报", "imported {count} entries from {files} file(s)"
    ),
    "done.exported": w("已写入 {path}：{count} 个地区结果", "wrote {path}: {count} region results"),
    "done.carried_over": w(
        "评价期 {period}：已从 {source} 沿用 {count} 条填报，作为草稿",
        "period {period}: {count} entries carried over from {source} as drafts",
    ),
    "done.init": w(
        "工作区 {folder}：指标集 {set}，{count} 个地区，数据库 {database}",
        "workspace {folder}: set {set}, {count} regions, database {database}",
    ),
    "done.init_kinds": w(
        "工作区 {folder}：{kinds}；数据库 {database}",
        "workspace {folder}: {kinds}; database {database}",
    ),
    "done.init_kind": w(
        "{key}（{label}）：指标集 {set}，{count} 个单位",
        "{key} ({label}): set {set}, {count} units",
    ),
    "done.pdf": w(
        "已写入 {path}（{pages} 页，{kb} 千字节）", "wrote {path} ({pages} pages, {kb} KB)"
    ),
    "done.reports": w(
        "已将 {total} 份报告中的 {done} 份写入 {folder}（共 {pages} 页）",
        "wrote {done} of {total} reports to {folder} ({pages} pages)",
    ),
    "report.refused_url": w(
        "警告：已拒绝读取 {url}（位于模板文件夹和工作区之外）",
        "warning: refused to read {url} (outside the template folder and workspace)",
    ),
    "report.one_failed": w(
        "错误：{label}（{key}）的报告生成失败：{error}",
        "error: report for {label} ({key}) failed: {error}",
    ),
    "tasks.no_unit_of_kind": w(
        "类别 {kind} 的单位都没有任务", "no unit of kind {kind} carries tasks"
    ),
    "tasks.recorded": w(
        "{unit} {task} {on}：第 {version} 版；{state}",
        "{unit} {task} {on}: version {version}; {state}",
    ),
    "tasks.imported": w(
        "从 {file} 读取 {count} 条进度报告：保存 {stored} 条，{unchanged} 条未变",
        "{count} progress reports read from {file}: {stored} stored, {unchanged} unchanged",
    ),
    "tasks.template": w(
        "{path}：{count} 项任务待报告，截至 {on}", "{path}: {count} tasks to report on, as of {on}"
    ),
    "done.wrote": w("已写入 {path}", "wrote {path}"),
    "score.nothing": w("没有可评分的填报数据", "no entries to score"),
    "score.nothing_in": w("{heading}：没有可评分的填报数据", "{heading}: no entries to score"),
    # assessor audit verify
    "audit.verified": w(
        "审计日志核验通过：共 {count} 条记录，哈希链完整，重放结果与填报数据一致",
        "audit log verified: {count} records, hash chain intact, replay reproduces the entries",
    ),
    "audit.head": w("链头：第 {seq} 条记录，哈希值 {hash}", "head: record {seq}, sha256 {hash}"),
    "audit.keep_head": w(
        "（请把链头哈希值写进报告或会议纪要；日后运行 `assessor audit verify --anchor HASH`\n"
        " 即可证明该条记录及之前的内容未被改写）",
        "(keep the head hash in the report or the minutes; `assessor audit verify --anchor HASH`\n"
        " later proves that nothing up to that record has been rewritten)",
    ),
    # assessor site-check
    "stage.site_check": w(
        "{region} {period}（{stage}）：已记录 {date} 的现场核查",
        "{region} {period} ({stage}): site check of {date} recorded",
    ),
}
