"""The catalogue's later frequency wording (package_show, 2026) enters the plans' vocabulary."""

from __future__ import annotations

import pytest

from plan_extract.normalise.frequency import frequency_codes, parse_frequency


@pytest.mark.parametrize(
    ("phrase", "code", "interval"),
    [
        ("No longer being updated", "discontinued", None),
        ("Data will not be further updated", "discontinued", None),
        ("不再更新", "discontinued", None),
        ("數據將不會再更新", "discontinued", None),
        ("数据将不会再更新", "discontinued", None),
        ("As and when there is update", "as_needed", None),
        ("As and when there are new entries", "as_needed", None),
        ("When necessary", "as_needed", None),
        ("ANNUALLY", "annual", "R/P1Y"),
        ("Half-yearly", "semiannual", "R/P6M"),
        ("every 15 minutes", "intraday", "R/PT15M"),
        ("Real-Time", "realtime", None),
        ("ETA within 1 minute. Other data is updated daily or as necessary", "varies", None),
        ("如有需要", "as_needed", None),
        # "X or as and when necessary": the periodic update is the commitment (documented rule)
        ("每季及有需要時", "quarterly", "R/P3M"),
        ("每年或有需要時", "annual", "R/P1Y"),
        ("Yearly or as and when necessary", "annual", "R/P1Y"),
        ("Biannually or as and when necessary", "semiannual", "R/P6M"),
    ],
)
def test_portal_wording(phrase: str, code: str, interval: str | None) -> None:
    found = parse_frequency(phrase)
    assert found is not None, phrase
    assert (found.code, found.interval) == (code, interval)


def test_discontinued_is_a_code_of_its_own() -> None:
    stopped = frequency_codes()["discontinued"]
    assert (stopped.eu_code, stopped.iso8601, stopped.label_zh_hant) == ("NEVER", None, "不再更新")
