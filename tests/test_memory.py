"""Memory stays linear in the size of a plan, and writing streams (issue 10, item 3).

The scaling check runs in-process with tracemalloc (Python allocations: deterministic, unlike
resident memory); ``make bench`` measures the resident memory of whole processes."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from plan_extract import encode, write
from plan_extract.model import Box, DatasetRecord, Problem, TableRow, Where
from plan_extract.pipeline import assemble, extract_file, write_tables
from plan_extract.read.text import text_blocks
from plan_extract.schema import DATASETS, PROBLEMS

FIXTURES = Path(__file__).parent / "fixtures"
SEED = next((FIXTURES / "seed-zh-hant" / "input").glob("*.txt"))
_ITEM_ROW = re.compile(r"^(\d+)\.\t([^\t\n]*)\t([^\t\n]*\t[^\t\n]*)\t", re.MULTILINE)


def scaled_plan(copies: int, path: Path) -> Path:
    """The seed plan ``copies`` times, items renumbered and names and remarks made distinct (as in
    ``scripts/bench.py``: text that repeated copies would let interning share away)."""
    text = SEED.read_text("utf-8")
    parts = [
        _ITEM_ROW.sub(lambda m, n=n: f"{int(m[1]) + 100 * n}.\t{m[2]} {n}\t{m[3]}\t{n} ", text)
        for n in range(copies)
    ]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def traced_peak(path: Path, out: Path) -> int:
    """Peak Python allocation while extracting ``path`` and writing its tables into ``out``."""
    tracemalloc.start()
    try:
        extraction = assemble(extract_file(path))
        out.mkdir()
        write_tables(extraction, out)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_is_linear_in_the_plan_size(tmp_path: Path) -> None:
    assemble(extract_file(SEED))  # vocabularies, converters and compiled patterns load once
    write_tables(assemble(extract_file(SEED)), tmp_path)  # and pyarrow
    small = scaled_plan(8, tmp_path / "small.txt")
    large = scaled_plan(32, tmp_path / "large.txt")
    small_peak = traced_peak(small, tmp_path / "small")
    large_peak = traced_peak(large, tmp_path / "large")
    assert large_peak < 6 * small_peak, (small_peak, large_peak)
    # 28–39× the file today (the records, blocks and rows of one plan at once): a bound, not a goal.
    assert large_peak < 45 * large.stat().st_size, large_peak / large.stat().st_size


def test_writing_does_not_import_pandas(tmp_path: Path) -> None:
    """pandas takes 0.3 s to import; the command line never needs it (api.py does)."""
    code = (
        "import sys\n"
        "from plan_extract.cli import main\n"
        f"code = main(['extract', {str(SEED)!r}, '--out', {str(tmp_path / 'out')!r}, '--quiet', '--no-cache'])\n"
        "assert code == 0, code\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
        "import pandas\n"  # the check itself works
        "assert 'pandas' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "datasets.parquet").exists()


def _record(n: int, **values: Any) -> DatasetRecord:
    return DatasetRecord(
        **{
            **{column.name: None for column in DATASETS.columns},
            "plan_id": "p",
            "row_no": n,
            "source_file": "p.txt",
            "language": "zh-Hant",
            "organisation_no": 0,
            "item_no": n,
            "dataset_name": f"數據集 {n} " + "名稱" * (n % 7),
            "update_frequency": "monthly",
            "update_frequency_parts": [],
            "formats": ["CSV", "JSON"][: n % 3],
            "other_columns": [],
            "source_bbox": [{"page": 1, "x0": 1.5, "top": 2.0, "x1": 3.0, "bottom": 4.0}],
            **values,
        }
    )


def test_records_pickle_as_their_values() -> None:
    """What a worker sends the parent: the class and the values, no field names per record."""
    record = _record(3)
    data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(data) == record
    assert b"release_month_raw" not in data
    where = Where(page=2, line=None, boxes=(Box(2, 1.0, 2.0, 3.0, 4.0),))
    row = TableRow(cells=(("a",), ("b", "c")), where=where, table=1, covered=frozenset({2}))
    problem = Problem("p", "p.txt", "warning", "x", "m", page=1)
    for value in (where, row, problem):
        assert pickle.loads(pickle.dumps(value)) == value
        assert not hasattr(value, "__dict__")


def test_repeated_values_are_one_object() -> None:
    """A category, month or format met on many rows is one string, not one per row."""
    first, second = (
        _record(1, category="".join(["資訊", "科技"]), formats=["".join(["CS", "V"])])
        for _ in range(2)
    )
    assert first.category is second.category and first.formats[0] is second.formats[0]
    named = _record(2, name_key="".join(["數據集 2 ", "名稱" * 2]))
    assert named.name_key is named.dataset_name  # a name already in its matching form


def test_a_table_over_one_row_group(tmp_path: Path, monkeypatch: Any) -> None:
    """Parquet is written a row group at a time; the files agree with each other and the order."""
    monkeypatch.setattr(write, "ROW_GROUP_TEXT", 2000)
    records = [_record(n) for n in (5, 3, 9, 1, 7, 2, 8, 4, 6, 0, 11, 10)]
    write.write_table(DATASETS, records, tmp_path)
    parquet = pq.ParquetFile(tmp_path / "datasets.parquet")
    assert parquet.metadata.num_row_groups > 2
    from_json = json.loads((tmp_path / "datasets.json").read_text("utf-8"))
    assert [r["row_no"] for r in from_json] == list(range(12))
    assert parquet.read().to_pylist() == from_json == encode.sorted_rows(DATASETS, records)
    csv_lines = (tmp_path / "datasets.csv").read_text("utf-8-sig").splitlines()
    assert len(csv_lines) == 13


def test_row_groups_end_at_the_same_line_however_the_lines_are_batched(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """A row group ends at the line that fills it, not where a batch of lines ends: the Parquet
    file does not depend on how workers or spool reads batched the rows (byte-identical output
    for any --jobs)."""
    monkeypatch.setattr(write, "ROW_GROUP_TEXT", 2000)
    records = [_record(n) for n in range(12)]
    lines = encode.encode_rows(DATASETS, records).json
    sizes = []
    for name, batches in (
        ("one.parquet", [lines]),
        ("each.parquet", [[line] for line in lines]),
        ("uneven.parquet", [lines[:5], lines[5:6], lines[6:]]),
    ):
        parquet = write.ParquetFile(DATASETS, tmp_path / name)
        for batch in batches:
            parquet.add(batch)
        parquet.finish()
        metadata = pq.ParquetFile(tmp_path / name).metadata
        sizes.append([metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)])
    assert len(sizes[0]) > 2 and sizes[0] == sizes[1] == sizes[2]


def test_row_groups_written_beside_the_lines_end_with_the_file(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """Row groups are parsed and written by a thread of the Parquet file's own while the JSON and
    CSV lines are written: once the file is finished no thread is left (a run that forks workers
    afterwards must fork from a process of one thread), and an error met there (a line that
    does not fit the schema) is raised in the caller, with the thread ended."""
    monkeypatch.setattr(write, "ROW_GROUP_TEXT", 2000)
    before = threading.active_count()
    lines = encode.encode_rows(DATASETS, [_record(n) for n in range(12)]).json
    parquet = write.ParquetFile(DATASETS, tmp_path / "good.parquet")
    for line in lines:
        parquet.add([line])
    parquet.finish()
    assert threading.active_count() == before
    assert pq.read_table(tmp_path / "good.parquet").num_rows == 12

    bad = write.ParquetFile(DATASETS, tmp_path / "bad.parquet")
    with pytest.raises(pa.ArrowInvalid):
        for line in [*lines, b'{"row_no": "not a number"}', *lines]:
            bad.add([line])
        bad.finish()
    bad.release()
    assert threading.active_count() == before


def test_a_row_longer_than_a_parse_block(tmp_path: Path) -> None:
    """Arrow parses the JSON lines in blocks, and a block must hold a whole line: a 3 MB cell
    (a hostile plan's) still reaches the Parquet file."""
    records = [_record(0), _record(1, description="長" * 1_000_000), _record(2)]
    write.write_table(DATASETS, records, tmp_path)
    rows = pq.read_table(tmp_path / "datasets.parquet").to_pylist()
    assert [len(r["description"] or "") for r in rows] == [0, 1_000_000, 0]


def test_an_empty_table(tmp_path: Path) -> None:
    write.write_table(PROBLEMS, [], tmp_path)
    assert pq.read_table(tmp_path / "problems.parquet").num_rows == 0
    assert json.loads((tmp_path / "problems.json").read_text("utf-8")) == []


_KEYS = st.none() | st.integers(0, 3)


@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), _KEYS, _KEYS, st.sampled_from("xy"))))
def test_sorting_by_each_key_equals_sorting_by_all(keys: list[tuple[Any, ...]]) -> None:
    """One stable sort per key column gives the order of one sort by the tuple of keys."""
    rows = [
        {"plan_id": p, "page": page, "line": line, "code": code, "message": str(n)}
        for n, (p, page, line, code) in enumerate(keys)
    ]

    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple((1, "") if row[k] is None else (0, row[k]) for k in PROBLEMS.sort_key)

    assert encode.ordered(PROBLEMS, rows) == sorted(rows, key=key)


