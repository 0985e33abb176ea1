"""The TUI's link to a shared database: other evaluators' changes arrive by themselves, and an
outage is a state shown in the header, never a crash.

`ChangeWatcher` (store/live.py) reports every move of the audit chain's head (PostgreSQL
LISTEN/NOTIFY, or a look at the head every second on SQLite) and every outage. Here a move by
someone else makes the header say the figures are stale, a worker reads and re-scores the
period off the UI thread, and the session adopts that state unless the evaluator wrote in the
meantime (then it reads again) — so totals, ranks and history follow within a second or two
without a key press. An outage is said once; when the server is back the same catch-up runs.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from assessor.store.errors import StoreError
from assessor.store.live import ChangeWatcher
from assessor.tui.i18n import t

if TYPE_CHECKING:
    from assessor.tui.app import AssessorApp
    from assessor.tui.session import Session, Snapshot

#: How often SQLite's audit head is looked at, and how long PostgreSQL waits per LISTEN poll.
INTERVAL = 1.0


class LiveLink:
    def __init__(self, app: AssessorApp) -> None:
        self.app = app
        self.watcher: ChangeWatcher | None = None
        self.adopted: int = 0  # the audit head the session's state includes
        self.outage = False
        self.stale = False

    # ------------------------------------------------------------------ lifecycle

    def start(self, session: Session) -> None:
        self.stop()
        store = session.workspace.store
        try:
            self.adopted = store.chain_head()[0]
        except StoreError:
            self.adopted = 0
        self.watcher = ChangeWatcher(store, self._heard, interval=INTERVAL).start()

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop(timeout=2)
            self.watcher = None

    # ------------------------------------------------------------------ the watcher's thread

    def _heard(self, seq: int | None, available: bool) -> None:
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.app.call_from_thread(self._on_change, seq, available)

    # ------------------------------------------------------------------ the UI thread

    def _on_change(self, seq: int | None, available: bool) -> None:
        if not available:
            self.set_outage(True)
            return
        if self.outage:
            self.set_outage(False)
            self.app.notify(t(self.app.lang, "db_back"), timeout=5)
        self.catch_up()

    def catch_up(self) -> None:
        if not self.app.loaded:
            return
        self.app.run_worker(
            self._read, thread=True, group="live", exclusive=True, exit_on_error=False
        )

    def set_outage(self, down: bool) -> None:
        if down and not self.outage:
            self.app.notify(t(self.app.lang, "db_down_note"), severity="error", timeout=10)
        self.outage = down
        self.app.header_note()

    def note(self) -> str | None:
        """What the header adds to the title: the database is down, or figures are stale."""
        if self.outage:
            return t(self.app.lang, "db_down_note")
        if self.stale:
            return t(self.app.lang, "stale_note")
        return None

    def _stale(self) -> None:
        self.stale = True
        self.app.header_note()

    def _advance(self, head: int) -> None:
        self.adopted = max(self.adopted, head)

    def _adopt(self, snapshot: Snapshot, head: int) -> None:
        session = self.app.session
        if not session.adopt(snapshot):
            self.catch_up()  # the evaluator wrote (or switched period) meanwhile: read again
            return
        self.adopted = max(self.adopted, head)
        self.stale = False
        self.app.header_note()
        self.app.entries_reloaded()

    # ------------------------------------------------------------------ a worker thread

    def _read(self) -> None:
        session = self.app.session
        store = session.workspace.store
        call = self.app.call_from_thread
        try:
            head = store.chain_head()[0]
            others = store.writers_since(self.adopted) - {session.evaluator}
            if not others:
                call(self._advance, head)
                return
            call(self._stale)
            snapshot = session.read_state()
        except StoreError:
            call(self.set_outage, True)
            return
        call(self._adopt, snapshot, head)
