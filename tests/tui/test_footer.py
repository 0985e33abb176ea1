"""The footer is rebuilt when the keys it shows change, and only then (widgets/footer.py)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input

from assessor.tui.widgets.footer import KeysFooter
from tests.tui.waiting import until


class Plain(Input):
    """Focusable, with only Input's own (hidden) keys."""


class WithKey(Input):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f5", "noop", "check")]

    def action_noop(self) -> None:
        pass


class Two(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f2", "noop", "next")]

    def compose(self) -> ComposeResult:
        yield Plain(id="a")
        yield Plain(id="b")
        yield WithKey(id="c")
        yield KeysFooter()

    def action_noop(self) -> None:
        pass


def footer_keys(app: Two) -> list[object]:
    return list(app.query_one(KeysFooter).query("FooterKey").results())


def shown(app: Two) -> list[str]:
    return [k.key for k in footer_keys(app)]  # type: ignore[attr-defined]


async def test_moving_focus_between_widgets_with_the_same_keys_keeps_the_footers_widgets() -> None:
    app = Two()
    async with app.run_test() as pilot:
        app.query_one("#a").focus()
        await until(pilot, lambda: shown(app) == ["f2", "ctrl+p"], "the footer's keys")
        before = footer_keys(app)
        app.query_one("#b").focus()
        await until(pilot, lambda: app.focused is app.query_one("#b"), "focus on b")
        await pilot.pause()
        app.query_one("#c").focus()  # a change after it: the footer is rebuilt for that one
        await until(pilot, lambda: "f5" in shown(app), "the footer to show c's key")
        app.query_one("#b").focus()
        await until(pilot, lambda: "f5" not in shown(app), "the footer to hide c's key")
        rebuilt = footer_keys(app)
        assert not set(map(id, rebuilt)) & set(map(id, before))  # the rebuild is real
        app.query_one("#a").focus()
        await until(pilot, lambda: app.focused is app.query_one("#a"), "focus on a")
        await pilot.pause()
        assert all(x is y for x, y in zip(footer_keys(app), rebuilt, strict=True))


async def test_focus_on_a_widget_with_its_own_key_shows_that_key_and_leaving_hides_it() -> None:
    app = Two()
    async with app.run_test() as pilot:
        app.query_one("#c").focus()
        await until(pilot, lambda: "f5" in shown(app), "the footer to show c's key")
        app.query_one("#a").focus()
        await until(pilot, lambda: "f5" not in shown(app), "the footer to hide c's key")