@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), _KEYS, _KEYS, st.sampled_from("xy"))),
        max_size=4,
    )
)
def test_parts_merge_into_the_order_of_one_sort(parts: list[list[tuple[Any, ...]]]) -> None:
    """Tables written from parts (one per document, from workers: in any order, overlapping or
    not) hold the rows in the order one stable sort of all of them gives."""
    rows = [
        [
            {"plan_id": p, "page": page, "line": line, "code": code, "message": f"{i}.{n}"}
            for n, (p, page, line, code) in enumerate(keys)
        ]
        for i, keys in enumerate(parts)
    ]
    encoded = [encode.encode_rows(PROBLEMS, part) for part in rows]
    expected = encode.encode_rows(PROBLEMS, [row for part in rows for row in part])
    merged = [line for batch in encode.merged(encoded) for line in zip(*batch, strict=True)]
    assert merged == list(zip(expected.json, expected.csv, strict=True))
    pending = [encode.PendingRows(PROBLEMS, part) for part in rows]
    assert [line for batch in encode.merged(pending) for line in zip(*batch, strict=True)] == merged


def test_spooled_rows_read_back_as_they_were_encoded(monkeypatch: Any) -> None:
    """A worker writes its rows' lines into its file of the run's spool folder: they come back
    the same, a CSV line holding newlines and non-ASCII text included, documents appended one
    after another do not mix, and batches are read a few rows at a time."""
    monkeypatch.setattr(encode, "_BATCH", 2)
    folder = encode.SpoolFolder()
    lines = encode.LineFile(folder.path)
    parts = [
        [_record(n, description=f'兩行\n第{n}行, "引號"') for n in (3, 1, 2)],
        [],
        [_record(4)],
    ]
    spooled = [lines.write(DATASETS, part) for part in parts]
    for part, back in zip(parts, spooled, strict=True):
        expected = encode.encode_rows(DATASETS, part)
        batches = list(back.batches())
        assert [line for b in batches for line in b[0]] == expected.json
        assert [line for b in batches for line in b[1]] == expected.csv
        assert back.keys == expected.keys and all(len(b[0]) <= 2 for b in batches)
    assert b"\n" in encode.encode_rows(DATASETS, parts[0]).csv[0]
    lines.close()
    path = Path(folder.path)
    assert path.is_dir()
    folder.remove()
    assert not path.exists()


