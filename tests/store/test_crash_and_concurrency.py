"""A writer killed with SIGKILL at random moments loses nothing it acknowledged and leaves no
half-applied import; several processes writing at once lose nothing and see no errors."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import sqlite3
import time
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessor.model import Entry
from assessor.store.store import HEAD_REVISION, EntryKey, Store

FORK = mp.get_context("fork")
SET = "crash"


def _writer(url: str, mode: str, start: int, conn: object) -> None:
    """Child: write entries (or imports of 20) forever, acknowledging each after commit."""
    store = Store.open(url, migrate=False)
    i = start
    while True:
        if mode == "entries":
            store.set_entry(EntryKey(SET, "r", "2024", "w", f"L{i}"), Entry(value=D(i)))
        else:
            rows = [
                (EntryKey(SET, f"b{i}", "2024", "w", f"L{j}"), Entry(value=D(j))) for j in range(20)
            ]
            store.import_entries(rows, who="import")
        conn.send(i)  # type: ignore[attr-defined]
        i += 1


def _kill_at_random(url: str, mode: str, start: int, rng: random.Random) -> list[int]:
    parent, child = FORK.Pipe(duplex=False)
    p = FORK.Process(target=_writer, args=(url, mode, start, child))
    p.start()
    child.close()
    time.sleep(rng.uniform(0.02, 0.25))
    os.kill(p.pid, signal.SIGKILL)
    p.join()
    acked = []
    while parent.poll():
        try:
            acked.append(parent.recv())
        except EOFError:
            break
    return acked


@pytest.mark.slow
def test_sigkilled_writers_lose_no_acknowledged_write_and_leave_no_half_import(
    tmp_path: Path,
) -> None:
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    Store.open(url).close()
    rng = random.Random(2024)
    acked_entries: list[int] = []
    acked_imports: list[int] = []
    kills = 0
    for round_ in range(60):
        mode = "entries" if round_ % 2 == 0 else "imports"
        start = round_ * 100_000
        acked = _kill_at_random(url, mode, start, rng)
        kills += 1
        (acked_entries if mode == "entries" else acked_imports).extend(acked)
        with sqlite3.connect(db) as c:  # the database always opens and is intact
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert kills >= 50
    assert acked_entries and acked_imports  # the kills did land mid-work
    store = Store.open(url)
    try:
        stored = {(e.region, e.leaf): e.entry.value for e in store.entries(SET)}
        for i in acked_entries:
            assert stored[("r", f"L{i}")] == D(i)
        batches: dict[str, int] = {}
        for region, _leaf in stored:
            if region.startswith("b"):
                batches[region] = batches.get(region, 0) + 1
        assert set(batches.values()) <= {20}  # every import fully there, or not at all
        for i in acked_imports:
            assert batches.get(f"b{i}") == 20
        assert store.verify_audit() == []
    finally:
        store.close()


def _many(url: str, who: str, n: int, q: object) -> None:
    try:
        store = Store.open(url, migrate=False)
        for i in range(n):
            store.set_entry(EntryKey(SET, who, "2024", who, f"L{i}"), Entry(value=D(i)))
        q.put((who, None))  # type: ignore[attr-defined]
    except Exception as exc:  # reported to the parent, which fails the test
        q.put((who, repr(exc)))  # type: ignore[attr-defined]


def _run_clients(url: str, clients: int, n: int) -> None:
    q = FORK.Queue()
    procs = [FORK.Process(target=_many, args=(url, f"c{k}", n, q)) for k in range(clients)]
    for p in procs:
        p.start()
    results = [q.get(timeout=300) for _ in procs]
    for p in procs:
        p.join()
    assert [err for _, err in results if err] == []
    store = Store.open(url)
    try:
        assert len(store.entries(SET)) == clients * n
        assert store.verify_audit() == []
        assert len(store.audit_log()) == clients * n
    finally:
        store.close()


@pytest.mark.slow
def test_two_processes_writing_1000_entries_each_to_one_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    Store.open(url).close()
    _run_clients(url, clients=2, n=1000)


@pytest.mark.slow
@pytest.mark.postgres
def test_eight_clients_writing_at_once_on_postgresql(postgres: object) -> None:
    url = postgres.new_database("concurrency")  # type: ignore[attr-defined]
    Store.open(url).close()
    _run_clients(url, clients=8, n=250)


def _increment(url: str, who: str, n: int, q: object) -> None:
    """Child: read-modify-write one shared entry n times, retrying on each conflict."""
    from assessor.store import ConflictError

    try:
        store = Store.open(url, migrate=False)
        key = EntryKey(SET, "shared", "2024", "组长", "L0")
        conflicts = 0
        for _ in range(n):
            while True:
                got = store.get_entry(key)
                assert got is not None
                try:
                    store.set_entry(key, Entry(value=got.entry.value + 1), who=who,  # type: ignore[operator]
                                    expected_version=got.version)  # fmt: skip
                    break
                except ConflictError:
                    conflicts += 1
        q.put((who, conflicts, None))  # type: ignore[attr-defined]
    except Exception as exc:
        q.put((who, 0, repr(exc)))  # type: ignore[attr-defined]


@pytest.mark.slow
def test_concurrent_edits_of_one_entry_conflict_instead_of_losing_updates(db_url: str) -> None:
    clients, n = 4, 40
    store = Store.open(db_url)
    key = EntryKey(SET, "shared", "2024", "组长", "L0")
    store.set_entry(key, Entry(value=D(0)))
    store.close()
    q = FORK.Queue()
    procs = [FORK.Process(target=_increment, args=(db_url, f"c{k}", n, q)) for k in range(clients)]
    for p in procs:
        p.start()
    results = [q.get(timeout=300) for _ in procs]
    for p in procs:
        p.join()
    assert [err for *_, err in results if err] == []
    store = Store.open(db_url)
    try:
        got = store.get_entry(key)
        assert got is not None
        assert got.entry.value == clients * n  # every increment survived
        assert got.version == clients * n + 1
        assert len(store.audit_log(region="shared")) == clients * n + 1
        assert store.verify_audit() == []
    finally:
        store.close()
    assert sum(c for _, c, _ in results) > 0  # the writers did collide, and were told


def _open(url: str, q: object) -> None:
    try:
        Store.open(url).close()
        q.put(None)  # type: ignore[attr-defined]
    except Exception as exc:
        q.put(repr(exc))  # type: ignore[attr-defined]


@pytest.mark.slow
def test_evaluators_opening_a_new_database_at_the_same_moment_all_succeed(db_url: str) -> None:
    q = FORK.Queue()
    procs = [FORK.Process(target=_open, args=(db_url, q)) for _ in range(4)]
    for p in procs:
        p.start()
    errors = [q.get(timeout=120) for _ in procs]
    for p in procs:
        p.join()
    assert [e for e in errors if e] == []
    store = Store.open(db_url)
    try:
        assert store.revision() == HEAD_REVISION
    finally:
        store.close()
