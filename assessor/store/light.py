"""A read path for SQLite workspaces without SQLAlchemy: what `status` needs, read with `sqlite3`.

Importing SQLAlchemy costs a command about 0.25 s, more than reading and scoring a whole
campaign, so read-only commands on a SQLite workspace read the database here. `LightStore`
answers the same read calls as `Store` (periods, stages, statuses, one period's assessment)
with the same results (tests/store/test_light.py holds the two against each other on one
database). Anything else it is asked for (a write, the audit log, evidence …) opens the real
`Store` and is passed on to it, so a command that turns out to need more still works.

It is used only on a database that is already at the code's newest revision: a missing file,
an older or newer schema, a URL with options or a PostgreSQL server get `Store` as before
(which creates or migrates).
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessor.store.schema import DEFAULT_STAGE, HEAD_REVISION

if TYPE_CHECKING:
    from assessor.model.entries import Assessment, Entry, Region
    from assessor.store.store import Store


def sqlite_file(url: str) -> Path | None:
    """The database file of a plain `sqlite:///FILE` URL (no driver, no options), else None."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = Path(url[len(prefix) :])
    return path if path.is_file() else None


class LightStore:
    """Reads of a current SQLite database through `sqlite3`; other calls go to `Store`."""

    sqlite = True

    def __init__(self, conn: sqlite3.Connection, url: str) -> None:
        self.conn = conn
        self.url = url
        self._full: Store | None = None

    @classmethod
    def open(cls, url: str) -> LightStore | None:
        """The light reader of `url`, or None where `Store` must open it (not a plain SQLite
        file, not at the newest revision, not an assessor database)."""
        path = sqlite_file(url)
        if path is None:
            return None
        try:
            conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return None
        try:
            conn.execute("PRAGMA busy_timeout=60000")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:  # no such table: not (yet) an assessor database
            conn.close()
            return None
        if row is None or row[0] != HEAD_REVISION:
            conn.close()
            return None
        return cls(conn, url)

    def close(self) -> None:
        self.conn.close()
        if self._full is not None:
            self._full.close()
            self._full = None

    def __getattr__(self, name: str) -> Any:
        """Whatever this reader does not answer (writes, audit, evidence …): the real store."""
        if name.startswith("__") or name in ("conn", "url", "_full"):
            raise AttributeError(name)
        if self._full is None:
            from assessor.store.store import Store

            self._full = Store.open(self.url)
        return getattr(self._full, name)

    # ------------------------------------------------------------------ reads

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        # One read transaction per call, as Store's `engine.connect()` gives each call.
        return self.conn.execute(sql, params).fetchall()

    def periods(self, set_id: str, *, stage: str | None = None) -> list[str]:
        """Periods with entries (in `stage`, or in any stage)."""
        from assessor.model.periods import period_sort_key

        if stage is None:
            rows = self._rows("SELECT DISTINCT period FROM entries WHERE set_id = ?", (set_id,))
        else:
            rows = self._rows(
                "SELECT DISTINCT period FROM entries WHERE set_id = ? AND stage = ?",
                (set_id, stage),
            )
        return sorted((r[0] for r in rows), key=period_sort_key)

    def stages_with_entries(self, set_id: str, period: str | None = None) -> set[str]:
        """The stages holding entries (in `period`, or in any)."""
        if period is None:
            rows = self._rows("SELECT DISTINCT stage FROM entries WHERE set_id = ?", (set_id,))
        else:
            rows = self._rows(
                "SELECT DISTINCT stage FROM entries WHERE set_id = ? AND period = ?",
                (set_id, period),
            )
        return {r[0] for r in rows}

    def status(self, set_id: str, region: str, period: str, *, stage: str = DEFAULT_STAGE) -> str:
        rows = self._rows(
            "SELECT status FROM statuses WHERE set_id = ? AND stage = ? AND region = ? "
            "AND period = ?",
            (set_id, stage, region, period),
        )
        return str(rows[0][0]) if rows and rows[0][0] else "draft"

    def statuses(self, set_id: str, period: str, *, stage: str = DEFAULT_STAGE) -> dict[str, str]:
        rows = self._rows(
            "SELECT region, status FROM statuses WHERE set_id = ? AND stage = ? AND period = ?",
            (set_id, stage, period),
        )
        return {r[0]: r[1] for r in rows}

    def assessment(
        self,
        set_id: str,
        period: str,
        regions: dict[str, Region],
        *,
        stage: str = DEFAULT_STAGE,
    ) -> Assessment:
        """What the engine scores: every region of the campaign, with its stored entries in one
        stage (Store.assessment, read with sqlite3)."""
        from assessor.model.entries import Assessment, Region

        found: dict[str, Region] = dict(regions)
        entries: dict[str, dict[str, list[Entry]]] = {}
        rows = self._rows(
            "SELECT region, leaf, evaluator, value, inputs, na, comment, evidence, carried_over "
            "FROM entries WHERE set_id = ? AND stage = ? AND period = ? ORDER BY id",
            (set_id, stage, period),
        )
        for region, leaf, evaluator, value, inputs, na, comment, evidence, carried in rows:
            if region not in found:  # entries of a region since removed from the list
                found[region] = Region(id=region)
            entry = stored_entry(value, inputs, na, comment, evidence, carried, evaluator)
            entries.setdefault(region, {}).setdefault(leaf, []).append(entry)
        return Assessment.model_construct(period=period, regions=found, entries=entries)

    def assessments(
        self, set_id: str, regions: dict[str, Region], *, stage: str = DEFAULT_STAGE
    ) -> list[Assessment]:
        return [
            self.assessment(set_id, p, regions, stage=stage)
            for p in self.periods(set_id, stage=stage)
        ]


