"""Where the bundled indicator sets and report templates are, in an install or a checkout.

The repository keeps them at the top (`indicators/`, `templates/`) so evaluators find and copy
them; a build copies both into the package (setup.py), so every install — a virtualenv,
`pip install --user`, pipx, `uv tool` — reads them as package data through importlib.resources.
An editable install has no copy: its package folder sits in the checkout, whose top-level
folders are used (and edits to them show at once).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE = "assessor"
_CHECKOUT = Path(__file__).resolve().parent.parent


def bundled(name: str) -> Path:
    """The bundled folder `name` ("indicators" or "templates") as a real folder on disk."""
    packaged = files(_PACKAGE) / name
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = _CHECKOUT / name
    if (_CHECKOUT / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    # Missing (a broken install): messages then name where the package looked.
    return Path(str(packaged))
