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
}
