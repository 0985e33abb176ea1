"""The catalogue of the tool's own words: every message in every language, with the same blanks."""

from __future__ import annotations

import re

import pytest

from assessor.text.catalogue import CATALOGUE, LANGS, has, placeholders, say, table


def test_every_message_has_every_language() -> None:
    missing = [
        f"{key}: no {lang}" for key, e in CATALOGUE.items() for lang in LANGS if not e.get(lang)
    ]
    assert not missing, "\n".join(missing)


def test_no_message_speaks_a_language_the_catalogue_does_not_list() -> None:
    extra = [
        f"{key}: {sorted(set(e) - set(LANGS))}"
        for key, e in CATALOGUE.items()
        if set(e) - set(LANGS)
    ]
    assert not extra, "add the language to LANGS (and to every entry) or drop it:\n" + "\n".join(
        extra
    )


def test_every_language_fills_the_same_placeholders() -> None:
    wrong = []
    for key, e in CATALOGUE.items():
        wanted = {lang: placeholders(e[lang]) for lang in LANGS}
        if len({frozenset(v) for v in wanted.values()}) > 1:
            wrong.append(f"{key}: {wanted}")
    assert not wrong, "\n".join(wrong)


def test_say_fills_the_placeholders_in_the_language_asked() -> None:
    assert (
        say("tui.period_empty", "zh", period="2021年第18周") == "评价期 2021年第18周 还没有任何填报"
    )
    assert (
        say("tui.period_empty", "en", period="week 18 of 2021")
        == "period week 18 of 2021 has no entries yet"
    )


def test_an_unknown_message_is_an_error_not_its_key() -> None:
    assert not has("tui.no_such_message")
    with pytest.raises(KeyError):
        say("tui.no_such_message", "zh")


def test_a_table_gives_the_words_for_a_set_of_codes() -> None:
    assert table("status", "zh") == {
        "scored": "已评分",
        "unscored": "未填报",
        "na": "不适用",
        "error": "错误",
    }
    assert table("light", "en") == {"green": "green", "yellow": "yellow", "red": "red"}


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{[^}]*\}")
CODE = re.compile(r"`[^`]*`")  # what the reader types as it is: a YAML key, a command, a value

#: English words Chinese messages may carry, each because a reader types or sees it as it is.
ZH_ASCII_ALLOWED = {
    "Tab", "Esc", "Ctrl", "Enter",  # keys, named as printed on the keyboard
    "PDF", "SVG",  # file formats
    "Kendall", "ICC",  # the agreement statistics' own names (Kendall's W, ICC(2,1))
    "zhwl",  # a pinyin-initials example (智慧物流) of what to type in the search
    "optional",  # the YAML keyword a set file must carry (本指标未标记 optional)
    "assessor", "set", "status", "draft", "reason",  # the command to type: assessor set-status … draft --reason
}  # fmt: skip

#: Chinese terms English messages keep, because the Chinese term is the point.
EN_CJK_ALLOWED = {
    "source.illustrative": "示例",  # the mark every sample carries, in reports of either language
}


def test_chinese_messages_have_no_english_word_outside_the_allowlist() -> None:
    wrong = []
    for key, e in CATALOGUE.items():
        words = set(re.findall(r"[A-Za-z]{2,}", CODE.sub("", PLACEHOLDER.sub("", e["zh"]))))
        if words - ZH_ASCII_ALLOWED:
            wrong.append(f"{key}: {sorted(words - ZH_ASCII_ALLOWED)} in {e['zh']!r}")
    assert not wrong, "\n".join(wrong)


def test_english_messages_have_no_chinese_outside_the_allowlist() -> None:
    wrong = [
        f"{key}: {e['en']!r}"
        for key, e in CATALOGUE.items()
        if CJK.search(e["en"].replace(EN_CJK_ALLOWED.get(key, "\0"), ""))
    ]
    assert not wrong, "\n".join(wrong)


def test_the_allowlists_hold_only_what_is_still_used() -> None:
    zh_words = {w for e in CATALOGUE.values() for w in re.findall(r"[A-Za-z]{2,}", e["zh"])}
    assert zh_words >= ZH_ASCII_ALLOWED, ZH_ASCII_ALLOWED - zh_words
    assert all(t in CATALOGUE[k]["en"] for k, t in EN_CJK_ALLOWED.items())


def test_unscored_reads_the_same_in_reports_excel_and_explanations() -> None:
    from assessor.exchange.export import STATUS_ZH as EXCEL
    from assessor.report.context import STATUS_ZH as REPORT
    from assessor.scoring.explain import _words

    assert EXCEL["unscored"] == REPORT["unscored"] == _words("zh")["status"]["unscored"] == "未填报"


def test_the_three_lights_are_one_wording() -> None:
    from assessor.cli.cmd_tasks import LIGHT_ZH as CLI
    from assessor.report.context import LIGHT_ZH as REPORT
    from assessor.report.tasks_context import LIGHT_ZH as TASKS

    assert CLI == REPORT == TASKS == {"green": "绿", "yellow": "黄", "red": "红"}
