"""The store's tests run on SQLite and on a real PostgreSQL server (started here, stopped after)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.store.store import Store
from tests.store.pg import PostgresServer, own_server

_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    with own_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'assessor.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.new_database(f"t{next(_counter)}")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    try:
        yield s
    finally:
        s.close()
