"""`assessor lint` tells a Chinese reader what is wrong in Chinese, at the same file:line, and an
English reader the same lines as before the messages moved into the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from assessor.errors import Said
from assessor.model.formula import FormulaError, parse_formula
from assessor.model.indicator_set import IndicatorSet
from tests.cli_run import assessor_in

ROOT = Path(__file__).resolve().parents[2]

#: Points that do not add up, a band the one above it hides, a formula naming an input it does
#: not declare, and grades listed worst first.
BAD_SET = """\
id: t
name: 测试
full_score: 100
tree:
  - id: A
    name: 甲
    points: 100
    children:
      - {id: A1, name: 一, points: 60, method: check}
      - {id: A2, name: 二, points: 40, method: check}
  - id: B
    name: 乙
    points: 5
    kind: bonus
    children:
      - id: B1
        name: 带宽
        points: 5
        method: bands
        input: {min: 40}
        bands:
          - {min: 40, score: 1}
          - {min: 50, score: 0.5}
      - id: B2
        name: 公式
        points: 5
        method: ratio
        inputs: {used: {}}
        value: used / total * 100
  - {id: C, name: 丙, points: 10, method: check}
rating:
  grades:
    - {key: '4', label: 四星, min_score: 80}
    - {key: '5', label: 五星, min_score: 90}
"""

#: One set that breaks many rules at once: every message it draws must read as Chinese.
MANY_RULES = """\
id: t2
name: 测试二
bonus_cap: 5
rollup: {method: sum}
consolidation: {method: lead}
rank_points: {table: [10, 8, 9], rest: 12}
tree:
  - id: A
    name: 甲
    children:
      - {id: A1, name: 一, share: 100, method: check}
  - id: C
    name: 丙
    points: 100
    children:
      - {id: C1, name: 一, share: 60, method: check, rollup: last}
      - {id: C2, name: 二, share: 30, method: check}
  - {id: V, name: 否决, kind: veto, method: points, points: 3}
  - {id: V2, name: 否决二, kind: veto, method: check, points: 1}
  - {id: V3, name: 否决三, kind: veto, method: check, effect: {max_stars: 9}}
  - {id: E, name: 效果, method: check, points: 1, effect: zero}
  - {id: N, name: 无分, method: check}
  - {id: G, name: 加分, kind: bonus, method: check}
  - id: L
    name: 等级
    points: 5
    method: level
    levels:
      - {level: 2, score: 0.5}
      - {level: 1, score: 0.8}
      - {level: 2, score: 1}
  - {id: K, name: 曲线, points: 5, method: linear, input: {}, curve: [[0, 0], [50, 0.5], [40, 1]]}
  - id: O
    name: 选项
    points: 5
    method: choice
    options: [{key: 优秀, score: 1}, {key: 优秀, score: 0.5}]
  - {id: R, name: 排名, points: 5, method: rank, input: {}, peers: group, rank_scores: [1, 0.8, 0.9]}
  - id: RL
    name: 排名等级
    points: 5
    method: rank
    input: {}
    rank_levels: [{max_rank: 6, level: 2}, {max_rank: 3, level: 1}]
  - {id: Q, name: 比例, points: 5, method: ratio, input: {}, target: 0, baseline: 100}
  - {id: Q2, name: 比例二, points: 5, method: ratio, direction: lower, input: {}, target: 100, baseline: 50}
  - id: BD
    name: 方向
    points: 5
    method: bands
    input: {min: 0}
    bands:
      - {max: 3, score: 1}
      - {min: 1, score: 2, level: 1}
      - {min: 0.5, score: 0, level: 3}
  - {id: F, name: 公式, points: 5, method: ratio, inputs: {a: {}, b: {}}, value: a * 2}
  - {id: P, name: 进度, points: 5, method: ratio, input: {}, pro_rata: days}
  - {id: M, name: 合计, points: 5, method: check, rollup: sum}
rating:
  grades:
    - {key: '4', label: 四星, stars: 4}
    - {key: '4', label: 又四, min_score: 10, stars: 3}
    - key: x
      label: 差
      when:
        - {node_ratio: {node: ZZ, min: 0.5}}
        - {node_level: {node: A1, min: 1}}
        - {share_at_level: {level: 1, min: 0.5}}
      requires: [AA1, C, {leaf: A1, min_level: 2}, {leaf: L, min_level: 7}]
