"""Timing, frequency kept, matching decisions and overrides, each on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_extract.normalise.frequency import parse_frequency
from plan_extract.tracking.frequency import frequency_kept
from plan_extract.tracking.match import (
    ACCEPT_SCORE,
    MIN_LEAD,
    REVIEW_SCORE,
    Candidate,
    PlanItem,
    decide,
    match_item,
)
from plan_extract.tracking.organisations import organisation_id
from plan_extract.tracking.overrides import OverridesError, load_overrides
from plan_extract.tracking.snapshots import CatalogueEntry, Snapshot
from plan_extract.tracking.status import month_end, on_time, track_row
from plan_extract.tracking.tables import plan_item


def entry(
    catalogue_id: str, title: str, organisation: str = "Digital Policy Office", **kw: object
) -> CatalogueEntry:
    fields: dict[str, object] = {
        "title_zh": None,
        "organisation_zh": None,
        "formats": ("JSON",),
        "update_frequency_raw": None,
        "date_published": None,
        "url": f"https://data.gov.hk/en-data/dataset/{catalogue_id}",
    }
    fields.update(kw)
    return CatalogueEntry(catalogue_id, title, organisation_en=organisation, **fields)  # type: ignore[arg-type]


def item(
    name: str, organisation: str = "Office of the Government Chief Information Officer"
) -> PlanItem:
    return PlanItem((organisation,), (name,), (), "monthly", ("JSON",))


@pytest.mark.parametrize(
    ("release_month", "first", "last_unlisted", "published", "latest", "expected"),
    [
        ("2019-04", "2019-03-01", None, None, ("2025-09-13", "listed"), "yes"),
        ("2019-04", "2019-04-30", "2018-06-04", None, ("2025-09-13", "listed"), "yes"),
        ("2019-04", "2025-09-13", "2018-06-04", None, ("2025-09-13", "listed"), "unknown"),
        ("2019-04", "2025-09-13", "2020-01-01", None, ("2025-09-13", "listed"), "no"),
        ("2019-04", "2025-09-13", "2018-06-04", "2019-02-01", ("2025-09-13", "listed"), "yes"),
        ("2019-04", "2025-09-13", "2018-06-04", "2019-05-01", ("2025-09-13", "listed"), "no"),
        ("2019-04", None, "2025-09-13", None, ("2025-09-13", "not_listed"), "no"),
        ("2026-04", None, "2025-09-13", None, ("2025-09-13", "not_listed"), "unknown"),
        ("2019-04", None, None, None, ("2025-09-13", "to_review"), "unknown"),
        (None, "2019-01-01", None, None, ("2025-09-13", "listed"), "unknown"),
    ],
)
def test_on_time(
    release_month: str | None,
    first: str | None,
    last_unlisted: str | None,
    published: str | None,
    latest: tuple[str, str],
    expected: str,
) -> None:
    assert on_time(release_month, first, last_unlisted, published, latest) == expected


def test_month_end() -> None:
    assert [month_end(m) for m in ("2019-04", "2020-02", "2019-02", "2019-12")] == [
        "2019-04-30",
        "2020-02-29",
        "2019-02-28",
        "2019-12-31",
    ]


@pytest.mark.parametrize(
    ("promised", "listed", "kept"),
    [
        ("monthly", "monthly", "yes"),
        ("monthly", "daily", "yes"),
        ("monthly", "quarterly", "no"),
        ("quarterly", "as_needed", "no"),
        ("as_needed", "annual", "yes"),
        ("as_needed", "discontinued", "no"),
        ("annual", "discontinued", "no"),
        ("varies", "monthly", "unknown"),
        ("monthly", None, "unknown"),
        (None, "monthly", "unknown"),
        ("realtime", "intraday", "no"),
    ],
)
def test_frequency_kept(promised: str | None, listed: str | None, kept: str) -> None:
    assert frequency_kept(promised, listed) == kept


def test_organisations_meet_across_renames_and_languages() -> None:
    ogcio = organisation_id("Office of the Government Chief Information Officer")
    assert ogcio == "ogcio"
    for name in (
        "Digital Policy Office",
        "數字政策辦公室",
        "政府資訊科技總監辦公室",
        "OGCIO",
        "资科办",
    ):
        assert organisation_id(name) == ogcio, name
    assert organisation_id("香港電腦保安事故協調中心") == organisation_id("HKCERT") == "hkcert"
    assert (
        organisation_id("Some New Board")
        == organisation_id("some new  board")
        == "name:somenewboard"
    )
    assert organisation_id(None) is None


def _candidate(score: float, tie: float = 0.0, name: str = "x") -> Candidate:
    return Candidate(entry(name, name), score, "fuzzy", tie)


def test_decision_bands() -> None:
    assert decide([]).decision == "none"
    assert decide([_candidate(REVIEW_SCORE - 1)]).decision == "none"
    assert decide([_candidate(REVIEW_SCORE)]).decision == "review"
    assert decide([_candidate(ACCEPT_SCORE - 0.1)]).decision == "review"
    assert decide([_candidate(ACCEPT_SCORE)]).decision == "match"
    close = decide([_candidate(ACCEPT_SCORE + 5, name="a"), _candidate(ACCEPT_SCORE, name="b")])
    assert close.decision == "review" and "runner-up" in close.reason
    assert close.runner_up is not None and close.runner_up.entry.catalogue_id == "b"
    clear = decide([_candidate(95, name="a"), _candidate(95 - MIN_LEAD, name="b")])
    assert (
        clear.decision == "match"
        and clear.best is not None
        and clear.best.entry.catalogue_id == "a"
    )


def test_tie_breakers_order_but_never_pass_the_threshold() -> None:
    ranked = decide([_candidate(80, 0.0, "a"), _candidate(79, 4.0, "b")])
    assert ranked.best is not None and ranked.best.entry.catalogue_id == "b"
    assert ranked.decision == "review"


def test_matching_only_within_the_organisation() -> None:
    snapshot = Snapshot(
        "2025-09-13",
        "test",
        "package_search",
        (
            entry("hk-dpo-als", "Address Lookup Service"),
            entry("hk-landsd-als", "Address Lookup Service", "Lands Department"),
        ),
    )
    result = match_item(item("Address Lookup Service"), snapshot)
    assert (result.decision, result.method) == ("match", "exact")
    assert result.best is not None and result.best.entry.catalogue_id == "hk-dpo-als"
    alone = match_item(item("Address Lookup Service", "Treasury"), snapshot)
    assert alone.decision == "none" and "organisation" in alone.reason


def test_two_datasets_of_the_same_name_go_to_review() -> None:
    snapshot = Snapshot(
        "2025-09-13",
        "test",
        "package_search",
        (entry("a", "GovHK Notifications"), entry("b", "GovHK Notifications")),
    )
    assert match_item(item("GovHK Notifications"), snapshot).decision == "review"


def _write_overrides(path: Path, *lines: str) -> Path:
    header = "plan_id\tsection\torganisation_no\titem_no\tsnapshot_date\tcatalogue_id\tnote"
    path.write_text("\n".join(["# reviewed 2026-11", header, *lines]) + "\n", "utf-8")
    return path


def test_overrides_win(tmp_path: Path) -> None:
    path = _write_overrides(
        tmp_path / "overrides.tsv",
        "p\tA\t0\t10\t\thk-dpo-soa\tSOA-QPS is this contract list",
        "p\tA\t0\t11\t2025-09-13\tnone\tnot the same statistics",
    )
    overrides = load_overrides(path)
    snapshot = Snapshot(
        "2025-09-13",
        "t",
        "package_search",
        (
            entry("hk-dpo-soa", "Awarded service contracts of SOA-QPS"),
            entry("hk-dpo-imx", "Statistics of Central Internet Mail Exchange Service"),
        ),
    )
    row = {
        "section": "A",
        "release_month": "2019-04",
        "update_frequency": "quarterly",
        "formats": ["CSV"],
    }
    won = track_row(
        row,
        item("Service Contracts Awarded under the SOA-QPS"),
        [snapshot],
        overrides[("p", "A", 0, 10)],
    )
    assert (won["status"], won["match_method"], won["catalogue_id"]) == (
        "listed",
        "override",
        "hk-dpo-soa",
    )
    assert won["status_reason"] == "override: SOA-QPS is this contract list"
    assert won["formats_missing"] == ["CSV"]
    refused = track_row(
        row,
        item("Statistics of Central Internet Mail Exchange Service"),
        [snapshot],
        overrides[("p", "A", 0, 11)],
    )
    assert (refused["status"], refused["match_method"]) == ("not_listed", "override")
    assert refused["on_time"] == "no"  # due 2019-04, not listed on 2025-09-13


def test_bad_overrides_files(tmp_path: Path) -> None:
    (tmp_path / "b.tsv").write_text("plan_id\tcatalogue_id\np\tx\n", "utf-8")
    with pytest.raises(OverridesError, match="columns"):
        load_overrides(tmp_path / "b.tsv")
    with pytest.raises(OverridesError, match="item_no 'x'"):
        load_overrides(_write_overrides(tmp_path / "c.tsv", "p\tA\t0\tx\t\tid\t"))
    with pytest.raises(OverridesError, match="cannot be read"):
        load_overrides(tmp_path / "missing.tsv")


def test_listed_frequency_uses_the_plan_vocabulary() -> None:
    found = parse_frequency("Data will not be further updated")
    assert found is not None and found.code == "discontinued"


def test_a_departments_own_rows_block_by_its_id_whatever_its_printed_name() -> None:
    snapshot = Snapshot(
        "2025-09-13", "t", "package_search", (entry("hk-dpo-als", "Address Lookup Service"),)
    )
    unnamed = PlanItem(
        ("資訊科技總監辦",), ("Address Lookup Service",), (), None, (), department_id="ogcio"
    )
    assert match_item(unnamed, snapshot).decision == "match"
    assert (
        match_item(
            PlanItem(("資訊科技總監辦",), ("Address Lookup Service",), (), None, ()), snapshot
        ).decision
        == "none"
    )


def test_a_row_without_a_name_is_not_matchable() -> None:
    snapshot = Snapshot(
        "2025-09-13", "t", "package_search", (entry("hk-dpo-als", "Address Lookup Service"),)
    )
    row = {"plan_id": "p", "section": "A", "organisation_no": 0, "item_no": 1, "dataset_name": None}
    item = plan_item({**row, "language": "en", "department_id": "ogcio"}, None)
    assert (item.names_en, item.names_zh) == ((), ())
    result = match_item(item, snapshot)
    assert (result.decision, result.reason) == (
        "review",
        "not matchable: the row has no dataset name",
    )
