"""The committed JSON Schemas are the generated ones, and an independent validator accepts
every bundled set and sample with them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from assessor.loader.schema import entries_schema, schema_text, set_schema

ROOT = Path(__file__).parents[2]
INDICATORS = ROOT / "indicators"
SET_FILES = sorted(INDICATORS.glob("*.yaml"))
# Entries files are under samples/<set-id>/; samples/workspace/ holds a workspace, not entries.
SAMPLE_FILES = sorted(
    p
    for p in (ROOT / "samples").glob("*/*.yaml")
    if p.parent.name != "workspace" and not (p.parent / "workspace.yaml").is_file()
)  # a folder with a workspace.yaml is a campaign (samples/binzhou-2023), not entries


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_set_schema_equals_the_generated_one() -> None:
    committed = (INDICATORS / "indicator-set.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "run: assessor schema -o indicators/indicator-set.schema.json"
    )


def test_committed_entries_schema_equals_the_generated_one() -> None:
    committed = (INDICATORS / "entries.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(entries=True), (
        "run: assessor schema --entries -o indicators/entries.schema.json"
    )


def test_schemas_are_draft_2020_12_with_help_texts() -> None:
    s = set_schema()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["title"] and s["description"]
    assert "description" in s["properties"]["full_score"]
    assert "description" in s["$defs"]["BandsLeaf"]["properties"]["bands"]
    assert "$schema" in s["properties"]


@pytest.mark.parametrize("path", SET_FILES, ids=lambda p: p.name)
def test_every_bundled_set_validates_against_the_schema(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [e.message for e in validator(set_schema()).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("path", SET_FILES, ids=lambda p: p.name)
def test_every_bundled_set_carries_the_schema_modeline(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=indicator-set.schema.json"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_entries_file_validates(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [e.message for e in validator(entries_schema()).iter_errors(data)] == []


def test_numbers_are_accepted_where_the_models_hold_decimals() -> None:
    data = {
        "id": "t",
        "name": "t",
        "full_score": 100.5,
        "tree": [{"id": "A", "name": "a", "points": 0.1, "method": "ratio", "target": 80}],
    }
    assert list(validator(set_schema()).iter_errors(data)) == []


def test_the_schema_rejects_an_unknown_method_and_an_unknown_key() -> None:
    v = validator(set_schema())
    base = {"id": "t", "name": "t"}
    assert list(v.iter_errors({**base, "tree": [{"id": "A", "name": "a", "method": "bandz"}]}))
    assert list(v.iter_errors({**base, "tree": [], "colour": 1}))


def test_a_set_that_extends_another_needs_no_tree() -> None:
    v = validator(set_schema())
    assert list(v.iter_errors({"id": "c", "name": "c", "extends": "p"})) == []
    assert list(v.iter_errors({"id": "c", "name": "c"}))


def test_schema_command_writes_the_same_text(tmp_path: Path) -> None:
    from assessor.cli.main import main

    out = tmp_path / "s.json"
    assert main(["schema", "--entries", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == entries_schema()
