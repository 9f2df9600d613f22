"""Write tables as Parquet, CSV and JSON, and datapackage.json, all shaped by the schema, from
their rows' lines (:mod:`.encode`).

Output is deterministic: rows sorted by the table's sort key, no timestamps, so re-running on the
same input gives byte-identical files (goldens and diffs stay meaningful). The output folder is
replaced whole (see :func:`replace_folder`) under a lock (:func:`output_lock`).
"""

from __future__ import annotations

import codecs
import contextlib
import ctypes
import errno
import fcntl
import glob
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .encode import CsvLines, Part, PendingRows, Row, merged
from .errors import UsageError
from .schema import EXTRACTION_TABLES, Table

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (see __init__.py)
if TYPE_CHECKING:
    import pyarrow as pa

ROW_GROUP_TEXT = 4 << 20  # bytes of JSON parsed into one Parquet row group: its memory, ~5× that
_PARSE_BLOCK = 1 << 20  # bytes of JSON lines Arrow parses as one task


class JsonArrayFile:
    """NAME.json: a JSON array with one record per line, written a batch of lines (UTF-8) at a
    time."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("wb")
        self.handle.write(b"[")
        self.count = 0

    def add(self, lines: list[bytes]) -> None:
        if lines:
            self.handle.write(b",\n" if self.count else b"\n")
            self.handle.write(b",\n".join(lines))
            self.count += len(lines)

    def finish(self) -> None:
        self.handle.write(b"\n]\n")
        self.handle.close()

    def release(self) -> None:
        self.handle.close()


class CsvFile:
    """NAME.csv: a UTF-8 byte order mark (for Excel), the header, then the rows' lines as
    :class:`CsvLines` made them (UTF-8 bytes, copied as they are)."""

    def __init__(self, table: Table, path: Path) -> None:
        self.handle = path.open("wb")
        self.handle.write(codecs.BOM_UTF8 + CsvLines(table).header(table.column_names))

    def add(self, lines: list[bytes]) -> None:
        self.handle.write(b"".join(lines))

    def finish(self) -> None:
        self.handle.close()

    def release(self) -> None:
        self.handle.close()


class ParquetFile:
    """NAME.parquet from the rows' JSON lines (what NAME.json holds), parsed by Arrow's C++ JSON
    reader against the table's schema, :data:`ROW_GROUP_TEXT` bytes at a time, each batch
    one row group: the whole table never sits in memory as text or as Arrow arrays.

    Row groups are parsed and written by a thread of their own while the lines of NAME.json and
    NAME.csv are read and written: Arrow does both without Python's lock, so the writing process
    uses a second core (writing 500 plans' tables: ~0.26 s → ~0.17 s). At most one row group's
    text waits for it while the next is filled, so memory stays a few row groups' worth.

    Not ``pa.Table.from_pylist``: building arrays from Python objects makes pyarrow import pandas
    (0.3 s, most of writing a small run); the JSON text exists already and Arrow reads it in
    microseconds per row. pyarrow is imported here, not at the top: worker processes, forked from a
    process that has not loaded it, stay ~45 MiB smaller."""

    def __init__(self, table: Table, path: Path) -> None:
        import pyarrow.parquet as pq

        from .schema_render import arrow_schema

        self.schema = arrow_schema(table)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.text = bytearray()  # the JSON lines of the row group being filled
        self.longest = 0  # its longest line
        self.rows = 0
        self._filled: queue.Queue[tuple[bytearray, int] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._write_row_groups, name=f"parquet:{table.name}", daemon=True
        )
        self._thread.start()

    def add(self, lines: list[bytes]) -> None:
        if not lines:
            return
        if len(self.text) + sum(map(len, lines)) + len(lines) < ROW_GROUP_TEXT:
            # The common case, in one step: the row group is not filled by these lines.
            self.text += b"\n".join(lines)
            self.text += b"\n"
            self.longest = max(self.longest, *map(len, lines))
            return
        # A row group ends at the line that fills it, wherever the batches end: the file's
        # bytes do not depend on how the rows were batched (by worker, by spool read).
        for line in lines:
            self.text += line
            self.text += b"\n"
            self.longest = max(self.longest, len(line))
            if len(self.text) >= ROW_GROUP_TEXT:
                self.flush()

    def flush(self) -> None:
        """Hand the row group filled so far to the writing thread (waiting while another one
        waits for it); an error the thread met is raised here."""
        self._raise()
        if not self.text:
            return
        self._filled.put((self.text, self.longest))
        self.text, self.longest = bytearray(), 0

    def _write_row_groups(self) -> None:
        import pyarrow as pa

        while (filled := self._filled.get()) is not None:
            if self._error is not None:
                continue  # the main thread raises it; what is still handed over is dropped
            try:
                parsed = _parsed(filled[0], self.schema, filled[1])
                del filled
                self.rows += parsed.num_rows
                self.writer.write_table(parsed)
                del parsed
                pa.default_memory_pool().release_unused()
            except BaseException as error:  # raised in the main thread: see _raise
                self._error = error

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._filled.put(None)
            self._thread.join()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def finish(self) -> None:
        import pyarrow as pa

        self.flush()
        self._stop()
        self._raise()
        if not self.rows:  # not empty_table(): it imports pandas
            self.writer.write_table(pa.Table.from_batches([], schema=self.schema))
        self.writer.close()

    def release(self) -> None:
        self._stop()
        self.writer.close()  # a no-op once closed


def _parsed(text: bytearray | bytes, schema: pa.Schema, longest: int) -> pa.Table:
    """JSON lines as a table of ``schema``, parsed in blocks on every core (writing is the end of
    a run: the workers are done); a block must hold the ``longest`` line."""
    import pyarrow as pa
    import pyarrow.json as pa_json

    parsed = pa_json.read_json(
        pa.BufferReader(pa.py_buffer(text)),  # no copy of the text
        read_options=pa_json.ReadOptions(
            use_threads=True, block_size=max(_PARSE_BLOCK, longest + 1)
        ),
        parse_options=pa_json.ParseOptions(
            explicit_schema=schema, unexpected_field_behavior="error"
        ),
    )
    # The schema's nullability and descriptions, on the parsed columns (whose types are the
    # schema's already): not ``cast``, which imports pyarrow.compute (~40 ms) for nothing.
    return pa.Table.from_arrays(parsed.columns, schema=schema)


def preload() -> None:
    """Import what writing needs (pyarrow, its JSON reader and its Parquet writer: ~0.15 s),
    make Arrow start its thread pool and load what datapackage.json is made of (the frequency
    and problem vocabularies), to be done while workers extract, not after them."""
    import pyarrow.parquet  # noqa: F401  (~30 ms of imports: its file systems)

    from .schema_render import arrow_schema, datapackage_json

    for table in EXTRACTION_TABLES:
        _parsed(b"\n", arrow_schema(table), 0)
    datapackage_json(EXTRACTION_TABLES)


def write_encoded(table: Table, parts: Sequence[Part], out_dir: Path) -> None:
    """Write ``NAME.json``, ``NAME.csv`` and ``NAME.parquet`` from parts of the table (each in
    sort order, merged here). Memory is the lines given plus one batch and one row group's text:
    no dict copy of the table, no whole Arrow table."""
    with contextlib.ExitStack() as opened:  # on an error, every file opened so far is closed
        json_file = JsonArrayFile(out_dir / f"{table.name}.json")
        opened.callback(json_file.release)
        csv_file = CsvFile(table, out_dir / f"{table.name}.csv")
        opened.callback(csv_file.release)
        parquet = ParquetFile(table, out_dir / f"{table.name}.parquet")
        opened.callback(parquet.release)
        for json_lines, csv_lines in merged(parts):
            json_file.add(json_lines)
            csv_file.add(csv_lines)
            parquet.add(json_lines)
        json_file.finish()
        csv_file.finish()
        parquet.finish()


def write_table(table: Table, rows: Iterable[Row], out_dir: Path) -> None:
    """Write ``NAME.json``, ``NAME.csv`` and ``NAME.parquet`` of ``rows`` (records or mappings,
    in any order)."""
    write_encoded(table, [PendingRows(table, rows)], out_dir)


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
    names = {"datapackage.json", REPORT}
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
