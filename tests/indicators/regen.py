"""Rewrite tests/indicators/golden/*.json from `assessor score --format json` on the samples.

    python -m tests.indicators.regen            # every set
    python -m tests.indicators.regen sd-county-2020

Review the diff before committing: a golden file changes only when a set, a sample or the
engine's arithmetic changes.
"""

from __future__ import annotations

import sys

from tests.indicators.common import CASES, ROOT, write_golden


def main(argv: list[str]) -> int:
    for set_id, period in CASES:
        if argv and set_id not in argv:
            continue
        path = write_golden(set_id, period)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
