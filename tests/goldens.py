"""Golden cases: tests/fixtures/<case>/input/ holds the documents, expected/ the tables they give.

Shared by the golden test and scripts/update_goldens.py, so both run the extraction the same way:
from inside the case folder, so that source_file is the stable relative path ``input/<name>``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from plan_extract.encode import sorted_rows
from plan_extract.pipeline import extract
from plan_extract.schema import BILINGUAL, DATASETS, PLANS, PROBLEMS

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = {"datasets": DATASETS, "plans": PLANS, "problems": PROBLEMS, "bilingual": BILINGUAL}


def golden_cases() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if (p / "expected").is_dir())


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def extract_case(case: Path) -> dict[str, list[dict[str, Any]]]:
    """The case's tables as the writer would order them, as JSON-ready dicts."""
    with _inside(case):
        extraction = extract([Path("input")])
    records = {
        "datasets": [asdict(r) for r in extraction.datasets],
        "plans": [asdict(r) for r in extraction.plans],
        "problems": [asdict(r) for r in extraction.problems],
        "bilingual": extraction.bilingual,
    }
    return {
        name: json.loads(json.dumps(sorted_rows(TABLES[name], rows)))
        for name, rows in records.items()
    }


def read_expected(case: Path, name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((case / "expected" / f"{name}.json").read_text("utf-8"))
    return data


def write_expected(case: Path, name: str, rows: list[dict[str, Any]]) -> None:
    text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    (case / "expected" / f"{name}.json").write_text(text, encoding="utf-8")
