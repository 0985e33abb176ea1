"""`assessor init` against a database that cannot be opened says why and leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import ROOT, assessor

REGIONS = str(ROOT / "samples" / "workspace" / "regions.yaml")


@pytest.mark.parametrize(
    "database",
    [
        "postgresql://nobody@127.0.0.1:1/campaign",  # a closed port
        "mysql://nobody@127.0.0.1/campaign",  # not a database assessor speaks
        "sqlite:////proc/assessor.db",  # a folder nobody can write
    ],
)
def test_init_with_a_database_that_cannot_be_opened_leaves_no_folder(
    tmp_path: Path, database: str
) -> None:
    folder = tmp_path / "campaign"
    done = assessor("init", str(folder), "--set", "sd-county-2020", "--regions", REGIONS,
                    "--period", "2021", "--database", database)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "database" in done.stderr
    assert not folder.exists()


def test_init_into_an_existing_folder_keeps_what_was_there(tmp_path: Path) -> None:
    folder = tmp_path / "campaign"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    done = assessor("init", str(folder), "--set", "sd-county-2020", "--regions", REGIONS,
                    "--database", "postgresql://nobody@127.0.0.1:1/campaign")  # fmt: skip
    assert done.returncode == 1
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
