"""Update frequencies: real wording from plans and the DATA.GOV.HK catalogue → one code."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from plan_extract.model import FrequencyPart
from plan_extract.normalise.frequency import frequency_codes, parse_frequency

REFERENCE = Path(__file__).parent / "fixtures" / "reference"


@pytest.mark.parametrize(
    ("phrase", "code", "interval"),
    [
        ("每季", "quarterly", "R/P3M"),
        ("每三個月", "quarterly", "R/P3M"),
        ("每年", "annual", "R/P1Y"),
        ("每月", "monthly", "R/P1M"),
        ("每6個月", "semiannual", "R/P6M"),
        ("「每6個月」", "semiannual", "R/P6M"),
        ("每６個月", "semiannual", "R/P6M"),
        ("每六個月", "semiannual", "R/P6M"),
        ("每半年", "semiannual", "R/P6M"),
        ("每年兩次", "semiannual", "R/P6M"),
        ("Every 6 months", "semiannual", "R/P6M"),
        ("Every Six Months", "semiannual", "R/P6M"),
        ("Half-yearly", "semiannual", "R/P6M"),
        ("每6个月", "semiannual", "R/P6M"),
        ("有需要時", "as_needed", None),
        ("有需要时", "as_needed", None),
        ("實時", "realtime", None),
        ("实时", "realtime", None),
        ("即時", "realtime", None),
        ("在發出保安建議或 警報時", "event_driven", None),
        ("每日兩次", "intraday", "R/PT12H"),
        ("每兩星期", "biweekly", "R/P2W"),
        ("每星期", "weekly", "R/P1W"),
        ("每週", "weekly", "R/P1W"),
        ("每日", "daily", "R/P1D"),
        ("每15分鐘", "intraday", "R/PT15M"),
        ("2分鐘", "intraday", "R/PT2M"),
        ("每兩年", "biennial", "R/P2Y"),
        ("每五年", "multiyear", "R/P5Y"),
        ("每星期一及四", "semiweekly", "R/P3.5D"),
        ("每月兩次", "semimonthly", "R/P0.5M"),
        ("每年三次", "three_times_a_year", "R/P4M"),
        ("不定期", "irregular", None),
        ("Every 30 seconds", "intraday", "R/PT30S"),
        ("Daily (updated to previous calendar day)", "daily", "R/P1D"),
        ("As and When Necessary", "as_needed", None),
        ("When a security advisory is issued", "event_driven", None),
    ],
)
def test_phrase(phrase: str, code: str | None, interval: str | None) -> None:
    freq = parse_frequency(phrase)
    if code is None:
        assert freq is None
    else:
        assert freq is not None
        assert (freq.code, freq.interval) == (code, interval)


def test_unknown_wording_is_not_guessed() -> None:
    assert parse_frequency("視乎天氣") is None
    assert parse_frequency("every blue moon") is None
    assert parse_frequency("") is None


def test_multi_agency_chinese_has_one_part_per_agency() -> None:
    freq = parse_frequency(
        "社會福利署、民政事務總署、民政事務局：有需要時； 食物環境衛生署： 每日兩次"
    )
    assert freq is not None
    assert freq.code == "varies"
    assert freq.interval is None
    assert freq.parts == (
        FrequencyPart("社會福利署", "as_needed", None),
        FrequencyPart("民政事務總署", "as_needed", None),
        FrequencyPart("民政事務局", "as_needed", None),
        FrequencyPart("食物環境衛生署", "intraday", "R/PT12H"),
    )


def test_multi_agency_english_twin_gives_the_same_parts() -> None:
    freq = parse_frequency(
        "Social Welfare Department:  as necessary;\nFood and Environmental Hygiene Department: "
        "twice daily;\nHome Affairs Department: as necessary;\nHome Affairs Bureau: as necessary."
    )
    assert freq is not None
    assert freq.code == "varies"
    assert [(p.agency, p.frequency) for p in freq.parts] == [
        ("Social Welfare Department", "as_needed"),
        ("Food and Environmental Hygiene Department", "intraday"),
        ("Home Affairs Department", "as_needed"),
        ("Home Affairs Bureau", "as_needed"),
    ]


def test_single_agency_keeps_its_code() -> None:
    freq = parse_frequency("Social Welfare Department:  once a year")
    assert freq is not None
    assert (freq.code, freq.interval) == ("annual", "R/P1Y")
    assert freq.parts == (FrequencyPart("Social Welfare Department", "annual", "R/P1Y"),)


def test_clock_times_are_not_agency_separators() -> None:
    freq = parse_frequency("Daily at 12:05am, 12:05pm, 2:00pm and as necessary")
    assert freq is not None
    assert freq.code == "intraday"
    assert freq.parts == ()


def test_alternatives_for_parts_of_a_dataset_vary() -> None:
    freq = parse_frequency("Quarterly/ Annual")
    assert freq is not None
    assert freq.code == "varies"
    assert [p.frequency for p in freq.parts] == ["quarterly", "annual"]


def _catalogue_frequencies() -> list[str]:
    with (REFERENCE / "datagovhk-catalogue-2018-06-04.en.csv").open(encoding="utf-8-sig") as f:
        return sorted({row["Update Frequency"] for row in csv.DictReader(f)})


# What each of the catalogue's distinct phrases must mean (not only "some code"): read off the
# phrase by a person.
CATALOGUE_EXPECTED = {
    "As and when necessary": "as_needed",
    "Monthly": "monthly",
    "Annually": "annual",
    "Quarterly": "quarterly",
    "Yearly": "annual",
    "As necessary": "as_needed",
    "Ad hoc": "irregular",
    "Annual": "annual",
    "Weekly": "weekly",
    "Every 1 year": "annual",
    "Daily": "daily",
    "Yearly or as and when necessary": "annual",
    "Every year": "annual",
    "Once a year": "annual",
    "Every 6 months": "semiannual",
    "Daily at 9:00am": "daily",
    "Every 15 minutes during office hours": "intraday",
    "Every 2 minutes": "intraday",
    "Every 3 months": "quarterly",
    "Every Week": "weekly",
    "Half-yearly": "semiannual",
    "Every Six Months": "semiannual",
    "Hourly": "intraday",
    "To be updated yearly along with the Annual Report on River Water Quality in Hong Kong "
    "(Usually in Q3)": "annual",
    "Every 1 month": "monthly",
    "Daily at 6:00pm": "daily",
    "Annual/ Ad hoc": "varies",
    "Quarterly/ Annual": "varies",
    "Every six months": "semiannual",
    "Real-Time": "realtime",
    "Monthly/ Annual": "varies",
    "monthly": "monthly",
    "Hourly and as necessary": "intraday",
    "N/A": "unknown",
    "As and when required": "as_needed",
    "On a need basis": "as_needed",
    "Everyday": "daily",
    "Update when necessary": "as_needed",
    "Every Friday": "weekly",
    "On yearly basis": "annual",
    "Every five year": "multiyear",
    "Once a month": "monthly",
    "Twice daily": "intraday",
    "Half-yearly/ Annual": "varies",
    "Realtime": "realtime",
    "yearly": "annual",
    "Monthly/ Ad hoc": "varies",
    "Every two to three years": "multiyear",
    "Twice per year": "semiannual",
    "Social Welfare Department:  once a year": "annual",
    "About every two years": "biennial",
    "Bi-Weekly": "biweekly",
    "Biannually or as and when necessary": "semiannual",
    "Monthly - Registered Vehicle Mechanics\n": "monthly",
    "Daily at 12:05am, 12:05pm, 2:00pm and as necessary": "intraday",
    "every year": "annual",
    "Every 3 years": "triennial",
    "Social Welfare Department:  as necessary;\nFood and Environmental Hygiene Department: twice "
    "daily;\nHome Affairs Department: as necessary;\nHome Affairs Bureau: as necessary.": "varies",
    "Every mid of month": "monthly",
    "Yearly - Competent Persons (Class 6)": "annual",
    'Monthly, except for "Completions and related statistics" to be updated annually': "varies",
    "Ad-hoc": "irregular",
    "Twice daily and as necessary": "intraday",
    "Every Monday and Thursday": "semiweekly",
    "January and July": "semiannual",
    "AQHI: hourly / Forecast: 00:30, 10:30 and 16:30 everyday and as required": "intraday",
    "Every 2 months": "bimonthly",
    "When necessary": "as_needed",
}


def test_every_catalogue_phrase_is_listed_here() -> None:
    assert set(_catalogue_frequencies()) == set(CATALOGUE_EXPECTED)


@pytest.mark.parametrize("phrase", sorted(CATALOGUE_EXPECTED))
def test_catalogue_phrase_maps_to_its_code(phrase: str) -> None:
    freq = parse_frequency(phrase)
    assert freq is not None, phrase
    assert freq.code == CATALOGUE_EXPECTED[phrase]


def test_real_frequencies_of_2026_samples_map() -> None:
    with (REFERENCE / "datagovhk-catalogue-sample-2026.en-zh-hant.csv").open(encoding="utf-8") as f:
        english = [row["update_frequency_en"] for row in csv.DictReader(f)]
    with (REFERENCE / "datagovhk-package-show-excerpts.zh-hant.csv").open(encoding="utf-8") as f:
        chinese = [row["update_frequency_tc"] for row in csv.DictReader(f)]
    for phrase in english + chinese:
        assert parse_frequency(phrase) is not None, phrase
    assert parse_frequency("每三個月") == parse_frequency("每季")


def test_every_code_is_documented_with_its_standard_terms() -> None:
    codes = frequency_codes()
    assert list(codes)[:3] == ["realtime", "intraday", "daily"]
    for code in codes.values():
        assert code.eu_code and code.definition and code.label_en and code.label_zh_hant
        if code.iso8601:
            assert code.iso8601.startswith("R/P")
