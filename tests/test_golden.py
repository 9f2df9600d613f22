"""Whole-document tests: every field of every row, against expected tables read off the documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from goldens import extract_case, golden_cases, read_expected


def _diff(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[str]:
    out = (
        [f"{len(expected)} rows expected, {len(actual)} extracted"]
        if len(expected) != len(actual)
        else []
    )
    for number, (want, got) in enumerate(zip(expected, actual, strict=False)):
        for key in sorted(set(want) | set(got)):
            if want.get(key) != got.get(key):
                out.append(f"row {number} {key}: expected {want.get(key)!r}, got {got.get(key)!r}")
    return out


@pytest.mark.parametrize("case", golden_cases(), ids=lambda p: p.name)
def test_golden_case(case: Path) -> None:
    actual = extract_case(case)
    differences = []
    for name, rows in actual.items():
        differences += [f"{name}: {d}" for d in _diff(read_expected(case, name), rows)]
    assert not differences, (
        "\n".join(differences[:40]) + "\n(make goldens rewrites; review the diff)"
    )
