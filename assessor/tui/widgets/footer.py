"""Textual's footer, rebuilt only when the keys it shows change.

Textual's `Footer` removes and mounts all its key widgets whenever the screen's bindings are
announced as updated, which happens on every change of focus: the scoring screen moves focus
from the tree to an input and back for each indicator, and the rebuild (a dozen widgets mounted
and styled) was about a tenth of what a keystroke cost. The keys shown rarely change then (an
input's own bindings are hidden), so the footer compares what it would show with what it shows.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

#: What one key in the footer looks like: the key, what it shows, its words, its action, its
#: group, whether it is shown, whether it works, its tooltip.
Shown = tuple[tuple[str, str, str, str, object, bool, bool, str], ...]


class KeysFooter(Footer):
    """A `Footer` that keeps its key widgets while the keys they show stay the same."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: Shown | None = None

    def shown(self, screen: Screen[Any]) -> Shown:
        """Everything `Footer.compose` reads from the bindings, in its order."""
        return tuple(
            (
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.group,
                binding.show,
                enabled,
                tooltip or binding.tooltip,
            )
            for (_node, binding, enabled, tooltip) in screen.active_bindings.values()
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not (self.is_attached and screen is self.screen and screen.app.app_focus):
            super().bindings_changed(screen)  # Textual's own bookkeeping, nothing to compare
            return
        shown = self.shown(screen)
        if shown == self._shown and getattr(self, "_bindings_ready", False):
            return  # (Textual 8.2's flag; without it the footer is rebuilt as Textual's is)
        self._shown = shown
        super().bindings_changed(screen)
