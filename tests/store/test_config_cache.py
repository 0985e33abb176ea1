"""Validated workspace and regions files are cached like sets (loader/cache.py `cached_file`):
an unchanged file is not validated again, any change to the file or to the code reading it is
read afresh, and a file with a problem is never kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.errors import AssessorError
from assessor.store import config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ASSESSOR_CACHE_DIR", str(folder))
    monkeypatch.delenv("ASSESSOR_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        (ws / name).write_bytes((ROOT / "samples" / "workspace" / name).read_bytes())
    return ws


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually validated (not taken from the cache)."""
    seen: list[str] = []
    real = config._validate

    def counting(model: type, path: Path, what: str) -> object:
        seen.append(path.name)
        return real(model, path, what)

    monkeypatch.setattr(config, "_validate", counting)
    return seen


def test_unchanged_files_are_validated_once_and_come_back_equal(
    workspace: Path, cache_dir: Path, validations: list[str]
) -> None:
    first = (config.read_config(workspace), config.read_regions(workspace / "regions.yaml"))
    second = (config.read_config(workspace), config.read_regions(workspace / "regions.yaml"))
    assert validations == ["workspace.yaml", "regions.yaml"]
    assert second == first
    assert sorted(p.parent.name for p in cache_dir.rglob("*.pickle")) == ["regions", "workspaces"]


def test_an_edited_workspace_or_regions_file_is_read_again(
    workspace: Path, cache_dir: Path, validations: list[str]
) -> None:
    config.read_config(workspace)
    regions = config.read_regions(workspace / "regions.yaml")
    ws_file = workspace / "workspace.yaml"
    text = ws_file.read_text(encoding="utf-8")
    ws_file.write_text(
        text.replace("organisation: 山东省大数据局（示例）", "organisation: 新单位"), "utf-8"
    )
    assert config.read_config(workspace).organisation == "新单位"
    regions_file = workspace / "regions.yaml"
    text = regions_file.read_text(encoding="utf-8")
    regions_file.write_text(text.replace(regions[0].name or "", "改名", 1), encoding="utf-8")
    assert config.read_regions(regions_file)[0].name == "改名"
    assert validations == ["workspace.yaml", "regions.yaml", "workspace.yaml", "regions.yaml"]


def test_a_file_with_a_problem_is_never_cached(
    workspace: Path, cache_dir: Path, validations: list[str]
) -> None:
    regions_file = workspace / "regions.yaml"
    text = regions_file.read_text(encoding="utf-8")
    first = config.read_regions(regions_file)[0]
    regions_file.write_text(text + f"- {{id: '{first.id}', name: 重复}}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(AssessorError, match="listed twice"):
            config.read_regions(regions_file)
    assert validations == ["regions.yaml", "regions.yaml", "regions.yaml"]


def test_a_change_to_the_code_reading_them_reads_them_again(
    workspace: Path,
    cache_dir: Path,
    validations: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reader = tmp_path / "config.py"
    reader.write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(config, "_READERS", (reader,))
    config.read_config(workspace)
    config.read_config(workspace)
    reader.write_text("x = 22\n", encoding="utf-8")
    config.read_config(workspace)
    assert validations == ["workspace.yaml", "workspace.yaml"]


def test_a_corrupt_cache_file_or_no_cache_changes_nothing(
    workspace: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = config.read_config(workspace)
    for cached in cache_dir.rglob("*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert config.read_config(workspace) == fresh
    monkeypatch.setenv("ASSESSOR_NO_CACHE", "1")
    assert config.read_config(workspace) == fresh
