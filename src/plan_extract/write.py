"""Write tables as Parquet, CSV and JSON, and datapackage.json, all shaped by the schema.

Output is deterministic: rows sorted by the table's sort key, no timestamps, so re-running on the
same input gives byte-identical files (goldens and diffs stay meaningful).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .schema import EXTRACTION_TABLES, Table
from .schema_render import arrow_schema, datapackage_json

Record = Mapping[str, Any]


def _sort_value(value: Any) -> tuple[int, Any]:
    return (1, "") if value is None else (0, value)


def sorted_rows(table: Table, rows: Iterable[Record]) -> list[dict[str, Any]]:
    """Rows with exactly the table's columns, in its sort order (stable for ties)."""
    shaped = [{name: row.get(name) for name in table.column_names} for row in rows]
    return sorted(shaped, key=lambda r: tuple(_sort_value(r[k]) for k in table.sort_key))


def _csv_value(value: Any, column_type: str) -> str:
    if value is None or value == []:
        return ""
    if column_type == "list":
        return "|".join(value)
    if column_type == "array":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def write_parquet(table: Table, rows: Sequence[Record], path: Path) -> None:
    arrow = pa.Table.from_pylist(list(rows), schema=arrow_schema(table))
    pq.write_table(arrow, path, compression="zstd")


def write_csv(table: Table, rows: Sequence[Record], path: Path) -> None:
    types = {c.name: c.type for c in table.columns}
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(table.column_names)
        for row in rows:
            writer.writerow(_csv_value(row[name], types[name]) for name in table.column_names)


def write_json(rows: Sequence[Record], path: Path) -> None:
    text = json.dumps(list(rows), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def write_table(table: Table, rows: Iterable[Record], out_dir: Path) -> list[dict[str, Any]]:
    """Write ``NAME.parquet``, ``NAME.csv`` and ``NAME.json``; return the rows as written."""
    ordered = sorted_rows(table, rows)
    write_parquet(table, ordered, out_dir / f"{table.name}.parquet")
    write_csv(table, ordered, out_dir / f"{table.name}.csv")
    write_json(ordered, out_dir / f"{table.name}.json")
    return ordered


def write_datapackage(out_dir: Path, tables: Sequence[Table] = EXTRACTION_TABLES) -> None:
    """datapackage.json listing the ``tables`` written to ``out_dir`` (and no others)."""
    (out_dir / "datapackage.json").write_text(datapackage_json(tables), encoding="utf-8")
