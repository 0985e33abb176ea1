"""The bundled sets lint clean and every sample scores without errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from tests.indicators.common import (
    ROOT,
    SAMPLES,
    SETS,
    entries_files,
    run_cli,
    score_json,
    set_path,
)


@pytest.mark.parametrize("set_id", SETS)
def test_set_header(set_id: str) -> None:
    text = set_path(set_id).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=indicator-set.schema.json"
    data = yaml.safe_load(text)
    assert data["format"] == 1
    assert data["id"] == set_id
    for key in ("name", "version", "source", "scope", "description"):
        assert data.get(key), key
    assert "示例" in data["description"]  # says what is illustrative


def test_lint_clean() -> None:
    rc, out = run_cli(["lint", *[str(set_path(s)) for s in SETS]])
    assert rc == 0, out


@pytest.mark.parametrize("set_id", SETS)
def test_samples_score_without_errors(set_id: str) -> None:
    results = score_json(set_id)
    assert results
    for r in results:
        errors = {k: n.get("message") for k, n in r["nodes"].items() if n["status"] == "error"}
        assert not errors, (r["region"], r["period"], errors)


@pytest.mark.parametrize("set_id", SETS)
def test_sample_files_are_marked_fictional(set_id: str) -> None:
    files = entries_files(set_id)
    assert len({yaml.safe_load(f.read_text(encoding="utf-8"))["evaluator"] for f in files}) >= 2
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("# 示例数据（虚构）"), f.name
        assert "示例数据（虚构）" in yaml.safe_load(text)["note"], f.name


def test_regions_list_covers_the_samples() -> None:
    listed = {r["id"]: r for r in yaml.safe_load((SAMPLES / "regions.yaml").read_text())["regions"]}
    for set_id in SETS:
        for f in entries_files(set_id):
            for block in yaml.safe_load(f.read_text(encoding="utf-8"))["regions"]:
                reg = listed.get(block["region"])
                assert reg is not None, (f.name, block["region"])
                assert reg["name"] == block["name"]
                assert reg.get("group") == block.get("group")


def test_samples_are_what_the_generator_writes() -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/gen_samples.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
