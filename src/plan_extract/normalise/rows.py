"""A structured plan → plan and dataset records. Each field comes from one small normaliser:

- ``category``/``dataset_name``: the first cell joined (:func:`.text.join_pieces`) and split on the
  first 「／」 or " / " (:func:`.remarks.split_category`);
- ``release_month``/``release_precision``: :func:`.dates.parse_release_date` (a year-less 年底 takes
  the section's one year); a month outside the years the section's title names is a warning, an
  unreadable date an error, "to be confirmed" neither (raw text kept either way);
- ``update_frequency``/``update_interval``/``update_frequency_parts``: :func:`.frequency.parse_frequency`;
- ``formats``/``description``/``note``: :func:`.remarks.parse_remarks`;
- ``name_key``: :func:`.text.name_key`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from ..departments import department_id
from ..model import DatasetRecord, Frequency, PlanRecord, RawRow, Section, StructuredPlan
from ..problems import ProblemLog
from .dates import ReleaseDate, parse_release_date
from .frequency import parse_frequency
from .numerals import parse_item_no
from .remarks import parse_remarks, split_category
from .text import join_pieces, name_key


def _joined(row: RawRow, role: str) -> str | None:
    return join_pieces(row.cells.get(role, [])) or None


def _item_no(row: RawRow, log: ProblemLog) -> int | None:
    number = parse_item_no(row.item_cell)
    if number is not None:
        return number
    if row.item_cell:
        log.add("bad_item_no", repr(row.item_cell), row.where, row.item_cell)
    return None


def _outside_section_years(section: Section, month: str) -> bool:
    """A target month (sections A–C) in a year the section's title does not name."""
    return section.letter != "D" and bool(section.years) and int(month[:4]) not in section.years


def _release_date(row: RawRow, raw: str | None, label: str, log: ProblemLog) -> ReleaseDate | None:
    """Month and precision of the release date cell; a month outside the section's years is only a
    warning, and "to be confirmed" (precision unknown, no month) is no problem at all."""
    years = row.section.years if row.section is not None else ()
    date = parse_release_date(raw, years)
    month = date.month if date else None
    if raw is None:
        log.add("date_missing", label, row.where)
    elif date is None:
        log.add("date_unparsed", f"{raw!r} (item {label}{_year_less(raw, years)})", row.where, raw)
    elif (
        month is not None and row.section is not None and _outside_section_years(row.section, month)
    ):
        years_text = ", ".join(map(str, row.section.years))
        log.add(
            "date_outside_section",
            f"item {label} is due {month}, but section {row.section.letter} is for {years_text}",
            row.where,
            raw,
        )
    return date


def _year_less(raw: str, years: tuple[int, ...]) -> str:
    """Why a period without a year was not read: its section does not name exactly one year."""
    if parse_release_date(raw, (2000,)) is None:
        return ""
    named = ", ".join(map(str, years)) or "no year"
    return f"; a period without a year, and the section's title names {named}"


def _frequency(row: RawRow, raw: str | None, label: str, log: ProblemLog) -> Frequency | None:
    frequency = parse_frequency(raw)
    if raw is None:
        log.add("frequency_missing", label, row.where)
    elif frequency is None:
        log.add("frequency_unknown", f"{raw!r} (item {label})", row.where, raw)
    return frequency


def normalise_row(
    plan: StructuredPlan, plan_id: str, row: RawRow, log: ProblemLog
) -> DatasetRecord:
    """One dataset record; problems met on the way go to ``log``."""
    item_no = _item_no(row, log)
    label = f"{row.section.letter if row.section else '?'}{item_no if item_no is not None else '?'}"
    name_text = _joined(row, "category_name") or ""
    category, dataset_name = split_category(name_text)
    if category is None and dataset_name:
        log.add("category_missing", repr(dataset_name), row.where, dataset_name)

    date_raw = _joined(row, "release_date")
    release = _release_date(row, date_raw, label, log)
    frequency_raw = _joined(row, "update_frequency")
    frequency = _frequency(row, frequency_raw, label, log)

    remarks_raw = _joined(row, "remarks")
    remarks = parse_remarks(remarks_raw or "")
    for annotation in remarks.unknown_format_annotations:
        log.add("format_unknown", f"{annotation} (item {label})", row.where, annotation)

    boxes = [asdict(box) for box in row.where.boxes]
    return DatasetRecord(
        plan_id=plan_id,
        source_file=plan.source.path,
        source_page=row.where.page,
        source_line=row.where.line,
        source_bbox=boxes or None,
        language=plan.language,
        plan_year=plan.header.plan_year,
        department=plan.header.department,
        department_id=department_id(plan.header.department, plan.header.department_abbr),
        section=row.section.letter if row.section else None,
        section_title=row.section.title if row.section else None,
        organisation_no=row.organisation.number,
        organisation=row.organisation.name or plan.header.department,
        organisation_abbr=row.organisation.abbr
        if row.organisation.number
        else plan.header.department_abbr,
        item_no=item_no,
        category=category,
        dataset_name=dataset_name,
        name_key=name_key(dataset_name),
        release_month=release.month if release else None,
        release_month_raw=date_raw,
        release_precision=release.precision if release else None,
        update_frequency=frequency.code if frequency else "unknown",
        update_interval=frequency.interval if frequency else None,
        update_frequency_raw=frequency_raw,
        update_frequency_parts=[asdict(p) for p in frequency.parts] if frequency else [],
        formats=remarks.formats,
        description=remarks.description,
        note=remarks.note,
        remarks_raw=remarks_raw,
    )


def normalise_plan(
    plan: StructuredPlan, plan_id: str, log: ProblemLog
) -> tuple[PlanRecord, list[DatasetRecord]]:
    """The plan's record and its dataset records, in document order."""
    datasets = [normalise_row(plan, plan_id, row, log) for row in plan.rows]
    seen: Counter[tuple[str | None, int, int]] = Counter()
    for dataset, row in zip(datasets, plan.rows, strict=True):
        if dataset.item_no is None:
            continue
        key = (dataset.section, dataset.organisation_no, dataset.item_no)
        seen[key] += 1
        if seen[key] == 2:
            log.add(
                "duplicate_item",
                f"{dataset.section}{dataset.item_no}",
                row.where,
                dataset.dataset_name,
            )
    per_section = Counter(d.section for d in datasets)
    counts = Counter(p.severity for p in log.problems)
    record = PlanRecord(
        plan_id=plan_id,
        source_file=plan.source.path,
        sha256=plan.source.sha256,
        file_kind=plan.source.kind,
        encoding=plan.source.encoding,
        department=plan.header.department,
        department_abbr=plan.header.department_abbr,
        department_id=department_id(plan.header.department, plan.header.department_abbr),
        plan_year=plan.header.plan_year,
        language=plan.language,
        title=plan.header.title,
        pages=plan.source.pages,
        rows_a=per_section["A"],
        rows_b=per_section["B"],
        rows_c=per_section["C"],
        rows_d=per_section["D"],
        rows_total=len(datasets),
        errors=counts["error"],
        warnings=counts["warning"],
    )
    return record, datasets
