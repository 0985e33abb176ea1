"""What the database's schema is called, without importing SQLAlchemy: its newest revision and
the default stage. `tables.py` (the tables), `store.py` (migrations) and `light.py` (the
`sqlite3` read path) share these, so they cannot drift apart."""

from __future__ import annotations

#: The newest migration (assessor/store/migrations/versions); a database at it needs no Alembic.
HEAD_REVISION = "0004"

#: The stage of a workspace without `stages`, and of every row written before stages existed.
DEFAULT_STAGE = "expert"
