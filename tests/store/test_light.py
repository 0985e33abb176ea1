"""The sqlite3 read path (store/light.py) answers exactly as the Store does on the same SQLite
database, is used only where that is safe, and passes anything else on to the Store."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.model.entries import Entry, Region
from assessor.store.light import LightStore
from assessor.store.store import EntryKey, Store

ROOT = Path(__file__).resolve().parents[2]
REGIONS = {"371502": Region(id="371502", name="东昌府区"), "371521": Region(id="371521")}


def _filled(url: str) -> Store:
    """A database with entries of every shape, in two stages and two periods, statuses set, and
    entries of a region no longer in the regions list."""
    store = Store.open(url)
    rows = [
        (EntryKey("s", "371502", "2024", "张三", "L1"), Entry(value=Decimal("82.50"))),
        (EntryKey("s", "371502", "2024", "李四", "L1"), Entry(value=Decimal("80"))),
        (EntryKey("s", "371502", "2024", "张三", "L2"), Entry(value=3)),
        (EntryKey("s", "371502", "2024", "张三", "L3"), Entry(value=True, comment="有文件")),
        (EntryKey("s", "371502", "2024", "张三", "L4"), Entry(na=True, comment="不适用")),
        (
            EntryKey("s", "371521", "2024", "张三", "L5"),
            Entry(inputs={"a": Decimal("1.5"), "b": Decimal("3"), "ok": True}),
        ),
        (EntryKey("s", "371521", "2024", "张三", "L6"), Entry(value="opt_a", evidence=("a.pdf",))),
        (EntryKey("s", "379999", "2024", "张三", "L1"), Entry(value=Decimal("1"))),  # removed
        (EntryKey("s", "371502", "2024-Q1", "张三", "L1"), Entry(value=Decimal("0.001"))),
        (EntryKey("s", "371502", "2023", "王五", "L1"), Entry(value=Decimal("7"))),
        (EntryKey("s", "371502", "2024", "张三", "L1", "self"), Entry(value=Decimal("90"))),
        (EntryKey("other", "371502", "2024", "张三", "L1"), Entry(value=Decimal("5"))),
    ]
    store.import_entries(rows, who="t")
    store.new_period("s", "2025", "2024", who="t")  # carried-over entries
    store.set_status("s", "371502", "2024", "submitted", who="t")
    store.set_status("s", "371521", "2024", "submitted", who="t", stage="self")
    return store


@pytest.fixture
def both(tmp_path: Path) -> tuple[Store, LightStore]:
    url = f"sqlite:///{tmp_path / 'assessor.db'}"
    store = _filled(url)
    light = LightStore.open(url)
    assert light is not None
    yield store, light
    light.close()
    store.close()


def test_light_reads_give_what_the_store_gives(both: tuple[Store, LightStore]) -> None:
    store, light = both
    for set_id in ("s", "other", "none"):
        assert light.periods(set_id) == store.periods(set_id)
        assert light.stages_with_entries(set_id) == store.stages_with_entries(set_id)
        for stage in ("expert", "self", "review"):
            assert light.periods(set_id, stage=stage) == store.periods(set_id, stage=stage)
            assert light.assessments(set_id, REGIONS, stage=stage) == store.assessments(
                set_id, REGIONS, stage=stage
            )
            for period in ("2023", "2024", "2024-Q1", "2025", "2026"):
                args = (set_id, period)
                assert light.statuses(*args, stage=stage) == store.statuses(*args, stage=stage)
                assert light.status(set_id, "371502", period, stage=stage) == store.status(
                    set_id, "371502", period, stage=stage
                )
                mine = light.assessment(set_id, period, REGIONS, stage=stage)
                theirs = store.assessment(set_id, period, REGIONS, stage=stage)
                assert mine == theirs
                assert mine.model_dump() == theirs.model_dump()
            assert light.stages_with_entries(set_id, "2024") == store.stages_with_entries(
                set_id, "2024"
            )


def test_entries_come_back_exact_with_their_types(both: tuple[Store, LightStore]) -> None:
    _, light = both
    found = light.assessment("s", "2024", REGIONS).entries
    assert [e.value for e in found["371502"]["L1"]] == [Decimal("82.50"), Decimal("80")]
    assert type(found["371502"]["L2"][0].value) is int
    assert found["371502"]["L3"][0].value is True
    assert found["371502"]["L4"][0].na
    assert found["371521"]["L5"][0].inputs == {"a": Decimal("1.5"), "b": Decimal("3"), "ok": True}
    assert found["371521"]["L6"][0].evidence == ("a.pdf",)
    assert "379999" in light.assessment("s", "2024", REGIONS).regions
    carried = light.assessment("s", "2025", REGIONS).entries["371502"]["L1"]
    assert all(e.carried_over for e in carried)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.one_of(
        st.decimals(
            allow_nan=False, allow_infinity=False, places=3, min_value=-(10**6), max_value=10**6
        ),
        st.integers(min_value=0, max_value=5),
        st.booleans(),
        st.text(alphabet="abc_xyz", min_size=1, max_size=8),
    ),
    comment=st.one_of(
        st.none(), st.text(st.characters(categories=("L", "N", "P", "Zs")), max_size=20)
    ),
)
def test_any_stored_value_reads_back_the_same_both_ways(
    tmp_path_factory: pytest.TempPathFactory, value: object, comment: str | None
) -> None:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'assessor.db'}"
    store = Store.open(url)
    try:
        store.set_entry(
            EntryKey("s", "371502", "2024", "张三", "L1"), Entry(value=value, comment=comment)
        )
        light = LightStore.open(url)
        assert light is not None
        try:
            assert light.assessment("s", "2024", REGIONS) == store.assessment("s", "2024", REGIONS)
        finally:
            light.close()
    finally:
        store.close()


def test_a_database_not_at_the_newest_revision_is_left_to_the_store(tmp_path: Path) -> None:
    db = tmp_path / "assessor.db"
    Store.open(f"sqlite:///{db}").close()
    import sqlite3

    with sqlite3.connect(db) as c:
        c.execute("UPDATE alembic_version SET version_num = '0003'")
    assert LightStore.open(f"sqlite:///{db}") is None


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://u@localhost/db",
        "sqlite:///{tmp}/missing.db",
        "sqlite:///{tmp}/assessor.db?mode=ro",
        "sqlite:///{tmp}/not-assessor.db",
    ],
)
def test_what_is_not_a_current_sqlite_file_is_left_to_the_store(tmp_path: Path, url: str) -> None:
    import sqlite3

    Store.open(f"sqlite:///{tmp_path / 'assessor.db'}").close()
    sqlite3.connect(tmp_path / "not-assessor.db").execute("CREATE TABLE x (a)").connection.close()
    assert LightStore.open(url.format(tmp=tmp_path)) is None


def test_a_write_through_the_light_reader_goes_to_the_store(both: tuple[Store, LightStore]) -> None:
    store, light = both
    key = EntryKey("s", "371521", "2024", "李四", "L1")
    light.set_entry(key, Entry(value=Decimal("12")), who="李四")
    assert light.assessment("s", "2024", REGIONS) == store.assessment("s", "2024", REGIONS)
    assert light.assessment("s", "2024", REGIONS).entries["371521"]["L1"][0].value == Decimal("12")


def test_status_on_a_sqlite_workspace_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    """`assessor status` prints the same table through the light path as through the Store, and
    loads no SQLAlchemy to do it."""
    ws = tmp_path / "ws"
    ws.mkdir()
    for name in ("workspace.yaml", "regions.yaml"):
        (ws / name).write_bytes((ROOT / "samples" / "workspace" / name).read_bytes())
    env = {**os.environ, "ASSESSOR_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "200"}
    entries = sorted(str(p) for p in (ROOT / "samples" / "sd-county-2020").glob("*.yaml"))
    imported = subprocess.run(
        [sys.executable, "-m", "assessor", "import", "-w", str(ws), "--who", "t", *entries],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    code = (
        "import sys\nfrom assessor.cli.main import main\n"
        f"code = main(['status', '-w', {str(ws)!r}])\n"
        "print('LOADED', code, 'sqlalchemy' in sys.modules)"
    )
    light = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert light.returncode == 0, light.stderr
    table, loaded = light.stdout.rsplit("LOADED", 1)
    assert loaded.split() == ["0", "False"]
    # The same command with the Store as the reader (the light path switched off by hand).
    full_code = (
        "import assessor.store.light as l\nl.LightStore.open = classmethod(lambda cls, url: None)\n"
        + code
    )
    full = subprocess.run(
        [sys.executable, "-c", full_code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert full.returncode == 0, full.stderr
    full_table, full_loaded = full.stdout.rsplit("LOADED", 1)
    assert full_loaded.split() == ["0", "True"]
    assert table == full_table
    assert "临清市 371581" in table


@pytest.mark.parametrize(
    ("value", "inputs", "evidence"),
    [
        ("1.5", None, "[]"),  # a float written behind the store's back
        (None, '{"a": 3, "b": {"d": "2.50"}}', None),  # an untagged int among the inputs
        ('{"d": "NaN"}', None, "[]"),
        ('"text"', None, '"ab"'),
        ("true", None, '["a.pdf", 3]'),
        ("[1, 2]", None, "[]"),
    ],
)
def test_a_row_written_behind_the_stores_back_reads_as_the_store_reads_it(
    tmp_path: Path, value: str | None, inputs: str | None, evidence: str | None
) -> None:
    """The light reader builds entries unvalidated only for the shapes the store writes; any
    other row is validated like the Store's, to the same entry or the same error."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'assessor.db'}"
    store = Store.open(url)
    store.set_entry(EntryKey("s", "371502", "2024", "张三", "L1"), Entry(value=Decimal("1")))
    with sqlite3.connect(tmp_path / "assessor.db") as c:
        c.execute(
            "UPDATE entries SET value = ?, inputs = ?, evidence = ?", (value, inputs, evidence)
        )
    light = LightStore.open(url)
    assert light is not None

    def read(reader: Store | LightStore) -> object:
        try:
            return reader.assessment("s", "2024", REGIONS)
        except Exception as exc:  # the same failure both ways
            return (type(exc), str(exc))

    try:
        assert read(light) == read(store)
    finally:
        light.close()
        store.close()


