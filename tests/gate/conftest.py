"""A small real workspace (sd-county-2020, three regions) and the CLI run in-process, so that
hundreds of hostile inputs can be tried in a few minutes."""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from assessor.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
REGIONS = [
    {"id": "371502", "name": "东昌府区", "group": "聊城市"},
    {"id": "371503", "name": "茌平区", "group": "聊城市"},
    {"id": "371581", "name": "临清市", "group": "聊城市"},
]
CASE_SECONDS = 10.0


@dataclass
class Ran:
    code: int
    out: str
    err: str
    seconds: float


def cli(*args: str, limit: float = CASE_SECONDS) -> Ran:
    """`assessor ARGS` in this process: exit 0 or 1 and no exception escaping, in time."""
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))  # anything but an AssessorError propagates: a traceback
    ran = Ran(code, out.getvalue(), err.getvalue(), time.monotonic() - start)
    assert ran.code in (0, 1), (args, ran.code, ran.err[-2000:])
    assert "Traceback" not in ran.err
    assert ran.seconds <= limit, (args, ran.seconds)
    return ran


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("gate")
    regions = base / "regions.yaml"
    regions.write_text(
        yaml.safe_dump({"format": 1, "regions": REGIONS}, allow_unicode=True), encoding="utf-8"
    )
    ws = base / "ws"
    assert cli("init", str(ws), "--set", "sd-county-2020", "--regions", str(regions),
               "--period", "2021").code == 0  # fmt: skip
    yield ws


def still_works(ws: Path, out: Path, *, report: bool = False) -> None:
    """After an accepted import: score --format json, export (xlsx and csv) and, where asked, a
    county report all succeed."""
    import json

    ran = cli("score", str(ws), "--format", "json")
    assert ran.code == 0, ran.err
    json.loads(ran.out)
    assert cli("export", str(ws), "-o", str(out / "x.xlsx")).code == 0
    assert cli("export", str(ws), "-o", str(out / "x.csv")).code == 0
    if report:
        ran = cli("report", str(ws), "--region", "371502", "-o", str(out / "r"), "--quiet",
                  limit=300)  # fmt: skip
        assert ran.code == 0, ran.err
