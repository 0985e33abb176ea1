"""The package's layers, as a checked contract (docs/internals.md, "Layers").

    text ← model ← loader ← scoring ← store / exchange / report ← tui / cli

A package imports only from its own layer and the layers below it; the top-level modules
(`assessor.errors`, `assessor.resources` …) sit below everything and import no package.
Packages of one layer may use each other, but never in a cycle. Nothing private (a name or a
module starting with `_`) is imported across packages. Every import counts, including those
inside functions and under TYPE_CHECKING: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assessor"

LAYERS: list[set[str]] = [
    {"<base>"},  # assessor/*.py: errors, resources, gcpause, report_sections, __init__
    {"text"},  # the tool's words and number formats, shared by every layer above
    {"model"},
    {"loader"},
    {"scoring"},
    {"store", "exchange", "report"},
    {"tui", "cli"},
    {"<entry>"},  # assessor/__main__.py: `python -m assessor`
]
LEVEL = {pkg: i for i, layer in enumerate(LAYERS) for pkg in layer}


def unit_of(module: str) -> str:
    """The layer unit of `assessor.x.y…`: the sub-package x, or <base> for a top-level module."""
    parts = module.split(".")
    if module == "assessor.__main__":
        return "<entry>"
    if len(parts) > 1 and (PACKAGE / parts[1]).is_dir():
        return parts[1]
    return "<base>"


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports() -> list[tuple[str, str, str | None, int]]:
    """(importing module, imported module, imported name or None, line) for every import."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(here, a.name, None, node.lineno) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                target = node.module or ""
                if node.level:  # relative: resolve against the importing package
                    base = here.split(".")
                    if path.name != "__init__.py":
                        base.pop()
                    base = base[: len(base) - node.level + 1]
                    target = ".".join([*base, target] if target else base)
                found += [(here, target, a.name, node.lineno) for a in node.names]
    return [f for f in found if f[1] == "assessor" or f[1].startswith("assessor.")]


def test_no_package_imports_from_a_layer_above_it() -> None:
    wrong = []
    for here, target, _, line in imports():
        src, dst = unit_of(here), unit_of(target)
        if src != dst and LEVEL[dst] > LEVEL[src]:
            wrong.append(f"{here}:{line} imports {target} ({src} is below {dst})")
        if src == "<base>" and dst != "<base>":
            wrong.append(f"{here}:{line} imports {target} (top-level modules import no package)")
    assert not wrong, "\n".join(wrong)


def test_packages_do_not_import_each_other_in_a_cycle() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for here, target, _, _ in imports():
        src, dst = unit_of(here), unit_of(target)
        if src != dst and "<base>" not in (src, dst):
            graph[src].add(dst)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, set()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = sorted(
        f"{a} → {b} → … → {a}" for a in list(graph) for b in graph[a] if reaches(b, a, {b})
    )
    assert not cycles, "\n".join(cycles)


def test_nothing_private_is_imported_across_packages() -> None:
    def private(part: str) -> bool:
        return part.startswith("_") and not (part.startswith("__") and part.endswith("__"))

    wrong = [
        f"{here}:{line} imports {target}{'.' + name if name else ''}"
        for here, target, name, line in imports()
        if unit_of(here) != unit_of(target)
        and (any(private(p) for p in target.split(".")) or (name is not None and private(name)))
    ]
    assert not wrong, "\n".join(wrong)


def test_every_package_has_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert packages - set(LEVEL) == set(), "add new packages to LAYERS (and docs/internals.md)"