def test_a_packed_result_gives_back_its_records(tmp_path: Path) -> None:
    """A worker sends its datasets encoded (JSON and CSV lines); the records come back from the
    JSON exactly, and the tables written from either form are the same bytes."""
    result = extract_file(SEED)[0]
    records = list(result.datasets)
    packed = pickle.loads(pickle.dumps(extract_file(SEED)[0].pack()))
    assert packed.dataset_count == len(records) == 32
    assert packed.datasets == records
    for name, results in (("records", [result]), ("packed", [extract_file(SEED)[0].pack()])):
        (tmp_path / name).mkdir()
        write_tables(assemble(results), tmp_path / name)
    for table in ("datasets.json", "datasets.csv", "datasets.parquet", "plans.csv"):
        assert (tmp_path / "records" / table).read_bytes() == (
            tmp_path / "packed" / table
        ).read_bytes()


def test_equal_text_cells_are_shared() -> None:
    blocks = text_blocks("1.\t甲\t每月\t\n2.\t乙\t每月\t\n")
    first, second = (block.cells for block in blocks if isinstance(block, TableRow))
    assert first[2] is second[2] and first[3] is second[3]
    assert first[2] == ("每月",)


def test_normalising_can_take_the_rows_as_it_goes() -> None:
    """The pipeline normalises with ``consume``: the same records, and no row left behind."""
    from plan_extract.normalise.rows import normalise_plan
    from plan_extract.problems import ProblemLog
    from plan_extract.read import read_document
    from plan_extract.structure import structure

    def normalised(consume: bool) -> tuple[Any, list[DatasetRecord], list[Problem], int]:
        log = ProblemLog("seed", str(SEED))
        plan = structure(read_document(SEED), log)
        record, datasets = normalise_plan(plan, "seed", log, consume=consume)
        return record, datasets, log.problems, len(plan.rows)

    kept, taken = normalised(consume=False), normalised(consume=True)
    assert taken[:3] == kept[:3] and len(kept[1]) == 32
    assert (kept[3], taken[3]) == (32, 0)


