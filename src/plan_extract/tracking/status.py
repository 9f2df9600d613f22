"""One plan row against every snapshot → its ``promises`` row: status, match, timing, frequency.

The status is the latest snapshot's decision; the earlier snapshots only bound the release date:
``first_listed`` is the earliest snapshot that lists the dataset and ``last_unlisted`` the latest
earlier one that does not, so a release is dated "between X and Y" and never more precisely than the
evidence allows (``metadata_created`` is not evidence: a 2021 portal migration stamped most
datasets). A resource's ``datePublished`` (package_show) is the one exact release date.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from typing import Any

from .frequency import frequency_kept, listed_frequency
from .match import Candidate, MatchResult, PlanItem, match_item
from .overrides import NOT_LISTED, Override
from .snapshots import Snapshot

STATUS_OF = {"match": "listed", "none": "not_listed", "review": "to_review"}


def apply_override(overrides: list[Override], snapshot: Snapshot) -> MatchResult | None:
    """A reviewer's decision for this snapshot, if there is one that applies to it."""
    for override in overrides:
        if override.snapshot_date not in (None, snapshot.date):
            continue
        reason = f"override: {override.note}" if override.note else "override"
        if override.catalogue_id == NOT_LISTED:
            return MatchResult("none", "override", reason)
        for entry in snapshot.entries:
            if entry.catalogue_id == override.catalogue_id:
                best = Candidate(entry, 100.0, "exact", 0.0)
                return MatchResult("match", "override", reason, best, None, (best,))
    return None


def month_end(year_month: str) -> str:
    """The last day of a YYYY-MM month: a promise of "04/2019" is kept by 2019-04-30."""
    year, month = int(year_month[:4]), int(year_month[5:7])
    return f"{year_month}-{calendar.monthrange(year, month)[1]:02d}"


def on_time(
    release_month: str | None,
    first_listed: str | None,
    last_unlisted: str | None,
    date_published: str | None,
    latest: tuple[str, str],
) -> str:
    """yes / no / unknown for a promise; ``latest`` is (date, status) of the latest snapshot."""
    if not release_month:
        return "unknown"
    due = month_end(release_month)
    if date_published:
        return "yes" if date_published <= due else "no"
    if first_listed:
        if first_listed <= due:
            return "yes"
        return "no" if last_unlisted and last_unlisted > due else "unknown"
    latest_date, latest_status = latest
    return "no" if latest_status == "not_listed" and latest_date > due else "unknown"


def _candidates(result: MatchResult) -> list[dict[str, Any]]:
    return [
        {"catalogue_id": c.entry.catalogue_id, "title": c.entry.title_en, "score": c.name_score}
        for c in result.candidates
    ]


def _match_columns(result: MatchResult) -> dict[str, Any]:
    best, runner = result.best, result.runner_up
    listed = result.decision == "match" and best is not None
    return {
        "status": STATUS_OF[result.decision],
        "status_reason": result.reason,
        "catalogue_id": best.entry.catalogue_id if listed and best else None,
        "catalogue_title": (best.entry.title_en or best.entry.title_zh)
        if listed and best
        else None,
        "catalogue_url": best.entry.url if listed and best else None,
        "match_method": result.method,
        "match_score": best.name_score if best else None,
        "runner_up_id": runner.entry.catalogue_id if runner else None,
        "runner_up_title": runner.entry.title_en if runner else None,
        "runner_up_score": runner.name_score if runner else None,
        "candidates": _candidates(result) if result.decision != "match" else [],
    }


def _delivery_columns(
    row: Mapping[str, Any], latest: MatchResult, earlier: list[tuple[str, MatchResult]]
) -> dict[str, Any]:
    """Frequency and formats of the dataset the latest snapshot lists. The frequency comes from
    the newest snapshot that lists it and states one (the 2025 crawl states none)."""
    if latest.decision != "match" or latest.best is None:
        return {
            "frequency_listed_raw": None,
            "frequency_listed": None,
            "frequency_snapshot_date": None,
            "frequency_kept": "unknown",
            "formats_listed": [],
            "formats_missing": [],
        }
    stated = [
        (date, r.best.entry.update_frequency_raw)
        for date, r in reversed(earlier)
        if r.decision == "match" and r.best and r.best.entry.update_frequency_raw
    ]
    date, raw = stated[0] if stated else (None, None)
    listed = listed_frequency(raw)
    entry = latest.best.entry
    promised_formats = list(row.get("formats") or [])
    return {
        "frequency_listed_raw": raw,
        "frequency_listed": listed,
        "frequency_snapshot_date": date,
        "frequency_kept": frequency_kept(row.get("update_frequency"), listed),
        "formats_listed": list(entry.formats),
        "formats_missing": [f for f in promised_formats if f not in entry.formats],
    }


def _removed(latest: MatchResult, listed_in: list[str]) -> dict[str, Any]:
    """A dataset an earlier snapshot listed and the latest does not: say so in the reason."""
    if latest.decision == "match" or not listed_in:
        return {}
    return {
        "status_reason": f"listed on {listed_in[-1]}, not in the latest snapshot: {latest.reason}"
    }


def track_row(
    row: Mapping[str, Any],
    item: PlanItem,
    snapshots: list[Snapshot],
    overrides: list[Override],
) -> dict[str, Any]:
    """The promise columns of one plan row (``snapshots`` sorted by date, at least one)."""
    results = [apply_override(overrides, s) or match_item(item, s) for s in snapshots]
    latest = results[-1]
    dated = [(s.date, r) for s, r in zip(snapshots, results, strict=True)]
    statuses = [(date, STATUS_OF[r.decision]) for date, r in dated]
    listed_in = [date for date, status in statuses if status == "listed"]
    first = listed_in[0] if listed_in else None
    unlisted = [d for d, status in statuses if status == "not_listed" and (not first or d < first)]
    published = [
        r.best.entry.date_published
        for r in results
        if r.decision == "match" and r.best and r.best.entry.date_published
    ]
    columns = {
        "snapshot_date": snapshots[-1].date,
        **_match_columns(latest),
        **_removed(latest, listed_in),
        "listed_in": listed_in,
        "first_listed": first,
        "last_unlisted": unlisted[-1] if unlisted else None,
        "date_published": min(published) if published else None,
        **_delivery_columns(row, latest, dated),
    }
    if row.get("section") == "D":
        columns["on_time"] = None
    else:
        columns["on_time"] = on_time(
            row.get("release_month"),
            first,
            columns["last_unlisted"],
            columns["date_published"],
            statuses[-1],
        )
    return columns
