"""A structured plan → plan and dataset records. Each field comes from one small normaliser:

- ``category``/``dataset_name``: a separate category or name column as printed (a name column is
  never split), or a combined cell joined (:func:`.text.join_pieces`) and split on the first 「／」
  or " / " (:func:`.remarks.split_category`), or the category the row's context gives it (a
  grouping row, a merged cell above);
- ``item_no``/``item_label``: the printed label's number (:func:`.numerals.parse_item_no`; roman
  numerals only in a section numbered with them), or the row's position where none is printed;
- ``release_month``/``release_precision``: :func:`.dates.parse_release_date` (a year-less 年底 takes
  the section's one year); a month outside the years the section's title names is a warning, an
  unreadable date an error, "to be confirmed" neither (raw text kept either way);
- ``update_frequency``/``update_interval``/``update_frequency_parts``: :func:`.frequency.parse_frequency`;
- ``formats``: a formats column (:func:`.remarks.format_list`), then the remarks' annotation;
- ``description``/``note``: a description column, else the remarks' text
  (:func:`.remarks.parse_remarks`); the note is every 註：/Note: found in any cell, the remarks'
  text where a description column exists, then the footnotes the row's markers refer to;
- ``name_key``: :func:`.text.name_key`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from ..departments import department_id
from ..model import (
    Box,
    DatasetRecord,
    Frequency,
    FrequencyPart,
    PlanRecord,
    RawRow,
    Section,
    StructuredPlan,
    Where,
)
from ..problems import ProblemLog
from .dates import ReleaseDate, parse_release_date
from .frequency import parse_frequency
from .numerals import is_roman_label, parse_item_no
from .remarks import format_list, parse_remarks, split_category, split_note
from .text import join_pieces, name_key


def _joined(row: RawRow) -> dict[str, str | None]:
    """Each cell of the row joined, once (every field below reads the joined text)."""
    return {role: join_pieces(pieces) or None for role, pieces in row.cells.items()}


def _item_no(row: RawRow, roman: bool, log: ProblemLog) -> int | None:
    """The printed label's number; the row's position when its table prints no item numbers."""
    if row.position:
        return row.position
    number = parse_item_no(row.item_cell, roman=roman)
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


def _flat_dict(record: Box | FrequencyPart) -> dict[str, Any]:
    """``asdict`` of a record of plain values (a box, a frequency part), without the deep copy that
    made it a tenth of a long plan's normalising."""
    return {field.name: getattr(record, field.name) for field in fields(record)}


def _all_pieces(row: RawRow) -> list[str]:
    return [piece for pieces in row.cells.values() for piece in pieces]


@dataclass(frozen=True)
class _Texts:
    """A row's fields as text, after notes written inside cells were taken out."""

    category: str | None
    name: str
    description: str | None
    formats: list[str]
    notes: list[str]
    unknown_formats: list[str]


def _cell_text(joined: dict[str, str | None], role: str, notes: list[str]) -> str | None:
    """The joined cell; a 註：/Note: inside it goes to ``notes`` (so it spoils no value)."""
    text = joined.get(role)
    if text is None or role == "remarks":
        return text
    body, note = split_note(text, glued=role != "description")
    if note:
        notes.append(note)
    return body or None


def _texts(row: RawRow, joined: dict[str, str | None], log: ProblemLog) -> _Texts:
    """Category, name, description, formats and notes from whichever columns the table has."""
    notes: list[str] = []
    remarks = parse_remarks(joined.get("remarks") or "")
    if remarks.note:
        notes.append(remarks.note)
    combined = _cell_text(joined, "category_name", notes)
    category, name = split_category(combined) if combined else (None, "")
    separate_name = _cell_text(joined, "dataset_name", notes)
    if separate_name is not None or "dataset_name" in row.cells:
        name = separate_name or name  # a separate name column is never split
    category = _cell_text(joined, "category", notes) or category or row.category
    if category is None and combined and "category_name" in row.cells:
        log.add("category_missing", repr(name), row.where, name)
    description = remarks.description
    if "description" in row.cells:
        description = _cell_text(joined, "description", notes)
        if remarks.description:
            notes.append(remarks.description)
    formats, unknown = format_list(_cell_text(joined, "formats", notes) or "")
    formats += [f for f in remarks.formats if f not in formats]
    unknown += remarks.unknown_format_annotations
    return _Texts(category, name, description, formats, notes, unknown)


