"""Rows as the lines of the tables' files: each row encoded once, as its line of NAME.json (orjson)
and of NAME.csv, with its sort key; parts of a table (one per document) merged into its order.

Encoding is where the rows are made (a worker), so the process that writes a corpus only merges and
joins lines (:mod:`.write`). A worker writes the lines into a file of the run's spool folder
(:class:`LineFile`) and sends where they are: the process that writes holds only the sort keys.
"""

from __future__ import annotations

import csv
import heapq
import itertools
import os
import shutil
import tempfile
import weakref
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

import orjson

from .schema import Table

Row = Any  # a mapping, or an object whose attributes are the table's columns (model.DatasetRecord…)

_BATCH = 256  # rows encoded or merged together when writing


def _sort_value(value: Any) -> tuple[int, Any]:
    return (1, "") if value is None else (0, value)


def _value(row: Row, name: str) -> Any:
    return row.get(name) if isinstance(row, Mapping) else getattr(row, name)


def _values_of(table: Table) -> Callable[[Row], Sequence[Any]]:
    """A row's values in the table's column order (a column a mapping lacks is null); a record's
    in one C call (every table has several columns)."""
    names = table.column_names
    of_record = attrgetter(*names)

    def values(row: Row) -> Sequence[Any]:
        if isinstance(row, Mapping):
            return [row.get(name) for name in names]
        return of_record(row)

    return values


def _key_of(table: Table) -> Callable[[Row], tuple[tuple[int, Any], ...]]:
    """A row's sort key as :func:`ordered` sorts by: each key column's value, nulls last."""
    names = table.sort_key

    def key(row: Row) -> tuple[tuple[int, Any], ...]:
        return tuple(_sort_value(_value(row, name)) for name in names)

    return key


def ordered(table: Table, rows: Iterable[Row]) -> list[Row]:
    """The rows themselves (not copies) in the table's sort order, nulls last, ties in input order.

    One stable sort per key column, the last column first: the same order as sorting by the tuple
    of all keys, without holding a tuple of tuples for every row while sorting."""
    result = list(rows)
    for name in reversed(table.sort_key):
        result.sort(key=lambda row, name=name: _sort_value(_value(row, name)))  # type: ignore[misc]
    return result


