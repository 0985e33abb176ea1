"""A read-only command run again on unchanged inputs prints what it printed (cli/memo.py).

Through the real command: the second run is replayed (ASSESSOR_CACHE_TRACE says so) with the
same output and exit code, and any change to what the first run read makes the next one run
anew. In-process: what a run may not do (write, read stdin, use the network) keeps it from
being recorded, and inputs it only looked for, databases and modules are checked again.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assessor.cli.memo import KEEP_RECORDS, Memo

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SET = str(ROOT / "indicators" / "sd-county-2020.yaml")


def run(cache: Path, *args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "ASSESSOR_NO_CACHE"}
    environ.update({"ASSESSOR_CACHE_DIR": str(cache), "ASSESSOR_CACHE_TRACE": "1", **env})
    return subprocess.run(
        [sys.executable, "-m", "assessor", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environ,
        timeout=300,
    )


def output(p: subprocess.CompletedProcess[str]) -> tuple[int, str, list[str]]:
    """Exit code, stdout and stderr without the cache's own trace lines."""
    err = [line for line in p.stderr.splitlines() if not line.startswith("assessor cache:")]
    return p.returncode, p.stdout, err


def replayed(p: subprocess.CompletedProcess[str]) -> bool:
    return "assessor cache: replayed" in p.stderr


@pytest.fixture
def entries(tmp_path: Path) -> list[str]:
    folder = tmp_path / "entries"
    shutil.copytree(SAMPLES / "sd-county-2020", folder)
    return [str(p) for p in sorted(folder.glob("*.yaml"))]


def test_a_repeated_score_is_replayed_with_the_same_output(
    tmp_path: Path, entries: list[str]
) -> None:
    first = run(tmp_path / "c", "score", "--set", SET, "--entries", *entries)
    second = run(tmp_path / "c", "score", "--set", SET, "--entries", *entries)
    assert first.returncode == 0, first.stderr
    assert "assessor cache: recorded" in first.stderr
    assert replayed(second)
    assert output(second) == output(first)


def test_an_edited_entries_file_is_scored_again_though_size_and_mtime_are_kept(
    tmp_path: Path, entries: list[str]
) -> None:
    args = ("score", "--set", SET, "--entries", *entries, "--format", "json")
    before = run(tmp_path / "c", *args)
    path = Path(entries[0])
    text = path.read_text(encoding="utf-8")
    st = path.stat()
    # One digit for another: the same size; the mtime put back as it was.
    edited = text.replace("D1-03: 87", "D1-03: 78", 1)
    assert edited != text and len(edited) == len(text)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = run(tmp_path / "c", *args)
    assert not replayed(after)
    assert after.stdout != before.stdout
    assert output(after) == output(run(tmp_path / "fresh", *args))


def test_lint_problems_are_replayed_with_their_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nname: 测试\ntree: []\nfull_score: 100\nlevels: 3\n", encoding="utf-8")
    first = run(tmp_path / "c", "lint", str(bad))
    second = run(tmp_path / "c", "lint", str(bad))
    assert first.returncode == 1
    assert replayed(second)
    assert output(second) == output(first)


def test_a_new_set_in_a_linted_folder_is_linted(tmp_path: Path) -> None:
    folder = tmp_path / "sets"
    folder.mkdir()
    shutil.copy(SET, folder / "a.yaml")
    run(tmp_path / "c", "lint", str(folder))
    (folder / "b.yaml").write_text("id: b\n", encoding="utf-8")
    again = run(tmp_path / "c", "lint", str(folder))
    assert not replayed(again)
    assert "b.yaml" in again.stdout and again.returncode == 1


