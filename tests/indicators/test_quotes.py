"""Every quote a bundled set takes from a file in docs/sources/ is in that file, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.indicators.common import INDICATORS
from tests.indicators.quotes import SOURCES, iter_sources, local_doc, quote_found

SET_FILES = sorted(p for p in INDICATORS.glob("*.yaml"))


@pytest.mark.parametrize("path", SET_FILES, ids=[p.stem for p in SET_FILES])
def test_quotes_from_source_files_are_verbatim(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    wrong = []
    for where, ref in iter_sources(data):
        doc = local_doc(str(ref["doc"]))
        if doc is None:
            continue
        if not doc.is_file():
            wrong.append(f"{where}: no file {doc.name} in docs/sources/")
        elif not quote_found(str(ref.get("quote", "")), doc.read_text(encoding="utf-8")):
            wrong.append(f"{where}: {ref.get('quote')!r} is not in {doc.name}")
    assert not wrong, "\n".join(wrong)


def test_the_work_plan_sets_quote_their_own_document() -> None:
    own = {
        "liaocheng-2021": "000_c7d8e663d1c0867f.txt",
        "luozhuang-2021": "001_1c9dba7c1e8ed998.txt",
        "qingdao-2024": "002_f75b14292fd06832.txt",
        "shaoxing-2021": "004_9601ac664b64ef92.txt",
        "sx-digital-gov": "004_9601ac664b64ef92.txt",
    }
    for set_id, doc in own.items():
        data = yaml.safe_load((INDICATORS / f"{set_id}.yaml").read_text(encoding="utf-8"))
        docs = {str(r["doc"]) for _, r in iter_sources(data)} - {"示例"}
        assert docs == {doc}, set_id
        assert (SOURCES / doc).is_file()


def test_a_changed_word_is_not_found() -> None:
    text = "对现有政务云资源扩容到10PB,满足各委办局"
    assert quote_found("政务云资源扩容到 10PB", text)
    assert quote_found("对现有…扩容到10PB", text)
    assert not quote_found("政务云资源扩容到20PB", text)
    assert not quote_found("扩容到10PB…对现有", text)  # parts in order
