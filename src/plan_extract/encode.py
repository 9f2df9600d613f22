"""Rows as the lines of the tables' files: each row encoded once, as its line of NAME.json (orjson)
and of NAME.csv, with its sort key; parts of a table (one per document) merged into its order.

Encoding is where the rows are made (a worker), so the process that writes a corpus only merges and
joins lines (:mod:`.write`); what it gathers of a corpus it keeps in a :class:`Spool` (a temporary
file), holding only the sort keys in memory.
"""

from __future__ import annotations

import csv
import heapq
import itertools
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any

import orjson

from .schema import Table

Record = Mapping[str, Any]
Row = Any  # a Record, or an object whose attributes are the table's columns (model.DatasetRecord…)

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
    """Rows as lines of NAME.csv (UTF-8 with BOM for Excel): lists ``|``-joined, arrays as JSON
    text; the csv module writes None as an empty field and numbers as ``str`` does, so only list
    and array columns are converted. ``line(values)`` is one row's line, quoted as needed."""

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

    def header(self, names: Sequence[str]) -> str:
        self.writer.writerow(names)
        return self.lines.pop()

    def line(self, values: Sequence[Any]) -> str:
        if self.converted:
            values = list(values)
            for index, column_type in self.converted:
                values[index] = _csv_value(values[index], column_type)
        self.writer.writerow(values)
        return self.lines.pop()


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
    csv: list[str] = field(default_factory=list)

    def batches(self) -> Iterator[tuple[list[bytes], list[str]]]:
        yield self.json, self.csv


class Spool:
    """Encoded rows kept in an unnamed temporary file (in ``$TMPDIR``) instead of in memory: a
    process that gathers a corpus's rows holds their sort keys and where their lines are, and
    reads one part's lines back at a time as it writes them."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()  # noqa: SIM115  (closed with the spool)
        self.size = 0

    def spill(self, encoded: EncodedRows) -> SpooledRows:
        json_text = b"\n".join(encoded.json)  # a JSON line holds no newline
        csv_text = "".join(encoded.csv).encode("utf-8")
        self.file.seek(self.size)
        self.file.write(json_text)
        self.file.write(csv_text)
        self.file.flush()  # read back with pread, below the file object's buffer
        start, self.size = self.size, self.size + len(json_text) + len(csv_text)
        lengths = array("Q", map(len, encoded.csv))  # characters: a CSV line may hold newlines
        return SpooledRows(self, encoded.keys, start, len(json_text), len(csv_text), lengths)

    def read(self, start: int, size: int) -> bytes:
        return os.pread(self.file.fileno(), size, start)

    def close(self) -> None:
        self.file.close()


@dataclass(slots=True)
class SpooledRows:
    """:class:`EncodedRows` whose lines are in a :class:`Spool`."""

    spool: Spool
    keys: list[tuple[tuple[int, Any], ...]]
    start: int
    json_size: int
    csv_size: int
    csv_lengths: array[int]

    def batches(self) -> Iterator[tuple[list[bytes], list[str]]]:
        json_text = self.spool.read(self.start, self.json_size)
        json_lines = json_text.split(b"\n") if self.keys else []
        csv_text = self.spool.read(self.start + self.json_size, self.csv_size).decode("utf-8")
        csv_lines, at = [], 0
        for length in self.csv_lengths:
            csv_lines.append(csv_text[at : at + length])
            at += length
        yield json_lines, csv_lines


class PendingRows:
    """Rows to write, in the table's sort order, encoded only a batch at a time as they are
    written (where the records are at hand: no copy of every line at once)."""

    def __init__(self, table: Table, rows: Iterable[Row]) -> None:
        self.table = table
        self.rows = ordered(table, rows)
        key_of = _key_of(table)
        self.keys = [key_of(row) for row in self.rows]

    def batches(self) -> Iterator[tuple[list[bytes], list[str]]]:
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


def merged(parts: Sequence[Part]) -> Iterator[tuple[list[bytes], list[str]]]:
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


def _lines(part: Part) -> Iterator[tuple[bytes, str]]:
    """A part's (JSON line, CSV line) for each row."""
    for json_lines, csv_lines in part.batches():
        yield from zip(json_lines, csv_lines, strict=True)
