"""A copy of the Binzhou 2023 sample campaign per test (its own SQLite database)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "binzhou-2023"


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    folder = tmp_path / "binzhou"
    shutil.copytree(SAMPLE, folder)
    return folder


# The store's fixtures: each store test runs on SQLite and on a real PostgreSQL server.
from tests.store.conftest import db_url, postgres, store  # noqa: E402, F401