def test_entries_are_built_as_the_store_builds_them_field_for_field(
    both: tuple[Store, LightStore],
) -> None:
    """Unvalidated entries (the shapes the store writes) equal validated ones in every way a
    caller can see: fields, their order, the fields marked as set, what they dump to."""
    from assessor.store import light as module

    store, light = both
    assert module._direct()  # the direct construction is the one these entries went through
    for period in ("2024", "2025"):
        mine = light.assessment("s", period, REGIONS).entries
        theirs = store.assessment("s", period, REGIONS).entries
        for region, leaves in theirs.items():
            for leaf, found in leaves.items():
                for a, b in zip(mine[region][leaf], found, strict=True):
                    assert list(a.__dict__.items()) == list(b.__dict__.items())
                    assert a.model_fields_set == b.model_fields_set
                    assert a.model_dump_json() == b.model_dump_json()


_JSONISH = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.text(max_size=10),
        st.decimals(allow_nan=False, allow_infinity=False),
    ),
    lambda inner: st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@given(_JSONISH)
def test_a_stored_json_text_decodes_as_the_codec_decodes_it(value: object) -> None:
    import json

    from assessor.store import light as module
    from assessor.store.codec import decode_value, dumps, encode_value

    text = dumps(encode_value(value))
    found = module._decoded(text)
    assert found == decode_value(json.loads(text))
    assert type(found) is type(decode_value(json.loads(text)))
    for odd in (" 1", "01", "1.0", "-0", "1e3", '{"d": "1"}', "[1]"):  # not what dumps writes
        try:
            expected: object = decode_value(json.loads(odd))
        except ValueError as exc:
            expected = type(exc)
        try:
            got: object = module._decoded(odd)
        except ValueError as exc:
            got = type(exc)
        assert got == expected and type(got) is type(expected)
