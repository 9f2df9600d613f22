"""Release months (the full table is in test_dates.py), format annotations, notes and the
category/name split."""

from __future__ import annotations

import pytest

from plan_extract.normalise.dates import parse_release_month
from plan_extract.normalise.remarks import (
    awaits_name,
    format_list,
    parse_remarks,
    split_category,
    split_note,
)


@pytest.mark.parametrize(
    ("raw", "month"),
    [
        ("04/2019", "2019-04"),
        ("二Ｏ一九年十二月", "2019-12"),
        ("By April 2019", "2019-04"),
        ("2019", "2019-12"),  # a year falls due in its last month (see test_dates.py)
        ("第二季", None),  # year-less, and no section to take a year from
        ("13/2019", None),
        (None, None),
    ],
)
def test_release_month(raw: str | None, month: str | None) -> None:
    """The month-only view of :func:`parse_release_date`, kept for callers that need no precision."""
    assert parse_release_month(raw) == month


@pytest.mark.parametrize(
    ("remarks", "description", "formats", "note"),
    [
        ("香港地址記錄(JSON及XML)", "香港地址記錄", ["JSON", "XML"], None),
        ("籌款活動資料(JSON and XML)", "籌款活動資料", ["JSON", "XML"], None),
        ("活動資訊的詳情(ICS及JSON)", "活動資訊的詳情", ["ICS", "JSON"], None),
        ("數據（JSON、CSV）", "數據", ["JSON", "CSV"], None),
        ("Address records (CSV, XLSX and JSON)", "Address records", ["CSV", "XLSX", "JSON"], None),
        ("Licences (XLS/XML)", "Licences", ["XLS", "XML"], None),
        (
            "由(1)運輸署和(2)起動九龍東辦事處所提供的空置車位數目(JSON)",
            "由(1)運輸署和(2)起動九龍東辦事處所提供的空置車位數目",
            ["JSON"],
            None,
        ),
        (
            "過濾（為濫發郵件）的互聯網電郵數目(JSON)",
            "過濾（為濫發郵件）的互聯網電郵數目",
            ["JSON"],
            None,
        ),
        (
            "完成日期(CSV)註：費用在200,000元以上的項目。",
            "完成日期",
            ["CSV"],
            "費用在200,000元以上的項目。",
        ),
        ("完成日期(CSV) 注：另見附表。", "完成日期", ["CSV"], "另見附表。"),
        ("Contract list (CSV) Note: over $200,000.", "Contract list", ["CSV"], "over $200,000."),
        ("關注組名單(JSON)", "關注組名單", ["JSON"], None),
        ("", None, [], None),
    ],
)
def test_parse_remarks(
    remarks: str, description: str | None, formats: list[str], note: str | None
) -> None:
    parsed = parse_remarks(remarks)
    assert (parsed.description, parsed.formats, parsed.note) == (description, formats, note)


def test_unknown_format_in_an_annotation_is_reported_not_dropped() -> None:
    parsed = parse_remarks("名單(JSON and PDQ)")
    assert parsed.formats == []
    assert parsed.description == "名單(JSON and PDQ)"
    assert parsed.unknown_format_annotations == ["(JSON and PDQ)"]


@pytest.mark.parametrize(
    ("cell", "names", "unknown"),
    [
        ("GML、MDB、XSD、Z IP", ["GML", "MDB", "XSD", "ZIP"], []),  # "Z" / "IP": seed 1340
        ("CSV JSON", ["CSV", "JSON"], []),  # two formats, a space between
        ("X LSX / PDQ", ["XLSX", "PDQ"], ["PDQ"]),
        ("Z IPPED", ["Z IPPED"], ["Z IPPED"]),  # no format once joined: kept as printed
    ],
)
def test_a_format_name_a_narrow_column_broke_is_one_format(
    cell: str, names: list[str], unknown: list[str]
) -> None:
    """Random Word layouts, seed 1340: a narrow formats column broke "ZIP" after its "Z"; the
    wrapped cell joined with a space is "Z IP", two tokens no format is, one format together."""
    assert format_list(cell) == (names, unknown)


def test_note_label_inside_a_word_is_not_a_note() -> None:
    assert split_note("備受關注：市民意見") == ("備受關注：市民意見", None)


@pytest.mark.parametrize(
    ("cell", "category", "name"),
    [
        ("資訊科技／開放數據的數據集名單", "資訊科技", "開放數據的數據集名單"),
        (
            "資訊科技／無障礙網頁／流動應用程式服務商名單",
            "資訊科技",
            "無障礙網頁／流動應用程式服務商名單",
        ),
        ("Housing / Address Lookup Service", "Housing", "Address Lookup Service"),
        (
            "Information Technology / Web / Mobile App Accessibility Services Providers List",
            "Information Technology",
            "Web / Mobile App Accessibility Services Providers List",
        ),
        ("只有名稱", None, "只有名稱"),
    ],
)
def test_split_category(cell: str, category: str | None, name: str) -> None:
    assert split_category(cell) == (category, name)


@pytest.mark.parametrize(
    ("text", "awaits"),
    [
        ("社會福利／", True),
        ("Employment and Labour /", True),
        ("Commerce and Industry ／ ", True),
        ("社會福利", False),
        ("Finance / GDP", False),
        ("無障礙網頁／流動應用程式", False),
        ("／", False),
        ("", False),
    ],
)
def test_a_category_awaits_its_name(text: str, awaits: bool) -> None:
    """A category and its separator with no name yet: the name is on the cell's next line."""
    assert awaits_name(text) is awaits
