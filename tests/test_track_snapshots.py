"""Catalogue snapshots of every shape are read whole, or refused with a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plan_extract.tracking.snapshots import (
    SnapshotError,
    canonical_formats,
    load_snapshot,
    parse_snapshot_arg,
)

CATALOGUE = Path(__file__).parent / "fixtures" / "catalogue"


def test_2018_scrape_csv() -> None:
    snapshot = load_snapshot(CATALOGUE / "catalogue-2018-06-04.en.csv")
    assert (snapshot.date, snapshot.shape, len(snapshot.entries)) == (
        "2018-06-04",
        "scrape_csv",
        32,
    )
    als = next(e for e in snapshot.entries if e.title_en == "Address Lookup Service")
    assert als.organisation_en == "Office of the Government Chief Information Officer"
    assert als.formats == ("JSON", "XML")
    assert als.update_frequency_raw == "Monthly"
    assert als.url is None  # the scrape has no dataset ids


def test_2025_package_search_crawl() -> None:
    snapshot = load_snapshot(CATALOGUE / "catalogue-2025-09-13.package_search.json")
    assert (snapshot.date, snapshot.shape, len(snapshot.entries)) == (
        "2025-09-13",
        "package_search",
        73,
    )
    als = next(e for e in snapshot.entries if e.catalogue_id == "hk-dpo-als_01-als")
    assert als.organisation_en == "Digital Policy Office"
    assert als.formats == ("API", "JSON", "XML")
    assert als.url == "https://data.gov.hk/en-data/dataset/hk-dpo-als_01-als"
    assert als.title_zh is None and als.update_frequency_raw is None


def test_package_search_api_envelope() -> None:
    snapshot = load_snapshot(CATALOGUE / "package-search-api-2025-09-13.json")
    assert snapshot.shape == "package_search_api" and len(snapshot.entries) == 5
    assert snapshot.entries[0].organisation_en == "Water Supplies Department"
    assert snapshot.entries[0].formats == ("CSV",)


def test_package_show_json_lines_bilingual() -> None:
    snapshot = load_snapshot(CATALOGUE / "package-show-2026-08-27.jsonl")
    assert (snapshot.date, snapshot.shape, len(snapshot.entries)) == (
        "2026-08-27",
        "package_show",
        16,
    )
    oro = next(e for e in snapshot.entries if e.catalogue_id == "hk-oro-oro-spending-data")
    assert oro.title_zh == "總目116－破產管理署項下的政府一般收入帳目開支數據"
    assert oro.organisation_zh == "破產管理署"
    assert oro.update_frequency_raw == "Quarterly"
    cfs = next(e for e in snapshot.entries if e.catalogue_id == "cfs-fcsyp-fcsyp")
    assert cfs.formats == ("XML",)  # "XML x14"


def test_date_published_is_the_earliest_resource_date(tmp_path: Path) -> None:
    record = {
        "name": "hk-x",
        "title": "X",
        "organization": {"title": "Digital Policy Office"},
        "resources": [
            {"format": "CSV", "datePublished": "2021-07-02T03:00:00"},
            {"format": "JSON", "datePublished": "2020-11-14"},
            {"format": "XML"},
        ],
    }
    path = tmp_path / "show.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    entry = load_snapshot(path, "2026-01-01").entries[0]
    assert entry.date_published == "2020-11-14"
    assert entry.formats == ("CSV", "JSON", "XML")


def _show_lines() -> list[str]:
    return (CATALOGUE / "package-show-2026-08-27.jsonl").read_text("utf-8").splitlines()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("cut.jsonl", lambda: "\n".join(_show_lines()[:5]) + "\n", "did not finish"),
        (
            "broken.jsonl",
            lambda: "\n".join(_show_lines()[:5]) + '\n{"name": "hk-',
            "line 6 is not JSON",
        ),
        (
            "miscount.jsonl",
            lambda: "\n".join([*_show_lines()[:3], _show_lines()[-1]]) + "\n",
            "end marker",
        ),
        ("empty.json", lambda: "", "empty"),
        ("other.json", lambda: '{"rows": []}', "neither"),
        ("list.json", lambda: "[1, 2]", "neither"),
        (
            "page.json",
            lambda: '{"success": true, "result": {"count": 3651, "results": [{"name": "a"}]}}',
            "one page of 1 of 3651",
        ),
        ("noname.json", lambda: '{"datasets": [{"title": "x"}]}', "neither name nor id"),
        ("cut.csv", None, "wrong number of cells"),
        ("notcatalogue.csv", lambda: "a,b\n1,2\n", "not a catalogue CSV"),
        (
            "unterminated.csv",
            lambda: 'Category,Name,Organization,Data Format,Update Frequency\na,"b,c,d,e\n',
            "unexpected end of data",
        ),
    ],
)
def test_malformed_or_truncated_snapshots_are_errors(
    tmp_path: Path, name: str, make: object, message: str
) -> None:
    path = tmp_path / name
    if make is None:  # the CSV cut inside a quoted record
        text = (CATALOGUE / "catalogue-2018-06-04.en.csv").read_text("utf-8")
        path.write_text(text[: text.index("Approved fund-raising") + 40], "utf-8")
    else:
        path.write_text(make(), "utf-8")  # type: ignore[operator]
    with pytest.raises(SnapshotError, match=message):
        load_snapshot(path, "2026-01-01")


def test_a_snapshot_needs_a_date(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.json"
    path.write_text('{"datasets": []}', "utf-8")
    with pytest.raises(SnapshotError, match="no snapshot date"):
        load_snapshot(path)
    assert load_snapshot(path, "2024-01-31").date == "2024-01-31"
    assert parse_snapshot_arg("x/catalogue.json@2024-01-31") == (
        Path("x/catalogue.json"),
        "2024-01-31",
    )
    assert parse_snapshot_arg("x/c.json") == (Path("x/c.json"), None)


def test_formats_are_canonical() -> None:
    assert canonical_formats(["JSON/XML", "xls", "XML x14", None, "GeoJSON"]) == (
        "JSON",
        "XML",
        "XLS",
        "GEOJSON",
    )
