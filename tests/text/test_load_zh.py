"""The loader's messages reach the evaluator in Chinese through the real command, each with
its file:line:column and what is allowed; English readers read what they always read."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError, model_validator

from assessor.errors import Said
from assessor.loader.located import parse_yaml
from assessor.loader.messages import problems_from_validation
from assessor.text.catalogue import said
from assessor.text.problems import problem_text
from tests.cli_run import assessor_in

ROOT = Path(__file__).resolve().parents[2]

BAD_SET = """\
format: 1
id: t
name: 测试
versoin: 1
rank_points: {first: 100}
tree:
  - id: D1
    name: 惠民
    points: 100
    children:
      - {id: N1, name: 支付使用率, points: 50, method: check}
      - {name: 医院, points: 30, method: check}
      - {id: L1, name: 等级, points: 20, method: level, levels: {1, 2}}
"""

GOOD_SET = """\
format: 1
id: t
name: 测试
tree:
  - id: D1
    name: 惠民
    points: 100
    children:
      - id: N1
        name: 支付使用率
        points: 50
        method: bands
        input: {label: 占比, min: 0, max: 100}
        bands: [{min: 0, score: 1}]
      - {id: K1, name: 有无平台, points: 50, method: check}
"""

BAD_ENTRIES = """\
format: 1
set: t
period: 2024
evaluator: 张三
regions:
  - region: '371502'
    name: 东昌府区
    entries:
      N1: 120
      N9: 1
"""


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def _run(lang: str, *args: str) -> list[str]:
    """`python -m assessor ARGS` read in `lang`: the lines it printed (stdout, then stderr)."""
    out = assessor_in(lang, *args)
    assert out.returncode == 1, out.stderr
    return (out.stdout + out.stderr).splitlines()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("load_zh")


@pytest.fixture(scope="module")
def lint_zh(folder: Path) -> list[str]:
    return _run("zh", "lint", _write(folder, "t.yaml", BAD_SET))


@pytest.fixture(scope="module")
def score_zh(folder: Path) -> list[str]:
    good = _write(folder, "ok.yaml", GOOD_SET)
    return _run("zh", "score", "--set", good, "--entries", _write(folder, "e.yaml", BAD_ENTRIES))


def test_an_unknown_key_reads_in_chinese_with_its_line_the_guess_and_the_allowed_keys(
    folder: Path, lint_zh: list[str]
) -> None:
    assert lint_zh[0].startswith(
        f"{folder / 't.yaml'}:4:1: [versoin] 未知的键 `versoin`（是否应为 `version`？）；"
        "允许：$schema、format、id、name、version、source、"
    )


def test_a_missing_key_reads_in_chinese_at_the_node_that_lacks_it(
    folder: Path, lint_zh: list[str]
) -> None:
    assert (
        f"{folder / 't.yaml'}:12:9: [tree[0].children[1].id] 缺少必填键 `id`（schema）" in lint_zh
    )


def test_a_value_of_the_wrong_type_reads_in_chinese_with_what_was_expected(
    folder: Path, lint_zh: list[str]
) -> None:
    assert (
        f"{folder / 't.yaml'}:13:55: [tree[0].children[2].levels] levels：应为列表，实际为 {{1, 2}}"
        "（schema）"
    ) in lint_zh


def test_a_model_validator_that_raises_a_said_is_read_in_chinese(
    folder: Path, lint_zh: list[str]
) -> None:
    assert (
        f"{folder / 't.yaml'}:5:15: [rank_points] 线性规则需要同时给出 `first` 和 `step`（schema）"
    ) in lint_zh


def test_lint_counts_the_problems_in_chinese(lint_zh: list[str]) -> None:
    assert lint_zh[-1] == "检查了 1 个指标集：4 个错误，0 个警告"


def test_a_value_out_of_range_reads_in_chinese_with_the_region_and_the_allowed_range(
    folder: Path, score_zh: list[str]
) -> None:
    assert (
        f"{folder / 'e.yaml'}:9:11: [regions[0].entries.N1] "
        "地区 371502：N1（支付使用率）：120 大于上限 100；允许：0～100"
    ) in score_zh


def test_an_unknown_indicator_reads_in_chinese_with_the_indicator_it_may_mean(
    folder: Path, score_zh: list[str]
) -> None:
    assert (
        f"{folder / 'e.yaml'}:10:7: [regions[0].entries.N9] "
        "未知的指标 'N9'（地区 371502）：不在指标集 t 中；是否应为 N1？"
    ) in score_zh


def test_english_readers_read_the_same_messages_as_before(folder: Path) -> None:
    bad_set = _write(folder, "t_en.yaml", BAD_SET)
    lines = _run("en", "lint", bad_set)
    assert lines[0].startswith(
        f"{bad_set}:4:1: [versoin] unknown key `versoin` (did you mean `version`?); "
        "allowed: $schema, format, id, name, version, source, "
    )
    assert lines[1:] == [
        f"{bad_set}:5:15: [rank_points] a linear rule needs both `first` and `step` (schema)",
        f"{bad_set}:12:9: [tree[0].children[1].id] missing required key `id` (unique in the set)"
        " (schema)",
        f"{bad_set}:13:55: [tree[0].children[2].levels] levels: expected a list, got {{1, 2}}"
        " (schema)",
        "1 set checked, 4 errors, 0 warnings",
    ]
    good = _write(folder, "ok_en.yaml", GOOD_SET)
    entries = _write(folder, "e_en.yaml", BAD_ENTRIES)
    assert _run("en", "score", "--set", good, "--entries", entries) == [
        f"{entries}:9:11: [regions[0].entries.N1] region 371502: N1 (支付使用率) (占比): "
        "120 is above the maximum 100; allowed: 0 … 100",
        f"{entries}:10:7: [regions[0].entries.N9] unknown indicator 'N9' (region 371502): "
        "not in set t; did you mean N1?",
        "2 problems found.",
    ]


class _Window(BaseModel):
    """A model whose validator refuses in both languages, as the models of assessor do."""

    start: int
    end: int

    @model_validator(mode="after")
    def _ordered(self) -> _Window:
        if self.start >= self.end:
            raise ValueError(said("load.task.start", start=self.start, deadline=self.end))
        return self


def test_a_validators_said_keeps_both_languages_and_its_place() -> None:
    data = parse_yaml("start: 5\nend: 3\n", "w.yaml")
    with pytest.raises(ValidationError) as info:
        _Window.model_validate(data)
    (problem,) = problems_from_validation(info.value, data, _Window, file="w.yaml")
    assert isinstance(problem.message, Said)
    assert problem_text(problem, "zh") == "w.yaml:1:1: 开始日期 5 必须早于截止日期 3"
    assert problem_text(problem, "en") == "w.yaml:1:1: start 5 must be before the deadline 3"
