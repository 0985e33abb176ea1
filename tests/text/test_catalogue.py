"""The catalogue of the tool's own words: every message in every language, with the same blanks."""

from __future__ import annotations

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
