"""A database that goes away is reported as StoreUnavailable, and the same Store works again
once it is back: no restart, no traceback, nothing half-written."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.model.entries import Entry
from assessor.store.errors import StoreUnavailable
from assessor.store.live import ChangeWatcher
from assessor.store.store import EntryKey, Store
from tests.store.pg import PostgresServer, own_server


@pytest.fixture
def server() -> Iterator[PostgresServer]:
    """A server of this test's own: the tests stop and restart it."""
    with own_server() as s:
        yield s


def key(leaf: str = "D1-01") -> EntryKey:
    return EntryKey("s", "371502", "2021", "甲", leaf)


def test_a_write_while_the_server_is_down_raises_store_unavailable(server: PostgresServer) -> None:
    store = Store.open(server.new_database("down"))
    store.set_entry(key(), Entry(value=1))
    server.halt()
    with pytest.raises(StoreUnavailable) as caught:
        store.set_entry(key(), Entry(value=2))
    assert "cannot be reached" in str(caught.value)
    assert f"127.0.0.1:{server.port}" in str(caught.value)
    server.resume()
    store.close()


def test_the_message_has_a_chinese_wording(server: PostgresServer) -> None:
    store = Store.open(server.new_database("zh"))
    server.halt()
    with pytest.raises(StoreUnavailable) as caught:
        store.chain_head()
    message = caught.value.problems[0].message
    assert message.text("zh").startswith("数据库暂不可用")  # type: ignore[attr-defined]
    server.resume()
    store.close()


def test_the_same_store_writes_again_once_the_server_is_back(server: PostgresServer) -> None:
    store = Store.open(server.new_database("back"))
    store.set_entry(key(), Entry(value=1))
    server.halt()
    with pytest.raises(StoreUnavailable):
        store.set_entry(key(), Entry(value=2))
    server.resume()
    assert store.set_entry(key(), Entry(value=2)) == 2
    stored = store.get_entry(key())
    assert stored is not None and stored.entry.value == 2
    assert store.verify_audit() == []
    store.close()


def test_opening_a_workspace_whose_server_is_down_raises_store_unavailable(
    server: PostgresServer,
) -> None:
    url = server.new_database("closed")
    server.halt()
    with pytest.raises(StoreUnavailable):
        Store.open(url)
    server.resume()


def test_an_unopenable_sqlite_file_is_unavailable_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable) as caught:
        Store.open(f"sqlite:///{tmp_path / 'no-such-folder' / 'assessor.db'}")
    assert "no-such-folder" in str(caught.value)


class Heard:
    """What a watcher reported, with a way to wait until a report satisfies a condition."""

    def __init__(self) -> None:
        self.reports: list[tuple[int | None, bool]] = []
        self._cond = threading.Condition()

    def __call__(self, seq: int | None, available: bool) -> None:
        with self._cond:
            self.reports.append((seq, available))
            self._cond.notify_all()

    def wait_for(self, report: tuple[int | None, bool], timeout: float = 20) -> None:
        with self._cond:
            assert self._cond.wait_for(lambda: report in self.reports, timeout), (
                f"never reported {report}: {self.reports}"
            )


def _watch(store: Store) -> tuple[ChangeWatcher, Heard]:
    heard = Heard()
    return ChangeWatcher(store, heard, interval=0.2).start(), heard


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_watcher_hears_another_evaluators_saved_change(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'assessor.db'}"
    else:
        url = request.getfixturevalue("server").new_database("live")
    mine, theirs = Store.open(url), Store.open(url)
    watcher, heard = _watch(mine)
    try:
        theirs.set_entry(key(), Entry(value=3))
        heard.wait_for((theirs.chain_head()[0], True))
    finally:
        watcher.stop()
        mine.close()
        theirs.close()


def test_a_watcher_reports_the_outage_once_and_the_head_when_the_server_returns(
    server: PostgresServer,
) -> None:
    url = server.new_database("watch")
    mine, theirs = Store.open(url), Store.open(url)
    watcher, heard = _watch(mine)
    try:
        server.halt()
        heard.wait_for((None, False))
        server.resume()
        theirs.set_entry(key(), Entry(value=4))
        heard.wait_for((theirs.chain_head()[0], True))
        assert heard.reports.count((None, False)) == 1
    finally:
        watcher.stop()
        mine.close()
        theirs.close()
