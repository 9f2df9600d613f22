"""Write tables as Parquet, CSV and JSON, and datapackage.json, all shaped by the schema.

Output is deterministic: rows sorted by the table's sort key, no timestamps, so re-running on the
same input gives byte-identical files (goldens and diffs stay meaningful). The output folder is
replaced whole (see :func:`replace_folder`) under a lock (:func:`output_lock`).
"""

from __future__ import annotations

import csv
import ctypes
import errno
import fcntl
import glob
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import UsageError
from .schema import EXTRACTION_TABLES, Table

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


def write_parquet(table: Table, lines: Sequence[str], path: Path) -> None:
    """Parquet from the table's rows as JSON lines (what :func:`write_json` writes), parsed by
    Arrow's C++ JSON reader against the table's schema.

    Not ``pa.Table.from_pylist``: building arrays from Python objects makes pyarrow import pandas
    (0.3 s, most of writing a small run); the JSON text exists already and Arrow reads it in
    microseconds per row. pyarrow is imported here, not at the top: worker processes, forked from a
    process that has not loaded it, stay ~45 MiB smaller."""
    import pyarrow as pa
    import pyarrow.json as pa_json
    import pyarrow.parquet as pq

    from .schema_render import arrow_schema

    schema = arrow_schema(table)
    if lines:
        data = "\n".join(lines).encode("utf-8")
        options = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
        block = max(1 << 20, min(len(data) + 1, 1 << 26))  # a block holds at least one row
        parsed = pa_json.read_json(
            io.BytesIO(data),
            read_options=pa_json.ReadOptions(use_threads=False, block_size=block),
            parse_options=options,
        )
        del data
        arrow = parsed.cast(schema)  # the fields' nullability and descriptions
    else:
        arrow = pa.Table.from_batches([], schema=schema)  # not empty_table(): it imports pandas
    pq.write_table(arrow, path, compression="zstd")


def preload() -> None:
    """Import what writing needs (pyarrow: ~0.1 s), to be done while workers extract."""
    import pyarrow.json
    import pyarrow.parquet  # noqa: F401

    from . import schema_render  # noqa: F401


def write_csv(table: Table, rows: Sequence[Record], path: Path) -> None:
    types = {c.name: c.type for c in table.columns}
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(table.column_names)
        for row in rows:
            writer.writerow(_csv_value(row[name], types[name]) for name in table.column_names)


def json_lines(rows: Iterable[Record]) -> list[str]:
    """Each row as one line of JSON, encoded by the C encoder (an indented dump is pure Python)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return [encode(row) for row in rows]


def write_json(lines: Sequence[str], path: Path) -> None:
    """A JSON array with one record per line (see :func:`json_lines`)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for n, line in enumerate(lines):
            handle.write(",\n" if n else "\n")
            handle.write(line)
        handle.write("\n]\n")


def write_table(table: Table, rows: Iterable[Record], out_dir: Path) -> list[dict[str, Any]]:
    """Write ``NAME.parquet``, ``NAME.csv`` and ``NAME.json``; return the rows as written."""
    ordered = sorted_rows(table, rows)
    lines = json_lines(ordered)
    write_json(lines, out_dir / f"{table.name}.json")
    write_parquet(table, lines, out_dir / f"{table.name}.parquet")
    del lines
    write_csv(table, ordered, out_dir / f"{table.name}.csv")
    return ordered


def write_datapackage(out_dir: Path, tables: Sequence[Table] = EXTRACTION_TABLES) -> None:
    """datapackage.json listing the ``tables`` written to ``out_dir`` (and no others)."""
    from .schema_render import datapackage_json  # loads pyarrow: see write_parquet

    (out_dir / "datapackage.json").write_text(datapackage_json(tables), encoding="utf-8")


# --- Replacing the output folder whole -------------------------------------------------------------
#
# The tables are written into a new sibling folder, flushed to disk, and only then swapped with the
# old one in a single rename, so that at any moment (crash, kill, full disk, unwritable file) OUT
# holds either the whole old output or the whole new one. Files in OUT that are not tables of ours
# (output/README.md, a user's notes) are carried over into the new folder.

_RENAME_EXCHANGE = 2  # renameat2 flag (Linux ≥ 3.15): swap two paths atomically
_AT_FDCWD = -100


class OutputLockedError(UsageError):
    """Another run is writing the same output folder."""


REPORT = "report.html"  # written by `track`; a new extraction drops the old one with its tables


def output_files(tables: Iterable[Table]) -> frozenset[str]:
    """The names this extractor writes into OUT (everything else there is the user's)."""
    names = {"datapackage.json", REPORT, "provenance.json"}
    for table in tables:
        names.update(f"{table.name}.{suffix}" for suffix in ("parquet", "csv", "json"))
    return frozenset(names)


def _sibling(out_dir: Path, what: str) -> Path:
    return out_dir.parent / f".{out_dir.name}.{what}"


@contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on OUT for the whole run; a second run fails at once.

    The lock is a sibling file (``.NAME.lock``), not a file inside OUT, because OUT itself is
    replaced. It is left in place afterwards: deleting a lock file races with its next user."""
    out_dir = out_dir.absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = _sibling(out_dir, "lock")
    with lock_path.open("a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise OutputLockedError(
                f"another plan-extract run is writing {out_dir} (it holds {lock_path}); "
                "wait for it to finish or choose another --out"
            ) from error
        _remove_leftovers(out_dir)
        yield


def _remove_leftovers(out_dir: Path) -> None:
    """Half-written folders of a run that was killed (only ever touched under the lock)."""
    for leftover in out_dir.parent.glob(f".{glob.escape(out_dir.name)}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _carry_over(old: Path, new: Path, ours: frozenset[str]) -> None:
    """Copy the user's own files from the old output into the new one (hard links when possible)."""
    if not old.is_dir():
        return
    for entry in sorted(old.iterdir()):
        if entry.name in ours:
            continue
        target = new / entry.name
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True)
        else:
            try:
                os.link(entry, target, follow_symlinks=False)
            except OSError:
                shutil.copy2(entry, target, follow_symlinks=False)


def _exchange(new: Path, old: Path) -> bool:
    """Swap two folders in one atomic rename; False where the system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, bytes(new), _AT_FDCWD, bytes(old), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL):  # old kernel or file system without the flag
        return False
    raise OSError(code, os.strerror(code), str(old))


def replace_folder(out_dir: Path, fill: Callable[[Path], None], ours: frozenset[str]) -> None:
    """Make OUT the folder ``fill`` writes, swapped in whole once everything is on disk."""
    out_dir = out_dir.absolute()
    new = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        fill(new)
        _carry_over(out_dir, new, ours)
        for path in new.iterdir():
            if path.is_file():
                _fsync(path)
        _fsync(new)
        if not out_dir.exists():
            new.rename(out_dir)
        elif not _exchange(new, out_dir):
            # Two renames: a crash between them leaves the old output at .NAME.old, not lost.
            old = _sibling(out_dir, "old")
            shutil.rmtree(old, ignore_errors=True)
            out_dir.rename(old)
            new.rename(out_dir)
            new = old
        _fsync(out_dir.parent)
    finally:
        shutil.rmtree(new, ignore_errors=True)  # the old output after a swap, or a failed new one
