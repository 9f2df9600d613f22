"""The language versions of one plan, side by side: bilingual.* rows and their problems.

Plans are grouped by (department_id, plan_year); a group with two or more of zh-Hant, en and
zh-Hans gives one row per item, paired by section, organisation number and item number. The
normalised fields the versions share (release month, frequency code and interval, formats) check
the pairing: where versions disagree the field is left empty and a problem names both documents;
an item found in some versions only is a problem too. Nothing is matched on translated text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .model import DatasetRecord, PlanRecord, Problem, Where
from .problems import make_problem

VERSIONS = ("zh-Hant", "en", "zh-Hans")
SHARED = ("release_month", "update_frequency", "update_interval", "formats")
ItemKey = tuple[str | None, int, int | None]


@dataclass(frozen=True)
class Version:
    plan: PlanRecord
    items: dict[ItemKey, DatasetRecord]


def _key(record: DatasetRecord) -> ItemKey:
    return (record.section, record.organisation_no, record.item_no)


def _groups(
    plans: Iterable[PlanRecord], datasets: Iterable[DatasetRecord]
) -> dict[tuple[str, int], dict[str, Version]]:
    by_plan: dict[str, dict[ItemKey, DatasetRecord]] = defaultdict(dict)
    for record in datasets:
        if record.item_no is not None:  # an unnumbered row cannot be paired (bad_item_no says so)
            by_plan[record.plan_id].setdefault(_key(record), record)
    groups: dict[tuple[str, int], dict[str, Version]] = defaultdict(dict)
    for plan in plans:
        if plan.department_id and plan.plan_year and plan.language in VERSIONS:
            group = groups[(plan.department_id, plan.plan_year)]
            group.setdefault(plan.language, Version(plan, by_plan[plan.plan_id]))
    return groups


def pairable(plans: Iterable[PlanRecord]) -> set[str]:
    """The ids of plans that have another language version among ``plans``: only their datasets
    are needed by :func:`bilingual`."""
    groups: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    for plan in plans:
        if plan.department_id and plan.plan_year and plan.language in VERSIONS:
            groups[(plan.department_id, plan.plan_year)].setdefault(plan.language, plan.plan_id)
    return {plan_id for group in groups.values() if len(group) > 1 for plan_id in group.values()}


def _comparable(field: str, value: Any) -> Any:
    return sorted(value) if field == "formats" else value


def _row(versions: dict[str, Version], key: ItemKey) -> tuple[dict[str, Any], list[str]]:
    """One bilingual row, and the descriptions of its disagreements."""
    present = {lang: v.items[key] for lang, v in versions.items() if key in v.items}
    hant, en, hans = (present.get(lang) for lang in VERSIONS)
    first = next(iter(present.values()))
    row: dict[str, Any] = {
        "department_id": next(iter(versions.values())).plan.department_id,
        "plan_year": first.plan_year,
        "department_zh": versions["zh-Hant"].plan.department if "zh-Hant" in versions else None,
        "department_en": versions["en"].plan.department if "en" in versions else None,
        "section": key[0],
        "organisation_no": key[1],
        "organisation_zh": hant.organisation if hant else None,
        "organisation_en": en.organisation if en else None,
        "item_no": key[2],
        "category_zh": hant.category if hant else None,
        "category_en": en.category if en else None,
        "name_zh": hant.dataset_name if hant else None,
        "name_en": en.dataset_name if en else None,
        "name_zh_hans": hans.dataset_name if hans else None,
        "description_zh": hant.description if hant else None,
        "description_en": en.description if en else None,
    }
    disagreements = []
    for field in SHARED:
        values = {lang: getattr(rec, field) for lang, rec in present.items()}
        if len({repr(_comparable(field, v)) for v in values.values()}) == 1:
            row[field] = getattr(first, field)
        else:
            row[field] = [] if field == "formats" else None
            shown = ", ".join(f"{v!r} in {_name(present[lang])}" for lang, v in values.items())
            disagreements.append(f"{field} is {shown}")
    for lang in VERSIONS:
        row[f"plan_id_{lang.lower().replace('-', '_')}"] = (
            versions[lang].plan.plan_id if lang in versions else None
        )
    return row, disagreements


def _name(record: DatasetRecord) -> str:
    """The file, and the plan id where it is not the file's (one file holding both versions)."""
    if record.plan_id == PurePath(record.source_file).stem:
        return record.source_file
    return f"{record.source_file} ({record.plan_id})"


def _label(key: ItemKey) -> str:
    section, organisation, item = key
    org = f"({organisation})" if organisation else ""
    return f"{section or '?'}{org}{item if item is not None else '?'}"


def bilingual(
    plans: list[PlanRecord], datasets: Iterable[DatasetRecord]
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Rows of bilingual.* and the problems found while pairing."""
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    paired: set[str] = set()
    for versions in _groups(plans, datasets).values():
        if len(versions) < 2:
            continue
        paired.update(v.plan.plan_id for v in versions.values())
        primary = versions.get("zh-Hant") or next(iter(versions.values()))
        files = " and ".join(v.plan.source_file for v in versions.values())
        keys = sorted(
            {k for v in versions.values() for k in v.items},
            key=lambda k: (k[0] or "", k[1], -1 if k[2] is None else k[2]),
        )
        for key in keys:
            row, disagreements = _row(versions, key)
            rows.append(row)
            anchor = (
                primary
                if key in primary.items
                else next(v for v in versions.values() if key in v.items)
            )
            record = anchor.items[key]
            where = Where(page=record.source_page, line=record.source_line)
            for text in disagreements:
                problems.append(
                    make_problem(
                        "bilingual_mismatch",
                        plan_id=anchor.plan.plan_id,
                        source_file=anchor.plan.source_file,
                        detail=f"item {_label(key)}: {text}",
                        where=where,
                        text=record.dataset_name,
                    )
                )
            for version in versions.values():
                if key not in version.items:
                    problems.append(
                        make_problem(
                            "bilingual_missing_item",
                            plan_id=version.plan.plan_id,
                            source_file=version.plan.source_file,
                            detail=f"item {_label(key)} ({record.dataset_name}) of "
                            f"{anchor.plan.source_file} is not in this version (versions "
                            f"compared: {files})",
                            text=record.dataset_name,
                        )
                    )
    problems += _unpaired(plans, paired)
    return rows, problems


def _unpaired(plans: list[PlanRecord], paired: set[str]) -> list[Problem]:
    """Plans left alone in a run that has other languages for the same year."""
    languages_by_year: dict[int, set[str]] = defaultdict(set)
    for plan in plans:
        if plan.plan_year and plan.language:
            languages_by_year[plan.plan_year].add(plan.language)
    problems = []
    for plan in plans:
        if plan.plan_id in paired or not plan.plan_year or not plan.language:
            continue
        others = languages_by_year[plan.plan_year] - {plan.language}
        if others:
            problems.append(
                make_problem(
                    "bilingual_unpaired",
                    plan_id=plan.plan_id,
                    source_file=plan.source_file,
                    detail=f"no {'/'.join(sorted(others))} version of {plan.department!r} "
                    f"{plan.plan_year} was paired with it",
                )
            )
    return problems