def stored_entry(
    value: str | None,
    inputs: str | None,
    na: Any,
    comment: str | None,
    evidence: str | None,
    carried: Any,
    evaluator: str,
) -> Entry:
    """An entries row as the `Entry` that Store's codec makes of it (codec.entry_from_payload
    over Store._payload). A row of the shapes the store writes (its values exactly a Decimal
    that is finite, an int, a bool, text or nothing) is built without validating it again,
    which would change nothing; any other row is validated as the Store does, so a row that
    makes the Store fail makes this fail the same way."""
    from assessor.store.codec import entry_from_payload

    found_value = None if value is None else _decoded(value)
    found_inputs = None if inputs is None else _decoded(inputs)
    found_evidence = () if evidence == "[]" else tuple(_loaded(evidence) or ())
    if (
        _plain(found_value, _VALUE_TYPES)
        and (
            found_inputs is None
            or (
                type(found_inputs) is dict
                and all(type(k) is str and _plain(v, _INPUT_TYPES) for k, v in found_inputs.items())
            )
        )
        and (comment is None or type(comment) is str)
        and all(type(x) is str for x in found_evidence)
        and type(evaluator) is str
    ):
        return _constructed(
            {
                "value": found_value,
                "inputs": found_inputs,
                "na": bool(na),
                "comment": comment,
                "evidence": found_evidence,
                "evaluator": evaluator,
                "carried_over": bool(carried),
                "derived": False,
            }
        )
    payload = {
        "value": found_value,
        "inputs": found_inputs,
        "na": bool(na),
        "comment": comment,
        "evidence": found_evidence,
        "carried_over": bool(carried),
    }
    return entry_from_payload(payload, evaluator)  # validated: what it makes of an odd row


#: How codec.dumps writes a Decimal: {"d":"82.5"} (no quote or backslash inside).
_TAGGED = re.compile(r'\{"d":"([^"\\]*)"\}')
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")  # a JSON integer (json.loads: an int)
_LITERALS: dict[str, Any] = {"true": True, "false": False, "null": None}
_VALUE_TYPES: tuple[type, ...] = (type(None), Decimal, int, bool, str)
_INPUT_TYPES: tuple[type, ...] = (Decimal, bool, str)
#: The fields a stored entry sets (Entry(...) in codec.entry_from_payload), in Entry's order.
_STORED_FIELDS = ("value", "inputs", "na", "comment", "evidence", "evaluator", "carried_over")


def _loaded(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _decoded(text: str) -> Any:
    """codec.decode_value(json.loads(text)), the common tagged Decimal read directly."""
    from assessor.store.codec import decode_value

    if text in _LITERALS:
        return _LITERALS[text]
    if _INTEGER.fullmatch(text):
        return int(text)
    tagged = _TAGGED.fullmatch(text)
    if tagged is not None:
        return Decimal(tagged.group(1))
    return decode_value(json.loads(text))


def _plain(v: object, types: tuple[type, ...]) -> bool:
    """`v` is exactly one of `types` (no subclass), and a Decimal is finite: what Entry's
    validation keeps as it is."""
    return type(v) in types and (not isinstance(v, Decimal) or v.is_finite())


@functools.cache
def _direct() -> bool:
    """Entry is still the plain model `_constructed` builds as model_construct would: these
    fields and `derived` in this order, no aliases, no post-init, no extra fields."""
    from assessor.model.entries import Entry

    fields = Entry.__pydantic_fields__
    return (
        tuple(fields) == (*_STORED_FIELDS, "derived")
        and all(f.alias is None and f.validation_alias is None for f in fields.values())
        and fields["derived"].default is False
        and not Entry.__pydantic_post_init__
        and not Entry.__pydantic_root_model__
        and Entry.model_config.get("extra") != "allow"
    )


def _constructed(values: dict[str, Any]) -> Entry:
    """`Entry.model_construct(**values)` (all fields given, `derived` its default), without
    its per-call bookkeeping: reading a campaign builds thousands of entries."""
    from assessor.model.entries import Entry

    if not _direct():
        del values["derived"]
        return Entry.model_construct(**values)
    entry = Entry.__new__(Entry)
    object.__setattr__(entry, "__dict__", values)
    object.__setattr__(entry, "__pydantic_fields_set__", set(_STORED_FIELDS))
    object.__setattr__(entry, "__pydantic_extra__", None)
    object.__setattr__(entry, "__pydantic_private__", None)
    return entry