def normalise_row(
    plan: StructuredPlan, plan_id: str, row: RawRow, row_no: int, roman: bool, log: ProblemLog
) -> DatasetRecord:
    """One dataset record; problems met on the way go to ``log``."""
    item_no = _item_no(row, roman, log)
    label = f"{row.section.letter if row.section else '?'}{item_no if item_no is not None else '?'}"
    joined = _joined(row)
    texts = _texts(row, joined, log)
    notes = texts.notes
    date_raw = _cell_text(joined, "release_date", notes)
    release = _release_date(row, date_raw, label, log)
    frequency_raw = _cell_text(joined, "update_frequency", notes)
    frequency = _frequency(row, frequency_raw, label, log)
    notes += [n for n in row.notes if n not in notes]  # footnotes after the cells' own notes
    if not texts.name:
        log.add("name_missing", f"item {label}", row.where, join_pieces(_all_pieces(row)))
    for annotation in texts.unknown_formats:
        log.add("format_unknown", f"{annotation} (item {label})", row.where, annotation)

    boxes = [_flat_dict(box) for box in row.where.boxes]
    department_abbr = plan.header.department_abbr
    return DatasetRecord(
        plan_id=plan_id,
        row_no=row_no,
        source_file=plan.source.path,
        source_page=row.where.page,
        source_line=row.where.line,
        source_bbox=boxes or None,
        language=plan.language,
        plan_year=plan.header.plan_year,
        department=plan.header.department,
        department_id=department_id(plan.header.department, department_abbr),
        section=row.section.letter if row.section else None,
        section_title=row.section.title if row.section else None,
        organisation_no=row.organisation.number,
        organisation=row.organisation.name or plan.header.department,
        organisation_abbr=row.organisation.abbr if row.organisation.number else department_abbr,
        item_no=item_no,
        item_label=row.item_cell or None,
        category=texts.category,
        dataset_name=texts.name or None,
        name_key=name_key(texts.name) or None,
        release_month=release.month if release else None,
        release_month_raw=date_raw,
        release_precision=release.precision if release else None,
        update_frequency=frequency.code if frequency else "unknown",
        update_interval=frequency.interval if frequency else None,
        update_frequency_raw=frequency_raw,
        update_frequency_parts=[_flat_dict(p) for p in frequency.parts] if frequency else [],
        formats=texts.formats,
        description=texts.description,
        note="; ".join(notes) or None,
        remarks_raw=joined.get("remarks"),
        other_columns=_other_columns(row),
    )


def _other_columns(row: RawRow) -> list[dict[str, str]]:
    """The text of each column with an unknown label (an empty one is left out)."""
    texts = [(label, join_pieces(pieces)) for label, pieces in row.other_columns]
    return [{"label": label, "text": text} for label, text in texts if text]


def _roman_groups(plan: StructuredPlan) -> set[tuple[str | None, int]]:
    """Sections (and organisations) whose first printed item label is a roman numeral."""
    first: dict[tuple[str | None, int], str] = {}
    for row in plan.rows:
        if row.item_cell:
            key = (row.section.letter if row.section else None, row.organisation.number)
            first.setdefault(key, row.item_cell)
    return {key for key, label in first.items() if is_roman_label(label)}


def _check_numbering(datasets: list[DatasetRecord], wheres: list[Where], log: ProblemLog) -> None:
    """Repeated item numbers are errors; numbers that skip (1, 2, 4) say rows may be missing.
    ``wheres``: where each dataset's row is."""
    seen: Counter[tuple[str | None, int, int]] = Counter()
    numbers: dict[tuple[str | None, int], list[int]] = {}
    for dataset, where in zip(datasets, wheres, strict=True):
        if dataset.item_no is None:
            continue
        key = (dataset.section, dataset.organisation_no, dataset.item_no)
        seen[key] += 1
        numbers.setdefault(key[:2], []).append(dataset.item_no)
        if seen[key] == 2:
            log.add(
                "duplicate_item",
                f"{dataset.section}{dataset.item_no}",
                where,
                dataset.dataset_name,
            )
    for (section, organisation), found in numbers.items():
        missing = sorted(set(range(1, max(found) + 1)) - set(found))
        if missing and len(missing) <= max(found):
            group = f"section {section}" + (f" ({organisation})" if organisation else "")
            shown = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
            log.add("item_numbers_skip", f"{group}: no item {shown}", text=shown)


def _taken(rows: list[RawRow]) -> Iterator[RawRow]:
    """The rows in order, each taken off the list as it is given (the list ends empty)."""
    rows.reverse()
    while rows:
        yield rows.pop()


def normalise_plan(
    plan: StructuredPlan, plan_id: str, log: ProblemLog, *, consume: bool = False
) -> tuple[PlanRecord, list[DatasetRecord]]:
    """The plan's record and its dataset records, in document order. With ``consume``, each row
    is taken off ``plan.rows`` once normalised (the pipeline's choice: a large document's rows
    and records are then never all held at once)."""
    roman = _roman_groups(plan)
    datasets: list[DatasetRecord] = []
    wheres: list[Where] = []
    for row_no, row in enumerate(_taken(plan.rows) if consume else plan.rows, start=1):
        group = (row.section.letter if row.section else None, row.organisation.number)
        datasets.append(normalise_row(plan, plan_id, row, row_no, group in roman, log))
        wheres.append(row.where)
    _check_numbering(datasets, wheres, log)
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
        item_numbering=plan.item_numbering if datasets else None,
        rows_a=per_section["A"],
        rows_b=per_section["B"],
        rows_c=per_section["C"],
        rows_d=per_section["D"],
        rows_total=len(datasets),
        errors=counts["error"],
        warnings=counts["warning"],
    )
    return record, datasets