def sorted_rows(table: Table, rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Rows as dicts with exactly the table's columns, in its sort order (for small tables: the
    writers below never build this copy)."""
    names, values_of = table.column_names, _values_of(table)
    return [dict(zip(names, values_of(row), strict=True)) for row in ordered(table, rows)]


def _csv_value(value: Any, column_type: str) -> str:
    if value is None or value == []:
        return ""
    if column_type == "list":
        return "|".join(value)
    if column_type == "array":
        return orjson.dumps(value).decode()
    return str(value)


class CsvLines:
    """Rows as lines of NAME.csv, UTF-8 (the file adds a BOM for Excel): lists ``|``-joined, arrays
    as JSON text; the csv module writes None as an empty field and numbers as ``str`` does, so only
    list and array columns are converted. ``line(values)`` is one row's line, quoted as needed, as
    bytes: encoded once, where the row is made, and never decoded again (the spool file holds
    them, the writing process copies them into NAME.csv as they are)."""

    def __init__(self, table: Table) -> None:
        self.converted = [
            (index, column.type)
            for index, column in enumerate(table.columns)
            if column.type in ("list", "array")
        ]
        self.lines: list[str] = []
        self.writer = csv.writer(self, lineterminator="\r\n")

    def write(self, line: str) -> None:  # what csv.writer writes each row to
        self.lines.append(line)

    def header(self, names: Sequence[str]) -> bytes:
        self.writer.writerow(names)
        return self.lines.pop().encode("utf-8")

    def line(self, values: Sequence[Any]) -> bytes:
        if self.converted:
            values = list(values)
            for index, column_type in self.converted:
                values[index] = _csv_value(values[index], column_type)
        self.writer.writerow(values)
        return self.lines.pop().encode("utf-8")


def _json_line(table: Table) -> Callable[[Row, Sequence[Any]], bytes]:
    """A row's line of NAME.json: its columns in order, by orjson (4× the standard library's C
    encoder: JSON lines were most of the cost of encoding a row). A record whose fields are the
    table's columns is dumped as it is (orjson reads a dataclass's fields in order); a mapping
    as a dict of the columns."""
    names = table.column_names
    as_is: dict[type, bool] = {}

    def line(row: Row, values: Sequence[Any]) -> bytes:
        kind = type(row)
        direct = as_is.get(kind)
        if direct is None:
            fields = getattr(kind, "__dataclass_fields__", None)
            direct = as_is[kind] = fields is not None and tuple(fields) == names
        line = orjson.dumps(row if direct else dict(zip(names, values, strict=True)))
        return bytes(memoryview(line))  # orjson's bytes keep the 16 KiB buffer they were made in

    return line


@dataclass(slots=True)
class EncodedRows:
    """Rows of one table encoded for writing, in the table's sort order: each row's sort key, its
    line of NAME.json (UTF-8) and its line of NAME.csv. Made where the rows are made (in a worker,
    in parallel), so the process that writes the tables only merges and joins them."""

    keys: list[tuple[tuple[int, Any], ...]] = field(default_factory=list)
    json: list[bytes] = field(default_factory=list)
    csv: list[bytes] = field(default_factory=list)

    def batches(self) -> Iterator[tuple[list[bytes], list[bytes]]]:
        yield self.json, self.csv


class LineFile:
    """Where a worker writes the lines of the rows it encodes: a file of its own in the run's
    spool folder (:class:`SpoolFolder`), each document's rows appended, row by row (its JSON line,
    then its CSV line). What it sends the process that writes the tables is where they are
    (:class:`SpooledRows`): neither process ever holds a large document's lines at once."""

    def __init__(self, folder: str) -> None:
        path = Path(folder) / f"{os.getpid()}.lines"
        self.path = str(path)  # sent with every document: a str pickles small
        self.handle = path.open("ab")
        self.size = self.handle.tell()
        self.broken = False  # a write failed: where the file ends is no longer known

    def write(self, table: Table, rows: Iterable[Row]) -> SpooledRows:
        """Encode ``rows`` and append their lines, a batch at a time (a document's lines are
        never all in memory). OSError if the file cannot be written, then for every later call:
        after a failed write the offsets of what follows could not be trusted."""
        if self.broken:
            raise OSError(f"{self.path}: an earlier write failed")
        try:
            return self._append(table, rows)
        except OSError:
            self.broken = True
            raise

    def _append(self, table: Table, rows: Iterable[Row]) -> SpooledRows:
        pending = PendingRows(table, rows)
        start = self.size
        json_lengths, csv_lengths = array("I"), array("I")
        for json_lines, csv_lines in pending.batches():
            for json_line, csv_line in zip(json_lines, csv_lines, strict=True):
                self.handle.write(json_line)
                self.handle.write(csv_line)
                json_lengths.append(len(json_line))
                csv_lengths.append(len(csv_line))
                self.size += len(json_line) + len(csv_line)
        self.handle.flush()  # the parent reads it with its own descriptor
        return SpooledRows(self.path, pending.keys, start, json_lengths, csv_lengths)

    def close(self) -> None:
        self.handle.close()


