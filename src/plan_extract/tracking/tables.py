"""The extraction's tables → ``promises`` and ``delivery`` rows. Reads tables, never documents.

``datasets`` rows may come from an older extraction without ``row_no``, ``item_label`` or
``release_precision``: those columns are then derived (row_no) or left empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .match import PlanItem
from .overrides import Override, OverrideKey
from .snapshots import Snapshot
from .status import track_row

Row = Mapping[str, Any]
LANGUAGE_PREFERENCE = ("zh-Hant", "en", "zh-Hans")
_PLAN_ID_COLUMN = {"zh-Hant": "plan_id_zh_hant", "en": "plan_id_en", "zh-Hans": "plan_id_zh_hans"}


def _order(row: Row) -> tuple[Any, ...]:
    return (
        row.get("section") or "~",
        row.get("organisation_no") or 0,
        row.get("item_no") if row.get("item_no") is not None else 10**9,
    )


def row_numbers(datasets: Sequence[Row]) -> list[int]:
    """``datasets.row_no`` where present, else each row's 1-based place in its plan, in section,
    organisation and item order (the document order of a well-numbered plan)."""
    if all(row.get("row_no") is not None for row in datasets):
        return [int(row["row_no"]) for row in datasets]
    numbers = [0] * len(datasets)
    by_plan: dict[str, list[int]] = {}
    for index, row in enumerate(datasets):
        by_plan.setdefault(row["plan_id"], []).append(index)
    for indices in by_plan.values():
        for place, index in enumerate(sorted(indices, key=lambda i: _order(datasets[i])), 1):
            numbers[index] = place
    return numbers


def _pair_index(bilingual: Iterable[Row]) -> dict[tuple[Any, ...], Row]:
    index: dict[tuple[Any, ...], Row] = {}
    for pair in bilingual:
        for column in _PLAN_ID_COLUMN.values():
            if pair.get(column):
                key = (pair[column], pair["section"], pair["organisation_no"], pair["item_no"])
                index[key] = pair
    return index


def plan_item(row: Row, pair: Row | None) -> PlanItem:
    """What matching knows of a row: its names and its organisation's names in every language."""
    english = row.get("language") == "en"
    name = row.get("dataset_name")  # null for a row printed without a name (name_missing)
    names_en = [name] if english and name else []
    names_zh = [name] if name and not english else []
    departments_own = not row.get("organisation_no")  # the department's rows (sections A, B, D)
    organisations = [row.get("organisation"), row.get("organisation_abbr")]
    organisations += [row.get("department")] if departments_own else []
    if pair:
        names_en += [pair["name_en"]] if pair.get("name_en") and not english else []
        names_zh += [pair[k] for k in ("name_zh", "name_zh_hans") if pair.get(k) and english]
        organisations += [pair.get("organisation_zh"), pair.get("organisation_en")]
    return PlanItem(
        organisations=tuple(o for o in organisations if o),
        names_en=tuple(names_en),
        names_zh=tuple(names_zh),
        frequency=row.get("update_frequency"),
        formats=tuple(row.get("formats") or ()),
        department_id=row.get("department_id") if departments_own else None,
    )


def _key(row: Row) -> OverrideKey:
    return (
        row["plan_id"],
        row.get("section") or "",
        row.get("organisation_no") or 0,
        row.get("item_no"),
    )


def promise_rows(
    datasets: Sequence[Row],
    bilingual: Iterable[Row],
    snapshots: Sequence[Snapshot],
    overrides: Mapping[OverrideKey, list[Override]],
) -> list[dict[str, Any]]:
    """One ``promises`` row per ``datasets`` row (snapshots in any order, at least one)."""
    ordered = sorted(snapshots, key=lambda s: s.date)
    pairs = _pair_index(bilingual)
    rows = []
    for row, row_no in zip(datasets, row_numbers(datasets), strict=True):
        pair = pairs.get(
            (row["plan_id"], row.get("section"), row.get("organisation_no"), row.get("item_no"))
        )
        item = plan_item(row, pair)
        rows.append(
            {
                **{k: row.get(k) for k in _CARRIED},
                "row_no": row_no,
                "name_en": item.names_en[0] if item.names_en else None,
                **track_row(row, item, ordered, overrides.get(_key(row), [])),
            }
        )
    return rows


_CARRIED = (
    "plan_id",
    "source_file",
    "language",
    "plan_year",
    "department",
    "department_id",
    "section",
    "organisation_no",
    "organisation",
    "item_no",
    "item_label",
    "dataset_name",
    "release_month",
    "release_precision",
    "update_frequency",
    "formats",
)


def _counted_plans(promises: Sequence[Row]) -> dict[tuple[str, Any], str]:
    """(department, plan year) → the plan_id counted: one language version per plan."""
    versions: dict[tuple[str, Any], list[Row]] = {}
    for row in promises:
        department = row.get("department_id") or row["plan_id"]
        versions.setdefault((department, row.get("plan_year")), []).append(row)
    chosen = {}
    for key, rows in versions.items():
        ranked = sorted(
            {(r.get("language"), r["plan_id"]) for r in rows},
            key=lambda lp: (_preference(lp[0]), lp[1]),
        )
        chosen[key] = ranked[0][1]
    return chosen


def _preference(language: str | None) -> int:
    return LANGUAGE_PREFERENCE.index(language) if language in LANGUAGE_PREFERENCE else 9


def delivery_rows(promises: Sequence[Row]) -> list[dict[str, Any]]:
    """Counts per department and plan year, from the ``promises`` rows only."""
    out = []
    for (department_id, plan_year), plan_id in _counted_plans(promises).items():
        rows = [r for r in promises if r["plan_id"] == plan_id]
        promised = [r for r in rows if r.get("section") in ("A", "B", "C")]
        listed = [r for r in promised if r["status"] == "listed"]
        claims = [r for r in rows if r.get("section") == "D"]
        out.append(
            {
                "department_id": department_id,
                "department": rows[0].get("department"),
                "plan_year": plan_year,
                "plan_id": plan_id,
                "snapshot_date": rows[0].get("snapshot_date"),
                "promised": len(promised),
                "listed": len(listed),
                "on_time": sum(r["on_time"] == "yes" for r in listed),
                "late": sum(r["on_time"] == "no" for r in listed),
                "timing_unknown": sum(r["on_time"] not in ("yes", "no") for r in listed),
                "not_listed": sum(r["status"] == "not_listed" for r in promised),
                "overdue": sum(
                    r["status"] == "not_listed" and r["on_time"] == "no" for r in promised
                ),
                "to_review": sum(r["status"] == "to_review" for r in promised),
                "frequency_not_kept": sum(r["frequency_kept"] == "no" for r in listed),
                "formats_missing": sum(bool(r["formats_missing"]) for r in listed),
                "claims": len(claims),
                "claims_listed": sum(bool(r["listed_in"]) for r in claims),
            }
        )
    return out