def test_another_language_is_another_run(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.yaml")
    en = run(tmp_path / "c", "lint", missing, ASSESSOR_LANG="en")
    zh = run(tmp_path / "c", "lint", missing, ASSESSOR_LANG="zh")
    assert not replayed(zh)
    assert en.stdout != zh.stdout


def test_status_reads_the_workspace_again_after_a_write(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(SAMPLES / "workspace", ws)
    files = [str(p) for p in sorted((SAMPLES / "sd-county-2020").glob("*.yaml"))]
    imported = run(tmp_path / "c", "import", "-w", str(ws), "--who", "导入员", files[0])
    assert imported.returncode == 0, imported.stderr
    first = run(tmp_path / "c", "status", "-w", str(ws))
    assert first.returncode == 0, first.stderr
    assert replayed(run(tmp_path / "c", "status", "-w", str(ws)))
    imported = run(tmp_path / "c", "import", "-w", str(ws), "--who", "导入员", *files[1:])
    assert imported.returncode == 0, imported.stderr
    after = run(tmp_path / "c", "status", "-w", str(ws))
    assert not replayed(after)
    assert after.stdout != first.stdout
    assert output(after) == output(run(tmp_path / "fresh", "status", "-w", str(ws)))


def test_nothing_is_kept_with_the_cache_off(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.yaml")
    run(tmp_path / "c", "lint", missing, ASSESSOR_NO_CACHE="1")
    assert not (tmp_path / "c").exists()


# In-process: a run as `Memo.record` sees it.


def record(folder: Path, body: Callable[[], int], argv: tuple[str, ...] = ("lint", "x")) -> Memo:
    memo = Memo(folder, list(argv))
    assert memo.record(body) == 0
    return memo


def test_a_run_is_replayed_only_when_its_record_was_kept(tmp_path: Path) -> None:
    data = tmp_path / "data.txt"
    data.write_text("甲", encoding="utf-8")

    def body() -> int:
        print(data.read_text(encoding="utf-8"))
        return 0

    memo = record(tmp_path / "c", body)
    out = io.StringIO()
    real = sys.stdout
    sys.stdout = out
    try:
        assert memo.replay() == 0
    finally:
        sys.stdout = real
    assert out.getvalue() == "甲\n"


@pytest.mark.parametrize(
    "what",
    [
        "writes a file",
        "reads standard input",
        "uses the network",
        "runs a program",
        "lists a folder by descriptor",
    ],
)
def test_a_run_that_reaches_beyond_its_inputs_is_not_kept(tmp_path: Path, what: str) -> None:
    def body() -> int:
        if what == "writes a file":
            (tmp_path / "out.txt").write_text("x", encoding="utf-8")
        elif what == "reads standard input":
            sys.stdin.read()
        elif what == "lists a folder by descriptor":
            fd = os.open(tmp_path, os.O_RDONLY)
            try:
                os.listdir(fd)
            finally:
                os.close(fd)
        elif what == "uses the network":
            with socket.socket() as s:
                s.settimeout(1)
                s.connect_ex(("127.0.0.1", 9))
        else:
            subprocess.run(["true"], check=True)
        return 0

    stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        memo = record(tmp_path / "c", body)
    finally:
        sys.stdin = stdin
    assert not memo.file.exists()
    assert memo.replay() is None


def test_a_file_the_run_only_looked_for_is_looked_for_again(tmp_path: Path) -> None:
    optional = tmp_path / "regions.yaml"
    memo = record(tmp_path / "c", lambda: 0 if not optional.exists() else 1)
    assert memo.replay() == 0
    optional.write_text("x", encoding="utf-8")
    assert memo.replay() is None


def test_a_database_written_by_another_connection_is_read_again(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (v TEXT)")
    writer = sqlite3.connect(db)  # kept open: the log is not checkpointed away

    def body() -> int:
        with sqlite3.connect(db) as conn:
            print(conn.execute("SELECT count(*) FROM t").fetchone())
        return 0

    memo = record(tmp_path / "c", body)
    assert memo.replay() == 0
    writer.execute("INSERT INTO t VALUES ('x')")
    writer.commit()
    assert memo.replay() is None
    writer.close()


def test_changed_code_is_a_new_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "code").mkdir()
    module = tmp_path / "code" / "memo_probe_module.py"
    module.write_text("WORD = 'a'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "code"))

    def body() -> int:
        import memo_probe_module  # noqa: F401

        return 0

    monkeypatch.delitem(sys.modules, "memo_probe_module", raising=False)
    memo = record(tmp_path / "c", body)
    assert memo.replay() == 0
    module.write_text("WORD = 'bb'\n", encoding="utf-8")
    assert memo.replay() is None


def test_a_run_that_writes_pythons_bytecode_cache_is_replayed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python writes a module's __pycache__ folder when it first imports it (unless
    PYTHONDONTWRITEBYTECODE is set): that is not a change of input."""
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "memo_cached_module.py").write_text("WORD = 'a'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "code"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)

    def body() -> int:
        import memo_cached_module  # noqa: F401

        return 0

    monkeypatch.delitem(sys.modules, "memo_cached_module", raising=False)
    memo = record(tmp_path / "c", body)
    assert (tmp_path / "code" / "__pycache__").is_dir()  # the case in question happened
    assert memo.replay() == 0


def test_only_the_newest_records_are_kept(tmp_path: Path) -> None:
    runs = tmp_path / "c" / "runs"
    runs.mkdir(parents=True)
    for i in range(KEEP_RECORDS):
        old = runs / f"{i:04}.pickle"
        old.write_bytes(b"")
        os.utime(old, ns=(i, i))
    memo = record(tmp_path / "c", lambda: 0)
    kept = {p.name for p in runs.iterdir()}
    assert memo.file.name in kept
    assert len(kept) == KEEP_RECORDS * 3 // 4
    assert f"{KEEP_RECORDS - 1:04}.pickle" in kept and "0000.pickle" not in kept


def test_tracing_the_cache_does_not_change_which_record_a_run_finds(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.yaml")
    run(tmp_path / "c", "lint", missing, ASSESSOR_CACHE_TRACE="0")
    assert replayed(run(tmp_path / "c", "lint", missing))


def test_a_corrupt_record_is_run_anew(tmp_path: Path) -> None:
    memo = record(tmp_path / "c", lambda: 0)
    memo.file.write_bytes(b"not a record")
    assert memo.replay() is None
