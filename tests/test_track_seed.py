"""The seed plan against the real catalogues, checked against a match table made by reading.

HAND_2025 and HAND_2018 were written by looking each item up in the snapshot (the Digital Policy
Office's 68 datasets and HKCERT's 2 in 2025; OGCIO's 27 in 2018) and reading the candidates, before
looking at what the program says. ``expected`` is the program's status, which must never contradict
the hand table: a ``listed`` row names the hand's dataset, a ``to_review`` row has it among its
candidates, an absent dataset is never ``listed``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import plan_extract

FIXTURES = Path(__file__).parent / "fixtures"
CATALOGUE = FIXTURES / "catalogue"

# (section, item): (catalogue dataset found by reading, or None if absent; the program's status)
HAND_2025 = {
    ("A", 1): ("hk-dpo-datagovhk1-open-dataset-list", "listed"),
    ("A", 2): ("hk-dpo-datagovhk1-open-data-usage-stat", "to_review"),
    ("A", 3): ("hk-dpo-dpo_hp-statistics-on-government-forms", "listed"),
    ("A", 4): ("hk-dpo-mobileapps-mobileappstat", "listed"),
    ("A", 5): ("hk-dpo-govhkstats-govhk-utilisation", "listed"),
    ("A", 6): ("hk-dpo-dpo_hp-egis-epay-stats", "listed"),
    ("A", 7): ("hk-dpo-govhkstats-e-government-services-statistics", "listed"),
    ("A", 8): ("hk-dpo-pgc_div_01-information-security-incident", "listed"),
    ("A", 9): ("hk-dpo-dpo_hp-approved-blockvote-projects", "listed"),
    ("A", 10): ("hk-dpo-dpo_hp-soa-qps-awarded-service-contracts", "to_review"),
    ("A", 11): ("hk-dpo-dpo_hp-imx-statistics", "to_review"),
    ("A", 12): (
        "hk-dpo-dpo_hp-online-learning-resources-in-the-elderly-it-learning-portal",
        "to_review",
    ),
    ("A", 13): ("hk-dpo-dpo_hp-t-contract-no", "listed"),
    ("A", 14): ("hk-dpo-dpo_hp-t-contract-statistics", "listed"),
    ("C", 1): ("hkcert-hkcertstat-hkcert-incident-report", "listed"),
}
HAND_2018 = {
    ("D", 1): ("Address Lookup Service", "listed"),
    ("D", 2): ("Approved fund-raising activities", "listed"),
    ("D", 3): ("Details of EventHK information", "listed"),
    # two datasets, "List of GovHK Notifications" and "Details of GovHK Notifications"
    ("D", 4): ("List of GovHK Notifications", "to_review"),
    ("D", 5): ("Hong Kong Supplementary Character Set related information", "listed"),
    ("D", 6): ("Real-Time Parking Vacancy Data (One-Stop Version)", "listed"),
    ("D", 7): ("Computerisation in the Government", "listed"),
    ("D", 8): ("Job Vacancies", "listed"),
    ("D", 9): ("Notice of Open Tender", "listed"),
    # two datasets, "GovCERT.HK Security Advisories" and "GovCERT.HK Security Alerts"
    ("D", 10): ("GovCERT.HK Security Advisories", "to_review"),
    # two datasets, "(Interested Suppliers)" and "(Active Suppliers)"
    ("D", 11): ("IT Services Suppliers (Interested Suppliers)", "to_review"),
    ("D", 12): ("Listing of Government Public Cloud Services Providers", "listed"),
    ("D", 13): ("Contractor List of Centrally organised IT contracts", "listed"),
    ("D", 14): ("Past Programmes in Encouraging ICT Adoption among the Elderly by OGCIO", "listed"),
    ("D", 15): ("Web/Mobile App Accessibility Services Providers List", "listed"),
    ("D", 16): ("Digital Inclusion Mobile Apps", "listed"),
    ("D", 17): (None, "not_listed"),  # Wi-Fi.HK: released 10/2018, after the snapshot
}
PLANS = {
    "en": "ogcio-2018-annual-open-data-plan.en",
    "zh-Hant": "ogcio-2018-annual-open-data-plan.zh-hant",
    "zh-Hans": "ogcio-2018-annual-open-data-plan.zh-hans",
}


@pytest.fixture(scope="module")
def tables() -> plan_extract.Tables:
    return plan_extract.extract(FIXTURES / "bilingual-seed" / "input")


def _check(
    promises: pd.DataFrame, plan_id: str, hand: dict[tuple[str, int], tuple[str | None, str]]
) -> None:
    rows = promises[promises.plan_id == plan_id].set_index(["section", "item_no"])
    for key, (dataset, status) in hand.items():
        row = rows.loc[key]
        assert row.status == status, (key, row.status, row.status_reason)
        if status == "listed":
            assert row.catalogue_id == dataset, key
        elif status == "to_review":
            assert dataset in [c["catalogue_id"] for c in row.candidates], key
        else:
            assert pd.isna(row.catalogue_id), key


@pytest.mark.parametrize("language", ["en", "zh-Hant", "zh-Hans"])
def test_sections_a_and_c_against_2025(tables: plan_extract.Tables, language: str) -> None:
    """The Chinese versions match through the English version's names (bilingual)."""
    result = plan_extract.track(tables, CATALOGUE / "catalogue-2025-09-13.package_search.json")
    _check(result.promises, PLANS[language], HAND_2025)


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
def test_section_d_against_2018(tables: plan_extract.Tables, language: str) -> None:
    result = plan_extract.track(tables, CATALOGUE / "catalogue-2018-06-04.en.csv")
    _check(result.promises, PLANS[language], HAND_2018)


