"""The set cache (loader/cache.py): an unchanged self-contained set is not validated again, and
nothing a user can see depends on whether the cache was there."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.errors import AssessorError
from assessor.loader import cache, sets
from assessor.loader.sets import load_set, load_set_located
from tests.loader.helpers import write

SET = """\
id: cached
name: 缓存
tree:
  - {id: A1, name: 一, points: 60, method: check}
  - {id: A2, name: 二, points: 40, method: check}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ASSESSOR_CACHE_DIR", str(folder))
    monkeypatch.delenv("ASSESSOR_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files actually read and validated (not taken from the cache)."""
    seen: list[Path] = []
    real = sets._load_set_located

    def counting(path: Path | str, known: object = None) -> object:
        seen.append(Path(path))
        return real(path, known)  # type: ignore[arg-type]

    monkeypatch.setattr(sets, "_load_set_located", counting)
    return seen


def cached_files(folder: Path) -> list[Path]:
    return sorted((folder / "sets").glob("*.pickle"))


def test_an_unchanged_set_is_validated_once_and_comes_back_equal(
    tmp_path: Path, cache_dir: Path, validations: list[Path]
) -> None:
    path = write(tmp_path, "s.yaml", SET)
    first, first_raw = load_set_located(path)
    second, second_raw = load_set_located(path)
    assert validations == [path]
    assert second == first
    assert second_raw == first_raw
    assert second_raw.key_marks == first_raw.key_marks  # positions for lint messages too
    assert len(cached_files(cache_dir)) == 1


def test_an_edited_set_is_read_again(
    tmp_path: Path, cache_dir: Path, validations: list[Path]
) -> None:
    path = write(tmp_path, "s.yaml", SET)
    assert load_set(path).name == "缓存"
    path.write_text(SET.replace("name: 缓存", "name: 改过"), encoding="utf-8")
    assert load_set(path).name == "改过"
    assert len(validations) == 2


def test_a_set_with_a_problem_is_never_cached_and_fails_every_time(
    tmp_path: Path, cache_dir: Path
) -> None:
    path = write(tmp_path, "bad.yaml", SET.replace("points: 60", "points: sixty"))
    for _ in range(2):
        with pytest.raises(AssessorError) as exc:
            load_set(path)
        assert any(p.line == 4 for p in exc.value.problems)
    assert cached_files(cache_dir) == []


def test_a_set_that_extends_another_follows_its_parent(
    tmp_path: Path, cache_dir: Path, validations: list[Path]
) -> None:
    write(tmp_path, "cached.yaml", SET)
    child = write(tmp_path, "child.yaml", "id: child\nname: 子\nextends: cached\n")
    assert load_set(child).tree[0].points == 60
    write(tmp_path, "cached.yaml", SET.replace("points: 60", "points: 70"))
    assert load_set(child).tree[0].points == 70
    assert validations == [child, child]


def test_a_corrupt_cache_file_is_ignored(tmp_path: Path, cache_dir: Path) -> None:
    path = write(tmp_path, "s.yaml", SET)
    expected = load_set(path)
    for f in cached_files(cache_dir):
        f.write_bytes(b"\x80\x05 not a pickle")
    assert load_set(path) == expected


def test_an_unwritable_cache_folder_changes_nothing(tmp_path: Path, cache_dir: Path) -> None:
    cache_dir.write_text("a file where the folder should be", encoding="utf-8")
    path = write(tmp_path, "s.yaml", SET)
    assert load_set(path) == load_set(path)


def test_assessor_no_cache_turns_it_off(
    tmp_path: Path, cache_dir: Path, validations: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSESSOR_NO_CACHE", "1")
    path = write(tmp_path, "s.yaml", SET)
    load_set(path)
    load_set(path)
    assert validations == [path, path]
    assert not cache_dir.exists()


def test_the_cache_key_changes_with_the_code_that_reads_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for package in ("model", "loader"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "a.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_PACKAGE_DIR", tmp_path)
    cache.code_fingerprint.cache_clear()
    try:
        before = cache.code_fingerprint()
        (tmp_path / "model" / "a.py").write_text("x = 22\n", encoding="utf-8")
        cache.code_fingerprint.cache_clear()
        assert cache.code_fingerprint() != before
    finally:
        cache.code_fingerprint.cache_clear()


def test_a_device_or_a_fifo_is_left_to_the_loader_to_refuse(
    tmp_path: Path, cache_dir: Path
) -> None:
    """The cache never reads what is not a regular file (/dev/zero has no end, a FIFO blocks)."""
    import os

    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for target in (Path("/dev/zero"), fifo):
        with pytest.raises(AssessorError) as exc:
            load_set(target)
        assert "not a regular file" in exc.value.problems[0].message
    assert cached_files(cache_dir) == []


def test_a_set_asked_for_again_in_one_process_is_not_unpickled_again(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "s.yaml", SET)
    load_set(path)  # validated and written to the cache
    monkeypatch.setattr(cache, "_IN_PROCESS", {})  # as a new command would start
    unpickled: list[bytes] = []
    real = cache._unpickled

    def counting(payload: bytes | None, is_loaded: object) -> object:
        unpickled.append(payload or b"")
        return real(payload, is_loaded)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "_unpickled", counting)
    first = load_set(path)
    assert load_set(path) is first
    assert len(unpickled) == 1
    path.write_text(SET.replace("一", "壹"), encoding="utf-8")
    assert load_set(path) != first  # edited: another key, read again
