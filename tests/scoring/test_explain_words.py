"""The engine explains its arithmetic in the reader's language: Chinese in the Chinese
interface and reports, English in `str()`, logs and `--lang en`."""

import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessor.loader import load_entries, load_set
from assessor.scoring import compile_checked, explain_lines, score
from tests.scoring.helpers import assess, make_set, one

ROOT = Path(__file__).resolve().parents[2]


def leaf(method_yaml: str, points: int = 10, extra: str = "") -> str:
    return f"full_score: {points}\n{extra}\ntree:\n  - id: X\n    name: 指标\n    points: {points}\n{method_yaml}"


LEVEL = leaf("    method: level\n    levels: [{level: 1, label: 一星}, {level: 2, label: 二星}]\n")
CHOICE = leaf(
    "    method: choice\n    options: [{key: a, label: 较好, score: 1}, {key: b, label: 一般, score: 0.6}]\n"
)
CHECK = leaf("    method: check\n")
BANDS = leaf(
    "    method: bands\n    bands: [{min: 80, score: 1, level: 5}, {min: 60, score: 0.6}]\n"
)
COUNT = leaf("    method: count\n    each: 4\n")
POINTS = leaf("    method: points\n")
RATIO = leaf("    method: ratio\n    target: 50\n")


def rule(set_yaml: str, value: object, lang: str) -> str | None:
    ex = one(make_set(set_yaml), {"X": value}).nodes["X"].explanation
    assert ex is not None
    return ex.rule_text(lang)


@pytest.mark.parametrize(
    ("set_yaml", "value", "zh", "en"),
    [
        (LEVEL, 2, "等级 2（二星）→ 得分率 1", "level 2 (二星) → 1"),
        (CHOICE, "b", "选项「一般」→ 得分率 0.6", "option 一般 → 0.6"),
        (CHECK, True, "是 → 得分率 1", "yes → 1"),
        (BANDS, 85, "区间 ≥ 80 → 得分率 1，等级 5", "band ≥ 80 → 1, level 5"),
        (BANDS, 10, "未落入任何区间 → 0", "no band matches → 0"),
        (COUNT, 4, "4 × 4 = 16，封顶 10", "4 × 4 = 16, capped at 10"),
        (POINTS, 12, "直接填报得分 12，限定在 [0, 10]", "12 points entered, clamped to [0, 10]"),
        (RATIO, 60, "(60 − 0) / (50 − 0) = 1.2，限定在 [0, 1] = 1", None),
    ],
)
def test_each_methods_rule_reads_in_chinese_and_in_english(set_yaml, value, zh, en):
    assert rule(set_yaml, value, "zh") == zh
    if en is not None:
        assert rule(set_yaml, value, "en") == en


def test_an_unlabelled_level_is_not_repeated_in_brackets():
    cs = make_set(leaf("    method: level\n    levels: [{level: 1}, {level: 2}]\n"))
    assert one(cs, {"X": 2}).nodes["X"].explanation.rule_text("zh") == "等级 2 → 得分率 1"


def test_the_rules_default_wording_stays_english():
    ex = one(make_set(LEVEL), {"X": 2}).nodes["X"].explanation
    assert ex.rule == ex.rule_text("en") == "level 2 (二星) → 1"


def test_consolidation_of_several_evaluators_reads_in_chinese():
    r = one(make_set(POINTS), {"X": [6, 8]})
    ex = r.nodes["X"].explanation
    assert ex.consolidation_text("zh") == "2 名评估人取算术平均：6、8 → 7"
    assert ex.consolidation == "mean of 2 evaluators: 6, 8 → 7"


def test_each_evaluators_rule_is_in_the_asked_language():
    r = one(make_set(CHECK), {"X": [True, False]})
    scores = r.nodes["X"].explanation.evaluator_scores("zh")
    assert [s.rule for s in scores] == ["是 → 得分率 1", "否 → 得分率 0"]


def test_a_rank_reads_as_a_place_among_the_regions():
    cs = make_set(leaf("    method: rank\n    scheme: linear\n"))
    results = {
        r.region: r
        for r in score(cs, assess({k: {"X": v} for k, v in {"a": 9, "b": 7, "c": 1}.items()}))
    }
    assert results["b"].nodes["X"].explanation.rule_text("zh") == (
        "填报值 7：3 个地区中排第 2 名 → 得分率 0.5"
    )


