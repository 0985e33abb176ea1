"""The tasks file's JSON Schema: committed as generated, and the sample validates with it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from assessor.loader.schema import schema_text, tasks_schema
from tests.tasks.conftest import ROOT, SAMPLE


def test_committed_tasks_schema_equals_the_generated_one() -> None:
    committed = (ROOT / "indicators" / "tasks.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(tasks=True), (
        "run: assessor schema --tasks -o indicators/tasks.schema.json"
    )


def _as_json(path: Path) -> object:
    """YAML as an editor's language server sees it: dates are text."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_the_binzhou_tasks_file_validates_against_the_schema() -> None:
    schema = tasks_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(
        jsonschema.Draft202012Validator(schema).iter_errors(_as_json(SAMPLE / "tasks.yaml"))
    )
    assert [e.message for e in errors] == []


def test_the_schema_refuses_an_unknown_key_in_a_task() -> None:
    bad = {"format": 1, "campaign": "x", "categories": ["a"], "lists": [
        {"unit": 1, "tasks": [{"id": "A", "name": "a", "category": "a", "deadline": "2023-01-02",
                               "due": "2023-01-01"}]}]}  # fmt: skip
    errors = list(jsonschema.Draft202012Validator(tasks_schema()).iter_errors(bad))
    assert any("due" in e.message for e in errors)
