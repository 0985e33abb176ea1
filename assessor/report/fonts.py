"""Chinese fonts for the reports: found through fontconfig, pre-subset once, cached.

Why this module exists (measured, see the design note on PDF reports): every embedded Noto CJK
face costs 130–270 KB even for a handful of glyphs, because WeasyPrint's subsets keep the
original glyph ids. A GB2312 (plus common symbols) subset of Noto made once with fontTools
halves the PDF and speeds up rendering. The subset is a derivative of the font installed on
the user's machine, built on first use and cached under ``$XDG_CACHE_HOME/assessor/fonts``;
nothing is shipped. Full Noto stays in the CSS font stack as the fallback for rare characters
(喆 玥 堃 …) that GB2312 lacks.

Faces used (few on purpose, each embedded face costs size):
- headings, table headers, bold text: a 黑体-like face (official ``SimHei``/``黑体`` when
  installed, else the Noto Sans CJK SC Bold subset);
- body text: a 仿宋/宋体-like face (``FangSong``/``仿宋_GB2312``/``SimSun`` when installed, else
  the Noto Serif CJK SC Regular subset; Noto Sans CJK SC Regular when Serif is missing).

A machine without any Chinese font gets `FontError` before any rendering: never a PDF of tofu.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assessor.errors import AssessorError, Problem
from assessor.text.catalogue import said

#: Bump when the character selection or subsetting options change: old caches are ignored.
SUBSET_VERSION = 1

#: Installed official faces preferred over Noto, best first (family names as fontconfig lists them).
OFFICIAL_BODY = (
    "仿宋_GB2312",
    "FangSong_GB2312",
    "仿宋",
    "FangSong",
    "STFangsong",
    "宋体",
    "SimSun",
    "STSong",
)
OFFICIAL_HEADING = ("黑体", "SimHei", "STHeiti")

NOTO_BODY = (("Noto Serif CJK SC", "Regular"), ("Noto Sans CJK SC", "Regular"))
NOTO_HEADING = (("Noto Sans CJK SC", "Bold"), ("Noto Serif CJK SC", "Bold"))

#: Family names the pre-subset faces get in the reports' CSS (never clash with system names).
SUBSET_BODY_FAMILY = "Assessor Song"
SUBSET_HEADING_FAMILY = "Assessor Hei"


class FontError(AssessorError):
    """No usable Chinese font: rendering would produce boxes (tofu)."""


@dataclass(frozen=True, slots=True)
class SystemFont:
    """One face as fontconfig lists it."""

    families: tuple[str, ...]
    style: str
    file: str
    index: int


@dataclass
class FontPlan:
    """Which faces a report uses and the CSS that declares them."""

    body_stack: tuple[str, ...]
    heading_stack: tuple[str, ...]
    faces: list[tuple[str, str, Path]] = field(default_factory=list)  # (family, weight, file)
    notes: list[str] = field(default_factory=list)

    @property
    def font_files(self) -> list[Path]:
        return [f for _, _, f in self.faces]

    def css(self) -> str:
        """`@font-face` rules, then which elements use the body and the heading stack.

        Emitted before ``report.css`` so a user's stylesheet can still override them.
        """
        rules = [
            f'@font-face {{ font-family: "{fam}"; font-weight: {weight}; '
            f'src: url("{path.as_uri()}"); }}'
            for fam, weight, path in self.faces
        ]
        body = ", ".join(_quote(f) for f in self.body_stack)
        heading = ", ".join(_quote(f) for f in self.heading_stack)
        rules.append(f"@page {{ font-family: {body}; }}")
        rules.append(f"html, body, .body-font {{ font-family: {body}; font-weight: normal; }}")
        rules.append(
            "h1, h2, h3, h4, h5, h6, th, strong, b, .hei "
            f"{{ font-family: {heading}; font-weight: bold; }}"
        )
        return "\n".join(rules) + "\n"


def _quote(family: str) -> str:
    return family if family in ("serif", "sans-serif") else f'"{family}"'


def cache_dir() -> Path:
    """Where pre-subset fonts are cached: ``$XDG_CACHE_HOME/assessor/fonts``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "assessor" / "fonts"


