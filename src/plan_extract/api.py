"""The Python API for notebooks: the same tables as the files, as pandas DataFrames.

Every DataFrame is built through the arrow schema the Parquet files are written with, so its
columns, order and dtypes are those of ``pd.read_parquet`` on the written file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from .encode import sorted_rows
from .pipeline import extract as extract_documents
from .schema import BILINGUAL, DATASETS, DELIVERY, PLANS, PROBLEMS, PROMISES, Table
from .schema_render import arrow_schema
from .tracking import Snapshot, load_snapshot, track_rows
from .tracking.snapshots import parse_snapshot_arg


def frame(table: Table, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly the table's columns and the Parquet file's dtypes."""
    arrow = pa.Table.from_pylist(sorted_rows(table, rows), schema=arrow_schema(table))
    result: pd.DataFrame = arrow.to_pandas()
    return result


def _rows(data: pd.DataFrame) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pa.Table.from_pandas(data, preserve_index=False).to_pylist()
    return rows


@dataclass
class Tables:
    """What ``plan-extract extract`` writes: datasets, plans, problems, bilingual."""

    datasets: pd.DataFrame
    plans: pd.DataFrame
    problems: pd.DataFrame
    bilingual: pd.DataFrame

    @classmethod
    def read(cls, folder: str | Path) -> Tables:
        """The tables of an output folder (its Parquet files)."""
        folder = Path(folder)
        return cls(
            *(
                pd.read_parquet(folder / f"{t.name}.parquet")
                for t in (DATASETS, PLANS, PROBLEMS, BILINGUAL)
            )
        )


@dataclass
class Tracking:
    """What ``plan-extract track`` writes: promises and delivery, and the problems it found (rows
    of the ``problems`` table)."""

    promises: pd.DataFrame
    delivery: pd.DataFrame
    problems: pd.DataFrame


def extract(paths: str | Path | Sequence[str | Path]) -> Tables:
    """Extract plan files and folders, as ``plan-extract extract`` does, into DataFrames."""
    given = [paths] if isinstance(paths, (str, Path)) else list(paths)
    result = extract_documents([Path(p) for p in given])
    return Tables(
        datasets=frame(DATASETS, (asdict(r) for r in result.datasets)),
        plans=frame(PLANS, (asdict(r) for r in result.plans)),
        problems=frame(PROBLEMS, (asdict(r) for r in result.problems)),
        bilingual=frame(BILINGUAL, result.bilingual),
    )


def _snapshot(value: str | Path | Snapshot) -> Snapshot:
    if isinstance(value, Snapshot):
        return value
    path, date = parse_snapshot_arg(str(value))
    return load_snapshot(path, date)


def track(
    tables: Tables | str | Path,
    snapshots: str | Path | Snapshot | Sequence[str | Path | Snapshot],
    overrides: str | Path | None = None,
) -> Tracking:
    """Match the tables (or an output folder) against catalogue snapshots (paths, ``FILE@DATE``, or
    loaded :class:`~plan_extract.tracking.Snapshot`), as ``plan-extract track`` does."""
    if not isinstance(tables, Tables):
        tables = Tables.read(tables)
    given = [snapshots] if isinstance(snapshots, (str, Path, Snapshot)) else list(snapshots)
    result = track_rows(
        _rows(tables.datasets),
        _rows(tables.bilingual),
        [_snapshot(s) for s in given],
        Path(overrides) if overrides else None,
    )
    return Tracking(
        frame(PROMISES, result.promises),
        frame(DELIVERY, result.delivery),
        frame(PROBLEMS, result.problems),
    )
