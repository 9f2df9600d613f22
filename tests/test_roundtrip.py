"""Property tests: whatever values a record holds, CSV, JSON and Parquet give them back."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_extract.schema import DATASETS
from plan_extract.write import write_table

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("，「」\"'|,\n"),
    max_size=20,
)
OPTIONAL_TEXT = st.none() | TEXT.filter(bool)
FORMATS = st.lists(st.sampled_from(["JSON", "XML", "CSV", "ICS", "XLSX"]), unique=True, max_size=3)
PARTS = st.lists(
    st.fixed_dictionaries(
        {
            "agency": OPTIONAL_TEXT,
            "frequency": st.sampled_from(["monthly", "as_needed"]),
            "interval": st.none() | st.just("R/P1M"),
        }
    ),
    max_size=3,
)


def _record(
    item_no: int,
    name: str,
    description: str | None,
    formats: list[str],
    parts: list[dict[str, Any]],
    month: str | None,
) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(DATASETS.column_names)
    record.update(
        plan_id="p",
        row_no=item_no,
        source_file="f.txt",
        organisation_no=0,
        section="A",
        item_no=item_no,
        dataset_name=name,
        name_key=name,
        update_frequency="monthly",
        formats=formats,
        update_frequency_parts=parts,
        description=description,
        release_month=month,
        other_columns=[],
    )
    return record


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=TEXT.filter(bool),
    description=OPTIONAL_TEXT,
    formats=FORMATS,
    parts=PARTS,
    month=st.none() | st.sampled_from(["2019-04", "2015-12"]),
)
def test_values_survive_every_format(
    tmp_path: Path,
    name: str,
    description: str | None,
    formats: list[str],
    parts: list[dict[str, Any]],
    month: str | None,
) -> None:
    rows = [_record(1, name, description, formats, parts, month)]
    write_table(DATASETS, rows, tmp_path)

    assert pq.read_table(tmp_path / "datasets.parquet").to_pylist() == rows
    assert json.loads((tmp_path / "datasets.json").read_text("utf-8")) == rows
    with (tmp_path / "datasets.csv").open(encoding="utf-8-sig", newline="") as f:
        (back,) = list(csv.DictReader(f))
    assert back["dataset_name"] == name
    assert back["description"] == (description or "")
    assert (back["formats"].split("|") if back["formats"] else []) == formats
    assert (
        json.loads(back["update_frequency_parts"]) if back["update_frequency_parts"] else []
    ) == parts
    assert back["release_month"] == (month or "")
