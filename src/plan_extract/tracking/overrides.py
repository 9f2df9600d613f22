"""A reviewer's decisions, kept in a TSV file and applied before any automatic matching.

Columns: ``plan_id``, ``section``, ``organisation_no``, ``item_no``, ``snapshot_date`` (empty: every
snapshot), ``catalogue_id`` (a catalogue id, or ``none`` for "not listed"), ``note``. A catalogue id
applies to each snapshot that has it (the 2018 scrape has titles for ids, later snapshots CKAN
names, so one dataset may need a line per snapshot); ``none`` applies to every snapshot it covers.
Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanExtractError

OVERRIDE_COLUMNS = (
    "plan_id",
    "section",
    "organisation_no",
    "item_no",
    "snapshot_date",
    "catalogue_id",
    "note",
)
NOT_LISTED = "none"


class OverridesError(PlanExtractError):
    """The overrides file cannot be read."""


@dataclass(frozen=True)
class Override:
    plan_id: str
    section: str
    organisation_no: int
    item_no: int | None
    snapshot_date: str | None
    catalogue_id: str
    note: str


OverrideKey = tuple[str, str, int, int | None]


def _int(value: str, path: Path, number: int, column: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise OverridesError(f"{path}: line {number}: {column} {value!r} is not a number")
    return int(value)


def load_overrides(path: Path | None) -> dict[OverrideKey, list[Override]]:
    """Overrides by (plan_id, section, organisation_no, item_no); an empty dict without a file."""
    if path is None:
        return {}
    try:
        lines = path.read_text("utf-8-sig").splitlines()
    except OSError as error:
        raise OverridesError(f"{path}: cannot be read ({error.strerror})") from None
    rows = [line for line in lines if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t")
    missing = [c for c in OVERRIDE_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise OverridesError(f"{path}: columns {missing} are missing")
    found: dict[OverrideKey, list[Override]] = {}
    for number, row in enumerate(reader, start=2):
        if not row["plan_id"] or not row["catalogue_id"]:
            raise OverridesError(f"{path}: line {number}: plan_id and catalogue_id are required")
        override = Override(
            plan_id=row["plan_id"].strip(),
            section=row["section"].strip(),
            organisation_no=_int(row["organisation_no"], path, number, "organisation_no") or 0,
            item_no=_int(row["item_no"], path, number, "item_no"),
            snapshot_date=row["snapshot_date"].strip() or None,
            catalogue_id=row["catalogue_id"].strip(),
            note=(row.get("note") or "").strip(),
        )
        key = (override.plan_id, override.section, override.organisation_no, override.item_no)
        found.setdefault(key, []).append(override)
    return found