def list_cjk_fonts() -> list[SystemFont]:
    """Faces that support Chinese, from ``fc-list :lang=zh`` (empty without fontconfig)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run(
            [exe, ":lang=zh", "--format", "%{family}\t%{style[0]}\t%{file}\t%{index}\n"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    fonts: list[SystemFont] = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 4:
            continue
        families = tuple(f.strip() for f in parts[0].split(",") if f.strip())
        try:
            index = int(parts[3] or 0)
        except ValueError:
            index = 0
        fonts.append(SystemFont(families, parts[1], parts[2], index))
    fonts.sort(key=lambda f: (f.families, f.style, f.file, f.index))
    return fonts


def _find(fonts: list[SystemFont], family: str, style: str | None = None) -> SystemFont | None:
    for f in fonts:
        if family in f.families and (style is None or f.style == style):
            return f
    return None


def subset_codepoints() -> set[int]:
    """GB2312 plus the symbols reports use (ASCII, Latin-1, punctuation, arrows, shapes …)."""
    cps: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes((hi, lo)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    for lo, hi in (
        (0x20, 0x7F),
        (0xA0, 0x100),
        (0x2000, 0x2070),  # general punctuation
        (0x2100, 0x2150),  # letterlike (℃ №)
        (0x2190, 0x2300),  # arrows, maths (≥ ≤ × −)
        (0x2460, 0x2500),  # enclosed numbers ①
        (0x25A0, 0x2700),  # shapes ● ▲ ★ ✓
        (0x3000, 0x3040),  # CJK punctuation
        (0xFF00, 0xFFF0),  # full-width forms
    ):
        cps.update(range(lo, hi))
    return cps


def _cache_name(src: SystemFont) -> str:
    stat = os.stat(src.file)
    key = f"{src.file}|{src.index}|{stat.st_size}|{int(stat.st_mtime)}|{SUBSET_VERSION}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    stem = Path(src.file).stem.replace(" ", "")
    return f"{stem}-{src.index}-gb2312-{digest}.otf"


def build_subset(src: SystemFont, out: Path) -> Path:
    """Write the GB2312 subset of one installed face to `out` (atomically; ~20 s per face)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]  # keep vertical forms, punctuation widths (halt, vert …)
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    font = TTFont(src.file, fontNumber=src.index, lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset_codepoints())
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".tmp")
    os.close(fd)
    try:
        font.save(tmp)
        os.replace(tmp, out)  # atomic: concurrent builders never see half a font
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def cached_subset(
    src: SystemFont, build: bool = True, notify: Callable[[str], None] | None = None
) -> Path | None:
    """The cached subset of `src`, built now when missing and `build` is true."""
    try:
        path = cache_dir() / _cache_name(src)
    except OSError:  # the font file vanished since fc-list ran
        return None
    if path.exists():
        return path
    if not build:
        return None
    if notify is not None:
        notify(
            f"building the GB2312 subset of {src.families[0]} {src.style} once "
            f"(about 20 s; cached in {path.parent})"
        )
    try:
        return build_subset(src, path)
    except Exception:  # a broken cache dir or font must not stop a report: fall back
        return None


def plan_fonts(
    fonts: list[SystemFont] | None = None,
    build: bool = True,
    notify: Callable[[str], None] | None = None,
) -> FontPlan:
    """Choose the faces for reports; raise `FontError` when no Chinese font is installed."""
    fonts = list_cjk_fonts() if fonts is None else fonts
    if not fonts:
        raise FontError(
            Problem(
                said("cli.fonts.none"),
                key="fonts",
            )
        )
    plan = FontPlan(body_stack=(), heading_stack=())
    body: list[str] = []
    heading: list[str] = []
    official_body = next((f for f in OFFICIAL_BODY if _find(fonts, f)), None)
    official_heading = next((f for f in OFFICIAL_HEADING if _find(fonts, f)), None)
    if official_body:
        body.append(official_body)
        plan.notes.append(f"body: installed official face {official_body}")
    if official_heading:
        heading.append(official_heading)
        plan.notes.append(f"headings: installed official face {official_heading}")
    for role, stack, candidates, subset_family, weight, official in (
        ("body", body, NOTO_BODY, SUBSET_BODY_FAMILY, "400", official_body),
        ("headings", heading, NOTO_HEADING, SUBSET_HEADING_FAMILY, "700", official_heading),
    ):
        for family, style in candidates:
            src = _find(fonts, family, style)
            if src is None:
                continue
            if official is None:
                sub = cached_subset(src, build=build, notify=notify)
                if sub is not None:
                    plan.faces.append((subset_family, weight, sub))
                    stack.append(subset_family)
                    plan.notes.append(f"{role}: GB2312 subset of {family} {style} ({sub})")
                else:
                    plan.notes.append(f"{role}: full {family} {style} (no cached subset)")
            stack.append(family)  # full face: the fallback for rare characters
            break
    if not body and not heading:
        # Some other Chinese font (e.g. WenQuanYi): use it as is, by name.
        other = fonts[0].families[0]
        body.append(other)
        heading.append(other)
        plan.notes.append(f"no Noto CJK: using {other} for everything")
    any_cjk = body or heading
    plan.body_stack = (*(body or any_cjk), "serif")
    plan.heading_stack = (*(heading or any_cjk), "sans-serif")
    return plan
