"""The workspace a command works on: given, or the folder (or a parent) holding workspace.yaml."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.errors import UsageError
from assessor.text.catalogue import said

if TYPE_CHECKING:
    from assessor.store.workspace import Workspace


def add_workspace_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-w", "--workspace", type=Path, default=None,
        help="workspace folder (default: the current folder or the nearest parent with workspace.yaml)",
    )  # fmt: skip


def add_who_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--who", help="your name for the audit log (default: $ASSESSOR_USER or your login)"
    )


def add_stage_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--stage",
        help="the stage worked on (a key of workspace.yaml's stages: self, review, expert …; "
        "default: the latest stage with entries)",
    )


def who(args: argparse.Namespace) -> str:
    return getattr(args, "who", None) or os.environ.get("ASSESSOR_USER") or getpass.getuser()


def workspace_from(args: argparse.Namespace, *, read_only: bool = False) -> Workspace:
    """The workspace asked for; `read_only` for commands that only read (store/light.py)."""
    from assessor.store.workspace import find_workspace, open_workspace

    folder = args.workspace or find_workspace()
    if folder is None:
        raise UsageError(said("cli.no_workspace_here"))

    ws = open_workspace(folder, read_only=read_only)
    ws.use_stage(getattr(args, "stage", None))
    return ws
