"""The workspace's and the store's messages (``store.<key>``): what an evaluator is told when a
file, a value or a write is refused, in the language of the screen that refused it."""

from __future__ import annotations

from assessor.text.words import w

WORDS = {
    "evidence_outside": w("佐证材料 {path} 不在工作区 {folder} 内；请先复制到工作区",
                          "evidence {path} is outside the workspace {folder}; copy it in first"),
    "evidence_missing": w("佐证文件 {path} 不存在", "evidence file {path} does not exist"),
}  # fmt: skip
