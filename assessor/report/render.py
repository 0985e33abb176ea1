"""The rendering pipeline: context → HTML (Jinja) → PDF (WeasyPrint), with the measured tricks.

One `Renderer` is meant to live for many reports (a CLI run, a batch worker): WeasyPrint is
imported once, one `FontConfiguration` is shared (fonts are loaded once), and the stylesheets
(the fonts' ``@font-face`` rules and ``report.css``) are parsed once. That is what brings a
county report from ~1.4 s to under 0.7 s (see the design note and ``bench/bench_report.py``).
WeasyPrint is imported only here, inside methods: `assessor.model/loader/scoring` and the CLI
start-up never pay its ~0.4 s import.
"""

from __future__ import annotations

import ctypes.util
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile
from pathlib import Path
from typing import Any

from assessor.gcpause import collector_paused, sweep_and_freeze_once
from assessor.report.fetcher import FetchPolicy, make_fetcher
from assessor.report.fonts import FontPlan, cache_dir, plan_fonts
from assessor.report.templating import make_environment, template_dirs

#: Template file per report type.
TEMPLATES = {"county": "county.html", "ranking": "ranking.html", "bulletin": "bulletin.html"}
STYLESHEET = "report.css"


def harfbuzz_subset_available() -> bool:
    """Whether ``libharfbuzz-subset`` is installed (without it WeasyPrint is ~10× slower)."""
    return ctypes.util.find_library("harfbuzz-subset") is not None


@dataclass
class RenderOptions:
    """What stays the same across the reports of one run (picklable: sent to batch workers)."""

    template_dir: Path | None = None
    roots: list[Path] = field(default_factory=list)  # folders the fetcher may read (workspace)
    pdfa: bool = False
    build_fonts: bool = True


#: Reports with a cover get a 目录 when they run over this many body pages (GB/T 9704 style).
TOC_AFTER = 8
WITH_TOC = frozenset({"county", "ranking"})


def table_of_contents(bookmarks: Any) -> list[dict[str, Any]]:
    """The level-one headings and their printed page numbers, from a layout's bookmarks: the
    cover is page 0 of the count, so a heading on the n-th page after it prints as n."""
    return [{"label": label, "page": where[0]} for label, where, *_ in bookmarks]


@dataclass
class Rendered:
    """A finished PDF: its bytes and page count."""

    pdf: bytes
    pages: int


def _lean_html_class(weasyprint: Any) -> Any:
    """`weasyprint.HTML` with a user-agent stylesheet that skips unused pseudo-elements.

    The stock stylesheet declares ``::marker``, ``::footnote-*`` and ``::note-*`` for every
    element, so WeasyPrint computes six pseudo-element styles per element: ~15 % of a county
    report's time. Reports use no footnotes and list markers only on ``li``. If this
    WeasyPrint's internals differ, the stock class is used unchanged.
    """
    import re

    try:
        from weasyprint import html as whtml

        ua = "\n".join(
            line for line in whtml.UA.splitlines() if not re.match(r"\s*::(footnote|note)-", line)
        )
        ua = re.sub(r"^::marker", "li::marker", ua, flags=re.M)
        sheet = weasyprint.CSS(string=ua, counter_style=whtml.UA_COUNTER_STYLE)
    except Exception:
        return weasyprint.HTML
    if not hasattr(weasyprint.HTML, "_ua_stylesheets"):
        return weasyprint.HTML

    class LeanHTML(weasyprint.HTML):  # type: ignore[misc]
        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [sheet]

    return LeanHTML