def test_without_a_spool_folder_the_lines_come_with_the_results(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """$TMPDIR full or read-only: workers send their lines with the results, and the tables are
    the same."""
    import tempfile

    from plan_extract.inputs import collect_inputs
    from plan_extract.runner import RunOptions, run

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    expected = run(collect_inputs([SEED]), RunOptions(jobs=1))
    assert expected.spool is not None
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    extraction = run(collect_inputs([SEED]), RunOptions(jobs=1))
    assert extraction.spool is None and extraction.datasets == expected.datasets
    for name, result in (("spooled", expected), ("in-memory", extraction)):
        (tmp_path / name).mkdir()
        write_tables(result, tmp_path / name)
    for table in ("datasets.json", "datasets.csv", "datasets.parquet"):
        assert (tmp_path / "spooled" / table).read_bytes() == (
            tmp_path / "in-memory" / table
        ).read_bytes()


def test_a_spool_file_that_failed_once_is_not_written_again(monkeypatch: Any) -> None:
    """A write that fails half-way (a full disk) leaves the file's end unknown: later documents
    are not appended after it (their offsets would be wrong), they keep their lines in memory."""
    folder = encode.SpoolFolder()
    lines = encode.LineFile(folder.path)
    real = lines.handle.write
    calls = 0

    def failing(data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(28, "No space left on device")
        return real(data)

    monkeypatch.setattr(lines.handle, "write", failing)
    first = extract_file(SEED)[0]
    records = list(first.datasets)
    assert first.pack(lines).datasets == records  # kept in memory, the same rows
    assert lines.broken
    second = extract_file(SEED)[0]
    with pytest.raises(OSError, match="earlier write failed"):
        lines.write(DATASETS, second.datasets)
    folder.remove()
