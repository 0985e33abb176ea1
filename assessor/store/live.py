"""Other evaluators' saved changes, announced to every open terminal.

On PostgreSQL each audited write sends `NOTIFY assessor_changes, '<seq>'` inside its
transaction, so a listener hears of it the moment it commits. SQLite has no notifications; a
look at the audit chain's head (one indexed row) every `interval` seconds does the same job.
Either way the callback gets the newest audit record number and is called from the watcher's
own thread: a GUI must hand it to its event loop (Textual: `App.call_from_thread`).

Outages are part of the job: while the server is gone the watcher retries with back-off and
reports `available=False` once; when it is back it reports the head again, so a screen that
missed changes during the outage refreshes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from assessor.store.errors import StoreError
from assessor.store.store import CHANGES_CHANNEL, Store

#: Called with (newest audit record number or None when unknown, database reachable).
OnChange = Callable[[int | None, bool], None]

#: Longest wait between two attempts to reach a server that is down.
MAX_BACKOFF = 5.0


class ChangeWatcher:
    """Start with `start()`, stop with `stop()`; calls `on_change` when the audit head moves."""

    def __init__(self, store: Store, on_change: OnChange, *, interval: float = 1.0) -> None:
        self.store = store
        self.on_change = on_change
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="assessor-changes", daemon=True)
        self._seen: int | None = None
        self._available = True

    def start(self) -> ChangeWatcher:
        try:
            self._seen = self.store.chain_head()[0]
        except StoreError:
            self._seen = None
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    # ------------------------------------------------------------------ reporting

    def _report(self, seq: int | None, available: bool) -> None:
        if available and seq is not None and seq == self._seen and self._available:
            return
        if not available and not self._available:
            return  # said once is enough
        self._seen = seq if seq is not None else self._seen
        self._available = available
        self.on_change(seq, available)

    def _check_head(self) -> None:
        try:
            seq = self.store.chain_head()[0]
        except StoreError:
            self._report(None, False)
            return
        self._report(seq, True)

    # ------------------------------------------------------------------ loops

    def _run(self) -> None:
        if self.store.sqlite:
            while not self._stop.wait(self.interval):
                self._check_head()
            return
        backoff = self.interval
        while not self._stop.is_set():
            try:
                self._listen()
                backoff = self.interval
            except Exception:  # the server went away: say so, then try again later
                self._report(None, False)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)

    def _listen(self) -> None:
        import psycopg

        url = self.store.engine.url.set(drivername="postgresql")
        dsn = url.render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"LISTEN {CHANGES_CHANNEL}")
            self._check_head()  # changes made while we were not listening
            while not self._stop.is_set():
                first = list(conn.notifies(timeout=self.interval, stop_after=1))
                if not first:
                    continue
                # A burst (an import writes hundreds of records) is reported once, by its end.
                rest = list(conn.notifies(timeout=0.05))
                self._report(max(_seq(n) for n in first + rest), True)


def _seq(note: Any) -> int:
    try:
        return int(note.payload)
    except (TypeError, ValueError):
        return 0


__all__ = ["ChangeWatcher", "OnChange"]