def test_both_snapshots_date_the_releases(tables: plan_extract.Tables) -> None:
    snapshots = [
        CATALOGUE / "catalogue-2018-06-04.en.csv",
        CATALOGUE / "catalogue-2025-09-13.package_search.json",
    ]
    promises = plan_extract.track(tables, snapshots).promises
    rows = promises[promises.plan_id == PLANS["en"]].set_index(["section", "item_no"])
    a1 = rows.loc[("A", 1)]
    assert (a1.first_listed, a1.last_unlisted) == ("2025-09-13", "2018-06-04")
    assert a1.on_time == "unknown"  # due 2019-04-30, released between 2018-06-04 and 2025-09-13
    d17 = rows.loc[("D", 17)]  # Wi-Fi.HK: not in 2018; in 2025 only a review candidate
    assert list(d17.listed_in) == [] and d17.last_unlisted == "2018-06-04"
    assert pd.isna(d17.on_time)  # section D claims have no promise date
    d1 = rows.loc[("D", 1)]
    assert list(d1.listed_in) == ["2018-06-04", "2025-09-13"]
    assert d1.catalogue_id == "hk-dpo-als_01-als"  # status and id from the latest snapshot
    assert list(d1.formats_listed) == ["API", "JSON", "XML"]  # the latest snapshot's formats
    # the 2025 crawl states no frequency: the 2018 catalogue's is the newest evidence
    assert (d1.frequency_listed_raw, d1.frequency_snapshot_date, d1.frequency_kept) == (
        "Monthly",
        "2018-06-04",
        "yes",
    )
    d12 = rows.loc[("D", 12)]  # the plan says monthly, the catalogue "As and when necessary"
    assert (d12.update_frequency, d12.frequency_listed, d12.frequency_kept) == (
        "monthly",
        "as_needed",
        "no",
    )
    assert pd.isna(a1.frequency_listed_raw) and a1.frequency_kept == "unknown"


def test_a_chinese_plan_alone_is_not_matchable_in_an_english_snapshot() -> None:
    tables = plan_extract.extract(FIXTURES / "seed-zh-hant" / "input")
    result = plan_extract.track(tables, CATALOGUE / "catalogue-2025-09-13.package_search.json")
    promises = result.promises
    assert set(promises.status) == {"to_review"}
    assert promises.status_reason.str.startswith("not matchable").all()
    assert promises.name_en.isna().all()


def test_a_chinese_plan_alone_matches_chinese_titles() -> None:
    tables = plan_extract.extract(FIXTURES / "seed-zh-hant" / "input")
    result = plan_extract.track(tables, CATALOGUE / "package-show-2026-08-27.jsonl")
    rows = result.promises.set_index(["section", "item_no"])
    assert rows.loc[("D", 1)].catalogue_id == "hk-dpo-als_01-als"  # 地址搜尋服務
    assert rows.loc[("D", 1)].match_method == "exact"
    assert rows.loc[("D", 7)].catalogue_id == "hk-dpo-dpo_hp-statistics-on-computer"
    assert rows.loc[("D", 2)].catalogue_id == "hk-dpo-fundraise-approved-fund-raising-activities"
