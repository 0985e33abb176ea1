"""The terminal UI's words: a thin adapter over the catalogue (assessor.text.catalogue, ``tui.*``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessor.text.catalogue import has, lang_of, say

if TYPE_CHECKING:
    from textual.dom import DOMNode


def t(lang: str, key: str) -> str:
    """The interface word `key` (words/tui.py) in `lang`; Chinese for a language the TUI does not
    speak, and the key itself when it is not a message (a binding Textual describes in English
    that we have no words for stays as Textual wrote it)."""
    full = f"tui.{key}"
    if not has(full):
        return key
    return say(full, lang if lang in ("zh", "en") else lang_of(None))


def localize_bindings(node: DOMNode, lang: str | None = None) -> None:
    """Footer labels in the interface language: binding descriptions are keys of words/tui.py.

    Bindings are class attributes, but each node holds its own copy (`_bindings`), so a
    screen rewrites its copy once when it is created; unknown descriptions stay as written.
    """
    from dataclasses import replace

    from textual._context import active_app

    if lang is None:
        lang = getattr(active_app.get(None), "lang", None) or "zh"
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=t(lang, b.description)) if b.description else b
                      for b in bindings]  # fmt: skip
