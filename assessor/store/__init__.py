"""Where evaluators' work lives: a workspace folder, its database, audit log and statuses.

Scores are never stored: the store keeps raw entries and the engine recomputes from them.
SQLAlchemy and database drivers are imported here only, never by model, loader or scoring.
"""

from assessor.store.errors import ConflictError, FinalError, StoreError, StoreUnavailable

__all__ = ["ConflictError", "FinalError", "StoreError", "StoreUnavailable"]
