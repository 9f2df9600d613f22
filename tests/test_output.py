"""The written files: valid against datapackage.json, typed Parquet, deterministic bytes."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow.parquet as pq
import pytest

from plan_extract.cli import main
from plan_extract.schema import DATASETS, EXTRACTION_TABLES

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    inputs = [FIXTURES / "seed-zh-hant" / "input", FIXTURES / "malformed-text" / "input"]
    assert main(["extract", *map(str, inputs), "--out", str(out), "--quiet"]) == 1
    return out


def test_every_table_is_written_in_three_forms(output: Path) -> None:
    for table in EXTRACTION_TABLES:
        for suffix in ("parquet", "csv", "json"):
            assert (output / f"{table.name}.{suffix}").stat().st_size > 0
    assert (output / "datapackage.json").exists()


def test_csv_validates_against_datapackage_keys_included(output: Path) -> None:
    # The malformed plan has an item with no number and an item twice: the keys still hold,
    # because a dataset's key is its position in its plan, not its printed number.
    report = frictionless.validate(output / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize(
    "inputs", [*sorted(FIXTURES.glob("*/input")), FIXTURES / "bad-pdf"], ids=lambda p: p.parent.name
)
def test_every_fixture_output_validates_against_its_datapackage(
    inputs: Path, tmp_path: Path
) -> None:
    main(["extract", str(inputs), "--out", str(tmp_path), "--quiet"])
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_clean_output_validates_with_keys(tmp_path: Path) -> None:
    assert main(["extract", str(FIXTURES / "seed-zh-hant" / "input"), "--out", str(tmp_path)]) == 0
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_csv_has_a_bom_and_the_schema_column_order(output: Path) -> None:
    raw = (output / "datasets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw[3:].split(b"\r\n", 1)[0].decode()
    assert tuple(header.split(",")) == DATASETS.column_names


def test_parquet_round_trip_keeps_types_and_values(output: Path) -> None:
    frame = pd.read_parquet(output / "datasets.parquet")
    assert list(frame.columns) == list(DATASETS.column_names)
    seed = frame[frame.plan_id == "ogcio-2018-annual-open-data-plan.zh-hant"]
    assert len(seed) == 32
    d2 = seed[(seed.section == "D") & (seed.item_no == 2)].iloc[0]
    assert list(d2.formats) == ["JSON", "XML"]
    assert [p["agency"] for p in d2.update_frequency_parts][-1] == "食物環境衛生署"
    assert d2.update_frequency == "varies"
    assert str(frame.item_no.dtype) in ("int64", "Int64", "float64")
    schema = pq.read_schema(output / "datasets.parquet")
    assert schema.field("release_month").metadata[b"description"].decode().startswith("Target")
    assert str(schema.field("organisation_no").type) == "int64"


def test_parquet_rows_are_sorted_by_primary_key(output: Path) -> None:
    frame = pd.read_parquet(output / "datasets.parquet")
    seed = frame[frame.plan_id == "ogcio-2018-annual-open-data-plan.zh-hant"]
    keys = list(zip(seed.section, seed.organisation_no, seed.item_no, strict=True))
    assert keys == sorted(keys)


def test_json_is_unescaped_records_with_lists(output: Path) -> None:
    text = (output / "datasets.json").read_text("utf-8")
    assert "政府資訊科技總監辦公室" in text and "\\u" not in text
    rows = json.loads(text)
    assert isinstance(rows, list) and isinstance(rows[0]["formats"], list)


def test_rerun_is_byte_identical(output: Path, tmp_path: Path) -> None:
    inputs = [FIXTURES / "seed-zh-hant" / "input", FIXTURES / "malformed-text" / "input"]
    main(["extract", *map(str, inputs), "--out", str(tmp_path), "--quiet"])
    for path in output.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_writing_imports_nothing_the_preparation_did_not(tmp_path: Path) -> None:
    """What writing needs is imported and loaded while the workers extract (the command line's
    ``_prepare``): after it, writing the tables imports no module but a text codec
    (pyarrow.parquet, ~30 ms, was imported at the end of every run)."""
    import subprocess
    import sys

    seed = next((Path(__file__).parent / "fixtures" / "seed-zh-hant" / "input").iterdir())
    check = (
        "import sys\n"
        "from pathlib import Path\n"
        "from plan_extract.cli import _prepare\n"
        "from plan_extract.pipeline import extract, write_extraction\n"
        f"extraction = extract([Path({str(seed)!r})])\n"
        "_prepare()\n"
        "before = set(sys.modules)\n"
        f"write_extraction(extraction, Path({str(tmp_path / 'out')!r}), lambda tables: {{}})\n"
        "new = sorted(m for m in set(sys.modules) - before if not m.startswith('encodings.'))\n"
        "assert not new, new\n"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
