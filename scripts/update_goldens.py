"""Rewrite tests/fixtures/<case>/expected/*.json from the current extractor (``make goldens``).

Run it after a deliberate change, then read ``git diff tests/fixtures``: every changed value must be
one you meant to change. Pass case names to rewrite only those.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from goldens import extract_case, golden_cases, write_expected


def main(names: list[str]) -> None:
    for case in golden_cases():
        if names and case.name not in names:
            continue
        tables = extract_case(case)
        for name, rows in tables.items():
            write_expected(case, name, rows)
        print(f"{case.name}: {', '.join(f'{len(r)} {n}' for n, r in tables.items())}")
    print("Now review: git diff tests/fixtures")


if __name__ == "__main__":
    main(sys.argv[1:])
