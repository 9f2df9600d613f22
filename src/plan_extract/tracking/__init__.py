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

from ..encode import sorted_rows
from ..errors import PlanExtractError
from ..schema import DATASETS, DELIVERY, PLANS, PROBLEMS, PROMISES, TABLES, Table
from ..write import (
    REPORT,
    output_files,
    output_lock,
    replace_folder,
    write_datapackage,
    write_table,
)
from .overrides import load_overrides
from .problems import merge_problems, tracking_problems
from .snapshots import Snapshot, SnapshotError, load_snapshot
from .tables import delivery_rows, promise_rows

__all__ = ["Snapshot", "SnapshotError", "TrackResult", "load_snapshot", "track_dir", "track_rows"]


class TrackResult:
    """``promises`` and ``delivery`` rows, and the problems tracking found."""

    def __init__(
        self,
        promises: list[dict[str, Any]],
        delivery: list[dict[str, Any]],
        problems: list[dict[str, Any]],
    ) -> None:
        self.promises = promises
        self.delivery = delivery
        self.problems = problems


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
    latest = max(snapshots, key=lambda s: s.date)
    return TrackResult(promises, delivery_rows(promises), tracking_problems(promises, latest))


def _read_rows(stem: Path, missing_ok: bool = False) -> list[dict[str, Any]]:
    path = stem.with_name(f"{stem.name}.parquet")
    if not path.exists():
        if missing_ok:
            return []
        raise PlanExtractError(f"{path}: not found; run `plan-extract extract` first")
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


def track_dir(
    tables_dir: Path,
    snapshots: Sequence[Snapshot],
    out_dir: Path | None = None,
    overrides: Path | None = None,
) -> TrackResult:
    """Read ``tables_dir``'s Parquet files; write promises, delivery and report.html into
    ``out_dir`` (default: the same folder), with problems and plans updated by what tracking found,
    and a datapackage.json for the tables in ``out_dir``."""
    from .report import write_report

    out_dir = out_dir or tables_dir
    datasets = _read_rows(tables_dir / DATASETS.name)
    bilingual = _read_rows(tables_dir / "bilingual", missing_ok=True)
    result = track_rows(datasets, bilingual, snapshots, overrides)
    problems, plans = merge_problems(
        _read_rows(tables_dir / PROBLEMS.name, missing_ok=True),
        _read_rows(tables_dir / PLANS.name, missing_ok=True),
        result.problems,
    )
    written: list[Table] = [PLANS, PROBLEMS, PROMISES, DELIVERY]
    ordered: dict[str, list[dict[str, Any]]] = {}

    def fill(folder: Path) -> None:
        write_table(PLANS, plans, folder)
        write_table(PROBLEMS, problems, folder)
        ordered["promises"] = sorted_rows(PROMISES, result.promises)
        ordered["delivery"] = sorted_rows(DELIVERY, result.delivery)
        write_table(PROMISES, ordered["promises"], folder)
        write_table(DELIVERY, ordered["delivery"], folder)
        write_report(ordered["promises"], ordered["delivery"], snapshots, folder / REPORT)
        write_datapackage(folder, TABLES if out_dir == tables_dir else written)

    # Like an extraction, the folder is replaced whole (the extraction's other tables carried
    # over), under the same lock: a crash never leaves new promises beside old problems.
    with output_lock(out_dir):
        replace_folder(out_dir, fill, output_files(written))
    return TrackResult(ordered["promises"], ordered["delivery"], result.problems)
