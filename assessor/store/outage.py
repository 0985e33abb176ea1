"""A database that cannot be reached is a state the evaluator is told about, not a traceback.

SQLAlchemy reports a refused connection, a server that went away mid-session or an SQLite file
that cannot be opened as `OperationalError` (or `InterfaceError`) from deep inside the driver.
One `handle_error` hook on the engine turns all of these into `StoreUnavailable`, a
`StoreError` that the CLI prints and the TUI shows, in either language. The pool checks each
connection before use (`pool_pre_ping`), so the first call after the server returns works
again without a restart.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext, make_url

from assessor.errors import Problem
from assessor.store.errors import StoreUnavailable
from assessor.text.catalogue import said

#: Seconds a PostgreSQL connection attempt may take before it counts as an outage: long enough
#: for a slow network, short enough that a terminal never looks frozen.
CONNECT_TIMEOUT = 3


def where(url: str) -> str:
    """The database as an evaluator knows it, without a password."""
    try:
        parsed = make_url(url)
    except Exception:
        return said("store.the_database")
    if parsed.drivername.startswith("sqlite"):
        return parsed.database or said("store.the_sqlite_database")
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{host}{port}/{parsed.database or ''}"


def _cause(exc: BaseException | None) -> str:
    """The driver's first line, e.g. 'connection refused' — enough to tell a typo from an outage."""
    if exc is None:
        return ""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = re.sub(r"password=\S+", "password=***", text)
    return text[:200]


def unavailable(url: str, cause: BaseException | None) -> StoreUnavailable:
    place = where(url)
    why = _cause(cause)
    message = said("store.unreachable", place=place, why=why)
    return StoreUnavailable(Problem(message, key="database", code="unavailable"))


def _is_outage(ctx: ExceptionContext) -> bool:
    if ctx.is_pre_ping:
        return False  # the pool is testing a connection; it replaces a dead one itself
    if ctx.is_disconnect:
        return True
    # Failed while connecting (no connection yet): refused, unknown host, unreadable file.
    from sqlalchemy.exc import InterfaceError, OperationalError

    return ctx.connection is None and isinstance(
        ctx.sqlalchemy_exception, OperationalError | InterfaceError
    )


def watch_for_outages(engine: Engine, url: str) -> None:
    """Raise `StoreUnavailable` instead of the driver's error whenever the database is gone."""

    @event.listens_for(engine, "handle_error")
    def _handle(ctx: ExceptionContext) -> Any:
        if _is_outage(ctx):
            raise unavailable(url, ctx.original_exception) from ctx.original_exception
        return None
