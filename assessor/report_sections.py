"""The report sections that can be left out: one list for workspace.yaml and the CLI.

Kept free of imports so `assessor report --help` lists them without loading the models.
"""

from __future__ import annotations

from typing import Literal

#: Report sections that `report: omit:` (or `assessor report --omit`) can leave out.
ReportSection = Literal[
    "charts", "indicators", "lost", "gap", "findings", "appendix", "signatures",  # county
    "distribution", "heatmap", "leaders", "trends",  # ranking report (and appendix)
]  # fmt: skip
REPORT_SECTIONS: tuple[str, ...] = ReportSection.__args__  # type: ignore[attr-defined]
