"""The migrations and the ORM classes describe the same schema; migrating keeps a full backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from assessor.store.store import HEAD_REVISION, MIGRATIONS, Store
from assessor.store.tables import metadata


def test_the_migrated_database_matches_the_orm_classes(store: Store) -> None:
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diffs == []


def _database_at(url: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def test_the_backup_holds_writes_still_in_the_wal_file(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    url = f"sqlite:///{db}"
    _database_at(url, "0001")
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA journal_mode=WAL")
    keeper = sqlite3.connect(db)  # an open reader keeps the WAL from being checkpointed
    keeper.execute("SELECT 1 FROM entries").fetchall()
    old = sqlite3.connect(db)  # an older assessor writing to its revision 0001
    old.execute(
        "INSERT INTO entries (set_id, region, period, evaluator, leaf, value, na, carried_over,"
        " version, updated_at, updated_by) VALUES ('s', '371502', '2024', '张三', 'L1',"
        " '{\"d\":\"82.5\"}', 0, 0, 1, '2024-01-01T00:00:00+00:00', '张三')"
    )
    old.commit()
    old.close()
    assert (tmp_path / "old.db-wal").stat().st_size > 0
    store = Store(create_engine(url), url)
    backup = store.migrate()
    keeper.close()
    assert store.revision() == HEAD_REVISION
    assert backup is not None
    with sqlite3.connect(backup) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert c.execute("SELECT leaf, value FROM entries").fetchall() == [("L1", '{"d":"82.5"}')]
    with create_engine(f"sqlite:///{backup}").connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    store.close()
