"""The Jinja environment of the reports: autoescaped, strict, with Chinese numbering filters.

Autoescaping is always on, whatever a template's extension: names, comments and evidence come
from evaluators and must show as text (``<img src=…>`` prints as those characters). Templates
come from the user's ``--template-dir`` first, then the bundled ``templates/`` folder, so a
user may override one file (say ``county.html`` or ``report.css``) and keep the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import jinja2
import markupsafe

from assessor.resources import bundled
from assessor.text.formats import cn_number, date_label, fullwidth

#: The bundled templates: the repository's top-level ``templates/`` folder (or an install's).
DEFAULT_TEMPLATE_DIR = bundled("templates")


def cn_h1(n: int) -> str:
    """Level-one heading number of official documents: 一、"""
    return f"{cn_number(n)}、"


def cn_h2(n: int) -> str:
    """Level-two heading number: （一）"""
    return f"（{cn_number(n)}）"


class Verbatim(str):
    """Text printed exactly as written: a file name, a URL, an id, a hash. The report's
    official punctuation would turn 材料(1).pdf into 材料（1）.pdf, a name nobody can find.
    Escaped like any text (it is not markup); in templates, the ``verbatim`` filter."""

    __slots__ = ()


def verbatim(value: object) -> Verbatim:
    """The ``verbatim`` filter: print `value` as written, without official punctuation."""
    return value if isinstance(value, Verbatim) else Verbatim(str(value))


#: Addresses inside a text: URLs, and file names with a document's extension (with the folders
#: before them); they keep their half-width brackets even when printed inside a sentence
#: (佐证材料：docs/材料(1).pdf（已提供）).
ADDRESS = re.compile(
    r"(?:https?|ftp)://[^\s<>\"，。；、（）]+"
    r"|www\.[^\s<>\"，。；、（）]+"
    r"|[\w()./\\-]*\w[\w()/\\-]*\.(?:pdf|ofd|docx?|wps|xlsx?|et|csv|pptx?|txt|md|html?|json"
    r"|ya?ml|xml|jpe?g|png|gif|bmp|tiff?|zip|rar|7z|mp4)\b",
    re.IGNORECASE,
)


def official(text: str) -> str:
    """`fullwidth` on `text` except on the addresses in it (`ADDRESS`)."""
    out, at = [], 0
    for m in ADDRESS.finditer(text):
        out.append(fullwidth(text[at : m.start()]))
        out.append(m.group(0))
        at = m.end()
    out.append(fullwidth(text[at:]))
    return "".join(out)


def _official_punctuation(value: object) -> object:
    """Every printed text gets Chinese punctuation where it touches Chinese (a set's
    "五星级(标杆型)" prints as 五星级（标杆型）); markup stays markup, numbers stay numbers,
    `Verbatim` text and the file names and URLs inside a text stay as written."""
    if isinstance(value, Verbatim):
        return value
    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(official(str(value)))
    if isinstance(value, str):
        return official(value)
    return value


def template_dirs(override: Path | None) -> list[Path]:
    """Where templates are looked up, override first."""
    dirs = [Path(override).resolve()] if override else []
    dirs.append(DEFAULT_TEMPLATE_DIR)
    return dirs


def make_environment(dirs: Sequence[Path]) -> jinja2.Environment:
    """A strict, autoescaping environment over `dirs` (first match wins)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_official_punctuation,
    )
    env.filters["cn_number"] = cn_number
    env.filters["date_label"] = date_label
    env.filters["fullwidth"] = fullwidth
    env.filters["verbatim"] = verbatim
    env.filters["cn_h1"] = cn_h1
    env.filters["cn_h2"] = cn_h2
    return env
