"""A plan in a later year's wording, end to end through the CLI: a title in brackets, an
introduction, section titles without letters, release dates by quarter, half, part of a year and
"to be confirmed"; the output validates against datapackage.json (release_precision's enum)."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless

from plan_extract.cli import main

PLAN = """\
Transport Department (TD)
Annual Open Data Plan (2021)
Introduction
1. This plan sets out the datasets the department will release on DATA.GOV.HK.
Datasets to be released in 2022
\tData Category / Dataset Name\tTarget Release Date\tUpdate Frequency\tRemarks
1.\tTransport / Journey Time Indicators\tQ1 2022\tReal-time\tJourney times (JSON)
2.\tTransport / Parking Vacancy Data\tMid-year\tReal-time\tVacancies (JSON)
3.\tTransport / Traffic Speed Map\tBy 31.12.2022\tEvery 5 minutes\tSpeeds (XML)
Datasets to be released in 2023 and 2024
\tData Category / Dataset Name\tTarget Release Date\tUpdate Frequency\tRemarks
1.\tTransport / Cross-boundary Coach Routes\tSecond half of 2023\tMonthly\tRoutes (CSV)
2.\tTransport / Green Minibus Fares\tTo be confirmed\tAs and when necessary\tFares (CSV)
3.\tTransport / Road Works Schedule\tEnd of year\tMonthly\tWorks (CSV)
Datasets planned by other organisations
\tData Category / Dataset Name\tTarget Release Date\tUpdate Frequency\tRemarks
\tNil\tNil\tNil\tNil
Datasets already released
\tData Category / Dataset Name\tRelease Date\tUpdate Frequency\tRemarks
1.\tTransport / Traffic Notices\tDec-20\tReal-time\tNotices (XML)
"""


def test_a_later_years_plan_end_to_end(tmp_path: Path) -> None:
    source = tmp_path / "td-2021-annual-open-data-plan.en.txt"
    source.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(source), "--out", str(out), "--quiet"]) == 1  # one date unparsed
    (plan,) = json.loads((out / "plans.json").read_text("utf-8"))
    assert (plan["department"], plan["plan_year"]) == ("Transport Department", 2021)
    rows = json.loads((out / "datasets.json").read_text("utf-8"))
    got = [(r["section"], r["item_no"], r["release_month"], r["release_precision"]) for r in rows]
    assert got == [
        ("A", 1, "2022-03", "quarter"),
        ("A", 2, "2022-06", "quarter"),  # year-less, section A names 2022 only
        ("A", 3, "2022-12", "day"),
        ("B", 1, "2023-12", "half"),
        ("B", 2, None, "unknown"),
        ("B", 3, None, None),  # year-less in a section of two years: not guessed
        ("D", 1, "2020-12", "month"),
    ]
    problems = json.loads((out / "problems.json").read_text("utf-8"))
    assert [(p["code"], p["text"]) for p in problems] == [("date_unparsed", "End of year")]
    assert (
        "(item B3; a period without a year, and the section's title names 2023, 2024)"
        in (problems[0]["message"])
    )
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