class Renderer:
    """Templates and WeasyPrint state shared by every report of a process."""

    def __init__(
        self,
        options: RenderOptions | None = None,
        fonts: FontPlan | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.options = options or RenderOptions()
        self.dirs = template_dirs(self.options.template_dir)
        self.env = make_environment(self.dirs)
        self.fonts = fonts or plan_fonts(build=self.options.build_fonts, notify=notify)
        roots = [*self.dirs, *self.options.roots, cache_dir(), *self.fonts.font_files]
        self.policy = FetchPolicy(roots)
        self._weasy: dict[str, Any] | None = None

    # ------------------------------------------------------------------ HTML

    @property
    def font_family(self) -> str:
        """The body font stack, for SVG text (charts)."""
        return ", ".join(
            f"'{f}'" if f not in ("serif", "sans-serif") else f for f in self.fonts.body_stack
        )

    def stylesheet_text(self) -> str:
        """The fonts' CSS followed by ``report.css`` (overridable in ``--template-dir``)."""
        source = self.env.loader.get_source(self.env, STYLESHEET)[0]  # type: ignore[union-attr]
        return self.fonts.css() + source

    def html(self, kind: str, context: dict[str, Any], standalone: bool = False) -> str:
        """The report as HTML; `standalone` embeds the stylesheet (for ``--html`` output)."""
        template = self.env.get_template(TEMPLATES[kind])
        css = self.stylesheet_text() if standalone else None
        return template.render(**context, inline_css=css)

    # ------------------------------------------------------------------- PDF

    def _prepare(self) -> dict[str, Any]:
        if self._weasy is None:
            if not harfbuzz_subset_available():
                warnings.warn(
                    "libharfbuzz-subset0 is not installed: PDF rendering will be about 10× "
                    "slower (Debian: apt-get install libharfbuzz-subset0; see assessor doctor)",
                    stacklevel=3,
                )
            import weasyprint
            from weasyprint.text.fonts import FontConfiguration

            # WeasyPrint logs refused resources as warnings; our fetcher records them instead.
            logging.getLogger("weasyprint").setLevel(logging.ERROR)
            font_config = FontConfiguration()
            html_class = _lean_html_class(weasyprint)
            fetcher = make_fetcher(self.policy)
            css = weasyprint.CSS(
                string=self.stylesheet_text(),
                base_url=self.dirs[0].as_uri() + "/",
                font_config=font_config,
                url_fetcher=fetcher,
            )
            self._weasy = {
                "module": weasyprint,
                "html_class": html_class,
                "font_config": font_config,
                "fetcher": fetcher,
                "css": css,
            }
        return self._weasy

    def _layout(self, html: str) -> Any:
        w = self._prepare()
        return w["html_class"](
            string=html, base_url=self.dirs[0].as_uri() + "/", url_fetcher=w["fetcher"]
        ).render(stylesheets=[w["css"]], font_config=w["font_config"])

    def _write(self, document: Any) -> Rendered:
        options: dict[str, Any] = {"pdf_tags": True}  # tagged: readable aloud, reflowable
        if self.options.pdfa:
            options["pdf_variant"] = "pdf/a-3b"
        pdf = document.write_pdf(**options)
        return Rendered(pdf=pdf, pages=len(document.pages))

    def pdf(self, html: str) -> Rendered:
        """Lay out and write one report (stylesheets and fonts reused from earlier calls)."""
        with collector_paused():
            document = self._layout(html)
            out = self._write(document)
            del document
        sweep_and_freeze_once()
        return out

    def render(self, kind: str, context: dict[str, Any]) -> Rendered:
        """A report; one with more than `TOC_AFTER` body pages gets a 目录 after its cover."""
        with collector_paused():
            document = self.document(kind, context)
            out = self._write(document)
            del document
        sweep_and_freeze_once()
        return out

    def document(self, kind: str, context: dict[str, Any]) -> Any:
        """The laid-out report (a WeasyPrint `Document`, 目录 included), before it is written:
        its pages' boxes are what tests measure (how full each page is)."""
        document = self._layout(self.html(kind, context))
        if kind in WITH_TOC and len(document.pages) - 1 > TOC_AFTER:
            document = self._with_toc(kind, context, document)
        return document

    def _with_toc(self, kind: str, context: dict[str, Any], body: Any) -> Any:
        """`body` with its 目录 put after the cover, the body laid out once.

        The 目录's pages are neither numbered nor counted (``@page toc``), so inserting them
        moves no page number: the entries are read from the body's bookmarks, and only the
        cover and the 目录 (``toc_only``) are laid out again, not the whole report (which
        doubled the time of every report over 8 pages).
        """
        toc = table_of_contents(body.make_bookmark_tree())
        frame = self._layout(self.html(kind, {**context, "toc": toc, "toc_only": True}))
        # the pages after the cover up to the first heading: a template of the user's that
        # ignores `toc_only` lays out its whole report here, of which only the 目录 is taken
        pages = list(takewhile(lambda page: not page.bookmarks, frame.pages[1:]))
        return body.copy([body.pages[0], *pages, *body.pages[1:]])