"""

IDS = re.compile(r"\b(?:A|A1|B1|B2|C|C1|C2|V|V2|V3|E|N|G|L|K|O|R|RL|Q|Q2|BD|F|P|M)\b")


def _lint(path: Path, lang: str) -> list[str]:
    out = assessor_in(lang, "lint", str(path), timeout=120)
    assert out.returncode == 1, out.stderr
    return out.stdout.splitlines()


@pytest.fixture
def bad_set(tmp_path: Path) -> Path:
    path = tmp_path / "坏.yaml"
    path.write_text(BAD_SET, encoding="utf-8")
    return path


def test_lint_tells_a_chinese_reader_each_problem_in_chinese_at_its_line(bad_set: Path) -> None:
    f = str(bad_set)
    assert _lint(bad_set, "zh") == [
        f"{f}:3:1: [full_score] 顶层基本项合计 110 分（A 100、C 10），但 `full_score` 为 100；"
        "请修改分值或 `full_score`，或在顶层设定 `normalize: true`（points-sum）",
        f"{f}:23:13: [B1.bands[1]] B1（带宽）：第 2 个区间（`min` 50）永远不会命中：其上方第 1 个"
        "区间（`min` 40）已涵盖它的全部取值；区间自上而下判定，请按阈值从高到低排列"
        "（band-unreachable）",
        f"{f}:29:9: [B2.value] B2（公式）：公式 'used / total * 100' 引用了 'total'，不在其输入项中；"
        "已声明的输入项：used（formula-unknown-input）",
        f"{f}:34:29: [rating.grades[1].min_score] 等级 '5'（五星）要求 `min_score` 90，"
        "高于其上方的等级（80）；等级须从高到低排列（grade-order）",
        "检查了 1 个指标集：4 个错误，0 个警告",
    ]


def test_lint_tells_an_english_reader_the_same_lines_as_before(bad_set: Path) -> None:
    f = str(bad_set)
    assert _lint(bad_set, "en") == [
        f"{f}:3:1: [full_score] the top-level core nodes add up to 110 points (A 100, C 10), but "
        "full_score is 100; fix the points, full_score, or set `normalize: true` at the top "
        "(points-sum)",
        f"{f}:23:13: [B1.bands[1]] B1 (带宽): band 2 (min 50) can never match: band 1 (min 40) "
        "above it takes all its values; bands are read top to bottom, so list them highest "
        "threshold first (band-unreachable)",
        f"{f}:29:9: [B2.value] B2 (公式): the formula 'used / total * 100' names 'total', not "
        "among its inputs; declared inputs: used (formula-unknown-input)",
        f"{f}:34:29: [rating.grades[1].min_score] grade '5' (五星) needs min_score 90, more than "
        "the grade above it (80); grades are listed best first (grade-order)",
        "1 set checked, 4 errors, 0 warnings",
    ]


def _words_outside_what_the_user_wrote(line: str) -> set[str]:
    """English words left in a line once the place, the key, the rule code, `backticks`,
    'quoted values' and the set's own ids are taken out."""
    text = re.sub(r"^\S+?:\d+:\d+: \[.*?\] ", "", line)
    text = re.sub(r"（[a-z-]+）$", "", text)
    text = re.sub(r"`[^`]*`|'[^']*'", "", text)
    return set(re.findall(r"[A-Za-z]{2,}", IDS.sub("", text)))


def test_every_lint_message_reads_as_chinese(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(MANY_RULES, encoding="utf-8")
    lines = _lint(path, "zh")
    codes = {m.group(1) for line in lines if (m := re.search(r"（([a-z-]+)）$", line))}
    assert len(codes) >= 30, sorted(codes)  # the set does reach most rules
    english = {line: w for line in lines if (w := _words_outside_what_the_user_wrote(line))}
    assert english == {}


def test_a_validator_refusal_keeps_its_chinese_for_the_loader_to_show() -> None:
    with pytest.raises(ValidationError) as caught:
        IndicatorSet.model_validate(
            {
                "id": "t",
                "name": "测试",
                "tree": [{"id": "A", "name": "甲", "points": 1, "share": 5, "method": "check"}],
            }
        )
    refusals = [e["ctx"]["error"] for e in caught.value.errors() if "error" in e.get("ctx", {})]
    assert refusals and all(isinstance(r, ValueError) for r in refusals)
    said = [r.args[0] for r in refusals]
    assert "give `points` or `share`, not both" in said
    assert "`points` 与 `share` 只能设定其一" in [s.text("zh") for s in said if isinstance(s, Said)]


def test_a_formula_refusal_names_the_character_in_either_language() -> None:
    with pytest.raises(FormulaError) as caught:
        parse_formula("a ** 2")
    why = caught.value.args[0]
    assert isinstance(why, Said)
    assert str(why) == "unexpected '*' at character 4 of 'a ** 2'"
    assert why.zh == "'a ** 2' 的第 4 个字符处不应出现 '*'"


def test_a_set_the_model_refuses_is_refused_in_chinese_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "id: t\nname: 测试\ntree:\n  - {id: A1, name: 一, points: 60, share: 10, method: check}\n",
        encoding="utf-8",
    )
    assert (
        _lint(path, "zh")[0] == f"{path}:4:23: [tree[0]] `points` 与 `share` 只能设定其一（schema）"
    )
    assert _lint(path, "en")[0] == (
        f"{path}:4:23: [tree[0]] give `points` or `share`, not both (schema)"
    )
