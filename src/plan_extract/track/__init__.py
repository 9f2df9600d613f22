"""Promise tracking: plans' datasets against DATA.GOV.HK catalogue snapshots.

snapshots (read any catalogue shape) → match (blocking, comparison, decision; overrides first) →
status (listed, timing, frequency, formats) → tables (promises, delivery) → report (report.html).
``ckan`` fetches a snapshot from the portal's API. Everything here reads the extraction's tables,
never the plan documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..errors import PlanExtractError
from ..schema import DELIVERY, PROMISES, TABLES
from ..write import write_datapackage, write_table
from .overrides import load_overrides
from .snapshots import Snapshot, SnapshotError, load_snapshot
from .tables import delivery_rows, promise_rows

__all__ = ["Snapshot", "SnapshotError", "TrackResult", "load_snapshot", "track_dir", "track_rows"]


class TrackResult:
    """``promises`` and ``delivery`` rows, shaped and sorted as written."""

    def __init__(self, promises: list[dict[str, Any]], delivery: list[dict[str, Any]]) -> None:
        self.promises = promises
        self.delivery = delivery


def track_rows(
    datasets: Sequence[dict[str, Any]],
    bilingual: Sequence[dict[str, Any]],
    snapshots: Sequence[Snapshot],
    overrides: Path | None = None,
) -> TrackResult:
    """Promises and delivery from the extraction's rows and loaded snapshots."""
    if not snapshots:
        raise PlanExtractError("no catalogue snapshot given")
    promises = promise_rows(datasets, bilingual, snapshots, load_overrides(overrides))
    return TrackResult(promises, delivery_rows(promises))


def _read_rows(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise PlanExtractError(f"{path}: not found; run `plan-extract extract` first")
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


def track_dir(
    tables_dir: Path,
    snapshots: Sequence[Snapshot],
    out_dir: Path | None = None,
    overrides: Path | None = None,
) -> TrackResult:
    """Read ``tables_dir``'s datasets and bilingual Parquet files; write promises, delivery and
    report.html into ``out_dir`` (default: the same folder)."""
    from .report import write_report

    out_dir = out_dir or tables_dir
    datasets = _read_rows(tables_dir / "datasets.parquet")
    bilingual_path = tables_dir / "bilingual.parquet"
    bilingual = _read_rows(bilingual_path) if bilingual_path.exists() else []
    result = track_rows(datasets, bilingual, snapshots, overrides)
    out_dir.mkdir(parents=True, exist_ok=True)
    promises = write_table(PROMISES, result.promises, out_dir)
    delivery = write_table(DELIVERY, result.delivery, out_dir)
    write_report(promises, delivery, snapshots, out_dir / "report.html")
    if out_dir == tables_dir:  # the folder now holds every table
        write_datapackage(out_dir, TABLES)
    return TrackResult(promises, delivery)
