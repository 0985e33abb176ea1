"""Where the bundled indicator sets and report templates are, in a checkout or an install.

They live at the top of the repository (`indicators/`, `templates/`) so evaluators find and copy
them; a wheel installs them under ``<prefix>/share/assessor/`` (``[tool.setuptools.data-files]``
in pyproject.toml). A checkout (editable install) is looked at first.
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def bundled(name: str) -> Path:
    """The bundled folder `name` ("indicators" or "templates"); the checkout's when there is one."""
    candidates = [
        _CHECKOUT / name,
        Path(sysconfig.get_path("data")) / "share" / "assessor" / name,
        Path(sys.prefix) / "share" / "assessor" / name,
    ]
    for c in candidates:
        if c.is_dir():
            return c
    return candidates[0]  # missing: messages then name the checkout path
