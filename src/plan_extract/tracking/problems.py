"""What tracking could not do cleanly, as problem records (vocab/problems.tsv), read off the
``promises`` rows: a catalogue frequency the vocabulary does not know, and an organisation with no
dataset in the latest snapshot (renamed, or never published). One problem per plan and wording.

They join the extraction's ``problems`` table; the plans' warning counts follow, and re-running
``track`` replaces them rather than adding them twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from ..problems import make_problem
from .snapshots import Snapshot

TRACKING_CODES = ("catalogue_frequency_unknown", "organisation_not_in_catalogue")
ORGANISATION_MISSING = "no dataset of this organisation"


def tracking_problems(
    promises: Sequence[Mapping[str, Any]], latest: Snapshot
) -> list[dict[str, Any]]:
    """Problems found in the promises rows, against the latest snapshot's file."""
    seen: set[tuple[str, str, str]] = set()
    found = []
    for row in promises:
        if row.get("frequency_listed_raw") and not row.get("frequency_listed"):
            code, text = "catalogue_frequency_unknown", str(row["frequency_listed_raw"])
        elif str(row.get("status_reason") or "").startswith(ORGANISATION_MISSING):
            code, text = "organisation_not_in_catalogue", str(row.get("organisation"))
        else:
            continue
        if (row["plan_id"], code, text) in seen:
            continue
        seen.add((row["plan_id"], code, text))
        problem = make_problem(
            code, plan_id=row["plan_id"], source_file=latest.source, detail=repr(text), text=text
        )
        found.append(asdict(problem))
    return found


def merge_problems(
    problems: Sequence[Mapping[str, Any]],
    plans: Sequence[Mapping[str, Any]],
    new: Sequence[Mapping[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The extraction's problems without earlier tracking problems, plus ``new``; and the plans
    with their error and warning counts moved by the difference."""
    kept = [dict(p) for p in problems if p["code"] not in TRACKING_CODES]
    merged = kept + [dict(p) for p in new]
    updated = []
    for plan in plans:
        plan = dict(plan)
        for severity, column in (("error", "errors"), ("warning", "warnings")):
            before = sum(
                p["plan_id"] == plan["plan_id"] and p["severity"] == severity for p in problems
            )
            after = sum(
                p["plan_id"] == plan["plan_id"] and p["severity"] == severity for p in merged
            )
            plan[column] = (plan.get(column) or 0) + after - before
        updated.append(plan)
    return merged, updated
