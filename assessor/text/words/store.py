"""The workspace's and the store's messages (``store.<key>``): what an evaluator is told when a
file, a value or a write is refused, in the language of the screen that refused it."""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    # evidence (workspace.py evidence_path, store.py add_evidence)
    "evidence_outside": w("佐证材料 {path} 不在工作区 {folder} 内；请先复制到工作区",
                          "evidence {path} is outside the workspace {folder}; copy it in first"),
    "evidence_missing": w("佐证文件 {path} 不存在", "evidence file {path} does not exist"),
    # the workspace's units, kinds, leaves and periods (workspace.py)
    "kind_unknown": w("{kind} 不是本次评估的单位类型；可选类型：{allowed}",
                      "kind {kind} is not a kind of this campaign; kinds: {allowed}"),
    "region_unknown": w("地区 {region} 不在 {file} 中", "region {region} is not in {file}"),
    "region_other_kind": w("地区 {region} 属于类型 {kind}（{label}），不属于 {own}（{own_label}）",
                           "region {region} is a unit of kind {kind} ({label}), not {own} ({own_label})"),
    "no_entries_give_period": w("工作区还没有任何填报；请用 `--period` 指定评价期",
                                "the workspace has no entries yet; give --period"),
    "not_a_leaf": w("{leaf} 不是指标集 {set} 的末级指标", "{leaf} is not a leaf of {set}"),
    "period_wrong_kind": w("评价期 {period} 不是工作区 `period_kind` 规定的{kind}",
                           "period {period} is not a {kind}, the workspace's period_kind"),
    "period_kind.year": w("年度", "year"),
    "period_kind.quarter": w("季度", "quarter"),
    "period_kind.month": w("月度", "month"),
    "period_kind.week": w("周", "week"),
    "period_nothing_to_carry": w("评价期 {period} 没有可沿用的填报",
                                 "period {period} has no entries to carry over"),
    "period_has_entries_in": w("评价期 {period} 已有填报（{sets}）",
                               "period {period} already has entries ({sets})"),
    "regions_file_missing": w("找不到地区文件 {file}", "regions file {file} not found"),
    "already_workspace": w("{folder} 已经是一个工作区", "{folder} already is a workspace"),
    "set_or_kinds": w("请给出一个指标集（`--set`）或各单位类型（`--kind KEY:LABEL:SET …`），二者只能选其一",
                      "give one set (--set) or the kinds of unit (--kind KEY:LABEL:SET …), not both"),
    "kind_key_form": w("类型键 {kind}：只能由小写字母、数字、- 和 _ 组成，并以字母开头（如 `county`、`department`）",
                       "kind key {kind}: lower-case letters, digits, - and _, starting with a letter "
                       "(e.g. county, department)"),
    "kind_needs_label": w("类型 {kind} 缺少名称", "kind {kind} needs a label"),
    "kind_twice": w("类型 {kind} 重复给出", "kind {kind} is given twice"),
    # a stale write (errors.py ConflictError)
    "conflict": w("{key} 已被 {by} 修改（当前版本 {current}，你读取的是版本 {expected}）；请重新载入后再填报",
                  "{key} was changed by {by} (version {current}, you had version {expected}); "
                  "reload it and enter your value again"),
    "another_evaluator": w("其他评估人", "another evaluator"),
    # the store's own refusals (store.py)
    "not_text": w("不是文本", "not text"),
    "who_refused": w("评估人 {who}：{problem}", "who {who}: {problem}"),
    "database_forms": w("`sqlite:///FILE` 或 `postgresql://USER@HOST/DB`",
                        "sqlite:///FILE or postgresql://USER@HOST/DB"),
    "database_not_url": w("数据库 {url} 不是数据库地址；请使用 {allowed}",
                          "database {url} is not a database URL; use {allowed}"),
    "database_unsupported": w("数据库 {url}：不支持 {backend}；请使用 {allowed}",
                              "database {url}: {backend} is not supported; use {allowed}"),
    "database_sqlite_file": w("数据库 {url}：请给出一个文件（`sqlite:///FILE`）",
                              "database {url}: give a file (sqlite:///FILE)"),
    "database_not_file": w("数据库 {path} 不是普通文件（而是文件夹或设备）",
                           "database {path} is not a regular file (a folder or a device)"),
    "database_cannot_open": w("无法打开数据库 {url}：{reason}", "cannot open the database {url}: {reason}"),
    "chain_head_missing_write": w(
        "审计链的链头记录缺失（已在日志之外被删除）；无法写入任何数据：请运行 `assessor audit verify` 并恢复数据库",
        "the audit chain's head row is missing (deleted behind the log); nothing can "
        "be written: run `assessor audit verify` and restore the database"),
    "chain_head_missing": w("审计链的链头记录缺失：已在日志之外被删除",
                            "the audit chain's head row is missing: it was deleted behind the log"),
    "status_unknown": w("未知状态 {status}；可选：{allowed}", "unknown status {status}; allowed: {allowed}"),
    "reopening_final": w("重新打开已定稿的评估", "reopening a final assessment"),
    "going_back": w("从“{old}”退回到“{new}”", "going back from {old} to {new}"),
    "needs_reason": w("{region} {period}：{what}须说明理由（`--reason …`）",
                      "{region} {period}: {what} needs a reason (--reason …)"),
    "in_stage": w("（阶段 {stage}）", " (stage {stage})"),
    "final_read_only": w(
        "{region} {period} 的评估{where}已定稿（只读）；如需修改 {leaf}，请先用 "
        "`assessor set-status {region} draft{opt} --reason …` 重新打开",
        "{region} {period}{where} is final (read-only); reopen it with "
        "`assessor set-status {region} draft{opt} --reason …` to change {leaf}"),
    "period_has_entries": w("评价期 {period} 已有填报", "period {period} already has entries"),
    "evidence_path_or_url": w("佐证材料须为文件路径或网址（二者之一）",
                              "evidence is a file path or a URL (one of them)"),
    # a campaign's stages (stages.py)
    "stage_twice": w("阶段 {stage} 在 `stages` 中重复列出", "stage {stage} is listed twice in stages"),
    "stage_unknown": w("{stage} 不是本次评估的阶段；可选阶段：{allowed}",
                       "stage {stage} is not a stage of this campaign; stages: {allowed}"),
    "not_stage_evaluator": w("{evaluator} 不是{label}（{stage}）阶段的评估人；本阶段评估人：{allowed}",
                             "{evaluator} is not an evaluator of stage {stage} ({label}); "
                             "its evaluators: {allowed}"),
    "first_stage": w("{label}（{stage}）是第一个阶段，从空白开始；请直接填报",
                     "stage {stage} ({label}) is the first stage: it starts empty; enter its values directly"),
    "none_can_start": w("评价期 {period} 没有可开始 {stage} 阶段的单位：没有单位已提交{label}（{before}）阶段且尚未开始 {stage}",
                        "no unit can start stage {stage} in {period}: none has submitted stage "
                        "{before} ({label}) without having started {stage} already"),
    # evidence review: what keeps a unit from moving on, verdicts, site checks (review.py)
    "gap_no_evidence": w("没有佐证材料", "no evidence attached"),
    "gap_none_valid": w("缺少有效的佐证材料：{items}", "no usable evidence item: {items}"),
    "gap_none_judged_valid": w("缺少判为{valid}的佐证材料：{items}", "no item judged {valid}: {items}"),
    "gap": w("{leaf}：{why}", "{leaf}: {why}"),
    "gaps": w("{region} {period} 无法改为“{status}”：{count} 项指标缺少必需的佐证材料或佐证材料未判为{valid}：{gaps}",
              "{region} {period} cannot become {status}: required evidence is missing or not {valid} "
              "for {count} indicator(s): {gaps}"),
    "verdict_unknown": w("{item} 的审核结论只能是 {allowed}，不能是 {verdict}",
                         "verdict {verdict} on {item}: allowed {allowed}"),
    "verdict_needs_reason": w("{leaf} {item}：结论为“{verdict}”时须说明理由（`--reason …`）",
                              "{leaf} {item}: a verdict of {verdict} needs a reason (--reason …)"),
    "stage_final": w("{region} {period}（阶段 {stage}）已定稿（只读）",
                     "{region} {period} (stage {stage}) is final (read-only)"),
    "no_such_item": w("{region} {leaf} 在阶段 {stage} 中没有佐证材料 {item}；现有：{items}",
                      "{region} {leaf} has no evidence item {item} in stage {stage}; items: {items}"),
    "none": w("无", "none"),
    "site_check_date": w("现场核查日期 {date} 不是日期（格式 `YYYY-MM-DD`）",
                         "site check date {date} is not a date (YYYY-MM-DD)"),
    "site_check_checker": w("现场核查须至少列出一名核查人", "a site check names at least one checker"),
    "site_check_findings": w("现场核查须记录核查发现", "a site check records its findings"),
    "stage_not_submitted": w("{region} {period}：阶段 {before} 的状态为“{status}”；须先提交，才能从它开始阶段 {stage}",
                             "{region} {period}: stage {before} is {status}; it must be submitted "
                             "before stage {stage} starts from it"),
    "stage_started": w("{region} {period}：阶段 {stage} 已经开始", "{region} {period}: stage {stage} has already started"),
    # the campaign's tasks (task_board.py)
    "no_tasks_file": w("本工作区没有任务文件：请在 `workspace.yaml` 中加入 `tasks: tasks.yaml`",
                       "this workspace has no tasks file: add `tasks: tasks.yaml` to workspace.yaml"),
    "tasks_file_missing": w("在工作区 {folder} 中找不到任务文件 {file}",
                            "tasks file {file} not found in the workspace {folder}"),
    "unit_no_tasks": w("单位 {unit} 在 {file} 中没有任务；有任务的单位：{units}",
                       "unit {unit} has no tasks in {file}; units: {units}"),
    "no_milestone": w("任务 {task} 没有节点 {unknown}；其节点为：{milestones}",
                      "task {task} has no milestone {unknown}; its milestones: {milestones}"),
    "done_after_report": w("任务 {task}：完成日期 {done} 晚于本次报送日期 {as_of}",
                           "task {task}: finished on {done}, after the report's date {as_of}"),
    "not_a_period": w("{period} 不是评价期", "not a period: {period}"),
    # workspace.yaml and regions.yaml (config.py)
    "config_period_kind": w("评价期 {period} 不是{kind}（`period_kind: {period_kind}`）；应写作 {example}",
                            "period {period} is not a {kind} (period_kind: {period_kind}); write it as {example}"),
    "not_a_workspace": w("{folder} 不是工作区：其中没有 {file}（用 `assessor init` 创建）",
                         "{folder} is not a workspace: it has no {file} (create one with `assessor init`)"),
    "region_twice": w("地区 {region}（{name}）重复列出", "region {region} ({name}) is listed twice"),
    "set_outside": w("指标集 {set} 不在工作区内，也不是 `.yaml` 文件；请指定工作区内的指标集、内置指标集编号或 `.yaml` 指标集文件",
                     "indicator set {set} is outside the workspace and not a .yaml file; "
                     "name a set inside the workspace, a bundled set id, or a .yaml set file"),
    "set_missing": w("找不到指标集 {set}：已查找 {looked}", "indicator set {set} not found: looked for {looked}"),
    "regions_outside": w("地区文件 {file} 不在工作区 {folder} 内；请放在工作区文件夹中",
                         "regions file {file} is outside the workspace {folder}; keep it in the workspace folder"),
    # kinds of unit in workspace.yaml and regions.yaml (kinds.py)
    "kinds_empty": w("`kinds` 为空：请至少列出一个类型（`{{key, label, set}}`），或删去该键，按默认的单一类型 {kind} 用 `sets` 中的第一个指标集评分",
                     "kinds is empty: list at least one kind ({{key, label, set}}) or leave the key "
                     "out for one kind '{kind}' scored with the first of sets"),
    "kind_declared_twice": w("类型 {kind} 重复声明（另见 `kinds[{index}]`）；每个类型须有自己的键",
                             "kind {kind} is declared twice (also kinds[{index}]); each kind needs its own key"),
    "kind_says": w("类型 {kind}（{label}）：{message}", "kind {kind} ({label}): {message}"),
    "unit_kind_unknown": w("单位 {unit}（{name}）的类型 {kind} 不是本次评估的单位类型；可选：{allowed}（在 {file} 的 `kinds:` 下声明）",
                           "unit {unit} ({name}) has kind {kind}, which is not a kind of this "
                           "campaign; allowed: {allowed} (declared under kinds: in {file})"),
    "kind_set_fails": w("类型 {kind}（{label}）：其指标集 {set} 无法载入（见上文）",
                        "kind {kind} ({label}): its set {set} does not load (see above)"),
    "kind_set_fails_plain": w("类型 {kind}：其指标集 {set} 无法载入", "kind {kind}: its set {set} does not load"),
    # the audit replay of task progress (tasks.py)
    "progress_label": w("任务进展 {row}（{campaign}）", "task progress {row} ({campaign})"),
    "replay_not_logged": w("{what} 在数据表中，但不在审计日志中", "{what} is in the table but not in the audit log"),
    "replay_differs": w("{what} 与审计日志不符：数据表 {have}（版本 {version}，{by}），日志 {logged}（版本 {logged_version}，{logged_by}）",
                        "{what} differs from the audit log: table {have} (version {version}, {by}), "
                        "log {logged} (version {logged_version}, {logged_by})"),
    "replay_not_in_table": w("{what} 在审计日志中，但数据表中没有", "{what} is in the audit log but missing from the table"),
    # the database cannot be reached (outage.py)
    "unreachable": w("数据库暂不可用（{place}：{why}），未读取或保存任何数据；恢复后重试",
                     "the database {place} cannot be reached ({why}); nothing was read or written — "
                     "try again when it is back"),
    "the_database": w("数据库", "the database"),
    "the_sqlite_database": w("本地数据库文件", "the SQLite database"),
    # the audit log's hash chain (audit.py, `assessor audit verify`)
    "audit.out_of_order": w("第 {seq} 条记录缺失或顺序错乱（该位置是第 {found} 条）",
                            "record {seq} is missing or out of order (found {found} in its place)"),
    "audit.not_following": w("第 {seq} 条记录未接续第 {before} 条：审计链被重新排序或有记录被删除",
                             "record {seq} does not follow record {before}: the chain was reordered or a record removed"),
    "audit.edited": w("第 {seq} 条记录（{action} {leaf}，{who} 于 {at}）在写入后被修改",
                      "record {seq} ({action} {leaf} by {who} at {at}) was edited after it was written"),
    "audit.head_mismatch": w("日志止于第 {last} 条记录，但链头记录指向第 {head} 条：有记录被删除或链头被篡改",
                             "the log ends at record {last} but its head names record {head}: "
                             "records were deleted or the head altered"),
    # the tables against the audit log's replay (replay.py, `assessor audit verify`)
    "replay.entry_differs": w("填报 {name} 与审计日志应有的内容不符",
                              "entry {name} differs from what the audit log says it should be"),
    "replay.entry_field": w("填报 {name}：`{field}` 为 {found}，但审计日志记为 {expected}",
                            "entry {name}: {field} is {found} but the audit log says {expected}"),
    "replay.status_missing": w("{name} 的状态缺失；审计日志记为 {expected}",
                               "status of {name} is missing; the audit log says {expected}"),
    "replay.status_differs": w("{name} 的状态为 {found}，但审计日志记为 {expected}",
                               "status of {name} is {found} but the audit log says {expected}"),
    "replay.status_by": w("{name} 的状态由 {by} 于 {at} 设置，但审计日志记为 {logged_by} 于 {logged_at}",
                          "status of {name}: set by {by} at {at}, but the audit log says {logged_by} at {logged_at}"),
    "replay.evidence_not_logged": w("佐证记录 {id}（{where}：{item}）不在审计日志中（在日志之外被添加或修改）",
                                    "evidence row {id} ({where}: {item}) is not in the audit log (added or changed behind it)"),
    "replay.evidence_deleted": w("{where} 的佐证材料 {item} 在审计日志中，但佐证表中没有（在日志之外被删除）",
                                 "evidence {item} of {where} is in the audit log but not in "
                                 "the evidence table (deleted behind it)"),
    "replay.the_log": w("审计日志", "the audit log"),
    "replay.the_verdicts": w("佐证审核表（`evidence_verdicts`）", "the evidence_verdicts table"),
    "replay.the_site_checks": w("现场核查表（`site_checks`）", "the site_checks table"),
    "replay.verdict_missing": w("{name} 的佐证审核结论在{where}中缺失（在日志之外被修改）",
                                "verdict on {name} is missing from {where} (changed behind the log)"),
    "replay.verdict_differs": w("{name} 的审核结论为 {verdict}（{by}），但审计日志记为 {logged}（{logged_by}）",
                                "verdict on {name} is {verdict} by {by}, but the audit log says {logged} by {logged_by}"),
    "replay.site_check_missing": w("{name} 的现场核查在{where}中缺失（在日志之外被修改）",
                                   "site check of {name} is missing from {where} (changed behind the log)"),
    "replay.site_check_differs": w("{name} 的现场核查与审计日志不符", "site check of {name} differs from what the audit log says"),
}  # fmt: skip
