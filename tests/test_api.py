"""The Python API gives exactly the tables the command line writes, as DataFrames."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import plan_extract
from plan_extract.cli import main
from plan_extract.tracking import load_snapshot

FIXTURES = Path(__file__).parent / "fixtures"
SNAPSHOT = FIXTURES / "catalogue" / "catalogue-2025-09-13.package_search.json"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("api")
    assert (
        main(["extract", str(FIXTURES / "bilingual-seed" / "input"), "--out", str(out), "--quiet"])
        == 0
    )
    return out


def test_extract_gives_the_files_tables(written: Path) -> None:
    tables = plan_extract.extract([FIXTURES / "bilingual-seed" / "input"])
    for name in ("datasets", "plans", "problems", "bilingual"):
        pd.testing.assert_frame_equal(
            getattr(tables, name), pd.read_parquet(written / f"{name}.parquet")
        )
    assert len(tables.datasets) == 96 and len(tables.bilingual) == 32


def test_track_takes_tables_a_folder_paths_or_snapshots(written: Path) -> None:
    tables = plan_extract.extract(str(FIXTURES / "bilingual-seed" / "input"))
    from_tables = plan_extract.track(tables, SNAPSHOT)
    from_folder = plan_extract.track(written, [str(SNAPSHOT)])
    from_loaded = plan_extract.track(plan_extract.Tables.read(written), [load_snapshot(SNAPSHOT)])
    for other in (from_folder, from_loaded):
        pd.testing.assert_frame_equal(from_tables.promises, other.promises)
        pd.testing.assert_frame_equal(from_tables.delivery, other.delivery)
    dated = plan_extract.track(tables, f"{SNAPSHOT}@2025-10-01")
    assert set(dated.promises.snapshot_date) == {"2025-10-01"}
    assert list(from_tables.problems.columns)[:4] == ["plan_id", "source_file", "severity", "code"]


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        plan_extract.track(tmp_path, SNAPSHOT)
