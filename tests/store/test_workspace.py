"""Workspaces: init, migrations with a backup, and the CLI commands over a real SQLite database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from assessor.store.store import HEAD_REVISION, Store
from assessor.store.workspace import init_workspace, load_workspace_assessments, open_workspace
from tests.cli_run import assessor

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(SAMPLES / "workspace", ws)
    p = assessor(
        "import",
        "-w",
        str(ws),
        "--who",
        "导入员",
        *map(str, sorted((SAMPLES / "sd-county-2020").glob("*.yaml"))),
    )
    assert p.returncode == 0, p.stderr
    return ws


def test_opening_an_older_database_migrates_it_after_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    url = f"sqlite:///{db}"
    from alembic import command
    from alembic.config import Config

    from assessor.store.store import MIGRATIONS

    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    store = Store(create_engine(url), url)
    assert store.revision() == "0001"
    backup = store.migrate()
    assert backup is not None and backup.exists()
    assert store.revision() == HEAD_REVISION
    with create_engine(f"sqlite:///{backup}").connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"


def test_init_writes_a_workspace_that_opens(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "new", set_ref="sd-county-2020", regions_file=SAMPLES / "workspace" / "regions.yaml",
                        period="2021", evaluators=["张三", "李四"])  # fmt: skip
    ws.close()
    again = open_workspace(tmp_path / "new")
    assert again.set_id == "sd-county-2020"
    assert again.config.lead() == "张三"
    assert len(again.regions) == 20
    again.close()


def test_a_bad_workspace_file_gets_a_located_message(tmp_path: Path) -> None:
    shutil.copytree(SAMPLES / "workspace", tmp_path / "ws")
    cfg = tmp_path / "ws" / "workspace.yaml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace("language: zh", "language: fr"), encoding="utf-8"
    )
    p = assessor("status", "-w", str(tmp_path / "ws"))
    assert p.returncode == 1
    assert "workspace.yaml:" in p.stderr and "language" in p.stderr
    assert "Traceback" not in p.stderr


def test_score_on_a_workspace_equals_score_on_the_same_files(workspace: Path) -> None:
    files = [str(p) for p in sorted((SAMPLES / "sd-county-2020").glob("*.yaml"))]
    from_files = assessor("score", "--set", str(ROOT / "indicators" / "sd-county-2020.yaml"), "--entries", *files,
                          "--format", "json")  # fmt: skip
    from_ws = assessor("score", str(workspace), "--format", "json")
    assert from_ws.returncode == 0, from_ws.stderr
    a = {r["region"]: (r["total"], r["rating"]) for r in json.loads(from_files.stdout)}
    b = {r["region"]: (r["total"], r["rating"]) for r in json.loads(from_ws.stdout)}
    assert {k: a[k] for k in b} == b


def test_importing_the_same_files_twice_adds_no_versions(workspace: Path) -> None:
    files = [str(p) for p in sorted((SAMPLES / "sd-county-2020").glob("*.yaml"))]
    ws = open_workspace(workspace)
    before = len(ws.store.audit_log())
    ws.close()
    assert assessor("import", "-w", str(workspace), *files).returncode == 0
    ws = open_workspace(workspace)
    assert len(ws.store.audit_log()) == before
    ws.close()


def test_a_bad_import_file_imports_nothing_and_lists_every_error(
    workspace: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: 1\nset: sd-county-2020\nperiod: 2022\nevaluator: 王五\nregions:\n"
        "  - region: '371502'\n    entries:\n      D1-01: {used: 5, total: 10}\n      D1-03: 150\n"
        "  - region: '999999'\n    entries:\n      D1-02: {online: 1, total: 2}\n",
        encoding="utf-8",
    )
    p = assessor("import", "-w", str(workspace), str(bad))
    assert p.returncode == 1
    assert "bad.yaml:" in p.stderr and "999999" in p.stderr
    ws = open_workspace(workspace)
    assert ws.store.entries(ws.set_id, "2022") == []
    ws.close()


def test_set_status_and_audit_commands(workspace: Path) -> None:
    assert (
        assessor("set-status", "-w", str(workspace), "371502", "final", "--who", "组长").returncode
        == 0
    )
    p = assessor("set-status", "-w", str(workspace), "371502", "draft", "--who", "组长")
    assert p.returncode == 1 and "reason" in p.stderr
    assert (
        assessor(
            "set-status",
            "-w",
            str(workspace),
            "371502",
            "draft",
            "--reason",
            "更正",
            "--who",
            "组长",
        ).returncode
        == 0
    )
    log = assessor("audit", "log", "-w", str(workspace), "-n", "2")
    assert "更正" in log.stdout
    ok = assessor("audit", "verify", "-w", str(workspace))
    assert ok.returncode == 0 and "verified" in ok.stdout


def test_audit_verify_fails_on_a_tampered_database(workspace: Path) -> None:
    import sqlite3

    with sqlite3.connect(workspace / "assessor.db") as c:
        c.execute('UPDATE audit SET new = \'{"d":"1"}\' WHERE seq = 5')
    p = assessor("audit", "verify", "-w", str(workspace))
    assert p.returncode == 1
    assert "record 5" in p.stderr


def test_period_new_carries_the_year_over(workspace: Path) -> None:
    p = assessor("period", "new", "-w", str(workspace), "2022")
    assert p.returncode == 0, p.stderr
    _sets, assessments, _ = load_workspace_assessments(workspace)
    periods = {a.period for a in assessments}
    assert periods == {"2021", "2022"}
    entries_2022 = next(a for a in assessments if a.period == "2022").entries
    some = next(iter(next(iter(entries_2022.values())).values()))[0]
    assert some.carried_over


def test_commands_take_the_workspace_as_a_positional_argument(workspace: Path) -> None:
    p = assessor("status", str(workspace))
    assert p.returncode == 0, p.stderr
    assert "东昌府区" in p.stdout
    assert assessor("audit", "verify", str(workspace)).returncode == 0


def test_an_anchored_head_hash_detects_a_log_rewritten_consistently(workspace: Path) -> None:
    import re
    import sqlite3

    from assessor.store.audit import GENESIS, record_hash

    out = assessor("audit", "verify", str(workspace)).stdout
    anchor = re.search(r"sha256 ([0-9a-f]{64})", out).group(1)  # type: ignore[union-attr]
    with sqlite3.connect(workspace / "assessor.db") as c:  # a forger who recomputes every hash
        c.row_factory = sqlite3.Row
        c.execute("UPDATE audit SET reason = 'forged' WHERE seq = 1")  # in no other table
        prev = GENESIS
        for r in c.execute("SELECT * FROM audit ORDER BY seq").fetchall():
            h = record_hash(prev, dict(r))
            c.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, r["seq"]))
            prev = h
        c.execute("UPDATE chain_head SET hash = ?", (prev,))
    assert assessor("audit", "verify", str(workspace)).returncode == 0  # the chain alone holds
    p = assessor("audit", "verify", str(workspace), "--anchor", anchor)
    assert p.returncode == 1 and "rewritten" in p.stderr


def test_period_compare_lists_each_regions_change(workspace: Path) -> None:
    assert assessor("period", "new", str(workspace), "2022").returncode == 0
    p = assessor("period", "compare", str(workspace), "2021", "2022")
    assert p.returncode == 0, p.stderr
    assert "东昌府区 371502" in p.stdout and "0.00" in p.stdout
    p = assessor("period", "compare", str(workspace), "2021", "2022", "--region", "371502")
    assert "D1-01" in p.stdout


def test_a_current_period_of_another_kind_than_period_kind_is_located(tmp_path: Path) -> None:
    shutil.copytree(SAMPLES / "workspace", tmp_path / "ws")
    cfg = tmp_path / "ws" / "workspace.yaml"
    text_ = cfg.read_text(encoding="utf-8").replace('period: "2021"', 'period: "2021-Q1"')
    cfg.write_text(text_, encoding="utf-8")
    p = assessor("status", str(tmp_path / "ws"))
    assert p.returncode == 1
    assert "workspace.yaml:" in p.stderr and "2021-Q1 is not a year" in p.stderr


def test_init_with_a_set_file_records_it_relative_to_the_workspace(tmp_path: Path) -> None:
    own = tmp_path / "sets" / "my-set.yaml"
    own.parent.mkdir()
    shutil.copy(ROOT / "indicators" / "sd-county-2020.yaml", own)
    p = assessor("init", str(tmp_path / "ws"), "--set", str(own),
                 "--regions", str(SAMPLES / "workspace" / "regions.yaml"), "--period", "2021")  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert "sets:\n- ../sets/my-set.yaml" in (tmp_path / "ws" / "workspace.yaml").read_text("utf-8")
    assert (tmp_path / "ws" / "assessor.db").is_file()
    assert assessor("status", str(tmp_path / "ws"), cwd=tmp_path / "sets").returncode == 0


def test_init_refuses_to_overwrite_a_workspace(workspace: Path) -> None:
    p = assessor("init", str(workspace), "--set", "sd-county-2020",
                 "--regions", str(workspace / "regions.yaml"))  # fmt: skip
    assert p.returncode == 1 and "already is a workspace" in p.stderr
