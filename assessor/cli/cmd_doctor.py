"""`assessor doctor`: is this machine ready to score, store and render Chinese PDF reports?

Each check says what was found and, when something is missing, the command that fixes it.
Required checks failing make the exit code 1; optional ones (test tools, PostgreSQL,
LibreOffice) only warn. The checks are cheap; WeasyPrint is imported to read its version.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True
    fix: str | None = None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "doctor",
        help="check fonts, libraries and tools needed for reports, storage and tests",
        description="Check the environment: Chinese fonts, libharfbuzz-subset, WeasyPrint, "
        "database drivers, test tools. Exit 1 when a required item is missing.",
    )
    p.add_argument(
        "--build-fonts",
        action="store_true",
        help="build the cached GB2312 font subsets now (otherwise built on the first report)",
    )
    p.set_defaults(run=run)


def _version(dist: str) -> str | None:
    import importlib.metadata

    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def check_python() -> Check:
    v = sys.version_info
    return Check(
        "Python", v >= (3, 11), f"{v.major}.{v.minor}.{v.micro}", fix="install Python ≥ 3.11"
    )


def check_weasyprint() -> Check:
    try:
        import weasyprint  # noqa: F401  (the import itself is the check: Pango must load)
    except Exception as exc:  # OSError when Pango is missing
        return Check(
            "WeasyPrint",
            False,
            f"cannot import: {exc}",
            fix="pip install weasyprint; Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0",
        )
    return Check("WeasyPrint", True, f"version {_version('weasyprint') or '?'}")


def check_harfbuzz_subset() -> Check:
    from assessor.report.render import harfbuzz_subset_available

    ok = harfbuzz_subset_available()
    return Check(
        "libharfbuzz-subset",
        ok,
        "found" if ok else "missing: PDF font subsetting falls back to a path ~10× slower",
        fix="Debian/Ubuntu: apt-get install libharfbuzz-subset0",
    )


def check_cjk_fonts() -> Check:
    from assessor.report.fonts import list_cjk_fonts

    if shutil.which("fc-list") is None:
        return Check("Chinese fonts", False, "fc-list not found", fix="apt-get install fontconfig")
    fonts = list_cjk_fonts()
    families = sorted({f.families[0] for f in fonts})
    sc = [f for f in families if f.endswith(" SC") or "GB2312" in f or f in ("SimSun", "SimHei")]
    if not fonts:
        return Check(
            "Chinese fonts",
            False,
            "none (fc-list :lang=zh is empty): reports would show boxes",
            fix="apt-get install fonts-noto-cjk",
        )
    shown = ", ".join((sc or families)[:6])
    return Check("Chinese fonts", True, f"{len(families)} families, e.g. {shown}")


def check_font_plan(build: bool) -> Check:
    from assessor.errors import AssessorError
    from assessor.report.fonts import plan_fonts

    try:
        plan = plan_fonts(build=build, notify=lambda m: print(f"  … {m}", file=sys.stderr))
    except AssessorError as exc:
        return Check("report faces", False, str(exc))
    cached = len(plan.faces)
    detail = "; ".join(plan.notes) or "—"
    if not build and cached == 0:
        detail += " (subsets are built on the first report, or now with --build-fonts)"
    return Check("report faces", True, detail, required=False)


def check_module(name: str, dist: str, required: bool, fix: str, label: str | None = None) -> Check:
    try:
        importlib.import_module(name)
    except Exception as exc:
        return Check(label or dist, False, f"not importable ({type(exc).__name__})", required, fix)
    version = _version(dist) or getattr(sys.modules[name], "sqlite_version", None) or "?"
    return Check(label or dist, True, f"version {version}", required)


def check_tool(label: str, commands: tuple[str, ...], fix: str, required: bool = False) -> Check:
    found = [c for c in commands if shutil.which(c)]
    if found:
        return Check(label, True, ", ".join(shutil.which(c) or c for c in found), required)
    return Check(label, False, "not found: " + ", ".join(commands), required, fix)


def check_templates() -> Check:
    from assessor.report.templating import DEFAULT_TEMPLATE_DIR

    wanted = ("county.html", "ranking.html", "bulletin.html", "report.css")
    missing = [w for w in wanted if not (DEFAULT_TEMPLATE_DIR / w).is_file()]
    if missing:
        return Check(
            "report templates",
            False,
            f"missing in {DEFAULT_TEMPLATE_DIR}: {', '.join(missing)}",
            fix="reinstall assessor from its source tree (templates/ is a top-level folder)",
        )
    return Check("report templates", True, str(DEFAULT_TEMPLATE_DIR))


def all_checks(build_fonts: bool = False) -> list[Check]:
    checks: list[Callable[[], Check]] = [
        check_python,
        check_weasyprint,
        check_harfbuzz_subset,
        check_cjk_fonts,
        lambda: check_font_plan(build_fonts),
        check_templates,
        lambda: check_module("jinja2", "jinja2", True, "pip install jinja2"),
        lambda: check_module(
            "fontTools.subset", "fonttools", False, "pip install fonttools", "fontTools"
        ),
        lambda: check_module(
            "sqlite3", "sqlite3", True, "rebuild Python with SQLite", "SQLite driver"
        ),
        lambda: check_module("sqlalchemy", "sqlalchemy", True, "pip install sqlalchemy"),
        lambda: check_module(
            "psycopg",
            "psycopg",
            False,
            "pip install 'psycopg[binary]'",
            "PostgreSQL driver (psycopg)",
        ),
        lambda: check_tool(
            "PostgreSQL server (tests)", ("initdb", "pg_ctl"), "apt-get install postgresql"
        ),
        lambda: check_tool(
            "LibreOffice (tests)", ("soffice", "libreoffice"), "apt-get install libreoffice-calc"
        ),
        lambda: check_tool(
            "poppler-utils (tests)",
            ("pdftotext", "pdffonts", "pdftoppm"),
            "apt-get install poppler-utils",
        ),
        lambda: check_module("pypdf", "pypdf", False, "pip install pypdf", "pypdf (tests)"),
    ]
    out = []
    for make in checks:
        try:
            out.append(make())
        except Exception as exc:  # a check must never crash the doctor
            out.append(Check(getattr(make, "__name__", "check"), False, f"check failed: {exc}"))
    return out


def run(args: argparse.Namespace) -> int:
    checks = all_checks(build_fonts=args.build_fonts)
    failed = False
    for c in checks:
        mark = "ok  " if c.ok else ("FAIL" if c.required else "warn")
        print(f"[{mark}] {c.name}: {c.detail}")
        if not c.ok and c.fix:
            print(f"       fix: {c.fix}")
        failed = failed or (c.required and not c.ok)
    print(
        "required items missing: reports or storage will not work"
        if failed
        else "all required items present"
    )
    return 1 if failed else 0