@dataclass(slots=True)
class SpooledRows:
    """Rows encoded into a :class:`LineFile`: their sort keys, and where each one's JSON and CSV
    lines are; read back a batch at a time."""

    path: str
    keys: list[tuple[tuple[int, Any], ...]]
    start: int
    json_lengths: array[int]
    csv_lengths: array[int]

    def batches(self) -> Iterator[tuple[list[bytes], list[bytes]]]:
        at = self.start
        for first in range(0, len(self.keys), _BATCH):
            json_sizes = self.json_lengths[first : first + _BATCH]
            csv_sizes = self.csv_lengths[first : first + _BATCH]
            block = _read(self.path, at, sum(json_sizes) + sum(csv_sizes))
            at += len(block)
            json_lines, csv_lines, offset = [], [], 0
            for json_size, csv_size in zip(json_sizes, csv_sizes, strict=True):
                json_lines.append(block[offset : offset + json_size])
                offset += json_size
                csv_lines.append(block[offset : offset + csv_size])
                offset += csv_size
            yield json_lines, csv_lines


def _read(path: str, start: int, size: int) -> bytes:
    """``size`` bytes of ``path`` from ``start``; the file is not kept open between batches (a
    merge of many parts would hold a descriptor for each)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        block = os.pread(descriptor, size, start)
    finally:
        os.close(descriptor)
    if len(block) != size:
        raise OSError(f"{path}: {len(block)} of {size} bytes at {start}: the spool file was cut")
    return block


class SpoolFolder:
    """A temporary folder (in ``$TMPDIR``) for a run's workers' :class:`LineFile`s, removed with
    this object (when the run's results are dropped, or at exit)."""

    def __init__(self) -> None:
        self.path = tempfile.mkdtemp(prefix="plan-extract-lines-")
        self._remove = weakref.finalize(self, shutil.rmtree, self.path, ignore_errors=True)

    def remove(self) -> None:
        self._remove()


class PendingRows:
    """Rows to write, in the table's sort order, encoded only a batch at a time as they are
    written (where the records are at hand: no copy of every line at once)."""

    def __init__(self, table: Table, rows: Iterable[Row]) -> None:
        self.table = table
        self.rows = ordered(table, rows)
        key_of = _key_of(table)
        self.keys = [key_of(row) for row in self.rows]

    def batches(self) -> Iterator[tuple[list[bytes], list[bytes]]]:
        json_line, values_of = _json_line(self.table), _values_of(self.table)
        csv_line = CsvLines(self.table).line
        for start in range(0, len(self.rows), _BATCH):
            json_lines, csv_lines = [], []
            for row in self.rows[start : start + _BATCH]:
                values = values_of(row)
                json_lines.append(json_line(row, values))
                csv_lines.append(csv_line(values))
            yield json_lines, csv_lines


Part = EncodedRows | SpooledRows | PendingRows


def encode_rows(table: Table, rows: Iterable[Row]) -> EncodedRows:
    """The rows' lines, each row encoded once, in the table's sort order."""
    pending = PendingRows(table, rows)
    encoded = EncodedRows(pending.keys)
    for json_lines, csv_lines in pending.batches():
        encoded.json += json_lines
        encoded.csv += csv_lines
    return encoded


def merged(parts: Sequence[Part]) -> Iterator[tuple[list[bytes], list[bytes]]]:
    """The lines of all ``parts`` in sort order, ties in the order of the parts (as one stable
    sort of all their rows would give), in batches to write together. Parts whose keys do not
    overlap (one per document, the usual case) are written one after another; otherwise their
    rows are merged."""
    given = [part for part in parts if part.keys]
    in_order = sorted(given, key=lambda part: part.keys[0])
    if all(a.keys[-1] < b.keys[0] for a, b in itertools.pairwise(in_order)):
        for part in in_order:
            yield from part.batches()
        return
    rows = heapq.merge(  # stable: of equal keys, the row of the earlier part first
        *(zip(part.keys, _lines(part), strict=True) for part in given),
        key=itemgetter(0),
    )
    while batch := list(itertools.islice(rows, _BATCH)):
        yield [line[0] for _, line in batch], [line[1] for _, line in batch]


def _lines(part: Part) -> Iterator[tuple[bytes, bytes]]:
    """A part's (JSON line, CSV line) for each row."""
    for json_lines, csv_lines in part.batches():
        yield from zip(json_lines, csv_lines, strict=True)
