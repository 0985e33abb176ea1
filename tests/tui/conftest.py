"""A sample workspace with the sample entries imported, in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessor.loader import load_entries
from assessor.store.store import EntryKey
from assessor.store.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workspace(tmp_path: Path, imported_sample: Path) -> Path:
    """A fresh copy of the sample workspace with the sample entries imported."""
    return Path(shutil.copytree(imported_sample, tmp_path / "ws"))


@pytest.fixture(scope="session")
def imported_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per run (importing the 2384 sample entries takes seconds); tests get copies."""
    return sample_workspace(tmp_path_factory.mktemp("sample") / "ws")


def sample_workspace(ws_dir: Path, database: str | None = None) -> Path:
    """The sample workspace with the sample entries imported (on `database` when given)."""
    shutil.copytree(ROOT / "samples" / "workspace", ws_dir)
    if database is not None:
        with (ws_dir / "workspace.yaml").open("a", encoding="utf-8") as f:
            f.write(f"database: {database}\n")
    ws = open_workspace(ws_dir)
    rows = []
    for a in load_entries(
        sorted((ROOT / "samples" / "sd-county-2020").glob("*.yaml")), ws.indicator_set
    ):
        for rid, leaves in a.entries.items():
            for leaf, entries in leaves.items():
                rows.extend(
                    (EntryKey(ws.set_id, rid, a.period, e.evaluator, leaf), e) for e in entries
                )
    ws.store.import_entries(rows, who="test")
    ws.close()
    return ws_dir


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The TUI remembers the theme per user: tests keep theirs in a folder of their own."""
    folder = tmp_path / "settings"
    monkeypatch.setenv("ASSESSOR_CONFIG_DIR", str(folder))
    return folder
