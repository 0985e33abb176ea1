"""How the sample generators write YAML: one layout, so regenerated files diff cleanly.

Small mappings of scalars (named inputs) go on one line (`{used: 62, total: 79}`); mappings that
name a region, an id or a format stay in block style so a reader finds them; no anchors/aliases.
With `check`, nothing is written and the paths that would change are collected (CI mode).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    flow = len(data) <= 4 and all(not isinstance(v, dict | list) for v in data.values())
    flow = flow and "region" not in data and "id" not in data and "format" not in data
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_Dumper.add_representer(dict, _represent_dict)


def dump(path: Path, header: str, data: dict[str, Any], check: bool, changed: list[Path]) -> None:
    text = header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    if check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