def test_a_long_quotient_is_shortened_for_reading_but_a_comment_is_kept_as_typed():
    from assessor.model import Entry

    cs = make_set(
        leaf(
            "    method: ratio\n    inputs: {a: {label: 甲}, b: {label: 乙}}\n    value: a / b * 100\n"
        )
    )
    entry = Entry(inputs={"a": D(79), "b": D(81)}, comment="79/81 = 97.53086419753086")
    lines = explain_lines(cs, one(cs, {"X": entry}), "X", "zh")
    assert "  填报值：≈97.53" in lines
    assert (
        "  规则：甲 ÷ 乙 × 100（甲 79，乙 81） = ≈97.5309；(≈97.5309 − 0) / (100 − 0) = ≈0.9753"
        in lines
    )
    assert "  计算：≈0.9753 × 10 = ≈9.7531 → 9.75" in lines
    assert "  备注：79/81 = 97.53086419753086" in lines


def test_the_head_names_the_method_in_chinese():
    cs = make_set(BANDS)
    head = explain_lines(cs, one(cs, {"X": 85}), "X", "zh")[0]
    assert head == "X 指标 [区间赋分] — 得分 10 / 10，等级 5（已评分）"


# English words the phrasebook uses; none may leak into a Chinese explanation.
ENGLISH = re.compile(
    r"\b(level|band|option|yes|no|mean|median|evaluators?|clamped|capped|curve|points|"
    r"entered|rank|value|peers|lead|trimmed|scored|unscored)\b"
)


@pytest.mark.parametrize(
    "set_id", ["sd-county-2020", "gbt33356-2016", "sx-digital-gov", "liaocheng-2021"]
)
def test_no_english_word_in_any_chinese_explanation_of_the_bundled_samples(set_id):
    indicator_set = load_set(ROOT / "indicators" / f"{set_id}.yaml")
    files = sorted((ROOT / "samples" / set_id).glob("*.yaml"))
    cs = compile_checked(indicator_set)
    for assessment in load_entries(files, indicator_set):
        for r in score(cs, assessment):
            for nid, n in r.nodes.items():
                if not n.leaf:
                    continue
                for line in explain_lines(cs, r, nid, "zh")[1:]:
                    if line.lstrip().startswith(("备注", "佐证材料", "错误")):
                        continue  # what evaluators typed, and error messages
                    words = ENGLISH.findall(line)
                    assert not words, f"{set_id} {r.region} {nid}: {line!r}"


def test_a_division_by_zero_is_explained_in_chinese_and_stays_english_in_json():
    from assessor.model import Entry
    from assessor.scoring import result_to_json

    cs = make_set(
        leaf(
            "    method: ratio\n    inputs: {a: {label: 甲}, b: {label: 乙}}\n    value: a / b * 100\n"
        )
    )
    r = one(cs, {"X": Entry(inputs={"a": D(3), "b": D(0)})})
    assert r.nodes["X"].status == "error"
    assert "  错误：a / b * 100 中除数为 0" in explain_lines(cs, r, "X", "zh")
    assert "  error: division by zero in a / b * 100" in explain_lines(cs, r, "X", "en")
    assert result_to_json(cs, r)["nodes"]["X"]["message"] == "division by zero in a / b * 100"


def test_a_stored_level_the_set_no_longer_has_is_explained_in_chinese():
    cs = make_set(LEVEL)
    r = one(cs, {"X": 7})
    assert "  错误：本指标没有等级 7；允许的等级：0、1、2" in explain_lines(cs, r, "X", "zh")


def test_a_message_keeps_both_wordings_through_pickling_to_report_workers():
    import pickle

    from assessor.errors import Said

    said = pickle.loads(pickle.dumps(Said("division by zero", "除数为 0")))
    assert (str(said), said.text("zh")) == ("division by zero", "除数为 0")


def test_a_formulas_inputs_are_shown_by_label_in_the_sets_order_not_the_stores():
    from assessor.model import Entry

    cs = make_set(
        leaf("    method: ratio\n    inputs: {used: {label: 甲}, total: {label: 乙}}\n"
             "    value: used / total * 100\n")
    )  # fmt: skip
    r = one(cs, {"X": Entry(inputs={"total": D(4), "used": D(2)})})  # a store sorts keys
    assert r.nodes["X"].explanation.rule_text("zh").startswith("甲 ÷ 乙 × 100（甲 2，乙 4） = 50；")
