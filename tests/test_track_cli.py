"""`plan-extract track` over an extraction folder: files, datapackage, report, errors."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import pandas as pd
import pytest

import plan_extract
from plan_extract.cli import main
from plan_extract.schema import DELIVERY, PROMISES, TABLES

FIXTURES = Path(__file__).parent / "fixtures"
CATALOGUE = FIXTURES / "catalogue"
SNAPSHOTS = [
    str(CATALOGUE / "catalogue-2018-06-04.en.csv"),
    str(CATALOGUE / "catalogue-2025-09-13.package_search.json"),
]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tracked")
    inputs = [FIXTURES / "seed-zh-hant" / "input", FIXTURES / "seed-en" / "input"]
    assert main(["extract", *map(str, inputs), "--out", str(out), "--quiet"]) == 0
    assert main(["track", "--tables", str(out), *SNAPSHOTS]) == 0
    return out


def test_every_table_and_the_report_are_written(tracked: Path) -> None:
    for table in TABLES:
        for suffix in ("parquet", "csv", "json"):
            assert (tracked / f"{table.name}.{suffix}").stat().st_size > 0
    assert "<table" in (tracked / "report.html").read_text("utf-8")


def test_all_six_tables_validate_against_datapackage(tracked: Path) -> None:
    package = json.loads((tracked / "datapackage.json").read_text("utf-8"))
    assert [r["name"] for r in package["resources"]] == [t.name for t in TABLES]
    report = frictionless.validate(tracked / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_one_promise_row_per_dataset_row_keyed_like_datasets(tracked: Path) -> None:
    datasets = pd.read_parquet(tracked / "datasets.parquet")
    promises = pd.read_parquet(tracked / "promises.parquet")
    assert list(promises.columns) == list(PROMISES.column_names)
    assert len(promises) == len(datasets) == 64
    assert not promises.duplicated(["plan_id", "row_no"]).any()
    assert set(zip(promises.plan_id, promises.section, promises.item_no, strict=True)) == set(
        zip(datasets.plan_id, datasets.section, datasets.item_no, strict=True)
    )


def test_delivery_counts_each_plan_once(tracked: Path) -> None:
    delivery = pd.read_parquet(tracked / "delivery.parquet")
    assert list(delivery.columns) == list(DELIVERY.column_names)
    row = delivery.iloc[0]
    assert len(delivery) == 1 and row.plan_id == "ogcio-2018-annual-open-data-plan.zh-hant"
    assert (row.promised, row.listed, row.to_review, row.not_listed) == (15, 11, 4, 0)
    assert row.listed == row.on_time + row.late + row.timing_unknown
    assert (row.claims, row.claims_listed) == (17, 15)


def test_the_api_gives_the_files_tables(tracked: Path) -> None:
    result = plan_extract.track(tracked, SNAPSHOTS)
    for name, data in (("promises", result.promises), ("delivery", result.delivery)):
        written = pd.read_parquet(tracked / f"{name}.parquet")
        assert list(data.columns) == list(written.columns)
        assert (data.dtypes == written.dtypes).all()
        pd.testing.assert_frame_equal(data, written)


def test_snapshot_folders_and_dates_on_the_command_line(tmp_path: Path, tracked: Path) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "snapshot.json").write_bytes(
        (CATALOGUE / "package-search-api-2025-09-13.json").read_bytes()
    )
    (folder / "SOURCES.md").write_text("not a snapshot", "utf-8")
    out = tmp_path / "out"
    args = ["track", "--tables", str(tracked), "--out", str(out), f"{folder}@2025-09-13"]
    assert main(args) == 0
    assert set(pd.read_parquet(out / "promises.parquet").snapshot_date) == {"2025-09-13"}


def test_errors_are_one_line_and_exit_2(
    tmp_path: Path, tracked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "catalogue-2026-01-01.jsonl"
    broken.write_text('{"_snapshot": {"date": "2026-01-01"}}\n{"name": "a"}\n', "utf-8")
    assert main(["track", "--tables", str(tracked), str(broken)]) == 2
    assert "did not finish" in capsys.readouterr().err
    assert main(["track", "--tables", str(tmp_path), *SNAPSHOTS]) == 2
    assert "run `plan-extract extract` first" in capsys.readouterr().err


def test_the_readme_overrides_example_works(tmp_path: Path, tracked: Path) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    start = readme.index("```text\nplan_id\tsection") + len("```text\n")
    (tmp_path / "reviewed.tsv").write_text(readme[start : readme.index("```", start)], "utf-8")
    result = plan_extract.track(tracked, SNAPSHOTS, overrides=tmp_path / "reviewed.tsv")
    rows = result.promises.set_index(["plan_id", "section", "item_no"])
    a10 = rows.loc[("ogcio-2018-annual-open-data-plan.en", "A", 10)]
    assert (a10.status, a10.match_method) == ("listed", "override")
    assert a10.catalogue_id == "hk-dpo-dpo_hp-soa-qps-awarded-service-contracts"
    assert a10.first_listed == "2025-09-13"
    d17 = rows.loc[("ogcio-2018-annual-open-data-plan.en", "D", 17)]
    assert d17.last_unlisted == "2018-06-04" and d17.status == "to_review"  # 2025: no override


def test_tracking_problems_join_the_problems_table_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(FIXTURES / "seed-en" / "input"), "--out", str(out), "--quiet"]) == 0
    record = {
        "name": "hk-dpo-als_01-als",
        "title": "Address Lookup Service",
        "organization": {"title": "Digital Policy Office"},
        "resources": [{"format": "JSON"}],
        "update_frequency": "Per legislative session",
    }
    snapshot = tmp_path / "catalogue-2026-01-01.jsonl"
    snapshot.write_text(json.dumps(record) + "\n", "utf-8")
    for _ in range(2):  # a second run replaces the first run's problems
        assert main(["track", "--tables", str(out), str(snapshot)]) == 0
    problems = pd.read_parquet(out / "problems.parquet")
    found = problems[
        problems.code.isin(["catalogue_frequency_unknown", "organisation_not_in_catalogue"])
    ]
    assert sorted(zip(found.code, found.text, strict=True)) == [
        ("catalogue_frequency_unknown", "Per legislative session"),
        (
            "organisation_not_in_catalogue",
            "Hong Kong Computer Emergency Response Team Coordination Centre",
        ),
    ]
    assert set(found.source_file) == {str(snapshot)}
    plans = pd.read_parquet(out / "plans.parquet")
    assert plans.warnings.tolist() == [2]
    promises = pd.read_parquet(out / "promises.parquet").set_index(["section", "item_no"])
    assert promises.loc[("D", 1)].frequency_kept == "unknown"
    assert promises.loc[("C", 1)].status == "not_listed"
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_tracking_keeps_the_extractions_provenance_so_a_rerun_is_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make extract` runs extract then track into one folder: the record of what the tables
    were made from stays, and the next extract of unchanged plans has nothing to do."""
    out = tmp_path / "out"
    inputs = [str(FIXTURES / "seed-zh-hant" / "input")]
    assert main(["extract", *inputs, "--out", str(out), "--quiet"]) == 0
    assert main(["track", "--tables", str(out), *SNAPSHOTS]) == 0
    assert json.loads((out / "provenance.json").read_text("utf-8"))["summary"]["documents"] == 1
    capsys.readouterr()
    assert main(["extract", *inputs, "--out", str(out)]) == 0
    assert "is up to date" in capsys.readouterr().err
    assert (out / "promises.parquet").exists()
