"""Whatever sequence of writes happens, replaying the audit log gives exactly the entries."""

from __future__ import annotations

import tempfile
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.model import Entry
from assessor.store.store import EntryKey, Store

REGIONS = ("371502", "371503")
LEAVES = ("L1", "L2", "L3")
EVALUATORS = ("张三", "李四")
# What the store accepts (model/limits.py): text without control characters; evidence as
# relative names inside the workspace.
notes = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=8)
names = st.text("abc佐证材料.pdf_-", min_size=1, max_size=6).filter(lambda s: ".." not in s)

keys = st.builds(
    lambda r, e, leaf: EntryKey("s", r, "2024", e, leaf),
    st.sampled_from(REGIONS),
    st.sampled_from(EVALUATORS),
    st.sampled_from(LEAVES),
)
entries = st.one_of(
    st.builds(lambda v: Entry(value=v), st.decimals(-1000, 1000, places=2, allow_nan=False)),
    st.builds(lambda v: Entry(value=v), st.integers(0, 5) | st.booleans() | st.sampled_from("ABC")),
    st.builds(
        lambda u, t: Entry(inputs={"used": u, "total": t}),
        st.decimals(0, 100, places=1),
        st.decimals(1, 100, places=0),
    ),
    st.builds(lambda c: Entry(na=True, comment=c), notes | st.none()),
    st.builds(
        lambda c, ev: Entry(value=D(1), comment=c, evidence=tuple(ev)),
        notes,
        st.lists(names, max_size=2),
    ),
)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("set"), keys, entries),
        st.tuples(st.just("clear"), keys, st.none()),
        st.tuples(st.just("import"), st.lists(st.tuples(keys, entries), max_size=4), st.none()),
        st.tuples(st.just("status"), st.sampled_from(REGIONS), st.sampled_from(("final", "draft"))),
    ),
    max_size=25,
)


def apply(store: Store, op: tuple) -> None:  # type: ignore[type-arg]
    from assessor.store import FinalError

    kind, a, b = op
    try:
        if kind == "set":
            store.set_entry(a, b.model_copy(update={"evaluator": a.evaluator}))
        elif kind == "clear":
            store.clear_entry(a)
        elif kind == "import":
            store.import_entries(
                [(k, e.model_copy(update={"evaluator": k.evaluator})) for k, e in a], who="导入"
            )
        else:
            store.set_status("s", a, "2024", b, who="组长", reason="复核")
    except FinalError:
        pass  # refused writes to a final region must leave no trace either


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_replaying_the_log_after_any_writes_gives_the_entries_exactly(ops: list) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/p.db")
        try:
            for op in ops:
                apply(store, op)
            current = {
                (e.set_id, e.region, e.period, e.evaluator, e.leaf): e.entry
                for e in store.entries("s")
            }
            assert store.replay() == current
            assert store.verify_audit() == []
        finally:
            store.close()
