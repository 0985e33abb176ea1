"""Where a report's data came from: sample detection and the workspace's report settings.

Sample data (示例数据) rule, decided here and documented in docs/reports.md — a report is
marked as sample data on every page when any of these holds:
- an entries file or the workspace folder lies under a folder named ``samples``;
- an entries file's top-level ``note`` contains "示例数据";
- the workspace's ``workspace.yaml`` says ``sample: true`` or its ``note`` contains "示例数据".
``--sample`` / ``--no-sample`` on the command line override the detection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assessor.loader.located import SAFE_LOADER
from assessor.store.config import read_config

SAMPLE_WORD = "示例数据"
DEFAULT_SAMPLE_NOTE = "示例数据：数值为虚构，仅用于演示和测试，不代表任何地区的真实评价结果。"


@dataclass
class ReportSettings:
    """Cover and metadata settings: the workspace's ``report:`` block, then CLI flags."""

    title: str | None = None
    organisation: str | None = None
    doc_number: str | None = None
    logo: Path | None = None
    sample: bool = False
    sample_note: str | None = None
    omit: list[str] = field(default_factory=list)
    signatures: list[str] | None = None  # None: the default signers
    recipients: list[str] = field(default_factory=list)  # a bulletin's 主送
    copies: list[str] = field(default_factory=list)  # a bulletin's 抄送
    extra: dict[str, Any] = field(default_factory=dict)


def _top_level(path: Path) -> dict[str, Any]:
    """The top-level mapping of a YAML file, or {} if it cannot be read (never raises)."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=SAFE_LOADER)  # libyaml: 0.07 s, not 0.6 s
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def under_samples(path: Path) -> bool:
    return "samples" in Path(path).resolve().parts


def detect_sample(entries: list[Path], workspace: Path | None) -> tuple[bool, str | None]:
    """(is sample data, the note to print) following the rule in the module docstring."""
    note: str | None = None
    sample = False
    for p in entries:
        top = _top_level(p)
        text = str(top.get("note") or "")
        if SAMPLE_WORD in text:
            sample, note = True, note or text
        if under_samples(p):
            sample = True
    if workspace is not None:
        config = read_config(workspace)
        text = config.note or ""
        if config.sample or SAMPLE_WORD in text:
            sample = True
            note = note or (text if SAMPLE_WORD in text else None)
        if under_samples(workspace):
            sample = True
    return sample, (note or DEFAULT_SAMPLE_NOTE) if sample else None


def workspace_settings(workspace: Path | None) -> ReportSettings:
    """The ``report:`` block of the workspace (title, organisation, document number, logo)."""
    if workspace is None:
        return ReportSettings()
    block = read_config(workspace).report
    return ReportSettings(
        title=block.title,
        organisation=block.organisation,
        doc_number=block.document_number,
        logo=(workspace / block.logo) if block.logo else None,
        omit=list(block.omit),
        signatures=block.signatures,
        recipients=list(block.recipients),
        copies=list(block.copies),
        extra=block.model_dump(exclude_none=True),
    )


def audit_head(workspace: Path | None) -> tuple[int, str] | None:
    """The workspace's audit log head (record number, hash), printed in reports as an anchor.

    Read before the entries are: the anchor never names a record the report did not see.
    """
    if workspace is None:
        return None
    from assessor.store.workspace import open_workspace

    ws = open_workspace(workspace)
    try:
        return ws.store.chain_head()
    finally:
        ws.close()
